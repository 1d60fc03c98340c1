# Mootori teated: paki kontrolli probleemid ja vihjed, vastuse kontrolli märkused, pildid ja
# tunnused. Jutumärkides nimed on paki enda sõnad, neid ei tõlgita.

## Kaardi väljade nimed (teistes teadetes kohal { $what }).

field-deck-title = paki pealkiri
field-description = kirjeldus
field-source-title = allika pealkiri
field-note = märkus
field-region-name = ala nimi
field-front = esikülg
field-back = tagakülg
field-cloze-text = lünktekst
field-question = küsimus
field-answer = vastus
field-distractor = vale valik
field-also-correct = teine õige valik
field-statement = väide
field-correction = parandus
field-prompt = ülesanne
field-choice-prompt = küsimus harjutustestide ja eksamite jaoks
field-item = element
field-pair-left = paari vasak pool
field-pair-right = paari parem pool

## Paki kontrolli probleemid ja igaühe järel vihje.

check-with-related = { $message } (vt rida { $line }, veerg { $column })
check-more-problems = Veel { $errors } { $errors ->
        [one] viga
       *[other] viga
    } ja { $warnings } { $warnings ->
        [one] hoiatus
       *[other] hoiatust
    } pole näidatud (näidatakse ainult esimesed { $max })
check-more-problems-hint = paranda näidatud probleemid ja kontrolli uuesti
check-empty-text = väli „{ $what }“ on tühi
check-empty-text-hint = täida väli „{ $what }“ või eemalda kaart
check-too-long-text = väli „{ $what }“ on { $size } KiB pikk; piir on { $limit } KiB
check-too-long-text-hint = lühenda seda: kaardi tekstid peaksid mahtuma ekraanile
check-too-many = selles loendis on üle { $max } kirje, rohkem kui üks kaart tohib sisaldada
check-too-many-hint = jaga see mitme kaardi vahel
check-deck-too-large = selle paki kaardid võtaksid õppimisel umbes { $size } MiB mälu; piir on { $limit } MiB
check-deck-too-large-hint = piir ületatakse selle kaardi juures: jaga pakk mitmeks pakiks (igaühel oma id)
check-bad-deck-id = paki tunnus „{ $id }“ ei sobi: { $reason }
check-bad-deck-id-hint = kasuta 1–64 märki a-z, 0-9 ja -, nt „pact-and-bases-1939“
check-no-cards = pakis pole ühtki kaarti
check-no-cards-hint = lisa loendisse `cards` vähemalt üks Card(...)
check-bad-card-id = kaardi tunnus „{ $id }“ ei sobi: { $reason }
check-bad-card-id-hint = kasuta 1–64 märki a-z, 0-9 ja -, nt „latvia-pact-date“
check-duplicate-id = kaardi tunnust „{ $id }“ on kasutatud kaks korda
check-duplicate-id-hint = anna igale kaardile oma tunnus: edusammud salvestatakse selle alla
check-long-note = märkus on pikem kui kolm lauset
check-long-note-hint = piirdu märkuses ühe-kahe lausega taustast
check-unknown-source = allika võtit „{ $key }“ pole paki loendis `sources`
check-unknown-source-hint-none = kirjelda dokument paki loendis `sources`
check-unknown-source-hint = kasuta mõnda paki allikavõtit: { $keys }
check-missing-source = kaart „{ $id }“ ei nimeta oma allikat
check-missing-source-hint = lisa `source: Ref(doc: "key", section: "...")`
check-needs-newer-format = Locate-kaardid vajavad paki vormingut { $needed }; selles pakis on vorming { $format }
check-choice-prompt-needs-newer-format = Locate-kaardi väli `choice_prompt` vajab paki vormingut { $needed }; selles pakis on vorming { $format }
check-needs-newer-format-hint = kirjuta paki algusesse `format: { $needed }` (quizdeck, mis vormingut { $needed } ei tunne, ütleb siis, et pakk vajab uuemat versiooni)
check-image-and-picture = Locate-kaart näitab oma kaarti `picture`; sel ei saa olla ka välja `image`
check-image-and-picture-hint = eemalda `image`
check-image-absolute = pildi tee „{ $path }“ on absoluutne
check-image-parent = pildi tee „{ $path }“ sisaldab osa `..`
check-image-path-hint = anna tee paki kausta suhtes, nt „images/map.png“
check-missing-picture = Locate-kaart ei nimeta ühtki pilti
check-missing-picture-hint = anna PNG, millele alad on joonistatud, nt picture: "maps/baltic.png"
check-image-not-png = pilt „{ $path }“ pole PNG-fail
check-image-not-png-hint = salvesta pilt PNG-vormingus (.png)
check-image-outside = pilt „{ $path }“ viib paki kaustast välja
check-image-outside-hint = kopeeri pilt paki kausta, selle asemel et sellele viidata
check-image-not-file = „{ $path }“ pole fail
check-image-missing = pilti „{ $path }“ pole paki kõrval
check-image-missing-hint = pane pilt paki kausta või paranda tee
check-bad-image-hint = salvesta see PNG-na, mille külg on kuni { $side } pikslit ja suurus kuni { $mib } MiB
check-region-not-number = ala „{ $name }“ koordinaat pole arv
check-region-not-number-hint = anna x, y ja r pildi pikslites
check-circle-radius = ringi „{ $name }“ raadius on { $r }; see peab olema suurem kui 0
check-circle-radius-hint = anna raadius pikslites, nt r: 12
check-polygon-few = hulknurgal „{ $name }“ on { $n } { $n ->
        [one] tipp
       *[other] tippu
    }; vaja on vähemalt 3
