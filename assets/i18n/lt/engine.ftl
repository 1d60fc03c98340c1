# Variklio pranešimai: rinkinio patikros problemos ir patarimai, atsakymų tikrinimo pastabos,
# paveikslėliai ir identifikatoriai. Pavadinimai kabutėse yra paties rinkinio žodžiai, jie
# neverčiami.

## Kortelės laukų pavadinimai (kituose pranešimuose vietoje { $what }).

field-deck-title = rinkinio pavadinimas
field-description = aprašymas
field-source-title = šaltinio pavadinimas
field-note = pastaba
field-region-name = srities pavadinimas
field-front = priekinė pusė
field-back = galinė pusė
field-cloze-text = tekstas su spragomis
field-question = klausimas
field-answer = atsakymas
field-distractor = neteisingas variantas
field-also-correct = dar vienas teisingas variantas
field-statement = teiginys
field-correction = pataisymas
field-prompt = užduotis
field-choice-prompt = klausimas testams ir egzaminams
field-item = elementas
field-pair-left = poros kairė pusė
field-pair-right = poros dešinė pusė

## Rinkinio patikros problemos ir patarimas po kiekvienos.

check-with-related = { $message } (žr. { $line } eilutę, { $column } stulpelį)
check-more-problems = Dar { $errors } { PLURAL($errors) ->
        [one] klaida
        [few] klaidos
       *[other] klaidų
    } ir { $warnings } { PLURAL($warnings) ->
        [one] įspėjimas
        [few] įspėjimai
       *[other] įspėjimų
    } neparodyta (rodomi tik pirmieji { $max })
