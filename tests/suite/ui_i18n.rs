//! Every translated screen in every language, driven headless: at 1280×800 and at 1024×768
//! with text at 200 %, no English text left where the language has its own (the rendered
//! AccessKit labels against the English message files), every glyph of every message file
//! in the embedded fonts, and the key buttons inside the window.

use super::ui::{Fixture, start_practice};
use super::ui_study::missing_glyphs;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use quizdeck::i18n::{self, tr_in};
use quizdeck::settings::Language;
use quizdeck::ui::{Action, PickFor, QuizApp};

/// English messages without variables (key, text), as the English file gives them.
fn english_plain_messages() -> Vec<(String, String)> {
    i18n::source(Language::En, "app")
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(k, t)| {
            k.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !t.contains('{')
                && !t.trim().is_empty()
        })
        .map(|(k, t)| (k.to_owned(), t.trim().to_owned()))
        .collect()
}

/// Every AccessKit name on screen (a text label's is its value), with its rectangle.
fn labels(h: &Harness<'static, QuizApp>) -> Vec<(String, egui::Rect)> {
    h.query_all(By::new().predicate(|_| true))
        .filter_map(|n| {
            let node = n.accesskit_node();
            let label = if node.role() == egui::accesskit::Role::Label {
                node.value()
            } else {
                node.label()
            }?;
            Some((label.to_string(), n.rect()))
        })
        .collect()
}

/// English left on screen in `lang`: labels equal to an English message that `lang`
/// words otherwise (or containing one, for sentences).
fn english_left(h: &Harness<'static, QuizApp>, lang: Language) -> Vec<String> {
    let english: Vec<String> = english_plain_messages()
        .into_iter()
        .filter(|(k, t)| &tr_in(lang, k, &[]) != t)
        .map(|(_, t)| t)
        .collect();
    // The profile's name is the student's, in whatever language it was given.
    let profile = h.state().profile_name().unwrap_or_default().to_owned();
    labels(h)
        .into_iter()
        .filter(|(l, _)| *l != profile)
        .filter(|(l, _)| {
            english
                .iter()
                .any(|e| l == e || (e.len() >= 16 && l.contains(e.as_str())))
        })
        .map(|(l, _)| l)
        .collect()
}

/// Lets the window settle, the work it started in the background (the history's figures,
/// a card's picture) included.
fn settle(h: &mut Harness<'static, QuizApp>) {
    super::ui::settle(h);
    h.run();
}