check-polygon-few-hint = loetle tipud järjest: points: [(10, 10), (60, 10), (35, 50)]
check-polygon-many = hulknurgal „{ $name }“ on { $n } tippu; piir on { $max }
check-polygon-many-hint = lihtsusta piirjoont
check-polygon-corner = hulknurga „{ $name }“ tipp pole arv
check-polygon-corner-hint = anna tipud kujul (x, y) pildi pikslites
check-polygon-flat = hulknurgal „{ $name }“ pole pindala (selle tipud on ühel sirgel)
check-polygon-flat-hint = paiguta tipud koha ümber
check-region-outside = ala „{ $name }“ ulatub punktideni ({ $x0 }; { $y0 })–({ $x1 }; { $y1 }), väljapoole pilti { $width }×{ $height }
check-region-outside-hint = anna koordinaadid pildi pikslites: x 0-st pildi laiuseni, y 0-st (ülevalt) pildi kõrguseni
check-cloze-unclosed = lünka `{"{{"}` ei suleta märgiga `{"}}"}`
check-cloze-unclosed-hint = kirjuta lüngad kujul {"{{"}c1::vastus{"}}"}
check-cloze-marker = lünga märge {"{{"}{ $marker }{"}}"} pole kujul cN::vastus
check-cloze-marker-hint = kirjuta lüngad kujul {"{{"}c1::vastus{"}}"} või {"{{"}c1::vastus::vihje{"}}"}
check-cloze-empty = lüngal c{ $n } pole vastust
check-cloze-empty-hint = kirjuta peidetud tekst pärast `::`, nt {"{{"}c1::Riia{"}}"}
check-cloze-no-gaps = lünktekstis pole ühtki lünka
check-cloze-no-gaps-hint = märgi peidetav kujul {"{{"}c1::vastus{"}}"}
check-cloze-numbering = lüngad on nummerdatud { $gaps }, kuid c{ $missing } puudub
check-cloze-numbering-hint = nummerda lüngad c1, c2, c3… ilma vahedeta
check-no-answer = TypeIn-kaart ei võta vastu ühtki vastust
check-no-answer-hint = loetle vähemalt üks õige vastus: answers: ["Riia"]
check-no-distractors = valikvastustega kaardil pole valesid valikuid
check-no-distractors-hint = lisa vähemalt üks vale valik (kõige parem kolm)
check-answer-in-distractors = vale valik „{ $value }“ on tegelikult õige vastus
check-answer-in-distractors-hint = eemalda see või asenda vale valikuga
check-missing-correction = väär väide vajab parandust
check-missing-correction-hint = lisa `correction: "..."`, mis ütleb, mis on tegelikult õige
check-order-short = Order-kaart vajab vähemalt 3 elementi, sellel on { $n }
check-order-short-hint = lisa elemente või tee sellest TrueFalse- või MultipleChoice-kaart
check-match-short = Match-kaart vajab vähemalt 3 paari, sellel on { $n }
check-match-short-hint = lisa paare või tee sellest TypeIn- või MultipleChoice-kaart
check-too-many-regions = kaardil on { $n } ala; piir on { $max }
check-too-many-regions-hint = jaga kaart kaheks või jäta alles alad, mida õpilane peab eristama
check-duplicate-region = ala nime „{ $name }“ on kasutatud kaks korda
check-duplicate-region-hint = anna igale alale oma nimi
check-duplicate = { $what }: „{ $value }“ esineb kaks korda
check-duplicate-folded = { $what }: „{ $value }“ on sama mis „{ $earlier }“, kui diakriitikat ja suurtähti mitte arvestada
check-duplicate-hint = eemalda kordus või muuda seda
check-similar-question = see küsimus on sama mis kaardil { $card }
check-similar-question-hint = sõnasta üks neist ümber või eemalda topeltkaart

## Miks tunnus ei sobi.

id-empty = tunnus on tühi
id-too-long = tunnus on { $len } märki pikk; piir on { $max }
id-bad-char = tunnuses on „{ $char }“; kasuta ainult märke a-z, 0-9 ja -
id-edge-dash = tunnus algab või lõpeb märgiga „-“

## Miks pilti ei saa näidata ({ $error } on süsteemi enda sõnad).

picture-unreadable = pilti { $path } ei õnnestunud lugeda: { $error }
picture-too-large = pilt { $path } on { $bytes } baiti; piltide piir on 16 MiB
picture-too-big = pilt { $path } on { $width }×{ $height } pikslit; piir on { $max } pikslit kummalgi küljel
picture-not-png = pilt { $path } pole loetav PNG: { $error }

## Vastuse kontrolli märkused sisestatud vastuse all.

