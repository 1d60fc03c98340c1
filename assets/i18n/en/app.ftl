# quizdeck: the interface in English (the source language).
# Each message is `key = text`; { $name } is a value the program fills in.
# See docs/translating.md.

## Dates, numbers and intervals

# 1939-09-18
date-short = { $year }-{ $month }-{ $day }
# 18 September 1939
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
date-time = { $date } { $time }
percent = { $value }%
# The next interval on a rating button: "45s", "10m", "1.5h", "2d", "1.3mo", "2.1y".
interval-seconds = { $n }s
interval-minutes = { $n }m
interval-hours = { $n }h
interval-days = { $n }d
interval-months = { $n }mo
interval-years = { $n }y

## Themes

theme-light = Light
theme-dark = Dark
theme-high-contrast = High contrast

## Settings

settings-save = Save
settings-cancel = Cancel
settings-settings = Settings
settings-desired-retention = Desired retention
settings-new-items-per-day = New items per day, each deck
settings-reviews-per-day-each = Reviews per day, each deck
settings-new-items-per-day-2 = New items per day, all decks together
settings-reviews-per-day-all = Reviews per day, all decks together
settings-learning-steps = Learning steps
settings-relearning-steps = Relearning steps
settings-new-day-starts-at = New day starts at (hour)
settings-leech-after-lapses-0 = Leech after (lapses, 0 = never)
settings-leeches = Leeches
settings-mark-them-keep-studying = Mark them, keep studying them
settings-mark-and-suspend-them = Mark and suspend them
settings-typed-answers = Typed answers
settings-exact-accents-count = Exact (accents count)
settings-ignore-accents-but-tell = Ignore accents, but tell me
settings-ignore-accents = Ignore accents
settings-theme = Theme
settings-text-size = Text size (%)
settings-limits-of-single-decks = Limits of single decks
settings-a-deck-with-its = A deck with its own limits ignores the two "each deck" figures above.
settings-deck-new = new
settings-deck-reviews = reviews
settings-step-not-a-step = "{ $step }" is not a step like 10m
settings-step-unit = "{ $step }": use s, m, h or d
settings-step-out-of-range = "{ $step }" is out of range
settings-language = Language
settings-language-system = System language ({ $name })

## Navigation

nav-study = Study
nav-study-name = Study
nav-study-hint = Your decks and what is due today
nav-group-practice = Practice
nav-practice-test = Practice test
nav-practice-test-name = Practice test…
nav-practice-test-hint = A test from any decks, scored with every mistake explained
nav-match-game = Match game
nav-match-game-name = Match game…
nav-match-game-hint = Match pairs against the clock
nav-group-class = Class
nav-take-an-exam = Take an exam
nav-take-an-exam-name = Take an exam…
nav-take-an-exam-hint = Sit an exam from the file your teacher gave you
nav-teacher = Teacher
nav-teacher-name = Teacher…
nav-teacher-hint = Make an exam, show the teacher's code, read a class's results
nav-deck-editor = Deck editor
nav-deck-editor-name = Deck editor…
nav-deck-editor-hint = Write a deck, or fix one: every card kind, problems shown as you type
nav-group-insight = Insight
nav-statistics = Statistics
nav-statistics-name = Statistics…
nav-statistics-hint = Reviews per day, retention, study days and the hardest items
nav-browse = Browse
nav-browse-name = Browse…
nav-browse-hint = Every item of every deck: search, filter, suspend, reset
nav-settings = Settings
nav-settings-name = Settings…
nav-settings-hint = Theme, text size, daily limits, answer checking
nav-switch-profile = Switch profile
nav-switch-profile-hint = Choose who is studying, or add, rename or delete a profile

## Library

library-reviews-due-today-first = Reviews due today first, then new cards within today's limit
library-decks = Decks
library-import-deck = Import deck…
library-import-a-ron-deck = Import a deck: .ron, .qdeck, Anki (.apkg), or a spreadsheet or Quizlet text (.csv, .tsv, .txt); or drop one onto the window
library-sort = Sort:
library-group-by-folder = Group by folder
library-bundled-decks-and-imported = Bundled decks and imported decks apart
library-the-deck-was-not = The deck was not imported:
library-dismiss = Dismiss
library-study = Study
library-remove = Remove
library-remove-this-imported-deck = Remove this imported deck (progress is kept)
library-remove-this-deck-for = Remove this deck for everyone on this PC? Progress is kept.
library-remove-this-deck-progress = Remove this deck? Progress is kept.
library-yes-remove = Yes, remove
library-keep = Keep
library-due-today-in = { $n } due today in { $deck }
library-due = due
library-mastered = { $percent } mastered
library-new-today = {" "}· { $n } new today
library-cards = { $n ->
        [one] { $n } card
       *[other] { $n } cards
    }
library-cards-items = { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }, { $items } study items
library-deck-line = { $cards }{ $new } · last studied { $last } · { $origin }
library-from = from { $origin }
library-due-and-new = { $due } due and { $new } new today
library-study-deck = Study { $deck }
library-remove-deck = Remove { $deck }
library-state-mature = mature
library-state-young = young
library-state-learning = learning
library-state-new = new
library-state-suspended = suspended
library-state-count = { $state }: { $n }
library-progress-of = Progress of { $deck }: { $states }
library-done-today = { $done } of { $total } done today
library-streak = { $n ->
        [0] No streak yet: study today to start one
       *[other] { $n }-day streak
    }
