# quizdeck: saskarne latviešu valodā.
# Katrs ziņojums ir `atslēga = teksts`; { $nosaukums } ir vērtība, ko ieliek programma.
# Skatīt docs/translating.md.

## Datumi, skaitļi un intervāli

# 18.09.1939.
date-short = { $day }.{ $month }.{ $year }.
# 1939. gada 18. septembris
date-long = { $year }. gada { $day }. { $month ->
        [1] janvāris
        [2] februāris
        [3] marts
        [4] aprīlis
        [5] maijs
        [6] jūnijs
        [7] jūlijs
        [8] augusts
        [9] septembris
        [10] oktobris
        [11] novembris
       *[12] decembris
    }
date-time = { $date } { $time }
percent = { $value }%
interval-seconds = { $n } s
interval-minutes = { $n } min
interval-hours = { $n } st.
interval-days = { $n } d.
interval-months = { $n } mēn.
interval-years = { $n } g.

## Krāsu motīvi

theme-light = Gaišs
theme-dark = Tumšs
theme-high-contrast = Augsts kontrasts

## Iestatījumi

settings-language = Valoda (Language)
settings-language-system = Sistēmas valoda ({ $name })
settings-save = Saglabāt
settings-cancel = Atcelt
settings-settings = Iestatījumi
settings-desired-retention = Vēlamā atcerēšanās
settings-new-items-per-day = Jauni jautājumi dienā, katrs komplekts
settings-reviews-per-day-each = Atkārtojumi dienā, katrs komplekts
settings-new-items-per-day-2 = Jauni jautājumi dienā, visi komplekti kopā
settings-reviews-per-day-all = Atkārtojumi dienā, visi komplekti kopā
settings-learning-steps = Apguves soļi
settings-relearning-steps = Atkārtotas apguves soļi
settings-new-day-starts-at = Jauna diena sākas (stundā)
settings-leech-after-lapses-0 = Grūts jautājums pēc (aizmiršanas reižu, 0 = nekad)
settings-leeches = Grūtie jautājumi
settings-mark-them-keep-studying = Atzīmēt tos, bet turpināt mācīties
settings-mark-and-suspend-them = Atzīmēt un apturēt tos
settings-typed-answers = Ierakstītās atbildes
settings-exact-accents-count = Precīzi (garumzīmes un mīkstinājumi ir svarīgi)
settings-ignore-accents-but-tell = Neņemt vērā garumzīmes, bet pateikt man
settings-ignore-accents = Neņemt vērā garumzīmes
settings-theme = Krāsu motīvs
settings-text-size = Teksta lielums (%)
settings-limits-of-single-decks = Atsevišķu komplektu ierobežojumi
settings-a-deck-with-its = Komplekts ar saviem ierobežojumiem neņem vērā abus augstāk esošos “katrs komplekts” skaitļus.
settings-deck-new = jauni
settings-deck-reviews = atkārtojumi
settings-step-not-a-step = “{ $step }” nav solis, piemēram, 10m
settings-step-unit = “{ $step }”: lieto s, m, h vai d
settings-step-out-of-range = “{ $step }” ir ārpus pieļaujamām robežām

## Navigācija

nav-study = Mācīties
nav-study-name = Mācīties
nav-study-hint = Tavi kartīšu komplekti un tas, kas šodien jāatkārto
nav-group-practice = Treniņš
nav-practice-test = Tests
nav-practice-test-name = Tests…
nav-practice-test-hint = Tests no jebkuriem komplektiem, ar katras kļūdas skaidrojumu
nav-match-game = Pāru spēle
nav-match-game-name = Pāru spēle…
nav-match-game-hint = Savieno pārus uz laiku
nav-group-class = Klase
nav-take-an-exam = Eksāmens
nav-take-an-exam-name = Eksāmens…
nav-take-an-exam-hint = Kārto eksāmenu no faila, ko tev iedeva skolotājs
nav-teacher = Skolotājs
nav-teacher-name = Skolotājs…
nav-teacher-hint = Sagatavo eksāmenu, parādi skolotāja kodu, nolasi klases rezultātus
nav-deck-editor = Komplektu redaktors
nav-deck-editor-name = Komplektu redaktors…
nav-deck-editor-hint = Izveido komplektu vai izlabo to: visi kartīšu veidi, kļūdas redzamas jau rakstot
nav-group-insight = Pārskats
nav-statistics = Statistika
nav-statistics-name = Statistika…
nav-statistics-hint = Atkārtojumi dienā, atcerēšanās, mācību dienas un grūtākie jautājumi
nav-browse = Pārlūkot
nav-browse-name = Pārlūkot…
nav-browse-hint = Visi visu komplektu jautājumi: meklēt, filtrēt, apturēt, atiestatīt
nav-settings = Iestatījumi
nav-settings-name = Iestatījumi…
nav-settings-hint = Krāsu motīvs, teksta lielums, dienas ierobežojumi, atbilžu pārbaude
nav-switch-profile = Mainīt profilu
nav-switch-profile-hint = Izvēlies, kurš mācās, vai pievieno, pārdēvē vai dzēs profilu

## Komplekti

library-reviews-due-today-first = Vispirms šodienas atkārtojumi, tad jaunas kartītes šodienas ierobežojuma robežās
library-decks = Kartīšu komplekti
library-import-deck = Importēt komplektu…
library-import-a-ron-deck = Importēt komplektu: .ron, .qdeck, Anki (.apkg) vai izklājlapu vai Quizlet tekstu (.csv, .tsv, .txt); vai ievilkt failu logā
library-sort = Kārtot:
library-group-by-folder = Grupēt pēc mapes
library-bundled-decks-and-imported = Iebūvētie un importētie komplekti atsevišķi
library-the-deck-was-not = Komplekts netika importēts:
library-dismiss = Aizvērt
library-study = Mācīties
library-remove = Noņemt
library-remove-this-imported-deck = Noņemt šo importēto komplektu (progress saglabājas)
library-remove-this-deck-for = Noņemt šo komplektu visiem šī datora lietotājiem? Progress saglabājas.
library-remove-this-deck-progress = Noņemt šo komplektu? Progress saglabājas.
library-yes-remove = Jā, noņemt
library-keep = Paturēt
library-due-today-in = { $n } jāatkārto šodien komplektā { $deck }
library-due = jāatkārto
library-mastered = { $percent } apgūts
library-new-today = {" "}· šodien { $n } { $n ->
        [one] jauns
       *[other] jauni
    }
library-cards = { $n ->
        [one] { $n } kartīte
       *[other] { $n } kartītes
    }
library-cards-items = { $cards ->
        [one] { $cards } kartīte
       *[other] { $cards } kartītes
    }, { $items ->
        [one] { $items } jautājums
       *[other] { $items } jautājumi
    }
library-deck-line = { $cards }{ $new } · pēdējo reizi mācīts { $last } · { $origin }
library-from = no: { $origin }
library-due-and-new = Šodien { $due } jāatkārto un { $new } jauni
library-study-deck = Mācīties { $deck }
library-remove-deck = Noņemt { $deck }
library-state-mature = nostiprināti
library-state-young = nesen apgūti
library-state-learning = apgūšanā
library-state-new = jauni
library-state-suspended = apturēti
library-state-count = { $state }: { $n }
library-progress-of = Komplekta { $deck } progress: { $states }
library-done-today = Šodien paveikts { $done } no { $total }
library-streak = { $n ->
        [0] Vēl nav mācību dienu pēc kārtas: mācies šodien un sāc
        [one] { $n } mācību diena pēc kārtas
       *[other] { $n } mācību dienas pēc kārtas
    }