/// The screens translated so far, each checked in `lang` at `size` with `font_pct` text.
fn check_screens(lang: Language, size: egui::Vec2, font_pct: u16) {
    let f = Fixture::new();
    let mut h = f.harness_sized(size);
    let mut s = h.state().settings();
    s.language = Some(lang);
    s.font_scale_pct = font_pct;
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    settle(&mut h);
    assert_eq!(i18n::language(), lang);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size / (f32::from(font_pct) / 100.0));
    let inside = |h: &Harness<'static, QuizApp>, screen: &str, key: &str| {
        let text = tr_in(lang, key, &[]);
        let all = labels(h);
        let r = all
            .iter()
            .find(|(l, _)| l.starts_with(&text))
            .unwrap_or_else(|| panic!("{screen} in {lang:?}: no {text:?} among {all:?}"))
            .1;
        assert!(
            window.contains_rect(r),
            "{screen} in {lang:?} at {size:?}, {font_pct} %: {text:?} at {r:?} is outside"
        );
    };
    // The English words of messages with variables too (a sentence around a name or a
    // number), of the window's and of the engine's messages.
    let mut fragments = english_fragments(lang, "app");
    fragments.extend(english_fragments(lang, "engine"));
    assert!(
        lang == Language::En || fragments.len() > 300,
        "{lang:?}: {}",
        fragments.len()
    );
    let check = |h: &Harness<'static, QuizApp>, screen: &str| {
        let left = english_left(h, lang);
        assert!(
            left.is_empty(),
            "{screen} in {lang:?}: English left {left:?}"
        );
        let words = words_left(h, &fragments);
        assert!(
            words.is_empty() || lang == Language::En,
            "{screen} in {lang:?}: English words left {words:?}"
        );
    };
    check(&h, "library");
    inside(&h, "library", "library-import-deck");
    inside(&h, "library", "nav-settings-name");
    // Each deck row's Study button within the window's width (rows below the fold are
    // scrolled to, not cut at the right).
    let rows: Vec<egui::Rect> = quizdeck::library::Library::load(None)
        .decks
        .iter()
        .filter_map(|d| {
            let name = tr_in(
                lang,
                "library-study-deck",
                &[("deck", d.deck.title.as_str().into())],
            );
            labels(&h)
                .into_iter()
                .find(|(l, _)| *l == name)
                .map(|x| x.1)
        })
        .collect();
    assert!(!rows.is_empty(), "library in {lang:?}: no deck row");
    for r in rows {
        assert!(
            r.max.x <= window.max.x,
            "library in {lang:?} at {size:?}, {font_pct} %: a deck's Study button at {r:?} is cut"
        );
    }
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Show(
            PickFor::Deck,
        )));
    settle(&mut h);
    check(&h, "import window");
    inside(&h, "import window", "picker-go");
    inside(&h, "import window", "picker-home");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Close));
    // The import dialog on a spreadsheet (columns and their menus), then on pasted text
    // (the Quizlet separators).
    let sheet = f.data().join("saraksts.csv");
    std::fs::write(&sheet, "Rīga;Latvija;Tartu\nTallina;Igaunija;Narva\n").unwrap();
    import_file(&mut h, sheet);
    check(&h, "import dialog");
    inside(&h, "import dialog", "import-import");
    inside(&h, "import dialog", "settings-cancel");
    // A column's mapping menu open: every field it offers in the language.
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .next()
        .expect("a column's mapping menu")
        .click();
    settle(&mut h);
    check(&h, "import dialog, a column's menu");
    let shown: Vec<String> = labels(&h).into_iter().map(|l| l.0).collect();
    assert!(
        shown.contains(&tr_in(lang, "import-field-distractor", &[])),
        "{lang:?}: the menu's fields are not listed: {shown:?}"
    );
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.state_mut()
        .apply(Action::Import(quizdeck::ui::import::Msg::CloseText));
    h.state_mut()
        .apply(Action::Import(quizdeck::ui::import::Msg::Paste));
    settle(&mut h);
    check(&h, "paste dialog");
    inside(&h, "paste dialog", "import-import");
    h.state_mut()
        .apply(Action::Import(quizdeck::ui::import::Msg::CloseText));
    for (open, screen, key) in [
        (
            Action::OpenProfiles,
            "profiles",
            Some("profiles-back-to-decks"),
        ),
        // The practice set-up scrolls (its Start button is below the fold at 200 %, in
        // English too).
        (Action::OpenPractice, "practice", None),
        (Action::OpenMatch, "match", Some("match-back-to-decks")),
        (Action::OpenBrowse, "browse", Some("browse-back-to-decks")),
        (
            Action::OpenStats(None),
            "stats",
            Some("stats-back-to-decks"),
        ),
    ] {
        h.state_mut().apply(open);
        settle(&mut h);
        assert_eq!(h.state().screen_name(), screen);
        check(&h, screen);
        if let Some(key) = key {
            inside(&h, screen, key);
        }
        if screen == "profiles" {
            // Beside the new profile's name field (a long word in Latvian at 200 %).
            inside(&h, screen, "profiles-create");
        }
    }
    h.state_mut().apply(Action::OpenSettings);
    settle(&mut h);
    check(&h, "settings");
    inside(&h, "settings", "settings-save");
    inside(&h, "settings", "settings-cancel");
    h.state_mut().apply(Action::StudyNow);
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "study");
    check(&h, "study");
    inside(&h, "study", "study-end-session-esc");
    // An answered card: the verdict and the four rating buttons with their intervals.
    f.import(
        &mut h,
        "lang",
        r#"Card(id: "b", note: "Note.", kind: Basic(front: "Rīga?", back: "Latvija"))"#,
    );
    h.state_mut()
        .apply(Action::Study(vec![quizdeck::ids::DeckId::new("lang")]));
    settle(&mut h);
    h.key_press(egui::Key::Space);
    settle(&mut h);
    check(&h, "study, answered");
    for (i, key) in ["study-again", "study-hard", "study-good", "study-easy"]
        .into_iter()
        .enumerate()
    {
        let name = format!("{} {}", i + 1, tr_in(lang, key, &[]));
        let r = h.get_by_label(&name).rect();
        assert!(
            window.contains_rect(r),
            "study in {lang:?} at {size:?}, {font_pct} %: {name:?} at {r:?} is outside"
        );
    }
    h.state_mut()
        .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "summary");
    check(&h, "summary");
    inside(&h, "summary", "summary-back-to-decks");
    // A Locate card on a map, asked and then answered with a numbered place.
    super::ui_locate::import_locate(&f, &mut h);
    h.state_mut()
        .apply(Action::Study(vec![quizdeck::ids::DeckId::new("maps")]));
    settle(&mut h);
    assert!(h.state().current_locate().is_some());
    check(&h, "locate card");
    // The numbered places may sit below the map (scrolled to) at 200 %.
    h.get_by_label(&tr_in(lang, "locate-or-choose", &[]));
    inside(&h, "locate card", "study-end-session-esc");
    h.key_press(egui::Key::Num1);
    settle(&mut h);
    check(&h, "locate card, answered");
    h.get_by_label(&tr_in(lang, "locate-the-numbered-places", &[]));
    let again = format!("1 {}", tr_in(lang, "study-again", &[]));
    assert!(window.contains_rect(h.get_by_label(&again).rect()));
    h.state_mut()
        .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
    settle(&mut h);
    // A practice test on the bundled decks: a question, then the score.
    let decks = quizdeck::library::Library::load(None)
        .decks
        .iter()
        .map(|d| d.deck.id.clone())
        .collect();
    start_practice(
        &mut h,
        decks,
        2,
        vec![quizdeck::quiz::QuestionKind::MultipleChoice],
        7,
    );
    settle(&mut h);
    check(&h, "practice question");
    inside(&h, "practice question", "practice-finish-now");
    h.key_press(egui::Key::Num1);
    settle(&mut h);
    h.get_by_label(&tr_in(lang, "practice-finish-now", &[]))
        .click();
    settle(&mut h);
    check(&h, "practice score");
    // The score page: each question with ✓ or ✗ and its verdict in words.
    let shown: Vec<String> = labels(&h).into_iter().map(|l| l.0).collect();
    let has = |key: &str| shown.contains(&tr_in(lang, key, &[]));
    assert!(
        has("question-verdict-not-answered")
            && (has("question-verdict-right") || has("question-verdict-wrong"))
            && shown.iter().any(|l| l == "✓" || l == "✗"),
        "practice score in {lang:?}: {shown:?}"
    );
    // The match game's board.
    h.state_mut().apply(Action::OpenMatch);
    h.state_mut()
        .apply(Action::Match(quizdeck::ui::match_game::Msg::Start(None)));
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "match");
    check(&h, "match board");
    inside(&h, "match board", "match-new-game");
    // The exam's set-up with its pickers.
    h.state_mut().apply(Action::OpenExamScreen);
    settle(&mut h);
    check(&h, "exam set-up");
    inside(&h, "exam set-up", "exam-choose-the-exam-file");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Show(
            PickFor::ResultsFolder,
        )));
    settle(&mut h);
    check(&h, "results folder picker");
    inside(&h, "results folder picker", "picker-choose-this-folder");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Close));
    // The teacher's screen and its save picker.
    h.state_mut().apply(Action::OpenTeacher);
    settle(&mut h);
    check(&h, "teacher");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Show(
            PickFor::ExamOutput,
        )));
    settle(&mut h);
    check(&h, "save picker");
    inside(&h, "save picker", "picker-save-here");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Close));
    settle(&mut h);
    // An exam: a question, the hand-in question, the handed-in page.
    let exam = super::ui::write_exam(f.data());
    let results = f.data().join("usb");
    std::fs::create_dir_all(&results).unwrap();
    h.state_mut().apply(Action::OpenExamScreen);
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
            exam: exam.clone(),
            results_dir: results.clone(),
            student: "Ieva".into(),
        }));
    settle(&mut h);
    check(&h, "exam question");
    inside(&h, "exam question", "exam-hand-in");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    settle(&mut h);
    check(&h, "exam hand-in question");
    inside(&h, "exam hand-in question", "exam-keep-answering-esc");
    h.get_by_label(&tr_in(lang, "exam-hand-in-now-y", &[]))
        .click();
    settle(&mut h);
    let handed_in = tr_in(lang, "exam-handed-in", &[("title", "Capitals test".into())]);
    assert!(
        labels(&h).iter().any(|(l, _)| *l == handed_in),
        "{lang:?}: not handed in: {:?}",
        labels(&h).iter().map(|x| x.0.clone()).collect::<Vec<_>>()
    );
    check(&h, "exam handed in");
    inside(&h, "exam handed in", "exam-back-to-decks");
    // The teacher reads the class's results: the table, the hardest questions.
    h.state_mut().apply(Action::OpenTeacher);
    h.state_mut()
        .apply(Action::Teacher(quizdeck::ui::teacher::Msg::Results {
            exam: quizdeck::exam::Exam::key_path(&exam),
            dir: results,
        }));
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "teacher");
    check(&h, "class results");
    inside(&h, "class results", "teacher-back-to-decks");
    h.get_by_label_contains(&tr_in(lang, "teacher-hardest-questions", &[]));
    check_editor(&mut h, lang, &check, &inside);
}