library-counting = Counting today's cards…
library-study-now = Study now
library-opening = Opening { $name }'s progress…
library-other-profile = Choose another profile
library-preparing = Preparing the session…
library-reading-decks = Reading the decks…
browse-indexing = Listing the items…
msg-opening-stopped = the opening stopped unexpectedly
library-all-done-today = All done for today
library-study-now-new = Study now — { $n } new
library-study-now-due = Study now — { $n } due
library-then-new = { $n ->
        [one] then 1 new card
       *[other] then { $n } new cards
    }
library-never = never
library-days-ago = { $n ->
        [0] today
        [1] yesterday
       *[other] { $n } days ago
    }
library-origin-bundled = bundled with quizdeck
library-origin-yours = your decks
library-origin-class = class decks ({ $folder })
library-group-bundled = Bundled with quizdeck
library-group-imported = Imported decks
library-group-class = Class decks ({ $folder })
library-copies = Using the newest, version { $version } from { $place }; also in: { $others }.
library-copy-other = { $place } (version { $version })
library-sort-due-first = Due first
library-sort-title = Title
library-sort-last-studied = Last studied

## Study

study-card-picture = Card picture
study-end-session-esc = End session (Esc)
study-undo-ctrl-z = Undo (Ctrl+Z)
study-all-done-for-today = All done for today. Well done!
study-nothing-more-to-study = Nothing more to study right now.
study-wait = Wait
study-stay-here-the-next = Stay here: the next item shows when it is due
study-end = End
study-type-your-answer-then = Type your answer, then Enter
study-the-right-order = The right order:
study-compared = Compared:
study-underlined-letters-you-left = Underlined: letters you left out · struck through: letters to leave out
study-true-or-false-keys = True or false? Keys T and F.
study-counted-as-right = Counted as right
study-right = Right
study-i-was-right = I was right
study-count-this-answer-as = Count this answer as right
study-again = Again
study-hard = Hard
study-good = Good
study-easy = Easy
study-not-quite = Not quite
study-counts = · New { $new } · Learning { $learning } · Review { $review } · Done { $done }
study-more-new = Study { $n } more new today
study-answer = Answer: { $answer }
study-statement-true = The statement is true.
study-statement-false = The statement is false.
study-you-typed = You typed: { $text }
study-true = True
study-false = False
study-the-answer = The answer: { $answer }
study-source = Source: { $source }
study-show-answer = Show answer (Space)
study-pick-an-answer = Pick an answer: keys 1–{ $last }.
study-check-answer = Check answer (Enter)
study-check-order = Check order (Enter)
study-check-pairs = Check pairs (Enter)
study-how-well = How well did you know it? Keys 1–4; Space = { $rating }.
study-check-marker = Check marker (Enter)
study-keys-space = Keys 1–4; Space = { $rating }.

## Session summary

summary-no-answers-this-time = No answers this time. Come back when you are ready.
summary-excellent-work = Excellent work!
summary-well-done-steady-progress = Well done: steady progress.
summary-good-effort-the-items = Good effort: the items you missed come back soon, and that is how they stick.
summary-back-to-decks = Back to decks
summary-session-finished = Session finished
summary-to-look-at-again = To look at again
summary-these-items-keep-slipping = These items keep slipping away and were suspended (leeches; Browse brings them back):
summary-these-items-keep-slipping-2 = These items keep slipping away (leeches): try a new way to remember them, or ask your teacher to reword them:
summary-queue-done = { $percent } % of this session's queue done
summary-studied-given = { $items ->
        [one] { $items } item
       *[other] { $items } items
    } studied, { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    } given.
summary-remembered = Remembered: { $right } of { $answers } answers ({ $percent } %).
summary-time = Time: { $min } min { $s } s.
summary-comes-back = { $n ->
        [1] 1 item comes back { $when }.
       *[other] { $n } items come back later today, the first { $when }.
    }
summary-comes-back-later = { $n ->
        [one] { $n } item comes
       *[other] { $n } items come
    } back later today.
summary-due-tomorrow = Due tomorrow: { $n ->
        [one] { $n } item
       *[other] { $n } items
    }.
summary-right-answer = Right answer: { $answer }

## Messages of the whole window

app-deck = Deck:
app-the-unsaved-answer-is = The unsaved answer is now saved.
app-drop-the-deck-file = Drop the deck file to import it
app-retry-saving = Retry saving
app-ok = OK
app-the-time-could-not = The time could not be noted in the result file.
app-all-decks = All decks
app-nothing-was-lost-choose = Nothing was lost: choose the rating again to retry
app-the-deck-was-removed = The deck was removed for everyone on this PC; progress is kept.
app-the-deck-was-removed-2 = The deck was removed; its progress is kept.
app-this-deck-has-too = This deck has too few short pairs for a match game.
app-an-exam-is-already = An exam is already being taken in this window.
app-these-decks-give-no = These decks give no question of the chosen forms.
app-all-decks-lower = all decks
app-deck-has-errors = The deck { $file } is not shown: { $error } (line { $line }). A teacher can list every problem with `quizdeck check`.
app-imported-not-shown = Your imported decks are not shown: { $why } ({ $file }).
app-new-cap = The daily limit of { $cap } new items over all decks is reached.
app-review-cap = The daily limit of { $cap } reviews over all decks is reached. The rest waits until tomorrow.
app-deck-new-limit = { $deck }: the daily limit of { $limit } new items is reached ({ $waiting } more waiting).
app-deck-review-limit = { $deck }: the daily limit of { $limit } reviews is reached ({ $due } more due).
app-comes-back = { $n ->
        [1] 1 item comes back in { $mins } min (at { $time }).
       *[other] { $n } items come back later today, the first in { $mins } min (at { $time }).
    }