library-counting = Skaita šodienas kartītes…
library-study-now = Mācīties tagad
library-opening = Atver profila { $name } progresu…
library-other-profile = Izvēlēties citu profilu
library-preparing = Sagatavo mācību sesiju…
library-reading-decks = Nolasa komplektus…
browse-indexing = Sagatavo vienumu sarakstu…
msg-opening-stopped = atvēršana negaidīti apstājās
library-all-done-today = Šodienai viss paveikts
library-study-now-new = Mācīties tagad — { $n } { $n ->
        [one] jauns
       *[other] jauni
    }
library-study-now-due = Mācīties tagad — { $n } jāatkārto
library-then-new = { $n ->
        [one] pēc tam { $n } jauna kartīte
       *[other] pēc tam { $n } jaunas kartītes
    }
library-never = nekad
library-days-ago = { $n ->
        [0] šodien
        [1] vakar
        [one] pirms { $n } dienas
       *[other] pirms { $n } dienām
    }
library-origin-bundled = iebūvēts programmā quizdeck
library-origin-yours = tavi komplekti
library-origin-class = klases komplekti ({ $folder })
library-group-bundled = Iebūvēti programmā quizdeck
library-group-imported = Importētie komplekti
library-group-class = Klases komplekti ({ $folder })
library-copies = Tiek lietota jaunākā, { $version }. versija no vietas { $place }; tas ir arī: { $others }.
library-copy-other = { $place } ({ $version }. versija)
library-sort-due-first = Vispirms jāatkārtojamie
library-sort-title = Nosaukums
library-sort-last-studied = Pēdējo reizi mācīts

## Mācīšanās

study-card-picture = Kartītes attēls
study-end-session-esc = Beigt (Esc)
study-undo-ctrl-z = Atsaukt (Ctrl+Z)
study-all-done-for-today = Šodienai viss paveikts. Labi padarīts!
study-nothing-more-to-study = Pašlaik vairs nav ko mācīties.
study-wait = Gaidīt
study-stay-here-the-next = Paliec šeit: nākamais jautājums parādīsies, kad pienāks tā laiks
study-end = Beigt
study-type-your-answer-then = Ieraksti atbildi, tad nospied Enter
study-the-right-order = Pareizā secība:
study-compared = Salīdzinājums:
study-underlined-letters-you-left = Pasvītroti: izlaistie burti · pārsvītroti: liekie burti
study-true-or-false-keys = Patiess vai nepatiess? Taustiņi T un F.
study-counted-as-right = Ieskaitīts kā pareizs
study-right = Pareizi
study-i-was-right = Man bija taisnība
study-count-this-answer-as = Ieskaitīt šo atbildi kā pareizu
study-again = Atkārtot
study-hard = Grūti
study-good = Labi
study-easy = Viegli
study-not-quite = Ne gluži
study-counts = · Jauni { $new } · Apgūšanā { $learning } · Atkārtot { $review } · Paveikts { $done }
study-more-new = Mācīties šodien vēl { $n } { $n ->
        [one] jaunu
       *[other] jaunus
    }
study-answer = Atbilde: { $answer }
study-statement-true = Apgalvojums ir patiess.
study-statement-false = Apgalvojums ir nepatiess.
study-you-typed = Tu ierakstīji: { $text }
study-true = Patiess
study-false = Nepatiess
study-the-answer = Atbilde: { $answer }
study-source = Avots: { $source }
study-show-answer = Rādīt atbildi (atstarpe)
study-pick-an-answer = Izvēlies atbildi: taustiņi 1–{ $last }.
study-check-answer = Pārbaudīt atbildi (Enter)
study-check-order = Pārbaudīt secību (Enter)
study-check-pairs = Pārbaudīt pārus (Enter)
study-how-well = Cik labi tu to zināji? Taustiņi 1–4; atstarpe = { $rating }.
study-check-marker = Pārbaudīt atzīmi (Enter)
study-keys-space = Taustiņi 1–4; atstarpe = { $rating }.

## Kopsavilkums

summary-no-answers-this-time = Šoreiz atbilžu nebija. Atgriezies, kad varēsi.
summary-excellent-work = Izcils darbs!
summary-well-done-steady-progress = Labi padarīts: vienmērīgs progress.
summary-good-effort-the-items = Laba piepūle: kļūdainie jautājumi drīz atgriezīsies, un tieši tā tie paliek atmiņā.
summary-back-to-decks = Atpakaļ pie komplektiem
summary-session-finished = Mācības pabeigtas
summary-to-look-at-again = Vēlreiz pārskatīt
summary-these-items-keep-slipping = Šie jautājumi atkal un atkal aizmirstas, tāpēc tie tika apturēti (grūtie jautājumi; pārlūkošanas skatā tos var atjaunot):
summary-these-items-keep-slipping-2 = Šie jautājumi atkal un atkal aizmirstas (grūtie jautājumi): mēģini tos iegaumēt citādi vai palūdz skolotājam tos pārfrazēt:
summary-queue-done = Paveikti { $percent }% no šīs reizes rindas
summary-studied-given = { $items ->
        [one] { $items } jautājums apgūts
       *[other] { $items } jautājumi apgūti
    }, { $answers ->
        [one] { $answers } atbilde sniegta
       *[other] { $answers } atbildes sniegtas
    }.
summary-remembered = Atcerētās atbildes: { $right } no { $answers } ({ $percent }%).
summary-time = Laiks: { $min } min { $s } s.
summary-comes-back = { $n ->
        [1] 1 jautājums atgriezīsies { $when }.
       *[other] { $n ->
            [one] { $n } jautājums atgriezīsies
           *[other] { $n } jautājumi atgriezīsies
        } vēlāk šodien, pirmais { $when }.
    }
summary-comes-back-later = { $n ->
        [one] { $n } jautājums atgriezīsies
       *[other] { $n } jautājumi atgriezīsies
    } vēlāk šodien.
summary-due-tomorrow = Rīt jāatkārto: { $n ->
        [one] { $n } jautājums
       *[other] { $n } jautājumi
    }.
summary-right-answer = Pareizā atbilde: { $answer }

## Visa loga ziņojumi

