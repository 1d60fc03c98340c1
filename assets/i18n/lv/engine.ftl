# Dzinēja ziņojumi: komplekta pārbaudes problēmas un padomi, atbilžu pārbaudes piezīmes,
# attēli un identifikatori. Nosaukumi pēdiņās ir paša komplekta vārdi, tos netulko.

## Kartītes lauku nosaukumi (citos ziņojumos vietā { $what }).

field-deck-title = komplekta nosaukums
field-description = apraksts
field-source-title = avota nosaukums
field-note = piezīme
field-region-name = apgabala nosaukums
field-front = priekšpuse
field-back = aizmugure
field-cloze-text = teksts ar robiem
field-question = jautājums
field-answer = atbilde
field-distractor = nepareizs variants
field-also-correct = vēl viens pareizs variants
field-statement = apgalvojums
field-correction = labojums
field-prompt = uzdevums
field-choice-prompt = jautājums testiem un eksāmeniem
field-item = elements
field-pair-left = pāra kreisā puse
field-pair-right = pāra labā puse

## Komplekta pārbaudes problēmas un padoms pēc katras.

check-with-related = { $message } (skat. { $line }. rindu, { $column }. kolonnu)
check-more-problems = Vēl { $errors } { $errors ->
        [one] kļūda
       *[other] kļūdas
    } un { $warnings } { $warnings ->
        [one] brīdinājums
       *[other] brīdinājumi
    } nav parādīti (parāda tikai pirmos { $max })
check-more-problems-hint = izlabo parādītās problēmas un pārbaudi vēlreiz
check-empty-text = lauks “{ $what }” ir tukšs
check-empty-text-hint = aizpildi lauku “{ $what }” vai izdzēs kartīti
check-too-long-text = lauks “{ $what }” ir { $size } KiB garš; ierobežojums ir { $limit } KiB
check-too-long-text-hint = saīsini to: kartītes tekstiem jāietilpst ekrānā
check-too-many = šajā sarakstā ir vairāk nekā { $max } ierakstu, vairāk nekā drīkst būt vienā kartītē
check-too-many-hint = sadali to vairākās kartītēs
check-deck-too-large = šī komplekta kartītes mācoties aizņemtu apmēram { $size } MiB atmiņas; ierobežojums ir { $limit } MiB
check-deck-too-large-hint = ierobežojumu pārsniedz pie šīs kartītes: sadali komplektu vairākos komplektos (katram savs id)
check-bad-deck-id = komplekta identifikators “{ $id }” nav derīgs: { $reason }
check-bad-deck-id-hint = izmanto 1–64 rakstzīmes no a-z, 0-9 un -, piemēram, “pact-and-bases-1939”
check-no-cards = komplektā nav nevienas kartītes
check-no-cards-hint = pievieno sarakstam `cards` vismaz vienu Card(...)
check-bad-card-id = kartītes identifikators “{ $id }” nav derīgs: { $reason }
check-bad-card-id-hint = izmanto 1–64 rakstzīmes no a-z, 0-9 un -, piemēram, “latvia-pact-date”
check-duplicate-id = kartītes identifikators “{ $id }” izmantots divreiz
check-duplicate-id-hint = dod katrai kartītei savu identifikatoru: ar to tiek saglabāts progress
check-long-note = piezīme ir garāka par trim teikumiem
check-long-note-hint = piezīmē pietiek ar vienu vai diviem teikumiem par kontekstu
check-unknown-source = avota atslēgas “{ $key }” nav komplekta sarakstā `sources`
check-unknown-source-hint-none = apraksti dokumentu komplekta sarakstā `sources`
check-unknown-source-hint = izmanto kādu no komplekta avotu atslēgām: { $keys }
check-missing-source = kartīte “{ $id }” nenorāda savu avotu
check-missing-source-hint = pievieno `source: Ref(doc: "key", section: "...")`
check-needs-newer-format = Locate kartītēm vajag komplekta formātu { $needed }; šajā komplektā norādīts formāts { $format }
check-choice-prompt-needs-newer-format = Locate kartītes laukam `choice_prompt` vajag komplekta formātu { $needed }; šajā komplektā norādīts formāts { $format }
check-needs-newer-format-hint = ieraksti komplekta sākumā `format: { $needed }` (quizdeck, kas formātu { $needed } nepazīst, tad paziņos, ka komplektam vajag jaunāku versiju)
check-image-and-picture = Locate kartīte rāda savu karti `picture`; tai nevar būt arī `image`
check-image-and-picture-hint = izdzēs `image`
check-image-absolute = attēla ceļš “{ $path }” ir absolūts
check-image-parent = attēla ceļā “{ $path }” ir `..`
check-image-path-hint = norādi ceļu attiecībā pret komplekta mapi, piemēram, “images/map.png”
check-missing-picture = Locate kartīte nenorāda attēlu
check-missing-picture-hint = norādi PNG, uz kura uzzīmēti apgabali, piemēram, picture: "maps/baltic.png"
check-image-not-png = attēls “{ $path }” nav PNG fails
check-image-not-png-hint = saglabā attēlu PNG formātā (.png)
check-image-outside = attēls “{ $path }” ved ārpus komplekta mapes
check-image-outside-hint = iekopē attēlu komplekta mapē, nevis saisti ar to
check-image-not-file = “{ $path }” nav fails
check-image-missing = attēla “{ $path }” nav blakus komplektam
check-image-missing-hint = ieliec attēlu komplekta mapē vai izlabo ceļu
check-bad-image-hint = saglabā to kā PNG, kura mala nepārsniedz { $side } pikseļus un izmērs { $mib } MiB
check-region-not-number = apgabala “{ $name }” koordināta nav skaitlis
check-region-not-number-hint = norādi x, y un r attēla pikseļos
check-circle-radius = apļa “{ $name }” rādiuss ir { $r }; tam jābūt lielākam par 0
check-circle-radius-hint = norādi rādiusu pikseļos, piemēram, r: 12
check-polygon-few = daudzstūrim “{ $name }” ir { $n } { $n ->
        [one] virsotne
       *[other] virsotnes
    }; vajag vismaz 3
