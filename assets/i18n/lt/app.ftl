# quizdeck: sąsaja lietuvių kalba.
# Kiekvienas pranešimas yra `raktas = tekstas`; { $vardas } – reikšmė, kurią įrašo programa.
# Žr. docs/translating.md.

## Datos, skaičiai ir intervalai

# 1939-09-18
date-short = { $year }-{ $month }-{ $day }
# 1939 m. rugsėjo 18 d.
date-long = { $year } m. { $month ->
        [1] sausio
        [2] vasario
        [3] kovo
        [4] balandžio
        [5] gegužės
        [6] birželio
        [7] liepos
        [8] rugpjūčio
        [9] rugsėjo
        [10] spalio
        [11] lapkričio
       *[12] gruodžio
    } { $day } d.
date-time = { $date } { $time }
percent = { $value } %
interval-seconds = { $n } s
interval-minutes = { $n } min.
interval-hours = { $n } val.
interval-days = { $n } d.
interval-months = { $n } mėn.
interval-years = { $n } m.

## Spalvų temos

theme-light = Šviesi
theme-dark = Tamsi
theme-high-contrast = Didelis kontrastas

## Nustatymai

settings-language = Kalba (Language)
settings-language-system = Sistemos kalba ({ $name })
settings-save = Išsaugoti
settings-cancel = Atšaukti
settings-settings = Nustatymai
settings-desired-retention = Norimas įsiminimas
settings-new-items-per-day = Naujų klausimų per dieną, kiekvienam rinkiniui
settings-reviews-per-day-each = Kartojimų per dieną, kiekvienam rinkiniui
settings-new-items-per-day-2 = Naujų klausimų per dieną, visiems rinkiniams kartu
settings-reviews-per-day-all = Kartojimų per dieną, visiems rinkiniams kartu
settings-learning-steps = Mokymosi žingsniai
settings-relearning-steps = Pakartotinio mokymosi žingsniai
settings-new-day-starts-at = Nauja diena prasideda (valanda)
settings-leech-after-lapses-0 = Sunkus klausimas po (pamiršimų, 0 = niekada)
settings-leeches = Sunkūs klausimai
settings-mark-them-keep-studying = Pažymėti, bet toliau mokytis
settings-mark-and-suspend-them = Pažymėti ir sustabdyti
settings-typed-answers = Įvesti atsakymai
settings-exact-accents-count = Tiksliai (diakritikai svarbūs)
settings-ignore-accents-but-tell = Nepaisyti diakritikų, bet pranešti
settings-ignore-accents = Nepaisyti diakritikų
settings-theme = Spalvų tema
settings-text-size = Teksto dydis (%)
settings-limits-of-single-decks = Atskirų rinkinių ribos
settings-a-deck-with-its = Rinkinys su savo ribomis nepaiso dviejų aukščiau esančių „kiekvienam rinkiniui“ skaičių.
settings-deck-new = nauji
settings-deck-reviews = kartojimai
settings-step-not-a-step = „{ $step }“ nėra žingsnis, pavyzdžiui, 10m
settings-step-unit = „{ $step }“: naudok s, m, h arba d
settings-step-out-of-range = „{ $step }“ yra už leistinų ribų

## Naršymas

nav-study = Mokytis
nav-study-name = Mokytis
nav-study-hint = Tavo kortelių rinkiniai ir tai, ką šiandien reikia kartoti
nav-group-practice = Pratybos
nav-practice-test = Testas
nav-practice-test-name = Testas…
nav-practice-test-hint = Testas iš bet kurių rinkinių, su kiekvienos klaidos paaiškinimu
nav-match-game = Poros
nav-match-game-name = Poros…
nav-match-game-hint = Sujunk poras lenktyniaudamas su laiku
nav-group-class = Klasė
nav-take-an-exam = Egzaminas
nav-take-an-exam-name = Egzaminas…
nav-take-an-exam-hint = Laikyk egzaminą iš failo, kurį tau davė mokytojas
nav-teacher = Mokytojas
nav-teacher-name = Mokytojas…
nav-teacher-hint = Sudaryk egzaminą, parodyk mokytojo kodą, nuskaityk klasės rezultatus
nav-deck-editor = Rinkinių rengyklė
nav-deck-editor-name = Rinkinių rengyklė…
nav-deck-editor-hint = Sukurk rinkinį arba jį pataisyk: visų rūšių kortelės, klaidos rodomos jau rašant
nav-group-insight = Apžvalga
nav-statistics = Statistika
nav-statistics-name = Statistika…
nav-statistics-hint = Kartojimai per dieną, įsiminimas, mokymosi dienos ir sunkiausi klausimai
nav-browse = Peržiūrėti
nav-browse-name = Peržiūrėti…
nav-browse-hint = Visi visų rinkinių klausimai: ieškoti, filtruoti, sustabdyti, atstatyti
nav-settings = Nustatymai
nav-settings-name = Nustatymai…
nav-settings-hint = Spalvų tema, teksto dydis, dienos ribos, atsakymų tikrinimas
nav-switch-profile = Keisti profilį
nav-switch-profile-hint = Pasirink, kas mokosi, arba pridėk, pervadink ar ištrink profilį

## Rinkiniai

library-reviews-due-today-first = Pirmiausia šiandienos kartojimai, tada naujos kortelės pagal šiandienos ribą
library-decks = Kortelių rinkiniai
library-import-deck = Importuoti rinkinį…
library-import-a-ron-deck = Importuoti rinkinį: .ron, .qdeck, Anki (.apkg) arba skaičiuoklę ar Quizlet tekstą (.csv, .tsv, .txt); arba nutempti failą į langą
library-sort = Rikiuoti:
library-group-by-folder = Grupuoti pagal aplanką
library-bundled-decks-and-imported = Įdiegti ir importuoti rinkiniai atskirai
library-the-deck-was-not = Rinkinys neimportuotas:
library-dismiss = Uždaryti
library-study = Mokytis
library-remove = Pašalinti
library-remove-this-imported-deck = Pašalinti šį importuotą rinkinį (pažanga išsaugoma)
library-remove-this-deck-for = Pašalinti šį rinkinį visiems šio kompiuterio naudotojams? Pažanga išsaugoma.
library-remove-this-deck-progress = Pašalinti šį rinkinį? Pažanga išsaugoma.
library-yes-remove = Taip, pašalinti
library-keep = Palikti
library-due-today-in = Šiandien kartoti rinkinyje { $deck }: { $n }
library-due = kartoti
library-mastered = išmokta { $percent }
library-new-today = {" "}· šiandien naujų: { $n }
library-cards = { PLURAL($n) ->
        [one] { $n } kortelė
        [few] { $n } kortelės
        [many] { $n } kortelės
       *[other] { $n } kortelių
    }
library-cards-items = { PLURAL($cards) ->
        [one] { $cards } kortelė
        [few] { $cards } kortelės
        [many] { $cards } kortelės
       *[other] { $cards } kortelių
    }, { PLURAL($items) ->
        [one] { $items } klausimas
        [few] { $items } klausimai
        [many] { $items } klausimo
       *[other] { $items } klausimų
    }