answer-accepted-written = arvestatud — õige kirjapilt: { $answer }
answer-accepted-spelling = arvestatud — pane tähele kirjapilti: { $words }
answer-accepted-spelling-written = arvestatud — pane tähele kirjapilti: { $words }; õigesti: { $answer }
answer-only-accents = erinevad ainult diakriitilised märgid; õige kirjapilt: { $answer }

## Pakifail, mida ei saa lugeda ({ $error } on süsteemi või RON-i lugeja sõnad).

deck-duplicate-id = paki tunnust „{ $id }“ kasutab ka { $file }; kogu, kus on mõlemad, kasutab ainult üht
deck-bundled-id = paki tunnus „{ $id }“ kuulub quizdeckiga kaasas olevale pakile; pärast importi asendab see fail selle
library-replaces-bundled = Pakk { $id } failist { $file } asendab sama tunnusega kaasasoleva paki.
library-same-id = Kahel pakifailil on tunnus { $id }: kasutatakse faili { $used }, faili { $other } mitte.
library-bundled-newer = Kaasasolev pakk { $id } on uuem kui teised koopiad, mida ei kasutata.
deck-duplicate-id-hint = anna igale pakile oma tunnus (või jäta alles üks failidest)
deck-file-too-large = fail on { $size } MiB; pakkide piir on { $limit } MiB
deck-split-hint = jaga pakk mitmeks failiks
deck-unreadable = faili ei õnnestunud lugeda: { $error }
deck-wrong-type-hint = anna pakifaili (*.ron) tee
deck-check-path-hint = kontrolli teed ja õigusi
deck-not-utf8 = fail pole UTF-8 tekst
deck-not-utf8-hint = salvesta fail UTF-8-na (enamikus redaktorites: Salvesta nimega… → kodeering UTF-8)
deck-utf16-damaged = fail näib olevat UTF-16 tekst, kuid on vigane
deck-text-too-large = pakk on suurem kui 64 MiB
deck-newer-format = see pakk on tehtud quizdecki uuemale versioonile (vorming { $format }); see versioon loeb vormingut { $supported }
deck-newer-format-hint = uuenda quizdecki, et see pakk avada
deck-format-zero = vormingut 0 pole olemas
deck-format-zero-hint = kirjuta `format: { $format }`
deck-syntax = süntaksiviga: { $error }
deck-syntax-unknown-field-hint = eemalda väli või paranda selle nimi
deck-syntax-missing-field-hint = lisa `{ $field }: …`
deck-syntax-unknown-kind-hint = kasuta mõnda loetletud kaardiliiki
deck-syntax-duplicate-field-hint = jäta alles üks `{ $field }`
deck-syntax-too-deep-hint = pesastamine on piiratud { $max } tasemega; pakk ei vaja neid kunagi nii palju
deck-syntax-string-hint = tekst käib jutumärkidesse: "nii"; jutumärk teksti sees kirjutatakse \"
deck-syntax-eof-hint = fail lõpeb liiga vara: kontrolli, kas `)` või `]` on puudu
deck-syntax-trailing-hint = eemalda see, mis tuleb pärast paki lõpetavat `)`
deck-guide-hint = vt vormingu juhendit: `quizdeck help deck-format`
deck-string-unclosed-eof = see tekst pole suletud: fail lõpeb selle sees
deck-string-unclosed-eof-hint = lõpeta tekst märgiga `"`
deck-string-unclosed-card = see tekst pole suletud: kaart lõpeb selle sees (järgmine kaart algab real { $line })
deck-string-unclosed = see tekst pole suletud: ilma lõpetava `"` märgita kestab see rea { $line } veeruni { $column } ja neelab vahepealsed read
deck-string-unclosed-hint = sulge tekst märgiga `"` seal, kus see lõpeb; jutumärk teksti sees kirjutatakse \"
deck-unclosed-eof = see `{ $open }` pole suletud: fail lõpeb enne
deck-unclosed-card = see `{ $open }` pole suletud: kaart lõpeb enne (järgmine kaart algab real { $line })
deck-unclosed = see `{ $open }` pole suletud: `{ $found }` real { $line }, veerus { $column } tuleb siis, kui see on veel avatud
deck-unclosed-hint = lisa puuduv `{ $close }` selle lõppu, mida see avab
deck-unopened = see `{ $close }` ei sulge midagi
deck-unopened-hint = eemalda see või lisa `{ $open }`, mida see peaks sulgema
deck-structural = { $message } (lugemine peatus real { $line }, veerus { $column }: { $error })
deck-structural-hint = { $hint }; vt vormingu juhendit: `quizdeck help deck-format`
deck-folder-unreadable = pakkide kausta ei saa lugeda: { $error }
deck-folder-unreadable-hint = kontrolli kausta õigusi või USB-mälupulka, millel see on

## Kuidas aken paki probleeme loetleb.

diag-error = viga
diag-warning = hoiatus
diag-help = vihje
diag-line = { $file }:{ $line }:{ $column }: { $severity }: { $message }
diag-hint = ({ $hint })

## Locate-kaardi ala tekstina, mida ei saa lugeda ({ $region } on rida).

