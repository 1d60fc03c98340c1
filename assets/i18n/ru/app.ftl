# quizdeck: интерфейс на русском языке.
# Каждое сообщение имеет вид `ключ = текст`; { $имя } — значение, которое подставляет программа.
# См. docs/translating.md.

## Даты, числа и интервалы

# 18.09.1939
date-short = { $day }.{ $month }.{ $year }
# 18 сентября 1939 г.
date-long = { $day } { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    } { $year } г.
date-time = { $date } { $time }
percent = { $value } %
interval-seconds = { $n } с
interval-minutes = { $n } мин
interval-hours = { $n } ч
interval-days = { $n } д
interval-months = { $n } мес.
interval-years = { $n } г.

## Темы оформления

theme-light = Светлая
theme-dark = Тёмная
theme-high-contrast = Высокий контраст

## Настройки

settings-language = Язык (Language)
settings-language-system = Язык системы ({ $name })
settings-save = Сохранить
settings-cancel = Отмена
settings-settings = Настройки
settings-desired-retention = Желаемая доля запоминания
settings-new-items-per-day = Новых вопросов в день, каждая колода
settings-reviews-per-day-each = Повторений в день, каждая колода
settings-new-items-per-day-2 = Новых вопросов в день, все колоды вместе
settings-reviews-per-day-all = Повторений в день, все колоды вместе
settings-learning-steps = Шаги изучения
settings-relearning-steps = Шаги переучивания
settings-new-day-starts-at = Новый день начинается (час)
settings-leech-after-lapses-0 = Трудный вопрос после (забываний, 0 = никогда)
settings-leeches = Трудные вопросы
settings-mark-them-keep-studying = Отмечать, но продолжать учить
settings-mark-and-suspend-them = Отмечать и приостанавливать
settings-typed-answers = Вводимые ответы
settings-exact-accents-count = Точно (диакритика учитывается)
settings-ignore-accents-but-tell = Не учитывать диакритику, но сообщать
settings-ignore-accents = Не учитывать диакритику
settings-theme = Тема оформления
settings-text-size = Размер текста (%)
settings-limits-of-single-decks = Ограничения отдельных колод
settings-a-deck-with-its = Колода со своими ограничениями не учитывает два числа «каждая колода» выше.
settings-deck-new = новых
settings-deck-reviews = повторений
settings-step-not-a-step = «{ $step }» — это не шаг вида 10m
settings-step-unit = «{ $step }»: используйте s, m, h или d
settings-step-out-of-range = «{ $step }» вне допустимых пределов

## Навигация

nav-study = Учить
nav-study-name = Учить
nav-study-hint = Ваши колоды и то, что нужно повторить сегодня
nav-group-practice = Практика
nav-practice-test = Тест
nav-practice-test-name = Тест…
nav-practice-test-hint = Тест по любым колодам с разбором каждой ошибки
nav-match-game = Пары
nav-match-game-name = Пары…
nav-match-game-hint = Соединяйте пары на время
nav-group-class = Класс
nav-take-an-exam = Экзамен
nav-take-an-exam-name = Экзамен…
nav-take-an-exam-hint = Пройти экзамен из файла, который дал учитель
nav-teacher = Учитель
nav-teacher-name = Учитель…
nav-teacher-hint = Составить экзамен, показать код учителя, прочитать результаты класса
nav-deck-editor = Редактор колод
nav-deck-editor-name = Редактор колод…
nav-deck-editor-hint = Создайте колоду или исправьте её: все виды карточек, ошибки видны сразу при вводе
nav-group-insight = Обзор
nav-statistics = Статистика
nav-statistics-name = Статистика…
nav-statistics-hint = Повторения по дням, запоминание, дни занятий и самые трудные вопросы
nav-browse = Просмотр
nav-browse-name = Просмотр…
nav-browse-hint = Все вопросы всех колод: поиск, фильтры, приостановка, сброс
nav-settings = Настройки
nav-settings-name = Настройки…
nav-settings-hint = Тема, размер текста, дневные ограничения, проверка ответов
nav-switch-profile = Сменить профиль
nav-switch-profile-hint = Выберите, кто занимается, или добавьте, переименуйте, удалите профиль

## Колоды

library-reviews-due-today-first = Сначала повторения на сегодня, затем новые карточки в пределах дневного ограничения
library-decks = Колоды
library-import-deck = Импортировать колоду…
library-import-a-ron-deck = Импортировать колоду: .ron, .qdeck, Anki (.apkg) или таблицу либо текст Quizlet (.csv, .tsv, .txt); или перетащите файл в окно
library-sort = Порядок:
library-group-by-folder = Группировать по папкам
library-bundled-decks-and-imported = Встроенные и импортированные колоды отдельно
library-the-deck-was-not = Колода не импортирована:
library-dismiss = Закрыть
library-study = Учить
library-remove = Удалить
library-remove-this-imported-deck = Удалить эту импортированную колоду (прогресс сохранится)
library-remove-this-deck-for = Удалить эту колоду для всех пользователей этого компьютера? Прогресс сохранится.
library-remove-this-deck-progress = Удалить эту колоду? Прогресс сохранится.
library-yes-remove = Да, удалить
library-keep = Оставить
library-due-today-in = К повторению сегодня в колоде { $deck }: { $n }
library-due = к повторению
library-mastered = усвоено { $percent }
library-new-today = {" "}· новых сегодня: { $n }
library-cards = { $n ->
        [one] { $n } карточка
        [few] { $n } карточки
        [many] { $n } карточек
       *[other] { $n } карточки
    }
library-cards-items = { $cards ->
        [one] { $cards } карточка
        [few] { $cards } карточки
        [many] { $cards } карточек
       *[other] { $cards } карточки
    }, { $items ->
        [one] { $items } вопрос
        [few] { $items } вопроса
        [many] { $items } вопросов
       *[other] { $items } вопроса
    }
