# quizdeck: kasutajaliides eesti keeles.
# Iga sõnum on kujul `võti = tekst`; { $nimi } on väärtus, mille programm lisab.
# Vaata docs/translating.md.

## Kuupäevad, arvud ja intervallid

# 18.09.1939
date-short = { $day }.{ $month }.{ $year }
# 18. september 1939
date-long = { $day }. { $month ->
        [1] jaanuar
        [2] veebruar
        [3] märts
        [4] aprill
        [5] mai
        [6] juuni
        [7] juuli
        [8] august
        [9] september
        [10] oktoober
        [11] november
       *[12] detsember
    } { $year }
date-time = { $date } { $time }
percent = { $value }%
interval-seconds = { $n } s
interval-minutes = { $n } min
interval-hours = { $n } t
interval-days = { $n } p
interval-months = { $n } k
interval-years = { $n } a

## Teemad

theme-light = Hele
theme-dark = Tume
theme-high-contrast = Suur kontrast

## Seaded

settings-language = Keel (Language)
settings-language-system = Süsteemi keel ({ $name })
settings-save = Salvesta
settings-cancel = Loobu
settings-settings = Seaded
settings-desired-retention = Soovitud meelespidamise määr
settings-new-items-per-day = Uusi küsimusi päevas, iga pakk
settings-reviews-per-day-each = Kordamisi päevas, iga pakk
settings-new-items-per-day-2 = Uusi küsimusi päevas, kõik pakid kokku
settings-reviews-per-day-all = Kordamisi päevas, kõik pakid kokku
settings-learning-steps = Õppimise sammud
settings-relearning-steps = Uuesti õppimise sammud
settings-new-day-starts-at = Uus päev algab (kell)
settings-leech-after-lapses-0 = Visa küsimus pärast (unustamisi, 0 = mitte kunagi)
settings-leeches = Visad küsimused
settings-mark-them-keep-studying = Märgi need, aga õpi edasi
settings-mark-and-suspend-them = Märgi ja peata need
settings-typed-answers = Kirjutatud vastused
settings-exact-accents-count = Täpne (diakriitikud loevad)
settings-ignore-accents-but-tell = Ära arvesta diakriitikuid, aga ütle mulle
settings-ignore-accents = Ära arvesta diakriitikuid
settings-theme = Teema
settings-text-size = Teksti suurus (%)
settings-limits-of-single-decks = Üksikute pakkide piirangud
settings-a-deck-with-its = Oma piirangutega pakk ei arvesta kahte ülalolevat „iga pakk“ arvu.
settings-deck-new = uusi
settings-deck-reviews = kordamisi
settings-step-not-a-step = „{ $step }“ ei ole samm, näiteks 10m
settings-step-unit = „{ $step }“: kasuta s, m, h või d
settings-step-out-of-range = „{ $step }“ on lubatud piiridest väljas

## Navigeerimine

nav-study = Õpi
nav-study-name = Õpi
nav-study-hint = Sinu kaardipakid ja see, mis on täna kordamisel
nav-group-practice = Harjutamine
nav-practice-test = Harjutustest
nav-practice-test-name = Harjutustest…
nav-practice-test-hint = Test mis tahes pakkidest, iga vea selgitusega
nav-match-game = Paarismäng
nav-match-game-name = Paarismäng…
nav-match-game-hint = Leia paarid võidu kellaga
nav-group-class = Klass
nav-take-an-exam = Eksam
nav-take-an-exam-name = Eksam…
nav-take-an-exam-hint = Tee eksam failist, mille õpetaja sulle andis
nav-teacher = Õpetaja
nav-teacher-name = Õpetaja…
nav-teacher-hint = Koosta eksam, näita õpetaja koodi, loe klassi tulemusi
nav-deck-editor = Pakiredaktor
nav-deck-editor-name = Pakiredaktor…
nav-deck-editor-hint = Koosta pakk või paranda seda: kõik kaarditüübid, vead näha juba kirjutades
nav-group-insight = Ülevaade
nav-statistics = Statistika
nav-statistics-name = Statistika…
nav-statistics-hint = Kordamised päevas, meelespidamine, õppepäevad ja kõige raskemad küsimused
nav-browse = Sirvi
nav-browse-name = Sirvi…
nav-browse-hint = Kõigi pakkide kõik küsimused: otsi, filtreeri, peata, lähtesta
nav-settings = Seaded
nav-settings-name = Seaded…
nav-settings-hint = Teema, teksti suurus, päevased piirangud, vastuste kontroll
nav-switch-profile = Vaheta profiili
nav-switch-profile-hint = Vali, kes õpib, või lisa, nimeta ümber või kustuta profiil

## Kaardipakid

library-reviews-due-today-first = Kõigepealt tänased kordamised, siis uued kaardid tänase piirangu ulatuses
library-decks = Kaardipakid
library-import-deck = Impordi pakk…
library-import-a-ron-deck = Impordi pakk: .ron, .qdeck, Anki (.apkg) või tabel või Quizleti tekst (.csv, .tsv, .txt); või lohista fail aknasse
library-sort = Järjesta:
library-group-by-folder = Rühmita kausta järgi
library-bundled-decks-and-imported = Kaasasolevad ja imporditud pakid eraldi
library-the-deck-was-not = Pakki ei imporditud:
library-dismiss = Sulge
library-study = Õpi
library-remove = Eemalda
library-remove-this-imported-deck = Eemalda see imporditud pakk (edusammud jäävad alles)
library-remove-this-deck-for = Kas eemaldada see pakk kõigilt selle arvuti kasutajatelt? Edusammud jäävad alles.
library-remove-this-deck-progress = Kas eemaldada see pakk? Edusammud jäävad alles.
library-yes-remove = Jah, eemalda
library-keep = Jäta alles
library-due-today-in = { $n ->
        [one] { $n } kordamine täna pakis { $deck }
       *[other] { $n } kordamist täna pakis { $deck }
    }
library-due = kordamisel
library-mastered = { $percent } omandatud
library-new-today = {" "}· täna { $n } { $n ->
        [one] uus
       *[other] uut
    }
library-cards = { $n ->
        [one] { $n } kaart
       *[other] { $n } kaarti
    }
library-cards-items = { $cards ->
        [one] { $cards } kaart
       *[other] { $cards } kaarti
    }, { $items } küsimust
library-deck-line = { $cards }{ $new } · viimati õpitud { $last } · { $origin }
library-from = allikas: { $origin }
library-due-and-new = Täna { $due } { $due ->
        [one] kordamine
       *[other] kordamist
    } ja { $new } { $new ->
        [one] uus
       *[other] uut
    }