check-polygon-few-hint = uzskaiti virsotnes pēc kārtas: points: [(10, 10), (60, 10), (35, 50)]
check-polygon-many = daudzstūra “{ $name }” virsotņu skaits ir { $n }; ierobežojums ir { $max }
check-polygon-many-hint = vienkāršo kontūru
check-polygon-corner = daudzstūra “{ $name }” virsotne nav skaitlis
check-polygon-corner-hint = norādi virsotnes kā (x, y) attēla pikseļos
check-polygon-flat = daudzstūrim “{ $name }” nav laukuma (tā virsotnes ir uz vienas taisnes)
check-polygon-flat-hint = izvieto virsotnes ap vietu
check-region-outside = apgabals “{ $name }” sniedzas līdz ({ $x0 }; { $y0 })–({ $x1 }; { $y1 }), ārpus attēla { $width }×{ $height }
check-region-outside-hint = norādi koordinātas attēla pikseļos: x no 0 līdz platumam, y no 0 (augšā) līdz augstumam
check-cloze-unclosed = robs `{"{{"}` nav aizvērts ar `{"}}"}`
check-cloze-unclosed-hint = raksti robus kā {"{{"}c1::atbilde{"}}"}
check-cloze-marker = roba atzīme {"{{"}{ $marker }{"}}"} nav formā cN::atbilde
check-cloze-marker-hint = raksti robus kā {"{{"}c1::atbilde{"}}"} vai {"{{"}c1::atbilde::mājiens{"}}"}
check-cloze-empty = robam c{ $n } nav atbildes
check-cloze-empty-hint = ieraksti slēpto tekstu pēc `::`, piemēram, {"{{"}c1::Rīga{"}}"}
check-cloze-no-gaps = tekstā ar robiem nav neviena roba
check-cloze-no-gaps-hint = atzīmē slēpjamo kā {"{{"}c1::atbilde{"}}"}
check-cloze-numbering = robi ir numurēti { $gaps }, bet trūkst c{ $missing }
check-cloze-numbering-hint = numurē robus c1, c2, c3… bez izlaidumiem
check-no-answer = TypeIn kartīte nepieņem nevienu atbildi
check-no-answer-hint = uzskaiti vismaz vienu pareizu atbildi: answers: ["Rīga"]
check-no-distractors = atbilžu izvēles kartītei nav nepareizu variantu
check-no-distractors-hint = pievieno vismaz vienu nepareizu variantu (vislabāk trīs)
check-answer-in-distractors = nepareizais variants “{ $value }” patiesībā ir pareiza atbilde
check-answer-in-distractors-hint = izdzēs to vai aizstāj ar nepareizu variantu
check-missing-correction = nepatiesam apgalvojumam vajag labojumu
check-missing-correction-hint = pievieno `correction: "..."`, kas saka, kas patiesībā ir pareizi
check-order-short = Order kartītei vajag vismaz 3 elementus, tai ir { $n }
check-order-short-hint = pievieno elementus vai pārveido to par TrueFalse vai MultipleChoice kartīti
check-match-short = Match kartītei vajag vismaz 3 pārus, tai ir { $n }
check-match-short-hint = pievieno pārus vai pārveido to par TypeIn vai MultipleChoice kartīti
check-too-many-regions = kartītes apgabalu skaits ir { $n }; ierobežojums ir { $max }
check-too-many-regions-hint = sadali kartīti vai atstāj tikai apgabalus, kas skolēnam jāatšķir
check-duplicate-region = apgabala nosaukums “{ $name }” izmantots divreiz
check-duplicate-region-hint = dod katram apgabalam savu nosaukumu
check-duplicate = { $what }: “{ $value }” atkārtojas divreiz
check-duplicate-folded = { $what }: “{ $value }” ir tas pats, kas “{ $earlier }”, ja neņem vērā diakritiskās zīmes un lielos burtus
check-duplicate-hint = izdzēs atkārtojumu vai maini to
check-similar-question = šis jautājums ir tāds pats kā { $card }. kartītē
check-similar-question-hint = pārformulē vienu no tiem vai izdzēs dublikātu

## Kāpēc identifikators nav derīgs.

id-empty = identifikators ir tukšs
id-too-long = identifikatora garums ir { $len } rakstzīmes; ierobežojums ir { $max }
id-bad-char = identifikatorā ir “{ $char }”; izmanto tikai a-z, 0-9 un -
id-edge-dash = identifikators sākas vai beidzas ar “-”

## Kāpēc attēlu nevar parādīt ({ $error } ir sistēmas vārdi).

picture-unreadable = attēlu { $path } neizdevās nolasīt: { $error }
picture-too-large = attēla { $path } izmērs ir { $bytes } baiti; attēlu ierobežojums ir 16 MiB
picture-too-big = attēla { $path } izmērs ir { $width }×{ $height } pikseļi; ierobežojums ir { $max } pikseļi katrai malai
picture-not-png = attēls { $path } nav nolasāms PNG: { $error }

## Atbilžu pārbaudes piezīmes zem ierakstītās atbildes.

