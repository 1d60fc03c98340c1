# Сообщения движка: проблемы проверки колоды и подсказки, заметки проверки ответа,
# изображения и идентификаторы. Названия в кавычках — слова самой колоды, их не переводят.

## Названия полей карточки (подставляются в другие сообщения как { $what }).

field-deck-title = название колоды
field-description = описание
field-source-title = название источника
field-note = примечание
field-region-name = название области
field-front = лицевая сторона
field-back = оборотная сторона
field-cloze-text = текст с пропусками
field-question = вопрос
field-answer = ответ
field-distractor = неверный вариант
field-also-correct = ещё один верный вариант
field-statement = утверждение
field-correction = исправление
field-prompt = задание
field-choice-prompt = вопрос для тестов и экзаменов
field-item = элемент
field-pair-left = левая часть пары
field-pair-right = правая часть пары

## Проблемы проверки колоды и подсказка к каждой.

check-with-related = { $message } (см. строку { $line }, столбец { $column })
check-more-problems = Не показаны ещё { $errors } { $errors ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    } и { $warnings } { $warnings ->
        [one] предупреждение
        [few] предупреждения
       *[many] предупреждений
    } (показываются только первые { $max })
check-more-problems-hint = исправьте показанные проблемы и проверьте снова
check-empty-text = поле «{ $what }» пустое
check-empty-text-hint = заполните поле «{ $what }» или удалите карточку
check-too-long-text = поле «{ $what }» занимает { $size } КиБ; предел — { $limit } КиБ
check-too-long-text-hint = сократите текст: тексты карточки должны помещаться на экране
check-too-many = в этом списке больше { $max } элементов — больше, чем допустимо для одной карточки
check-too-many-hint = разделите его на несколько карточек
check-deck-too-large = карточки этой колоды заняли бы при изучении около { $size } МиБ памяти; предел — { $limit } МиБ
check-deck-too-large-hint = предел превышен на этой карточке: разделите колоду на несколько колод (у каждой свой id)
check-bad-deck-id = идентификатор колоды «{ $id }» недопустим: { $reason }
check-bad-deck-id-hint = используйте от 1 до 64 символов a-z, 0-9 и -, например «pact-and-bases-1939»
check-no-cards = в колоде нет карточек
check-no-cards-hint = добавьте в `cards` хотя бы одну Card(...)
check-bad-card-id = идентификатор карточки «{ $id }» недопустим: { $reason }
check-bad-card-id-hint = используйте от 1 до 64 символов a-z, 0-9 и -, например «latvia-pact-date»
check-duplicate-id = идентификатор карточки «{ $id }» используется дважды
check-duplicate-id-hint = дайте каждой карточке свой идентификатор: под ним хранится прогресс
check-long-note = примечание длиннее трёх предложений
check-long-note-hint = ограничьте примечание одним-двумя предложениями контекста
check-unknown-source = ключа источника «{ $key }» нет в списке `sources` колоды
check-unknown-source-hint-none = опишите документ в списке `sources` колоды
check-unknown-source-hint = используйте один из ключей источников колоды: { $keys }
check-missing-source = у карточки «{ $id }» не указан источник
check-missing-source-hint = добавьте `source: Ref(doc: "key", section: "...")`
check-needs-newer-format = карточкам Locate нужен формат колоды { $needed }; в этой колоде указан формат { $format }
check-choice-prompt-needs-newer-format = полю `choice_prompt` карточки Locate нужен формат колоды { $needed }; в этой колоде указан формат { $format }
check-needs-newer-format-hint = напишите `format: { $needed }` в начале колоды (quizdeck, не знающий формата { $needed }, сообщит, что колоде нужна более новая версия)
check-image-and-picture = карточка Locate показывает свою карту `picture`; поле `image` у неё быть не может
check-image-and-picture-hint = удалите `image`
check-image-absolute = путь к изображению «{ $path }» абсолютный
check-image-parent = путь к изображению «{ $path }» содержит `..`
check-image-path-hint = укажите путь относительно папки колоды, например «images/map.png»
check-missing-picture = у карточки Locate не указано изображение
check-missing-picture-hint = укажите PNG, на котором нарисованы области, например picture: "maps/baltic.png"
check-image-not-png = изображение «{ $path }» — не файл PNG
check-image-not-png-hint = сохраните изображение в формате PNG (.png)
check-image-outside = изображение «{ $path }» находится за пределами папки колоды
check-image-outside-hint = скопируйте изображение в папку колоды вместо ссылки на него
check-image-not-file = «{ $path }» — не файл
check-image-missing = изображения «{ $path }» нет рядом с колодой
check-image-missing-hint = положите изображение в папку колоды или исправьте путь
check-bad-image-hint = сохраните его как PNG не больше { $side } пикселей по стороне и { $mib } МиБ
check-region-not-number = у области «{ $name }» координата не является числом
check-region-not-number-hint = укажите x, y и r в пикселях изображения
check-circle-radius = у круга «{ $name }» радиус { $r }; он должен быть больше 0
check-circle-radius-hint = укажите радиус в пикселях, например r: 12
check-polygon-few = у многоугольника «{ $name }» { $n } { $n ->
        [one] вершина
        [few] вершины
       *[many] вершин
    }; нужно не меньше 3