check-more-problems-hint = ištaisyk parodytas problemas ir patikrink dar kartą
check-empty-text = laukas „{ $what }“ tuščias
check-empty-text-hint = užpildyk lauką „{ $what }“ arba pašalink kortelę
check-too-long-text = laukas „{ $what }“ užima { $size } KiB; riba yra { $limit } KiB
check-too-long-text-hint = sutrumpink jį: kortelės tekstai turėtų tilpti ekrane
check-too-many = šiame sąraše yra daugiau nei { $max } įrašų, daugiau nei gali turėti viena kortelė
check-too-many-hint = padalyk jį į kelias korteles
check-deck-too-large = šio rinkinio kortelės mokantis užimtų apie { $size } MiB atminties; riba yra { $limit } MiB
check-deck-too-large-hint = riba viršijama ties šia kortele: padalyk rinkinį į kelis rinkinius (kiekvienam savo id)
check-bad-deck-id = rinkinio identifikatorius „{ $id }“ netinkamas: { $reason }
check-bad-deck-id-hint = naudok 1–64 simbolius iš a-z, 0-9 ir -, pvz., „pact-and-bases-1939“
check-no-cards = rinkinyje nėra nė vienos kortelės
check-no-cards-hint = į sąrašą `cards` įrašyk bent vieną Card(...)
check-bad-card-id = kortelės identifikatorius „{ $id }“ netinkamas: { $reason }
check-bad-card-id-hint = naudok 1–64 simbolius iš a-z, 0-9 ir -, pvz., „latvia-pact-date“
check-duplicate-id = kortelės identifikatorius „{ $id }“ panaudotas du kartus
check-duplicate-id-hint = kiekvienai kortelei duok savo identifikatorių: pagal jį saugoma pažanga
check-long-note = pastaba ilgesnė nei trys sakiniai
check-long-note-hint = pastabai užtenka vieno ar dviejų sakinių apie kontekstą
check-unknown-source = šaltinio rakto „{ $key }“ nėra rinkinio sąraše `sources`
check-unknown-source-hint-none = aprašyk dokumentą rinkinio sąraše `sources`
check-unknown-source-hint = naudok vieną iš rinkinio šaltinių raktų: { $keys }
check-missing-source = kortelė „{ $id }“ nenurodo savo šaltinio
check-missing-source-hint = pridėk `source: Ref(doc: "key", section: "...")`
check-needs-newer-format = Locate kortelėms reikia rinkinio formato { $needed }; šiame rinkinyje nurodytas formatas { $format }
check-choice-prompt-needs-newer-format = Locate kortelės laukui `choice_prompt` reikia rinkinio formato { $needed }; šiame rinkinyje nurodytas formatas { $format }
check-needs-newer-format-hint = rinkinio pradžioje įrašyk `format: { $needed }` (quizdeck, nežinantis formato { $needed }, tada praneš, kad rinkiniui reikia naujesnės versijos)
check-image-and-picture = Locate kortelė rodo savo žemėlapį `picture`; ji negali turėti ir `image`
check-image-and-picture-hint = pašalink `image`
check-image-absolute = paveikslėlio kelias „{ $path }“ yra absoliutus
check-image-parent = paveikslėlio kelyje „{ $path }“ yra `..`
check-image-path-hint = nurodyk kelią rinkinio aplanko atžvilgiu, pvz., „images/map.png“
check-missing-picture = Locate kortelė nenurodo paveikslėlio
check-missing-picture-hint = nurodyk PNG, ant kurio nubraižytos sritys, pvz., picture: "maps/baltic.png"
check-image-not-png = paveikslėlis „{ $path }“ nėra PNG failas
check-image-not-png-hint = išsaugok paveikslėlį PNG formatu (.png)
check-image-outside = paveikslėlis „{ $path }“ veda už rinkinio aplanko ribų
check-image-outside-hint = nukopijuok paveikslėlį į rinkinio aplanką, užuot į jį nurodęs
check-image-not-file = „{ $path }“ nėra failas
check-image-missing = paveikslėlio „{ $path }“ nėra šalia rinkinio
check-image-missing-hint = įdėk paveikslėlį į rinkinio aplanką arba pataisyk kelią
check-bad-image-hint = išsaugok jį kaip PNG, kurio kraštinė ne didesnė nei { $side } taškų, o dydis – { $mib } MiB
check-region-not-number = srities „{ $name }“ koordinatė nėra skaičius
check-region-not-number-hint = nurodyk x, y ir r paveikslėlio taškais
check-circle-radius = apskritimo „{ $name }“ spindulys yra { $r }; jis turi būti didesnis už 0
check-circle-radius-hint = nurodyk spindulį taškais, pvz., r: 12
check-polygon-few = daugiakampio „{ $name }“ viršūnių skaičius yra { $n }; reikia bent 3
check-polygon-few-hint = išvardyk viršūnes iš eilės: points: [(10, 10), (60, 10), (35, 50)]
check-polygon-many = daugiakampio „{ $name }“ viršūnių skaičius yra { $n }; riba yra { $max }
check-polygon-many-hint = supaprastink kontūrą
check-polygon-corner = daugiakampio „{ $name }“ viršūnė nėra skaičius
check-polygon-corner-hint = nurodyk viršūnes kaip (x, y) paveikslėlio taškais
check-polygon-flat = daugiakampis „{ $name }“ neturi ploto (jo viršūnės yra vienoje tiesėje)
check-polygon-flat-hint = išdėstyk viršūnes aplink vietą
check-region-outside = sritis „{ $name }“ siekia ({ $x0 }; { $y0 })–({ $x1 }; { $y1 }), už { $width }×{ $height } paveikslėlio ribų
check-region-outside-hint = nurodyk koordinates paveikslėlio taškais: x nuo 0 iki pločio, y nuo 0 (viršuje) iki aukščio
check-cloze-unclosed = spraga `{"{{"}` neuždaryta ženklu `{"}}"}`
check-cloze-unclosed-hint = rašyk spragas kaip {"{{"}c1::atsakymas{"}}"}
check-cloze-marker = spragos žymė {"{{"}{ $marker }{"}}"} nėra formos cN::atsakymas
check-cloze-marker-hint = rašyk spragas kaip {"{{"}c1::atsakymas{"}}"} arba {"{{"}c1::atsakymas::užuomina{"}}"}
check-cloze-empty = spraga c{ $n } neturi atsakymo
check-cloze-empty-hint = paslėptą tekstą rašyk po `::`, pvz., {"{{"}c1::Ryga{"}}"}
check-cloze-no-gaps = tekste su spragomis nėra nė vienos spragos
check-cloze-no-gaps-hint = tai, ką reikia paslėpti, pažymėk kaip {"{{"}c1::atsakymas{"}}"}
check-cloze-numbering = spragos sunumeruotos { $gaps }, bet trūksta c{ $missing }
check-cloze-numbering-hint = numeruok spragas c1, c2, c3… be praleidimų
check-no-answer = TypeIn kortelė nepriima nė vieno atsakymo
check-no-answer-hint = išvardyk bent vieną teisingą atsakymą: answers: ["Ryga"]
check-no-distractors = pasirenkamųjų atsakymų kortelė neturi neteisingų variantų
check-no-distractors-hint = pridėk bent vieną neteisingą variantą (geriausia tris)
check-answer-in-distractors = neteisingas variantas „{ $value }“ iš tikrųjų yra teisingas atsakymas
check-answer-in-distractors-hint = pašalink jį arba pakeisk neteisingu variantu
check-missing-correction = klaidingam teiginiui reikia pataisymo
check-missing-correction-hint = pridėk `correction: "..."`, nurodantį, kas iš tikrųjų teisinga
check-order-short = Order kortelei reikia bent 3 elementų, o jų yra { $n }
check-order-short-hint = pridėk elementų arba paversk ją TrueFalse ar MultipleChoice kortele
check-match-short = Match kortelei reikia bent 3 porų, o jų yra { $n }
check-match-short-hint = pridėk porų arba paversk ją TypeIn ar MultipleChoice kortele
check-too-many-regions = kortelės sričių skaičius yra { $n }; riba yra { $max }
check-too-many-regions-hint = padalyk kortelę arba palik tik sritis, kurias mokinys turi atskirti
check-duplicate-region = srities pavadinimas „{ $name }“ panaudotas du kartus
check-duplicate-region-hint = kiekvienai sričiai duok savo pavadinimą
check-duplicate = { $what }: „{ $value }“ kartojasi du kartus
check-duplicate-folded = { $what }: „{ $value }“ yra tas pats kaip „{ $earlier }“, jei nepaisoma diakritinių ženklų ir didžiųjų raidžių
check-duplicate-hint = pašalink pasikartojimą arba jį pakeisk
check-similar-question = šis klausimas toks pat kaip { $card }-osios kortelės
check-similar-question-hint = performuluok vieną iš jų arba pašalink pasikartojančią kortelę

## Kodėl identifikatorius netinkamas.

id-empty = identifikatorius tuščias
id-too-long = identifikatoriaus ilgis yra { $len } simb.; riba yra { $max }
id-bad-char = identifikatoriuje yra „{ $char }“; naudok tik a-z, 0-9 ir -
id-edge-dash = identifikatorius prasideda arba baigiasi „-“

## Kodėl paveikslėlio negalima parodyti ({ $error } yra sistemos žodžiai).

picture-unreadable = nepavyko perskaityti paveikslėlio { $path }: { $error }
picture-too-large = paveikslėlio { $path } dydis yra { $bytes } B; paveikslėlių riba yra 16 MiB
picture-too-big = paveikslėlio { $path } dydis yra { $width }×{ $height } taškų; riba yra { $max } taškų kiekvienai kraštinei
picture-not-png = paveikslėlis { $path } nėra perskaitomas PNG: { $error }