library-deck-line = { $cards }{ $new } · последнее занятие: { $last } · { $origin }
library-from = из: { $origin }
library-due-and-new = Сегодня к повторению: { $due }, новых: { $new }
library-study-deck = Учить { $deck }
library-remove-deck = Удалить { $deck }
library-state-mature = усвоенные
library-state-young = недавние
library-state-learning = изучаемые
library-state-new = новые
library-state-suspended = приостановленные
library-state-count = { $state }: { $n }
library-progress-of = Прогресс колоды { $deck }: { $states }
library-done-today = Сегодня выполнено { $done } из { $total }
library-streak = { $n ->
        [0] Серии пока нет: позанимайтесь сегодня, чтобы её начать
       *[other] Дней занятий подряд: { $n }
    }
library-counting = Подсчёт карточек на сегодня…
library-study-now = Учить сейчас
library-opening = Открывается прогресс профиля { $name }…
library-other-profile = Выбрать другой профиль
library-preparing = Подготовка занятия…
library-reading-decks = Чтение колод…
browse-indexing = Составление списка элементов…
msg-opening-stopped = открытие неожиданно прервалось
library-all-done-today = На сегодня всё сделано
library-study-now-new = Учить сейчас — новых: { $n }
library-study-now-due = Учить сейчас — к повторению: { $n }
library-then-new = { $n ->
        [one] затем { $n } новая карточка
        [few] затем { $n } новые карточки
        [many] затем { $n } новых карточек
       *[other] затем { $n } новой карточки
    }
library-never = никогда
library-days-ago = { $n ->
        [0] сегодня
        [1] вчера
        [one] { $n } день назад
        [few] { $n } дня назад
       *[many] { $n } дней назад
    }
library-origin-bundled = встроена в quizdeck
library-origin-yours = ваши колоды
library-origin-class = колоды класса ({ $folder })
library-group-bundled = Встроенные в quizdeck
library-group-imported = Импортированные колоды
library-group-class = Колоды класса ({ $folder })
library-copies = Используется самая новая, версия { $version } из: { $place }; также есть в: { $others }.
library-copy-other = { $place } (версия { $version })
library-sort-due-first = Сначала к повторению
library-sort-title = Название
library-sort-last-studied = Последнее занятие

## Занятие

study-card-picture = Изображение карточки
study-end-session-esc = Завершить (Esc)
study-undo-ctrl-z = Отменить (Ctrl+Z)
study-all-done-for-today = На сегодня всё сделано. Молодец!
study-nothing-more-to-study = Сейчас больше нечего учить.
study-wait = Подождать
study-stay-here-the-next = Остаться здесь: следующий вопрос появится, когда придёт его время
study-end = Завершить
study-type-your-answer-then = Введите ответ и нажмите Enter
study-the-right-order = Правильный порядок:
study-compared = Сравнение:
study-underlined-letters-you-left = Подчёркнуто: пропущенные буквы · зачёркнуто: лишние буквы
study-true-or-false-keys = Верно или неверно? Клавиши T и F.
study-counted-as-right = Засчитано как верное
study-right = Верно
study-i-was-right = Мой ответ верный
study-count-this-answer-as = Засчитать этот ответ как верный
study-again = Снова
study-hard = Трудно
study-good = Хорошо
study-easy = Легко
study-not-quite = Не совсем
study-counts = · Новые { $new } · Изучаемые { $learning } · Повторение { $review } · Сделано { $done }
study-more-new = Учить сегодня ещё { $n } { $n ->
        [one] новый вопрос
        [few] новых вопроса
       *[many] новых вопросов
    }
study-answer = Ответ: { $answer }
study-statement-true = Утверждение верно.
study-statement-false = Утверждение неверно.
study-you-typed = Вы ввели: { $text }
study-true = Верно
study-false = Неверно
study-the-answer = Ответ: { $answer }
study-source = Источник: { $source }
study-show-answer = Показать ответ (пробел)
study-pick-an-answer = Выберите ответ: клавиши 1–{ $last }.
study-check-answer = Проверить ответ (Enter)
study-check-order = Проверить порядок (Enter)
study-check-pairs = Проверить пары (Enter)
study-how-well = Насколько хорошо вы это знали? Клавиши 1–4; пробел = { $rating }.
study-check-marker = Проверить метку (Enter)
study-keys-space = Клавиши 1–4; пробел = { $rating }.

## Итоги

summary-no-answers-this-time = На этот раз ответов не было. Возвращайтесь, когда будете готовы.
summary-excellent-work = Отличная работа!
summary-well-done-steady-progress = Хорошо: уверенный прогресс.
summary-good-effort-the-items = Хорошая попытка: вопросы с ошибками скоро вернутся — так они и запоминаются.
summary-back-to-decks = К колодам
summary-session-finished = Занятие завершено
summary-to-look-at-again = Посмотреть ещё раз
summary-these-items-keep-slipping = Эти вопросы снова и снова забываются, поэтому они приостановлены (трудные вопросы; в «Просмотре» их можно вернуть):
summary-these-items-keep-slipping-2 = Эти вопросы снова и снова забываются (трудные вопросы): попробуйте запомнить их по-другому или попросите учителя переформулировать их:
summary-queue-done = Выполнено { $percent } % очереди этого занятия
summary-studied-given = Изучено вопросов: { $items }, дано ответов: { $answers }.
summary-remembered = Вспомнили: { $right } из { $answers } ({ $percent } %).
summary-time = Время: { $min } мин { $s } с.
summary-comes-back = { $n ->
        [1] Вопрос вернётся { $when }.
       *[other] Вернётся вопросов: { $n }, позже сегодня; первый { $when }.
    }
summary-comes-back-later = Вернётся вопросов: { $n }, позже сегодня.
summary-due-tomorrow = Завтра к повторению вопросов: { $n }.
summary-right-answer = Правильный ответ: { $answer }

## Сообщения всего окна