/// The deck editor in `lang`: the deck chooser, a new deck with a card of each kind open in
/// turn (the Locate card's form last), the deck's details, the unsaved-changes question.
fn check_editor(
    h: &mut Harness<'static, QuizApp>,
    lang: Language,
    check: &dyn Fn(&Harness<'static, QuizApp>, &str),
    inside: &dyn Fn(&Harness<'static, QuizApp>, &str, &str),
) {
    use quizdeck::ui::editor::Msg as EditorMsg;
    h.state_mut().apply(Action::OpenEditor);
    settle(h);
    assert_eq!(h.state().screen_name(), "editor");
    check(h, "deck chooser");
    inside(h, "deck chooser", "editor-new-deck");
    h.get_by_label(&tr_in(lang, "editor-new-deck", &[])).click();
    settle(h);
    // A screen without English, and its key buttons inside the window.
    let screen_fits = |h: &Harness<'static, QuizApp>, screen: &str, keys: &[&str]| {
        check(h, screen);
        for key in keys {
            inside(h, screen, key);
        }
    };
    screen_fits(
        h,
        "editor, front and back card",
        &[
            "editor-back-to-decks",
            "editor-deck-details",
            "editor-delete",
        ],
    );
    for kind in [
        "editor-kind-cloze",
        "editor-kind-type-in",
        "editor-kind-multiple-choice",
        "editor-kind-true-false",
        "editor-kind-order",
        "editor-kind-match",
        "editor-kind-locate",
    ] {
        // The card list (a tab of its own when the window is narrow), its kind chooser.
        if let Some(tab) = h.query_by_label(&tr_in(lang, "editor-cards-tab", &[])) {
            tab.click();
            settle(h);
        }
        check(h, "editor, card list");
        h.get_by_label(&tr_in(lang, "editor-new-card-kind", &[]))
            .click();
        settle(h);
        h.get_all_by_label(&tr_in(lang, kind, &[]))
            .last()
            .unwrap()
            .click();
        settle(h);
        h.get_by_label(&tr_in(lang, "editor-add-card", &[])).click();
        settle(h);
        let screen = format!("editor, {kind} card");
        check(h, &screen);
        inside(h, &screen, "editor-back-to-decks");
        inside(h, &screen, "editor-delete");
    }
    let e = h
        .state()
        .editor()
        .and_then(|s| s.editing.as_deref())
        .unwrap();
    assert_eq!(e.editor.len(), 8, "{lang:?}: a card of each kind");
    // The Locate card's form with a built-in map and two regions typed as text: the map
    // drawn, the regions listed with their buttons.
    let regions = tr_in(lang, "editor-regions-text", &[]);
    h.get_by_label(&regions).focus();
    settle(h);
    h.get_by_label(&regions)
        .type_text("Liepāja @ circle(224.6, 480.5, 14)");
    h.key_press(egui::Key::Enter);
    h.get_by_label(&regions)
        .type_text("Riga @ circle(418.8, 430, 14)");
    settle(h);
    // The form scrolled to the regions' field as it took the focus: the map's menu,
    // above it, is brought back into view first, as the teacher would scroll to it.
    h.get_by_label(&tr_in(lang, "editor-builtin-map", &[]))
        .scroll_to_me();
    settle(h);
    h.get_by_label(&tr_in(lang, "editor-builtin-map", &[]))
        .click();
    settle(h);
    h.get_by_label("maps/baltic-states.png").click();
    settle(h);
    check(h, "editor, Locate form with regions");
    let make_answer = tr_in(lang, "editor-make-answer-name", &[("name", "Riga".into())]);
    h.get_by_label(&make_answer);
    h.get_by_label(&tr_in(lang, "editor-region-name", &[]));
    h.get_by_label_contains(&tr_in(lang, "editor-map-label", &[("n", 2.into())]));
    h.get_by_label(&tr_in(lang, "editor-deck-details", &[]))
        .click();
    settle(h);
    check(h, "deck details");
    inside(h, "deck details", "editor-back-to-cards");
    h.get_by_label(&tr_in(lang, "editor-back-to-cards", &[]))
        .click();
    settle(h);
    // Every problem listed, each naming its card.
    let all = tr_in(lang, "editor-all-problems", &[("n", 0.into())]);
    h.get_by_label_contains(all.trim_end_matches("0)")).click();
    settle(h);
    check(h, "editor, problems listed");
    h.get_all_by_label_contains(&tr_in(lang, "editor-error", &[]))
        .next()
        .expect("a problem is listed");
    // Leaving with the new deck unsaved asks first.
    h.state_mut().apply(Action::OpenSettings);
    settle(h);
    assert_eq!(h.state().screen_name(), "editor");
    screen_fits(
        h,
        "unsaved-changes question",
        &[
            "editor-save-and-continue",
            "editor-discard",
            "editor-keep-editing",
        ],
    );
    h.state_mut().apply(Action::Editor(EditorMsg::Stay));
    settle(h);
}

#[test]
fn every_translated_screen_in_every_language_at_1280x800() {
    for lang in Language::ALL {
        check_screens(lang, egui::vec2(1280.0, 800.0), 100);
    }
}

#[test]
fn every_translated_screen_in_every_language_at_1024x768_with_text_at_200_percent() {
    for lang in Language::ALL {
        check_screens(lang, egui::vec2(1024.0, 768.0), 200);
    }
}

#[test]
fn the_english_check_finds_english() {
    // The check itself: the library in English, judged as if it were Estonian.
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    let mut s = h.state().settings();
    s.language = Some(Language::En);
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    settle(&mut h);
    let left = english_left(&h, Language::Et);
    assert!(left.iter().any(|l| l == "Import deck…"), "{left:?}");
    // Plain text too (AccessKit keeps a label's text in its value).
    assert!(left.iter().any(|l| l == "Decks"), "{left:?}");
}

#[test]
fn switching_the_language_applies_at_the_next_frame() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    for (lang, import) in [
        (Language::Ru, "Импортировать колоду…"),
        (Language::Lt, "Importuoti rinkinį…"),
        (Language::En, "Import deck…"),
    ] {
        set_language(&mut h, lang);
        h.get_by_label(import);
    }
}