## Atsakymų tikrinimo pastabos po įvestu atsakymu.

answer-accepted-written = įskaityta – rašoma taip: { $answer }
answer-accepted-spelling = įskaityta – atkreipk dėmesį į rašybą: { $words }
answer-accepted-spelling-written = įskaityta – atkreipk dėmesį į rašybą: { $words }; rašoma taip: { $answer }
answer-only-accents = skiriasi tik diakritiniai ženklai; rašoma taip: { $answer }

## Rinkinio failas, kurio nepavyksta perskaityti ({ $error } yra sistemos arba RON skaitytuvo
## žodžiai).

deck-duplicate-id = rinkinio identifikatorių „{ $id }“ naudoja ir { $file }; biblioteka, turinti abu, naudoja tik vieną
deck-bundled-id = rinkinio identifikatorius „{ $id }“ priklauso įdiegtam rinkiniui; importuotas šis failas jį pakeis
library-replaces-bundled = Rinkinys { $id } iš { $file } pakeičia įdiegtą rinkinį su tuo pačiu identifikatoriumi.
library-same-id = Du rinkinių failai turi identifikatorių { $id }: naudojamas { $used }, o { $other } — ne.
library-bundled-newer = Įdiegtas rinkinys { $id } yra naujesnis už kitas kopijas, kurios nenaudojamos.
deck-duplicate-id-hint = kiekvienam rinkiniui duok savo identifikatorių (arba palik vieną iš failų)
deck-file-too-large = failo dydis yra { $size } MiB; rinkinių riba yra { $limit } MiB
deck-split-hint = padalyk rinkinį į kelis failus
deck-unreadable = nepavyko perskaityti failo: { $error }
deck-wrong-type-hint = nurodyk rinkinio failo (*.ron) kelią
deck-check-path-hint = patikrink kelią ir prieigos teises
deck-not-utf8 = failas nėra UTF-8 tekstas
deck-not-utf8-hint = išsaugok failą UTF-8 koduote (daugelyje redaktorių: Įrašyti kaip… → koduotė UTF-8)
deck-utf16-damaged = failas atrodo kaip UTF-16 tekstas, bet yra sugadintas
deck-text-too-large = rinkinys didesnis nei 64 MiB
deck-newer-format = šis rinkinys sukurtas naujesnei quizdeck versijai (formatas { $format }); ši versija skaito formatą { $supported }
deck-newer-format-hint = atnaujink quizdeck, kad atidarytum šį rinkinį
deck-format-zero = formato 0 nėra
deck-format-zero-hint = įrašyk `format: { $format }`
deck-syntax = sintaksės klaida: { $error }
deck-syntax-unknown-field-hint = pašalink lauką arba pataisyk jo pavadinimą
deck-syntax-missing-field-hint = pridėk `{ $field }: …`
deck-syntax-unknown-kind-hint = naudok vieną iš išvardytų kortelių rūšių
deck-syntax-duplicate-field-hint = palik vieną `{ $field }`
deck-syntax-too-deep-hint = įdėjimo gylis ribojamas iki { $max } lygių; rinkiniui tiek niekada nereikia
deck-syntax-string-hint = tekstas rašomas dvigubose kabutėse: "štai taip"; kabutės teksto viduje rašomos \"
deck-syntax-eof-hint = failas baigiasi per anksti: patikrink, ar netrūksta `)` arba `]`
deck-syntax-trailing-hint = pašalink tai, kas eina po rinkinį uždarančio `)`
deck-guide-hint = žr. formato vadovą: `quizdeck help deck-format`
deck-string-unclosed-eof = šis tekstas neuždarytas: failas baigiasi jo viduje
deck-string-unclosed-eof-hint = baik tekstą ženklu `"`
deck-string-unclosed-card = šis tekstas neuždarytas: kortelė baigiasi jo viduje (kita kortelė prasideda { $line } eilutėje)
deck-string-unclosed = šis tekstas neuždarytas: be uždarančio `"` jis tęsiasi iki { $line } eilutės { $column } stulpelio ir praryja tarp jų esančias eilutes
deck-string-unclosed-hint = uždaryk tekstą ženklu `"` ten, kur jis baigiasi; kabutės teksto viduje rašomos \"
deck-unclosed-eof = šis `{ $open }` neuždarytas: failas baigiasi anksčiau
deck-unclosed-card = šis `{ $open }` neuždarytas: kortelė baigiasi anksčiau (kita kortelė prasideda { $line } eilutėje)
deck-unclosed = šis `{ $open }` neuždarytas: `{ $found }` { $line } eilutės { $column } stulpelyje pasirodo, kol jis dar atidarytas
deck-unclosed-hint = pridėk trūkstamą `{ $close }` pabaigoje to, ką jis atidaro
deck-unopened = šis `{ $close }` nieko neuždaro
deck-unopened-hint = pašalink jį arba pridėk `{ $open }`, kurį jis turėtų uždaryti
deck-structural = { $message } (skaitymas sustojo { $line } eilutės { $column } stulpelyje: { $error })
deck-structural-hint = { $hint }; žr. formato vadovą: `quizdeck help deck-format`
deck-folder-unreadable = nepavyksta perskaityti rinkinių aplanko: { $error }
deck-folder-unreadable-hint = patikrink aplanko prieigos teises arba USB atmintinę, kurioje jis yra

## Kaip langas išvardija rinkinio problemas.

diag-error = klaida
diag-warning = įspėjimas
diag-help = patarimas
diag-line = { $file }:{ $line }:{ $column }: { $severity }: { $message }
diag-hint = ({ $hint })