check-polygon-few-hint = перечислите вершины по порядку: points: [(10, 10), (60, 10), (35, 50)]
check-polygon-many = число вершин многоугольника «{ $name }» — { $n }; предел — { $max }
check-polygon-many-hint = упростите контур
check-polygon-corner = вершина многоугольника «{ $name }» не является числом
check-polygon-corner-hint = задайте вершины как (x, y) в пикселях изображения
check-polygon-flat = у многоугольника «{ $name }» нет площади (его вершины лежат на одной прямой)
check-polygon-flat-hint = расставьте вершины вокруг места
check-region-outside = область «{ $name }» доходит до ({ $x0 }; { $y0 })–({ $x1 }; { $y1 }), за пределы изображения { $width }×{ $height }
check-region-outside-hint = указывайте координаты в пикселях изображения: x от 0 до ширины, y от 0 (сверху) до высоты
check-cloze-unclosed = пропуск `{"{{"}` не закрыт с помощью `{"}}"}`
check-cloze-unclosed-hint = записывайте пропуски как {"{{"}c1::ответ{"}}"}
check-cloze-marker = метка пропуска {"{{"}{ $marker }{"}}"} не имеет вида cN::ответ
check-cloze-marker-hint = записывайте пропуски как {"{{"}c1::ответ{"}}"} или {"{{"}c1::ответ::подсказка{"}}"}
check-cloze-empty = у пропуска c{ $n } нет ответа
check-cloze-empty-hint = напишите скрытый текст после `::`, например {"{{"}c1::Рига{"}}"}
check-cloze-no-gaps = в тексте с пропусками нет ни одного пропуска
check-cloze-no-gaps-hint = отметьте скрываемое как {"{{"}c1::ответ{"}}"}
check-cloze-numbering = пропуски пронумерованы { $gaps }, но c{ $missing } нет
check-cloze-numbering-hint = нумеруйте пропуски c1, c2, c3… без пробелов в нумерации
check-no-answer = карточка TypeIn не принимает ни одного ответа
check-no-answer-hint = перечислите хотя бы один верный ответ: answers: ["Рига"]
check-no-distractors = у карточки с выбором ответа нет неверных вариантов
check-no-distractors-hint = добавьте хотя бы один неверный вариант (лучше три)
check-answer-in-distractors = неверный вариант «{ $value }» на самом деле верный
check-answer-in-distractors-hint = удалите его или замените неверным вариантом
check-missing-correction = ложному утверждению нужно исправление
check-missing-correction-hint = добавьте `correction: "..."` с тем, что верно на самом деле
check-order-short = карточке Order нужно не меньше 3 элементов, а в ней { $n }
check-order-short-hint = добавьте элементы или сделайте карточку TrueFalse или MultipleChoice
check-match-short = карточке Match нужно не меньше 3 пар, а в ней { $n }
check-match-short-hint = добавьте пары или сделайте карточку TypeIn или MultipleChoice
check-too-many-regions = число областей на карточке — { $n }; предел — { $max }
check-too-many-regions-hint = разделите карточку или оставьте только области, которые ученик должен различать
check-duplicate-region = название области «{ $name }» используется дважды
check-duplicate-region-hint = дайте каждой области своё название
check-duplicate = { $what }: «{ $value }» встречается дважды
check-duplicate-folded = { $what }: «{ $value }» совпадает с «{ $earlier }», если не учитывать диакритические знаки и заглавные буквы
check-duplicate-hint = удалите повтор или измените его
check-similar-question = этот вопрос совпадает с вопросом карточки { $card }
check-similar-question-hint = переформулируйте один из них или удалите карточку-дубликат

## Почему идентификатор недопустим.

id-empty = идентификатор пустой
id-too-long = длина идентификатора — { $len }; предел — { $max } символов
id-bad-char = в идентификаторе есть «{ $char }»; используйте только a-z, 0-9 и -
id-edge-dash = идентификатор начинается или заканчивается на «-»

## Почему изображение нельзя показать ({ $error } — слова системы).

picture-unreadable = не удалось прочитать изображение { $path }: { $error }
picture-too-large = изображение { $path } занимает { $bytes } { $bytes ->
        [one] байт
        [few] байта
       *[many] байт
    }; предел для изображений — 16 МиБ
picture-too-big = размер изображения { $path } — { $width }×{ $height } пикс.; предел — { $max } пикс. по каждой стороне
picture-not-png = изображение { $path } — не читаемый PNG: { $error }