app-deck = Колода:
app-the-unsaved-answer-is = Несохранённый ответ теперь сохранён.
app-drop-the-deck-file = Отпустите файл колоды, чтобы импортировать его
app-retry-saving = Повторить сохранение
app-ok = ОК
app-the-time-could-not = Не удалось записать время в файл результатов.
app-all-decks = Все колоды
app-nothing-was-lost-choose = Ничего не потеряно: выберите оценку ещё раз, чтобы повторить попытку
app-the-deck-was-removed = Колода удалена для всех пользователей этого компьютера; прогресс сохранён.
app-the-deck-was-removed-2 = Колода удалена; её прогресс сохранён.
app-this-deck-has-too = В этой колоде слишком мало коротких пар для игры «Пары».
app-an-exam-is-already = В этом окне уже идёт экзамен.
app-these-decks-give-no = По этим колодам нельзя составить вопросы выбранных видов.
app-all-decks-lower = все колоды
app-deck-has-errors = Колода { $file } не показана: { $error } (строка { $line }). Учитель может увидеть все ошибки командой `quizdeck check`.
app-imported-not-shown = Ваши импортированные колоды не показаны: { $why } ({ $file }).
app-new-cap = Достигнуто дневное ограничение новых вопросов по всем колодам ({ $cap }).
app-review-cap = Достигнуто дневное ограничение повторений по всем колодам ({ $cap }). Остальное подождёт до завтра.
app-deck-new-limit = { $deck }: достигнуто дневное ограничение новых вопросов ({ $limit }; ждут ещё { $waiting }).
app-deck-review-limit = { $deck }: достигнуто дневное ограничение повторений ({ $limit }; к повторению ещё { $due }).
app-comes-back = { $n ->
        [1] Вопрос вернётся через { $mins } мин (в { $time }).
       *[other] Вернётся вопросов: { $n }, позже сегодня; первый через { $mins } мин (в { $time }).
    }
app-in-minutes = через { $mins } мин (в { $time })
app-read-only-not-saved = В этом окне, открытом только для чтения, ответы не сохраняются: закройте его и занимайтесь в окне, где открыт профиль
app-today-unreadable = Не удалось прочитать сегодняшние ответы ({ $error }), поэтому число новых карточек ниже может быть больше, чем позволяет ваше дневное ограничение.
app-unsaved-now-saved = Несохранённые ответы ({ $n }) теперь сохранены.
app-not-saved-yet = Ещё не сохранено: ответов в памяти — { $n }, потому что запись не удалась ({ $why }). Освободите место на диске или проверьте носитель и нажмите Ctrl+S; quizdeck также повторяет попытку с каждым ответом, каждые { $secs } секунд и перед закрытием.
app-drop-the-exam-file = Отпустите файл экзамена, чтобы сдавать его
app-results-folder-missing = Папка результатов { $folder } не существует (подключён ли USB-накопитель?). Выберите её кнопкой «{ $button }».

## Профили

profiles-who-is-studying = Кто занимается?
profiles-new-name = Новое имя:
profiles-save-name = Сохранить имя
profiles-yes-delete = Да, удалить
profiles-no = Нет
profiles-try-again = Попробовать снова
profiles-rename = Переименовать
profiles-delete = Удалить
profiles-new-profile = Новый профиль:
profiles-create = Создать
profiles-back-to-decks = К колодам
profiles-welcome-to-quizdeck = Добро пожаловать в quizdeck!
profiles-what-is-your-name = Как вас зовут? Под этим именем ваш прогресс хранится на этом компьютере (позже его можно изменить в разделе «Сменить профиль»).
profiles-rename-name = Переименовать { $name }
profiles-delete-name = Удалить { $name }
profiles-default-name = Ученик
profiles-your-name = Ваше имя:
profiles-start = Начать
profiles-skip = Пропустить
profiles-delete-confirm = Удалить профиль { $name } и весь его прогресс?
profiles-could-not-open = не удалось открыть ({ $why }); ничего не удалено
profiles-try-opening-again = Попробовать снова открыть { $name }
profiles-study-as = Заниматься под именем «{ $name }»

## Вопросы тестов и экзаменов

question-true-t = Верно (T)
question-false-f = Неверно (F)
question-your-answer = Ваш ответ:
question-up = Вверх
question-down = Вниз
question-keep-this-order-k = Оставить этот порядок (K)
question-click-an-item-on = Нажмите строку слева, затем её пару справа (или клавиши 1–9, затем A–I).
question-keys-then-enter = Клавиши 1–{ $last }, затем Enter.
question-order-keys = Вверх/вниз — выбрать строку, Alt+вверх/вниз — переместить её (или кнопками).
question-belongs-at = { " " }(правильное место: { $position })
question-move-item-up = Переместить «{ $item }» вверх
question-move-item-down = Переместить «{ $item }» вниз
question-move-up-keys = Переместить вверх (Alt+вверх)
question-move-down-keys = Переместить вниз (Alt+вниз)
question-selected = Выбрано: { $item }
question-right-partner = { " " }(правильно: { $partner })
question-chosen-partner = Выбрано: { $item } (клавиша { $key }); теперь его пара (A–{ $last })
question-verdict-right = Верно
question-verdict-wrong = Неверно
question-verdict-not-answered = Нет ответа
# Locate cards (a place on a map)
locate-hint = Щёлкните по месту или переместите метку клавишами со стрелками и нажмите Enter, или нажмите 1–{ $last }, чтобы выбрать пронумерованное место.
locate-map = { $n ->
        [one] Карта: { $n } пронумерованное место
        [few] Карта: { $n } пронумерованных места
        [many] Карта: { $n } пронумерованных мест
       *[other] Карта: { $n } пронумерованных мест
    }
locate-the-numbered-places = Пронумерованные места:
locate-place-named = Место { $number }: { $name }
locate-or-choose = Или выберите пронумерованное место:
locate-place = Место { $number }
locate-you-pointed-at = Вы указали на { $name }.
locate-you-pointed-outside = Вы указали за пределами всех названных мест.

## Пробный тест

practice-multiple-choice = Выбор ответа
practice-true-false = Верно/неверно
practice-typed = Ввод ответа
practice-match = Пары
practice-order = Порядок
practice-cloze = Пропуски в тексте
practice-back-to-decks = К колодам
practice-new-test = Новый тест
practice-practice-test = Тест
practice-decks = Колоды:
practice-questions = Вопросов:
practice-forms = Виды вопросов:
practice-count-my-answers-in = Учитывать мои ответы в расписании повторений (верно = Хорошо, неверно = Снова)
practice-seed-optional-to-repeat = Зерно (необязательно, чтобы повторить тест):
practice-start-test = Начать тест
practice-preparing = Тест составляется…
practice-not-made = Тест не составлен: { $error }
practice-previous = Назад
practice-next = Далее
practice-finish-now = Завершить сейчас
practice-finish-test = Завершить тест
practice-seed-not-a-number = зерно «{ $seed }» — не целое число
practice-question-of = Вопрос { $index } из { $n } · зерно { $seed }
practice-seed-repeats = Зерно { $seed } повторяет этот тест.