## Locate kortelės sritis tekstu, kurios nepavyksta perskaityti ({ $region } yra eilutė).

region-no-at = srityje „{ $region }“ nėra `@`; rašyk sritį kaip `Pavadinimas @ circle(x, y, r)` arba `Pavadinimas @ polygon(x y, x y, x y)`
region-bad-form = sritis „{ $region }“ nėra formos `Pavadinimas @ circle(x, y, r)` arba `Pavadinimas @ polygon(x y, x y, x y)`
region-not-number = „{ $value }“ srityje „{ $region }“ nėra skaičius
region-circle-args = apskritimui „{ $region }“ reikia x, y ir r; rašyk sritį kaip `Pavadinimas @ circle(x, y, r)`
region-bad-corner = viršūnė „{ $corner }“ srityje „{ $region }“ nėra formos `x y`
region-unknown-shape = nežinoma figūra „{ $shape }“ srityje „{ $region }“; rašyk sritį kaip `Pavadinimas @ circle(x, y, r)` arba `Pavadinimas @ polygon(x y, x y, x y)`

## Failų, profilių, paketų ir egzaminų klaidos ({ $error } ir { $reason } yra sistemos ar
## skaitytuvo žodžiai).

error-io = nepavyko { $action } { $path }: { $error }
error-system = { $error }
action-read = perskaityti
action-write = įrašyti
action-create = sukurti
action-open = atidaryti
action-replace = pakeisti
action-clear = išvalyti
action-copy = nukopijuoti
action-remove = pašalinti
action-list = išvardyti
action-sync = įrašyti į diską
action-lock = užrakinti
action-append = papildyti failo
action-append-journal = papildyti žurnalo
action-copy-damaged-aside = nukopijuoti į šalį sugadinto failo
action-create-temporary = sukurti laikinojo failo
action-create-history-folder = sukurti istorijos aplanko
action-create-profile-folder = sukurti profilio aplanko
action-create-profiles-folder = sukurti profilių aplanko
action-create-progress-folder = sukurti pažangos aplanko
action-create-repaired-journal = sukurti pataisyto žurnalo
action-flush = įrašyti į diską
action-list-history-folder = išvardyti istorijos aplanko turinio
action-list-profiles = išvardyti profilių aplanke
action-move-damaged-aside = perkelti į šalį sugadinto failo
action-move-journal-to-history = perkelti žurnalo į istoriją
action-open-copy = atidaryti kopijos
action-open-folder-sync = atidaryti aplanko įrašymui į diską
action-open-journal = atidaryti žurnalo
action-open-journal-writing = atidaryti žurnalo rašymui
action-open-lock-file = atidaryti užrakto failo
action-read-history-index = perskaityti istorijos rodyklės
action-read-end = perskaityti failo pabaigos
action-read-history = perskaityti istorijos
action-read-profile-folder = perskaityti profilio aplanko
action-read-journal = perskaityti žurnalo
action-read-journal-header = perskaityti žurnalo antraštės
action-read-journal-size = nustatyti žurnalo dydžio
action-remove-merged-history = pašalinti sujungto istorijos failo
action-remove-profile-folder = pašalinti profilio aplanko
action-repair = pataisyti
action-repair-journal-end = pataisyti žurnalo pabaigos
action-replace-history-file = pakeisti istorijos failo
action-replace-damaged-journal = pakeisti sugadinto žurnalo
action-replace-file = pakeisti failo
action-set-journal-aside = atidėti žurnalo momentinei kopijai
action-sync-merged-history = įrašyti į diską sujungto istorijos failo
action-sync-copy = įrašyti į diską kopijos
action-sync-folder = įrašyti į diską aplanko
action-sync-journal = įrašyti į diską žurnalo
action-sync-repaired-journal = įrašyti į diską pataisyto žurnalo
action-sync-temporary = įrašyti į diską laikinojo failo
action-update-journal-header = atnaujinti žurnalo antraštės
action-write-merged-history = įrašyti sujungto istorijos failo
action-write-repaired-journal = įrašyti pataisyto žurnalo
action-write-temporary = įrašyti laikinojo failo
store-locked = profilis aplanke { $path } jau naudojamas ({ $holder }); pirmiausia uždaryk kitą quizdeck langą
store-read-only = profilio pakeitimų aplanke { $path } išsaugoti negalima: jis atidarytas tik skaitymui ({ $reason })
store-cannot-write = į profilį negalima rašyti: { $error }
store-opened-read-only = atidarytas tik skaitymui
store-in-use = naudojamas: { $holder }
store-holder-process = procesas { $pid } nuo { $since }
store-holder-unknown = kitas quizdeck langas
store-newer-format = { $path } įrašytas naujesne quizdeck versija (formatas { $format }); atnaujink quizdeck, kad jį atidarytum
store-no-data-dir = nepavyksta pasirinkti duomenų aplanko: { $reason }
store-data-dir-empty = argumentas --data-dir tuščias
store-data-dir-none = --data-dir nenurodytas, { $env } nenustatytas, nėra nešiojamosios versijos žymės, o sistema neturi naudotojo duomenų aplanko
store-bad-profile-name = „{ $name }“ negali būti profilio vardas: { $reason }
store-name-empty = jis tuščias
store-name-too-long = jis ilgesnis nei { $max } simbolių
store-name-control = jame yra valdymo simbolių
store-profile-exists = profilis vardu „{ $name }“ jau yra
store-no-such-profile = aplanke { $folder } nėra profilio „{ $name }“
store-ambiguous-profile = „{ $name }“ gali reikšti kelis profilius: { $candidates }; nurodyk aplanko pavadinimą
store-bad-bundle = { $path } nėra tinkamas quizdeck pažangos failas: { $reason }
store-sequence-exhausted = į { $path } daugiau įrašyti negalima: įrašų numeriai išnaudoti (pažangos failai buvo pakeisti arba sugadinti)
store-encode = nepavyko užkoduoti { $what } failui { $path }: { $reason }
library-invalid = faile { $file } yra klaidų; jis neimportuotas
library-bundled = rinkinys { $id } įdiegtas su quizdeck, jo pašalinti negalima
library-picture-too-large = paveikslėlio { $file } dydis yra { $size } B; paveikslėlių riba yra { $limit } B
library-pictures-too-large = rinkinio paveikslėliai kartu viršija { $limit } B (ties { $file })
library-older = šiame faile yra rinkinio „{ $title }“ { $importing } versija, o čia jau yra { $have } versija: niekas nepakeista. Norėdami grįžti prie { $importing } versijos, pirmiausia pašalinkite rinkinį (pažanga išsaugoma), tada importuokite failą dar kartą.
package-invalid = faile { $file } yra klaidų
package-refused = { $path } atmestas: { $reason }
package-name-too-long = įrašo pavadinimas „{ $name }…“ per ilgas
package-name-bad-char = įrašo „{ $name }“ pavadinime yra atgalinis brūkšnys, dvitaškis arba NUL
package-name-outside = įrašas „{ $name }“ rodo už paketo ribų („..“)
package-name-absolute = įrašo „{ $name }“ kelias absoliutus
package-name-empty = vieno įrašo pavadinimas tuščias
package-name-too-deep = įrašas „{ $name }“ įdėtas per giliai
package-too-large = jis yra { $size } MiB; paketai gali būti iki { $max } MiB
package-not-zip = tai ne skaitomas .{ $extension } paketas (zip failas): { $error }
package-too-many-entries = jame įrašų: { $n }; pakete gali būti ne daugiau kaip { $max } (rinkinys ir jo paveikslėliai)
package-entry-unreadable = įrašo { $n } neįmanoma perskaityti: { $error }
package-entry-bad-name = įrašo { $n } pavadinimo neįmanoma perskaityti: { $error }
package-entry-link = įrašas „{ $name }“ yra simbolinė nuoroda; pakete gali būti tik failai
package-entry-encrypted = įrašas „{ $name }“ užšifruotas
package-entry-twice = įrašas „{ $name }“ kartojasi du kartus
package-entry-too-large = išpakuotas įrašas „{ $name }“ užimtų { $size } MiB; { $kind ->
        [deck] rinkinių failai
       *[picture] paveikslėliai
    } gali būti iki { $max } MiB