app-deck = Komplekts:
app-the-unsaved-answer-is = Nesaglabātā atbilde tagad ir saglabāta.
app-drop-the-deck-file = Atlaid komplekta failu, lai to importētu
app-retry-saving = Mēģināt saglabāt vēlreiz
app-ok = Labi
app-the-time-could-not = Laiku neizdevās ierakstīt rezultātu failā.
app-all-decks = Visi komplekti
app-nothing-was-lost-choose = Nekas nav zaudēts: izvēlies vērtējumu vēlreiz, lai mēģinātu vēlreiz
app-the-deck-was-removed = Komplekts tika noņemts visiem šī datora lietotājiem; progress saglabājas.
app-the-deck-was-removed-2 = Komplekts tika noņemts; tā progress saglabājas.
app-this-deck-has-too = Šajā komplektā ir par maz īsu pāru, lai spēlētu pāru spēli.
app-an-exam-is-already = Šajā logā jau tiek kārtots eksāmens.
app-these-decks-give-no = No šiem komplektiem nevar izveidot izvēlēto veidu jautājumus.
app-all-decks-lower = visi komplekti
app-deck-has-errors = Komplekts { $file } netiek rādīts: { $error } ({ $line }. rinda). Skolotājs visas kļūdas var redzēt ar `quizdeck check`.
app-imported-not-shown = Tavi importētie komplekti netiek rādīti: { $why } ({ $file }).
app-new-cap = Visu komplektu jauno jautājumu dienas ierobežojums ({ $cap }) ir sasniegts.
app-review-cap = Visu komplektu atkārtojumu dienas ierobežojums ({ $cap }) ir sasniegts. Pārējie gaida līdz rītdienai.
app-deck-new-limit = { $deck }: jauno jautājumu dienas ierobežojums ({ $limit }) ir sasniegts (gaida vēl { $waiting }).
app-deck-review-limit = { $deck }: atkārtojumu dienas ierobežojums ({ $limit }) ir sasniegts (jāatkārto vēl { $due }).
app-comes-back = { $n ->
        [1] 1 jautājums atgriezīsies pēc { $mins } min (plkst. { $time }).
       *[other] { $n ->
            [one] { $n } jautājums atgriezīsies
           *[other] { $n } jautājumi atgriezīsies
        } vēlāk šodien, pirmais pēc { $mins } min (plkst. { $time }).
    }
app-in-minutes = pēc { $mins } min (plkst. { $time })
app-read-only-not-saved = Šajā tikai lasīšanai atvērtajā logā atbildes netiek saglabātas: aizver to un mācies logā, kurā profils ir atvērts
app-today-unreadable = Šodienas atbildes neizdevās nolasīt ({ $error }), tāpēc jauno kartīšu skaits zemāk var būt lielāks, nekā ļauj tavs dienas ierobežojums.
app-unsaved-now-saved = Nesaglabātās atbildes ({ $n }) tagad ir saglabātas.
app-not-saved-yet = Vēl nav saglabāts: { $n ->
        [one] { $n } atbilde tiek glabāta
       *[other] { $n } atbildes tiek glabātas
    } atmiņā, jo rakstīšana neizdevās ({ $why }). Atbrīvo vietu diskā vai pārbaudi ierīci, tad nospied Ctrl+S; quizdeck mēģina vēlreiz arī ar katru atbildi, ik pēc { $secs } sekundēm un pirms aizvēršanas.
app-drop-the-exam-file = Atlaid eksāmena failu, lai to kārtotu
app-results-folder-missing = Rezultātu mape { $folder } nav atrodama (vai USB zibatmiņa ir pievienota?). Izvēlies to ar pogu “{ $button }”.

## Profili

profiles-who-is-studying = Kurš mācās?
profiles-new-name = Jaunais vārds:
profiles-save-name = Saglabāt vārdu
profiles-yes-delete = Jā, dzēst
profiles-no = Nē
profiles-try-again = Mēģināt vēlreiz
profiles-rename = Pārdēvēt
profiles-delete = Dzēst
profiles-new-profile = Jauns profils:
profiles-create = Izveidot
profiles-back-to-decks = Atpakaļ pie komplektiem
profiles-welcome-to-quizdeck = Laipni lūdzam quizdeck!
profiles-what-is-your-name = Kā tevi sauc? Ar šo vārdu tavs progress tiek glabāts šajā datorā (vēlāk to var mainīt sadaļā “Mainīt profilu”).
profiles-rename-name = Pārdēvēt { $name }
profiles-delete-name = Dzēst { $name }
profiles-default-name = Skolēns
profiles-your-name = Tavs vārds:
profiles-start = Sākt
profiles-skip = Izlaist
profiles-delete-confirm = Dzēst profilu { $name } un visu tā progresu?
profiles-could-not-open = neizdevās atvērt ({ $why }); nekas netika dzēsts
profiles-try-opening-again = Mēģināt vēlreiz atvērt { $name }
profiles-study-as = Mācīties ar vārdu “{ $name }”

## Testu un eksāmenu jautājumi

question-true-t = Patiess (T)
question-false-f = Nepatiess (F)
question-your-answer = Tava atbilde:
question-up = Augšup
question-down = Lejup
question-keep-this-order-k = Atstāt šo secību (K)
question-click-an-item-on = Noklikšķini uz rindas kreisajā pusē, tad uz tās pāra labajā pusē (vai taustiņi 1–9, tad A–I).
question-keys-then-enter = Taustiņi 1–{ $last }, tad Enter.
question-order-keys = Augšup/lejup izvēlas rindu, Alt+augšup/lejup to pārvieto (vai pogas).
question-belongs-at = { " " }(pareizā vieta: { $position })
question-move-item-up = Pārvietot “{ $item }” augšup
question-move-item-down = Pārvietot “{ $item }” lejup
question-move-up-keys = Pārvietot augšup (Alt+augšup)
question-move-down-keys = Pārvietot lejup (Alt+lejup)
question-selected = Izvēlēts: { $item }
question-right-partner = { " " }(pareizi: { $partner })
question-chosen-partner = Izvēlēts: { $item } (taustiņš { $key }); tagad tā pāris (A–{ $last })
question-verdict-right = Pareizi
question-verdict-wrong = Nepareizi
question-verdict-not-answered = Nav atbildēts
# Locate cards (a place on a map)
locate-hint = Noklikšķini uz vietas vai pārvieto atzīmi ar bulttaustiņiem un nospied Enter; numurētu vietu vari izvēlēties ar taustiņiem 1–{ $last }.
locate-map = { $n ->
        [one] Karte: { $n } numurēta vieta
       *[other] Karte: { $n } numurētas vietas
    }
locate-the-numbered-places = Numurētās vietas:
locate-place-named = Vieta { $number }: { $name }
locate-or-choose = Vai izvēlies numurētu vietu:
locate-place = Vieta { $number }
locate-you-pointed-at = Tu norādīji uz vietu { $name }.
locate-you-pointed-outside = Tu norādīji ārpus visām nosauktajām vietām.

## Pārbaudes tests

practice-multiple-choice = Atbilžu izvēle
practice-true-false = Patiess/nepatiess
practice-typed = Ierakstāma atbilde
practice-match = Pāri
practice-order = Secība
practice-cloze = Teksts ar robiem
practice-back-to-decks = Atpakaļ pie komplektiem
practice-new-test = Jauns tests
practice-practice-test = Tests
practice-decks = Komplekti:
practice-questions = Jautājumi:
practice-forms = Jautājumu veidi:
practice-count-my-answers-in = Ieskaitīt manas atbildes mācību grafikā (pareizi = Labi, nepareizi = Atkārtot)
practice-seed-optional-to-repeat = Sēkla (pēc izvēles, lai atkārtotu testu):
practice-start-test = Sākt testu
practice-preparing = Tests tiek sastādīts…
practice-not-made = Tests netika sastādīts: { $error }
practice-previous = Iepriekšējais
practice-next = Nākamais
practice-finish-now = Beigt tagad
practice-finish-test = Pabeigt testu
practice-seed-not-a-number = sēkla “{ $seed }” nav vesels skaitlis
practice-question-of = Jautājums { $index } no { $n } · sēkla { $seed }
practice-seed-repeats = Sēkla { $seed } atkārto šo testu.

