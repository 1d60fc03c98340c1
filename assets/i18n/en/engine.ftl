# The engine's messages: a deck check's problems and hints, the answer checker's notes,
# pictures and ids. The command line prints the English; the window shows the profile's
# language. Quoted names (`{ $name }`) are the deck's own words and are never translated.

## Names of a card's fields, used inside other messages as { $what }.

field-deck-title = deck title
field-description = description
field-source-title = source title
field-note = note
field-region-name = region name
field-front = front
field-back = back
field-cloze-text = cloze text
field-question = question
field-answer = answer
field-distractor = distractor
field-also-correct = also-correct option
field-statement = statement
field-correction = correction
field-prompt = prompt
field-choice-prompt = question for practice tests and exams
field-item = item
field-pair-left = left side of a pair
field-pair-right = right side of a pair

## A deck check's problems (the code in brackets in the command line's output is not
## translated) and the hint after each.

check-with-related = { $message } (see line { $line }, column { $column })
check-more-problems = { $errors } more { $errors ->
        [one] error
       *[other] errors
    } and { $warnings } more { $warnings ->
        [one] warning
       *[other] warnings
    } are not shown (only the first { $max } are)
check-more-problems-hint = fix the problems shown and check again
check-empty-text = the { $what } is empty
check-empty-text-hint = write the { $what }, or remove the card
check-too-long-text = the { $what } is { $size } KiB long; the limit is { $limit } KiB
check-too-long-text-hint = shorten it: a card's texts should fit on a screen
check-too-many = this list has more than { $max } entries, the most one card may have
check-too-many-hint = split it over several cards
check-deck-too-large = the cards of this deck would take about { $size } MiB of memory to study; the limit is { $limit } MiB
check-deck-too-large-hint = the limit is passed at this card: split the deck into several decks (each with its own id)
check-bad-deck-id = the deck id "{ $id }" is not valid: { $reason }
check-bad-deck-id-hint = use 1–64 characters of a-z, 0-9 and -, e.g. "pact-and-bases-1939"
check-no-cards = the deck has no cards
check-no-cards-hint = add at least one Card(...) to `cards`
check-bad-card-id = the card id "{ $id }" is not valid: { $reason }
check-bad-card-id-hint = use 1–64 characters of a-z, 0-9 and -, e.g. "latvia-pact-date"
check-duplicate-id = the card id "{ $id }" is used twice
check-duplicate-id-hint = give each card its own id; progress is stored under it
check-long-note = the note is longer than three sentences
check-long-note-hint = keep notes to one or two sentences of context
check-unknown-source = the source key "{ $key }" is not in the deck's `sources`
check-unknown-source-hint-none = declare the document in the deck's `sources` map
check-unknown-source-hint = use one of the deck's source keys: { $keys }
check-missing-source = card "{ $id }" does not name its source
check-missing-source-hint = add `source: Ref(doc: "key", section: "...")`
check-needs-newer-format = Locate cards need deck format { $needed }; this deck declares format { $format }
check-choice-prompt-needs-newer-format = A Locate card's `choice_prompt` needs deck format { $needed }; this deck declares format { $format }
check-needs-newer-format-hint = write `format: { $needed }` at the top of the deck (quizdeck older than format { $needed } will then say the deck needs a newer quizdeck)
check-image-and-picture = a Locate card shows its `picture`; it cannot also have an `image`
check-image-and-picture-hint = remove `image`
check-missing-picture = the Locate card names no picture
check-missing-picture-hint = give the PNG the regions are drawn on, e.g. picture: "maps/baltic.png"
check-image-absolute = the image path "{ $path }" is absolute
check-image-parent = the image path "{ $path }" contains `..`
check-image-path-hint = give a path relative to the deck's folder, e.g. "images/map.png"
check-image-not-png = the picture "{ $path }" is not a PNG file
check-image-not-png-hint = save the picture as PNG (.png)
check-image-outside = the image "{ $path }" leads outside the deck's folder
check-image-outside-hint = copy the picture into the deck's folder instead of linking to it
check-image-not-file = the image "{ $path }" is not a file
check-image-missing = the image "{ $path }" does not exist next to the deck
check-image-missing-hint = put the picture in the deck's folder or fix the path
check-bad-image-hint = save it as a PNG of at most { $side } pixels a side and { $mib } MiB
check-region-not-number = the region "{ $name }" has a coordinate that is not a number
check-region-not-number-hint = give x, y and r in pixels of the picture
check-circle-radius = the circle "{ $name }" has radius { $r }; it must be larger than 0
check-circle-radius-hint = give the radius in pixels, e.g. r: 12
check-polygon-few = the polygon "{ $name }" has { $n } { $n ->
        [one] corner
       *[other] corners
    }; it needs at least 3