answer-accepted-written = ieskaitīts — pareizi raksta: { $answer }
answer-accepted-spelling = ieskaitīts — pievērs uzmanību pareizrakstībai: { $words }
answer-accepted-spelling-written = ieskaitīts — pievērs uzmanību pareizrakstībai: { $words }; pareizi: { $answer }
answer-only-accents = atšķiras tikai diakritiskās zīmes; pareizi raksta: { $answer }

## Komplekta fails, ko nevar nolasīt ({ $error } ir sistēmas vai RON lasītāja vārdi).

deck-duplicate-id = komplekta identifikatoru “{ $id }” izmanto arī { $file }; bibliotēka, kurā ir abi, izmanto tikai vienu
deck-bundled-id = komplekta identifikators “{ $id }” pieder iebūvētam komplektam; pēc importēšanas šis fails to aizstās
library-replaces-bundled = Komplekts { $id } no { $file } aizstāj iebūvēto komplektu ar to pašu identifikatoru.
library-same-id = Diviem komplektu failiem ir identifikators { $id }: tiek izmantots { $used }, bet { $other } — ne.
library-bundled-newer = Iebūvētais komplekts { $id } ir jaunāks par pārējām kopijām, kuras netiek izmantotas.
deck-duplicate-id-hint = dod katram komplektam savu identifikatoru (vai atstāj vienu no failiem)
deck-file-too-large = faila izmērs ir { $size } MiB; komplektu ierobežojums ir { $limit } MiB
deck-split-hint = sadali komplektu vairākos failos
deck-unreadable = failu neizdevās nolasīt: { $error }
deck-wrong-type-hint = norādi komplekta faila (*.ron) ceļu
deck-check-path-hint = pārbaudi ceļu un piekļuves tiesības
deck-not-utf8 = fails nav UTF-8 teksts
deck-not-utf8-hint = saglabā failu UTF-8 kodējumā (vairumā redaktoru: Saglabāt kā… → kodējums UTF-8)
deck-utf16-damaged = fails izskatās pēc UTF-16 teksta, bet ir bojāts
deck-text-too-large = komplekts ir lielāks par 64 MiB
deck-newer-format = šis komplekts veidots jaunākai quizdeck versijai (formāts { $format }); šī versija lasa formātu { $supported }
deck-newer-format-hint = atjaunini quizdeck, lai atvērtu šo komplektu
deck-format-zero = formāta 0 nav
deck-format-zero-hint = ieraksti `format: { $format }`
deck-syntax = sintakses kļūda: { $error }
deck-syntax-unknown-field-hint = izdzēs lauku vai izlabo tā nosaukumu
deck-syntax-missing-field-hint = pievieno `{ $field }: …`
deck-syntax-unknown-kind-hint = izmanto kādu no uzskaitītajiem kartīšu veidiem
deck-syntax-duplicate-field-hint = atstāj vienu `{ $field }`
deck-syntax-too-deep-hint = ligzdošana ierobežota līdz { $max } līmeņiem; komplektam tik daudz nekad nevajag
deck-syntax-string-hint = teksts rakstāms pēdiņās: "šādi"; pēdiņas teksta iekšpusē raksta kā \"
deck-syntax-eof-hint = fails beidzas par agru: pārbaudi, vai netrūkst `)` vai `]`
deck-syntax-trailing-hint = izdzēs to, kas seko komplekta noslēdzošajai `)`
deck-guide-hint = skat. formāta rokasgrāmatu: `quizdeck help deck-format`
deck-string-unclosed-eof = šis teksts nav aizvērts: fails beidzas tā iekšpusē
deck-string-unclosed-eof-hint = beidz tekstu ar `"`
deck-string-unclosed-card = šis teksts nav aizvērts: kartīte beidzas tā iekšpusē (nākamā kartīte sākas { $line }. rindā)
deck-string-unclosed = šis teksts nav aizvērts: bez noslēdzošās `"` tas turpinās līdz { $line }. rindas { $column }. kolonnai un aprij rindas starp tām
deck-string-unclosed-hint = aizver tekstu ar `"` tur, kur tas beidzas; pēdiņas teksta iekšpusē raksta kā \"
deck-unclosed-eof = šī `{ $open }` nav aizvērta: fails beidzas agrāk
deck-unclosed-card = šī `{ $open }` nav aizvērta: kartīte beidzas agrāk (nākamā kartīte sākas { $line }. rindā)
deck-unclosed = šī `{ $open }` nav aizvērta: `{ $found }` { $line }. rindas { $column }. kolonnā parādās, kamēr tā vēl ir atvērta
deck-unclosed-hint = pievieno trūkstošo `{ $close }` tā beigās, ko tā atver
deck-unopened = šī `{ $close }` neko neaizver
deck-unopened-hint = izdzēs to vai pievieno `{ $open }`, ko tai vajadzētu aizvērt
deck-structural = { $message } (lasīšana apstājās { $line }. rindas { $column }. kolonnā: { $error })
deck-structural-hint = { $hint }; skat. formāta rokasgrāmatu: `quizdeck help deck-format`
deck-folder-unreadable = komplektu mapi nevar nolasīt: { $error }
deck-folder-unreadable-hint = pārbaudi mapes piekļuves tiesības vai USB zibatmiņu, kurā tā atrodas

## Kā logs uzskaita komplekta problēmas.

diag-error = kļūda
diag-warning = brīdinājums
diag-help = padoms
diag-line = { $file }:{ $line }:{ $column }: { $severity }: { $message }
diag-hint = ({ $hint })

## Locate kartītes apgabals tekstā, ko nevar nolasīt ({ $region } ir rinda).