region-no-at = alas „{ $region }“ pole märki `@`; kirjuta ala kujul `Nimi @ circle(x, y, r)` või `Nimi @ polygon(x y, x y, x y)`
region-bad-form = ala „{ $region }“ pole kujul `Nimi @ circle(x, y, r)` ega `Nimi @ polygon(x y, x y, x y)`
region-not-number = „{ $value }“ alas „{ $region }“ pole arv
region-circle-args = ring „{ $region }“ vajab väärtusi x, y ja r; kirjuta ala kujul `Nimi @ circle(x, y, r)`
region-bad-corner = nurk „{ $corner }“ alas „{ $region }“ pole kujul `x y`
region-unknown-shape = tundmatu kujund „{ $shape }“ alas „{ $region }“; kirjuta ala kujul `Nimi @ circle(x, y, r)` või `Nimi @ polygon(x y, x y, x y)`

## Failide, profiilide, pakettide ja eksamite vead ({ $error } ja { $reason } on süsteemi
## või lugeja enda sõnad).

error-io = ei õnnestunud { $action } { $path }: { $error }
error-system = { $error }
action-read = lugeda
action-write = kirjutada
action-create = luua
action-open = avada
action-replace = asendada
action-clear = tühjendada
action-copy = kopeerida
action-remove = eemaldada
action-list = loetleda
action-sync = kettale salvestada
action-lock = lukustada
action-append = lisada faili lõppu
action-append-journal = lisada žurnaali
action-copy-damaged-aside = kõrvale kopeerida vigast faili
action-create-temporary = luua ajutist faili
action-create-history-folder = luua ajaloo kausta
action-create-profile-folder = luua profiili kausta
action-create-profiles-folder = luua profiilide kausta
action-create-progress-folder = luua edusammude kausta
action-create-repaired-journal = luua parandatud žurnaali
action-flush = kettale salvestada
action-list-history-folder = loetleda ajaloo kausta sisu
action-list-profiles = loetleda profiile kaustas
action-move-damaged-aside = kõrvale tõsta vigast faili
action-move-journal-to-history = tõsta žurnaali ajalukku
action-open-copy = avada koopiat
action-open-folder-sync = avada kausta kettale salvestamiseks
action-open-journal = avada žurnaali
action-open-journal-writing = avada žurnaali kirjutamiseks
action-open-lock-file = avada lukufaili
action-read-history-index = lugeda ajaloo registrit
action-read-end = lugeda faili lõppu
action-read-history = lugeda ajalugu
action-read-profile-folder = lugeda profiili kausta
action-read-journal = lugeda žurnaali
action-read-journal-header = lugeda žurnaali päist
action-read-journal-size = lugeda žurnaali suurust
action-remove-merged-history = eemaldada ühendatud ajaloofaili
action-remove-profile-folder = eemaldada profiili kausta
action-repair = parandada
action-repair-journal-end = parandada žurnaali lõppu
action-replace-history-file = asendada ajaloofaili
action-replace-damaged-journal = asendada vigast žurnaali
action-replace-file = asendada faili
action-set-journal-aside = tõsta žurnaali kõrvale hetktõmmise jaoks
action-sync-merged-history = salvestada kettale ühendatud ajaloofaili
action-sync-copy = salvestada kettale koopiat
action-sync-folder = salvestada kettale kausta
action-sync-journal = salvestada kettale žurnaali
action-sync-repaired-journal = salvestada kettale parandatud žurnaali
action-sync-temporary = salvestada kettale ajutist faili
action-update-journal-header = uuendada žurnaali päist
action-write-merged-history = kirjutada ühendatud ajaloofaili
action-write-repaired-journal = kirjutada parandatud žurnaali
action-write-temporary = kirjutada ajutist faili
store-locked = profiil kaustas { $path } on kasutusel ({ $holder }); sulge enne teine quizdecki aken
store-read-only = profiili muudatusi kaustas { $path } ei saa salvestada: see on avatud ainult lugemiseks ({ $reason })
store-cannot-write = profiili ei saa kirjutada: { $error }
store-opened-read-only = avatud ainult lugemiseks
store-in-use = kasutusel: { $holder }
store-holder-process = protsess { $pid } alates { $since }
store-holder-unknown = teine quizdecki aken
store-newer-format = { $path } on kirjutatud quizdecki uuema versiooniga (vorming { $format }); uuenda quizdecki, et seda avada
store-no-data-dir = andmekausta ei saa valida: { $reason }
store-data-dir-empty = argument --data-dir on tühi
store-data-dir-none = --data-dir pole antud, { $env } pole määratud, kaasaskantava versiooni märget pole ja süsteemil pole kasutaja andmekausta
store-bad-profile-name = „{ $name }“ ei sobi profiili nimeks: { $reason }
store-name-empty = see on tühi
store-name-too-long = see on pikem kui { $max } märki
store-name-control = selles on juhtmärke
store-profile-exists = profiil nimega „{ $name }“ on juba olemas
store-no-such-profile = kaustas { $folder } pole profiili „{ $name }“
store-ambiguous-profile = „{ $name }“ võib tähendada mitut profiili: { $candidates }; anna kausta nimi
store-bad-bundle = { $path } pole kasutatav quizdecki edusammude fail: { $reason }
store-sequence-exhausted = faili { $path } ei saa rohkem kirjutada: kirjete numbrid on otsas (edusammude faile on muudetud või need on vigased)
store-encode = ei õnnestunud kodeerida { $what } faili { $path } jaoks: { $reason }
library-invalid = failis { $file } on vigu; seda ei imporditud
library-bundled = pakk { $id } on quizdeckiga kaasas ja seda ei saa eemaldada
library-picture-too-large = pilt { $file } on { $size } baiti; piltide piir on { $limit } baiti
library-pictures-too-large = paki pildid kokku on üle { $limit } baidi (pildi { $file } juures)
library-older = selles failis on paki „{ $title }” versioon { $importing }, siin on juba versioon { $have }: midagi ei muudetud. Versiooni { $importing } juurde naasmiseks eemalda kõigepealt pakk (edusammud jäävad alles) ja impordi fail uuesti.
package-invalid = failis { $file } on vigu
package-refused = { $path } lükati tagasi: { $reason }
package-name-too-long = kirje nimi „{ $name }…“ on liiga pikk
package-name-bad-char = kirje „{ $name }“ nimes on kaldkriips, koolon või NUL
package-name-outside = kirje „{ $name }“ osutab paketist välja („..“)
package-name-absolute = kirje „{ $name }“ tee on absoluutne
package-name-empty = ühe kirje nimi on tühi
package-name-too-deep = kirje „{ $name }“ on liiga sügaval
package-too-large = see on { $size } MiB; paketid võivad olla kuni { $max } MiB
package-not-zip = see pole loetav .{ $extension } pakett (zip-fail): { $error }
package-too-many-entries = selles on { $n } kirjet; paketis võib olla kuni { $max } (pakk ja selle pildid)
package-entry-unreadable = kirjet { $n } ei saa lugeda: { $error }
package-entry-bad-name = kirje { $n } nime ei saa lugeda: { $error }
package-entry-link = kirje „{ $name }“ on nimeviit; paketis võivad olla ainult failid
package-entry-encrypted = kirje „{ $name }“ on krüpteeritud
package-entry-twice = kirje „{ $name }“ esineb kaks korda
package-entry-too-large = kirje „{ $name }“ oleks lahtipakituna { $size } MiB; { $kind ->
        [deck] pakifailid
       *[picture] pildid
    } võivad olla kuni { $max } MiB