check-polygon-few-hint = list the corners in order: points: [(10, 10), (60, 10), (35, 50)]
check-polygon-many = the polygon "{ $name }" has { $n } corners; the limit is { $max }
check-polygon-many-hint = simplify the outline
check-polygon-corner = a corner of the polygon "{ $name }" is not a number
check-polygon-corner-hint = give corners as (x, y) in pixels of the picture
check-polygon-flat = the polygon "{ $name }" has no area (its corners lie on one line)
check-polygon-flat-hint = spread the corners around the place
check-region-outside = the region "{ $name }" reaches ({ $x0 }, { $y0 })–({ $x1 }, { $y1 }), outside the { $width }×{ $height } picture
check-region-outside-hint = give coordinates in pixels of the picture: x from 0 to its width, y from 0 (top) to its height
check-cloze-unclosed = a cloze gap `{"{{"}` is never closed with `{"}}"}`
check-cloze-unclosed-hint = write gaps as {"{{"}c1::answer{"}}"}
check-cloze-marker = the cloze marker {"{{"}{ $marker }{"}}"} is not of the form cN::answer
check-cloze-marker-hint = write gaps as {"{{"}c1::answer{"}}"} or {"{{"}c1::answer::hint{"}}"}
check-cloze-empty = cloze gap c{ $n } has no answer
check-cloze-empty-hint = put the hidden text after `::`, e.g. {"{{"}c1::Riga{"}}"}
check-cloze-no-gaps = the cloze text has no gaps
check-cloze-no-gaps-hint = mark what to hide as {"{{"}c1::answer{"}}"}
check-cloze-numbering = cloze gaps are numbered { $gaps } but c{ $missing } is missing
check-cloze-numbering-hint = number the gaps c1, c2, c3… without holes
check-no-answer = the TypeIn card accepts no answer
check-no-answer-hint = list at least one accepted answer: answers: ["Riga"]
check-no-distractors = the multiple-choice card has no wrong options
check-no-distractors-hint = add at least one distractor (three is best)
check-answer-in-distractors = the distractor "{ $value }" is a right answer
check-answer-in-distractors-hint = remove it, or replace it with a wrong option
check-missing-correction = a false statement needs a correction
check-missing-correction-hint = add `correction: "..."` saying what is true instead
check-order-short = an Order card needs at least 3 items, it has { $n }
check-order-short-hint = add items, or make it a TrueFalse or MultipleChoice card
check-match-short = a Match card needs at least 3 pairs, it has { $n }
check-match-short-hint = add pairs, or make it a TypeIn or MultipleChoice card
check-too-many-regions = the card has { $n } regions; the limit is { $max }
check-too-many-regions-hint = split the card, or keep the regions a student should tell apart
check-duplicate-region = the region name "{ $name }" is used twice
check-duplicate-region-hint = give each region its own name
check-duplicate = the { $what } "{ $value }" appears twice
check-duplicate-folded = the { $what } "{ $value }" is the same as "{ $earlier }" once accents and capitals are set aside
check-duplicate-hint = remove the repeat or change it
check-similar-question = this question reads the same as card { $card }'s
check-similar-question-hint = reword one of them, or remove the duplicate card

## Why an id is not valid.

id-empty = the id is empty
id-too-long = the id is { $len } characters long; the limit is { $max }
id-bad-char = the id contains "{ $char }"; use only a-z, 0-9 and -
id-edge-dash = the id starts or ends with '-'

## Why a picture cannot be shown ({ $error } is the system's own words).