region-no-at = apgabalā “{ $region }” nav `@`; raksti apgabalu kā `Nosaukums @ circle(x, y, r)` vai `Nosaukums @ polygon(x y, x y, x y)`
region-bad-form = apgabals “{ $region }” nav formā `Nosaukums @ circle(x, y, r)` vai `Nosaukums @ polygon(x y, x y, x y)`
region-not-number = “{ $value }” apgabalā “{ $region }” nav skaitlis
region-circle-args = aplim “{ $region }” vajag x, y un r; raksti apgabalu kā `Nosaukums @ circle(x, y, r)`
region-bad-corner = virsotne “{ $corner }” apgabalā “{ $region }” nav formā `x y`
region-unknown-shape = nezināma figūra “{ $shape }” apgabalā “{ $region }”; raksti apgabalu kā `Nosaukums @ circle(x, y, r)` vai `Nosaukums @ polygon(x y, x y, x y)`

## Failu, profilu, pakotņu un eksāmenu kļūdas ({ $error } un { $reason } ir sistēmas vai
## lasītāja vārdi).

error-io = neizdevās { $action } { $path }: { $error }
error-system = { $error }
action-read = nolasīt
action-write = ierakstīt
action-create = izveidot
action-open = atvērt
action-replace = aizstāt
action-clear = notīrīt
action-copy = kopēt
action-remove = izdzēst
action-list = uzskaitīt
action-sync = saglabāt diskā
action-lock = bloķēt
action-append = pievienot failam
action-append-journal = pievienot žurnālam
action-copy-damaged-aside = nokopēt malā bojāto failu
action-create-temporary = izveidot pagaidu failu
action-create-history-folder = izveidot vēstures mapi
action-create-profile-folder = izveidot profila mapi
action-create-profiles-folder = izveidot profilu mapi
action-create-progress-folder = izveidot progresa mapi
action-create-repaired-journal = izveidot salaboto žurnālu
action-flush = saglabāt diskā
action-list-history-folder = uzskaitīt vēstures mapes saturu
action-list-profiles = uzskaitīt profilus mapē
action-move-damaged-aside = pārvietot malā bojāto failu
action-move-journal-to-history = pārvietot žurnālu uz vēsturi
action-open-copy = atvērt kopiju
action-open-folder-sync = atvērt mapi saglabāšanai diskā
action-open-journal = atvērt žurnālu
action-open-journal-writing = atvērt žurnālu rakstīšanai
action-open-lock-file = atvērt bloķēšanas failu
action-read-history-index = nolasīt vēstures rādītāju
action-read-end = nolasīt faila beigas
action-read-history = nolasīt vēsturi
action-read-profile-folder = nolasīt profila mapi
action-read-journal = nolasīt žurnālu
action-read-journal-header = nolasīt žurnāla galveni
action-read-journal-size = nolasīt žurnāla izmēru
action-remove-merged-history = izdzēst apvienoto vēstures failu
action-remove-profile-folder = izdzēst profila mapi
action-repair = salabot
action-repair-journal-end = salabot žurnāla beigas
action-replace-history-file = aizstāt vēstures failu
action-replace-damaged-journal = aizstāt bojāto žurnālu
action-replace-file = aizstāt failu
action-set-journal-aside = nolikt malā žurnālu momentuzņēmumam
action-sync-merged-history = saglabāt diskā apvienoto vēstures failu
action-sync-copy = saglabāt diskā kopiju
action-sync-folder = saglabāt diskā mapi
action-sync-journal = saglabāt diskā žurnālu
action-sync-repaired-journal = saglabāt diskā salaboto žurnālu
action-sync-temporary = saglabāt diskā pagaidu failu
action-update-journal-header = atjaunināt žurnāla galveni
action-write-merged-history = ierakstīt apvienoto vēstures failu
action-write-repaired-journal = ierakstīt salaboto žurnālu
action-write-temporary = ierakstīt pagaidu failu
store-locked = profils mapē { $path } jau tiek izmantots ({ $holder }); vispirms aizver otru quizdeck logu
store-read-only = profila izmaiņas mapē { $path } nevar saglabāt: tas atvērts tikai lasīšanai ({ $reason })
store-cannot-write = profilā nevar ierakstīt: { $error }
store-opened-read-only = atvērts tikai lasīšanai
store-in-use = tiek izmantots: { $holder }
store-holder-process = process { $pid } kopš { $since }
store-holder-unknown = cits quizdeck logs
store-newer-format = { $path } ierakstīts ar jaunāku quizdeck versiju (formāts { $format }); atjaunini quizdeck, lai to atvērtu
store-no-data-dir = nevar izvēlēties datu mapi: { $reason }
store-data-dir-empty = arguments --data-dir ir tukšs
store-data-dir-none = --data-dir nav norādīts, { $env } nav iestatīts, nav pārnēsājamās versijas atzīmes, un sistēmā nav lietotāja datu mapes
store-bad-profile-name = “{ $name }” nevar izmantot kā profila vārdu: { $reason }
store-name-empty = tas ir tukšs
store-name-too-long = tas ir garāks par { $max } rakstzīmēm
store-name-control = tajā ir vadības rakstzīmes
store-profile-exists = profils ar vārdu “{ $name }” jau pastāv
store-no-such-profile = mapē { $folder } nav profila “{ $name }”
store-ambiguous-profile = “{ $name }” var nozīmēt vairākus profilus: { $candidates }; norādi mapes nosaukumu
store-bad-bundle = { $path } nav derīgs quizdeck progresa fails: { $reason }
store-sequence-exhausted = failā { $path } vairs nevar ierakstīt: ierakstu numuri ir izsmelti (progresa faili ir mainīti vai bojāti)
store-encode = neizdevās kodēt { $what } failam { $path }: { $reason }
library-invalid = failā { $file } ir kļūdas; tas netika importēts
library-bundled = komplekts { $id } ir iebūvēts programmā quizdeck, to nevar izdzēst
library-picture-too-large = attēla { $file } izmērs ir { $size } baiti; attēlu ierobežojums ir { $limit } baiti
library-pictures-too-large = komplekta attēli kopā pārsniedz { $limit } baitus (pie attēla { $file })
library-older = šajā failā ir komplekta “{ $title }” versija { $importing }, bet šeit jau ir versija { $have }: nekas netika mainīts. Lai atgrieztos pie versijas { $importing }, vispirms izdzēsiet komplektu (progress saglabājas), tad importējiet failu vēlreiz.
package-invalid = failā { $file } ir kļūdas
package-refused = { $path } tika noraidīts: { $reason }
package-name-too-long = ieraksta nosaukums “{ $name }…” ir pārāk garš
package-name-bad-char = ieraksta “{ $name }” nosaukumā ir atpakaļvērstā slīpsvītra, kols vai NUL
package-name-outside = ieraksts “{ $name }” norāda ārpus pakotnes (“..”)
package-name-absolute = ierakstam “{ $name }” ir absolūts ceļš
package-name-empty = kādam ierakstam ir tukšs nosaukums
package-name-too-deep = ieraksts “{ $name }” ir ligzdots pārāk dziļi
package-too-large = tās izmērs ir { $size } MiB; pakotnes drīkst būt līdz { $max } MiB
package-not-zip = tā nav nolasāma .{ $extension } pakotne (zip fails): { $error }
package-too-many-entries = tajā ir { $n } ierakstu; pakotnē drīkst būt ne vairāk kā { $max } (komplekts un tā attēli)
package-entry-unreadable = { $n }. ierakstu nevar nolasīt: { $error }
package-entry-bad-name = { $n }. ieraksta nosaukumu nevar nolasīt: { $error }
package-entry-link = ieraksts “{ $name }” ir simboliskā saite; pakotnē drīkst būt tikai faili
package-entry-encrypted = ieraksts “{ $name }” ir šifrēts
package-entry-twice = ieraksts “{ $name }” atkārtojas divreiz
package-entry-too-large = ieraksts “{ $name }” izpakots aizņemtu { $size } MiB; { $kind ->
        [deck] komplektu faili
       *[picture] attēli
    } drīkst būt līdz { $max } MiB