package-entry-bomb = kirje „{ $name }“ paisub { $ratio } korda (zip-pomm?)
package-unpacked-too-large = selle failid oleksid lahtipakituna üle { $max } MiB
package-no-deck = selle ülatasemel pole pakifaili (.ron)
package-several-decks = selle ülatasemel on { $n } pakifaili; paketis on üks pakk
package-file-unreadable = „{ $name }“ ei saa lugeda: { $error }
package-file-damaged = „{ $name }“ on vigane: { $error }
package-file-bomb = „{ $name }“ paisub lahtipakkimisel üle lubatud suuruse (zip-pomm?)
exam-too-large = { $path } on { $size } baiti; piir on { $limit }
exam-invalid = { $path } pole sobiv eksamifail: { $reason }
exam-newer-format = { $path } on tehtud quizdecki uuema versiooniga (eksami vorming { $format }; see versioon loeb vorminguid { $oldest } kuni { $newest }): ava see quizdecki versiooniga, mida õpetaja kasutas
exam-obsolete = { $path } on tehtud quizdecki varajase versiooniga (eksami vorming { $format }) ning seda ei saa sooritada ega hinnata: selline fail näitab kõiki vastuseid igaühele, kes selle tekstiredaktoris avab, annab kõigile õpilastele sama töö ja see versioon küsiks sealt teisi küsimusi kui see, mis faili tegi. Tee eksam uuesti (rakenduses „Õpetaja…“ või `quizdeck exam new`) ja jaga õpilastele uus fail
exam-deck-errors = eksamisse lisatud pakis { $index } on vigu: { $reason }
exam-not-usable = eksam pole kasutatav: { $reason }
exam-bad-result = { $path } pole kasutatav tulemuste fail: { $reason }
exam-already-finished = { $path } on juba esitatud
exam-other-student = { $path } kuulub õpilasele „{ $name }“; vali nimi, mille järgi sind eristada saab
exam-no-name = õpilase nimi on tühi
exam-time-up = selle eksami aeg on läbi
exam-in-use = see eksam on juba teises aknas avatud ({ $path }); sulge enne see aken
exam-handed-in-here = see eksam on sellel arvutil juba esitatud (kviitung { $receipt })
exam-no-question = eksamis pole küsimust { $n }
exam-needs-key = hindamiseks on vaja õpetaja võtmefaili (NIMI.key.ron), mitte õpilaste eksamifaili
exam-no-results = kaustas { $folder } pole eksami { $exam } tulemuste faile
exam-bad-id = eksami tunnus ei sobi: { $reason }
exam-no-decks = ühtegi pakki pole valitud
exam-pool-small = küsimuste kogumis on ainult { $pool }, vaja on { $n }
exam-no-time-limit = eksamil pole ajapiirangut
exam-save-needs-key = eksamifaile saab teha ainult õpetaja võtmefailist
exam-damaged-key = failis olev võti on vigane
exam-internal = { $error }
exam-result-no-header = see ei alga tulemuste faili päisega
exam-result-other-exam = see kuulub eksamile „{ $found }“, mitte „{ $exam }“
exam-result-no-start = see ei alga eksami algusega
exam-result-empty = selles pole ühtegi kirjet
import-bad-csv = { $path }: pole loetav CSV-fail: { $reason }
import-rows = Probleemidega ridu: { $n }; midagi ei kirjutatud (nende vahelejätmiseks kasuta --keep-going)
import-invalid = imporditud pakk ei läbi kontrolli
import-refused = { $path } lükati tagasi: { $reason }
import-mapping-twice = väljale { $field } on määratud kaks veergu; jäta alles üks
import-mapping-no-question = ükski veerg pole määratud küsimuseks
import-write = ei õnnestunud kirjutada { $what }: { $reason }
import-what-imported-deck = imporditud pakki
import-what-anki-collection = Anki kogu
import-what-package = paketti
import-what-cards = kaarte
import-what-json = JSON-i
import-what-deck = pakki
import-what-mapped-rows = määratud ridu
import-deck-too-large = sellest tehtud pakk oleks { $size } MiB suurune fail, rohkem kui paki failile lubatud { $cap } MiB
import-deck-too-large-hint = jaga see mitmeks failiks ja impordi iga fail eraldi pakina