## Заметки проверки ответа под введённым ответом.

answer-accepted-written = засчитано — правильное написание: { $answer }
answer-accepted-spelling = засчитано — обратите внимание на написание: { $words }
answer-accepted-spelling-written = засчитано — обратите внимание на написание: { $words }; правильно: { $answer }
answer-only-accents = отличаются только диакритические знаки; правильное написание: { $answer }

## Файл колоды, который не удаётся прочитать ({ $error } — слова системы или чтения RON).

deck-duplicate-id = идентификатор колоды «{ $id }» уже используется в { $file }; библиотека с обоими файлами возьмёт только один
deck-bundled-id = идентификатор колоды «{ $id }» принадлежит встроенной колоде; после импорта этот файл её заменит
library-replaces-bundled = Колода { $id } из { $file } заменяет встроенную колоду с тем же идентификатором.
library-same-id = У двух файлов колод идентификатор { $id }: используется { $used }, а { $other } — нет.
library-bundled-newer = Встроенная колода { $id } новее других копий, они не используются.
deck-duplicate-id-hint = дайте каждой колоде свой идентификатор (или оставьте один из файлов)
deck-file-too-large = файл занимает { $size } МиБ; предел для колод — { $limit } МиБ
deck-split-hint = разделите колоду на несколько файлов
deck-unreadable = не удалось прочитать файл: { $error }
deck-wrong-type-hint = укажите путь к файлу колоды (*.ron)
deck-check-path-hint = проверьте путь и права доступа
deck-not-utf8 = файл не является текстом в кодировке UTF-8
deck-not-utf8-hint = сохраните файл в UTF-8 (в большинстве редакторов: «Сохранить как…» → кодировка UTF-8)
deck-utf16-damaged = файл похож на текст UTF-16, но повреждён
deck-text-too-large = колода больше 64 МиБ
deck-newer-format = эта колода сделана для более новой версии quizdeck (формат { $format }); эта версия читает формат { $supported }
deck-newer-format-hint = обновите quizdeck, чтобы открыть эту колоду
deck-format-zero = формата 0 не существует
deck-format-zero-hint = напишите `format: { $format }`
deck-syntax = ошибка синтаксиса: { $error }
deck-syntax-unknown-field-hint = удалите поле или исправьте его название
deck-syntax-missing-field-hint = добавьте `{ $field }: …`
deck-syntax-unknown-kind-hint = используйте один из перечисленных видов карточек
deck-syntax-duplicate-field-hint = оставьте одно `{ $field }`
deck-syntax-too-deep-hint = вложенность ограничена { $max } уровнями; колоде столько никогда не нужно
deck-syntax-string-hint = текст пишется в двойных кавычках: "вот так"; кавычка внутри пишется как \"
deck-syntax-eof-hint = файл заканчивается слишком рано: проверьте, не пропущены ли `)` или `]`
deck-syntax-trailing-hint = удалите то, что идёт после закрывающей `)` колоды
deck-guide-hint = см. руководство по формату: `quizdeck help deck-format`
deck-string-unclosed-eof = эта строка не закрыта: файл заканчивается внутри неё
deck-string-unclosed-eof-hint = закончите текст символом `"`
deck-string-unclosed-card = эта строка не закрыта: карточка заканчивается внутри неё (следующая карточка начинается в строке { $line })
deck-string-unclosed = эта строка не закрыта: без закрывающей `"` она тянется до строки { $line }, столбца { $column } и поглощает строки между ними
deck-string-unclosed-hint = закройте текст символом `"` там, где он заканчивается; кавычка внутри пишется как \"
deck-unclosed-eof = эта `{ $open }` не закрыта: файл заканчивается раньше
deck-unclosed-card = эта `{ $open }` не закрыта: карточка заканчивается раньше (следующая карточка начинается в строке { $line })
deck-unclosed = эта `{ $open }` не закрыта: `{ $found }` в строке { $line }, столбце { $column } встречается, пока она ещё открыта
deck-unclosed-hint = добавьте недостающую `{ $close }` в конце того, что она открывает
deck-unopened = эта `{ $close }` ничего не закрывает
deck-unopened-hint = удалите её или добавьте `{ $open }`, которую она должна закрывать
deck-structural = { $message } (чтение остановилось в строке { $line }, столбце { $column }: { $error })
deck-structural-hint = { $hint }; см. руководство по формату: `quizdeck help deck-format`
deck-folder-unreadable = не удаётся прочитать папку колод: { $error }
deck-folder-unreadable-hint = проверьте права доступа к папке или USB-накопитель, на котором она находится

## Как окно перечисляет проблемы колоды.

diag-error = ошибка
diag-warning = предупреждение
diag-help = подсказка
diag-line = { $file }:{ $line }:{ $column }: { $severity }: { $message }
diag-hint = ({ $hint })