library-study-deck = Õpi { $deck }
library-remove-deck = Eemalda { $deck }
library-state-mature = kinnistunud
library-state-young = värske
library-state-learning = õppimisel
library-state-new = uus
library-state-suspended = peatatud
library-state-count = { $state }: { $n }
library-progress-of = Paki { $deck } edusammud: { $states }
library-done-today = Täna tehtud { $done }/{ $total }
library-streak = { $n ->
        [0] Järjestikuseid õppepäevi veel pole: õpi täna ja alusta
       *[other] { $n } õppepäeva järjest
    }
library-counting = Tänaste kaartide loendamine…
library-study-now = Õpi kohe
library-opening = Profiili { $name } edusammude avamine…
library-other-profile = Vali teine profiil
library-preparing = Õppimise ettevalmistamine…
library-reading-decks = Kaardipakkide lugemine…
browse-indexing = Kirjete loendi koostamine…
msg-opening-stopped = avamine katkes ootamatult
library-all-done-today = Tänaseks kõik tehtud
library-study-now-new = Õpi kohe — { $n } { $n ->
        [one] uus
       *[other] uut
    }
library-study-now-due = Õpi kohe — { $n } { $n ->
        [one] kordamine
       *[other] kordamist
    }
library-then-new = { $n ->
        [one] siis 1 uus kaart
       *[other] siis { $n } uut kaarti
    }
library-never = mitte kunagi
library-days-ago = { $n ->
        [0] täna
        [1] eile
       *[other] { $n } päeva tagasi
    }
library-origin-bundled = quizdeckiga kaasas
library-origin-yours = sinu pakid
library-origin-class = klassi pakid ({ $folder })
library-group-bundled = Quizdeckiga kaasas
library-group-imported = Imporditud pakid
library-group-class = Klassi pakid ({ $folder })
library-copies = Kasutusel on uusim, versioon { $version } kohast { $place }; see on ka siin: { $others }.
library-copy-other = { $place } (versioon { $version })
library-sort-due-first = Kordamised ees
library-sort-title = Pealkiri
library-sort-last-studied = Viimati õpitud

## Õppimine

study-card-picture = Kaardi pilt
study-end-session-esc = Lõpeta (Esc)
study-undo-ctrl-z = Võta tagasi (Ctrl+Z)
study-all-done-for-today = Tänaseks on kõik tehtud. Tubli!
study-nothing-more-to-study = Praegu pole rohkem midagi õppida.
study-wait = Oota
study-stay-here-the-next = Jää siia: järgmine küsimus ilmub, kui selle aeg käes on
study-end = Lõpeta
study-type-your-answer-then = Kirjuta vastus ja vajuta Enter
study-the-right-order = Õige järjekord:
study-compared = Võrdlus:
study-underlined-letters-you-left = Allajoonitud: puudu jäänud tähed · läbikriipsutatud: üleliigsed tähed
study-true-or-false-keys = Tõene või väär? Klahvid T ja F.
study-counted-as-right = Arvestatud õigeks
study-right = Õige
study-i-was-right = Mul oli õigus
study-count-this-answer-as = Arvesta see vastus õigeks
study-again = Uuesti
study-hard = Raske
study-good = Hea
study-easy = Lihtne
study-not-quite = Mitte päris
study-counts = · Uusi { $new } · Õppimisel { $learning } · Kordamisi { $review } · Tehtud { $done }
study-more-new = Õpi täna veel { $n } { $n ->
        [one] uus
       *[other] uut
    }
study-answer = Vastus: { $answer }
study-statement-true = Väide on tõene.
study-statement-false = Väide on väär.
study-you-typed = Sa kirjutasid: { $text }
study-true = Tõene
study-false = Väär
study-the-answer = Vastus: { $answer }
study-source = Allikas: { $source }
study-show-answer = Näita vastust (tühik)
study-pick-an-answer = Vali vastus: klahvid 1–{ $last }.
study-check-answer = Kontrolli vastust (Enter)
study-check-order = Kontrolli järjekorda (Enter)
study-check-pairs = Kontrolli paare (Enter)
study-how-well = Kui hästi sa seda teadsid? Klahvid 1–4; tühik = { $rating }.
study-check-marker = Kontrolli märki (Enter)
study-keys-space = Klahvid 1–4; tühik = { $rating }.

## Kokkuvõte

summary-no-answers-this-time = Seekord vastuseid polnud. Tule tagasi, kui oled valmis.
summary-excellent-work = Suurepärane töö!
summary-well-done-steady-progress = Tubli: ühtlane edasiminek.
summary-good-effort-the-items = Hea pingutus: eksitud küsimused tulevad varsti tagasi ja nii need kinnistuvadki.
summary-back-to-decks = Tagasi pakkide juurde
summary-session-finished = Õppimine lõpetatud
summary-to-look-at-again = Vaata uuesti üle
summary-these-items-keep-slipping = Need küsimused ununevad ikka ja jälle ning peatati (visad küsimused; sirvimise vaates saab need tagasi tuua):
summary-these-items-keep-slipping-2 = Need küsimused ununevad ikka ja jälle (visad küsimused): proovi neid uut moodi meelde jätta või palu õpetajal need ümber sõnastada:
summary-queue-done = { $percent }% selle korra järjekorrast tehtud
summary-studied-given = { $items ->
        [one] { $items } küsimus
       *[other] { $items } küsimust
    } õpitud, { $answers ->
        [one] { $answers } vastus
       *[other] { $answers } vastust
    } antud.
summary-remembered = Meelde jäänud vastuseid: { $right }/{ $answers } ({ $percent }%).
summary-time = Aeg: { $min } min { $s } s.
summary-comes-back = { $n ->
        [1] 1 küsimus tuleb tagasi { $when }.
       *[other] { $n } küsimust tuleb täna veel tagasi, esimene { $when }.
    }
summary-comes-back-later = { $n ->
        [one] { $n } küsimus tuleb
       *[other] { $n } küsimust tuleb
    } täna hiljem tagasi.
summary-due-tomorrow = Homme kordamisel: { $n ->
        [one] { $n } küsimus
       *[other] { $n } küsimust
    }.
summary-right-answer = Õige vastus: { $answer }

## Kogu akna teated