## Pāru spēle

match-back-to-decks = Atpakaļ
match-new-game = Jauna spēle
match-match-each-item-with = Savieno katru rindu ar tās pāri pēc iespējas ātrāk. Nepareizs pāris pieskaita sekundi.
match-not-a-pair-1 = Nav pāris: +1 s
match-best-time = Labākais laiks: { $time }
match-done-in = Paveikts { $time } (kļūdas: { $mistakes })
match-time = Laiks { $time }
match-seconds = { $s } s

## Komplekta importēšana

picker-import-for = Importēt:
picker-me = Sev
picker-everyone-on-this-pc = Visiem šī datora lietotājiem
picker-parent-folder = Augstāk
picker-path = Ceļš:
picker-no-folders-ron-deck = Šeit nav mapju, .ron komplektu failu, .qdeck vai Anki pakotņu, ne izklājlapu (.csv, .tsv, .txt).
picker-import-a-deck = Importēt komplektu
picker-folder = Mape: { $folder }
picker-copied-into = Tiek kopēts klases komplektu mapē { $folder }
picker-every-profile-will-see = Visi šī datora profili redzēs komplektu (klases komplektu mape { $folder }).
picker-folder-entry = [mape] { $name }
picker-title-exam-file = Izvēlies eksāmena failu
picker-title-results-folder = Izvēlies, kur saglabāt savus rezultātus
picker-title-save-exam = Saglabāt eksāmenu
picker-title-key-file = Izvēlies atslēgas failu
picker-title-class-results = Izvēlies klases rezultātu mapi
picker-no-exam-files = Šeit nav ne mapju, ne eksāmenu failu.
picker-no-key-files = Šeit nav ne mapju, ne atslēgas failu (NOSAUKUMS.key.ron).
picker-no-result-files = Šeit nav ne apakšmapju, ne rezultātu failu.
picker-parent-folder-keys = Alt+augšup vai Backspace
picker-go = Atvērt
picker-choose-this-folder = Izvēlēties šo mapi
picker-file-name = Faila nosaukums:
picker-save-here = Saglabāt šeit
picker-home = Mājas mape

## Pārlūkošana

browse-back-to-decks = Atpakaļ pie komplektiem
browse-search = Meklēt:
browse-tag = Birka:
browse-state = Stāvoklis:
browse-sort-by = Kārtot pēc:
browse-reset-progress = Atiestatīt progresu
browse-new-not-studied-yet = Jauns: vēl nav mācīts.
browse-leech = Grūts jautājums
browse-any = visi
browse-shown-of = { $shown } no { $total ->
        [one] { $total } jautājuma
       *[other] { $total } jautājumiem
    }
browse-row = { $text } · { $status } · jāatkārto { $due } · aizmiršanas reizes: { $lapses } — { $deck }
browse-answer = Atbilde: { $answer }
browse-due = Jāatkārto: { $when } UTC
browse-interval = Intervāls: { $days } d.
browse-memory = Noturība: { $stability } d. · grūtība { $difficulty }
browse-answers-lapses = Atbildes: { $answers } · aizmiršanas reizes: { $lapses }
browse-history = Vēsture (atbildes: { $n })
browse-history-entry = { $when } · { $rating } · { $secs } s
browse-suspend = Apturēt
browse-unsuspend = Atsākt
browse-status-new = jauns
browse-status-learning = apgūšanā
browse-status-due = jāatkārto
browse-status-review = atkārtots
browse-status-suspended = apturēts
browse-status-leech = grūts
browse-sort-deck = komplekta secība
browse-sort-due = atkārtošanas datums
browse-sort-difficulty = grūtība
browse-sort-lapses = aizmiršanas reizes

## Statistika

stats-back-to-decks = Atpakaļ pie komplektiem
stats-last-365-days = Pēdējās 365 dienas
stats-reviews-per-day = Atkārtojumi dienā
stats-due-in-the-next = Jāatkārto nākamajās 30 dienās
stats-nothing-is-due-in = Nākamajās 30 dienās nekas nav jāatkārto.
stats-true-retention-per-week = Patiesā atcerēšanās nedēļā (atcerētie atkārtojumi)
stats-not-enough-reviews-yet = Atkārtojumu vēl par maz: atcerēšanās parādīsies pēc dažiem atkārtojumiem.
stats-study-days = Mācību dienas
stats-hardest-items = Grūtākie jautājumi
stats-no-item-has-been = Neviens jautājums vēl nav aizmirsts.
stats-study-these-items-now = Mācīties šos jautājumus tagad
stats-not-enough-data-yet = Datu vēl par maz: tavas atbildes šeit parādīsies dienu pēc dienas.
stats-each-square-is-a = Katrs kvadrāts ir diena (vecākā augšā pa kreisi). Mazāk atbilžu
stats-summary = Atbildes: { $answers } · dienas pēc kārtas: { $streak } · šodien { $today } min · kopā { $hours } h { $minutes } min
stats-items = Jautājumi: jauni { $new } · apgūšanā { $learning } · nesen apgūti { $young } · nostiprināti { $mature } · apturēti { $suspended }
stats-hardest-item = { $name } (aizmiršanas reizes: { $lapses }, grūtība { $difficulty })
stats-more-up-to = vairāk (līdz { $max } dienā)
stats-axis-days-from-today = dienas no šodienas
stats-axis-items-due = jāatkārto
stats-series-due = jāatkārto
stats-axis-weeks-ago = nedēļas atpakaļ
stats-axis-remembered = % atcerēti
stats-series-retention = atcerēšanās %
stats-axis-days-ago = dienas atpakaļ
stats-axis-answers = atbildes
stats-the-last-weeks = { $n ->
        [one] Pēdējā { $n } nedēļa.
       *[other] Pēdējās { $n } nedēļas.
    }

## Eksāmena kārtošana