## Область карточки Locate, записанная текстом, которую не удаётся прочитать ({ $region } — строка).

region-no-at = в области «{ $region }» нет `@`; записывайте область как `Название @ circle(x, y, r)` или `Название @ polygon(x y, x y, x y)`
region-bad-form = область «{ $region }» не имеет вида `Название @ circle(x, y, r)` или `Название @ polygon(x y, x y, x y)`
region-not-number = «{ $value }» в области «{ $region }» не является числом
region-circle-args = кругу «{ $region }» нужны x, y и r; записывайте область как `Название @ circle(x, y, r)`
region-bad-corner = вершина «{ $corner }» в области «{ $region }» не имеет вида `x y`
region-unknown-shape = неизвестная фигура «{ $shape }» в «{ $region }»; записывайте область как `Название @ circle(x, y, r)` или `Название @ polygon(x y, x y, x y)`

## Ошибки файлов, профилей, пакетов и экзаменов ({ $error } и { $reason } — слова системы
## или программы чтения).

error-io = не удалось { $action } { $path }: { $error }
error-system = { $error }
action-read = прочитать
action-write = записать
action-create = создать
action-open = открыть
action-replace = заменить
action-clear = очистить
action-copy = скопировать
action-remove = удалить
action-list = просмотреть
action-sync = сохранить на диск
action-lock = заблокировать
action-append = дописать в файл
action-append-journal = дописать в журнал
action-copy-damaged-aside = скопировать в сторону повреждённый файл
action-create-temporary = создать временный файл
action-create-history-folder = создать папку истории
action-create-profile-folder = создать папку профиля
action-create-profiles-folder = создать папку профилей
action-create-progress-folder = создать папку прогресса
action-create-repaired-journal = создать исправленный журнал
action-flush = сохранить на диск
action-list-history-folder = просмотреть папку истории
action-list-profiles = просмотреть профили в папке
action-move-damaged-aside = переместить в сторону повреждённый файл
action-move-journal-to-history = перенести журнал в историю
action-open-copy = открыть копию
action-open-folder-sync = открыть папку для сохранения на диск
action-open-journal = открыть журнал
action-open-journal-writing = открыть журнал для записи
action-open-lock-file = открыть файл блокировки
action-read-history-index = прочитать индекс истории
action-read-end = прочитать конец файла
action-read-history = прочитать историю
action-read-profile-folder = прочитать папку профиля
action-read-journal = прочитать журнал
action-read-journal-header = прочитать заголовок журнала
action-read-journal-size = узнать размер журнала
action-remove-merged-history = удалить объединённый файл истории
action-remove-profile-folder = удалить папку профиля
action-repair = исправить
action-repair-journal-end = исправить конец журнала
action-replace-history-file = заменить файл истории
action-replace-damaged-journal = заменить повреждённый журнал
action-replace-file = заменить файл
action-set-journal-aside = отложить журнал для снимка
action-sync-merged-history = сохранить на диск объединённый файл истории
action-sync-copy = сохранить на диск копию
action-sync-folder = сохранить на диск папку
action-sync-journal = сохранить на диск журнал
action-sync-repaired-journal = сохранить на диск исправленный журнал
action-sync-temporary = сохранить на диск временный файл
action-update-journal-header = обновить заголовок журнала
action-write-merged-history = записать объединённый файл истории
action-write-repaired-journal = записать исправленный журнал
action-write-temporary = записать временный файл
store-locked = профиль в { $path } уже используется ({ $holder }); сначала закройте другое окно quizdeck
store-read-only = не удаётся сохранить изменения профиля в { $path }: он открыт только для чтения ({ $reason })
store-cannot-write = в профиль нельзя записать: { $error }
store-opened-read-only = открыт только для чтения
store-in-use = используется: { $holder }
store-holder-process = процесс { $pid } с { $since }
store-holder-unknown = другое окно quizdeck
store-newer-format = { $path } записан более новой версией quizdeck (формат { $format }); обновите quizdeck, чтобы открыть его
store-no-data-dir = не удаётся выбрать папку для данных: { $reason }
store-data-dir-empty = аргумент --data-dir пуст
store-data-dir-none = --data-dir не задан, { $env } не установлена, нет метки переносной версии, и в системе нет папки данных пользователя
store-bad-profile-name = «{ $name }» нельзя использовать как имя профиля: { $reason }
store-name-empty = оно пустое
store-name-too-long = оно длиннее { $max } символов
store-name-control = в нём есть управляющие символы
store-profile-exists = профиль «{ $name }» уже существует
store-no-such-profile = в { $folder } нет профиля «{ $name }»
store-ambiguous-profile = «{ $name }» может означать несколько профилей: { $candidates }; укажите имя папки
store-bad-bundle = { $path } — непригодный файл прогресса quizdeck: { $reason }
store-sequence-exhausted = в { $path } больше нельзя записывать: номера записей исчерпаны (файлы прогресса были изменены или повреждены)
store-encode = не удалось закодировать { $what } для { $path }: { $reason }
library-invalid = в { $file } есть ошибки; колода не импортирована
library-bundled = колода { $id } встроена в quizdeck, её нельзя удалить
library-picture-too-large = изображение { $file } занимает { $size } байт; предел для изображений — { $limit } байт
library-pictures-too-large = изображения колоды вместе занимают больше { $limit } байт (на { $file })
library-older = в этом файле версия { $importing } колоды «{ $title }», а здесь уже версия { $have }: ничего не изменено. Чтобы вернуться к версии { $importing }, сначала удалите колоду (прогресс сохранится), затем импортируйте файл снова.
package-invalid = в { $file } есть ошибки
package-refused = { $path } отклонён: { $reason }
package-name-too-long = имя записи «{ $name }…» слишком длинное
package-name-bad-char = в имени записи «{ $name }» есть обратная косая черта, двоеточие или NUL
package-name-outside = запись «{ $name }» указывает за пределы пакета («..»)
package-name-absolute = у записи «{ $name }» абсолютный путь
package-name-empty = у одной из записей пустое имя
package-name-too-deep = запись «{ $name }» вложена слишком глубоко
package-too-large = его размер { $size } МиБ; пакеты ограничены { $max } МиБ
package-not-zip = это не читаемый пакет .{ $extension } (zip-файл): { $error }
package-too-many-entries = в нём записей: { $n }; в пакете может быть не больше { $max } (колода и её изображения)
package-entry-unreadable = запись { $n } не читается: { $error }
package-entry-bad-name = имя записи { $n } не читается: { $error }
package-entry-link = запись «{ $name }» — символическая ссылка; в пакете могут быть только файлы
package-entry-encrypted = запись «{ $name }» зашифрована
package-entry-twice = запись «{ $name }» встречается дважды
package-entry-too-large = запись «{ $name }» в распакованном виде заняла бы { $size } МиБ; { $kind ->
        [deck] файлы колод
       *[picture] изображения
    } ограничены { $max } МиБ