app-deck = Pakk:
app-the-unsaved-answer-is = Salvestamata vastus on nüüd salvestatud.
app-drop-the-deck-file = Lase pakifail lahti, et see importida
app-retry-saving = Proovi uuesti salvestada
app-ok = OK
app-the-time-could-not = Aega ei õnnestunud tulemusfaili märkida.
app-all-decks = Kõik pakid
app-nothing-was-lost-choose = Midagi ei läinud kaotsi: vali hinnang uuesti, et uuesti proovida
app-the-deck-was-removed = Pakk eemaldati kõigilt selle arvuti kasutajatelt; edusammud jäävad alles.
app-the-deck-was-removed-2 = Pakk eemaldati; selle edusammud jäävad alles.
app-this-deck-has-too = Selles pakis on paarismängu jaoks liiga vähe lühikesi paare.
app-an-exam-is-already = Selles aknas juba tehakse eksamit.
app-these-decks-give-no = Nendest pakkidest ei saa valitud kujul küsimusi.
app-all-decks-lower = kõik pakid
app-deck-has-errors = Pakki { $file } ei näidata: { $error } (real { $line }). Õpetaja näeb kõiki vigu käsuga `quizdeck check`.
app-imported-not-shown = Sinu imporditud pakke ei näidata: { $why } ({ $file }).
app-new-cap = Kõigi pakkide uute küsimuste päevane piirang ({ $cap }) on täis.
app-review-cap = Kõigi pakkide kordamiste päevane piirang ({ $cap }) on täis. Ülejäänud ootavad homseni.
app-deck-new-limit = { $deck }: uute küsimuste päevane piirang ({ $limit }) on täis (ootel veel { $waiting }).
app-deck-review-limit = { $deck }: kordamiste päevane piirang ({ $limit }) on täis (kordamist ootab veel { $due }).
app-comes-back = { $n ->
        [1] 1 küsimus tuleb tagasi { $mins } min pärast (kell { $time }).
       *[other] { $n } küsimust tuleb täna veel tagasi, esimene { $mins } min pärast (kell { $time }).
    }
app-in-minutes = { $mins } min pärast (kell { $time })
app-read-only-not-saved = Selles ainult lugemiseks avatud aknas vastuseid ei salvestata: sulge see ja õpi aknas, kus profiil on avatud
app-today-unreadable = Tänaseid vastuseid ei õnnestunud lugeda ({ $error }), seega võivad allpool olevad uute kaartide arvud olla suuremad, kui sinu päevane piirang lubab.
app-unsaved-now-saved = { $n ->
        [one] { $n } salvestamata vastus on nüüd salvestatud.
       *[other] { $n } salvestamata vastust on nüüd salvestatud.
    }
app-not-saved-yet = Veel salvestamata: { $n ->
        [one] 1 vastus on
       *[other] { $n } vastust on
    } mälus, sest kirjutamine ebaõnnestus ({ $why }). Vabasta kettaruumi või kontrolli draivi ja vajuta Ctrl+S; quizdeck proovib uuesti ka iga vastusega, iga { $secs } sekundi järel ja enne sulgemist.
app-drop-the-exam-file = Lase eksamifail lahti, et eksamit sooritada
app-results-folder-missing = Tulemuste kausta { $folder } ei ole olemas (kas USB-mälupulk on ühendatud?). Vali see nupuga „{ $button }“.

## Profiilid

profiles-who-is-studying = Kes õpib?
profiles-new-name = Uus nimi:
profiles-save-name = Salvesta nimi
profiles-yes-delete = Jah, kustuta
profiles-no = Ei
profiles-try-again = Proovi uuesti
profiles-rename = Nimeta ümber
profiles-delete = Kustuta
profiles-new-profile = Uus profiil:
profiles-create = Loo
profiles-back-to-decks = Tagasi pakkide juurde
profiles-welcome-to-quizdeck = Tere tulemast quizdecki!
profiles-what-is-your-name = Mis on sinu nimi? Selle nime all hoitakse sinu edusamme selles arvutis (saad seda hiljem profiilide all muuta).
profiles-rename-name = Nimeta ümber { $name }
profiles-delete-name = Kustuta { $name }
profiles-default-name = Õpilane
profiles-your-name = Sinu nimi:
profiles-start = Alusta
profiles-skip = Jäta vahele
profiles-delete-confirm = Kas kustutada { $name } ja kõik tema edusammud?
profiles-could-not-open = ei õnnestunud avada ({ $why }); midagi ei kustutatud
profiles-try-opening-again = Proovi profiili { $name } uuesti avada
profiles-study-as = Õpi nimega „{ $name }“

## Testide ja eksamite küsimused

question-true-t = Tõene (T)
question-false-f = Väär (F)
question-your-answer = Sinu vastus:
question-up = Üles
question-down = Alla
question-keep-this-order-k = Jäta see järjekord (K)
question-click-an-item-on = Klõpsa vasakul real, siis selle paarilisel paremal (või klahvid 1–9, siis A–I).
question-keys-then-enter = Klahvid 1–{ $last }, siis Enter.
question-order-keys = Üles/alla valib rea, Alt+üles/alla liigutab seda (või nupud).
question-belongs-at = { " " }(õige koht: { $position })
question-move-item-up = Liiguta „{ $item }“ üles
question-move-item-down = Liiguta „{ $item }“ alla
question-move-up-keys = Liiguta üles (Alt+üles)
question-move-down-keys = Liiguta alla (Alt+alla)
question-selected = Valitud: { $item }
question-right-partner = { " " }(õige: { $partner })
question-chosen-partner = Valitud: { $item } (klahv { $key }); nüüd selle paariline (A–{ $last })
question-verdict-right = Õige
question-verdict-wrong = Vale
question-verdict-not-answered = Vastamata
# Locate cards (a place on a map)
locate-hint = Klõpsa kohal või liiguta märki nooleklahvidega ja vajuta Enter; nummerdatud koha saad valida klahvidega 1–{ $last }.
locate-map = { $n ->
        [one] Kaart: { $n } nummerdatud koht
       *[other] Kaart: { $n } nummerdatud kohta
    }
locate-the-numbered-places = Nummerdatud kohad:
locate-place-named = Koht { $number }: { $name }
locate-or-choose = Või vali nummerdatud koht:
locate-place = Koht { $number }
locate-you-pointed-at = Sa näitasid kohta { $name }.
locate-you-pointed-outside = Sa näitasid väljapoole kõiki nimetatud kohti.

## Harjutustest

practice-multiple-choice = Valikvastused
practice-true-false = Tõene/väär
practice-typed = Kirjutatud vastus
practice-match = Paarid
practice-order = Järjekord
practice-cloze = Lünktekst
practice-back-to-decks = Tagasi pakkide juurde
practice-new-test = Uus test
practice-practice-test = Harjutustest
practice-decks = Pakid:
practice-questions = Küsimusi:
practice-forms = Küsimuste liigid:
practice-count-my-answers-in = Arvesta minu vastuseid kordamiste ajakavas (õige = Hea, vale = Uuesti)
practice-seed-optional-to-repeat = Seeme (valikuline, testi kordamiseks):
practice-start-test = Alusta testi
practice-preparing = Testi koostatakse…
practice-not-made = Testi ei koostatud: { $error }
practice-previous = Eelmine
practice-next = Järgmine
practice-finish-now = Lõpeta kohe
practice-finish-test = Lõpeta test
practice-seed-not-a-number = seeme „{ $seed }“ ei ole täisarv
practice-question-of = Küsimus { $index }/{ $n } · seeme { $seed }
practice-seed-repeats = Seeme { $seed } kordab seda testi.