library-deck-line = { $cards }{ $new } · paskutinį kartą mokytasi { $last } · { $origin }
library-from = iš: { $origin }
library-due-and-new = Šiandien kartoti { $due }, naujų { $new }
library-study-deck = Mokytis { $deck }
library-remove-deck = Pašalinti { $deck }
library-state-mature = įtvirtinti
library-state-young = neseniai išmokti
library-state-learning = mokomasi
library-state-new = nauji
library-state-suspended = sustabdyti
library-state-count = { $state }: { $n }
library-progress-of = Rinkinio { $deck } pažanga: { $states }
library-done-today = Šiandien atlikta { $done } iš { $total }
library-streak = { $n ->
        [0] Mokymosi dienų iš eilės dar nėra: mokykis šiandien ir pradėk
       *[other] Mokymosi dienų iš eilės: { $n }
    }
library-counting = Skaičiuojamos šiandienos kortelės…
library-study-now = Mokytis dabar
library-opening = Atveriama profilio { $name } pažanga…
library-other-profile = Pasirinkti kitą profilį
library-preparing = Ruošiama mokymosi sesija…
library-reading-decks = Skaitomi rinkiniai…
browse-indexing = Sudaromas elementų sąrašas…
msg-opening-stopped = atvėrimas netikėtai nutrūko
library-all-done-today = Šiandien viskas atlikta
library-study-now-new = Mokytis dabar — naujų: { $n }
library-study-now-due = Mokytis dabar — kartoti: { $n }
library-then-new = { PLURAL($n) ->
        [one] po to { $n } nauja kortelė
        [few] po to { $n } naujos kortelės
        [many] po to { $n } naujos kortelės
       *[other] po to { $n } naujų kortelių
    }
library-never = niekada
library-days-ago = { $n ->
        [0] šiandien
        [1] vakar
       *[other] prieš { $n } d.
    }
library-origin-bundled = įdiegtas su quizdeck
library-origin-yours = tavo rinkiniai
library-origin-class = klasės rinkiniai ({ $folder })
library-group-bundled = Įdiegti su quizdeck
library-group-imported = Importuoti rinkiniai
library-group-class = Klasės rinkiniai ({ $folder })
library-copies = Naudojama naujausia, { $version } versija iš { $place }; taip pat yra: { $others }.
library-copy-other = { $place } ({ $version } versija)
library-sort-due-first = Pirmiausia kartotini
library-sort-title = Pavadinimas
library-sort-last-studied = Paskutinį kartą mokytasi

## Mokymasis

study-card-picture = Kortelės paveikslėlis
study-end-session-esc = Baigti (Esc)
study-undo-ctrl-z = Atšaukti (Ctrl+Z)
study-all-done-for-today = Šiandien viskas atlikta. Puiku!
study-nothing-more-to-study = Šiuo metu daugiau nėra ko mokytis.
study-wait = Palaukti
study-stay-here-the-next = Likti čia: kitas klausimas pasirodys, kai ateis jo laikas
study-end = Baigti
study-type-your-answer-then = Įvesk atsakymą ir paspausk Enter
study-the-right-order = Teisinga tvarka:
study-compared = Palyginimas:
study-underlined-letters-you-left = Pabraukta: praleistos raidės · perbraukta: nereikalingos raidės
study-true-or-false-keys = Tiesa ar netiesa? Klavišai T ir F.
study-counted-as-right = Įskaityta kaip teisinga
study-right = Teisingai
study-i-was-right = Mano atsakymas teisingas
study-count-this-answer-as = Įskaityti šį atsakymą kaip teisingą
study-again = Dar kartą
study-hard = Sunku
study-good = Gerai
study-easy = Lengva
study-not-quite = Ne visai
study-counts = · Nauji { $new } · Mokomasi { $learning } · Kartoti { $review } · Atlikta { $done }
study-more-new = Mokytis šiandien dar { $n } { PLURAL($n) ->
        [one] naują
        [few] naujus
       *[other] naujų
    }
study-answer = Atsakymas: { $answer }
study-statement-true = Teiginys yra teisingas.
study-statement-false = Teiginys yra klaidingas.
study-you-typed = Tu įvedei: { $text }
study-true = Tiesa
study-false = Netiesa
study-the-answer = Atsakymas: { $answer }
study-source = Šaltinis: { $source }
study-show-answer = Rodyti atsakymą (tarpas)
study-pick-an-answer = Pasirink atsakymą: klavišai 1–{ $last }.
study-check-answer = Tikrinti atsakymą (Enter)
study-check-order = Tikrinti tvarką (Enter)
study-check-pairs = Tikrinti poras (Enter)
study-how-well = Kaip gerai tai žinojai? Klavišai 1–4; tarpas = { $rating }.
study-check-marker = Tikrinti žymę (Enter)
study-keys-space = Klavišai 1–4; tarpas = { $rating }.

## Santrauka

summary-no-answers-this-time = Šį kartą atsakymų nebuvo. Sugrįžk, kai galėsi.
summary-excellent-work = Puikus darbas!
summary-well-done-steady-progress = Gerai padirbėta: tolygi pažanga.
summary-good-effort-the-items = Geros pastangos: klausimai, kuriuos suklydai, netrukus sugrįš, ir būtent taip jie įsimenami.
summary-back-to-decks = Atgal į rinkinius
summary-session-finished = Mokymasis baigtas
summary-to-look-at-again = Peržiūrėti dar kartą
summary-these-items-keep-slipping = Šie klausimai vis pamirštami, todėl buvo sustabdyti (sunkūs klausimai; peržiūros lange juos galima grąžinti):
summary-these-items-keep-slipping-2 = Šie klausimai vis pamirštami (sunkūs klausimai): pabandyk juos įsiminti kitaip arba paprašyk mokytojo juos perfrazuoti:
summary-queue-done = Atlikta { $percent } % šio karto eilės
summary-studied-given = Išmokta klausimų: { $items }, pateikta atsakymų: { $answers }.
summary-remembered = Prisiminta: { $right } iš { $answers } atsakymų ({ $percent } %).
summary-time = Laikas: { $min } min { $s } s.
summary-comes-back = { $n ->
        [1] Klausimas sugrįš { $when }.
       *[other] Sugrįš klausimų: { $n }, vėliau šiandien; pirmasis { $when }.
    }
summary-comes-back-later = Sugrįš klausimų: { $n }, vėliau šiandien.
summary-due-tomorrow = Rytoj kartoti klausimų: { $n }.
summary-right-answer = Teisingas atsakymas: { $answer }

## Viso lango pranešimai