package-entry-bomb = запись «{ $name }» разворачивается в { $ratio } раз (zip-бомба?)
package-unpacked-too-large = его файлы в распакованном виде заняли бы больше { $max } МиБ
package-no-deck = на верхнем уровне нет файла колоды (.ron)
package-several-decks = на верхнем уровне файлов колод: { $n }; в пакете одна колода
package-file-unreadable = «{ $name }» не читается: { $error }
package-file-damaged = «{ $name }» повреждён: { $error }
package-file-bomb = «{ $name }» при распаковке больше заявленного размера (zip-бомба?)
exam-too-large = { $path } занимает { $size } байт; предел — { $limit }
exam-invalid = { $path } — недопустимый файл экзамена: { $reason }
exam-newer-format = { $path } создан более новой версией quizdeck (формат экзамена { $format }; эта версия читает форматы с { $oldest } по { $newest }): откройте его той версией quizdeck, которой пользовался учитель
exam-obsolete = { $path } создан ранней версией quizdeck (формат экзамена { $format }), его нельзя ни сдавать, ни оценивать: такой файл показывает все ответы любому, кто откроет его в текстовом редакторе, даёт всем ученикам одинаковый вариант, и эта версия задала бы по нему другие вопросы. Создайте экзамен заново («Учитель…» в программе или `quizdeck exam new`) и раздайте новый файл для учеников
exam-deck-errors = в колоде { $index }, встроенной в экзамен, есть ошибки: { $reason }
exam-not-usable = экзамен непригоден: { $reason }
exam-bad-result = { $path } — непригодный файл результатов: { $reason }
exam-already-finished = { $path } уже сдан
exam-other-student = { $path } принадлежит ученику «{ $name }»; выберите имя, по которому вас можно отличить
exam-no-name = имя ученика не указано
exam-time-up = время экзамена истекло
exam-in-use = этот экзамен уже открыт в другом окне ({ $path }); сначала закройте то окно
exam-handed-in-here = этот экзамен уже сдан на этом компьютере (квитанция { $receipt })
exam-no-question = в экзамене нет вопроса { $n }
exam-needs-key = для оценивания нужен файл ключа учителя (ИМЯ.key.ron), а не файл экзамена для учеников
exam-no-results = в { $folder } нет файлов результатов экзамена { $exam }
exam-bad-id = недопустимый идентификатор экзамена: { $reason }
exam-no-decks = не выбрана ни одна колода
exam-pool-small = в банке вопросов только { $pool }, а нужно { $n }
exam-no-time-limit = у экзамена нет ограничения по времени
exam-save-needs-key = файлы экзамена можно создать только из файла ключа учителя
exam-damaged-key = ключ в файле повреждён
exam-internal = { $error }
exam-result-no-header = он не начинается с заголовка файла результатов
exam-result-other-exam = он относится к экзамену «{ $found }», а не «{ $exam }»
exam-result-no-start = он не начинается с начала экзамена
exam-result-empty = в нём нет записей
import-bad-csv = { $path }: нечитаемый файл CSV: { $reason }
import-rows = Строк с проблемами: { $n }; ничего не записано (чтобы пропустить их, используйте --keep-going)
import-invalid = импортированная колода не проходит проверку
import-refused = { $path } отклонён: { $reason }
import-mapping-twice = полю { $field } сопоставлены два столбца; оставьте один
import-mapping-no-question = ни один столбец не сопоставлен вопросу
import-write = не удалось записать { $what }: { $reason }
import-what-imported-deck = импортированную колоду
import-what-anki-collection = коллекцию Anki
import-what-package = пакет
import-what-cards = карточки
import-what-json = JSON
import-what-deck = колоду
import-what-mapped-rows = сопоставленные строки
import-deck-too-large = колода из него заняла бы файл в { $size } МиБ, больше допустимых для файла колоды { $cap } МиБ
import-deck-too-large-hint = разделите его на несколько файлов и импортируйте каждый как отдельную колоду