## Paarismäng

match-back-to-decks = Tagasi
match-new-game = Uus mäng
match-match-each-item-with = Leia igale reale paariline nii kiiresti kui suudad. Vale paar lisab sekundi.
match-not-a-pair-1 = Ei ole paar: +1 s
match-best-time = Parim aeg: { $time }
match-done-in = Valmis ajaga { $time } ({ $mistakes } viga)
match-time = Aeg { $time }
match-seconds = { $s } s

## Paki importimine

picker-import-for = Impordi:
picker-me = Endale
picker-everyone-on-this-pc = Kõigile selle arvuti kasutajatele
picker-parent-folder = Ülemkaust
picker-path = Tee:
picker-no-folders-ron-deck = Siin pole kaustu, .ron-pakifaile, .qdeck- ega Anki pakette ega tabeleid (.csv, .tsv, .txt).
picker-import-a-deck = Impordi pakk
picker-folder = Kaust: { $folder }
picker-copied-into = Kopeeritakse klassi pakkide kausta { $folder }
picker-every-profile-will-see = Kõik selle arvuti profiilid näevad seda pakki (klassi pakkide kaust { $folder }).
picker-folder-entry = [kaust] { $name }
picker-title-exam-file = Vali eksamifail
picker-title-results-folder = Vali, kuhu su tulemused lähevad
picker-title-save-exam = Salvesta eksam
picker-title-key-file = Vali võtmefail
picker-title-class-results = Vali klassi tulemuste kaust
picker-no-exam-files = Siin pole kaustu ega eksamifaile.
picker-no-key-files = Siin pole kaustu ega võtmefaile (NIMI.key.ron).
picker-no-result-files = Siin pole alamkaustu ega tulemuste faile.
picker-parent-folder-keys = Alt+üles või Backspace
picker-go = Ava
picker-choose-this-folder = Vali see kaust
picker-file-name = Faili nimi:
picker-save-here = Salvesta siia
picker-home = Kodukaust

## Sirvimine

browse-back-to-decks = Tagasi pakkide juurde
browse-search = Otsi:
browse-tag = Silt:
browse-state = Olek:
browse-sort-by = Järjesta:
browse-reset-progress = Lähtesta edusammud
browse-new-not-studied-yet = Uus: veel õppimata.
browse-leech = Visa küsimus
browse-any = kõik
browse-shown-of = Küsimusi: { $shown } / { $total }
browse-row = { $text } · { $status } · kordamine { $due } · unustamisi { $lapses } — { $deck }
browse-answer = Vastus: { $answer }
browse-due = Kordamine: { $when } UTC
browse-interval = Intervall: { $days } päeva
browse-memory = Püsivus: { $stability } päeva · raskus { $difficulty }
browse-answers-lapses = Vastuseid: { $answers } · unustamisi: { $lapses }
browse-history = Ajalugu ({ $n } vastust)
browse-history-entry = { $when } · { $rating } · { $secs } s
browse-suspend = Peata
browse-unsuspend = Jätka
browse-status-new = uus
browse-status-learning = õppimisel
browse-status-due = kordamisel
browse-status-review = korratud
browse-status-suspended = peatatud
browse-status-leech = visa
browse-sort-deck = paki järjekord
browse-sort-due = kordamise kuupäev
browse-sort-difficulty = raskus
browse-sort-lapses = unustamised

## Statistika

stats-back-to-decks = Tagasi pakkide juurde
stats-last-365-days = Viimased 365 päeva
stats-reviews-per-day = Kordamised päevas
stats-due-in-the-next = Kordamisel järgmise 30 päeva jooksul
stats-nothing-is-due-in = Järgmise 30 päeva jooksul pole midagi korrata.
stats-true-retention-per-week = Tegelik meelespidamine nädalas (meelde jäänud kordamised)
stats-not-enough-reviews-yet = Kordamisi on veel vähe: meelespidamine ilmub pärast mõnda kordamist.
stats-study-days = Õppepäevad
stats-hardest-items = Kõige raskemad küsimused
stats-no-item-has-been = Ühtegi küsimust pole veel unustatud.
stats-study-these-items-now = Õpi neid küsimusi kohe
stats-not-enough-data-yet = Andmeid on veel vähe: sinu vastused ilmuvad siia päev-päevalt.
stats-each-square-is-a = Iga ruut on üks päev (vanim üleval vasakul). Vähem vastuseid
stats-summary = Vastuseid: { $answers } · õppepäevi järjest: { $streak } · täna { $today } min · kokku { $hours } h { $minutes } min
stats-items = Küsimused: { $new } uut · { $learning } õppimisel · { $young } värsket · { $mature } kinnistunud · { $suspended } peatatud
stats-hardest-item = { $name } (unustamisi: { $lapses }, raskus { $difficulty })
stats-more-up-to = rohkem (kuni { $max } päevas)
stats-axis-days-from-today = päeva alates tänasest
stats-axis-items-due = kordamisel
stats-series-due = kordamisel
stats-axis-weeks-ago = nädalat tagasi
stats-axis-remembered = % meeles
stats-series-retention = meelespidamine %
stats-axis-days-ago = päeva tagasi
stats-axis-answers = vastused
stats-the-last-weeks = { $n ->
        [one] Viimane { $n } nädal.
       *[other] Viimased { $n } nädalat.
    }

## Eksami sooritamine