picture-unreadable = the picture { $path } could not be read: { $error }
picture-too-large = the picture { $path } is { $bytes } bytes; pictures are limited to 16 MiB
picture-too-big = the picture { $path } is { $width }×{ $height } pixels; the limit is { $max } on each side
picture-not-png = the picture { $path } is not a readable PNG: { $error }

## The answer checker's notes under a typed answer.

answer-accepted-written = accepted — it is written { $answer }
answer-accepted-spelling = accepted — watch the spelling: { $words }
answer-accepted-spelling-written = accepted — watch the spelling: { $words }; it is written { $answer }
answer-only-accents = only the accents differ: it is written { $answer }

## A deck file that cannot be read ({ $error } is the system's or the RON reader's own
## words).

deck-duplicate-id = the deck id "{ $id }" is also used by { $file }; a library holding both uses only one
deck-bundled-id = the deck id "{ $id }" is a bundled deck's; once imported, this file replaces it
library-replaces-bundled = The deck { $id } from { $file } replaces the bundled deck with the same id.
library-same-id = Two deck files have the id { $id }: { $used } is used, { $other } is not.
library-bundled-newer = The bundled deck { $id } is newer than the other copies, which are not used.
deck-duplicate-id-hint = give each deck its own id (or keep one of the files)
deck-file-too-large = the file is { $size } MiB; decks are limited to { $limit } MiB
deck-split-hint = split the deck into several files
deck-unreadable = cannot read the file: { $error }
deck-wrong-type-hint = give the path of a deck file (*.ron)
deck-check-path-hint = check the path and permissions
deck-not-utf8 = the file is not valid UTF-8 text
deck-not-utf8-hint = save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)
deck-utf16-damaged = the file looks like UTF-16 text but is damaged
deck-text-too-large = the deck is larger than 64 MiB
deck-newer-format = this deck was made for a newer quizdeck (format { $format }); this version reads format { $supported }
deck-newer-format-hint = update quizdeck to open this deck
deck-format-zero = format 0 does not exist
deck-format-zero-hint = write `format: { $format }`
deck-syntax = { $error }
deck-syntax-unknown-field-hint = remove the field or correct its name
deck-syntax-missing-field-hint = add `{ $field }: …`
deck-syntax-unknown-kind-hint = use one of the card kinds listed
deck-syntax-duplicate-field-hint = keep one `{ $field }`
deck-syntax-too-deep-hint = nesting is limited to { $max } levels; a deck never needs that many
deck-syntax-string-hint = text goes in double quotes: "like this"; write \" for a quote inside
deck-syntax-eof-hint = the file ends too early: check for a missing `)` or `]`
deck-syntax-trailing-hint = remove what follows the deck's closing `)`
deck-guide-hint = see the format guide: `quizdeck help deck-format`
deck-string-unclosed-eof = this string is never closed: the file ends inside it
deck-string-unclosed-eof-hint = end the text with `"`
deck-string-unclosed-card = this string is never closed: the card ends inside it (the next card starts at line { $line })
deck-string-unclosed = this string is never closed: without its closing `"` it runs on to line { $line }, column { $column } and swallows the lines in between
deck-string-unclosed-hint = close the text with `"` where it ends; write \" for a quote inside
deck-unclosed-eof = this `{ $open }` is never closed: the file ends first
deck-unclosed-card = this `{ $open }` is never closed: the card ends first (the next card starts at line { $line })
deck-unclosed = this `{ $open }` is never closed: the `{ $found }` at line { $line }, column { $column } comes while it is still open
deck-unclosed-hint = add the missing `{ $close }` at the end of what it opens
deck-unopened = this `{ $close }` closes nothing
deck-unopened-hint = remove it, or add the `{ $open }` it should close
deck-structural = { $message } (the parser stopped at line { $line }, column { $column }: { $error })
deck-structural-hint = { $hint }; see the format guide: `quizdeck help deck-format`
deck-folder-unreadable = the decks folder cannot be read: { $error }
deck-folder-unreadable-hint = check the folder's permissions, or the USB stick it is on

## How the window lists a deck's problems.

diag-error = error
diag-warning = warning
diag-help = help
diag-line = { $file }:{ $line }:{ $column }: { $severity }: { $message }
diag-hint = ({ $hint })

## A Locate card's region written as text that cannot be read ({ $region } is the line).