## Игра «Пары»

match-back-to-decks = Назад
match-new-game = Новая игра
match-match-each-item-with = Как можно быстрее соедините каждую строку с её парой. Неверная пара добавляет секунду.
match-not-a-pair-1 = Не пара: +1 с
match-best-time = Лучшее время: { $time }
match-done-in = Готово за { $time } (ошибок: { $mistakes })
match-time = Время { $time }
match-seconds = { $s } с

## Импорт колоды

picker-import-for = Импортировать для:
picker-me = Себя
picker-everyone-on-this-pc = Всех пользователей этого компьютера
picker-parent-folder = Выше
picker-path = Путь:
picker-no-folders-ron-deck = Здесь нет папок, файлов колод .ron, пакетов .qdeck или Anki, ни таблиц (.csv, .tsv, .txt).
picker-import-a-deck = Импорт колоды
picker-folder = Папка: { $folder }
picker-copied-into = Копируется в папку колод класса { $folder }
picker-every-profile-will-see = Колоду увидят все профили этого компьютера (папка колод класса { $folder }).
picker-folder-entry = [папка] { $name }
picker-title-exam-file = Выберите файл экзамена
picker-title-results-folder = Выберите, куда сохранить ваши результаты
picker-title-save-exam = Сохранить экзамен
picker-title-key-file = Выберите файл ключа
picker-title-class-results = Выберите папку результатов класса
picker-no-exam-files = Здесь нет ни папок, ни файлов экзамена.
picker-no-key-files = Здесь нет ни папок, ни файлов ключа (ИМЯ.key.ron).
picker-no-result-files = Здесь нет ни вложенных папок, ни файлов результатов.
picker-parent-folder-keys = Alt+вверх или Backspace
picker-go = Открыть
picker-choose-this-folder = Выбрать эту папку
picker-file-name = Имя файла:
picker-save-here = Сохранить здесь
picker-home = Домашняя папка

## Просмотр

browse-back-to-decks = К колодам
browse-search = Поиск:
browse-tag = Метка:
browse-state = Состояние:
browse-sort-by = Сортировать по:
browse-reset-progress = Сбросить прогресс
browse-new-not-studied-yet = Новый: ещё не изучался.
browse-leech = Трудный вопрос
browse-any = все
browse-shown-of = Вопросов: { $shown } из { $total }
browse-row = { $text } · { $status } · повторить { $due } · забываний: { $lapses } — { $deck }
browse-answer = Ответ: { $answer }
browse-due = Повторить: { $when } UTC
browse-interval = Интервал: { $days } дн.
browse-memory = Стабильность: { $stability } дн. · сложность { $difficulty }
browse-answers-lapses = Ответов: { $answers } · забываний: { $lapses }
browse-history = История (ответов: { $n })
browse-history-entry = { $when } · { $rating } · { $secs } с
browse-suspend = Приостановить
browse-unsuspend = Возобновить
browse-status-new = новый
browse-status-learning = изучается
browse-status-due = к повторению
browse-status-review = повторён
browse-status-suspended = приостановлен
browse-status-leech = трудный
browse-sort-deck = порядку колоды
browse-sort-due = дате повторения
browse-sort-difficulty = сложности
browse-sort-lapses = забываниям

## Статистика

stats-back-to-decks = К колодам
stats-last-365-days = Последние 365 дней
stats-reviews-per-day = Повторения по дням
stats-due-in-the-next = К повторению в ближайшие 30 дней
stats-nothing-is-due-in = В ближайшие 30 дней повторять нечего.
stats-true-retention-per-week = Фактическое запоминание по неделям (вспомненные повторения)
stats-not-enough-reviews-yet = Пока мало повторений: запоминание появится после нескольких повторений.
stats-study-days = Дни занятий
stats-hardest-items = Самые трудные вопросы
stats-no-item-has-been = Ни один вопрос ещё не забыт.
stats-study-these-items-now = Учить эти вопросы сейчас
stats-not-enough-data-yet = Пока мало данных: ваши ответы будут появляться здесь день за днём.
stats-each-square-is-a = Каждый квадрат — день (самый ранний слева вверху). Меньше ответов
stats-summary = Ответов: { $answers } · дней подряд: { $streak } · сегодня { $today } мин · всего { $hours } ч { $minutes } мин
stats-items = Вопросы: новые { $new } · изучаемые { $learning } · недавние { $young } · усвоенные { $mature } · приостановленные { $suspended }
stats-hardest-item = { $name } (забываний: { $lapses }, сложность { $difficulty })
stats-more-up-to = больше (до { $max } в день)
stats-axis-days-from-today = дней от сегодня
stats-axis-items-due = к повторению
stats-series-due = к повторению
stats-axis-weeks-ago = недель назад
stats-axis-remembered = % вспомнено
stats-series-retention = запоминание %
stats-axis-days-ago = дней назад
stats-axis-answers = ответы
stats-the-last-weeks = { $n ->
        [one] Последняя { $n } неделя.
        [few] Последние { $n } недели.
        [many] Последние { $n } недель.
       *[other] Последние { $n } недель.
    }

## Сдача экзамена