exam-every-question-is-answered = Kõigile küsimustele on vastatud.
exam-that-code-is-not = See kood ei ole õige. Küsi õpetajalt uuesti.
exam-back-to-decks = Tagasi pakkide juurde
exam-the-time-is-over = Aeg sai läbi, seega sinu eksam esitati.
exam-show-it-to-your = Näita seda õpetajale, kui ta palub.
exam-your-teacher-will-tell = Õpetaja ütleb klassile koodi, millega tulemusi näha.
exam-teacher-s-code = Õpetaja kood:
exam-show-my-results = Näita minu tulemusi
exam-your-teacher-will-give = Õpetaja annab sulle tulemused.
exam-resume = Jätka
exam-not-now = Mitte praegu
exam-take-an-exam = Soorita eksam
exam-exam-file = Eksamifail:
exam-results-folder-e-g = Tulemuste kaust (näiteks USB-mälupulk):
exam-your-name = Sinu nimi:
exam-the-results-folder-defaults = Vaikimisi on tulemuste kaust sama, kus eksamifail.
exam-start-exam = Alusta eksamit
exam-hand-in = Esita…
exam-previous = Eelmine
exam-next = Järgmine
exam-hand-in-the-exam = Kas esitada eksam?
exam-after-handing-in-you = Pärast esitamist ei saa sa vastuseid enam muuta.
exam-hand-in-now-y = Esita kohe (Y)
exam-keep-answering-esc = Vasta edasi (Esc)
exam-no-mistakes = Vigu pole.
exam-one-unanswered = Küsimusele { $number } on vastamata. Kas esitada ikkagi?
exam-unanswered = Küsimustele { $numbers } ja { $last } on vastamata. Kas esitada ikkagi?
exam-handed-in = { $title }: esitatud
exam-thank-you = Aitäh, { $name }. Sinu vastused on salvestatud.
exam-receipt = Kviitung: { $receipt }
exam-time-left-short = jäänud { $time }
exam-time-is-up = aeg on läbi: eksam esitatakse
exam-resume-offer = Kas jätkata eksamit { $title } nimega { $name } ({ $when })?
exam-time-left = Aega jäänud { $time }
exam-question-of = Küsimus { $index }/{ $n } · vastatud { $answered }
exam-go-to = Mine küsimuse { $number } juurde
exam-go-to-answered = Mine küsimuse { $number } juurde (vastatud)
exam-go-to-first-unanswered = Mine küsimuse { $number } juurde, esimene vastamata (G)
exam-score = Tulemus: { $right }/{ $total } ({ $percent }%)
exam-right-answer = Õige vastus: { $answer }
exam-source = Allikas: { $source }
exam-choose-type-or-drop = Vali eksamifail, kirjuta selle tee või lohista fail sellesse aknasse.
exam-choose-the-exam-file = Vali eksamifail…
exam-choose-the-results-folder = Vali tulemuste kaust…

## Õpetaja

teacher-teacher-exams = Õpetaja: eksamid
teacher-back-to-decks = Tagasi pakkide juurde
teacher-make-an-exam = Koosta eksam
teacher-read-a-class-s = Loe klassi tulemusi
teacher-decks-the-questions-come = Pakid, millest küsimused tulevad:
teacher-forms = Küsimuste liigid:
teacher-title = Pealkiri:
teacher-questions-per-student = Küsimusi õpilase kohta:
teacher-draw-them-from-a = Vali need hulgast, mille suurus on
teacher-minutes = Minuteid:
teacher-save-the-exam-as = Salvesta eksam nimega:
teacher-students-see-their-results = Õpilased näevad oma tulemusi:
teacher-while-the-app-is = Kui rakendus on suletud, siis kell:
teacher-make-exam = Koosta eksam
teacher-making-exam = Eksamit koostatakse…
teacher-make-exam-needs = Eksami koostamiseks vali vähemalt üks pakk ja üks küsimuste liik ning kirjuta pealkiri ja eksamifaili nimi.
teacher-key-file-name-key = Võtmefail (NIMI.key.ron):
teacher-results-folder = Tulemuste kaust:
teacher-read-results = Loe tulemused
teacher-name = Nimi
teacher-score = Tulemus
teacher-time = Aeg
teacher-away = Eemal
teacher-resumes = Jätkamisi
teacher-flags = Märked
teacher-questions = Küsimused
teacher-r-right-w-wrong = R õige · W vale · - vastamata
teacher-hardest-questions = Kõige raskemad küsimused
teacher-feedback-after-code = pärast seda, kui annad neile koodi
teacher-feedback-at-hand-in = esitamisel
teacher-feedback-never = rakenduses mitte kunagi
teacher-clock-runs-on = käib edasi
teacher-clock-pauses = peatub
teacher-class-heading = { $title }: { $n ->
        [one] { $n } õpilane
       *[other] { $n } õpilast
    }
teacher-hardest-question = { $id }: { $percent }% õigesti ({ $right }/{ $asked }) · { $prompt }
teacher-unreadable = Loetamatu: { $file } ({ $why })
teacher-choose-where-to-save = Vali, kuhu salvestada…
teacher-choose-the-key-file = Vali võtmefail…
teacher-choose-the-results-folder = Vali klassi tulemuste kaust…

## Teated akna ülaosas

msg-could-not-read-the = Profiile ei õnnestunud lugeda: { $error }
msg-progress-could-not-be = Edusammudest ei õnnestunud hetktõmmist teha: { $error }
msg-there-is-no-profile = Profiili { $slug } ei ole.
msg-settings-could-not-be = Seadeid ei õnnestunud lugeda ({ $error }); kasutatakse vaikeseadeid.
msg-could-not-start-studying = Õppimist ei õnnestunud alustada: { $error }
msg-the-library-s-order = Pakkide järjestust ei õnnestunud salvestada: { $error }
msg-library-notes-not-kept = Ei õnnestunud salvestada, millised teated on juba näidatud (need näidatakse uuesti): { $error }
msg-could-not-study-more = Rohkem õppida ei õnnestunud: { $error }
msg-could-not-undo-e = Tagasivõtmine ebaõnnestus: { $error }
msg-could-not-save-the = Seadeid ei õnnestunud salvestada: { $error }
msg-could-not-create-the = Profiili ei õnnestunud luua: { $error }
msg-could-not-rename-e = Ümbernimetamine ebaõnnestus: { $error }
msg-could-not-delete-e = Kustutamine ebaõnnestus: { $error }
msg-the-history-could-not = Ajalugu ei õnnestunud lugeda: { $error }
msg-an-answer-could-not = Vastust ei õnnestunud salvestada: { $error }
msg-the-best-time-could = Parimat aega ei õnnestunud salvestada: { $error }
msg-the-exam-was-not = Eksamit ei koostatud: { $error }
msg-the-class-table-could = Klassi tabelit ei õnnestunud kirjutada: { $error }
msg-the-results-could-not = Tulemusi ei õnnestunud lugeda: { $error }
msg-the-answer-was-not = Vastust ei salvestatud: { $error }
msg-the-exam-could-not = Eksamit ei õnnestunud esitada: { $error }
msg-could-not-change-the = Küsimust ei õnnestunud muuta: { $error }
msg-could-not-reset-the = Küsimust ei õnnestunud lähtestada: { $error }
msg-profile-stays-open = { $n ->
        [one] { $n } vastus
       *[other] { $n } vastust
    } ei ole veel salvestatud, seega jääb profiil avatuks. Vabasta kettaruumi ja vajuta „Proovi uuesti salvestada“.