package-entry-bomb = įrašas „{ $name }“ išsiplečia { $ratio } kartų (zip bomba?)
package-unpacked-too-large = išpakuoti jo failai užimtų daugiau nei { $max } MiB
package-no-deck = jo viršutiniame lygyje nėra rinkinio failo (.ron)
package-several-decks = jo viršutiniame lygyje yra rinkinių failų: { $n }; pakete būna vienas rinkinys
package-file-unreadable = „{ $name }“ neįmanoma perskaityti: { $error }
package-file-damaged = „{ $name }“ sugadintas: { $error }
package-file-bomb = išpakuotas „{ $name }“ viršija nurodytą dydį (zip bomba?)
exam-too-large = { $path } dydis yra { $size } B; riba yra { $limit }
exam-invalid = { $path } nėra tinkamas egzamino failas: { $reason }
exam-newer-format = { $path } sukurtas naujesne quizdeck versija (egzamino formatas { $format }; ši versija skaito formatus nuo { $oldest } iki { $newest }): atidaryk jį ta quizdeck versija, kurią naudojo mokytojas
exam-obsolete = { $path } sukurtas ankstyva quizdeck versija (egzamino formatas { $format }), jo negalima nei laikyti, nei vertinti: toks failas parodo visus atsakymus kiekvienam, kas atidaro jį teksto rengyklėje, visiems mokiniams duoda tą pačią užduotį, o ši versija iš jo užduotų kitus klausimus nei ta, kuri jį sukūrė. Sukurk egzaminą iš naujo (programoje „Mokytojas…“ arba `quizdeck exam new`) ir išdalyk naują failą mokiniams
exam-deck-errors = į egzaminą įdėtame rinkinyje { $index } yra klaidų: { $reason }
exam-not-usable = egzaminas netinkamas: { $reason }
exam-bad-result = { $path } nėra tinkamas rezultatų failas: { $reason }
exam-already-finished = { $path } jau pateiktas
exam-other-student = { $path } priklauso mokiniui „{ $name }“; pasirink vardą, pagal kurį tave galima atskirti
exam-no-name = mokinio vardas tuščias
exam-time-up = egzamino laikas baigėsi
exam-in-use = šis egzaminas jau atidarytas kitame lange ({ $path }); pirmiausia uždaryk tą langą
exam-handed-in-here = šis egzaminas šiame kompiuteryje jau pateiktas (kvitas { $receipt })
exam-no-question = egzamine nėra klausimo { $n }
exam-needs-key = vertinimui reikia mokytojo rakto failo (PAVADINIMAS.key.ron), o ne mokinių egzamino failo
exam-no-results = aplanke { $folder } nėra egzamino { $exam } rezultatų failų
exam-bad-id = egzamino identifikatorius netinkamas: { $reason }
exam-no-decks = nepasirinktas nė vienas rinkinys
exam-pool-small = klausimų banke yra tik { $pool }, o reikia { $n }
exam-no-time-limit = egzaminas neturi laiko ribos
exam-save-needs-key = egzamino failus galima sukurti tik iš mokytojo rakto failo
exam-damaged-key = faile esantis raktas sugadintas
exam-internal = { $error }
exam-result-no-header = jis neprasideda rezultatų failo antrašte
exam-result-other-exam = jis priklauso egzaminui „{ $found }“, o ne „{ $exam }“
exam-result-no-start = jis neprasideda egzamino pradžia
exam-result-empty = jame nėra įrašų
import-bad-csv = { $path }: neperskaitomas CSV failas: { $reason }
import-rows = Eilučių su problemomis: { $n }; nieko neįrašyta (kad jas praleistum, naudok --keep-going)
import-invalid = importuotas rinkinys nepraeina patikros
import-refused = { $path } atmestas: { $reason }
import-mapping-twice = laukui { $field } priskirti du stulpeliai; palik vieną
import-mapping-no-question = klausimui nepriskirtas nė vienas stulpelis
import-write = nepavyko įrašyti { $what }: { $reason }
import-what-imported-deck = importuoto rinkinio
import-what-anki-collection = Anki kolekcijos
import-what-package = paketo
import-what-cards = kortelių
import-what-json = JSON
import-what-deck = rinkinio
import-what-mapped-rows = priskirtų eilučių
import-deck-too-large = iš jo sudarytas kortelių rinkinys būtų { $size } MiB failas, daugiau nei leidžiami { $cap } MiB rinkinio failui
import-deck-too-large-hint = padalyk jį į kelis failus ir importuok kiekvieną kaip atskirą rinkinį