## Строки таблицы, текста Quizlet или файла GIFT, из которых не получается карточка.

import-column-repeated = столбец { $n } ({ $name }) повторяет столбец { $first } с тем же значением; оставьте один из них
import-quote-unclosed = здесь начинается ячейка в кавычках, которая нигде не закрыта: весь остаток файла был бы прочитан как одна ячейка; добавьте закрывающую `"`
import-no-question-column = в строке заголовков нет столбца `question` или `front`
import-unknown-column = столбец { $name } неизвестен и пропущен
import-more-unknown-columns = { $n ->
        [one] ещё { $n } неизвестный столбец пропущен
        [few] ещё { $n } неизвестных столбца пропущено
       *[other] ещё { $n } неизвестных столбцов пропущено
    } (названы только первые { $shown })
import-more-bad-rows = { $n ->
        [one] ещё { $n } строка начиная отсюда не даёт карточки
        [few] ещё { $n } строки начиная отсюда не дают карточек
       *[other] ещё { $n } строк начиная отсюда не дают карточек
    } (показаны только первые { $shown })
import-problem-with-hint = { $message } ({ $hint })
import-csv-reader = { $error }
import-csv-utf8 = строка { $line }: не текст UTF-8
import-csv-unequal = строка { $line }: ячеек { $len }, а в предыдущих строках — { $expected }
import-sheet-too-large = файл занимает { $size } МиБ; таблицы ограничены { $cap } МиБ (разделите его на несколько колод)
import-not-utf8 = это не текст UTF-8 (байт { $byte }): вероятно, сохранён в старой кодировке, например Windows-1252; сохраните таблицу как «CSV UTF-8»
import-utf16-odd = файл похож на текст UTF-16, но в нём нечётное число байтов
import-utf16-damaged = файл похож на текст UTF-16, но повреждён; сохраните таблицу как «CSV UTF-8»
import-bad-truth = строке «верно или неверно» нужно `true` или `false` в столбце ответа, а не { $value }
import-bad-pair = в паре { $pair } нет `=`; записывайте пары как `левое = правое | левое = правое`
import-unknown-kind = неизвестный тип { $kind }; используйте basic, basic-reverse, cloze, typein, multiple-choice, true-false, order, match или locate
quizlet-empty-side = термин или определение пустые
quizlet-no-separator = нет разделителя ({ $separator }) между термином и определением в { $text }
quizlet-sep-tab = табуляция
quizlet-sep-newline = перевод строки
gift-description = описание (без ответа в {"{"} {"}"}) нельзя представить в quizdeck
gift-answer-unclosed = скобка {"{"} ответа нигде не закрыта знаком {"}"}
gift-empty-question = текст вопроса пуст
gift-essay = вопрос-эссе (без проверяемого ответа) нельзя представить в quizdeck
gift-numerical = числовые вопросы нельзя представить в quizdeck
gift-answer-marks = ответы должны начинаться с = или ~
gift-no-right-answer = нет правильного ответа (=)
gift-choice-needs-right = вопросу с выбором ответа нужен один правильный ответ (=)

## Что импорт из Anki перенёс и что пропустил.