app-deck = Rinkinys:
app-the-unsaved-answer-is = Neišsaugotas atsakymas dabar išsaugotas.
app-drop-the-deck-file = Paleisk rinkinio failą, kad jį importuotum
app-retry-saving = Bandyti išsaugoti dar kartą
app-ok = Gerai
app-the-time-could-not = Laiko nepavyko įrašyti į rezultatų failą.
app-all-decks = Visi rinkiniai
app-nothing-was-lost-choose = Niekas neprarasta: pasirink įvertinimą dar kartą, kad bandytum iš naujo
app-the-deck-was-removed = Rinkinys pašalintas visiems šio kompiuterio naudotojams; pažanga išsaugota.
app-the-deck-was-removed-2 = Rinkinys pašalintas; jo pažanga išsaugota.
app-this-deck-has-too = Šiame rinkinyje per mažai trumpų porų žaidimui „Poros“.
app-an-exam-is-already = Šiame lange jau laikomas egzaminas.
app-these-decks-give-no = Iš šių rinkinių negalima sudaryti pasirinktų formų klausimų.
app-all-decks-lower = visi rinkiniai
app-deck-has-errors = Rinkinys { $file } nerodomas: { $error } ({ $line } eilutė). Mokytojas visas klaidas gali pamatyti komanda `quizdeck check`.
app-imported-not-shown = Tavo importuoti rinkiniai nerodomi: { $why } ({ $file }).
app-new-cap = Pasiekta visų rinkinių naujų klausimų dienos riba ({ $cap }).
app-review-cap = Pasiekta visų rinkinių kartojimų dienos riba ({ $cap }). Likę laukia rytojaus.
app-deck-new-limit = { $deck }: pasiekta naujų klausimų dienos riba ({ $limit }; dar laukia: { $waiting }).
app-deck-review-limit = { $deck }: pasiekta kartojimų dienos riba ({ $limit }; dar reikia kartoti: { $due }).
app-comes-back = { $n ->
        [1] Klausimas sugrįš po { $mins } min (apie { $time }).
       *[other] Sugrįš klausimų: { $n }, vėliau šiandien; pirmasis po { $mins } min (apie { $time }).
    }
app-in-minutes = po { $mins } min (apie { $time })
app-read-only-not-saved = Šiame tik skaitymui atvertame lange atsakymai neišsaugomi: uždaryk jį ir mokykis lange, kuriame atvertas profilis
app-today-unreadable = Šiandienos atsakymų nepavyko nuskaityti ({ $error }), todėl toliau rodomi naujų kortelių skaičiai gali būti didesni, nei leidžia tavo dienos riba.
app-unsaved-now-saved = Neišsaugoti atsakymai ({ $n }) dabar išsaugoti.
app-not-saved-yet = Dar neišsaugota: atsakymų atmintyje – { $n }, nes įrašyti nepavyko ({ $why }). Atlaisvink vietos diske arba patikrink įrenginį ir paspausk Ctrl+S; quizdeck taip pat bando iš naujo su kiekvienu atsakymu, kas { $secs } sekundžių ir prieš uždarant.
app-drop-the-exam-file = Paleisk egzamino failą, kad jį laikytum
app-results-folder-missing = Rezultatų aplanko { $folder } nėra (ar USB atmintinė prijungta?). Pasirink jį mygtuku „{ $button }“.

## Profiliai

profiles-who-is-studying = Kas mokosi?
profiles-new-name = Naujas vardas:
profiles-save-name = Išsaugoti vardą
profiles-yes-delete = Taip, ištrinti
profiles-no = Ne
profiles-try-again = Bandyti dar kartą
profiles-rename = Pervadinti
profiles-delete = Ištrinti
profiles-new-profile = Naujas profilis:
profiles-create = Sukurti
profiles-back-to-decks = Atgal į rinkinius
profiles-welcome-to-quizdeck = Sveiki atvykę į quizdeck!
profiles-what-is-your-name = Koks tavo vardas? Šiuo vardu tavo pažanga saugoma šiame kompiuteryje (vėliau jį galėsi pakeisti skiltyje „Keisti profilį“).
profiles-rename-name = Pervadinti { $name }
profiles-delete-name = Ištrinti { $name }
profiles-default-name = Mokinys
profiles-your-name = Tavo vardas:
profiles-start = Pradėti
profiles-skip = Praleisti
profiles-delete-confirm = Ištrinti profilį { $name } ir visą jo pažangą?
profiles-could-not-open = nepavyko atverti ({ $why }); niekas neištrinta
profiles-try-opening-again = Bandyti dar kartą atverti { $name }
profiles-study-as = Mokytis vardu „{ $name }“

## Testų ir egzaminų klausimai

question-true-t = Tiesa (T)
question-false-f = Netiesa (F)
question-your-answer = Tavo atsakymas:
question-up = Aukštyn
question-down = Žemyn
question-keep-this-order-k = Palikti šią tvarką (K)
question-click-an-item-on = Spustelėk eilutę kairėje, tada jos porą dešinėje (arba klavišai 1–9, tada A–I).
question-keys-then-enter = Klavišai 1–{ $last }, tada Enter.
question-order-keys = Aukštyn/žemyn pasirenka eilutę, Alt+aukštyn/žemyn ją perkelia (arba mygtukai).
question-belongs-at = { " " }(teisinga vieta: { $position })
question-move-item-up = Perkelti „{ $item }“ aukštyn
question-move-item-down = Perkelti „{ $item }“ žemyn
question-move-up-keys = Perkelti aukštyn (Alt+aukštyn)
question-move-down-keys = Perkelti žemyn (Alt+žemyn)
question-selected = Pasirinkta: { $item }
question-right-partner = { " " }(teisingai: { $partner })
question-chosen-partner = Pasirinkta: { $item } (klavišas { $key }); dabar jo pora (A–{ $last })
question-verdict-right = Teisingai
question-verdict-wrong = Neteisingai
question-verdict-not-answered = Neatsakyta
# Locate cards (a place on a map)
locate-hint = Spustelėk vietą arba perkelk žymę rodyklių klavišais ir paspausk Enter, arba paspausk 1–{ $last } sunumeruotai vietai pasirinkti.
locate-map = { PLURAL($n) ->
        [one] Žemėlapis: { $n } sunumeruota vieta
        [few] Žemėlapis: { $n } sunumeruotos vietos
        [many] Žemėlapis: { $n } sunumeruotos vietos
       *[other] Žemėlapis: { $n } sunumeruotų vietų
    }
locate-the-numbered-places = Sunumeruotos vietos:
locate-place-named = Vieta { $number }: { $name }
locate-or-choose = Arba pasirink sunumeruotą vietą:
locate-place = Vieta { $number }
locate-you-pointed-at = Tu parodei vietą { $name }.
locate-you-pointed-outside = Tu parodei už visų pavadintų vietų ribų.

## Bandomasis testas

practice-multiple-choice = Pasirenkamieji atsakymai
practice-true-false = Tiesa/netiesa
practice-typed = Įvedamas atsakymas
practice-match = Poros
practice-order = Tvarka
practice-cloze = Tekstas su spragomis
practice-back-to-decks = Atgal į rinkinius
practice-new-test = Naujas testas
practice-practice-test = Testas
practice-decks = Rinkiniai:
practice-questions = Klausimų:
practice-forms = Klausimų formos:
practice-count-my-answers-in = Įskaityti mano atsakymus į mokymosi tvarkaraštį (teisingai = Gerai, klaidingai = Dar kartą)
practice-seed-optional-to-repeat = Sėkla (nebūtina, testui pakartoti):
practice-start-test = Pradėti testą
practice-preparing = Testas sudaromas…
practice-not-made = Testas nesudarytas: { $error }
practice-previous = Ankstesnis
practice-next = Kitas
practice-finish-now = Baigti dabar
practice-finish-test = Baigti testą
practice-seed-not-a-number = sėkla „{ $seed }“ nėra sveikasis skaičius
practice-question-of = Klausimas { $index } iš { $n } · sėkla { $seed }
practice-seed-repeats = Sėkla { $seed } pakartoja šį testą.