#[test]
fn every_message_file_has_its_glyphs_in_the_embedded_fonts() {
    let f = Fixture::new();
    let h = f.harness();
    for lang in Language::ALL {
        for file in i18n::FILES {
            let missing = missing_glyphs(&h.ctx, i18n::source(lang, file));
            assert!(
                missing.is_empty(),
                "{}/{file}.ftl: {missing:?}",
                lang.code()
            );
        }
    }
}

#[test]
fn the_language_is_chosen_in_settings_and_kept_with_the_profile() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    let mut s = h.state().settings();
    s.language = None;
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    settle(&mut h);
    h.state_mut().apply(Action::OpenSettings);
    settle(&mut h);
    // The menu names the system's language first, then each language in its own name.
    let system = i18n::native_name(i18n::system_language());
    let shown = tr_in(
        i18n::system_language(),
        "settings-language-system",
        &[("name", system.into())],
    );
    let combo = h.get_by_role(egui::accesskit::Role::ComboBox);
    assert_eq!(
        combo.accesskit_node().value().as_deref(),
        Some(shown.as_str())
    );
    combo.click();
    settle(&mut h);
    h.get_by_label("Latviešu").click();
    settle(&mut h);
    h.get_by_label(&tr_in(i18n::system_language(), "settings-save", &[]))
        .click();
    settle(&mut h);
    assert_eq!(h.state().settings().language, Some(Language::Lv));
    h.get_by_label("Importēt komplektu…");
    // The figures the library keeps between frames are worded again too.
    h.get_by_label_contains("Mācīties tagad");
    assert!(
        h.query_all_by_label_contains("pēdējo reizi mācīts nekad")
            .count()
            > 1
    );
    // A new window on the same data (the app started again) keeps it.
    drop(h);
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    settle(&mut h);
    h.get_by_label("Importēt komplektu…");
}