app-in-minutes = in { $mins } min (at { $time })
app-read-only-not-saved = Answers are not saved in this read-only window: close it and study in the window that has the profile open
app-today-unreadable = Today's answers could not be read ({ $error }), so the new-card counts below may be higher than your daily limit allows.
app-unsaved-now-saved = The { $n } unsaved answers are now saved.
app-not-saved-yet = Not saved yet: { $n ->
        [one] 1 answer is
       *[other] { $n } answers are
    } kept in memory because writing failed ({ $why }). Free some disk space or check the drive, then press Ctrl+S; quizdeck also tries again with each answer, every { $secs } seconds and before closing.
app-drop-the-exam-file = Drop the exam file to take it
app-results-folder-missing = The results folder { $folder } does not exist (is the USB stick plugged in?). Choose it with “{ $button }”.

## Profiles

profiles-who-is-studying = Who is studying?
profiles-new-name = New name:
profiles-save-name = Save name
profiles-yes-delete = Yes, delete
profiles-no = No
profiles-try-again = Try again
profiles-rename = Rename
profiles-delete = Delete
profiles-new-profile = New profile:
profiles-create = Create
profiles-back-to-decks = Back to decks
profiles-welcome-to-quizdeck = Welcome to quizdeck!
profiles-what-is-your-name = What is your name? It names your progress on this computer (you can change it later under Profiles).
profiles-rename-name = Rename { $name }
profiles-delete-name = Delete { $name }
profiles-default-name = Student
profiles-your-name = Your name:
profiles-start = Start
profiles-skip = Skip
profiles-delete-confirm = Delete { $name } and all their progress?
profiles-could-not-open = could not be opened ({ $why }); nothing was deleted
profiles-try-opening-again = Try opening { $name } again
profiles-study-as = Study as "{ $name }"

## Questions of tests and exams

question-true-t = True (T)
question-false-f = False (F)
question-your-answer = Your answer:
question-up = Up
question-down = Down
question-keep-this-order-k = Keep this order (K)
question-click-an-item-on = Click an item on the left, then its partner on the right (or keys 1–9, then A–I).
question-keys-then-enter = Keys 1–{ $last }, then Enter.
question-order-keys = Up/Down select an item, Alt+Up/Down move it (or the buttons).
question-belongs-at = { " " }(belongs at { $position })
question-move-item-up = Move { $item } up
question-move-item-down = Move { $item } down
question-move-up-keys = Move up (Alt+Up)
question-move-down-keys = Move down (Alt+Down)
question-selected = Selected: { $item }
question-right-partner = { " " }(right: { $partner })
question-chosen-partner = Chosen: { $item } (key { $key }); now its partner (A–{ $last })
question-verdict-right = Right
question-verdict-wrong = Wrong
question-verdict-not-answered = Not answered
# Locate cards (a place on a map)
locate-hint = Click the place, or move the marker with the arrow keys and press Enter, or press 1–{ $last } for a numbered place.
locate-map = { $n ->
        [one] Map: { $n } numbered place
       *[other] Map: { $n } numbered places
    }
locate-the-numbered-places = The numbered places:
locate-place-named = Place { $number }: { $name }
locate-or-choose = Or choose a numbered place:
locate-place = Place { $number }
locate-you-pointed-at = You pointed at { $name }.
locate-you-pointed-outside = You pointed outside every named place.

## Practice test

practice-multiple-choice = Multiple choice
practice-true-false = True/false
practice-typed = Typed
practice-match = Match
practice-order = Order
practice-cloze = Cloze
practice-back-to-decks = Back to decks
practice-new-test = New test
practice-practice-test = Practice test
practice-decks = Decks:
practice-questions = Questions:
practice-forms = Forms:
practice-count-my-answers-in = Count my answers in my study schedule (right = Good, wrong = Again)
practice-seed-optional-to-repeat = Seed (optional, to repeat a test):
practice-start-test = Start test
practice-preparing = Making the test…
practice-not-made = The test was not made: { $error }
practice-previous = Previous
practice-next = Next
practice-finish-now = Finish now
practice-finish-test = Finish test
practice-seed-not-a-number = the seed "{ $seed }" is not a whole number
practice-question-of = Question { $index } of { $n } · seed { $seed }
practice-seed-repeats = Seed { $seed } repeats this test.

## Match game

match-back-to-decks = Back to decks
match-new-game = New game
match-match-each-item-with = Match each item with its partner as fast as you can. A wrong pair adds a second.
match-not-a-pair-1 = Not a pair: +1 s
match-best-time = Best time: { $time }
match-done-in = Done in { $time } ({ $mistakes ->
        [one] { $mistakes } mistake
       *[other] { $mistakes } mistakes
    })