## Porų žaidimas

match-back-to-decks = Atgal
match-new-game = Naujas žaidimas
match-match-each-item-with = Kuo greičiau sujunk kiekvieną eilutę su jos pora. Klaidinga pora prideda sekundę.
match-not-a-pair-1 = Ne pora: +1 s
match-best-time = Geriausias laikas: { $time }
match-done-in = Atlikta per { $time } (klaidų: { $mistakes })
match-time = Laikas { $time }
match-seconds = { $s } s

## Rinkinio importavimas

picker-import-for = Importuoti:
picker-me = Sau
picker-everyone-on-this-pc = Visiems šio kompiuterio naudotojams
picker-parent-folder = Aukščiau
picker-path = Kelias:
picker-no-folders-ron-deck = Čia nėra aplankų, .ron rinkinių failų, .qdeck ar Anki paketų, nei skaičiuoklių (.csv, .tsv, .txt).
picker-import-a-deck = Importuoti rinkinį
picker-folder = Aplankas: { $folder }
picker-copied-into = Nukopijuojama į klasės rinkinių aplanką { $folder }
picker-every-profile-will-see = Visi šio kompiuterio profiliai matys rinkinį (klasės rinkinių aplankas { $folder }).
picker-folder-entry = [aplankas] { $name }
picker-title-exam-file = Pasirink egzamino failą
picker-title-results-folder = Pasirink, kur bus išsaugoti tavo rezultatai
picker-title-save-exam = Išsaugoti egzaminą
picker-title-key-file = Pasirink rakto failą
picker-title-class-results = Pasirink klasės rezultatų aplanką
picker-no-exam-files = Čia nėra nei aplankų, nei egzaminų failų.
picker-no-key-files = Čia nėra nei aplankų, nei rakto failų (PAVADINIMAS.key.ron).
picker-no-result-files = Čia nėra nei poaplankių, nei rezultatų failų.
picker-parent-folder-keys = Alt+aukštyn arba Backspace
picker-go = Atidaryti
picker-choose-this-folder = Pasirinkti šį aplanką
picker-file-name = Failo pavadinimas:
picker-save-here = Išsaugoti čia
picker-home = Namų aplankas

## Peržiūra

browse-back-to-decks = Atgal į rinkinius
browse-search = Ieškoti:
browse-tag = Žymė:
browse-state = Būsena:
browse-sort-by = Rikiuoti pagal:
browse-reset-progress = Atstatyti pažangą
browse-new-not-studied-yet = Naujas: dar nesimokyta.
browse-leech = Sunkus klausimas
browse-any = visi
browse-shown-of = Klausimų: { $shown } iš { $total }
browse-row = { $text } · { $status } · kartoti { $due } · pamiršimų: { $lapses } — { $deck }
browse-answer = Atsakymas: { $answer }
browse-due = Kartoti: { $when } UTC
browse-interval = Intervalas: { $days } d.
browse-memory = Stabilumas: { $stability } d. · sunkumas { $difficulty }
browse-answers-lapses = Atsakymų: { $answers } · pamiršimų: { $lapses }
browse-history = Istorija (atsakymų: { $n })
browse-history-entry = { $when } · { $rating } · { $secs } s
browse-suspend = Sustabdyti
browse-unsuspend = Tęsti
browse-status-new = naujas
browse-status-learning = mokomasi
browse-status-due = kartoti
browse-status-review = kartotas
browse-status-suspended = sustabdytas
browse-status-leech = sunkus
browse-sort-deck = rinkinio tvarka
browse-sort-due = kartojimo data
browse-sort-difficulty = sunkumas
browse-sort-lapses = pamiršimai

## Statistika

stats-back-to-decks = Atgal į rinkinius
stats-last-365-days = Paskutinės 365 dienos
stats-reviews-per-day = Kartojimai per dieną
stats-due-in-the-next = Kartoti per artimiausias 30 dienų
stats-nothing-is-due-in = Per artimiausias 30 dienų nieko nereikia kartoti.
stats-true-retention-per-week = Tikrasis įsiminimas per savaitę (prisiminti kartojimai)
stats-not-enough-reviews-yet = Kartojimų dar per mažai: įsiminimas bus rodomas po kelių kartojimų.
stats-study-days = Mokymosi dienos
stats-hardest-items = Sunkiausi klausimai
stats-no-item-has-been = Dar nė vienas klausimas nepamirštas.
stats-study-these-items-now = Mokytis šių klausimų dabar
stats-not-enough-data-yet = Duomenų dar per mažai: tavo atsakymai čia atsiras diena po dienos.
stats-each-square-is-a = Kiekvienas kvadratas – diena (seniausia viršuje kairėje). Mažiau atsakymų
stats-summary = Atsakymų: { $answers } · dienų iš eilės: { $streak } · šiandien { $today } min · iš viso { $hours } val. { $minutes } min
stats-items = Klausimai: naujų { $new } · mokomasi { $learning } · neseniai išmoktų { $young } · įtvirtintų { $mature } · sustabdytų { $suspended }
stats-hardest-item = { $name } (pamiršimų: { $lapses }, sunkumas { $difficulty })
stats-more-up-to = daugiau (iki { $max } per dieną)
stats-axis-days-from-today = dienos nuo šiandien
stats-axis-items-due = kartoti
stats-series-due = kartoti
stats-axis-weeks-ago = prieš savaites
stats-axis-remembered = % prisiminta
stats-series-retention = įsiminimas %
stats-axis-days-ago = prieš dienas
stats-axis-answers = atsakymai
stats-the-last-weeks = { PLURAL($n) ->
        [one] Paskutinė { $n } savaitė.
        [few] Paskutinės { $n } savaitės.
        [many] Paskutinės { $n } savaitės.
       *[other] Paskutinių { $n } savaičių.
    }

## Egzamino laikymas