exam-every-question-is-answered = Uz visiem jautājumiem ir atbildēts.
exam-that-code-is-not = Šis kods nav pareizs. Pajautā skolotājam vēlreiz.
exam-back-to-decks = Atpakaļ pie komplektiem
exam-the-time-is-over = Laiks beidzies, tāpēc tavs eksāmens tika iesniegts.
exam-show-it-to-your = Parādi to skolotājam, ja viņš lūdz.
exam-your-teacher-will-tell = Skolotājs pateiks klasei kodu, lai redzētu rezultātus.
exam-teacher-s-code = Skolotāja kods:
exam-show-my-results = Rādīt manus rezultātus
exam-your-teacher-will-give = Skolotājs tev paziņos rezultātus.
exam-resume = Turpināt
exam-not-now = Ne tagad
exam-take-an-exam = Kārtot eksāmenu
exam-exam-file = Eksāmena fails:
exam-results-folder-e-g = Rezultātu mape (piemēram, USB zibatmiņa):
exam-your-name = Tavs vārds:
exam-the-results-folder-defaults = Pēc noklusējuma rezultātu mape ir tā pati, kurā ir eksāmena fails.
exam-start-exam = Sākt eksāmenu
exam-hand-in = Iesniegt…
exam-previous = Iepriekšējais
exam-next = Nākamais
exam-hand-in-the-exam = Iesniegt eksāmenu?
exam-after-handing-in-you = Pēc iesniegšanas atbildes vairs nevarēs mainīt.
exam-hand-in-now-y = Iesniegt tagad (Y)
exam-keep-answering-esc = Turpināt atbildēt (Esc)
exam-no-mistakes = Kļūdu nav.
exam-one-unanswered = Uz { $number }. jautājumu nav atbildēts. Tomēr iesniegt?
exam-unanswered = Uz jautājumiem { $numbers } un { $last } nav atbildēts. Tomēr iesniegt?
exam-handed-in = { $title }: iesniegts
exam-thank-you = Paldies, { $name }! Tavas atbildes ir saglabātas.
exam-receipt = Kvīts: { $receipt }
exam-time-left-short = atlicis { $time }
exam-time-is-up = laiks beidzies: eksāmens tiks iesniegts
exam-resume-offer = Turpināt eksāmenu { $title } ar vārdu { $name } ({ $when })?
exam-time-left = Atlikušais laiks { $time }
exam-question-of = Jautājums { $index } no { $n } · atbildēti { $answered }
exam-go-to = Pāriet uz { $number }. jautājumu
exam-go-to-answered = Pāriet uz { $number }. jautājumu (atbildēts)
exam-go-to-first-unanswered = Pāriet uz { $number }. jautājumu — pirmo neatbildēto (G)
exam-score = Rezultāts: { $right } no { $total } ({ $percent }%)
exam-right-answer = Pareizā atbilde: { $answer }
exam-source = Avots: { $source }
exam-choose-type-or-drop = Izvēlies eksāmena failu, ieraksti tā ceļu vai ievelc failu šajā logā.
exam-choose-the-exam-file = Izvēlēties eksāmena failu…
exam-choose-the-results-folder = Izvēlēties rezultātu mapi…

## Skolotājs

teacher-teacher-exams = Skolotājs: eksāmeni
teacher-back-to-decks = Atpakaļ pie komplektiem
teacher-make-an-exam = Sagatavot eksāmenu
teacher-read-a-class-s = Nolasīt klases rezultātus
teacher-decks-the-questions-come = Komplekti, no kuriem ņem jautājumus:
teacher-forms = Jautājumu veidi:
teacher-title = Nosaukums:
teacher-questions-per-student = Jautājumi katram skolēnam:
teacher-draw-them-from-a = Izvēlēties tos no kopas, kurā ir
teacher-minutes = Minūtes:
teacher-save-the-exam-as = Saglabāt eksāmenu kā:
teacher-students-see-their-results = Skolēni redz savus rezultātus:
teacher-while-the-app-is = Kamēr lietotne ir aizvērta, pulkstenis:
teacher-make-exam = Sagatavot eksāmenu
teacher-making-exam = Eksāmens tiek sastādīts…
teacher-make-exam-needs = Lai izveidotu eksāmenu, izvēlieties vismaz vienu komplektu un vienu jautājumu veidu un ierakstiet nosaukumu un eksāmena faila vārdu.
teacher-key-file-name-key = Atslēgas fails (NOSAUKUMS.key.ron):
teacher-results-folder = Rezultātu mape:
teacher-read-results = Nolasīt rezultātus
teacher-name = Vārds
teacher-score = Rezultāts
teacher-time = Laiks
teacher-away = Prom
teacher-resumes = Turpinājumi
teacher-flags = Atzīmes
teacher-questions = Jautājumi
teacher-r-right-w-wrong = R pareizi · W nepareizi · - nav atbildēts
teacher-hardest-questions = Grūtākie jautājumi
teacher-feedback-after-code = pēc tam, kad iedosi viņiem kodu
teacher-feedback-at-hand-in = iesniedzot
teacher-feedback-never = lietotnē nekad
teacher-clock-runs-on = turpina iet
teacher-clock-pauses = apstājas
teacher-class-heading = { $title }: skolēni — { $n }
teacher-hardest-question = { $id }: { $percent }% pareizi ({ $right } no { $asked }) · { $prompt }
teacher-unreadable = Nevar nolasīt: { $file } ({ $why })
teacher-choose-where-to-save = Izvēlēties, kur saglabāt…
teacher-choose-the-key-file = Izvēlēties atslēgas failu…
teacher-choose-the-results-folder = Izvēlēties klases rezultātu mapi…

## Ziņojumi loga augšdaļā

msg-could-not-read-the = Neizdevās nolasīt profilus: { $error }
msg-progress-could-not-be = Neizdevās saglabāt progresa momentuzņēmumu: { $error }
msg-there-is-no-profile = Profila { $slug } nav.
msg-settings-could-not-be = Iestatījumus neizdevās nolasīt ({ $error }); tiek lietoti noklusējuma iestatījumi.
msg-could-not-start-studying = Neizdevās sākt mācīties: { $error }
msg-the-library-s-order = Komplektu secību neizdevās saglabāt: { $error }
msg-library-notes-not-kept = Neizdevās saglabāt, kuri ziņojumi jau parādīti (tie tiks parādīti vēlreiz): { $error }
msg-could-not-study-more = Neizdevās mācīties vairāk: { $error }
msg-could-not-undo-e = Neizdevās atsaukt: { $error }
msg-could-not-save-the = Iestatījumus neizdevās saglabāt: { $error }
msg-could-not-create-the = Profilu neizdevās izveidot: { $error }
msg-could-not-rename-e = Neizdevās pārdēvēt: { $error }
msg-could-not-delete-e = Neizdevās dzēst: { $error }
msg-the-history-could-not = Vēsturi neizdevās nolasīt: { $error }
msg-an-answer-could-not = Atbildi neizdevās saglabāt: { $error }
msg-the-best-time-could = Labāko laiku neizdevās saglabāt: { $error }
msg-the-exam-was-not = Eksāmens netika sagatavots: { $error }
msg-the-class-table-could = Klases tabulu neizdevās ierakstīt: { $error }
msg-the-results-could-not = Rezultātus neizdevās nolasīt: { $error }
msg-the-answer-was-not = Atbilde netika ierakstīta: { $error }
msg-the-exam-could-not = Eksāmenu neizdevās iesniegt: { $error }
msg-could-not-change-the = Jautājumu neizdevās mainīt: { $error }
msg-could-not-reset-the = Jautājumu neizdevās atiestatīt: { $error }
msg-profile-stays-open = { $n ->
        [one] { $n } atbildi
       *[other] { $n } atbildes
    } vēl neizdevās saglabāt, tāpēc profils paliek atvērts. Atbrīvo vietu diskā un nospied “Mēģināt saglabāt vēlreiz”.