msg-close-held = Mõned vastused on veel salvestamata. Vabasta kettaruumi ja vajuta „Proovi uuesti salvestada“; akna uuesti sulgemine lõpetab ilma nendeta.
msg-for-everyone = {" "}kõigile selle arvuti kasutajatele
msg-no-class-folder = Klassi pakkide kausta ei ole: käivita quizdeck valikuga --decks-dir KAUST (või määra QUIZDECK_DECKS), et jagada pakke kõigi profiilidega.
msg-imported = Imporditud „{ $title }“ ({ $cards } kaarti){ $whom }.
msg-newer-version = Selle paki uuem versioon ({ $version }) on kohas { $place }; kasutatakse seda.
msg-class-folder-not-writable = { $error }. Klassi pakkide kaust { $folder } peab olema kirjutatav: palu arvuti haldajal see luua ja lubada õpetajatel sinna kirjutada või käivita quizdeck valikuga --decks-dir, mis osutab jagatud kaustale.
msg-progress-not-opened = Profiili { $name } edusamme ei õnnestunud avada: { $error }. Midagi ei kustutatud; sulge teised quizdecki aknad või vabasta kettaruumi ja proovi uuesti.
msg-read-only = Ainult lugemiseks: { $why }. Võid ringi vaadata, kuid selles aknas vastuseid ei salvestata.
msg-history-no-streak = Ajalugu ei õnnestunud lugeda (järjestikuseid päevi ei näidata): { $error }
msg-stopped-unexpectedly = töö katkes ootamatult
msg-figures-not-counted = Kogu näitajaid ei õnnestunud arvutada: { $error }
msg-browse-not-built = Kaartide loendit ei õnnestunud koostada: { $error }
msg-stats-not-counted = Statistikat ei õnnestunud arvutada: { $error }
msg-extra-new-session-only = Lisatud uued küsimused kehtivad ainult selleks korraks: { $error }
msg-answers-added = { $n ->
        [one] { $n } vastus lisati
       *[other] { $n } vastust lisati
    } sinu õppekavasse.
msg-exam-saved = Salvestatud { $exam } õpilastele (küsimusi igaühele: { $questions }, aega: { $minutes } min) ja { $key } sulle (sellega hinnatakse eksamit: ära anna seda kunagi välja).
msg-exam-code = Õpetaja kood: { $code } (ütle see klassile, kui kõik on esitanud).
msg-class-table-written = Klassi tabel kirjutati faili { $file }
msg-cannot-open = kausta { $folder } ei saa avada: { $error }
msg-disk-refused = ketas keeldus kirjutamast
msg-true = Tõene.
msg-false = Väär.

## Mida profiili avamisel parandati (ühe lause osad)

recovery-sentence = { $parts }.
recovery-recovered = Taastati { $answers ->
        [one] { $answers } vastus
       *[other] { $answers } vastust
    }
recovery-recovered-items = Taastati { $answers } vastust ({ $items } küsimuse edusammud)
recovery-journal-tail = žurnaali lõpust pandi kõrvale { $lines ->
        [one] { $lines } vigane rida
       *[other] { $lines } vigast rida
    } (seda salvestati parajasti, kui quizdeck seiskus)
recovery-journal-damaged = žurnaali keskelt jäeti vahele { $lines ->
        [one] { $lines } vigane rida
       *[other] { $lines } vigast rida
    }
recovery-journal-kept = vigase žurnaali koopia jäeti alles nimega { $file }
recovery-snapshot-moved = salvestatud edusammude fail oli vigane ({ $reason }), seega tõsteti see kõrvale nimega { $file } ja sinu edusammud taastati ajaloost
recovery-snapshot-damaged = salvestatud edusammude fail on vigane ({ $reason }); edusammud taastati ajaloost
recovery-journal-newer = žurnaali päis nimetab vormingut { $format }, mis on uuem, kui see quizdeck lugeda oskab (selle kirjutas uuem quizdeck või on päis vigane); selle read loeti selle versiooni omadena
recovery-wrong-type-moved = { $file } oli { $what }, seega tõsteti see kõrvale nimega { $moved }
recovery-wrong-type = { $file } on { $what }, seega seda ei loetud
recovery-snapshot-missing = salvestatud edusammude fail puudus, seega taastati sinu edusammud ajaloost
recovery-history-damaged = arhiveeritud ajaloos ({ $file }) jäeti vahele { $lines ->
        [one] { $lines } vigane rida
       *[other] { $lines } vigast rida
    }
recovery-settings-moved = seadete faili ei õnnestunud lugeda ({ $reason }), seega tõsteti see kõrvale nimega { $file } ja kasutatakse vaikeseadeid
recovery-settings-reset = seadete faili ei õnnestunud lugeda ({ $reason }); kasutatakse vaikeseadeid
recovery-lock-unsupported = seda kausta ei saa lukustada, seega veendu, et quizdeck ei oleks samal profiilil kaks korda avatud
recovery-left-unrepaired = kettal ei parandatud midagi, sest edusammud on avatud ainult lugemiseks
stats-counting = Küsimuste loendamine…
stats-reading-history = Ajaloo lugemine…
stats-history-unavailable = Ei näidata: ajalugu ei õnnestunud lugeda.
study-loading-picture = Pildi laadimine…
drop-title = Lohistatud failide importimine
drop-question = Kas importida { $files }?
drop-question-more = Kas importida { $files } ja veel { $more }?
drop-import-for = Kellele importida:
app-anki-imported = Ankist imporditi „{ $title }“ (kaarte: { $cards }, pilte: { $pictures }){ $whom }.
app-anki-future = Kordamislogi vastused, mille aeg on tulevikus, jäeti välja (kontrolli selle arvuti kella): { $n }.
app-anki-kept = Kordamislogist salvestati sinu edusammudena vastuseid: { $n }.
app-anki-not-kept = Kordamislogi ei salvestatud: { $error }.
app-exam-key-exists = Eksamit ei koostatud: { $key } on juba olemas – see on varasema eksami võti (selle asendamisel ei saaks varasema eksami tulemusi enam hinnata). Vali teine nimi või vii varasem eksam enne mujale.
msg-picture-bundled = pilt { $picture } ei ole kaasasoleva paki puhul saadaval