exam-every-question-is-answered = Atsakyta į visus klausimus.
exam-that-code-is-not = Šis kodas neteisingas. Paklausk mokytojo dar kartą.
exam-back-to-decks = Atgal į rinkinius
exam-the-time-is-over = Laikas baigėsi, todėl tavo egzaminas pateiktas.
exam-show-it-to-your = Parodyk jį mokytojui, jei paprašys.
exam-your-teacher-will-tell = Mokytojas pasakys klasei kodą rezultatams pamatyti.
exam-teacher-s-code = Mokytojo kodas:
exam-show-my-results = Rodyti mano rezultatus
exam-your-teacher-will-give = Rezultatus tau pateiks mokytojas.
exam-resume = Tęsti
exam-not-now = Ne dabar
exam-take-an-exam = Laikyti egzaminą
exam-exam-file = Egzamino failas:
exam-results-folder-e-g = Rezultatų aplankas (pvz., USB atmintinė):
exam-your-name = Tavo vardas:
exam-the-results-folder-defaults = Numatytasis rezultatų aplankas – tas pats, kuriame yra egzamino failas.
exam-start-exam = Pradėti egzaminą
exam-hand-in = Pateikti…
exam-previous = Ankstesnis
exam-next = Kitas
exam-hand-in-the-exam = Pateikti egzaminą?
exam-after-handing-in-you = Pateikus atsakymų nebegalima keisti.
exam-hand-in-now-y = Pateikti dabar (Y)
exam-keep-answering-esc = Toliau atsakinėti (Esc)
exam-no-mistakes = Klaidų nėra.
exam-one-unanswered = Į { $number } klausimą neatsakyta. Vis tiek pateikti?
exam-unanswered = Į klausimus { $numbers } ir { $last } neatsakyta. Vis tiek pateikti?
exam-handed-in = { $title }: pateikta
exam-thank-you = Ačiū, { $name }. Tavo atsakymai išsaugoti.
exam-receipt = Kvitas: { $receipt }
exam-time-left-short = liko { $time }
exam-time-is-up = laikas baigėsi: egzaminas bus pateiktas
exam-resume-offer = Tęsti egzaminą { $title } vardu { $name } ({ $when })?
exam-time-left = Liko laiko { $time }
exam-question-of = Klausimas { $index } iš { $n } · atsakyta { $answered }
exam-go-to = Eiti į { $number } klausimą
exam-go-to-answered = Eiti į { $number } klausimą (atsakyta)
exam-go-to-first-unanswered = Eiti į { $number } klausimą – pirmąjį neatsakytą (G)
exam-score = Rezultatas: { $right } iš { $total } ({ $percent } %)
exam-right-answer = Teisingas atsakymas: { $answer }
exam-source = Šaltinis: { $source }
exam-choose-type-or-drop = Pasirink egzamino failą, įvesk jo kelią arba nutempk failą į šį langą.
exam-choose-the-exam-file = Pasirinkti egzamino failą…
exam-choose-the-results-folder = Pasirinkti rezultatų aplanką…

## Mokytojas

teacher-teacher-exams = Mokytojas: egzaminai
teacher-back-to-decks = Atgal į rinkinius
teacher-make-an-exam = Sudaryti egzaminą
teacher-read-a-class-s = Nuskaityti klasės rezultatus
teacher-decks-the-questions-come = Rinkiniai, iš kurių imami klausimai:
teacher-forms = Klausimų formos:
teacher-title = Pavadinimas:
teacher-questions-per-student = Klausimų vienam mokiniui:
teacher-draw-them-from-a = Atrinkti juos iš klausimų aibės, kurioje yra
teacher-minutes = Minutės:
teacher-save-the-exam-as = Išsaugoti egzaminą kaip:
teacher-students-see-their-results = Mokiniai mato savo rezultatus:
teacher-while-the-app-is = Kol programa uždaryta, laikrodis:
teacher-make-exam = Sudaryti egzaminą
teacher-making-exam = Egzaminas sudaromas…
teacher-make-exam-needs = Norėdami sudaryti egzaminą, pasirinkite bent vieną rinkinį ir vieną formą, įrašykite pavadinimą ir egzamino failo vardą.
teacher-key-file-name-key = Rakto failas (PAVADINIMAS.key.ron):
teacher-results-folder = Rezultatų aplankas:
teacher-read-results = Nuskaityti rezultatus
teacher-name = Vardas
teacher-score = Rezultatas
teacher-time = Laikas
teacher-away = Nebuvo
teacher-resumes = Tęsimai
teacher-flags = Žymos
teacher-questions = Klausimai
teacher-r-right-w-wrong = R teisingai · W klaidingai · - neatsakyta
teacher-hardest-questions = Sunkiausi klausimai
teacher-feedback-after-code = kai duosi jiems kodą
teacher-feedback-at-hand-in = pateikus
teacher-feedback-never = programoje niekada
teacher-clock-runs-on = eina toliau
teacher-clock-pauses = sustoja
teacher-class-heading = { $title }: mokinių { $n }
teacher-hardest-question = { $id }: teisingai { $percent } % ({ $right } iš { $asked }) · { $prompt }
teacher-unreadable = Nepavyko perskaityti: { $file } ({ $why })
teacher-choose-where-to-save = Pasirinkti, kur išsaugoti…
teacher-choose-the-key-file = Pasirinkti rakto failą…
teacher-choose-the-results-folder = Pasirinkti klasės rezultatų aplanką…

## Pranešimai lango viršuje

msg-could-not-read-the = Nepavyko nuskaityti profilių: { $error }
msg-progress-could-not-be = Nepavyko įrašyti pažangos momentinės kopijos: { $error }
msg-there-is-no-profile = Profilio { $slug } nėra.
msg-settings-could-not-be = Nepavyko nuskaityti nustatymų ({ $error }); naudojami numatytieji.
msg-could-not-start-studying = Nepavyko pradėti mokytis: { $error }
msg-the-library-s-order = Nepavyko išsaugoti rinkinių tvarkos: { $error }
msg-library-notes-not-kept = Nepavyko išsaugoti, kurie pranešimai jau parodyti (jie bus parodyti dar kartą): { $error }
msg-could-not-study-more = Nepavyko mokytis daugiau: { $error }
msg-could-not-undo-e = Nepavyko atšaukti: { $error }
msg-could-not-save-the = Nepavyko išsaugoti nustatymų: { $error }
msg-could-not-create-the = Nepavyko sukurti profilio: { $error }
msg-could-not-rename-e = Nepavyko pervadinti: { $error }
msg-could-not-delete-e = Nepavyko ištrinti: { $error }
msg-the-history-could-not = Nepavyko nuskaityti istorijos: { $error }
msg-an-answer-could-not = Nepavyko išsaugoti atsakymo: { $error }
msg-the-best-time-could = Nepavyko išsaugoti geriausio laiko: { $error }
msg-the-exam-was-not = Egzaminas nesudarytas: { $error }
msg-the-class-table-could = Nepavyko įrašyti klasės lentelės: { $error }
msg-the-results-could-not = Nepavyko nuskaityti rezultatų: { $error }
msg-the-answer-was-not = Atsakymas neįrašytas: { $error }
msg-the-exam-could-not = Nepavyko pateikti egzamino: { $error }
msg-could-not-change-the = Nepavyko pakeisti klausimo: { $error }
msg-could-not-reset-the = Nepavyko atstatyti klausimo: { $error }
msg-profile-stays-open = Dar neišsaugota atsakymų: { $n }, todėl profilis lieka atvertas. Atlaisvink vietos diske ir paspausk „Bandyti išsaugoti dar kartą“.
msg-close-held = Kai kurie atsakymai dar neišsaugoti. Atlaisvink vietos diske ir paspausk „Bandyti išsaugoti dar kartą“; dar kartą uždarius langą, programa bus užverta be jų.
msg-for-everyone = {" "}visiems šio kompiuterio naudotojams
msg-no-class-folder = Klasės rinkinių aplanko nėra: paleisk quizdeck su --decks-dir APLANKAS (arba nustatyk QUIZDECK_DECKS), kad rinkiniais dalytumeisi su visais profiliais.
msg-imported = Importuota „{ $title }“ (kortelių: { $cards }){ $whom }.
msg-newer-version = Naujesnė šio rinkinio versija ({ $version }) yra vietoje { $place }; naudojama ji.
msg-class-folder-not-writable = { $error }. Į klasės rinkinių aplanką { $folder } turi būti galima rašyti: paprašyk kompiuterio administratoriaus jį sukurti ir leisti mokytojams į jį rašyti arba paleisk quizdeck su --decks-dir, nurodančiu bendrą aplanką.
msg-progress-not-opened = Nepavyko atverti profilio { $name } pažangos: { $error }. Niekas neištrinta; uždaryk kitus quizdeck langus arba atlaisvink vietos diske ir bandyk dar kartą.
msg-read-only = Tik skaitymui: { $why }. Gali apsižvalgyti, bet šiame lange atsakymai neišsaugomi.
msg-history-no-streak = Nepavyko nuskaityti istorijos (dienos iš eilės nerodomos): { $error }
msg-stopped-unexpectedly = darbas netikėtai nutrūko
msg-figures-not-counted = Nepavyko suskaičiuoti bibliotekos skaičių: { $error }
msg-browse-not-built = Nepavyko sudaryti kortelių sąrašo: { $error }
msg-stats-not-counted = Nepavyko suskaičiuoti statistikos: { $error }
msg-extra-new-session-only = Papildomi nauji klausimai galioja tik šį kartą: { $error }
msg-answers-added = Į tavo mokymosi tvarkaraštį pridėta atsakymų: { $n }.
msg-exam-saved = Išsaugota { $exam } mokiniams (klausimų kiekvienam: { $questions }, laikas: { $minutes } min.) ir { $key } tau (juo vertinamas egzaminas: niekada jo neišduok).
msg-exam-code = Mokytojo kodas: { $code } (pasakyk jį klasei, kai visi pateiks).
msg-class-table-written = Klasės lentelė įrašyta į { $file }
msg-cannot-open = nepavyko atverti { $folder }: { $error }
msg-disk-refused = diskas atsisakė įrašyti
msg-true = Tiesa.
msg-false = Netiesa.