region-no-at = the region "{ $region }" has no `@`; write a region as `Name @ circle(x, y, r)` or `Name @ polygon(x y, x y, x y)`
region-bad-form = the region "{ $region }" is not of the form `Name @ circle(x, y, r)` or `Name @ polygon(x y, x y, x y)`
region-not-number = "{ $value }" in the region "{ $region }" is not a number
region-circle-args = the circle "{ $region }" needs x, y and r; write a region as `Name @ circle(x, y, r)`
region-bad-corner = the corner "{ $corner }" in the region "{ $region }" is not `x y`
region-unknown-shape = unknown shape "{ $shape }" in "{ $region }"; write a region as `Name @ circle(x, y, r)` or `Name @ polygon(x y, x y, x y)`

## Errors of files, profiles, packages and exams ({ $error } and { $reason } are the
## system's or a reader's own words).

error-io = could not { $action } { $path }: { $error }
error-system = { $error }
action-read = read
action-write = write
action-create = create
action-open = open
action-replace = replace
action-clear = clear
action-copy = copy
action-remove = remove
action-list = list
action-sync = sync
action-lock = lock
action-append = append to
action-append-journal = append to the journal
action-copy-damaged-aside = copy the damaged file aside
action-create-temporary = create a temporary file
action-create-history-folder = create the history folder
action-create-profile-folder = create the profile folder
action-create-profiles-folder = create the profiles folder
action-create-progress-folder = create the progress folder
action-create-repaired-journal = create the repaired journal
action-flush = flush
action-list-history-folder = list the history folder
action-list-profiles = list the profiles in
action-move-damaged-aside = move the damaged file aside
action-move-journal-to-history = move the journal into the history
action-open-copy = open the copy
action-open-folder-sync = open the folder for syncing
action-open-journal = open the journal
action-open-journal-writing = open the journal for writing
action-open-lock-file = open the lock file
action-read-history-index = read a history index
action-read-end = read the end of
action-read-history = read the history
action-read-profile-folder = read the profile folder
action-read-journal = read the journal
action-read-journal-header = read the journal header
action-read-journal-size = read the size of the journal
action-remove-merged-history = remove a merged history file
action-remove-profile-folder = remove the profile folder
action-repair = repair
action-repair-journal-end = repair the end of the journal
action-replace-history-file = replace a history file
action-replace-damaged-journal = replace the damaged journal
action-replace-file = replace the file
action-set-journal-aside = set the journal aside for a snapshot
action-sync-merged-history = sync a merged history file
action-sync-copy = sync the copy
action-sync-folder = sync the folder
action-sync-journal = sync the journal
action-sync-repaired-journal = sync the repaired journal
action-sync-temporary = sync the temporary file
action-update-journal-header = update the journal header
action-write-merged-history = write a merged history file
action-write-repaired-journal = write the repaired journal
action-write-temporary = write the temporary file
store-locked = the profile in { $path } is in use by { $holder }; close the other quizdeck window first
store-read-only = cannot save changes to the profile in { $path }: it is open read-only ({ $reason })
store-cannot-write = the profile cannot be written: { $error }
store-opened-read-only = opened read-only
store-in-use = in use by { $holder }
store-holder-process = process { $pid } since { $since }
store-holder-unknown = another quizdeck window
store-newer-format = { $path } was written by a newer quizdeck (format { $format }); update quizdeck to open it
store-no-data-dir = cannot choose a data folder: { $reason }
store-data-dir-empty = the --data-dir argument is empty
store-data-dir-none = no --data-dir given, { $env } is not set, there is no portable marker and the system has no per-user data folder
store-bad-profile-name = cannot use "{ $name }" as a profile name: { $reason }
store-name-empty = it is empty
store-name-too-long = it is longer than { $max } characters
store-name-control = it contains control characters
store-profile-exists = a profile named "{ $name }" already exists
store-no-such-profile = there is no profile "{ $name }" in { $folder }
store-ambiguous-profile = "{ $name }" could mean several profiles: { $candidates }; give the folder name
store-bad-bundle = { $path } is not a usable quizdeck progress file: { $reason }
store-sequence-exhausted = cannot record more in { $path }: its record numbers are used up (the progress files were edited or damaged)
store-encode = could not encode { $what } for { $path }: { $reason }
library-invalid = { $file } has errors; it was not imported
library-bundled = the deck { $id } is bundled with quizdeck and cannot be removed
library-picture-too-large = the picture { $file } is { $size } bytes; pictures are limited to { $limit } bytes
library-pictures-too-large = the deck's pictures add up to more than { $limit } bytes (at { $file })
library-older = this file holds version { $importing } of “{ $title }”, and version { $have } is already here: nothing was changed. To go back to version { $importing }, remove the deck first (its progress is kept), then import the file again.
package-invalid = { $file } has errors
package-refused = { $path } was refused: { $reason }
package-name-too-long = the entry name "{ $name }…" is too long
package-name-bad-char = the entry "{ $name }" has a backslash, colon or NUL in its name
package-name-outside = the entry "{ $name }" points outside the package ("..")
package-name-absolute = the entry "{ $name }" has an absolute path
package-name-empty = an entry has an empty name
package-name-too-deep = the entry "{ $name }" is nested too deep
package-too-large = it is { $size } MiB; packages are limited to { $max } MiB
package-not-zip = it is not a readable .{ $extension } package (a zip file): { $error }
package-too-many-entries = it has { $n } entries; a package holds at most { $max } (a deck and its pictures)
package-entry-unreadable = entry { $n } cannot be read: { $error }
package-entry-bad-name = entry { $n } has an unreadable name: { $error }
package-entry-link = the entry "{ $name }" is a symbolic link; packages hold only files
package-entry-encrypted = the entry "{ $name }" is encrypted
package-entry-twice = the entry "{ $name }" appears twice
package-entry-too-large = the entry "{ $name }" would unpack to { $size } MiB; { $kind ->
        [deck] deck files
       *[picture] pictures
    } are limited to { $max } MiB