exam-every-question-is-answered = На все вопросы даны ответы.
exam-that-code-is-not = Код неверный. Спросите учителя ещё раз.
exam-back-to-decks = К колодам
exam-the-time-is-over = Время вышло, поэтому ваш экзамен сдан.
exam-show-it-to-your = Покажите его учителю, если он попросит.
exam-your-teacher-will-tell = Учитель назовёт классу код, чтобы увидеть результаты.
exam-teacher-s-code = Код учителя:
exam-show-my-results = Показать мои результаты
exam-your-teacher-will-give = Результаты вам сообщит учитель.
exam-resume = Продолжить
exam-not-now = Не сейчас
exam-take-an-exam = Сдать экзамен
exam-exam-file = Файл экзамена:
exam-results-folder-e-g = Папка результатов (например, USB-накопитель):
exam-your-name = Ваше имя:
exam-the-results-folder-defaults = По умолчанию папка результатов — та же, где файл экзамена.
exam-start-exam = Начать экзамен
exam-hand-in = Сдать…
exam-previous = Назад
exam-next = Далее
exam-hand-in-the-exam = Сдать экзамен?
exam-after-handing-in-you = После сдачи изменить ответы будет нельзя.
exam-hand-in-now-y = Сдать сейчас (Y)
exam-keep-answering-esc = Продолжить отвечать (Esc)
exam-no-mistakes = Ошибок нет.
exam-one-unanswered = На вопрос { $number } нет ответа. Всё равно сдать?
exam-unanswered = На вопросы { $numbers } и { $last } нет ответа. Всё равно сдать?
exam-handed-in = { $title }: сдано
exam-thank-you = Спасибо, { $name }. Ваши ответы сохранены.
exam-receipt = Квитанция: { $receipt }
exam-time-left-short = осталось { $time }
exam-time-is-up = время вышло: экзамен будет сдан
exam-resume-offer = Продолжить экзамен { $title } под именем { $name } ({ $when })?
exam-time-left = Осталось времени { $time }
exam-question-of = Вопрос { $index } из { $n } · отвечено { $answered }
exam-go-to = Перейти к вопросу { $number }
exam-go-to-answered = Перейти к вопросу { $number } (отвечен)
exam-go-to-first-unanswered = Перейти к вопросу { $number }, первому без ответа (G)
exam-score = Результат: { $right } из { $total } ({ $percent } %)
exam-right-answer = Правильный ответ: { $answer }
exam-source = Источник: { $source }
exam-choose-type-or-drop = Выберите файл экзамена, введите путь к нему или перетащите файл в это окно.
exam-choose-the-exam-file = Выбрать файл экзамена…
exam-choose-the-results-folder = Выбрать папку результатов…

## Учитель

teacher-teacher-exams = Учитель: экзамены
teacher-back-to-decks = К колодам
teacher-make-an-exam = Составить экзамен
teacher-read-a-class-s = Прочитать результаты класса
teacher-decks-the-questions-come = Колоды, из которых берутся вопросы:
teacher-forms = Виды вопросов:
teacher-title = Название:
teacher-questions-per-student = Вопросов на ученика:
teacher-draw-them-from-a = Выбирать их из набора размером
teacher-minutes = Минуты:
teacher-save-the-exam-as = Сохранить экзамен как:
teacher-students-see-their-results = Ученики видят свои результаты:
teacher-while-the-app-is = Пока программа закрыта, часы:
teacher-make-exam = Составить экзамен
teacher-making-exam = Экзамен составляется…
teacher-make-exam-needs = Чтобы составить экзамен, выберите хотя бы одну колоду и один вид вопросов и впишите название и имя файла экзамена.
teacher-key-file-name-key = Файл ключа (ИМЯ.key.ron):
teacher-results-folder = Папка результатов:
teacher-read-results = Прочитать результаты
teacher-name = Имя
teacher-score = Результат
teacher-time = Время
teacher-away = Отсутствие
teacher-resumes = Продолжения
teacher-flags = Отметки
teacher-questions = Вопросы
teacher-r-right-w-wrong = R верно · W неверно · - нет ответа
teacher-hardest-questions = Самые трудные вопросы
teacher-feedback-after-code = после того как вы дадите им код
teacher-feedback-at-hand-in = при сдаче
teacher-feedback-never = никогда в программе
teacher-clock-runs-on = идут дальше
teacher-clock-pauses = останавливаются
teacher-class-heading = { $title }: учеников — { $n }
teacher-hardest-question = { $id }: верно { $percent } % ({ $right } из { $asked }) · { $prompt }
teacher-unreadable = Не читается: { $file } ({ $why })
teacher-choose-where-to-save = Выбрать, куда сохранить…
teacher-choose-the-key-file = Выбрать файл ключа…
teacher-choose-the-results-folder = Выбрать папку результатов класса…

## Сообщения вверху окна

msg-could-not-read-the = Не удалось прочитать профили: { $error }
msg-progress-could-not-be = Не удалось сохранить снимок прогресса: { $error }
msg-there-is-no-profile = Профиля { $slug } нет.
msg-settings-could-not-be = Не удалось прочитать настройки ({ $error }); используются настройки по умолчанию.
msg-could-not-start-studying = Не удалось начать занятие: { $error }
msg-the-library-s-order = Не удалось сохранить порядок колод: { $error }
msg-library-notes-not-kept = Не удалось сохранить, какие сообщения уже показаны (они будут показаны снова): { $error }
msg-could-not-study-more = Не удалось продолжить занятие: { $error }
msg-could-not-undo-e = Не удалось отменить: { $error }
msg-could-not-save-the = Не удалось сохранить настройки: { $error }
msg-could-not-create-the = Не удалось создать профиль: { $error }
msg-could-not-rename-e = Не удалось переименовать: { $error }
msg-could-not-delete-e = Не удалось удалить: { $error }
msg-the-history-could-not = Не удалось прочитать историю: { $error }
msg-an-answer-could-not = Не удалось сохранить ответ: { $error }
msg-the-best-time-could = Не удалось сохранить лучшее время: { $error }
msg-the-exam-was-not = Экзамен не составлен: { $error }
msg-the-class-table-could = Не удалось записать таблицу класса: { $error }
msg-the-results-could-not = Не удалось прочитать результаты: { $error }
msg-the-answer-was-not = Ответ не записан: { $error }
msg-the-exam-could-not = Не удалось сдать экзамен: { $error }
msg-could-not-change-the = Не удалось изменить вопрос: { $error }
msg-could-not-reset-the = Не удалось сбросить вопрос: { $error }
msg-profile-stays-open = Ещё не сохранено ответов: { $n }, поэтому профиль остаётся открытым. Освободите место на диске и нажмите «Повторить сохранение».
msg-close-held = Некоторые ответы ещё не сохранены. Освободите место на диске и нажмите «Повторить сохранение»; повторное закрытие окна завершит работу без них.
msg-for-everyone = {" "}для всех пользователей этого компьютера
msg-no-class-folder = Нет папки колод класса: запустите quizdeck с --decks-dir ПАПКА (или задайте QUIZDECK_DECKS), чтобы делиться колодами со всеми профилями.
msg-imported = Импортирована колода «{ $title }» (карточек: { $cards }){ $whom }.
msg-newer-version = Более новая версия этой колоды ({ $version }) находится в: { $place }; используется она.
msg-class-folder-not-writable = { $error }. В папку колод класса { $folder } должна быть разрешена запись: попросите администратора компьютера создать её и разрешить учителям запись или запустите quizdeck с --decks-dir, указывающим на общую папку.
msg-progress-not-opened = Не удалось открыть прогресс профиля { $name }: { $error }. Ничего не удалено; закройте другие окна quizdeck или освободите место на диске и попробуйте снова.
msg-read-only = Только чтение: { $why }. Смотреть можно, но ответы в этом окне не сохраняются.
msg-history-no-streak = Не удалось прочитать историю (дни подряд не показаны): { $error }
msg-stopped-unexpectedly = работа неожиданно прервалась
msg-figures-not-counted = Не удалось подсчитать показатели библиотеки: { $error }
msg-browse-not-built = Не удалось составить список карточек: { $error }
msg-stats-not-counted = Не удалось подсчитать статистику: { $error }
msg-extra-new-session-only = Дополнительные новые вопросы действуют только в этом занятии: { $error }
msg-answers-added = В ваше расписание повторений добавлено ответов: { $n }.
msg-exam-saved = Сохранено: { $exam } для учеников (вопросов каждому: { $questions }, время: { $minutes } мин) и { $key } для вас (по нему проверяется экзамен: никогда не раздавайте его).
msg-exam-code = Код учителя: { $code } (сообщите его классу, когда все сдадут).
msg-class-table-written = Таблица класса записана в { $file }
msg-cannot-open = не удаётся открыть { $folder }: { $error }
msg-disk-refused = диск отказал в записи
msg-true = Верно.
msg-false = Неверно.