/// The English words of every engine message (each text run between its `{ … }` places,
/// at least 12 characters) that `lang`'s file does not also use: what a deck check's
/// problem or an answer note would show if the window left it in English.
fn english_engine_fragments(lang: Language) -> Vec<String> {
    english_fragments(lang, "engine")
}

/// The English text runs (at least 12 characters) of every message of `file` that
/// `lang`'s own file does not also use.
fn english_fragments(lang: Language, file: &str) -> Vec<String> {
    use fluent_syntax::ast;
    fn runs(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            match el {
                ast::PatternElement::TextElement { value } => out.push(value.trim().to_owned()),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        runs(&v.value, out);
                    }
                }
                _ => {}
            }
        }
    }
    let own = i18n::source(lang, file);
    let res = fluent_syntax::parser::parse(i18n::source(Language::En, file))
        .expect("the English messages parse");
    let mut out = Vec::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry
            && let Some(p) = &m.value
        {
            runs(p, &mut out);
        }
    }
    out.retain(|t| t.chars().count() >= 12 && !own.contains(t.as_str()));
    out.sort();
    out.dedup();
    out
}

/// Labels on screen holding English engine words in `lang`.
fn english_engine_left(h: &Harness<'static, QuizApp>, lang: Language) -> Vec<(String, String)> {
    words_left(h, &english_engine_fragments(lang))
}

/// Labels on screen holding any of `english` (each with the label holding it).
fn words_left(h: &Harness<'static, QuizApp>, english: &[String]) -> Vec<(String, String)> {
    labels(h)
        .into_iter()
        .flat_map(|(l, _)| {
            english
                .iter()
                .filter(|e| l.contains(e.as_str()))
                .map(|e| (e.clone(), l.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A fresh fixture and its window, the student's language set to `lang`.
fn window_in(lang: Language) -> (Fixture, Harness<'static, QuizApp>) {
    let f = Fixture::new();
    let mut h = f.harness();
    set_language(&mut h, lang);
    (f, h)
}

/// Saves `lang` as the student's language, as Settings does.
fn set_language(h: &mut Harness<'static, QuizApp>, lang: Language) {
    change_settings(h, |s| s.language = Some(lang));
}

/// Changes the student's settings with `change` and saves them, as Settings does.
fn change_settings(
    h: &mut Harness<'static, QuizApp>,
    change: impl FnOnce(&mut quizdeck::settings::ProfileSettings),
) {
    let mut s = h.state().settings();
    change(&mut s);
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    settle(h);
}

/// Asserts that `worded` is on screen and no English engine words are left.
fn assert_worded(h: &Harness<'static, QuizApp>, lang: Language, worded: &str) {
    let shown: Vec<String> = labels(h).into_iter().map(|(l, _)| l).collect();
    assert!(
        shown.iter().any(|l| l.contains(worded)),
        "{lang:?}: {worded:?} not among {shown:?}"
    );
    let left = english_engine_left(h, lang);
    assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
}

#[test]
fn the_engines_messages_are_worded_in_the_students_language() {
    for lang in [Language::Lv, Language::Ru] {
        let (f, mut h) = window_in(lang);
        // The check finds what it looks for: the English words are all there to find.
        assert!(english_engine_fragments(lang).len() > 100, "{lang:?}");

        // A broken deck: many problems of the checker at once, each with its hint.
        let broken = f.data().join("broken.ron");
        std::fs::write(
            &broken,
            r#"Deck(format: 1, id: "broken", title: "", sources: {"doc": Source(title: "D")}, cards: [
                Card(id: "a", kind: Basic(front: "", back: "x")),
                Card(id: "a", source: Ref(doc: "nope", section: "1"), kind: TrueFalse(statement: "s", truth: false)),
                Card(id: "Bad Id", kind: TypeIn(question: "q", answers: [])),
                Card(id: "c", kind: Cloze(text: "no gaps here")),
                Card(id: "d", kind: Order(prompt: "p", items: ["x", "x"])),
                Card(id: "e", image: "/abs/pic.png", kind: MultipleChoice(question: "m", answer: "r", distractors: ["r"])),
            ])"#,
        )
        .unwrap();
        import_file(&mut h, broken);
        let all = labels(&h);
        let shown = all
            .iter()
            .find(|(l, _)| l.contains("broken.ron"))
            .unwrap_or_else(|| panic!("{lang:?}: the problems are not shown: {all:?}"))
            .0
            .clone();
        // Translated, not English: the checker's own words in the language.
        let empty = i18n::message_in(
            lang,
            &quizdeck::message::Message::new("check-duplicate-id").arg("id", "a"),
        );
        assert!(shown.contains(&empty), "{lang:?}: {empty:?} not in {shown}");
        assert!(
            shown.contains(&tr_in(lang, "diag-help", &[])),
            "{lang:?}: {shown}"
        );
        let left = english_engine_left(&h, lang);
        assert!(
            left.is_empty(),
            "{lang:?}: English left in the deck's problems: {left:?}"
        );
        h.state_mut()
            .apply(Action::Import(quizdeck::ui::import::Msg::DismissErrors));
        settle(&mut h);

        // A structural mistake (a string never closed) is worded in the language too.
        let unclosed = f.data().join("unclosed.ron");
        std::fs::write(
            &unclosed,
            "Deck(format: 1, id: \"u\", title: \"U\", cards: [\n  Card(id: \"a\", kind: Basic(front: \"open, back: \"x\")),\n])\n",
        )
        .unwrap();
        import_file(&mut h, unclosed);
        assert!(
            labels(&h).iter().any(|(l, _)| l.contains("unclosed.ron")),
            "{lang:?}: the unclosed string is not reported"
        );
        let left = english_engine_left(&h, lang);
        assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
        h.state_mut()
            .apply(Action::Import(quizdeck::ui::import::Msg::DismissErrors));
        settle(&mut h);

        // Typed answers: the checker's notes under the answer.
        f.import(
            &mut h,
            "ty",
            r#"Card(id: "u", kind: TypeIn(question: "Who led Latvia?", answers: ["Kārlis Ulmanis"])),
               Card(id: "v", kind: TypeIn(question: "Who led Estonia?", answers: ["Konstantin Päts"]))"#,
        );
        h.get_by_label(&tr_in(
            lang,
            "library-study-deck",
            &[("deck", "Test ty".into())],
        ))
        .click();
        settle(&mut h);
        for typed in ["karlis ulmanis", "Konstantin Pets"] {
            h.get_by_role(egui::accesskit::Role::TextInput)
                .type_text(typed);
            h.run();
            super::ui::key(&mut h, egui::Key::Enter);
            let note = labels(&h)
                .into_iter()
                .map(|(l, _)| l)
                .find(|l| l.contains("Kārlis Ulmanis") || l.contains("Pets"));
            assert!(note.is_some(), "{lang:?}: no note for {typed:?}");
            let left = english_engine_left(&h, lang);
            assert!(
                left.is_empty(),
                "{lang:?}, {typed:?}: English left: {left:?}"
            );
            super::ui::key(&mut h, egui::Key::Enter);
        }

        // A profile's error (a name already taken) and an exam file that is not one.
        let name = h.state().profile_name().unwrap_or_default().to_owned();
        h.state_mut().apply(Action::OpenProfiles);
        settle(&mut h);
        h.state_mut()
            .apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
                name.clone(),
            )));
        settle(&mut h);
        let taken = i18n::message_in(
            lang,
            &quizdeck::message::Message::new("store-profile-exists").arg("name", name.as_str()),
        );
        assert!(
            labels(&h).iter().any(|(l, _)| l.contains(&taken)),
            "{lang:?}: no {taken:?} among {:?}",
            labels(&h)
        );
        let left = english_engine_left(&h, lang);
        assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
        let exam = f.data().join("not-an-exam.qexam");
        std::fs::write(&exam, "this is no exam").unwrap();
        h.state_mut().apply(Action::OpenExamScreen);
        settle(&mut h);
        h.state_mut()
            .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
                exam: exam.clone(),
                results_dir: f.data().to_path_buf(),
                student: "Ieva".into(),
            }));
        settle(&mut h);
        let shown = labels(&h);
        assert!(
            shown.iter().any(|(l, _)| l.contains("not-an-exam.qexam")),
            "{lang:?}: the bad exam file is not named: {shown:?}"
        );
        let left = english_engine_left(&h, lang);
        assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
    }
}