## Arvutustabeli, Quizleti teksti või GIFT-faili read, millest kaarti ei tule.

import-column-repeated = veerg { $n } ({ $name }) kordab sama tähendusega veergu { $first }; jäta alles üks neist
import-quote-unclosed = siin algab jutumärkides lahter, mida ei suleta kusagil: ülejäänud fail loetaks üheks lahtriks; lisa lõpetav `"`
import-no-question-column = päiserivis pole veergu `question` ega `front`
import-unknown-column = veerg { $name } on tundmatu ja jäeti vahele
import-more-unknown-columns = { $n ->
        [one] veel { $n } tundmatu veerg jäeti vahele
       *[other] veel { $n } tundmatut veergu jäeti vahele
    } (nimetatud on ainult esimesed { $shown })
import-more-bad-rows = veel { $n } rida siit alates ei anna kaarti (näidatud on ainult esimesed { $shown })
import-problem-with-hint = { $message } ({ $hint })
import-csv-reader = { $error }
import-csv-utf8 = rida { $line }: pole UTF-8 tekst
import-csv-unequal = rida { $line }: lahtreid { $len }, eelmistes ridades { $expected }
import-sheet-too-large = fail on { $size } MiB; arvutustabelid võivad olla kuni { $cap } MiB (jaga see mitmeks pakiks)
import-not-utf8 = pole UTF-8 tekst (bait { $byte }): ilmselt salvestatud vanas kodeeringus, näiteks Windows-1252; salvesta arvutustabel kujul „CSV UTF-8“
import-utf16-odd = fail näib olevat UTF-16 tekst, kuid selles on paaritu arv baite
import-utf16-damaged = fail näib olevat UTF-16 tekst, kuid on vigane; salvesta arvutustabel kujul „CSV UTF-8“
import-bad-truth = „tõene või väär“ rida vajab vastuse veerus väärtust `true` või `false`, mitte { $value }
import-bad-pair = paaril { $pair } pole märki `=`; kirjuta paarid kujul `vasak = parem | vasak = parem`
import-unknown-kind = tundmatu tüüp { $kind }; kasuta üht neist: basic, basic-reverse, cloze, typein, multiple-choice, true-false, order, match või locate
quizlet-empty-side = mõiste või seletus on tühi
quizlet-no-separator = mõiste ja seletuse vahel pole eraldajat ({ $separator }) tekstis { $text }
quizlet-sep-tab = tabulaator
quizlet-sep-newline = reavahetus
gift-description = kirjeldust (vastuseta {"{"} {"}"} sees) ei saa quizdeckis esitada
gift-answer-unclosed = vastuse {"{"} ei ole kusagil suletud märgiga {"}"}
gift-empty-question = küsimuse tekst on tühi
gift-essay = essee-küsimust (vastust pole, mida kontrollida) ei saa quizdeckis esitada
gift-numerical = arvulisi küsimusi ei saa quizdeckis esitada
gift-answer-marks = vastused peavad algama märgiga = või ~
gift-no-right-answer = õige vastus (=) puudub
gift-choice-needs-right = valikvastustega küsimus vajab üht õiget vastust (=)

## Mida Anki import üle tõi ja mida välja jättis.