## Ką atveriant profilį pavyko pataisyti (vieno sakinio dalys)

recovery-sentence = { $parts }.
recovery-recovered = Atkurta atsakymų: { $answers }
recovery-recovered-items = Atkurta atsakymų: { $answers } (klausimų pažanga: { $items })
recovery-journal-tail = sugadintos eilutės žurnalo pabaigoje ({ $lines }) atidėtos (jos buvo įrašomos, kai quizdeck sustojo)
recovery-journal-damaged = sugadintos eilutės žurnalo viduryje ({ $lines }) praleistos
recovery-journal-kept = sugadinto žurnalo kopija išsaugota kaip { $file }
recovery-snapshot-moved = išsaugotos pažangos failas buvo sugadintas ({ $reason }), todėl jis atidėtas kaip { $file }, o tavo pažanga atkurta iš istorijos
recovery-snapshot-damaged = išsaugotos pažangos failas sugadintas ({ $reason }); pažanga atkurta iš istorijos
recovery-journal-newer = žurnalo antraštėje nurodytas formatas { $format } yra naujesnis, nei ši quizdeck versija moka skaityti (jį įrašė naujesnė quizdeck versija arba antraštė sugadinta); jo eilutės perskaitytos kaip šios versijos
recovery-wrong-type-moved = { $file } buvo { $what }, todėl atidėtas kaip { $moved }
recovery-wrong-type = { $file } yra { $what }, todėl neperskaitytas
recovery-snapshot-missing = išsaugotos pažangos failo nebuvo, todėl tavo pažanga atkurta iš istorijos
recovery-history-damaged = sugadintos eilutės archyvuotoje istorijoje ({ $file }; { $lines }) praleistos
recovery-settings-moved = nustatymų failo nepavyko nuskaityti ({ $reason }), todėl jis atidėtas kaip { $file } ir naudojami numatytieji nustatymai
recovery-settings-reset = nustatymų failo nepavyko nuskaityti ({ $reason }); naudojami numatytieji nustatymai
recovery-lock-unsupported = šio aplanko negalima užrakinti, todėl įsitikink, kad quizdeck nėra atvertas du kartus su tuo pačiu profiliu
recovery-left-unrepaired = diske nieko nepataisyta, nes pažanga atverta tik skaitymui
stats-counting = Skaičiuojami klausimai…
stats-reading-history = Nuskaitoma istorija…
stats-history-unavailable = Nerodoma: nepavyko nuskaityti istorijos.
study-loading-picture = Įkeliamas paveikslėlis…
drop-title = Nutemptų failų importavimas
drop-question = Importuoti { $files }?
drop-question-more = Importuoti { $files } ir dar { $more }?
drop-import-for = Kam importuoti:
app-anki-imported = Iš Anki importuota „{ $title }“ (kortelių: { $cards }, paveikslėlių: { $pictures }){ $whom }.
app-anki-future = Kartojimų žurnalo atsakymai su ateities data praleisti (patikrink šio kompiuterio laikrodį): { $n }.
app-anki-kept = Kartojimų žurnalo atsakymai išsaugoti kaip tavo pažanga: { $n }.
app-anki-not-kept = Kartojimų žurnalas neišsaugotas: { $error }.
app-exam-key-exists = Egzaminas nesudarytas: { $key } jau yra – tai ankstesnio egzamino raktas (jį pakeitus, to egzamino rezultatų nebebūtų galima įvertinti). Pasirink kitą pavadinimą arba pirmiausia perkelk ankstesnį egzaminą.
msg-picture-bundled = paveikslėlis { $picture } įdiegtam rinkiniui nepasiekiamas

## The deck editor
editor-leave-title = Išsaugoti pakeitimus?
editor-leave-text = Rinkinyje „{ $title }“ yra neišsaugotų pakeitimų. Ar išsaugoti juos prieš išeinant?
editor-save-and-continue = Išsaugoti ir tęsti
editor-discard = Atmesti pakeitimus
editor-keep-editing = Toliau taisyti
editor-intro = Čia gali kurti ir taisyti rinkinius. Kortelės išlaiko savo identifikatorių, kad ir ką keistum, todėl mokinių pažanga išlieka.
editor-new-deck = Naujas rinkinys…
editor-edit = Taisyti
editor-edit-name = Taisyti { $title }
editor-copy-to-edit = Taisyti kopiją
editor-copy-to-edit-name = Taisyti kopiją: { $title }
editor-open-hint = Atverti šį rinkinį rengyklėje
editor-bundled-hint = Įdiegtų rinkinių keisti negalima: taisyk kopiją su savo identifikatoriumi
editor-region-line = Srities eilutė { $line }: { $why }
editor-no-cards = rinkinyje nėra nė vienos kortelės
editor-no-cards-hint = pridėk kortelę
editor-kind-basic = Priekinė ir galinė pusė
editor-kind-cloze = Užpildyk spragas
editor-kind-type-in = Įrašyk atsakymą
editor-kind-multiple-choice = Pasirenkamieji atsakymai
editor-kind-true-false = Tiesa ar netiesa
editor-kind-order = Surikiuok
editor-kind-match = Sujunk poras
editor-kind-locate = Nurodyk vietą (žemėlapis)
editor-back-to-editing = Grįžti taisyti
editor-back-to-editing-hint = Esc; čia pateikti atsakymai neįrašomi
editor-preview-note = Peržiūra: kortelė taip, kaip ją mato mokinys.
editor-preview-deck = Peržiūra: { $title }
editor-back-to-decks = ← Rinkiniai
editor-back-to-decks-hint = Atgal į rinkinių sąrašą
editor-unsaved = (neišsaugota)
editor-undo = Anuliuoti
editor-redo = Perdaryti
editor-save = Išsaugoti
editor-deck-details = Rinkinio duomenys
editor-deck-details-hint = Pavadinimas, aprašas, kalba, autoriai, šaltiniai, leidimas
editor-raise-edition = Išsaugant pakelti leidimą iki { $edition }
editor-raise-edition-hint = Mokinių senesnio leidimo kopijos pakeičiamos šiuo leidimu; jų pažanga perkeliama kortelė po kortelės.
editor-save-in = Išsaugoti:
editor-save-in-me = Mano rinkiniai
editor-save-in-everyone = Visiems šiame kompiuteryje
editor-class-folder = Klasės rinkinių aplankas: { $folder }
editor-cards-tab = Kortelės
editor-card-tab = Kortelė
editor-checking = Tikrinama…
editor-no-problems = Problemų nėra: mokiniai gali mokytis šio rinkinio.
editor-problems-errors = Klaidų: { $errors }, įspėjimų: { $warnings }; mokiniai negali mokytis rinkinio, kol klaidos neištaisytos
editor-problems-warnings = Klaidų: { $errors }, įspėjimų: { $warnings }
editor-all-problems = Visos problemos ({ $n })
editor-error = Klaida
editor-warning = Įspėjimas
editor-problem-in-card = Kortelė { $card }: { $text }
editor-go-to-field = Eiti į lauką
editor-search = Ieškoti
editor-new-card-kind = Nauja kortelė:
editor-add-card = Pridėti kortelę
editor-shown-cards = { $shown } iš { PLURAL($n) ->
        [one] { $n } kortelės
       *[other] { $n } kortelių
    }