match-time = Time { $time }
match-seconds = { $s } s

## Importing a deck

picker-import-for = Import for:
picker-me = Me
picker-everyone-on-this-pc = Everyone on this PC
picker-parent-folder = Parent folder
picker-path = Path:
picker-no-folders-ron-deck = No folders, .ron decks, .qdeck or Anki packages, or spreadsheets (.csv, .tsv, .txt) here.
picker-import-a-deck = Import a deck
picker-folder = Folder: { $folder }
picker-copied-into = Copied into the class deck folder { $folder }
picker-every-profile-will-see = Every profile on this PC will see the deck (class deck folder { $folder }).
picker-folder-entry = [folder] { $name }
picker-title-exam-file = Choose the exam file
picker-title-results-folder = Choose where your results go
picker-title-save-exam = Save the exam
picker-title-key-file = Choose the key file
picker-title-class-results = Choose the class's results folder
picker-no-exam-files = No folders or exam files here.
picker-no-key-files = No folders or key files (NAME.key.ron) here.
picker-no-result-files = No sub-folders or result files here.
picker-parent-folder-keys = Alt+Up or Backspace
picker-go = Go
picker-choose-this-folder = Choose this folder
picker-file-name = File name:
picker-save-here = Save here
picker-home = Home

## Browse

browse-back-to-decks = Back to decks
browse-search = Search:
browse-tag = Tag:
browse-state = State:
browse-sort-by = Sort by:
browse-reset-progress = Reset progress
browse-new-not-studied-yet = New: not studied yet.
browse-leech = Leech
browse-any = any
browse-shown-of = { $shown } of { $total } items
browse-row = { $text } · { $status } · due { $due } · lapses { $lapses } — { $deck }
browse-answer = Answer: { $answer }
browse-due = Due: { $when } UTC
browse-interval = Interval: { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
browse-memory = Stability: { $stability } days · difficulty { $difficulty }
browse-answers-lapses = Answers: { $answers } · lapses: { $lapses }
browse-history = History ({ $n ->
        [one] { $n } answer
       *[other] { $n } answers
    })
browse-history-entry = { $when } · { $rating } · { $secs } s
browse-suspend = Suspend
browse-unsuspend = Unsuspend
browse-status-new = new
browse-status-learning = learning
browse-status-due = due
browse-status-review = review
browse-status-suspended = suspended
browse-status-leech = leech
browse-sort-deck = deck order
browse-sort-due = due date
browse-sort-difficulty = difficulty
browse-sort-lapses = lapses

## Statistics

stats-back-to-decks = Back to decks
stats-last-365-days = Last 365 days
stats-reviews-per-day = Reviews per day
stats-due-in-the-next = Due in the next 30 days
stats-nothing-is-due-in = Nothing is due in the next 30 days.
stats-true-retention-per-week = True retention per week (reviews remembered)
stats-not-enough-reviews-yet = Not enough reviews yet: retention shows after a few reviews.
stats-study-days = Study days
stats-hardest-items = Hardest items
stats-no-item-has-been = No item has been forgotten yet.
stats-study-these-items-now = Study these items now
stats-not-enough-data-yet = Not enough data yet: your answers show here day by day.
stats-each-square-is-a = Each square is a day (oldest top left). Fewer answers
stats-summary = { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    } · { $streak ->
        [one] { $streak } day
       *[other] { $streak } days
    } in a row · time today { $today } min · time in all { $hours } h { $minutes } min
stats-items = Items: { $new } new · { $learning } learning · { $young } young · { $mature } mature · { $suspended } suspended
stats-hardest-item = { $name } ({ $lapses } lapses, difficulty { $difficulty })
stats-more-up-to = more (up to { $max } a day)
stats-axis-days-from-today = days from today
stats-axis-items-due = items due
stats-series-due = due
stats-axis-weeks-ago = weeks ago
stats-axis-remembered = % remembered
stats-series-retention = retention %
stats-axis-days-ago = days ago
stats-axis-answers = answers
stats-the-last-weeks = { $n ->
        [one] The last { $n } week.
       *[other] The last { $n } weeks.
    }

## Taking an exam

exam-every-question-is-answered = Every question is answered.
exam-that-code-is-not = That code is not right. Ask your teacher again.
exam-back-to-decks = Back to decks
exam-the-time-is-over = The time is over, so your exam was handed in.
exam-show-it-to-your = Show it to your teacher if asked.
exam-your-teacher-will-tell = Your teacher will tell the class a code to see the results.
exam-teacher-s-code = Teacher's code:
exam-show-my-results = Show my results
exam-your-teacher-will-give = Your teacher will give you the results.
exam-resume = Resume
exam-not-now = Not now
exam-take-an-exam = Take an exam
exam-exam-file = Exam file:
exam-results-folder-e-g = Results folder (e.g. the USB stick):
exam-your-name = Your name:
exam-the-results-folder-defaults = The results folder defaults to the exam file's folder.
exam-start-exam = Start exam
exam-hand-in = Hand in…
exam-previous = Previous
exam-next = Next
exam-hand-in-the-exam = Hand in the exam?
exam-after-handing-in-you = After handing in you cannot change your answers.
exam-hand-in-now-y = Hand in now (Y)
exam-keep-answering-esc = Keep answering (Esc)
exam-no-mistakes = No mistakes.
exam-one-unanswered = Question { $number } is not answered. Hand in anyway?
exam-unanswered = Questions { $numbers } and { $last } are not answered. Hand in anyway?
exam-handed-in = { $title }: handed in
exam-thank-you = Thank you, { $name }. Your answers are saved.
exam-receipt = Receipt: { $receipt }
exam-time-left-short = { $time } left
exam-time-is-up = the time is up: it will be handed in
exam-resume-offer = Resume the exam { $title } as { $name } ({ $when })?
exam-time-left = Time left { $time }
exam-question-of = Question { $index } of { $n } · { $answered } answered
exam-go-to = Go to question { $number }
exam-go-to-answered = Go to question { $number } (answered)
exam-go-to-first-unanswered = Go to question { $number }, the first unanswered (G)
exam-score = Score: { $right } of { $total } ({ $percent }%)
exam-right-answer = Right answer: { $answer }
exam-source = Source: { $source }
exam-choose-type-or-drop = Choose the exam file, type its path or drop the file onto this window.
exam-choose-the-exam-file = Choose the exam file…
exam-choose-the-results-folder = Choose the results folder…

## Teacher

teacher-teacher-exams = Teacher: exams
teacher-back-to-decks = Back to decks
teacher-make-an-exam = Make an exam
teacher-read-a-class-s = Read a class's results
teacher-decks-the-questions-come = Decks the questions come from:
teacher-forms = Forms:
teacher-title = Title:
teacher-questions-per-student = Questions per student:
teacher-draw-them-from-a = Draw them from a pool of
teacher-minutes = Minutes:
teacher-save-the-exam-as = Save the exam as:
teacher-students-see-their-results = Students see their results:
teacher-while-the-app-is = While the app is closed the clock:
teacher-make-exam = Make exam
teacher-making-exam = Making the exam…
teacher-make-exam-needs = To make the exam, choose at least one deck and one form, and write a title and the name of the exam file.
teacher-key-file-name-key = Key file (NAME.key.ron):
teacher-results-folder = Results folder:
teacher-read-results = Read results
teacher-name = Name
teacher-score = Score
teacher-time = Time
teacher-away = Away
teacher-resumes = Resumes
teacher-flags = Flags
teacher-questions = Questions
teacher-r-right-w-wrong = R right · W wrong · - not answered
teacher-hardest-questions = Hardest questions
teacher-feedback-after-code = after you give them the code
teacher-feedback-at-hand-in = at hand-in
teacher-feedback-never = never in the app
teacher-clock-runs-on = runs on
teacher-clock-pauses = pauses
teacher-class-heading = { $title }: { $n ->
        [one] { $n } student
       *[other] { $n } students
    }
teacher-hardest-question = { $id }: { $percent }% right ({ $right } of { $asked }) · { $prompt }
teacher-unreadable = Unreadable: { $file } ({ $why })
teacher-choose-where-to-save = Choose where to save…
teacher-choose-the-key-file = Choose the key file…
teacher-choose-the-results-folder = Choose the class's results folder…

## Messages at the top of the window

msg-could-not-read-the = Could not read the profiles: { $error }
msg-progress-could-not-be = Progress could not be snapshotted: { $error }
msg-there-is-no-profile = There is no profile { $slug }.
msg-settings-could-not-be = Settings could not be read ({ $error }); using defaults.
msg-could-not-start-studying = Could not start studying: { $error }
msg-the-library-s-order = The library's order could not be saved: { $error }
msg-library-notes-not-kept = Which messages were already shown could not be saved (they will be shown again): { $error }
msg-could-not-study-more = Could not study more: { $error }
msg-could-not-undo-e = Could not undo: { $error }
msg-could-not-save-the = Could not save the settings: { $error }
msg-could-not-create-the = Could not create the profile: { $error }
msg-could-not-rename-e = Could not rename: { $error }
msg-could-not-delete-e = Could not delete: { $error }
msg-the-history-could-not = The history could not be read: { $error }
msg-an-answer-could-not = An answer could not be saved: { $error }
msg-the-best-time-could = The best time could not be saved: { $error }
msg-the-exam-was-not = The exam was not made: { $error }
msg-the-class-table-could = The class table could not be written: { $error }
msg-the-results-could-not = The results could not be read: { $error }
msg-the-answer-was-not = The answer was not recorded: { $error }
msg-the-exam-could-not = The exam could not be handed in: { $error }
msg-could-not-change-the = Could not change the item: { $error }
msg-could-not-reset-the = Could not reset the item: { $error }
msg-profile-stays-open = { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    } could not be saved yet, so the profile stays open. Free some disk space and press "Retry saving".
msg-close-held = Some answers are not saved yet. Free some disk space and press "Retry saving"; closing the window again quits without them.
msg-for-everyone = {" "}for everyone on this PC
msg-no-class-folder = There is no class deck folder: start quizdeck with --decks-dir FOLDER (or set QUIZDECK_DECKS) to share decks with every profile.
msg-imported = Imported "{ $title }" ({ $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }){ $whom }.
msg-newer-version = A newer version ({ $version }) of this deck is in { $place }; that one is used.
msg-class-folder-not-writable = { $error }. The class deck folder { $folder } must be writable: ask the PC's administrator to create it and let teachers write to it, or start quizdeck with --decks-dir pointing at a shared folder.
msg-progress-not-opened = { $name }'s progress could not be opened: { $error }. Nothing was deleted; close other quizdeck windows or free some disk space, then try again.
msg-read-only = Read-only: { $why }. You can look around, but answers are not saved in this window.
msg-history-no-streak = The history could not be read (no streak shown): { $error }
msg-stopped-unexpectedly = the work stopped unexpectedly
msg-figures-not-counted = The library's figures could not be counted: { $error }
msg-browse-not-built = The list of cards could not be made: { $error }
msg-stats-not-counted = The statistics could not be counted: { $error }
msg-extra-new-session-only = The extra new items are for this session only: { $error }
msg-answers-added = { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    } added to your study schedule.
msg-exam-saved = Saved { $exam } for the students ({ $questions } questions each, { $minutes } minutes) and { $key } for you (it grades the exam: never hand it out).
msg-exam-code = Teacher's code: { $code } (tell the class once everyone has handed in).
msg-class-table-written = Class table written to { $file }
msg-cannot-open = cannot open { $folder }: { $error }
msg-disk-refused = the disk refused the write
msg-true = True.
msg-false = False.

## What opening a profile repaired (parts of one sentence)

recovery-sentence = { $parts }.
recovery-recovered = Recovered { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    }
recovery-recovered-items = Recovered { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    } (progress on { $items ->
        [one] { $items } item
       *[other] { $items } items
    })
recovery-journal-tail = { $lines ->
        [one] { $lines } damaged line at the end of the journal was
       *[other] { $lines } damaged lines at the end of the journal were
    } set aside (it was being saved when quizdeck stopped)
recovery-journal-damaged = { $lines ->
        [one] { $lines } damaged line in the middle of the journal was
       *[other] { $lines } damaged lines in the middle of the journal were
    } skipped
recovery-journal-kept = a copy of the damaged journal was kept as { $file }
recovery-snapshot-moved = the saved progress file was damaged ({ $reason }), so it was moved aside as { $file } and your progress was rebuilt from the history
recovery-snapshot-damaged = the saved progress file is damaged ({ $reason }); progress was rebuilt from the history
recovery-journal-newer = the journal's header names format { $format }, newer than this quizdeck reads (a newer quizdeck wrote it, or the header is damaged); its lines were read as this version's
recovery-wrong-type-moved = { $file } was { $what }, so it was moved aside as { $moved }
recovery-wrong-type = { $file } is { $what }, so it was not read
recovery-snapshot-missing = the saved progress file was missing, so your progress was rebuilt from the history
recovery-history-damaged = { $lines ->
        [one] { $lines } damaged line in the archived history ({ $file }) was
       *[other] { $lines } damaged lines in the archived history ({ $file }) were
    } skipped
recovery-settings-moved = the settings file could not be read ({ $reason }), so it was moved aside as { $file } and default settings are used
recovery-settings-reset = the settings file could not be read ({ $reason }); default settings are used
recovery-lock-unsupported = this folder cannot be locked, so make sure quizdeck is not open twice on the same profile
recovery-left-unrepaired = nothing was repaired on disk because the progress is open read-only
stats-counting = Counting the items…
stats-reading-history = Reading the history…
stats-history-unavailable = Not shown: the history could not be read.
study-loading-picture = Loading the picture…
drop-title = Import dropped files
drop-question = Import { $files }?
drop-question-more = Import { $files } and { $more } more?
drop-import-for = Import for:
app-anki-imported = Imported "{ $title }" from Anki ({ $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }, { $pictures ->
        [one] { $pictures } picture
       *[other] { $pictures } pictures
    }){ $whom }.
app-anki-future = Answers of its review log dated after now, left out (check this computer's clock): { $n }.
app-anki-kept = Answers of its review log kept as your progress: { $n }.
app-anki-not-kept = Its review log was not kept: { $error }.
app-exam-key-exists = The exam was not made: { $key } already exists, the key of an earlier exam (replacing it would leave that exam's results ungradable). Choose another name, or move the earlier exam away first.
msg-picture-bundled = the picture { $picture } is not available for a bundled deck

## The deck editor
editor-leave-title = Save your changes?
editor-leave-text = "{ $title }" has changes that are not saved. Save them before leaving?
editor-save-and-continue = Save and continue
editor-discard = Discard changes
editor-keep-editing = Keep editing
editor-intro = Write and fix decks here. Cards keep their ids whatever you change, so students keep their progress.
editor-new-deck = New deck…
editor-edit = Edit
editor-edit-name = Edit { $title }
editor-copy-to-edit = Copy to edit
editor-copy-to-edit-name = Copy to edit { $title }
editor-open-hint = Open this deck in the editor
editor-bundled-hint = Bundled decks cannot be changed: edit a copy with its own id
editor-region-line = Region line { $line }: { $why }
editor-no-cards = the deck has no card
editor-no-cards-hint = add a card
editor-kind-basic = Front and back
editor-kind-cloze = Fill the gaps (cloze)
editor-kind-type-in = Type the answer
editor-kind-multiple-choice = Multiple choice
editor-kind-true-false = True or false
editor-kind-order = Put in order
editor-kind-match = Match pairs
editor-kind-locate = Point at a place (map)
editor-back-to-editing = Back to editing
editor-back-to-editing-hint = Esc; answers given here are not recorded
editor-preview-note = Preview: the card as a student sees it.
editor-preview-deck = Preview: { $title }
editor-back-to-decks = ← Decks
editor-back-to-decks-hint = Back to the list of decks
editor-unsaved = (unsaved)
editor-undo = Undo
editor-redo = Redo
editor-save = Save
editor-deck-details = Deck details
editor-deck-details-hint = Title, description, language, authors, sources, edition
editor-raise-edition = Raise the edition to { $edition } when saving
editor-raise-edition-hint = Students' copies of an older edition are replaced by this one; their progress carries over, card by card.
editor-save-in = Save in:
editor-save-in-me = My decks
editor-save-in-everyone = Everyone on this PC
editor-class-folder = The class deck folder: { $folder }
editor-cards-tab = Cards
editor-card-tab = Card
editor-checking = Checking…
editor-no-problems = No problems: students can study this deck.
editor-problems-errors = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }: students cannot study the deck until the errors are fixed
editor-problems-warnings = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
editor-all-problems = All problems ({ $n })
editor-error = Error
editor-warning = Warning
editor-problem-in-card = Card { $card }: { $text }
editor-go-to-field = Go to the field
editor-search = Search
editor-new-card-kind = New card:
editor-add-card = Add card
editor-shown-cards = { $shown } of { $n } cards
editor-new-card-label = (new { $kind })
editor-empty-deck = The deck has no card. Add one.
editor-card-of = Card { $n } of { $total }
editor-card-id = id { $id }
editor-card-id-new = id { $id } (follows the text until saved)
editor-duplicate = Duplicate
editor-delete = Delete
editor-preview = Preview as a student
editor-preview-hint = The card as the study screen shows it
editor-move-up = Move up
editor-move-down = Move down
editor-kind = Kind
editor-front = Front
editor-front-hint = What is shown first
editor-back = Back
editor-back-hint = The answer
editor-reverse = Also ask back → front
editor-cloze-text = Text with gaps
editor-cloze-example = Riga is the capital of { "{{c1::Latvia}}" }.
editor-cloze-help = A gap is { "{{c1::answer}}" }; { "{{c1::answer::hint}}" } adds a hint, { "{{c1::23 August|24 August}}" } accepts either. Number the gaps 1, 2, 3…
editor-question = Question
editor-accepted-answers = Accepted answers (one a line; the first is shown)
editor-right-answer = Right answer
editor-wrong-options = Wrong options (one a line)
editor-also-correct = Also counted right (one a line, for facts the sources give differently)
editor-statement = Statement
editor-true = True
editor-false = False
editor-correction = Correction (what is right instead, for a false statement)
editor-instruction = Instruction
editor-order-example = Put these in order, earliest first.
editor-order-items = Items in the correct order (one a line, at least 3)
editor-match-example = Match each leader to his country.
editor-pairs = Pairs (one a line: left = right, at least 3)
editor-pairs-example = Kārlis Ulmanis = Latvia
editor-tags = Tags (separated by commas)
editor-tags-example = 1940, latvia
editor-source = Source
editor-none = (none)
editor-source-hint = Add the documents you cite in Deck details.
editor-section = Section of the source
editor-note = Note (shown after the answer)
editor-picture = Picture (a PNG file in the deck's folder, e.g. pictures/map.png)
editor-copy-picture-from = Copy a picture into the deck from
editor-copy-picture = Copy picture
editor-copy-picture-hint = Or drop a PNG file onto the window
editor-back-to-cards = Back to the cards
editor-meta-title = Title
editor-meta-id-new = Deck id (a-z, 0-9 and -; it cannot change once the deck is saved)
editor-meta-id-fixed = Deck id (fixed: students' progress is kept under it)
editor-meta-description = Description
editor-meta-language = Language (e.g. en, lv, et, lt)
editor-meta-authors = Authors (separated by commas)
editor-meta-sources = Sources (one a line: key = title, a web address after " | ")
editor-meta-edition = Edition
editor-deck-gone = The deck { $id } is no longer in the library.
editor-bundled-missing = The bundled deck { $id } was not found.
editor-bad-id = Not saved: the deck id "{ $id }" cannot be used ({ $err }). Change it in Deck details.
editor-id-taken = Not saved: a deck with the id "{ $id }" is already in the library. Change the id in Deck details.
editor-path-exists = Not saved: { $path } already exists. Change the deck id in Deck details.
editor-save-failed = Not saved: { $err }. Your edits are still here.
editor-saved = Saved edition { $edition } to { $path }.
editor-saved-with-errors = It still has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }: students cannot study it until they are fixed.
editor-picture-save-first = Save the deck first: its pictures are copied into its folder.
editor-picture-no-card = Add a card first.
editor-picture-copied = The picture is now { $picture } in the deck's folder; card { $card } shows it.
editor-picture-failed = The picture was not added: { $err }
editor-preview-errors = Fix the card's errors to preview it ({ $first }).
editor-picture-after-save = is shown once the deck is saved
editor-map-after-save = is read once the deck is saved (or choose a built-in map)
study-picture-no-folder = the picture { $picture } { $why }
editor-locate-example = Click where Liepāja is.
editor-choice-prompt = Question for practice tests and exams (asked with the place names as choices and no picture; left empty, the card is asked only in study)
editor-choice-prompt-example = Which of these cities is the capital of Latvia?
editor-locate-picture = Picture to point at (a PNG in the deck's folder, or a built-in map)
editor-builtin-map = Built-in map
editor-choose = (choose)
editor-clicks = Clicks on the picture
editor-tool-circle = place a circle (drag for its size)
editor-tool-polygon = add polygon corners
editor-fix-regions = Fix the regions' text below to draw on the picture.
editor-choose-picture = Choose a picture to draw the regions on it.
editor-reading-picture = Reading the picture…
editor-corners = { $n ->
        [one] { $n } corner
       *[other] { $n } corners
    }
editor-finish-polygon = Finish polygon
editor-finish-polygon-hint = Enter, with the picture focused
editor-remove-corner = Remove last corner
editor-cancel-polygon = Cancel polygon
editor-regions = Regions (the first is the right answer):
editor-circle = circle
editor-polygon = polygon
editor-region-answer = ★ { $name } ({ $shape }, the answer)
editor-make-answer = Make it the answer
editor-make-answer-name = Make { $name } the answer
editor-delete-region = Delete region { $name }
editor-region-name = Name of the selected region
editor-region-default-name = Place { $n }
editor-radius = Radius
editor-regions-text = Regions as text, one a line, the answer first: Name @ circle(x, y, r) or Name @ polygon(x y, x y, x y)
editor-regions-unread = { $why }. The card keeps its regions until the text reads.
editor-map-label = { $n ->
        [one] Picture with { $n } region: click to add a region
       *[other] Picture with { $n } regions: click to add a region
    }
# The import dialog (spreadsheets, Quizlet text)
library-paste-cards = Paste cards…
library-paste-cards-hint = Paste a Quizlet export or spreadsheet rows and import them as a deck
import-title = Import cards
import-from-file = From { $file }
import-paste-here = Paste the text below: a Quizlet export (Export in a Quizlet set) or rows copied from a spreadsheet.
import-paste-hint = One card a line: the term, a tab or a comma, then the definition
import-pasted-text = Pasted text
import-pasted-deck-title = Pasted cards
import-reading = Reading the file…
import-deck-title = Deck title:
import-read-as = Read as:
import-format-columns = Spreadsheet columns
import-format-quizlet = Quizlet (term and definition)
import-first-row-names = The first row names the columns (it is not a card)
import-term-sep = Between term and definition:
import-card-sep = Between cards:
import-sep-auto = Guess
import-sep-tab = Tab
import-sep-comma = Comma
import-sep-newline = New line
import-sep-semicolon = Semicolon
import-sep-custom = Custom
import-sep-custom-hint = The characters that separate them (tab and newline may be written \t and \n)
import-preview = { $n ->
        [one] The first rows ({ $n } row read for the preview); choose what each column holds:
       *[other] The first rows ({ $n } rows read for the preview); choose what each column holds:
    }
import-preview-cards = { $n ->
        [one] The first cards ({ $n } card read for the preview):
       *[other] The first cards ({ $n } cards read for the preview):
    }
import-term = Term
import-definition = Definition
import-column-n = What column { $n } holds
import-field-ignore = (ignore)
import-field-id = Card id
import-field-kind = Kind
import-field-question = Question
import-field-answer = Answer
import-field-accept = Also accepted
import-field-distractor = Wrong option
import-field-tags = Tags
import-field-note = Note
import-field-source = Source
import-field-section = Section
import-field-picture = Picture
import-field-correction = What is true instead (false statements)
import-field-source-title = Source title
import-field-choice-prompt = Question for tests (Point at a place)
import-problems = { $n ->
        [one] { $n } problem; nothing was imported:
       *[other] { $n } problems; nothing was imported:
    }
import-preview-problems = { $n ->
        [one] { $n } problem in the preview (check the separators):
       *[other] { $n } problems in the preview (check the separators):
    }
import-more-problems = … and { $n } more
import-row-error = Row { $row }: { $message }
import-row-warning = Row { $row } (warning): { $message }
import-card-error = Card { $row }: { $message }
import-card-warning = Card { $row } (warning): { $message }
import-no-question-column = Choose the column that holds the question.
import-field-twice = Two columns are set to { $field }: keep one (only wrong options may fill several columns).
import-import = Import
import-skip-bad-rows = Import the other rows
import-running-title = Importing
import-running = Importing { $file }…
import-running-keep-working = You can keep working; the deck appears in the library when it is ready.
import-failed-unexpectedly = The import of { $file } stopped unexpectedly; nothing was changed. Try again, or import the file with the command line to see why.
import-ids-kept = Card ids kept from the earlier import (progress kept): { $n }.
import-rows-skipped = Rows left out because of problems: { $n }.
import-profile-changed = another profile was opened during the import