## Что исправлено при открытии профиля (части одного предложения)

recovery-sentence = { $parts }.
recovery-recovered = Восстановлено ответов: { $answers }
recovery-recovered-items = Восстановлено ответов: { $answers } (прогресс по вопросам: { $items })
recovery-journal-tail = повреждённые строки в конце журнала ({ $lines }) отложены (они записывались, когда quizdeck остановился)
recovery-journal-damaged = повреждённые строки в середине журнала ({ $lines }) пропущены
recovery-journal-kept = копия повреждённого журнала сохранена как { $file }
recovery-snapshot-moved = сохранённый файл прогресса был повреждён ({ $reason }), поэтому он отложен как { $file }, а ваш прогресс восстановлен по истории
recovery-snapshot-damaged = сохранённый файл прогресса повреждён ({ $reason }); прогресс восстановлен по истории
recovery-journal-newer = в заголовке журнала указан формат { $format }, более новый, чем умеет читать эта версия quizdeck (его записала более новая версия или заголовок повреждён); его строки прочитаны как строки этой версии
recovery-wrong-type-moved = { $file } — не обычный файл ({ $what }), поэтому он отложен как { $moved }
recovery-wrong-type = { $file } — не обычный файл ({ $what }), поэтому он не прочитан
recovery-snapshot-missing = сохранённого файла прогресса не было, поэтому ваш прогресс восстановлен по истории
recovery-history-damaged = повреждённые строки в архиве истории ({ $file }; { $lines }) пропущены
recovery-settings-moved = не удалось прочитать файл настроек ({ $reason }), поэтому он отложен как { $file } и используются настройки по умолчанию
recovery-settings-reset = не удалось прочитать файл настроек ({ $reason }); используются настройки по умолчанию
recovery-lock-unsupported = эту папку нельзя заблокировать, поэтому убедитесь, что quizdeck не открыт дважды с одним профилем
recovery-left-unrepaired = на диске ничего не исправлено, потому что прогресс открыт только для чтения
stats-counting = Подсчёт вопросов…
stats-reading-history = Чтение истории…
stats-history-unavailable = Не показано: не удалось прочитать историю.
study-loading-picture = Загрузка изображения…
drop-title = Импорт перетащенных файлов
drop-question = Импортировать { $files }?
drop-question-more = Импортировать { $files } и ещё { $more }?
drop-import-for = Для кого импортировать:
app-anki-imported = Из Anki импортирована колода «{ $title }» (карточек: { $cards }, изображений: { $pictures }){ $whom }.
app-anki-future = Ответы из журнала повторений с датой в будущем пропущены (проверьте часы этого компьютера): { $n }.
app-anki-kept = Ответы из журнала повторений сохранены как ваш прогресс: { $n }.
app-anki-not-kept = Журнал повторений не сохранён: { $error }.
app-exam-key-exists = Экзамен не создан: { $key } уже существует — это ключ предыдущего экзамена (если его заменить, результаты того экзамена нельзя будет оценить). Выберите другое имя или сначала переместите предыдущий экзамен.
msg-picture-bundled = изображение { $picture } недоступно для встроенной колоды