#[test]
fn a_spreadsheets_row_problems_are_worded_in_the_students_language() {
    use quizdeck::import_export::{ImportExportError, ImportOptions, import_csv_text};
    // A sheet with a row without its back: an error, with the checker's hint.
    let sheet = "question,answer\nCapital of Latvia?,Riga\nCapital of Estonia?,\n";
    let opts = ImportOptions {
        deck_id: "capitals".into(),
        title: "Capitals".into(),
        keep_going: false,
    };
    let Err(ImportExportError::Rows { problems }) =
        import_csv_text(sheet, std::path::Path::new("capitals.csv"), None, &opts)
    else {
        panic!("the sheet has a bad row")
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    for lang in [Language::Lv, Language::Ru] {
        let (f, mut h) = window_in(lang);
        let path = f.data().join("capitals.csv");
        std::fs::write(&path, sheet).unwrap();
        import_file(&mut h, path);
        h.state_mut()
            .apply(Action::Import(quizdeck::ui::import::Msg::ImportText {
                skip_bad_rows: false,
            }));
        settle(&mut h);
        for p in &problems {
            // Each problem in the language's words, none in English.
            assert_worded(&h, lang, &i18n::message_in(lang, &p.message));
            let english = p.message.english();
            assert!(
                !labels(&h).iter().any(|(l, _)| l.contains(&english)),
                "{lang:?}: {english:?} is shown in English"
            );
        }

        // A sheet in a legacy encoding: why it cannot be read, in the language.
        h.state_mut()
            .apply(Action::Import(quizdeck::ui::import::Msg::CloseText));
        settle(&mut h);
        let legacy = f.data().join("legacy.csv");
        let bytes = b"question,answer\nV\xf5ru,Estonia\n".to_vec();
        std::fs::write(&legacy, &bytes).unwrap();
        import_file(&mut h, legacy);
        let why = quizdeck::import_export::decode_text(bytes).unwrap_err();
        assert_worded(&h, lang, &i18n::message_in(lang, &why));
    }
}

#[test]
fn an_anki_imports_report_is_worded_in_the_students_language() {
    let apkg = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki/basic-latest.apkg");
    for lang in [Language::Lv, Language::Ru] {
        let (_fixture, mut h) = window_in(lang);
        import_file(&mut h, apkg.clone());
        // The package's sound is dropped: said in the language.
        let fact = quizdeck::message::Message::new("anki-report-sounds-dropped").arg("n", 1);
        assert_worded(&h, lang, &i18n::message_in(lang, &fact));
        assert!(
            !labels(&h).iter().any(|(l, _)| l.contains("sounds dropped")),
            "{lang:?}: the report is shown in English"
        );
    }
}

#[test]
fn an_anki_imports_left_out_notes_and_refusals_are_worded_in_the_students_language() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/anki/left-out.apkg");
    for lang in [Language::Lv, Language::Ru] {
        let (f, mut h) = window_in(lang);
        import_file(&mut h, fixture.clone());
        // Each note and picture left out, with its reason, under the report.
        let missing = quizdeck::message::Message::new("anki-picture-left-out")
            .arg("file", "gone.png")
            .arg(
                "reason",
                quizdeck::message::Message::new("anki-picture-missing"),
            );
        let empty = quizdeck::message::Message::new("anki-note-empty")
            .arg("note", "2")
            .arg("type", "Basic");
        for m in [&missing, &empty] {
            assert_worded(&h, lang, &i18n::message_in(lang, m));
            assert!(
                !labels(&h).iter().any(|(l, _)| l.contains(&m.english())),
                "{lang:?}: {:?} is shown in English",
                m.english()
            );
        }
        // The banner's OK stays inside the window under the report.
        let ok = h.get_by_label(&tr_in(lang, "app-ok", &[])).rect();
        assert!(ok.max.y <= 800.0, "{lang:?}: OK at {ok:?}");
        h.state_mut().apply(Action::DismissBanner);
        settle(&mut h);

        // A package refused (its collection is no database): why, in the language.
        let bad = f.data().join("bad.apkg");
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        z.start_file("collection.anki2", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, b"not a database").unwrap();
        std::fs::write(&bad, z.finish().unwrap().into_inner()).unwrap();
        import_file(&mut h, bad);
        let why = quizdeck::message::Message::new("anki-not-sqlite");
        assert_worded(&h, lang, &i18n::message_in(lang, &why));

        // A quizdeck package that is no zip file: refused, why in the language.
        let package = f.data().join("broken.qdeck");
        std::fs::write(&package, "this is not a zip file").unwrap();
        let scratch = f.data().join("scratch");
        let why = quizdeck::package::import_package(&package, &scratch)
            .unwrap_err()
            .message();
        import_file(&mut h, package);
        assert_worded(&h, lang, &i18n::message_in(lang, &why));
    }
}