package-entry-bomb = the entry "{ $name }" expands { $ratio }-fold (a zip bomb?)
package-unpacked-too-large = its files would unpack to more than { $max } MiB
package-no-deck = it holds no deck file (.ron) at the top
package-several-decks = it holds { $n } deck files at the top; a package holds one deck
package-file-unreadable = "{ $name }" cannot be read: { $error }
package-file-damaged = "{ $name }" is damaged: { $error }
package-file-bomb = "{ $name }" unpacks to more than its declared size allows (a zip bomb?)
exam-too-large = { $path } is { $size } bytes; the limit is { $limit }
exam-invalid = { $path } is not a valid exam file: { $reason }
exam-newer-format = { $path } was made by a newer quizdeck (exam format { $format }; this one reads formats { $oldest } to { $newest }): open it with the quizdeck version the teacher used
exam-obsolete = { $path } was made by an early quizdeck (exam format { $format }) and cannot be taken or graded: such a file shows every answer to anyone who opens it in a text editor, gives every student the same paper, and this quizdeck would ask other questions from it than the one that made it. Make the exam again (Teacher… in the app, or `quizdeck exam new`) and hand out the new students' file
exam-deck-errors = deck { $index } embedded in the exam has errors: { $reason }
exam-not-usable = the exam is not usable: { $reason }
exam-bad-result = { $path } is not a usable result file: { $reason }
exam-already-finished = { $path } has already been handed in
exam-other-student = { $path } belongs to "{ $name }"; choose a name that tells you apart
exam-no-name = the student's name is empty
exam-time-up = the time for this exam is over
exam-in-use = this exam is already open in another window ({ $path }); close that one first
exam-handed-in-here = this exam was already handed in on this computer (receipt { $receipt })
exam-no-question = the exam has no question { $n }
exam-needs-key = grading needs the teacher's key file (NAME.key.ron), not the students' exam file
exam-no-results = { $folder } holds no result files of exam { $exam }
exam-bad-id = the exam id is not valid: { $reason }
exam-no-decks = no deck was chosen
exam-pool-small = the question pool holds only { $pool }; { $n } are asked
exam-no-time-limit = the exam has no time limit
exam-save-needs-key = only the teacher's key file can make the exam files
exam-damaged-key = a key in the file is damaged
exam-internal = { $error }
exam-result-no-header = it does not start with the result file header
exam-result-other-exam = it belongs to exam "{ $found }", not "{ $exam }"
exam-result-no-start = it does not begin with the start of the exam
exam-result-empty = it has no records
import-bad-csv = { $path }: not a readable CSV file: { $reason }
import-rows = { $n } { $n ->
        [one] row has
       *[other] rows have
    } problems; nothing was written (use --keep-going to skip them)