package-entry-bomb = ieraksts “{ $name }” izplešas { $ratio } reizes (zip bumba?)
package-unpacked-too-large = tās faili izpakoti aizņemtu vairāk nekā { $max } MiB
package-no-deck = tās augšējā līmenī nav komplekta faila (.ron)
package-several-decks = tās augšējā līmenī ir { $n } komplektu faili; pakotnē ir viens komplekts
package-file-unreadable = “{ $name }” nevar nolasīt: { $error }
package-file-damaged = “{ $name }” ir bojāts: { $error }
package-file-bomb = “{ $name }” izpakots pārsniedz norādīto izmēru (zip bumba?)
exam-too-large = { $path } izmērs ir { $size } baiti; ierobežojums ir { $limit }
exam-invalid = { $path } nav derīgs eksāmena fails: { $reason }
exam-newer-format = { $path } veidots ar jaunāku quizdeck versiju (eksāmena formāts { $format }; šī versija lasa formātus no { $oldest } līdz { $newest }): atver to ar quizdeck versiju, ko izmantoja skolotājs
exam-obsolete = { $path } veidots ar agrīnu quizdeck versiju (eksāmena formāts { $format }), un to nevar ne kārtot, ne vērtēt: šāds fails rāda visas atbildes ikvienam, kas to atver teksta redaktorā, visiem skolēniem dod vienādu darbu, un šī versija no tā uzdotu citus jautājumus nekā tā, kas to izveidoja. Izveido eksāmenu no jauna (lietotnē “Skolotājs…” vai `quizdeck exam new`) un izdali skolēniem jauno failu
exam-deck-errors = eksāmenā iekļautajā komplektā { $index } ir kļūdas: { $reason }
exam-not-usable = eksāmens nav izmantojams: { $reason }
exam-bad-result = { $path } nav derīgs rezultātu fails: { $reason }
exam-already-finished = { $path } jau ir iesniegts
exam-other-student = { $path } pieder skolēnam “{ $name }”; izvēlies vārdu, pēc kura tevi var atšķirt
exam-no-name = skolēna vārds nav norādīts
exam-time-up = eksāmena laiks ir beidzies
exam-in-use = šis eksāmens jau ir atvērts citā logā ({ $path }); vispirms aizver to
exam-handed-in-here = šis eksāmens šajā datorā jau ir iesniegts (kvīts { $receipt })
exam-no-question = eksāmenā nav jautājuma { $n }
exam-needs-key = vērtēšanai vajag skolotāja atslēgas failu (NOSAUKUMS.key.ron), nevis skolēnu eksāmena failu
exam-no-results = mapē { $folder } nav eksāmena { $exam } rezultātu failu
exam-bad-id = eksāmena identifikators nav derīgs: { $reason }
exam-no-decks = nav izvēlēts neviens komplekts
exam-pool-small = jautājumu kopā ir tikai { $pool }, vajag { $n }
exam-no-time-limit = eksāmenam nav laika ierobežojuma
exam-save-needs-key = eksāmena failus var izveidot tikai no skolotāja atslēgas faila
exam-damaged-key = faila atslēga ir bojāta
exam-internal = { $error }
exam-result-no-header = tas nesākas ar rezultātu faila galveni
exam-result-other-exam = tas pieder eksāmenam “{ $found }”, nevis “{ $exam }”
exam-result-no-start = tas nesākas ar eksāmena sākumu
exam-result-empty = tajā nav neviena ieraksta
import-bad-csv = { $path }: nav nolasāms CSV fails: { $reason }
import-rows = Rindas ar problēmām: { $n }; nekas netika ierakstīts (lai tās izlaistu, izmanto --keep-going)
import-invalid = importētais komplekts neiztur pārbaudi
import-refused = { $path } tika noraidīts: { $reason }
import-mapping-twice = laukam { $field } piesaistītas divas kolonnas; atstāj vienu
import-mapping-no-question = neviena kolonna nav piesaistīta jautājumam
import-write = neizdevās ierakstīt { $what }: { $reason }
import-what-imported-deck = importēto komplektu
import-what-anki-collection = Anki kolekciju
import-what-package = pakotni
import-what-cards = kartītes
import-what-json = JSON
import-what-deck = komplektu
import-what-mapped-rows = piesaistītās rindas
import-deck-too-large = no tā veidotā komplekta fails būtu { $size } MiB liels, vairāk nekā komplekta failam atļautie { $cap } MiB
import-deck-too-large-hint = sadali to vairākos failos un importē katru kā atsevišķu komplektu