/// Whether a message or any message nested in it is `id`.
fn names_message(m: &quizdeck::message::Message, id: &str) -> bool {
    m.id == id
        || m.args.iter().any(|(_, a)| match a {
            quizdeck::message::Arg::Msg(n) => names_message(n, id),
            _ => false,
        })
}

#[test]
fn the_readers_complaints_about_a_deck_or_exam_file_are_worded_in_the_students_language() {
    // A deck with a field the format does not know, and an exam file that is no RON.
    let deck = "Deck(format: 1, id: \"f\", title: \"F\", cards: [\n  Card(id: \"a\", colour: \"red\", kind: Basic(front: \"Rīga?\", back: \"Latvija\")),\n])\n";
    let checked = quizdeck::deck::check_text(deck, "field.ron", None);
    let problem = checked.diagnostics[0].message.clone();
    assert!(
        names_message(&problem, "syntax-unknown-field-in"),
        "{problem:?}"
    );
    let exam_text = "Exam(format: 3, id: [1, 2";
    for lang in [Language::Lv, Language::Ru] {
        let (f, mut h) = window_in(lang);
        let path = f.data().join("field.ron");
        std::fs::write(&path, deck).unwrap();
        import_file(&mut h, path);
        assert_worded(&h, lang, &i18n::message_in(lang, &problem));
        // Not the reader's own English ("Unexpected field named `colour`…").
        assert!(
            !labels(&h)
                .iter()
                .any(|(l, _)| l.contains("Unexpected field")),
            "{lang:?}: the reader's English is shown"
        );
        h.state_mut()
            .apply(Action::Import(quizdeck::ui::import::Msg::DismissErrors));
        settle(&mut h);

        let exam = f.data().join("broken.qexam");
        std::fs::write(&exam, exam_text).unwrap();
        let why = quizdeck::exam::Exam::load(&exam).unwrap_err().message();
        assert!(names_message(&why, "syntax-at"), "{why:?}");
        assert!(!names_message(&why, "syntax-other"), "{why:?}");
        h.state_mut().apply(Action::OpenExamScreen);
        settle(&mut h);
        h.state_mut()
            .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
                exam,
                results_dir: f.data().to_path_buf(),
                student: "Ieva".into(),
            }));
        settle(&mut h);
        assert_worded(&h, lang, &i18n::message_in(lang, &why));
    }
}