import-invalid = the imported deck does not pass the checks
import-refused = { $path } was refused: { $reason }
import-mapping-twice = two columns are mapped to { $field }; keep one
import-mapping-no-question = no column is mapped to the question
import-write = could not write { $what }: { $reason }
import-what-imported-deck = the imported deck
import-what-anki-collection = the Anki collection
import-what-package = the package
import-what-cards = the cards
import-what-json = the JSON
import-what-deck = the deck
import-what-mapped-rows = the mapped rows
import-deck-too-large = the deck made from it would be a file of { $size } MiB, more than the { $cap } MiB a deck file may hold
import-deck-too-large-hint = split it into several files and import each as its own deck

## A spreadsheet's, Quizlet text's or GIFT file's rows that make no card ({ $name },
## { $value }, { $pair }, { $kind } and { $text } are the file's own words, quoted).

import-column-repeated = column { $n } ({ $name }) repeats column { $first } of the same meaning; keep one of them
import-quote-unclosed = a quoted cell starts here and is never closed: the rest of the file would be read as one cell; add the closing `"`
import-no-question-column = the header row has no `question` or `front` column
import-unknown-column = column { $name } is not known and was ignored
import-more-unknown-columns = { $n } more unknown columns were ignored (only the first { $shown } are named)
import-more-bad-rows = { $n } more rows from here on make no card (only the first { $shown } are shown)
import-problem-with-hint = { $message } ({ $hint })
import-csv-reader = { $error }
import-csv-utf8 = line { $line }: not UTF-8 text
import-csv-unequal = line { $line }: { $len ->
        [one] { $len } cell
       *[other] { $len } cells
    }, where the rows before have { $expected }
import-sheet-too-large = the file is { $size } MiB; spreadsheets are limited to { $cap } MiB (split it into several decks)
import-not-utf8 = not UTF-8 text (byte { $byte }): probably saved in a legacy encoding such as Windows-1252; save the spreadsheet as "CSV UTF-8"
import-utf16-odd = the file looks like UTF-16 text but has an odd number of bytes
import-utf16-damaged = the file looks like UTF-16 text but is damaged; save the spreadsheet as "CSV UTF-8"
import-bad-truth = a true-false row needs `true` or `false` in the answer column, not { $value }
import-bad-pair = the match pair { $pair } has no `=`; write pairs as `left = right | left = right`
import-unknown-kind = unknown kind { $kind }; use basic, basic-reverse, cloze, typein, multiple-choice, true-false, order, match or locate
quizlet-empty-side = the term or the definition is empty
quizlet-no-separator = no separator ({ $separator }) between term and definition in { $text }
quizlet-sep-tab = a tab
quizlet-sep-newline = a new line
gift-description = a description (no answer in {"{"} {"}"}) has no quizdeck form
gift-answer-unclosed = the answer's {"{"} is never closed with {"}"}
gift-empty-question = the question text is empty
gift-essay = an essay question (no answer to check) has no quizdeck form
gift-numerical = numerical questions have no quizdeck form
gift-answer-marks = the answers must start with = or ~
gift-no-right-answer = no right answer (=)
gift-choice-needs-right = a multiple-choice question needs one right answer (=)

## What an Anki import brought over and left out (the command line lists the notes and
## pictures under a "left out" line).