## Izklājlapas, Quizlet teksta vai GIFT faila rindas, no kurām neiznāk kartīte.

import-column-repeated = { $n }. kolonna ({ $name }) atkārto { $first }. kolonnu ar to pašu nozīmi; atstāj vienu no tām
import-quote-unclosed = šeit sākas pēdiņās likta šūna, kas nekur netiek aizvērta: viss pārējais fails tiktu nolasīts kā viena šūna; pievieno noslēdzošo `"`
import-no-question-column = galvenes rindā nav kolonnas `question` vai `front`
import-unknown-column = kolonna { $name } nav zināma un tika izlaista
import-more-unknown-columns = { $n ->
        [zero] vēl { $n } nezināmas kolonnas tika izlaistas
        [one] vēl { $n } nezināma kolonna tika izlaista
       *[other] vēl { $n } nezināmas kolonnas tika izlaistas
    } (nosauktas tikai pirmās { $shown })
import-more-bad-rows = { $n ->
        [zero] vēl { $n } rindas, sākot no šejienes, neveido kartīti
        [one] vēl { $n } rinda, sākot no šejienes, neveido kartīti
       *[other] vēl { $n } rindas, sākot no šejienes, neveido kartīti
    } (parādītas tikai pirmās { $shown })
import-problem-with-hint = { $message } ({ $hint })
import-csv-reader = { $error }
import-csv-utf8 = rinda { $line }: nav UTF-8 teksts
import-csv-unequal = rinda { $line }: šūnas: { $len }, bet iepriekšējās rindās: { $expected }
import-sheet-too-large = fails ir { $size } MiB liels; izklājlapas drīkst būt līdz { $cap } MiB (sadali to vairākos komplektos)
import-not-utf8 = tas nav UTF-8 teksts ({ $byte }. baits): droši vien saglabāts vecā kodējumā, piemēram, Windows-1252; saglabā izklājlapu kā “CSV UTF-8”
import-utf16-odd = fails izskatās pēc UTF-16 teksta, bet tajā ir nepāra skaits baitu
import-utf16-damaged = fails izskatās pēc UTF-16 teksta, bet ir bojāts; saglabā izklājlapu kā “CSV UTF-8”
import-bad-truth = rindai “patiess vai nepatiess” atbildes kolonnā vajag `true` vai `false`, nevis { $value }
import-bad-pair = pārim { $pair } nav `=`; raksti pārus kā `kreisais = labais | kreisais = labais`
import-unknown-kind = nezināms veids { $kind }; izmanto basic, basic-reverse, cloze, typein, multiple-choice, true-false, order, match vai locate
quizlet-empty-side = termins vai skaidrojums ir tukšs
quizlet-no-separator = starp terminu un skaidrojumu nav atdalītāja ({ $separator }) tekstā { $text }
quizlet-sep-tab = tabulācijas zīme
quizlet-sep-newline = jauna rinda
gift-description = aprakstu (bez atbildes iekavās {"{"} {"}"}) quizdeck nevar attēlot
gift-answer-unclosed = atbildes {"{"} nekur netiek aizvērta ar {"}"}
gift-empty-question = jautājuma teksts ir tukšs
gift-essay = esejas jautājumu (bez pārbaudāmas atbildes) quizdeck nevar attēlot
gift-numerical = skaitliskus jautājumus quizdeck nevar attēlot
gift-answer-marks = atbildēm jāsākas ar = vai ~
gift-no-right-answer = nav pareizās atbildes (=)
gift-choice-needs-right = jautājumam ar izvēles atbildēm vajag vienu pareizo atbildi (=)

## Ko Anki imports pārnesa un ko izlaida.