anki-report-read = Loetud märkmeid: { $notes }, tehtud kaarte: { $cards }, pilte: { $pictures }, kordamislogi vastuseid: { $reviews }
anki-report-notes-left-out = Välja jäetud märkmeid: { $n }
anki-report-pictures-converted = JPEG- või GIF-pilte teisendati PNG-ks: { $n }
anki-report-sounds-dropped = Helisid jäeti välja (quizdecki kaartidel pole heli): { $n }
anki-report-pictures-left-out = Välja jäetud pilte: { $n }
anki-report-reviews-left-out = Kordamislogi vastuseid jäeti välja (käsitsi ümber ajastatud või importimata kaartide omad): { $n }
anki-report-more = … ja veel { $n }
anki-note-too-long = märge { $note }: { $size } KiB teksti, rohkem kui kaardile mahub
anki-note-no-type = märge { $note }: selle märkmetüüp puudub kogust
anki-note-no-gap = märge { $note } ({ $type }): lünktekstiga märge ilma lüngata {"{{"}c1::…{"}}"}
anki-note-few-fields = märge { $note } ({ $type }): märkmetüübil on vähem kui kaks välja
anki-note-empty = märge { $note } ({ $type }): küsimus või vastus on tühi
anki-picture-left-out = { $file }: { $reason }
anki-picture-missing = seda pole paketis
anki-picture-too-big = { $width }×{ $height } pikslit, teisendamiseks liiga suur (kummaski suunas kuni { $max })
anki-picture-not-converted = PNG-ks teisendamine ei õnnestunud: { $reason }
anki-picture-not-png = { $format ->
        [webp] WebP
        [svg] SVG
       *[other] tundmatu vorming
    }; quizdeck näitab PNG-pilte (salvesta pilt PNG-na ja lisa see pakki)
anki-pictures-too-large = paki pildid on kokku liiga suured

## Miks Anki pakett tagasi lükati ({ $error } on lugeja enda sõnad; { $kind } on SQLite'i
## nimi leitud asjale).

anki-too-large = see on { $size } MiB; Anki pakette loetakse kuni { $max } MiB
anki-not-zip = see pole Anki pakett (zip-fail): { $error }
anki-too-many-entries = selles on { $n } kirjet; loetakse kuni { $max }
anki-no-collection = selles pole Anki kogu (collection.anki2, .anki21 ega .anki21b)
anki-newer = see on kirjutatud Anki uuema versiooniga (paketi versioon { $version }); ekspordi see uuesti, valik „Support older Anki versions“ märgitud
anki-media-unreadable = selle meedianimekiri on vigane või nimetab liiga palju faile
anki-media-damaged = selle meedianimekiri on vigane: { $error }
anki-media-too-many = selle meedianimekiri nimetab liiga palju faile
anki-entry-unreadable = „{ $name }“ ei saa lugeda: { $error }
anki-entry-encrypted = „{ $name }“ on krüpteeritud
anki-entry-damaged = „{ $name }“ on vigane: { $error }
anki-entry-too-large = „{ $name }“ laieneb lahtipakkimisel üle { $size } KiB, rohkem kui sellesse mahub
anki-collection-damaged = kogu on vigane: { $error }
anki-bomb = kogu paisub { $packed } KiB pakitud andmetest üle { $size } MiB (zip- või zstd-pomm?)
anki-too-slow = kogu lugemine võttis liiga kaua aega (vigane või pahatahtlik fail?)
anki-not-anki-collection = see kogu pole Anki kirjutatud kujul: { $error }
anki-not-sqlite = kogu pole SQLite'i andmebaas
anki-not-a-table = kogu „{ $name }“ on { $kind }, mitte tabel
anki-no-table = kogus pole tabelit „{ $name }“: see pole Anki kogu
anki-old-shape = collection.anki21b sisaldab vana kujuga kogu
anki-too-many-note-types = kogus on üle { $max } märkmetüübi
anki-json-too-large = kogu märkmetüübid või pakid on liiga suured
anki-note-types-damaged = kogu märkmetüübid on vigased: { $error }
anki-decks-damaged = kogu pakid on vigased: { $error }
anki-too-many-notes = kogus on üle { $max } märkme; pakis on neid vähem (ekspordi Ankist üks pakk korraga)
anki-too-many-cards = kogus on liiga palju kaarte
anki-too-many-reviews = kordamislogis on üle { $max } vastuse
anki-no-card-made = ühestki selle märkmest ei saanud kaarti teha (esimene: { $first })
anki-no-notes = selles pole ühtegi märget

session-bad-settings = ajakava seaded ei sobi: { $reason }
session-not-saved = vastust ei õnnestunud salvestada: { $error }
deck-invalid = Vigu failis { $file }: { $n }
edit-unreadable = pakki ei saa redaktoris avada:
    { $problems }
edit-unreadable-heading = pakki ei saa redaktoris avada:
edit-read = faili { $path } ei õnnestunud lugeda: { $reason }
edit-save = pakki ei õnnestunud salvestada: { $error }

## What was found where a file was expected.

file-kind-folder = kaust
file-kind-fifo = nimega toru (FIFO)
file-kind-device = seade
file-kind-socket = sokkel
file-kind-other = mitte tavaline fail

## Ajakava seaded ja kordamislogid.