## The deck editor
editor-leave-title = Сохранить изменения?
editor-leave-text = В колоде «{ $title }» есть несохранённые изменения. Сохранить их перед выходом?
editor-save-and-continue = Сохранить и продолжить
editor-discard = Отменить изменения
editor-keep-editing = Продолжить правку
editor-intro = Здесь вы создаёте и исправляете колоды. Карточки сохраняют свой идентификатор при любых изменениях, поэтому прогресс учеников не теряется.
editor-new-deck = Новая колода…
editor-edit = Изменить
editor-edit-name = Изменить { $title }
editor-copy-to-edit = Изменить копию
editor-copy-to-edit-name = Изменить копию: { $title }
editor-open-hint = Открыть эту колоду в редакторе
editor-bundled-hint = Встроенные колоды изменить нельзя: измените копию с собственным идентификатором
editor-region-line = Строка области { $line }: { $why }
editor-no-cards = в колоде нет ни одной карточки
editor-no-cards-hint = добавьте карточку
editor-kind-basic = Лицевая и оборотная сторона
editor-kind-cloze = Заполните пропуски
editor-kind-type-in = Введите ответ
editor-kind-multiple-choice = Выбор ответа
editor-kind-true-false = Верно или неверно
editor-kind-order = Расставьте по порядку
editor-kind-match = Найдите пары
editor-kind-locate = Укажите место (карта)
editor-back-to-editing = Назад к правке
editor-back-to-editing-hint = Esc; ответы, данные здесь, не записываются
editor-preview-note = Просмотр: карточка так, как её видит ученик.
editor-preview-deck = Просмотр: { $title }
editor-back-to-decks = ← Колоды
editor-back-to-decks-hint = Назад к списку колод
editor-unsaved = (не сохранено)
editor-undo = Отменить
editor-redo = Повторить
editor-save = Сохранить
editor-deck-details = О колоде
editor-deck-details-hint = Название, описание, язык, авторы, источники, издание
editor-raise-edition = При сохранении повысить издание до { $edition }
editor-raise-edition-hint = Копии учеников со старым изданием заменяются этим; их прогресс переносится, карточка за карточкой.
editor-save-in = Сохранить в:
editor-save-in-me = Мои колоды
editor-save-in-everyone = Для всех на этом ПК
editor-class-folder = Папка колод класса: { $folder }
editor-cards-tab = Карточки
editor-card-tab = Карточка
editor-checking = Проверка…
editor-no-problems = Проблем нет: ученики могут учить эту колоду.
editor-problems-errors = Ошибок: { $errors }, предупреждений: { $warnings }; ученики не смогут учить колоду, пока ошибки не исправлены
editor-problems-warnings = Ошибок: { $errors }, предупреждений: { $warnings }
editor-all-problems = Все проблемы ({ $n })
editor-error = Ошибка
editor-warning = Предупреждение
editor-problem-in-card = Карточка { $card }: { $text }
editor-go-to-field = Перейти к полю
editor-search = Поиск
editor-new-card-kind = Новая карточка:
editor-add-card = Добавить карточку
editor-shown-cards = { $shown } из { $n ->
        [one] { $n } карточки
       *[other] { $n } карточек
    }
editor-new-card-label = (новая: { $kind })
editor-empty-deck = В колоде нет ни одной карточки. Добавьте карточку.
editor-card-of = Карточка { $n } из { $total }
editor-card-id = id { $id }
editor-card-id-new = id { $id } (следует за текстом до сохранения)
editor-duplicate = Дублировать
editor-delete = Удалить
editor-preview = Просмотр
editor-preview-hint = Карточка так, как её показывает экран занятий
editor-move-up = Выше
editor-move-down = Ниже
editor-kind = Вид
editor-front = Лицевая сторона
editor-front-hint = Что показывается сначала
editor-back = Оборот
editor-back-hint = Ответ
editor-reverse = Спрашивать и наоборот: оборот → лицевая
editor-cloze-text = Текст с пропусками
editor-cloze-example = Рига — столица { "{{c1::Латвии}}" }.
editor-cloze-help = Пропуск: { "{{c1::ответ}}" }; { "{{c1::ответ::подсказка}}" } добавляет подсказку, { "{{c1::23 августа|24 августа}}" } принимает любой из двух. Нумеруйте пропуски 1, 2, 3…
editor-question = Вопрос
editor-accepted-answers = Принимаемые ответы (по одному в строке; показывается первый)
editor-right-answer = Верный ответ
editor-wrong-options = Неверные варианты (по одному в строке)
editor-also-correct = Также верно (по одному в строке, если источники дают факт по-разному)
editor-statement = Утверждение
editor-true = Верно
editor-false = Неверно
editor-correction = Исправление (что верно, если утверждение неверно)
editor-instruction = Задание
editor-order-example = Расставьте по порядку, начиная с самого раннего.
editor-order-items = Элементы в верном порядке (по одному в строке, не меньше 3)
editor-match-example = Соотнесите каждого руководителя с его страной.
editor-pairs = Пары (по одной в строке: слева = справа, не меньше 3)
editor-pairs-example = Карлис Улманис = Латвия
editor-tags = Метки (через запятую)
editor-tags-example = 1940, латвия
editor-source = Источник
editor-none = (нет)
editor-source-hint = Добавьте цитируемые документы в разделе «О колоде».
editor-section = Раздел источника
editor-note = Примечание (показывается после ответа)
editor-picture = Изображение (PNG-файл в папке колоды, напр. pictures/map.png)
editor-copy-picture-from = Скопировать изображение в колоду из
editor-copy-picture = Скопировать
editor-copy-picture-hint = Или перетащите PNG-файл в окно
editor-back-to-cards = Назад к карточкам
editor-meta-title = Название
editor-meta-id-new = Id колоды (a–z, 0–9 и -; после сохранения изменить нельзя)
editor-meta-id-fixed = Id колоды (неизменен: под ним хранится прогресс учеников)
editor-meta-description = Описание
editor-meta-language = Язык (напр. ru, lv, et, lt, en)
editor-meta-authors = Авторы (через запятую)
editor-meta-sources = Источники (по одному в строке: ключ = название, веб-адрес после « | »)
editor-meta-edition = Издание
editor-deck-gone = Колоды { $id } больше нет в библиотеке.
editor-bundled-missing = Встроенная колода { $id } не найдена.
editor-bad-id = Не сохранено: id колоды «{ $id }» использовать нельзя ({ $err }). Измените его в разделе «О колоде».
editor-id-taken = Не сохранено: колода с id «{ $id }» уже есть в библиотеке. Измените id в разделе «О колоде».
editor-path-exists = Не сохранено: { $path } уже существует. Измените id колоды в разделе «О колоде».
editor-save-failed = Не сохранено: { $err }. Ваши правки на месте.
editor-saved = Издание { $edition } сохранено: { $path }.
editor-saved-with-errors = В ней ещё есть ошибки ({ $errors }): ученики не смогут её учить, пока они не исправлены.
editor-picture-save-first = Сначала сохраните колоду: её изображения копируются в её папку.
editor-picture-no-card = Сначала добавьте карточку.
editor-picture-copied = Изображение теперь в папке колоды: { $picture }; его показывает карточка { $card }.
editor-picture-failed = Изображение не добавлено: { $err }
editor-preview-errors = Чтобы посмотреть карточку, исправьте её ошибки ({ $first }).
editor-picture-after-save = будет показано после сохранения колоды
editor-map-after-save = будет прочитано после сохранения колоды (или выберите встроенную карту)
study-picture-no-folder = изображение { $picture }: { $why }
editor-locate-example = Нажмите туда, где находится Лиепая.
editor-choice-prompt = Вопрос для тестов и экзаменов (задаётся с названиями мест на выбор, без изображения; если поле пустое, карточка задаётся только при изучении)
editor-choice-prompt-example = Какой из этих городов — столица Латвии?
editor-locate-picture = Изображение для указания места (PNG в папке колоды или встроенная карта)
editor-builtin-map = Встроенная карта
editor-choose = (выберите)
editor-clicks = Щелчок по изображению
editor-tool-circle = ставит круг (потяните для размера)
editor-tool-polygon = добавляет вершины многоугольника
editor-fix-regions = Исправьте текст областей ниже, чтобы нарисовать их на изображении.
editor-choose-picture = Выберите изображение, чтобы рисовать на нём области.
editor-reading-picture = Чтение изображения…
editor-corners = { $n ->
        [one] { $n } вершина
        [few] { $n } вершины
        [many] { $n } вершин
       *[other] { $n } вершины
    }