anki-report-read = Nolasītas piezīmes: { $notes }, izveidotas kartītes: { $cards }, attēli: { $pictures }, atkārtojumu žurnāla atbildes: { $reviews }
anki-report-notes-left-out = Izlaistas piezīmes: { $n }
anki-report-pictures-converted = JPEG vai GIF attēli pārveidoti par PNG: { $n }
anki-report-sounds-dropped = Izlaistas skaņas (quizdeck kartītēm nav skaņas): { $n }
anki-report-pictures-left-out = Izlaisti attēli: { $n }
anki-report-reviews-left-out = Izlaistas atkārtojumu žurnāla atbildes (pārplānotas ar roku vai neimportētu kartīšu): { $n }
anki-report-more = … un vēl { $n }
anki-note-too-long = piezīme { $note }: { $size } KiB teksta, vairāk nekā ietilpst kartītē
anki-note-no-type = piezīme { $note }: tās piezīmes veida kolekcijā nav
anki-note-no-gap = piezīme { $note } ({ $type }): aizpildāmā teksta piezīme bez roba {"{{"}c1::…{"}}"}
anki-note-few-fields = piezīme { $note } ({ $type }): piezīmes veidam ir mazāk nekā divi lauki
anki-note-empty = piezīme { $note } ({ $type }): jautājums vai atbilde ir tukša
anki-picture-left-out = { $file }: { $reason }
anki-picture-missing = tā nav pakotnē
anki-picture-too-big = { $width }×{ $height } pikseļi, pārāk liels, lai pārveidotu (ne vairāk kā { $max } katrā virzienā)
anki-picture-not-converted = neizdevās pārveidot par PNG: { $reason }
anki-picture-not-png = { $format ->
        [webp] WebP
        [svg] SVG
       *[other] nezināms formāts
    }; quizdeck rāda PNG attēlus (saglabā attēlu kā PNG un pievieno to komplektam)
anki-pictures-too-large = komplekta attēli kopā ir pārāk lieli

## Kāpēc Anki pakotne tika noraidīta ({ $error } ir lasītāja paša vārdi; { $kind } ir
## SQLite nosaukums tam, ko tas atrada).

anki-too-large = tās izmērs ir { $size } MiB; Anki pakotnes tiek lasītas līdz { $max } MiB
anki-not-zip = tā nav Anki pakotne (zip fails): { $error }
anki-too-many-entries = tajā ir { $n } ierakstu; tiek lasīti ne vairāk kā { $max }
anki-no-collection = tajā nav Anki kolekcijas (collection.anki2, .anki21 vai .anki21b)
anki-newer = to ierakstījusi jaunāka Anki versija (pakotnes versija { $version }); eksportē to vēlreiz ar atzīmētu “Support older Anki versions”
anki-media-unreadable = tās multivides saraksts ir bojāts vai nosauc pārāk daudz failu
anki-media-damaged = tās multivides saraksts ir bojāts: { $error }
anki-media-too-many = tās multivides saraksts nosauc pārāk daudz failu
anki-entry-unreadable = “{ $name }” nevar nolasīt: { $error }
anki-entry-encrypted = “{ $name }” ir šifrēts
anki-entry-damaged = “{ $name }” ir bojāts: { $error }
anki-entry-too-large = “{ $name }” izpakots pārsniedz { $size } KiB, vairāk nekā tajā var būt
anki-collection-damaged = kolekcija ir bojāta: { $error }
anki-bomb = kolekcija no { $packed } KiB saspiestu datu izplešas vairāk nekā līdz { $size } MiB (zip vai zstd bumba?)
anki-too-slow = kolekcijas lasīšana ilga pārāk ilgi (bojāts vai ļaunprātīgs fails?)
anki-not-anki-collection = kolekcija nav tādā veidā, kādā to raksta Anki: { $error }
anki-not-sqlite = kolekcija nav SQLite datubāze
anki-not-a-table = kolekcijas “{ $name }” ir { $kind }, nevis tabula
anki-no-table = kolekcijā nav tabulas “{ $name }”: tā nav Anki kolekcija
anki-old-shape = collection.anki21b satur vecā veida kolekciju
anki-too-many-note-types = kolekcijā ir vairāk nekā { $max } piezīmju veidu
anki-json-too-large = kolekcijas piezīmju veidi vai komplekti ir pārāk lieli
anki-note-types-damaged = kolekcijas piezīmju veidi ir bojāti: { $error }
anki-decks-damaged = kolekcijas komplekti ir bojāti: { $error }
anki-too-many-notes = kolekcijā ir vairāk nekā { $max } piezīmju; komplektā to ir mazāk (eksportē no Anki pa vienam komplektam)
anki-too-many-cards = kolekcijā ir pārāk daudz kartīšu
anki-too-many-reviews = atkārtojumu žurnālā ir vairāk nekā { $max } atbilžu
anki-no-card-made = nevienu tās piezīmi nevarēja pārvērst kartītē (pirmā: { $first })
anki-no-notes = tajā nav nevienas piezīmes

session-bad-settings = plānošanas iestatījumi nav derīgi: { $reason }
session-not-saved = atbildi neizdevās saglabāt: { $error }
deck-invalid = Kļūdas failā { $file }: { $n }
edit-unreadable = komplektu nevar atvērt redaktorā:
    { $problems }
edit-unreadable-heading = komplektu nevar atvērt redaktorā:
edit-read = neizdevās nolasīt { $path }: { $reason }
edit-save = neizdevās saglabāt komplektu: { $error }

## What was found where a file was expected.

file-kind-folder = mape
file-kind-fifo = nosaukts kanāls (FIFO)
file-kind-device = ierīce
file-kind-socket = sokets
file-kind-other = nav parasts fails

## Plānošanas iestatījumi un atkārtojumu žurnāli.