## Skaičiuoklės, Quizlet teksto ar GIFT failo eilutės, iš kurių nesudaroma kortelė.

import-column-repeated = { $n } stulpelis ({ $name }) kartoja tos pačios reikšmės { $first } stulpelį; palik vieną iš jų
import-quote-unclosed = čia prasideda kabutėse esantis langelis, kuris niekur neuždaromas: visa likusi failo dalis būtų perskaityta kaip vienas langelis; pridėk uždarančią `"`
import-no-question-column = antraštės eilutėje nėra stulpelio `question` ar `front`
import-unknown-column = stulpelis { $name } nežinomas ir buvo praleistas
import-more-unknown-columns = { PLURAL($n) ->
        [one] dar { $n } nežinomas stulpelis praleistas
        [few] dar { $n } nežinomi stulpeliai praleisti
       *[other] dar { $n } nežinomų stulpelių praleista
    } (įvardyti tik pirmieji { $shown })
import-more-bad-rows = { PLURAL($n) ->
        [one] dar { $n } eilutė nuo čia nesudaro kortelės
        [few] dar { $n } eilutės nuo čia nesudaro kortelių
       *[other] dar { $n } eilučių nuo čia nesudaro kortelių
    } (parodytos tik pirmosios { $shown })
import-problem-with-hint = { $message } ({ $hint })
import-csv-reader = { $error }
import-csv-utf8 = eilutė { $line }: ne UTF-8 tekstas
import-csv-unequal = eilutė { $line }: langelių { $len }, o ankstesnėse eilutėse – { $expected }
import-sheet-too-large = failas yra { $size } MiB; skaičiuoklės gali būti iki { $cap } MiB (padalyk jį į kelis rinkinius)
import-not-utf8 = tai ne UTF-8 tekstas ({ $byte } baitas): tikriausiai įrašytas senąja koduote, pvz., Windows-1252; įrašyk skaičiuoklę kaip „CSV UTF-8“
import-utf16-odd = failas atrodo kaip UTF-16 tekstas, bet jame nelyginis baitų skaičius
import-utf16-damaged = failas atrodo kaip UTF-16 tekstas, bet yra sugadintas; įrašyk skaičiuoklę kaip „CSV UTF-8“
import-bad-truth = eilutei „tiesa ar netiesa“ atsakymo stulpelyje reikia `true` arba `false`, o ne { $value }
import-bad-pair = poroje { $pair } nėra `=`; rašyk poras kaip `kairė = dešinė | kairė = dešinė`
import-unknown-kind = nežinoma rūšis { $kind }; naudok basic, basic-reverse, cloze, typein, multiple-choice, true-false, order, match arba locate
quizlet-empty-side = terminas arba apibrėžimas tuščias
quizlet-no-separator = tarp termino ir apibrėžimo nėra skyriklio ({ $separator }) tekste { $text }
quizlet-sep-tab = tabuliacijos ženklas
quizlet-sep-newline = nauja eilutė
gift-description = aprašymo (be atsakymo tarp {"{"} {"}"}) quizdeck negali parodyti
gift-answer-unclosed = atsakymo {"{"} niekur neuždarytas ženklu {"}"}
gift-empty-question = klausimo tekstas tuščias
gift-essay = rašinio klausimo (be tikrinamo atsakymo) quizdeck negali parodyti
gift-numerical = skaitinių klausimų quizdeck negali parodyti
gift-answer-marks = atsakymai turi prasidėti ženklu = arba ~
gift-no-right-answer = nėra teisingo atsakymo (=)
gift-choice-needs-right = klausimui su pasirinkimais reikia vieno teisingo atsakymo (=)

## Ką Anki importas perkėlė ir ką praleido.