## The deck editor
editor-leave-title = Kas salvestad muudatused?
editor-leave-text = Pakis „{ $title }“ on salvestamata muudatusi. Kas salvestad need enne lahkumist?
editor-save-and-continue = Salvesta ja jätka
editor-discard = Loobu muudatustest
editor-keep-editing = Jätka muutmist
editor-intro = Siin saad pakke koostada ja parandada. Kaardid säilitavad oma tunnuse, mida iganes sa muudad, nii et õpilaste edusammud jäävad alles.
editor-new-deck = Uus pakk…
editor-edit = Muuda
editor-edit-name = Muuda { $title }
editor-copy-to-edit = Muuda koopiat
editor-copy-to-edit-name = Muuda koopiat: { $title }
editor-open-hint = Ava see pakk redaktoris
editor-bundled-hint = Kaasasolevaid pakke muuta ei saa: muuda koopiat, millel on oma tunnus
editor-region-line = Ala rida { $line }: { $why }
editor-no-cards = pakis pole ühtki kaarti
editor-no-cards-hint = lisa kaart
editor-kind-basic = Esi- ja tagakülg
editor-kind-cloze = Täida lüngad
editor-kind-type-in = Kirjuta vastus
editor-kind-multiple-choice = Valikvastused
editor-kind-true-false = Tõene või väär
editor-kind-order = Pane järjekorda
editor-kind-match = Leia paarid
editor-kind-locate = Näita kohta (kaart)
editor-back-to-editing = Tagasi muutma
editor-back-to-editing-hint = Esc; siin antud vastuseid ei salvestata
editor-preview-note = Eelvaade: kaart nii, nagu õpilane seda näeb.
editor-preview-deck = Eelvaade: { $title }
editor-back-to-decks = ← Pakid
editor-back-to-decks-hint = Tagasi pakkide loendisse
editor-unsaved = (salvestamata)
editor-undo = Võta tagasi
editor-redo = Tee uuesti
editor-save = Salvesta
editor-deck-details = Paki andmed
editor-deck-details-hint = Pealkiri, kirjeldus, keel, autorid, allikad, väljaanne
editor-raise-edition = Tõsta salvestamisel väljaande number { $edition }-ni
editor-raise-edition-hint = Õpilaste vanema väljaande koopiad asendatakse selle väljaandega; nende edusammud kanduvad üle kaardi kaupa.
editor-save-in = Salvesta:
editor-save-in-me = Minu pakid
editor-save-in-everyone = Kõigile selles arvutis
editor-class-folder = Klassi pakkide kaust: { $folder }
editor-cards-tab = Kaardid
editor-card-tab = Kaart
editor-checking = Kontrollin…
editor-no-problems = Probleeme pole: õpilased saavad seda pakki õppida.
editor-problems-errors = { $errors ->
        [one] { $errors } viga
       *[other] { $errors } viga
    }, { $warnings ->
        [one] { $warnings } hoiatus
       *[other] { $warnings } hoiatust
    }: õpilased ei saa pakki õppida enne, kui vead on parandatud
editor-problems-warnings = { $errors } viga, { $warnings ->
        [one] { $warnings } hoiatus
       *[other] { $warnings } hoiatust
    }
editor-all-problems = Kõik probleemid ({ $n })
editor-error = Viga
editor-warning = Hoiatus
editor-problem-in-card = Kaart { $card }: { $text }
editor-go-to-field = Mine väljale
editor-search = Otsi
editor-new-card-kind = Uus kaart:
editor-add-card = Lisa kaart
editor-shown-cards = Kaarte: { $shown } / { $n }
editor-new-card-label = (uus: { $kind })
editor-empty-deck = Pakis pole ühtki kaarti. Lisa üks.
editor-card-of = Kaart { $n } / { $total }
editor-card-id = tunnus { $id }
editor-card-id-new = tunnus { $id } (järgib teksti kuni salvestamiseni)
editor-duplicate = Tee koopia
editor-delete = Kustuta
editor-preview = Eelvaade
editor-preview-hint = Kaart nii, nagu õppimise vaade seda näitab
editor-move-up = Liiguta üles
editor-move-down = Liiguta alla
editor-kind = Tüüp
editor-front = Esikülg
editor-front-hint = Mida näidatakse kõigepealt
editor-back = Tagakülg
editor-back-hint = Vastus
editor-reverse = Küsi ka tagakülg → esikülg
editor-cloze-text = Lünkadega tekst
editor-cloze-example = Riia on { "{{c1::Läti}}" } pealinn.
editor-cloze-help = Lünk on { "{{c1::vastus}}" }; { "{{c1::vastus::vihje}}" } lisab vihje, { "{{c1::23. august|24. august}}" } lubab kumbagi. Nummerda lüngad 1, 2, 3…
editor-question = Küsimus
editor-accepted-answers = Õiged vastused (üks reale; näidatakse esimest)
editor-right-answer = Õige vastus
editor-wrong-options = Valed valikud (üks reale)
editor-also-correct = Samuti õige (üks reale, kui allikad annavad fakti erinevalt)
editor-statement = Väide
editor-true = Tõene
editor-false = Väär
editor-correction = Parandus (mis on tegelikult õige, kui väide on väär)
editor-instruction = Ülesanne
editor-order-example = Pane need järjekorda, varaseim esimesena.
editor-order-items = Õiges järjekorras (üks reale, vähemalt 3)
editor-match-example = Seo iga riigijuht tema riigiga.
editor-pairs = Paarid (üks reale: vasak = parem, vähemalt 3)
editor-pairs-example = Konstantin Päts = Eesti
editor-tags = Sildid (komadega eraldatud)
editor-tags-example = 1940, eesti
editor-source = Allikas
editor-none = (puudub)
editor-source-hint = Lisa viidatud dokumendid paki andmetesse.
editor-section = Allika osa
editor-note = Märkus (näidatakse pärast vastust)
editor-picture = Pilt (PNG-fail paki kaustas, nt pictures/map.png)
editor-copy-picture-from = Kopeeri pakki pilt asukohast
editor-copy-picture = Kopeeri pilt
editor-copy-picture-hint = Või lohista PNG-fail aknasse
editor-back-to-cards = Tagasi kaartide juurde
editor-meta-title = Pealkiri
editor-meta-id-new = Paki tunnus (a–z, 0–9 ja -; pärast salvestamist seda muuta ei saa)
editor-meta-id-fixed = Paki tunnus (muutumatu: selle all hoitakse õpilaste edusamme)
editor-meta-description = Kirjeldus
editor-meta-language = Keel (nt et, lv, lt, en)
editor-meta-authors = Autorid (komadega eraldatud)
editor-meta-sources = Allikad (üks reale: võti = pealkiri, veebiaadress pärast „ | “)
editor-meta-edition = Väljaanne
editor-deck-gone = Pakki { $id } pole enam kogus.
editor-bundled-missing = Kaasasolevat pakki { $id } ei leitud.
editor-bad-id = Ei salvestatud: paki tunnust „{ $id }“ ei saa kasutada ({ $err }). Muuda seda paki andmetes.
editor-id-taken = Ei salvestatud: tunnusega „{ $id }“ pakk on kogus juba olemas. Muuda tunnust paki andmetes.
editor-path-exists = Ei salvestatud: { $path } on juba olemas. Muuda paki tunnust paki andmetes.
editor-save-failed = Ei salvestatud: { $err }. Sinu muudatused on alles.
editor-saved = Väljaanne { $edition } salvestatud: { $path }.
editor-saved-with-errors = Selles on veel { $errors } viga: õpilased ei saa seda õppida enne, kui need on parandatud.
editor-picture-save-first = Salvesta esmalt pakk: selle pildid kopeeritakse paki kausta.
editor-picture-no-card = Lisa esmalt kaart.
editor-picture-copied = Pilt on nüüd paki kaustas: { $picture }; kaart { $card } näitab seda.
editor-picture-failed = Pilti ei lisatud: { $err }
editor-preview-errors = Eelvaate nägemiseks paranda kaardi vead ({ $first }).
editor-picture-after-save = näidatakse pärast paki salvestamist
editor-map-after-save = loetakse pärast paki salvestamist (või vali sisseehitatud kaart)
study-picture-no-folder = pilt { $picture }: { $why }
editor-locate-example = Klõpsa sinna, kus asub Pärnu.
editor-choice-prompt = Küsimus harjutustestide ja eksamite jaoks (küsitakse kohanimedega valikvastustena, ilma pildita; kui väli on tühi, küsitakse seda ainult õppimisel)
editor-choice-prompt-example = Milline neist linnadest on Läti pealinn?
editor-locate-picture = Pilt, millel näidata (PNG paki kaustas või sisseehitatud kaart)
editor-builtin-map = Sisseehitatud kaart
editor-choose = (vali)
editor-clicks = Klõps pildil
editor-tool-circle = paneb ringi (lohista suuruse jaoks)
editor-tool-polygon = lisab hulknurga tippe
editor-fix-regions = Paranda allpool alade tekst, et neid pildile joonistada.
editor-choose-picture = Vali pilt, et sellele alad joonistada.
editor-reading-picture = Loen pilti…
editor-corners = { $n ->
        [one] { $n } tipp
       *[other] { $n } tippu
    }