schedule-invalid-setting = nederīgs plānošanas iestatījums `{ $setting }`: { $reason }
schedule-outside = { $value } ir ārpus robežām { $min }–{ $max }
schedule-too-many-steps = soļu skaits ir { $n }; atļauti ne vairāk kā 32
schedule-bad-step = solis { $secs } s; katram solim jābūt vismaz 1 s un ne garākam par maksimālo intervālu
schedule-bad-hour = { $hour } nav stunda no 0 līdz 23
schedule-learn-ahead = { $secs } s ir vairāk nekā diennakts
schedule-bad-parameters = nederīgi FSRS parametri: { $reason }
schedule-unknown-item = jautājuma { $item } nav mācību rindā
schedule-model = FSRS modeļa kļūda: { $reason }
schedule-revlog-io = nevar nolasīt atkārtojumu žurnālu { $path }: { $error }
schedule-revlog-line = atkārtojumu žurnāla { $line }. rinda: { $reason }
schedule-parameter-count = { $n } vērtības; gaidīja 0, 17, 19 vai 21
schedule-parameter-values = gaidīja 0, 17, 19 vai 21 galīgu skaitli, saņēma { $n } ({ $error })

## Testi.

quiz-no-kinds = nav izvēlēta neviena jautājumu forma
quiz-no-questions = testā jābūt vismaz vienam jautājumam
quiz-nothing-to-ask = nevienu šo komplektu kartīti nevar uzdot izvēlētajās jautājumu formās
quiz-maps-without-question = nevienu šo komplektu kartīti nevar uzdot izvēlētajās jautājumu formās: vietas norādīšanas jautājums testos tiek uzdots tikai ar jautājumu testiem, `choice_prompt`, ko var ierakstīt komplekta redaktorā

## Ko RON lasītājs atrada nepareizu komplekta vai eksāmena failā (`{ $name }`, `{ $field }`,
## `{ $found }`, `{ $outer }` un `{ $expected }` ir faila vai formāta vārdi; { $error } ir
## lasītāja paša teksts angliski retai kļūdai).

syntax-at = rinda { $line }, kolonna { $column }: { $error }
syntax-eof = fails beidzas par agru
syntax-expected-open = gaidīja atverošo `{ $char }`
syntax-expected-close = gaidīja aizverošo `{ $char }`
syntax-expected-comma = gaidīja komatu
syntax-expected-colon = gaidīja kolu
syntax-expected-value = gaidīja { $kind ->
        [boolean] true vai false
        [integer] veselu skaitli
        [float] skaitli
        [string] tekstu pēdiņās
        [char] rakstzīmi apostrofos
        [identifier] nosaukumu
        [unit] `()`
        [option] Some(…) vai None
       *[other] vērtību
    }
syntax-string-end = teksts pēdiņās nav aizvērts
syntax-expected-struct = gaidīja `{ $name }(`
syntax-different-struct = gaidīja `{ $expected }`, bet atrada `{ $found }`
syntax-integer-out-of-bounds = skaitlis ir pārāk liels
syntax-invalid-digit = “{ $digit }” nav cipars skaitīšanas sistēmā ar bāzi { $base }
syntax-underscore = skaitlī ir pasvītra nepareizā vietā
syntax-unexpected-char = negaidīta rakstzīme “{ $char }”
syntax-unclosed-comment = komentārs /* … */ nekur nav aizvērts
syntax-trailing = aiz faila satura beigām ir vēl kaut kas
syntax-utf8 = teksts nav derīgs UTF-8
syntax-invalid-value = nepareiza veida vērtība: gaidīja { $expected }, atrada { $found }
syntax-wrong-length = gaidīja { $expected }, atrada elementus: { $n }
syntax-unknown-variant = nezināms veids `{ $found }`; gaidīja vienu no šiem: { $expected }
syntax-unknown-variant-in = nezināms veids `{ $found }` vietā `{ $outer }`; gaidīja vienu no šiem: { $expected }
syntax-unknown-field = nezināms lauks `{ $found }`; gaidīja vienu no šiem: { $expected }
syntax-unknown-field-in = nezināms lauks `{ $found }` vietā `{ $outer }`; gaidīja vienu no šiem: { $expected }
syntax-missing-field = trūkst lauka `{ $field }`
syntax-missing-field-in = vietā `{ $outer }` trūkst lauka `{ $field }`
syntax-duplicate-field = lauks `{ $field }` norādīts divreiz
syntax-duplicate-field-in = lauks `{ $field }` vietā `{ $outer }` norādīts divreiz
syntax-or = { $rest } vai { $last }
syntax-or-two = { $first } vai { $last }
syntax-too-deep = iekavas ir ligzdotas pārāk dziļi
syntax-other = { $error }

## Kāpēc saglabātais progresa vai iestatījumu fails tika nolikts malā (labošanas ziņojumā).

store-damage-no-header = tam nav galvenes rindas
store-damage-header = tā galveni nevar nolasīt
store-damage-not-snapshot = tas nav quizdeck progresa fails
store-damage-version = tā formāta versiju nevar nolasīt
store-damage-newer = tā galvene nosauc formātu { $format }, jaunāku, nekā šī quizdeck versija lasa (formāts { $supported }): to ierakstījusi jaunāka quizdeck versija, vai galvene ir bojāta
store-damage-length = tas ir saīsināts vai papildināts
store-damage-checksum = tā kontrolsumma nesakrīt
store-damage-summary = tā kopsavilkuma rindu nevar nolasīt
store-damage-recent = nesenu atbildi tajā nevar nolasīt
store-damage-item-line = jautājuma rindu tajā nevar nolasīt
store-damage-item-state = jautājuma stāvoklis tajā nav derīgs
store-damage-count = tajā ir cits jautājumu skaits, nekā tas norāda
store-damage-too-large = tā izmērs ir { $size } baiti, pārāk liels
store-settings-not-text = tas nav teksts