editor-new-card-label = (nauja: { $kind })
editor-empty-deck = Rinkinyje nėra nė vienos kortelės. Pridėk kortelę.
editor-card-of = Kortelė { $n } iš { $total }
editor-card-id = id { $id }
editor-card-id-new = id { $id } (keičiasi pagal tekstą, kol neišsaugota)
editor-duplicate = Dubliuoti
editor-delete = Ištrinti
editor-preview = Peržiūrėti
editor-preview-hint = Kortelė taip, kaip ją rodo mokymosi ekranas
editor-move-up = Aukštyn
editor-move-down = Žemyn
editor-kind = Rūšis
editor-front = Priekinė pusė
editor-front-hint = Kas rodoma pirmiausia
editor-back = Galinė pusė
editor-back-hint = Atsakymas
editor-reverse = Klausti ir atvirkščiai: galinė pusė → priekinė pusė
editor-cloze-text = Tekstas su spragomis
editor-cloze-example = Vilnius yra { "{{c1::Lietuvos}}" } sostinė.
editor-cloze-help = Spraga yra { "{{c1::atsakymas}}" }; { "{{c1::atsakymas::užuomina}}" } prideda užuominą, { "{{c1::rugpjūčio 23|rugpjūčio 24}}" } priima bet kurį. Numeruok spragas 1, 2, 3…
editor-question = Klausimas
editor-accepted-answers = Priimami atsakymai (po vieną eilutėje; rodomas pirmasis)
editor-right-answer = Teisingas atsakymas
editor-wrong-options = Neteisingi variantai (po vieną eilutėje)
editor-also-correct = Taip pat teisinga (po vieną eilutėje, kai šaltiniai faktą pateikia skirtingai)
editor-statement = Teiginys
editor-true = Tiesa
editor-false = Netiesa
editor-correction = Pataisymas (kas teisinga, jei teiginys neteisingas)
editor-instruction = Užduotis
editor-order-example = Surikiuok nuo ankstyviausio.
editor-order-items = Elementai teisinga tvarka (po vieną eilutėje, bent 3)
editor-match-example = Sujunk kiekvieną vadovą su jo šalimi.
editor-pairs = Poros (po vieną eilutėje: kairė = dešinė, bent 3)
editor-pairs-example = Antanas Smetona = Lietuva
editor-tags = Žymos (atskirtos kableliais)
editor-tags-example = 1940, lietuva
editor-source = Šaltinis
editor-none = (nėra)
editor-source-hint = Cituojamus dokumentus pridėk rinkinio duomenyse.
editor-section = Šaltinio dalis
editor-note = Pastaba (rodoma po atsakymo)
editor-picture = Paveikslėlis (PNG failas rinkinio aplanke, pvz., pictures/map.png)
editor-copy-picture-from = Kopijuoti paveikslėlį į rinkinį iš
editor-copy-picture = Kopijuoti paveikslėlį
editor-copy-picture-hint = Arba nutempk PNG failą į langą
editor-back-to-cards = Atgal į korteles
editor-meta-title = Pavadinimas
editor-meta-id-new = Rinkinio id (a–z, 0–9 ir -; išsaugojus jo keisti negalima)
editor-meta-id-fixed = Rinkinio id (nekeičiamas: pagal jį saugoma mokinių pažanga)
editor-meta-description = Aprašas
editor-meta-language = Kalba (pvz., lt, lv, et, en)
editor-meta-authors = Autoriai (atskirti kableliais)
editor-meta-sources = Šaltiniai (po vieną eilutėje: raktas = pavadinimas, interneto adresas po „ | “)
editor-meta-edition = Leidimas
editor-deck-gone = Rinkinio { $id } bibliotekoje nebėra.
editor-bundled-missing = Įdiegtas rinkinys { $id } nerastas.
editor-bad-id = Neišsaugota: rinkinio id „{ $id }“ naudoti negalima ({ $err }). Pakeisk jį rinkinio duomenyse.
editor-id-taken = Neišsaugota: rinkinys su id „{ $id }“ jau yra bibliotekoje. Pakeisk id rinkinio duomenyse.
editor-path-exists = Neišsaugota: { $path } jau yra. Pakeisk rinkinio id rinkinio duomenyse.
editor-save-failed = Neišsaugota: { $err }. Tavo pakeitimai vis dar čia.
editor-saved = Leidimas { $edition } išsaugotas: { $path }.
editor-saved-with-errors = Jame dar yra klaidų ({ $errors }): mokiniai negali jo mokytis, kol jos neištaisytos.
editor-picture-save-first = Pirmiausia išsaugok rinkinį: jo paveikslėliai kopijuojami į jo aplanką.
editor-picture-no-card = Pirmiausia pridėk kortelę.
editor-picture-copied = Paveikslėlis dabar yra rinkinio aplanke: { $picture }; jį rodo kortelė { $card }.
editor-picture-failed = Paveikslėlis nepridėtas: { $err }
editor-preview-errors = Kad peržiūrėtum, ištaisyk kortelės klaidas ({ $first }).
editor-picture-after-save = rodomas, kai rinkinys išsaugotas
editor-map-after-save = nuskaitomas, kai rinkinys išsaugotas (arba pasirink įdiegtą žemėlapį)
study-picture-no-folder = paveikslėlis { $picture }: { $why }
editor-locate-example = Spustelėk, kur yra Klaipėda.
editor-choice-prompt = Klausimas testams ir egzaminams (klausiama pateikiant vietovių pavadinimus kaip atsakymų variantus, be paveikslėlio; jei laukas tuščias, kortelė klausiama tik mokantis)
editor-choice-prompt-example = Kuris iš šių miestų yra Latvijos sostinė?
editor-locate-picture = Paveikslėlis, kuriame rodyti (PNG rinkinio aplanke arba įdiegtas žemėlapis)
editor-builtin-map = Įdiegtas žemėlapis
editor-choose = (pasirink)
editor-clicks = Spustelėjimas ant paveikslėlio
editor-tool-circle = padeda apskritimą (tempk dydžiui)
editor-tool-polygon = prideda daugiakampio viršūnes
editor-fix-regions = Ištaisyk sričių tekstą žemiau, kad jos būtų nupieštos ant paveikslėlio.
editor-choose-picture = Pasirink paveikslėlį, kad ant jo pieštum sritis.
editor-reading-picture = Skaitomas paveikslėlis…
editor-corners = { PLURAL($n) ->
        [one] { $n } viršūnė
        [few] { $n } viršūnės
        [many] { $n } viršūnės
       *[other] { $n } viršūnių
    }