#[test]
fn a_read_only_or_damaged_profile_is_explained_in_the_students_language() {
    use quizdeck::store::{OpenMode, OpenOptions, ProgressPaths, Store};
    for lang in [Language::Et, Language::Lv, Language::Lt, Language::Ru] {
        let (f, mut h) = window_in(lang);
        change_settings(&mut h, |s| s.font_scale_pct = 200);
        let profiles = f.data().join("data/profiles");
        let dir = std::fs::read_dir(&profiles)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir())
            .expect("the profile's folder");
        // A second window on the profile the first one holds: read-only, saying why.
        let mut second = f.harness_sized(egui::vec2(1024.0, 768.0));
        settle(&mut second);
        let opts = OpenOptions {
            mode: OpenMode::ReadOnlyIfLocked,
            ..OpenOptions::default()
        };
        let (look, _) = Store::open(&dir, &opts, super::ui::t0()).unwrap();
        let why = look.read_only_reason().expect("read-only").clone();
        drop(look);
        assert_worded(&second, lang, &i18n::message_in(lang, &why));
        let banner = second.state().banner().join("\n");
        assert!(!banner.contains(&why.english()), "{lang:?}: {banner}");
        // Who holds the profile too ("process 1234 since …" is the lock's own note).
        assert!(!banner.contains(" since "), "{lang:?}: {banner}");
        drop(second);
        drop(h);

        // A progress file that is no progress file: set aside, and why, in the language.
        let snapshot = ProgressPaths::new(&dir).snapshot;
        std::fs::write(&snapshot, "garbage\n").unwrap();
        let mut again = f.harness_sized(egui::vec2(1024.0, 768.0));
        settle(&mut again);
        let banner = again.state().banner().join("\n");
        let damage = quizdeck::message::Message::new("store-damage-not-snapshot");
        assert!(
            banner.contains(&i18n::message_in(lang, &damage)),
            "{lang:?}: {banner}"
        );
        assert!(!banner.contains(&damage.english()), "{lang:?}: {banner}");
        let left = english_engine_left(&again, lang);
        assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
    }
}

/// Imports the file at `path` as the window's import does, and lets the window settle.
fn import_file(h: &mut Harness<'static, QuizApp>, path: std::path::PathBuf) {
    h.state_mut()
        .apply(Action::Import(quizdeck::ui::import::Msg::File {
            path,
            everyone: false,
        }));
    settle(h);
}

#[test]
fn settings_say_why_fsrs_parameters_are_refused_in_the_students_language() {
    for lang in [Language::Lt, Language::Ru] {
        let (_f, mut h) = window_in(lang);
        // Parameters no model takes (an edited settings file).
        change_settings(&mut h, |s| s.schedule.parameters = vec![f32::NAN; 17]);
        let schedule = h.state().settings().schedule;
        let Err(e) = quizdeck::schedule::Scheduler::new(schedule) else {
            panic!("NaN parameters make a scheduler")
        };
        h.state_mut().apply(Action::OpenSettings);
        settle(&mut h);
        h.get_by_label(&tr_in(lang, "settings-save", &[])).click();
        settle(&mut h);
        assert_eq!(h.state().screen_name(), "settings", "{lang:?}: saved");
        assert_worded(&h, lang, &i18n::message_in(lang, &e.message()));
    }
}

#[test]
fn what_the_library_says_when_a_profile_opens_is_worded_in_the_students_language() {
    // Found by trying it: the banners about a deck with errors and about two decks with
    // one id were worded before the profile's language was set (so in English), and the
    // second came from the engine in English.
    for lang in [Language::Et, Language::Lv, Language::Lt, Language::Ru] {
        let (f, h) = window_in(lang);
        drop(h);
        let profile = std::fs::read_dir(f.data().join("data/profiles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir())
            .expect("the profile's folder");
        let decks = profile.join("decks");
        let deck = |id: &str, title: &str, extra: &str| {
            format!(
                r#"Deck(format: 1, id: "{id}", title: "{title}", cards: [Card(id: "c", kind: Basic(front: "F{extra}", back: "B"))])"#
            )
        };
        for (dir, text) in [
            ("broken", deck("broken", "", "")),
            ("one", deck("same", "One", "1")),
            ("two", deck("same", "Two", "2")),
        ] {
            std::fs::create_dir_all(decks.join(dir)).unwrap();
            std::fs::write(decks.join(dir).join(format!("{dir}.ron")), text).unwrap();
        }
        // A new start of the program: the language it starts in is the system's.
        i18n::set_language(Language::En);
        let mut again = f.harness();
        settle(&mut again);
        let banner = again.state().banner().join("\n");
        assert!(banner.contains("broken.ron"), "{lang:?}: {banner}");
        for english in ["is not shown:", "Two deck files have the id"] {
            assert!(!banner.contains(english), "{lang:?}: {banner}");
        }
        // The deck's first error is said, in the student's language.
        let error = i18n::message_in(
            lang,
            &quizdeck::message::Message::new("check-empty-text")
                .arg("what", quizdeck::message::Message::new("field-deck-title")),
        );
        assert!(banner.contains(&error), "{lang:?}: {error:?} in {banner}");
        let same = quizdeck::message::Message::new("library-same-id");
        let worded = i18n::message_in(
            lang,
            &same
                .clone()
                .arg("id", "same")
                .arg("used", "x")
                .arg("other", "y"),
        );
        let start = worded.split("same").next().unwrap().trim();
        assert!(
            !start.is_empty() && banner.contains(start),
            "{lang:?}: {start:?} in {banner}"
        );
        let left = english_engine_left(&again, lang);
        assert!(left.is_empty(), "{lang:?}: English left: {left:?}");
    }
}