msg-close-held = Dažas atbildes vēl nav saglabātas. Atbrīvo vietu diskā un nospied “Mēģināt saglabāt vēlreiz”; vēlreiz aizverot logu, programma beigs darbu bez tām.
msg-for-everyone = {" "}visiem šī datora lietotājiem
msg-no-class-folder = Nav klases komplektu mapes: palaid quizdeck ar --decks-dir MAPE (vai iestati QUIZDECK_DECKS), lai komplektus kopīgotu ar visiem profiliem.
msg-imported = Importēts “{ $title }” (kartītes: { $cards }){ $whom }.
msg-newer-version = Jaunāka šī komplekta versija ({ $version }) ir vietā { $place }; tiek lietota tā.
msg-class-folder-not-writable = { $error }. Klases komplektu mapei { $folder } jābūt rakstāmai: palūdz datora administratoram to izveidot un atļaut skolotājiem tajā rakstīt vai palaid quizdeck ar --decks-dir, kas norāda uz koplietojamu mapi.
msg-progress-not-opened = Profila { $name } progresu neizdevās atvērt: { $error }. Nekas netika dzēsts; aizver citus quizdeck logus vai atbrīvo vietu diskā un mēģini vēlreiz.
msg-read-only = Tikai lasīšanai: { $why }. Vari apskatīties, bet šajā logā atbildes netiek saglabātas.
msg-history-no-streak = Vēsturi neizdevās nolasīt (dienas pēc kārtas netiek rādītas): { $error }
msg-stopped-unexpectedly = darbs negaidīti apstājās
msg-figures-not-counted = Bibliotēkas skaitļus neizdevās saskaitīt: { $error }
msg-browse-not-built = Kartīšu sarakstu neizdevās izveidot: { $error }
msg-stats-not-counted = Statistiku neizdevās saskaitīt: { $error }
msg-extra-new-session-only = Papildu jaunie jautājumi ir tikai šai reizei: { $error }
msg-answers-added = { $n ->
        [one] { $n } atbilde pievienota
       *[other] { $n } atbildes pievienotas
    } tavam mācību grafikam.
msg-exam-saved = Saglabāts { $exam } skolēniem (jautājumi katram: { $questions }, laiks: { $minutes } min) un { $key } tev (ar to vērtē eksāmenu: nekad to neizsniedz).
msg-exam-code = Skolotāja kods: { $code } (pasaki to klasei, kad visi būs iesnieguši).
msg-class-table-written = Klases tabula ierakstīta { $file }
msg-cannot-open = nevar atvērt { $folder }: { $error }
msg-disk-refused = disks atteica rakstīšanu
msg-true = Patiess.
msg-false = Nepatiess.

## Ko profila atvēršana salaboja (viena teikuma daļas)

recovery-sentence = { $parts }.
recovery-recovered = Atjaunotas atbildes: { $answers }
recovery-recovered-items = Atjaunotas atbildes: { $answers } (progress jautājumos: { $items })
recovery-journal-tail = bojātās rindas žurnāla beigās ({ $lines }) tika noliktas malā (tās tika saglabātas brīdī, kad quizdeck apstājās)
recovery-journal-damaged = bojātās rindas žurnāla vidū ({ $lines }) tika izlaistas
recovery-journal-kept = bojātā žurnāla kopija saglabāta kā { $file }
recovery-snapshot-moved = saglabātais progresa fails bija bojāts ({ $reason }), tāpēc tas tika nolikts malā kā { $file }, un tavs progress tika atjaunots no vēstures
recovery-snapshot-damaged = saglabātais progresa fails ir bojāts ({ $reason }); progress tika atjaunots no vēstures
recovery-journal-newer = žurnāla galvenē norādīts formāts { $format }, kas ir jaunāks, nekā šī quizdeck versija prot lasīt (to rakstīja jaunāka quizdeck versija vai galvene ir bojāta); tā rindas tika nolasītas kā šīs versijas rindas
recovery-wrong-type-moved = { $file } bija { $what }, tāpēc tas tika nolikts malā kā { $moved }
recovery-wrong-type = { $file } ir { $what }, tāpēc tas netika nolasīts
recovery-snapshot-missing = saglabātā progresa faila nebija, tāpēc tavs progress tika atjaunots no vēstures
recovery-history-damaged = bojātās rindas arhivētajā vēsturē ({ $file }; { $lines }) tika izlaistas
recovery-settings-moved = iestatījumu failu neizdevās nolasīt ({ $reason }), tāpēc tas tika nolikts malā kā { $file }, un tiek lietoti noklusējuma iestatījumi
recovery-settings-reset = iestatījumu failu neizdevās nolasīt ({ $reason }); tiek lietoti noklusējuma iestatījumi
recovery-lock-unsupported = šo mapi nevar bloķēt, tāpēc pārliecinies, ka quizdeck nav atvērts divreiz ar to pašu profilu
recovery-left-unrepaired = diskā nekas netika labots, jo progress ir atvērts tikai lasīšanai
stats-counting = Skaita jautājumus…
stats-reading-history = Nolasa vēsturi…
stats-history-unavailable = Netiek rādīts: vēsturi neizdevās nolasīt.
study-loading-picture = Ielādē attēlu…
drop-title = Ievilkto failu importēšana
drop-question = Importēt { $files }?
drop-question-more = Importēt { $files } un vēl { $more }?
drop-import-for = Kam importēt:
app-anki-imported = No Anki importēts “{ $title }” (kartītes: { $cards }, attēli: { $pictures }){ $whom }.
app-anki-future = Atkārtojumu žurnāla atbildes ar nākotnes datumu netika iekļautas (pārbaudi šī datora pulksteni): { $n }.
app-anki-kept = Atkārtojumu žurnāla atbildes saglabātas kā tavs progress: { $n }.
app-anki-not-kept = Atkārtojumu žurnāls netika saglabāts: { $error }.
app-exam-key-exists = Eksāmens netika sagatavots: { $key } jau pastāv – tā ir iepriekšēja eksāmena atslēga (to aizstājot, šī eksāmena rezultātus vairs nevarētu novērtēt). Izvēlies citu nosaukumu vai vispirms pārvieto iepriekšējo eksāmenu.
msg-picture-bundled = attēls { $picture } iebūvētam komplektam nav pieejams