editor-finish-polygon = Завершить многоугольник
editor-finish-polygon-hint = Enter, когда изображение в фокусе
editor-remove-corner = Убрать последнюю вершину
editor-cancel-polygon = Отменить многоугольник
editor-regions = Области (первая — верный ответ):
editor-circle = круг
editor-polygon = многоугольник
editor-region-answer = ★ { $name } ({ $shape }, верный ответ)
editor-make-answer = Сделать ответом
editor-make-answer-name = Сделать { $name } ответом
editor-delete-region = Удалить область { $name }
editor-region-name = Название выбранной области
editor-region-default-name = Место { $n }
editor-radius = Радиус
editor-regions-text = Области текстом, по одной в строке, ответ первым: Название @ circle(x, y, r) или Название @ polygon(x y, x y, x y)
editor-regions-unread = { $why }. Карточка сохраняет свои области, пока текст не удастся прочитать.
editor-map-label = Изображение с областями ({ $n }): щёлкните, чтобы добавить область
# The import dialog (spreadsheets, Quizlet text)
library-paste-cards = Вставить карточки…
library-paste-cards-hint = Вставьте экспорт Quizlet или строки таблицы и импортируйте их как колоду
import-title = Импорт карточек
import-from-file = Из файла { $file }
import-paste-here = Вставьте текст ниже: экспорт Quizlet (в наборе Quizlet «Export») или строки, скопированные из таблицы.
import-paste-hint = Одна карточка в строке: термин, табуляция или запятая, затем определение
import-pasted-text = Вставленный текст
import-pasted-deck-title = Вставленные карточки
import-reading = Читаю файл…
import-deck-title = Название колоды:
import-read-as = Читать как:
import-format-columns = столбцы таблицы
import-format-quizlet = Quizlet (термин и определение)
import-first-row-names = В первой строке названия столбцов (это не карточка)
import-term-sep = Между термином и определением:
import-card-sep = Между карточками:
import-sep-auto = Угадать
import-sep-tab = Табуляция
import-sep-comma = Запятая
import-sep-newline = Новая строка
import-sep-semicolon = Точка с запятой
import-sep-custom = Свой
import-sep-custom-hint = Разделяющие символы (табуляцию и новую строку можно записать как \t и \n)
import-preview = { $n ->
        [one] Первые строки (для просмотра прочитана { $n } строка); выберите, что содержит каждый столбец:
        [few] Первые строки (для просмотра прочитаны { $n } строки); выберите, что содержит каждый столбец:
       *[other] Первые строки (для просмотра прочитано { $n } строк); выберите, что содержит каждый столбец:
    }
import-preview-cards = { $n ->
        [one] Первые карточки (для просмотра прочитана { $n } карточка):
        [few] Первые карточки (для просмотра прочитаны { $n } карточки):
       *[other] Первые карточки (для просмотра прочитано { $n } карточек):
    }
import-term = Термин
import-definition = Определение
import-column-n = Что содержит столбец { $n }
import-field-ignore = (пропустить)
import-field-id = Идентификатор карточки
import-field-kind = Вид
import-field-question = Вопрос
import-field-answer = Ответ
import-field-accept = Тоже верно
import-field-distractor = Неверный вариант
import-field-tags = Метки
import-field-note = Примечание
import-field-source = Источник
import-field-section = Раздел
import-field-picture = Изображение
import-field-correction = Что верно на самом деле (для ложных утверждений)
import-field-source-title = Название источника
import-field-choice-prompt = Вопрос для тестов («Укажите место»)
import-problems = { $n ->
        [one] { $n } проблема; ничего не импортировано:
        [few] { $n } проблемы; ничего не импортировано:
       *[other] { $n } проблем; ничего не импортировано:
    }
import-preview-problems = { $n ->
        [one] В просмотре { $n } проблема (проверьте разделители):
        [few] В просмотре { $n } проблемы (проверьте разделители):
       *[other] В просмотре { $n } проблем (проверьте разделители):
    }
import-more-problems = … и ещё { $n }
import-row-error = Строка { $row }: { $message }
import-row-warning = Строка { $row } (предупреждение): { $message }
import-card-error = Карточка { $row }: { $message }
import-card-warning = Карточка { $row } (предупреждение): { $message }
import-no-question-column = Выберите столбец, в котором вопрос.
import-field-twice = Двум столбцам выбрано «{ $field }»: оставьте один (в нескольких столбцах могут быть только неверные варианты).
import-import = Импортировать
import-skip-bad-rows = Импортировать остальные строки
import-running-title = Импорт
import-running = Импортирую { $file }…
import-running-keep-working = Можно продолжать работу; колода появится в библиотеке, когда будет готова.
import-failed-unexpectedly = Импорт файла { $file } неожиданно прервался; ничего не изменено. Попробуйте ещё раз или импортируйте файл из командной строки, чтобы увидеть причину.
import-ids-kept = Идентификаторы карточек сохранены из прежнего импорта (прогресс сохранён): { $n }.
import-rows-skipped = Строки, пропущенные из-за проблем: { $n }.
import-profile-changed = во время импорта был открыт другой профиль