schedule-invalid-setting = sobimatu ajakava seade `{ $setting }`: { $reason }
schedule-outside = { $value } on väljaspool vahemikku { $min }–{ $max }
schedule-too-many-steps = samme on { $n }; lubatud on kuni 32
schedule-bad-step = samm { $secs } s; iga samm peab olema vähemalt 1 s ja kuni suurim intervall
schedule-bad-hour = { $hour } pole tund vahemikus 0–23
schedule-learn-ahead = { $secs } s on rohkem kui ööpäev
schedule-bad-parameters = sobimatud FSRS-i parameetrid: { $reason }
schedule-unknown-item = küsimust { $item } pole õppejärjekorras
schedule-model = FSRS-i mudeli viga: { $reason }
schedule-revlog-io = kordamislogi { $path } ei saa lugeda: { $error }
schedule-revlog-line = kordamislogi rida { $line }: { $reason }
schedule-parameter-count = { $n } väärtust; oodati 0, 17, 19 või 21
schedule-parameter-values = oodati 0, 17, 19 või 21 lõplikku arvu, saadi { $n } ({ $error })

## Harjutustestid.

quiz-no-kinds = ühtki küsimuse vormi pole valitud
quiz-no-questions = testis peab olema vähemalt üks küsimus
quiz-nothing-to-ask = nende pakkide ühtki kaarti ei saa valitud küsimuste vormides küsida
quiz-maps-without-question = nende pakkide ühtki kaarti ei saa valitud küsimuste vormides küsida: kohta näitavat küsimust küsitakse testides ainult koos testide jaoks kirjutatud küsimusega, `choice_prompt`, mille saab lisada pakiredaktoris

## Mida RON-lugeja paki- või eksamifailis valesti leidis (`{ $name }`, `{ $field }`,
## `{ $found }`, `{ $outer }` ja `{ $expected }` on faili või vormingu enda sõnad;
## { $error } on lugeja enda ingliskeelne tekst harvaesineva vea korral).

syntax-at = rida { $line }, veerg { $column }: { $error }
syntax-eof = fail lõpeb liiga vara
syntax-expected-open = oodati avavat märki `{ $char }`
syntax-expected-close = oodati sulgevat märki `{ $char }`
syntax-expected-comma = oodati koma
syntax-expected-colon = oodati koolonit
syntax-expected-value = oodati { $kind ->
        [boolean] väärtust true või false
        [integer] täisarvu
        [float] arvu
        [string] teksti jutumärkides
        [char] märki ülakomade vahel
        [identifier] nime
        [unit] `()`
        [option] Some(…) või None
       *[other] väärtust
    }
syntax-string-end = jutumärkides tekst pole suletud
syntax-expected-struct = oodati `{ $name }(`
syntax-different-struct = oodati `{ $expected }`, kuid leiti `{ $found }`
syntax-integer-out-of-bounds = arv on liiga suur
syntax-invalid-digit = „{ $digit }“ pole { $base }-süsteemi arvu number
syntax-underscore = arvus on alakriips vales kohas
syntax-unexpected-char = ootamatu märk „{ $char }“
syntax-unclosed-comment = kommentaar /* … */ pole kusagil suletud
syntax-trailing = faili sisu lõpu järel on veel midagi
syntax-utf8 = tekst pole korrektne UTF-8
syntax-invalid-value = vale liiki väärtus: oodati { $expected }, leiti { $found }
syntax-wrong-length = oodati { $expected }, leiti { $n } { $n ->
        [one] element
       *[other] elementi
    }
syntax-unknown-variant = tundmatu liik `{ $found }`; oodati üht neist: { $expected }
syntax-unknown-variant-in = tundmatu liik `{ $found }` kohas `{ $outer }`; oodati üht neist: { $expected }
syntax-unknown-field = tundmatu väli `{ $found }`; oodati üht neist: { $expected }
syntax-unknown-field-in = tundmatu väli `{ $found }` kohas `{ $outer }`; oodati üht neist: { $expected }
syntax-missing-field = väli `{ $field }` puudub
syntax-missing-field-in = väli `{ $field }` puudub kohas `{ $outer }`
syntax-duplicate-field = väli `{ $field }` on antud kaks korda
syntax-duplicate-field-in = väli `{ $field }` on kohas `{ $outer }` antud kaks korda
syntax-or = { $rest } või { $last }
syntax-or-two = { $first } või { $last }
syntax-too-deep = sulud on liiga sügavalt üksteise sees
syntax-other = { $error }

## Miks salvestatud edusammude või seadete fail kõrvale tõsteti (parandusteate sees).

store-damage-no-header = sel pole päiserida
store-damage-header = selle päist ei saa lugeda
store-damage-not-snapshot = see pole quizdecki edusammude fail
store-damage-version = selle vormingu versiooni ei saa lugeda
store-damage-newer = selle päis nimetab vormingut { $format }, mis on uuem kui see quizdeck loeb (vorming { $supported }): selle kirjutas uuem quizdeck või on päis vigane
store-damage-length = see on lühemaks lõigatud või sellele on midagi lisatud
store-damage-checksum = selle kontrollsumma ei klapi
store-damage-summary = selle kokkuvõtte rida ei saa lugeda
store-damage-recent = selles olevat hiljutist vastust ei saa lugeda
store-damage-item-line = selles oleva küsimuse rida ei saa lugeda
store-damage-item-state = selles oleva küsimuse olek ei sobi
store-damage-count = selles on teine arv küsimusi, kui see ütleb
store-damage-too-large = see on { $size } baiti, liiga suur
store-settings-not-text = see pole tekst