editor-finish-polygon = Lõpeta hulknurk
editor-finish-polygon-hint = Enter, kui pilt on fookuses
editor-remove-corner = Eemalda viimane tipp
editor-cancel-polygon = Tühista hulknurk
editor-regions = Alad (esimene on õige vastus):
editor-circle = ring
editor-polygon = hulknurk
editor-region-answer = ★ { $name } ({ $shape }, õige vastus)
editor-make-answer = Tee vastuseks
editor-make-answer-name = Tee { $name } vastuseks
editor-delete-region = Kustuta ala { $name }
editor-region-name = Valitud ala nimi
editor-region-default-name = Koht { $n }
editor-radius = Raadius
editor-regions-text = Alad tekstina, üks reale, vastus esimesena: Nimi @ circle(x, y, r) või Nimi @ polygon(x y, x y, x y)
editor-regions-unread = { $why }. Kaart jätab oma alad alles, kuni teksti saab lugeda.
editor-map-label = { $n ->
        [one] Pilt { $n } alaga
       *[other] Pilt { $n } alaga
    }: klõpsa, et lisada ala
# The import dialog (spreadsheets, Quizlet text)
library-paste-cards = Kleebi kaardid…
library-paste-cards-hint = Kleebi Quizleti eksport või tabeli read ja impordi need pakina
import-title = Kaartide importimine
import-from-file = Failist { $file }
import-paste-here = Kleebi tekst allpool: Quizleti eksport (Quizleti kogumis „Export“) või tabelist kopeeritud read.
import-paste-hint = Üks kaart reas: mõiste, tabulaator või koma, siis seletus
import-pasted-text = Kleebitud tekst
import-pasted-deck-title = Kleebitud kaardid
import-reading = Loen faili…
import-deck-title = Paki pealkiri:
import-read-as = Loe kui:
import-format-columns = tabeli veerud
import-format-quizlet = Quizlet (mõiste ja seletus)
import-first-row-names = Esimene rida annab veergude nimed (see pole kaart)
import-term-sep = Mõiste ja seletuse vahel:
import-card-sep = Kaartide vahel:
import-sep-auto = Arva ära
import-sep-tab = Tabulaator
import-sep-comma = Koma
import-sep-newline = Uus rida
import-sep-semicolon = Semikoolon
import-sep-custom = Oma
import-sep-custom-hint = Eraldavad märgid (tabulaatori ja reavahetuse võib kirjutada \t ja \n)
import-preview = { $n ->
        [one] Esimesed read (eelvaate jaoks loetud { $n } rida); vali, mida iga veerg sisaldab:
       *[other] Esimesed read (eelvaate jaoks loetud { $n } rida); vali, mida iga veerg sisaldab:
    }
import-preview-cards = { $n ->
        [one] Esimesed kaardid (eelvaate jaoks loetud { $n } kaart):
       *[other] Esimesed kaardid (eelvaate jaoks loetud { $n } kaarti):
    }
import-term = Mõiste
import-definition = Seletus
import-column-n = Mida sisaldab veerg { $n }
import-field-ignore = (jäta välja)
import-field-id = Kaardi tunnus
import-field-kind = Liik
import-field-question = Küsimus
import-field-answer = Vastus
import-field-accept = Samuti õige
import-field-distractor = Vale valik
import-field-tags = Sildid
import-field-note = Märkus
import-field-source = Allikas
import-field-section = Jaotis
import-field-picture = Pilt
import-field-correction = Mis on hoopis õige (väärad väited)
import-field-source-title = Allika pealkiri
import-field-choice-prompt = Küsimus testide jaoks (Näita kohta)
import-problems = { $n ->
        [one] { $n } probleem; midagi ei imporditud:
       *[other] { $n } probleemi; midagi ei imporditud:
    }
import-preview-problems = { $n ->
        [one] Eelvaates { $n } probleem (kontrolli eraldajaid):
       *[other] Eelvaates { $n } probleemi (kontrolli eraldajaid):
    }
import-more-problems = … ja veel { $n }
import-row-error = Rida { $row }: { $message }
import-row-warning = Rida { $row } (hoiatus): { $message }
import-card-error = Kaart { $row }: { $message }
import-card-warning = Kaart { $row } (hoiatus): { $message }
import-no-question-column = Vali veerg, milles on küsimus.
import-field-twice = Kaks veergu on määratud väljaks { $field }: jäta üks (mitu veergu võivad olla ainult valed valikud).
import-import = Impordi
import-skip-bad-rows = Impordi ülejäänud read
import-running-title = Importimine
import-running = Impordin faili { $file }…
import-running-keep-working = Võid edasi töötada; pakk ilmub kogusse, kui see on valmis.
import-failed-unexpectedly = Faili { $file } importimine katkes ootamatult; midagi ei muudetud. Proovi uuesti või impordi fail käsurealt, et näha põhjust.
import-ids-kept = Varasemast impordist säilitatud kaarditunnused (edusammud säilivad): { $n }.
import-rows-skipped = Probleemide tõttu välja jäetud read: { $n }.
import-profile-changed = importimise ajal avati teine profiil