## The deck editor
editor-leave-title = Saglabāt izmaiņas?
editor-leave-text = Komplektā “{ $title }” ir nesaglabātas izmaiņas. Vai saglabāt tās pirms iziešanas?
editor-save-and-continue = Saglabāt un turpināt
editor-discard = Atmest izmaiņas
editor-keep-editing = Turpināt labot
editor-intro = Šeit vari veidot un labot komplektus. Kartītes saglabā savu identifikatoru, lai ko tu mainītu, tāpēc skolēnu progress saglabājas.
editor-new-deck = Jauns komplekts…
editor-edit = Labot
editor-edit-name = Labot { $title }
editor-copy-to-edit = Labot kopiju
editor-copy-to-edit-name = Labot kopiju: { $title }
editor-open-hint = Atvērt šo komplektu redaktorā
editor-bundled-hint = Iebūvētos komplektus mainīt nevar: labo kopiju ar savu identifikatoru
editor-region-line = Apgabala rinda { $line }: { $why }
editor-no-cards = komplektā nav nevienas kartītes
editor-no-cards-hint = pievieno kartīti
editor-kind-basic = Priekšpuse un aizmugure
editor-kind-cloze = Aizpildi robus
editor-kind-type-in = Ieraksti atbildi
editor-kind-multiple-choice = Atbilžu izvēle
editor-kind-true-false = Patiess vai nepatiess
editor-kind-order = Sakārto secībā
editor-kind-match = Savieno pārus
editor-kind-locate = Norādi vietu (karte)
editor-back-to-editing = Atpakaļ uz labošanu
editor-back-to-editing-hint = Esc; šeit dotās atbildes netiek saglabātas
editor-preview-note = Priekšskatījums: kartīte tā, kā to redz skolēns.
editor-preview-deck = Priekšskatījums: { $title }
editor-back-to-decks = ← Komplekti
editor-back-to-decks-hint = Atpakaļ uz komplektu sarakstu
editor-unsaved = (nesaglabāts)
editor-undo = Atsaukt
editor-redo = Atcelt atsaukšanu
editor-save = Saglabāt
editor-deck-details = Komplekta dati
editor-deck-details-hint = Nosaukums, apraksts, valoda, autori, avoti, izdevums
editor-raise-edition = Saglabājot paaugstināt izdevumu līdz { $edition }
editor-raise-edition-hint = Skolēnu vecāka izdevuma kopijas tiek aizstātas ar šo; viņu progress tiek pārnests kartīti pa kartītei.
editor-save-in = Saglabāt:
editor-save-in-me = Mani komplekti
editor-save-in-everyone = Visiem šajā datorā
editor-class-folder = Klases komplektu mape: { $folder }
editor-cards-tab = Kartītes
editor-card-tab = Kartīte
editor-checking = Pārbauda…
editor-no-problems = Problēmu nav: skolēni var mācīties šo komplektu.
editor-problems-errors = Kļūdas: { $errors }, brīdinājumi: { $warnings }; skolēni nevar mācīties komplektu, kamēr kļūdas nav izlabotas
editor-problems-warnings = Kļūdas: { $errors }, brīdinājumi: { $warnings }
editor-all-problems = Visas problēmas ({ $n })
editor-error = Kļūda
editor-warning = Brīdinājums
editor-problem-in-card = Kartīte { $card }: { $text }
editor-go-to-field = Pāriet uz lauku
editor-search = Meklēt
editor-new-card-kind = Jauna kartīte:
editor-add-card = Pievienot kartīti
editor-shown-cards = { $shown } no { $n ->
        [one] { $n } kartītes
       *[other] { $n } kartītēm
    }
editor-new-card-label = (jauna: { $kind })
editor-empty-deck = Komplektā nav nevienas kartītes. Pievieno kādu.
editor-card-of = Kartīte { $n } no { $total }
editor-card-id = id { $id }
editor-card-id-new = id { $id } (seko tekstam līdz saglabāšanai)
editor-duplicate = Dublēt
editor-delete = Dzēst
editor-preview = Priekšskatīt
editor-preview-hint = Kartīte tā, kā to rāda mācīšanās ekrāns
editor-move-up = Uz augšu
editor-move-down = Uz leju
editor-kind = Veids
editor-front = Priekšpuse
editor-front-hint = Kas tiek parādīts vispirms
editor-back = Aizmugure
editor-back-hint = Atbilde
editor-reverse = Jautāt arī aizmugure → priekšpuse
editor-cloze-text = Teksts ar robiem
editor-cloze-example = Rīga ir { "{{c1::Latvijas}}" } galvaspilsēta.
editor-cloze-help = Robs ir { "{{c1::atbilde}}" }; { "{{c1::atbilde::mājiens}}" } pievieno mājienu, { "{{c1::23. augusts|24. augusts}}" } pieņem jebkuru. Numurē robus 1, 2, 3…
editor-question = Jautājums
editor-accepted-answers = Pieņemamās atbildes (pa vienai rindā; parāda pirmo)
editor-right-answer = Pareizā atbilde
editor-wrong-options = Nepareizie varianti (pa vienam rindā)
editor-also-correct = Arī pareizi (pa vienam rindā, ja avoti faktu sniedz atšķirīgi)
editor-statement = Apgalvojums
editor-true = Patiess
editor-false = Nepatiess
editor-correction = Labojums (kas ir pareizi, ja apgalvojums ir nepatiess)
editor-instruction = Uzdevums
editor-order-example = Sakārto šos notikumus, agrāko pirmo.
editor-order-items = Elementi pareizā secībā (pa vienam rindā, vismaz 3)
editor-match-example = Savieno katru vadītāju ar viņa valsti.
editor-pairs = Pāri (pa vienam rindā: kreisais = labais, vismaz 3)
editor-pairs-example = Kārlis Ulmanis = Latvija
editor-tags = Birkas (atdalītas ar komatiem)
editor-tags-example = 1940, latvija
editor-source = Avots
editor-none = (nav)
editor-source-hint = Pievieno citētos dokumentus komplekta datos.
editor-section = Avota daļa
editor-note = Piezīme (parādās pēc atbildes)
editor-picture = Attēls (PNG fails komplekta mapē, piem., pictures/map.png)
editor-copy-picture-from = Kopēt attēlu komplektā no
editor-copy-picture = Kopēt attēlu
editor-copy-picture-hint = Vai ievelc PNG failu logā
editor-back-to-cards = Atpakaļ uz kartītēm
editor-meta-title = Nosaukums
editor-meta-id-new = Komplekta id (a–z, 0–9 un -; pēc saglabāšanas to mainīt nevar)
editor-meta-id-fixed = Komplekta id (nemainīgs: ar to glabā skolēnu progresu)
editor-meta-description = Apraksts
editor-meta-language = Valoda (piem., lv, et, lt, en)
editor-meta-authors = Autori (atdalīti ar komatiem)
editor-meta-sources = Avoti (pa vienam rindā: atslēga = nosaukums, tīmekļa adrese pēc “ | ”)
editor-meta-edition = Izdevums
editor-deck-gone = Komplekta { $id } vairs nav bibliotēkā.
editor-bundled-missing = Iebūvētais komplekts { $id } netika atrasts.
editor-bad-id = Nav saglabāts: komplekta id “{ $id }” nevar izmantot ({ $err }). Maini to komplekta datos.
editor-id-taken = Nav saglabāts: komplekts ar id “{ $id }” jau ir bibliotēkā. Maini id komplekta datos.
editor-path-exists = Nav saglabāts: { $path } jau pastāv. Maini komplekta id komplekta datos.
editor-save-failed = Nav saglabāts: { $err }. Tavas izmaiņas joprojām ir šeit.
editor-saved = Izdevums { $edition } saglabāts: { $path }.
editor-saved-with-errors = Tajā vēl ir kļūdas ({ $errors }): skolēni nevar to mācīties, kamēr tās nav izlabotas.
editor-picture-save-first = Vispirms saglabā komplektu: tā attēli tiek kopēti tā mapē.
editor-picture-no-card = Vispirms pievieno kartīti.
editor-picture-copied = Attēls tagad ir komplekta mapē: { $picture }; to rāda kartīte { $card }.
editor-picture-failed = Attēls netika pievienots: { $err }
editor-preview-errors = Lai priekšskatītu, izlabo kartītes kļūdas ({ $first }).
editor-picture-after-save = tiek parādīts, kad komplekts ir saglabāts
editor-map-after-save = tiek nolasīts, kad komplekts ir saglabāts (vai izvēlies iebūvētu karti)
study-picture-no-folder = attēls { $picture }: { $why }
editor-locate-example = Noklikšķini, kur atrodas Liepāja.
editor-choice-prompt = Jautājums testiem un eksāmeniem (uzdots ar vietu nosaukumiem kā atbilžu variantiem, bez attēla; ja lauks ir tukšs, kartīte tiek uzdota tikai mācoties)
editor-choice-prompt-example = Kura no šīm pilsētām ir Latvijas galvaspilsēta?
editor-locate-picture = Attēls, kurā norādīt (PNG komplekta mapē vai iebūvēta karte)
editor-builtin-map = Iebūvēta karte
editor-choose = (izvēlies)
editor-clicks = Klikšķis uz attēla
editor-tool-circle = novieto apli (velc, lai mainītu izmēru)
editor-tool-polygon = pievieno daudzstūra virsotnes
editor-fix-regions = Izlabo apgabalu tekstu zemāk, lai tos zīmētu uz attēla.
editor-choose-picture = Izvēlies attēlu, lai uz tā zīmētu apgabalus.
editor-reading-picture = Nolasa attēlu…
editor-corners = { $n ->
        [one] { $n } virsotne
       *[other] { $n } virsotnes
    }