editor-finish-polygon = Baigti daugiakampį
editor-finish-polygon-hint = Enter, kai paveikslėlis fokusuotas
editor-remove-corner = Pašalinti paskutinę viršūnę
editor-cancel-polygon = Atšaukti daugiakampį
editor-regions = Sritys (pirmoji yra teisingas atsakymas):
editor-circle = apskritimas
editor-polygon = daugiakampis
editor-region-answer = ★ { $name } ({ $shape }, teisingas atsakymas)
editor-make-answer = Padaryti atsakymu
editor-make-answer-name = Padaryti { $name } atsakymu
editor-delete-region = Ištrinti sritį { $name }
editor-region-name = Pasirinktos srities pavadinimas
editor-region-default-name = Vieta { $n }
editor-radius = Spindulys
editor-regions-text = Sritys tekstu, po vieną eilutėje, atsakymas pirmas: Pavadinimas @ circle(x, y, r) arba Pavadinimas @ polygon(x y, x y, x y)
editor-regions-unread = { $why }. Kortelė išlaiko savo sritis, kol tekstą pavyks perskaityti.
editor-map-label = Paveikslėlis su sritimis ({ $n }): spustelėk, kad pridėtum sritį
# The import dialog (spreadsheets, Quizlet text)
library-paste-cards = Įklijuoti korteles…
library-paste-cards-hint = Įklijuok Quizlet eksportą arba skaičiuoklės eilutes ir importuok jas kaip rinkinį
import-title = Kortelių importavimas
import-from-file = Iš failo { $file }
import-paste-here = Įklijuok tekstą žemiau: Quizlet eksportą (Quizlet rinkinyje „Export“) arba iš skaičiuoklės nukopijuotas eilutes.
import-paste-hint = Viena kortelė eilutėje: terminas, tabuliacija ar kablelis, tada apibrėžimas
import-pasted-text = Įklijuotas tekstas
import-pasted-deck-title = Įklijuotos kortelės
import-reading = Skaitau failą…
import-deck-title = Rinkinio pavadinimas:
import-read-as = Skaityti kaip:
import-format-columns = skaičiuoklės stulpelius
import-format-quizlet = Quizlet (terminas ir apibrėžimas)
import-first-row-names = Pirmoje eilutėje – stulpelių pavadinimai (tai ne kortelė)
import-term-sep = Tarp termino ir apibrėžimo:
import-card-sep = Tarp kortelių:
import-sep-auto = Atspėti
import-sep-tab = Tabuliacija
import-sep-comma = Kablelis
import-sep-newline = Nauja eilutė
import-sep-semicolon = Kabliataškis
import-sep-custom = Savas
import-sep-custom-hint = Skiriamieji ženklai (tabuliaciją ir naują eilutę galima rašyti \t ir \n)
import-preview = { PLURAL($n) ->
        [one] Pirmosios eilutės (peržiūrai perskaityta { $n } eilutė); pasirink, kas yra kiekviename stulpelyje:
        [few] Pirmosios eilutės (peržiūrai perskaitytos { $n } eilutės); pasirink, kas yra kiekviename stulpelyje:
       *[other] Pirmosios eilutės (peržiūrai perskaityta { $n } eilučių); pasirink, kas yra kiekviename stulpelyje:
    }
import-preview-cards = { PLURAL($n) ->
        [one] Pirmosios kortelės (peržiūrai perskaityta { $n } kortelė):
        [few] Pirmosios kortelės (peržiūrai perskaitytos { $n } kortelės):
       *[other] Pirmosios kortelės (peržiūrai perskaityta { $n } kortelių):
    }
import-term = Terminas
import-definition = Apibrėžimas
import-column-n = Kas yra stulpelyje { $n }
import-field-ignore = (praleisti)
import-field-id = Kortelės identifikatorius
import-field-kind = Rūšis
import-field-question = Klausimas
import-field-answer = Atsakymas
import-field-accept = Taip pat teisinga
import-field-distractor = Klaidingas variantas
import-field-tags = Žymos
import-field-note = Pastaba
import-field-source = Šaltinis
import-field-section = Skyrius
import-field-picture = Paveikslėlis
import-field-correction = Kas iš tikrųjų teisinga (klaidingiems teiginiams)
import-field-source-title = Šaltinio pavadinimas
import-field-choice-prompt = Klausimas testams (Nurodyk vietą)
import-problems = { PLURAL($n) ->
        [one] { $n } problema; niekas neimportuota:
        [few] { $n } problemos; niekas neimportuota:
       *[other] { $n } problemų; niekas neimportuota:
    }
import-preview-problems = { PLURAL($n) ->
        [one] Peržiūroje { $n } problema (patikrink skyriklius):
        [few] Peržiūroje { $n } problemos (patikrink skyriklius):
       *[other] Peržiūroje { $n } problemų (patikrink skyriklius):
    }
import-more-problems = … ir dar { $n }
import-row-error = { $row } eilutė: { $message }
import-row-warning = { $row } eilutė (įspėjimas): { $message }
import-card-error = { $row } kortelė: { $message }
import-card-warning = { $row } kortelė (įspėjimas): { $message }
import-no-question-column = Pasirink stulpelį, kuriame yra klausimas.
import-field-twice = Dviem stulpeliams pasirinkta { $field }: palik vieną (keliuose stulpeliuose gali būti tik klaidingi variantai).
import-import = Importuoti
import-skip-bad-rows = Importuoti kitas eilutes
import-running-title = Importavimas
import-running = Importuoju { $file }…
import-running-keep-working = Gali dirbti toliau; rinkinys atsiras bibliotekoje, kai bus paruoštas.
import-failed-unexpectedly = Failo { $file } importavimas netikėtai nutrūko; niekas nepakeista. Bandyk dar kartą arba importuok failą iš komandinės eilutės, kad pamatytum priežastį.
import-ids-kept = Iš ankstesnio importo išsaugoti kortelių identifikatoriai (pažanga išsaugota): { $n }.
import-rows-skipped = Dėl problemų praleistos eilutės: { $n }.
import-profile-changed = importuojant buvo atidarytas kitas profilis