anki-report-read = { $notes } notes read, { $cards } cards made, { $pictures } pictures, { $reviews } answers of the review log
anki-report-notes-left-out = { $n } notes left out
anki-report-pictures-converted = { $n } JPEG or GIF pictures converted to PNG
anki-report-sounds-dropped = { $n } sounds dropped (quizdeck cards have no sound)
anki-report-pictures-left-out = { $n } pictures left out
anki-report-reviews-left-out = { $n } answers of the review log left out (manual rescheduling, or cards not imported)
anki-report-more = … and { $n } more
anki-note-too-long = note { $note }: { $size } KiB of text, more than a card holds
anki-note-no-type = note { $note }: its note type is missing from the collection
anki-note-no-gap = note { $note } ({ $type }): a cloze note without a {"{{"}c1::…{"}}"} gap
anki-note-few-fields = note { $note } ({ $type }): a note type with fewer than two fields
anki-note-empty = note { $note } ({ $type }): an empty question or answer
anki-picture-left-out = { $file }: { $reason }
anki-picture-missing = not in the package
anki-picture-too-big = { $width }×{ $height } pixels, too large to convert (at most { $max } on each side)
anki-picture-not-converted = could not be converted to PNG: { $reason }
anki-picture-not-png = { $format ->
        [webp] WebP
        [svg] SVG
       *[other] an unknown format
    }; quizdeck shows PNG pictures (save it as PNG and add it in the deck)
anki-pictures-too-large = the deck's pictures together are too large

## Why an Anki package was refused ({ $error } is the reader's own words; { $kind } is
## SQLite's name of what it found).

anki-too-large = it is { $size } MiB; Anki packages are read up to { $max } MiB
anki-not-zip = it is not an Anki package (a zip file): { $error }
anki-too-many-entries = it has { $n } entries; at most { $max } are read
anki-no-collection = it holds no Anki collection (collection.anki2, .anki21 or .anki21b)
anki-newer = it was written by a newer Anki (package version { $version }); export it again with "Support older Anki versions" ticked
anki-media-unreadable = its media list is damaged or names too many files
anki-media-damaged = its media list is damaged: { $error }
anki-media-too-many = its media list names too many files
anki-entry-unreadable = "{ $name }" cannot be read: { $error }
anki-entry-encrypted = "{ $name }" is encrypted
anki-entry-damaged = "{ $name }" is damaged: { $error }
anki-entry-too-large = "{ $name }" unpacks to more than { $size } KiB, more than it can hold
anki-collection-damaged = the collection is damaged: { $error }
anki-bomb = the collection expands beyond { $size } MiB from { $packed } KiB packed (a zip or zstd bomb?)
anki-too-slow = reading the collection took too long (a damaged or hostile file?)
anki-not-anki-collection = the collection is not one Anki writes: { $error }
anki-not-sqlite = the collection is not a SQLite database
anki-not-a-table = the collection's "{ $name }" is a { $kind }, not a table
anki-no-table = the collection has no "{ $name }" table: it is not an Anki collection
anki-old-shape = collection.anki21b holds a collection of the old shape
anki-too-many-note-types = the collection has more than { $max } note types
anki-json-too-large = the collection's note types or decks are too large
anki-note-types-damaged = the collection's note types are damaged: { $error }
anki-decks-damaged = the collection's decks are damaged: { $error }
anki-too-many-notes = the collection has more than { $max } notes; a deck holds fewer (export one Anki deck at a time)
anki-too-many-cards = the collection has too many cards
anki-too-many-reviews = the review log has more than { $max } answers
anki-no-card-made = none of its notes could be made into cards (first: { $first })
anki-no-notes = it holds no notes

session-bad-settings = the scheduling settings are invalid: { $reason }
session-not-saved = the answer could not be saved: { $error }
deck-invalid = { $file } has { $n } { $n ->
        [one] error
       *[other] errors
    }
edit-unreadable = the deck cannot be opened in the editor:
    { $problems }
edit-unreadable-heading = the deck cannot be opened in the editor:
edit-read = could not read { $path }: { $reason }
edit-save = could not save the deck: { $error }

## What was found where a file was expected.

file-kind-folder = a folder
file-kind-fifo = a named pipe (FIFO)
file-kind-device = a device
file-kind-socket = a socket
file-kind-other = not a regular file

## Scheduling settings and review logs.