editor-finish-polygon = Pabeigt daudzstūri
editor-finish-polygon-hint = Enter, kad attēls ir fokusā
editor-remove-corner = Noņemt pēdējo virsotni
editor-cancel-polygon = Atcelt daudzstūri
editor-regions = Apgabali (pirmais ir pareizā atbilde):
editor-circle = aplis
editor-polygon = daudzstūris
editor-region-answer = ★ { $name } ({ $shape }, pareizā atbilde)
editor-make-answer = Padarīt par atbildi
editor-make-answer-name = Padarīt { $name } par atbildi
editor-delete-region = Dzēst apgabalu { $name }
editor-region-name = Izvēlētā apgabala nosaukums
editor-region-default-name = Vieta { $n }
editor-radius = Rādiuss
editor-regions-text = Apgabali kā teksts, pa vienam rindā, atbilde pirmā: Nosaukums @ circle(x, y, r) vai Nosaukums @ polygon(x y, x y, x y)
editor-regions-unread = { $why }. Kartīte saglabā savus apgabalus, līdz tekstu var nolasīt.
editor-map-label = Attēls ar apgabaliem ({ $n }): noklikšķini, lai pievienotu apgabalu
# The import dialog (spreadsheets, Quizlet text)
library-paste-cards = Ielīmēt kartītes…
library-paste-cards-hint = Ielīmē Quizlet eksportu vai izklājlapas rindas un importē tās kā komplektu
import-title = Kartīšu importēšana
import-from-file = No faila { $file }
import-paste-here = Ielīmē tekstu zemāk: Quizlet eksportu (Quizlet kopā “Export”) vai no izklājlapas nokopētas rindas.
import-paste-hint = Viena kartīte rindā: termins, tabulācija vai komats, tad skaidrojums
import-pasted-text = Ielīmētais teksts
import-pasted-deck-title = Ielīmētās kartītes
import-reading = Lasu failu…
import-deck-title = Komplekta nosaukums:
import-read-as = Lasīt kā:
import-format-columns = izklājlapas kolonnas
import-format-quizlet = Quizlet (termins un skaidrojums)
import-first-row-names = Pirmajā rindā ir kolonnu nosaukumi (tā nav kartīte)
import-term-sep = Starp terminu un skaidrojumu:
import-card-sep = Starp kartītēm:
import-sep-auto = Uzminēt
import-sep-tab = Tabulācija
import-sep-comma = Komats
import-sep-newline = Jauna rinda
import-sep-semicolon = Semikols
import-sep-custom = Savs
import-sep-custom-hint = Atdalošās rakstzīmes (tabulāciju un jaunu rindu var rakstīt kā \t un \n)
import-preview = { $n ->
        [zero] Pirmās rindas (priekšskatījumam nolasītas { $n } rindas); izvēlies, kas ir katrā kolonnā:
        [one] Pirmās rindas (priekšskatījumam nolasīta { $n } rinda); izvēlies, kas ir katrā kolonnā:
       *[other] Pirmās rindas (priekšskatījumam nolasītas { $n } rindas); izvēlies, kas ir katrā kolonnā:
    }
import-preview-cards = { $n ->
        [zero] Pirmās kartītes (priekšskatījumam nolasītas { $n } kartītes):
        [one] Pirmās kartītes (priekšskatījumam nolasīta { $n } kartīte):
       *[other] Pirmās kartītes (priekšskatījumam nolasītas { $n } kartītes):
    }
import-term = Termins
import-definition = Skaidrojums
import-column-n = Kas ir { $n }. kolonnā
import-field-ignore = (neņemt)
import-field-id = Kartītes identifikators
import-field-kind = Veids
import-field-question = Jautājums
import-field-answer = Atbilde
import-field-accept = Arī pareizi
import-field-distractor = Nepareizs variants
import-field-tags = Birkas
import-field-note = Piezīme
import-field-source = Avots
import-field-section = Sadaļa
import-field-picture = Attēls
import-field-correction = Kas ir pareizi (nepatiesiem apgalvojumiem)
import-field-source-title = Avota nosaukums
import-field-choice-prompt = Jautājums testiem (Norādi vietu)
import-problems = { $n ->
        [zero] { $n } problēmas; nekas netika importēts:
        [one] { $n } problēma; nekas netika importēts:
       *[other] { $n } problēmas; nekas netika importēts:
    }
import-preview-problems = { $n ->
        [zero] Priekšskatījumā { $n } problēmas (pārbaudi atdalītājus):
        [one] Priekšskatījumā { $n } problēma (pārbaudi atdalītājus):
       *[other] Priekšskatījumā { $n } problēmas (pārbaudi atdalītājus):
    }
import-more-problems = … un vēl { $n }
import-row-error = { $row }. rinda: { $message }
import-row-warning = { $row }. rinda (brīdinājums): { $message }
import-card-error = { $row }. kartīte: { $message }
import-card-warning = { $row }. kartīte (brīdinājums): { $message }
import-no-question-column = Izvēlies kolonnu, kurā ir jautājums.
import-field-twice = Divām kolonnām izvēlēts { $field }: atstāj vienu (vairākās kolonnās drīkst būt tikai nepareizi varianti).
import-import = Importēt
import-skip-bad-rows = Importēt pārējās rindas
import-running-title = Importēšana
import-running = Importēju { $file }…
import-running-keep-working = Vari turpināt darbu; komplekts parādīsies bibliotēkā, kad būs gatavs.
import-failed-unexpectedly = Faila { $file } importēšana negaidīti apstājās; nekas netika mainīts. Mēģini vēlreiz vai importē failu no komandrindas, lai redzētu iemeslu.
import-ids-kept = No iepriekšējā importa saglabāti kartīšu identifikatori (progress saglabāts): { $n }.
import-rows-skipped = Problēmu dēļ izlaistas rindas: { $n }.
import-profile-changed = importēšanas laikā tika atvērts cits profils