anki-report-read = Perskaityta pastabų: { $notes }, sudaryta kortelių: { $cards }, paveikslėlių: { $pictures }, kartojimų žurnalo atsakymų: { $reviews }
anki-report-notes-left-out = Praleista pastabų: { $n }
anki-report-pictures-converted = JPEG ar GIF paveikslėlių paversta PNG: { $n }
anki-report-sounds-dropped = Praleista garsų (quizdeck kortelės neturi garso): { $n }
anki-report-pictures-left-out = Praleista paveikslėlių: { $n }
anki-report-reviews-left-out = Praleista kartojimų žurnalo atsakymų (perplanuotų rankiniu būdu arba neimportuotų kortelių): { $n }
anki-report-more = … ir dar { $n }
anki-note-too-long = užrašas { $note }: { $size } KiB teksto, daugiau nei telpa kortelėje
anki-note-no-type = užrašas { $note }: jo užrašo tipo kolekcijoje nėra
anki-note-no-gap = užrašas { $note } ({ $type }): užpildomo teksto užrašas be spragos {"{{"}c1::…{"}}"}
anki-note-few-fields = užrašas { $note } ({ $type }): užrašo tipas turi mažiau nei du laukus
anki-note-empty = užrašas { $note } ({ $type }): klausimas arba atsakymas tuščias
anki-picture-left-out = { $file }: { $reason }
anki-picture-missing = jo nėra pakete
anki-picture-too-big = { $width }×{ $height } taškų, per didelis konvertuoti (ne daugiau kaip { $max } kiekviena kryptimi)
anki-picture-not-converted = nepavyko konvertuoti į PNG: { $reason }
anki-picture-not-png = { $format ->
        [webp] WebP
        [svg] SVG
       *[other] nežinomas formatas
    }; quizdeck rodo PNG paveikslėlius (išsaugok paveikslėlį kaip PNG ir pridėk jį prie rinkinio)
anki-pictures-too-large = rinkinio paveikslėliai kartu per dideli

## Kodėl Anki paketas atmestas ({ $error } – skaitytuvo žodžiai; { $kind } – SQLite
## pavadinimas to, ką ji rado).

anki-too-large = jis yra { $size } MiB; Anki paketai skaitomi iki { $max } MiB
anki-not-zip = tai ne Anki paketas (zip failas): { $error }
anki-too-many-entries = jame įrašų: { $n }; skaitoma ne daugiau kaip { $max }
anki-no-collection = jame nėra Anki kolekcijos (collection.anki2, .anki21 ar .anki21b)
anki-newer = jį įrašė naujesnė Anki versija (paketo versija { $version }); eksportuok jį dar kartą pažymėjęs „Support older Anki versions“
anki-media-unreadable = jo medijos sąrašas sugadintas arba jame per daug failų
anki-media-damaged = jo medijos sąrašas sugadintas: { $error }
anki-media-too-many = jo medijos sąraše per daug failų
anki-entry-unreadable = „{ $name }“ neįmanoma perskaityti: { $error }
anki-entry-encrypted = „{ $name }“ užšifruotas
anki-entry-damaged = „{ $name }“ sugadintas: { $error }
anki-entry-too-large = „{ $name }“ išpakuotas viršija { $size } KiB, daugiau nei jame gali būti
anki-collection-damaged = kolekcija sugadinta: { $error }
anki-bomb = kolekcija iš { $packed } KiB suspaustų duomenų išsiplečia daugiau nei iki { $size } MiB (zip ar zstd bomba?)
anki-too-slow = kolekcijos skaitymas užtruko per ilgai (sugadintas ar kenkėjiškas failas?)
anki-not-anki-collection = kolekcija ne tokia, kokią rašo Anki: { $error }
anki-not-sqlite = kolekcija nėra SQLite duomenų bazė
anki-not-a-table = kolekcijos „{ $name }“ yra { $kind }, o ne lentelė
anki-no-table = kolekcijoje nėra lentelės „{ $name }“: tai ne Anki kolekcija
anki-old-shape = collection.anki21b laiko senojo pavidalo kolekciją
anki-too-many-note-types = kolekcijoje daugiau nei { $max } užrašų tipų
anki-json-too-large = kolekcijos užrašų tipai arba rinkiniai per dideli
anki-note-types-damaged = kolekcijos užrašų tipai sugadinti: { $error }
anki-decks-damaged = kolekcijos rinkiniai sugadinti: { $error }
anki-too-many-notes = kolekcijoje daugiau nei { $max } užrašų; rinkinyje jų būna mažiau (eksportuok iš Anki po vieną rinkinį)
anki-too-many-cards = kolekcijoje per daug kortelių
anki-too-many-reviews = kartojimų žurnale daugiau nei { $max } atsakymų
anki-no-card-made = nė vieno jo užrašo nepavyko paversti kortele (pirmasis: { $first })
anki-no-notes = jame nėra užrašų

session-bad-settings = tvarkaraščio nustatymai netinkami: { $reason }
session-not-saved = atsakymo išsaugoti nepavyko: { $error }
deck-invalid = Klaidų faile { $file }: { $n }
edit-unreadable = rinkinio negalima atidaryti rengyklėje:
    { $problems }
edit-unreadable-heading = rinkinio negalima atidaryti rengyklėje:
edit-read = nepavyko perskaityti { $path }: { $reason }
edit-save = nepavyko išsaugoti rinkinio: { $error }

## What was found where a file was expected.

file-kind-folder = aplankas
file-kind-fifo = įvardytasis kanalas (FIFO)
file-kind-device = įrenginys
file-kind-socket = lizdas
file-kind-other = ne įprastas failas

## Tvarkaraščio nustatymai ir kartojimų žurnalai.