anki-report-read = Прочитано записей: { $notes }, создано карточек: { $cards }, изображений: { $pictures }, ответов из журнала повторений: { $reviews }
anki-report-notes-left-out = Пропущено записей: { $n }
anki-report-pictures-converted = Изображений JPEG или GIF преобразовано в PNG: { $n }
anki-report-sounds-dropped = Пропущено звуков (у карточек quizdeck нет звука): { $n }
anki-report-pictures-left-out = Пропущено изображений: { $n }
anki-report-reviews-left-out = Пропущено ответов из журнала повторений (перенесённых вручную или по неимпортированным карточкам): { $n }
anki-report-more = … и ещё { $n }
anki-note-too-long = заметка { $note }: { $size } КиБ текста, больше, чем вмещает карточка
anki-note-no-type = заметка { $note }: её тип заметки отсутствует в коллекции
anki-note-no-gap = заметка { $note } ({ $type }): заметка с пропусками без пропуска {"{{"}c1::…{"}}"}
anki-note-few-fields = заметка { $note } ({ $type }): у типа заметки меньше двух полей
anki-note-empty = заметка { $note } ({ $type }): пустой вопрос или ответ
anki-picture-left-out = { $file }: { $reason }
anki-picture-missing = его нет в пакете
anki-picture-too-big = { $width }×{ $height } пикселей, слишком велико для преобразования (не больше { $max } по каждой стороне)
anki-picture-not-converted = не удалось преобразовать в PNG: { $reason }
anki-picture-not-png = { $format ->
        [webp] WebP
        [svg] SVG
       *[other] неизвестный формат
    }; quizdeck показывает изображения PNG (сохраните изображение как PNG и добавьте его в колоду)
anki-pictures-too-large = изображения колоды вместе слишком велики

## Почему пакет Anki отклонён ({ $error } — слова самой программы чтения; { $kind } —
## название того, что нашла SQLite).

anki-too-large = его размер { $size } МиБ; пакеты Anki читаются до { $max } МиБ
anki-not-zip = это не пакет Anki (zip-файл): { $error }
anki-too-many-entries = в нём записей: { $n }; читается не больше { $max }
anki-no-collection = в нём нет коллекции Anki (collection.anki2, .anki21 или .anki21b)
anki-newer = он записан более новой версией Anki (версия пакета { $version }); экспортируйте его снова, отметив «Support older Anki versions»
anki-media-unreadable = его список медиафайлов повреждён или называет слишком много файлов
anki-media-damaged = его список медиафайлов повреждён: { $error }
anki-media-too-many = его список медиафайлов называет слишком много файлов
anki-entry-unreadable = не удаётся прочитать «{ $name }»: { $error }
anki-entry-encrypted = «{ $name }» зашифрован
anki-entry-damaged = «{ $name }» повреждён: { $error }
anki-entry-too-large = «{ $name }» в распакованном виде больше { $size } КиБ, больше, чем в нём может быть
anki-collection-damaged = коллекция повреждена: { $error }
anki-bomb = коллекция разворачивается из { $packed } КиБ сжатых данных больше чем в { $size } МиБ (zip- или zstd-бомба?)
anki-too-slow = чтение коллекции заняло слишком много времени (повреждённый или вредоносный файл?)
anki-not-anki-collection = коллекция не того вида, который записывает Anki: { $error }
anki-not-sqlite = коллекция не является базой данных SQLite
anki-not-a-table = «{ $name }» в коллекции — это { $kind }, а не таблица
anki-no-table = в коллекции нет таблицы «{ $name }»: это не коллекция Anki
anki-old-shape = collection.anki21b содержит коллекцию старого вида
anki-too-many-note-types = в коллекции больше { $max } типов заметок
anki-json-too-large = типы заметок или колоды коллекции слишком велики
anki-note-types-damaged = типы заметок коллекции повреждены: { $error }
anki-decks-damaged = колоды коллекции повреждены: { $error }
anki-too-many-notes = в коллекции больше { $max } заметок; в колоде их меньше (экспортируйте из Anki по одной колоде)
anki-too-many-cards = в коллекции слишком много карточек
anki-too-many-reviews = в журнале повторений больше { $max } ответов
anki-no-card-made = ни из одной заметки не удалось сделать карточку (первая: { $first })
anki-no-notes = в нём нет заметок

session-bad-settings = настройки расписания недопустимы: { $reason }
session-not-saved = ответ не удалось сохранить: { $error }
deck-invalid = Ошибок в { $file }: { $n }
edit-unreadable = колоду нельзя открыть в редакторе:
    { $problems }
edit-unreadable-heading = колоду нельзя открыть в редакторе:
edit-read = не удалось прочитать { $path }: { $reason }
edit-save = не удалось сохранить колоду: { $error }

## What was found where a file was expected.

file-kind-folder = папка
file-kind-fifo = именованный канал (FIFO)
file-kind-device = устройство
file-kind-socket = сокет
file-kind-other = другой объект

## Настройки расписания и журналы повторений.