schedule-invalid-setting = invalid scheduling setting `{ $setting }`: { $reason }
schedule-outside = { $value } is outside { $min }–{ $max }
schedule-too-many-steps = { $n } steps; at most 32
schedule-bad-step = a step of { $secs } s; each step must be at least 1 s and at most the maximum interval
schedule-bad-hour = { $hour } is not an hour 0–23
schedule-learn-ahead = { $secs } s is more than a day
schedule-bad-parameters = invalid FSRS parameters: { $reason }
schedule-unknown-item = item { $item } is not in the study queue
schedule-model = FSRS model error: { $reason }
schedule-revlog-io = cannot read review log { $path }: { $error }
schedule-revlog-line = review log line { $line }: { $reason }
schedule-parameter-count = { $n } values; expected 0, 17, 19 or 21
schedule-parameter-values = expected 0, 17, 19 or 21 finite values, got { $n } ({ $error })

## Practice tests.

quiz-no-kinds = no question form was chosen
quiz-no-questions = a test needs at least one question
quiz-nothing-to-ask = no card of these decks can be asked in the chosen question forms
quiz-maps-without-question = no card of these decks can be asked in the chosen question forms: a map card is asked in tests only with its question for tests, `choice_prompt`, written in the deck editor

## What the RON reader found wrong in a deck or exam file (`{ $name }`, `{ $field }`,
## `{ $found }`, `{ $outer }` and `{ $expected }` are the file's or the format's own words;
## { $error } is the reader's own English words, for a rare kind of mistake).

syntax-at = line { $line }, column { $column }: { $error }
syntax-eof = the file ends too early
syntax-expected-open = expected an opening `{ $char }`
syntax-expected-close = expected a closing `{ $char }`
syntax-expected-comma = expected a comma
syntax-expected-colon = expected a colon
syntax-expected-value = expected { $kind ->
        [boolean] true or false
        [integer] a whole number
        [float] a number
        [string] text in double quotes
        [char] a character in single quotes
        [identifier] a name
        [unit] `()`
        [option] Some(…) or None
       *[other] a value
    }
syntax-string-end = the text in double quotes is not closed
syntax-expected-struct = expected `{ $name }(`
syntax-different-struct = expected `{ $expected }` but found `{ $found }`
syntax-integer-out-of-bounds = the number is too large
syntax-invalid-digit = "{ $digit }" is not a digit of a base-{ $base } number
syntax-underscore = a number has a misplaced underscore
syntax-unexpected-char = unexpected character "{ $char }"
syntax-unclosed-comment = a comment /* … */ is never closed
syntax-trailing = something follows the end of the file's content
syntax-utf8 = the text is not valid UTF-8
syntax-invalid-value = a value of the wrong kind: expected { $expected }, found { $found }
syntax-wrong-length = expected { $expected }, found { $n } { $n ->
        [one] element
       *[other] elements
    }
syntax-unknown-variant = unknown kind `{ $found }`; expected one of { $expected }
syntax-unknown-variant-in = unknown kind `{ $found }` in `{ $outer }`; expected one of { $expected }
syntax-unknown-field = unknown field `{ $found }`; expected one of { $expected }
syntax-unknown-field-in = unknown field `{ $found }` in `{ $outer }`; expected one of { $expected }
syntax-missing-field = the field `{ $field }` is missing
syntax-missing-field-in = the field `{ $field }` is missing in `{ $outer }`
syntax-duplicate-field = the field `{ $field }` is given twice
syntax-duplicate-field-in = the field `{ $field }` is given twice in `{ $outer }`
syntax-or = { $rest }, or { $last }
syntax-or-two = { $first } or { $last }
syntax-too-deep = the brackets are nested too deeply
syntax-other = { $error }

## Why a saved progress or settings file was set aside (shown inside the repair message).

store-damage-no-header = it has no header line
store-damage-header = its header cannot be read
store-damage-not-snapshot = it is not a quizdeck progress file
store-damage-version = its format version cannot be read
store-damage-newer = its header names format { $format }, newer than this quizdeck reads (format { $supported }): a newer quizdeck wrote it, or the header is damaged
store-damage-length = it was cut short or added to
store-damage-checksum = its checksum does not match
store-damage-summary = its summary line cannot be read
store-damage-recent = a recent answer in it cannot be read
store-damage-item-line = a question's line in it cannot be read
store-damage-item-state = a question's state in it is not valid
store-damage-count = it holds another number of questions than it says
store-damage-too-large = it is { $size } bytes, too large
store-settings-not-text = it is not text