schedule-invalid-setting = netinkamas tvarkaraščio nustatymas `{ $setting }`: { $reason }
schedule-outside = { $value } nepatenka į intervalą { $min }–{ $max }
schedule-too-many-steps = žingsnių skaičius yra { $n }; leidžiama ne daugiau kaip 32
schedule-bad-step = žingsnis { $secs } s; kiekvienas žingsnis turi būti ne trumpesnis nei 1 s ir ne ilgesnis už didžiausią intervalą
schedule-bad-hour = { $hour } nėra valanda nuo 0 iki 23
schedule-learn-ahead = { $secs } s yra daugiau nei para
schedule-bad-parameters = netinkami FSRS parametrai: { $reason }
schedule-unknown-item = klausimo { $item } nėra mokymosi eilėje
schedule-model = FSRS modelio klaida: { $reason }
schedule-revlog-io = nepavyksta perskaityti kartojimų žurnalo { $path }: { $error }
schedule-revlog-line = kartojimų žurnalo { $line } eilutė: { $reason }
schedule-parameter-count = reikšmių: { $n }; tikėtasi 0, 17, 19 arba 21
schedule-parameter-values = tikėtasi 0, 17, 19 arba 21 baigtinių skaičių, gauta { $n } ({ $error })

## Testai.

quiz-no-kinds = nepasirinkta nė viena klausimų forma
quiz-no-questions = teste turi būti bent vienas klausimas
quiz-nothing-to-ask = nė vienos šių rinkinių kortelės negalima paklausti pasirinktomis klausimų formomis
quiz-maps-without-question = nė vienos šių rinkinių kortelės negalima paklausti pasirinktomis klausimų formomis: vietos nurodymo klausimas testuose klausiamas tik su klausimu testams, `choice_prompt`, kurį galima įrašyti rinkinio redaktoriuje

## Ką RON skaitytuvas rado negerai rinkinio ar egzamino faile (`{ $name }`, `{ $field }`,
## `{ $found }`, `{ $outer }` ir `{ $expected }` – failo ar formato žodžiai; { $error } –
## paties skaitytuvo tekstas anglų kalba retai klaidai).

syntax-at = eilutė { $line }, stulpelis { $column }: { $error }
syntax-eof = failas baigiasi per anksti
syntax-expected-open = tikėtasi atidarančio `{ $char }`
syntax-expected-close = tikėtasi uždarančio `{ $char }`
syntax-expected-comma = tikėtasi kablelio
syntax-expected-colon = tikėtasi dvitaškio
syntax-expected-value = tikėtasi { $kind ->
        [boolean] true arba false
        [integer] sveikojo skaičiaus
        [float] skaičiaus
        [string] teksto kabutėse
        [char] simbolio viengubose kabutėse
        [identifier] pavadinimo
        [unit] `()`
        [option] Some(…) arba None
       *[other] reikšmės
    }
syntax-string-end = tekstas kabutėse neuždarytas
syntax-expected-struct = tikėtasi `{ $name }(`
syntax-different-struct = tikėtasi `{ $expected }`, bet rasta `{ $found }`
syntax-integer-out-of-bounds = skaičius per didelis
syntax-invalid-digit = „{ $digit }“ nėra { $base }-ainės sistemos skaitmuo
syntax-underscore = skaičiuje pabraukimo brūkšnys ne vietoje
syntax-unexpected-char = netikėtas simbolis „{ $char }“
syntax-unclosed-comment = komentaras /* … */ niekur neuždarytas
syntax-trailing = po failo turinio pabaigos dar kažkas yra
syntax-utf8 = tekstas nėra tinkamas UTF-8
syntax-invalid-value = netinkamos rūšies reikšmė: tikėtasi { $expected }, rasta { $found }
syntax-wrong-length = tikėtasi { $expected }, rasta elementų: { $n }
syntax-unknown-variant = nežinoma rūšis `{ $found }`; tikėtasi vienos iš: { $expected }
syntax-unknown-variant-in = nežinoma rūšis `{ $found }` vietoje `{ $outer }`; tikėtasi vienos iš: { $expected }
syntax-unknown-field = nežinomas laukas `{ $found }`; tikėtasi vieno iš: { $expected }
syntax-unknown-field-in = nežinomas laukas `{ $found }` vietoje `{ $outer }`; tikėtasi vieno iš: { $expected }
syntax-missing-field = trūksta lauko `{ $field }`
syntax-missing-field-in = vietoje `{ $outer }` trūksta lauko `{ $field }`
syntax-duplicate-field = laukas `{ $field }` nurodytas du kartus
syntax-duplicate-field-in = laukas `{ $field }` vietoje `{ $outer }` nurodytas du kartus
syntax-or = { $rest } arba { $last }
syntax-or-two = { $first } arba { $last }
syntax-too-deep = skliaustai įdėti vienas į kitą per giliai
syntax-other = { $error }

## Kodėl išsaugotos pažangos ar nustatymų failas atidėtas (taisymo pranešime).

store-damage-no-header = jame nėra antraštės eilutės
store-damage-header = jo antraštės neįmanoma perskaityti
store-damage-not-snapshot = tai ne quizdeck pažangos failas
store-damage-version = jo formato versijos neįmanoma perskaityti
store-damage-newer = jo antraštėje nurodytas formatas { $format }, naujesnis, nei skaito ši quizdeck versija (formatas { $supported }): jį įrašė naujesnė quizdeck versija arba antraštė sugadinta
store-damage-length = jis sutrumpintas arba papildytas
store-damage-checksum = jo kontrolinė suma nesutampa
store-damage-summary = jo suvestinės eilutės neįmanoma perskaityti
store-damage-recent = jame esančio neseno atsakymo neįmanoma perskaityti
store-damage-item-line = jame esančio klausimo eilutės neįmanoma perskaityti
store-damage-item-state = jame esančio klausimo būsena netinkama
store-damage-count = jame kitas klausimų skaičius, nei jis nurodo
store-damage-too-large = jis yra { $size } baitų, per didelis
store-settings-not-text = tai ne tekstas