schedule-invalid-setting = недопустимая настройка расписания `{ $setting }`: { $reason }
schedule-outside = { $value } вне диапазона { $min }–{ $max }
schedule-too-many-steps = шагов: { $n }; допускается не больше 32
schedule-bad-step = шаг { $secs } с; каждый шаг должен быть не меньше 1 с и не больше максимального интервала
schedule-bad-hour = { $hour } — не час от 0 до 23
schedule-learn-ahead = { $secs } с — больше суток
schedule-bad-parameters = недопустимые параметры FSRS: { $reason }
schedule-unknown-item = вопроса { $item } нет в очереди занятий
schedule-model = ошибка модели FSRS: { $reason }
schedule-revlog-io = не удаётся прочитать журнал повторений { $path }: { $error }
schedule-revlog-line = журнал повторений, строка { $line }: { $reason }
schedule-parameter-count = значений: { $n }; ожидалось 0, 17, 19 или 21
schedule-parameter-values = ожидалось 0, 17, 19 или 21 конечное число, получено { $n } ({ $error })

## Тесты.

quiz-no-kinds = не выбрана ни одна форма вопросов
quiz-no-questions = в тесте должен быть хотя бы один вопрос
quiz-nothing-to-ask = ни одну карточку этих колод нельзя задать в выбранных формах вопросов
quiz-maps-without-question = ни одну карточку этих колод нельзя задать в выбранных формах вопросов: вопрос «Укажите место» задаётся в тестах только с вопросом для тестов, `choice_prompt`, который можно написать в редакторе колод

## Что программа чтения RON нашла неверным в файле колоды или экзамена (`{ $name }`,
## `{ $field }`, `{ $found }`, `{ $outer }` и `{ $expected }` — слова файла или формата;
## { $error } — собственный английский текст программы чтения для редкой ошибки).

syntax-at = строка { $line }, столбец { $column }: { $error }
syntax-eof = файл заканчивается слишком рано
syntax-expected-open = ожидалась открывающая `{ $char }`
syntax-expected-close = ожидалась закрывающая `{ $char }`
syntax-expected-comma = ожидалась запятая
syntax-expected-colon = ожидалось двоеточие
syntax-expected-value = ожидалось { $kind ->
        [boolean] true или false
        [integer] целое число
        [float] число
        [string] текст в двойных кавычках
        [char] символ в одинарных кавычках
        [identifier] имя
        [unit] `()`
        [option] Some(…) или None
       *[other] значение
    }
syntax-string-end = текст в двойных кавычках не закрыт
syntax-expected-struct = ожидалось `{ $name }(`
syntax-different-struct = ожидалось `{ $expected }`, а найдено `{ $found }`
syntax-integer-out-of-bounds = число слишком велико
syntax-invalid-digit = «{ $digit }» — не цифра числа в системе счисления с основанием { $base }
syntax-underscore = в числе знак подчёркивания стоит не на месте
syntax-unexpected-char = неожиданный символ «{ $char }»
syntax-unclosed-comment = комментарий /* … */ нигде не закрыт
syntax-trailing = после конца содержимого файла есть что-то ещё
syntax-utf8 = текст не является корректным UTF-8
syntax-invalid-value = значение не того вида: ожидалось { $expected }, найдено { $found }
syntax-wrong-length = ожидалось { $expected }, найдено элементов: { $n }
syntax-unknown-variant = неизвестный вид `{ $found }`; ожидался один из: { $expected }
syntax-unknown-variant-in = неизвестный вид `{ $found }` в `{ $outer }`; ожидался один из: { $expected }
syntax-unknown-field = неизвестное поле `{ $found }`; ожидалось одно из: { $expected }
syntax-unknown-field-in = неизвестное поле `{ $found }` в `{ $outer }`; ожидалось одно из: { $expected }
syntax-missing-field = не хватает поля `{ $field }`
syntax-missing-field-in = в `{ $outer }` не хватает поля `{ $field }`
syntax-duplicate-field = поле `{ $field }` указано дважды
syntax-duplicate-field-in = поле `{ $field }` указано дважды в `{ $outer }`
syntax-or = { $rest } или { $last }
syntax-or-two = { $first } или { $last }
syntax-too-deep = скобки вложены слишком глубоко
syntax-other = { $error }

## Почему сохранённый файл прогресса или настроек отложен (внутри сообщения о починке).

store-damage-no-header = в нём нет строки заголовка
store-damage-header = его заголовок не читается
store-damage-not-snapshot = это не файл прогресса quizdeck
store-damage-version = версия его формата не читается
store-damage-newer = его заголовок называет формат { $format }, более новый, чем читает этот quizdeck (формат { $supported }): его записал более новый quizdeck, или заголовок повреждён
store-damage-length = он обрезан или дополнен
store-damage-checksum = его контрольная сумма не совпадает
store-damage-summary = его строка сводки не читается
store-damage-recent = недавний ответ в нём не читается
store-damage-item-line = строка вопроса в нём не читается
store-damage-item-state = состояние вопроса в нём недопустимо
store-damage-count = в нём другое число вопросов, чем в нём указано
store-damage-too-large = его размер { $size } байт, слишком большой
store-settings-not-text = это не текст
