//! The study screen driven headless: shuffles at every showing, daily limits per deck and
//! what an empty deck offers, and key widgets in view at projector text sizes.

use super::ui::{Fixture, start_practice, study};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ask::{Asked, ask_item};
use quizdeck::quiz::{Question, QuestionForm};
use quizdeck::ui::{Action, QuizApp};

const MATCH_AND_CHOICE: &str = r#"
    Card(id: "who", kind: Match(prompt: "Pair each head of state with the country", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
    Card(id: "ord", kind: Order(prompt: "Put in order", items: ["1939", "1940", "1941"])),
    Card(id: "mc", kind: MultipleChoice(question: "Which city?", answer: "Riga", distractors: ["Tallinn", "Kaunas", "Vilnius"]))"#;

/// Ends the session and studies the deck again, so that its first item is shown afresh.
fn show_again(h: &mut Harness<'static, QuizApp>) {
    h.state_mut()
        .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
    h.state_mut().apply(Action::Study(vec!["shuf".into()]));
    h.run();
}

/// Every showing's question state for the first item of the deck, `n` times.
fn showings(seed: u64, n: usize) -> Vec<Question> {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "shuf", MATCH_AND_CHOICE);
    h.state_mut().set_shuffle_seed(seed);
    study(&mut h, "Test shuf");
    let mut out = Vec::new();
    for _ in 0..n {
        match h.state().current_asked().cloned().expect("an item") {
            Asked::Question(q) => out.push(q),
            other => panic!("{other:?}"),
        }
        show_again(&mut h);
    }
    out
}

#[test]
fn match_right_column_is_never_in_the_solved_order_and_changes_between_showings() {
    let shown = showings(7, 40);
    let mut orders = std::collections::BTreeSet::new();
    for q in &shown {
        let QuestionForm::Match { right: rights, .. } = &q.form else {
            panic!("the Match card comes first: {q:?}")
        };
        assert_ne!(
            rights,
            &["Estonia", "Latvia", "Lithuania"],
            "shown in the solved order"
        );
        orders.insert(rights.clone());
    }
    assert!(
        orders.len() >= 2,
        "the same order at every showing: {orders:?}"
    );
    // Repeatable under the same seed.
    let again = showings(7, 5);
    for (a, b) in shown.iter().zip(&again) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}

#[test]
fn order_items_are_never_sorted_and_choices_move_between_showings() {
    use quizdeck::deck;
    let d = deck::load_str(
        &format!("Deck(format: 1, id: \"shuf\", title: \"T\", cards: [{MATCH_AND_CHOICE}])"),
        "shuf.ron",
        None,
    )
    .unwrap();
    let mut rng: rand::rngs::StdRng = rand::SeedableRng::seed_from_u64(3);
    let mut right_at = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let form = |i: usize, rng: &mut rand::rngs::StdRng| match ask_item(&d, &d.cards[i], 0, rng)
        {
            Asked::Question(q) => q.form,
            other => panic!("{other:?}"),
        };
        match form(1, &mut rng) {
            QuestionForm::Order { items, .. } => {
                assert_ne!(items, ["1939", "1940", "1941"], "already sorted")
            }
            other => panic!("{other:?}"),
        }
        match form(2, &mut rng) {
            QuestionForm::MultipleChoice { correct, .. } => {
                right_at.insert(correct[0]);
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(right_at.len(), 4, "the right option takes every place");
}

/// Saves the open profile's settings after `change`.
fn change_settings(h: &mut Harness<'static, QuizApp>, change: impl FnOnce(&mut ProfileSettings)) {
    let mut s = h.state().settings();
    change(&mut s);
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    h.run();
    h.run();
}

const THREE_BASIC: &str = r#"
    Card(id: "a", kind: Basic(front: "Front a", back: "Back a")),
    Card(id: "b", kind: Basic(front: "Front b", back: "Back b")),
    Card(id: "c", kind: Basic(front: "Front c", back: "Back c"))"#;

#[test]
fn a_deck_at_its_limit_says_why_and_offers_more_new_items() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "lim", THREE_BASIC);
    f.import(
        &mut h,
        "other",
        r#"Card(id: "x", kind: Basic(front: "Front x", back: "Back x"))"#,
    );
    change_settings(&mut h, |s| {
        s.schedule.deck_new_per_day = 2;
        s.schedule.learn_ahead_secs = 0;
    });
    // The library shows what can really be studied: 2 of 3 new, and the other deck's 1.
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    h.get_by_label_contains("3 cards · 2 new today ·");
    h.get_by_label_contains("1 card · 1 new today ·");
    study(&mut h, "Test lim");
    for _ in 0..2 {
        key(&mut h, Key::Space);
        key(&mut h, Key::Num4);
    }
    assert_eq!(h.state().current_item(), None);
    h.get_by_label("Test lim: the daily limit of 2 new items is reached (1 more waiting).");
    h.get_by_label("Study 10 more new today").click();
    h.run();
    h.get_by_label("Front c");
    key(&mut h, Key::Space);
    key(&mut h, Key::Num1);
    // Again on a new item: it comes back in a minute; the student may wait or end.
    h.get_by_label("1 item comes back in 1 min (at 09:01).");
    h.get_by_label("Wait").click();
    h.run();
    f.clock.set(super::ui::t0() + chrono::TimeDelta::minutes(1));
    h.run();
    h.get_by_label("Front c");
    // The extra items stay allowed today after a restart.
    drop(h);
    let mut h = f.harness();
    h.get_by_label("1 due today in Test lim");
    assert_eq!(
        h.state().settings().schedule.extra_new_of(
            "lim",
            quizdeck::schedule::day_index(super::ui::t0(), utc(), 4)
        ),
        10
    );
    study(&mut h, "Test lim");
    h.get_by_label("Front c");
    h.get_by_label("End session (Esc)").click();
    h.run();
}

fn utc() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(0).unwrap()
}

/// A harness of `w`×`h` points with the text size at `pct` %.
pub(super) fn projector(f: &Fixture, w: f32, ht: f32, pct: u16) -> Harness<'static, QuizApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, ht))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), f.app());
    h.run();
    change_settings(&mut h, |s| s.font_scale_pct = pct);
    h
}

/// Fails unless the widget named `label` lies inside the window.
pub(super) fn assert_in_window(h: &Harness<'static, QuizApp>, label: &str) {
    let r = h.get_by_label(label).rect();
    let window = h.ctx.content_rect();
    assert!(
        window.expand(0.5).contains_rect(r),
        "{label:?} at {r:?} is outside the window {window:?}"
    );
}

const EVERY_KIND: &str = r#"
    Card(id: "k1", note: "A long note that explains the context of the question in several sentences, so that at a large text size it takes many lines of the screen and pushes everything under it down. It goes on to name the document and the section where the facts come from, and why historians disagree about them.", kind: MultipleChoice(question: "Which city was the capital of the Latvian Soviet Socialist Republic after the occupation in June 1940?", answer: "Riga", distractors: ["Tallinn", "Kaunas", "Vilnius"])),
    Card(id: "k2", kind: TypeIn(question: "Who was the last president of Estonia before the occupation?", answers: ["Konstantin Päts"])),
    Card(id: "k3", kind: Order(prompt: "Put these events in order", items: ["Molotov–Ribbentrop Pact signed", "Mutual assistance pacts", "Ultimatums to the Baltic states", "Soviet troops enter", "Elections under occupation", "Annexation by the USSR"])),
    Card(id: "k4", kind: Match(prompt: "Pair each head of state with the country", pairs: [("Konstantin Päts", "Estonia"), ("Kārlis Ulmanis", "Latvia"), ("Antanas Smetona", "Lithuania"), ("Johannes Vares", "Estonian SSR government"), ("Augusts Kirhenšteins", "Latvian SSR government")])),
    Card(id: "k5", kind: TrueFalse(statement: "The secret protocol of the Molotov–Ribbentrop Pact divided Eastern Europe into spheres of influence.", truth: true))"#;

#[test]
fn study_keeps_answer_and_rating_buttons_in_view_at_projector_sizes() {
    for (w, ht, pct) in [(1024.0, 768.0, 200), (1280.0, 800.0, 250)] {
        let f = Fixture::new();
        let mut h = projector(&f, w, ht, pct);
        f.import(&mut h, "kinds", EVERY_KIND);
        h.state_mut().apply(Action::Study(vec!["kinds".into()]));
        h.run();
        // Multiple choice: pick with a key; the verdict, "I was right" and ratings show.
        key(&mut h, Key::Num2);
        h.run();
        for l in ["1 Again", "2 Hard", "3 Good", "4 Easy"] {
            assert_in_window(&h, l);
        }
        key(&mut h, Key::Num3);
        // Typed.
        assert_in_window(&h, "Check answer (Enter)");
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text("Päts");
        h.run();
        h.get_by_label("Check answer (Enter)").click();
        h.run();
        h.run();
        assert_in_window(&h, "3 Good");
        key(&mut h, Key::Num3);
        // Order.
        assert_in_window(&h, "Check order (Enter)");
        key(&mut h, Key::Enter);
        assert_in_window(&h, "I was right");
        assert_in_window(&h, "4 Easy");
        key(&mut h, Key::Num3);
        // Match.
        assert_in_window(&h, "Check pairs (Enter)");
        h.state_mut()
            .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
        h.run();
    }
}

fn key(h: &mut Harness<'static, QuizApp>, k: egui::Key) {
    super::ui::key(h, k)
}
use egui::Key;
use quizdeck::settings::ProfileSettings;

#[test]
fn every_screen_keeps_its_key_buttons_in_view_at_1024x768_and_200_percent() {
    let f = Fixture::new();
    let mut h = projector(&f, 1024.0, 768.0, 200);
    f.import(&mut h, "kinds", EVERY_KIND);
    // Settings: Save and Cancel under the scrolling fields.
    h.state_mut().apply(Action::OpenSettings);
    h.run();
    assert_in_window(&h, "Save");
    assert_in_window(&h, "Cancel");
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    // Study, then the summary.
    h.state_mut().apply(Action::Study(vec!["kinds".into()]));
    h.run();
    key(&mut h, Key::Num1);
    h.run();
    assert_in_window(&h, "3 Good");
    key(&mut h, Key::Num1);
    h.state_mut()
        .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
    h.run();
    assert_in_window(&h, "Back to decks");
    // Browse: the item rows and the selected item's buttons.
    h.state_mut().apply(Action::OpenBrowse);
    h.run();
    h.state_mut()
        .apply(Action::Browse(quizdeck::ui::browse::Msg::Select(
            quizdeck::ids::ItemKey::new("kinds", "k1", 0),
        )));
    h.run();
    assert_in_window(&h, "Suspend");
    assert_in_window(&h, "Reset progress");
    // Statistics: the deck chooser and the first chart's title.
    h.state_mut().apply(Action::OpenStats(None));
    super::ui::settle(&mut h);
    assert_in_window(&h, "Reviews per day");
    // A practice test: Next and Finish now while taking it.
    start_practice(
        &mut h,
        vec!["kinds".into()],
        3,
        quizdeck::quiz::QuestionKind::ALL.to_vec(),
        1,
    );
    h.run();
    assert_in_window(&h, "Next");
    assert_in_window(&h, "Finish now");
}

#[test]
fn the_summary_names_items_and_answers_lists_mistakes_and_what_comes_back() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "sum",
        r#"Card(id: "m1", kind: MultipleChoice(question: "Which city?", answer: "Riga", distractors: ["Tallinn"])),
           Card(id: "m2", kind: MultipleChoice(question: "Which lake?", answer: "Peipus", distractors: ["Ladoga"]))"#,
    );
    h.state_mut().set_shuffle_seed(1);
    study(&mut h, "Test sum");
    // The first card wrong (Again), the second right (Good).
    h.get_by_label_contains(". Tallinn").click();
    h.run();
    key(&mut h, Key::Space);
    h.get_by_label_contains(". Peipus").click();
    h.run();
    key(&mut h, Key::Space);
    h.get_by_label("End session (Esc)").click();
    h.run();
    h.get_by_label("2 items studied, 2 answers given.");
    h.get_by_label("Remembered: 1 of 2 answers (50 %).");
    h.get_by_label("2 items come back later today, the first in 1 min (at 09:01).");
    h.get_by_label("Due tomorrow: 0 items.");
    // The share done is words of their own above the bar, not text over its fill.
    let done = h.get_by_label_contains("% of this session's queue done");
    assert_eq!(done.accesskit_node().role(), egui::accesskit::Role::Label);
    let bar = h.get_by_role(egui::accesskit::Role::ProgressIndicator);
    assert!(done.rect().bottom() <= bar.rect().top());
    h.get_by_label("Which city?");
    h.get_by_label("Right answer: Riga");
    assert!(h.query_by_label("Which lake?").is_none(), "not a mistake");
    // An empty session shows no percentage.
    h.get_by_label("Back to decks").click();
    h.run();
    study(&mut h, "Test sum");
    h.get_by_label("End session (Esc)").click();
    h.run();
    h.get_by_label("No answers this time. Come back when you are ready.");
    assert!(h.query_by_label_contains("%)").is_none());
}

/// An item already due when the session ends comes back at once: the summary names a
/// time from now, not the past time it fell due (a learning item left for ten minutes
/// said "in 1 min (at 09:01)" at 09:10).
#[test]
fn an_item_due_already_is_said_to_come_back_from_now() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "late",
        r#"Card(id: "m1", kind: MultipleChoice(question: "Which city?", answer: "Riga", distractors: ["Tallinn"]))"#,
    );
    h.state_mut().set_shuffle_seed(1);
    study(&mut h, "Test late");
    h.get_by_label_contains(". Tallinn").click();
    h.run();
    key(&mut h, Key::Space);
    // Asked again at once (learning ahead, nothing else to study), left ten minutes.
    h.get_by_label("Which city?");
    f.clock
        .set(super::ui::t0() + chrono::TimeDelta::minutes(10));
    h.get_by_label("End session (Esc)").click();
    h.run();
    h.get_by_label("1 item comes back in 1 min (at 09:11).");
}

/// Non-ASCII characters of `text` that the app's fonts cannot draw.
pub(super) fn missing_glyphs(ctx: &egui::Context, text: &str) -> std::collections::BTreeSet<char> {
    let font = egui::FontId::proportional(18.0);
    text.chars()
        .filter(|c| !c.is_ascii() && !c.is_whitespace())
        .collect::<std::collections::BTreeSet<char>>()
        .into_iter()
        .filter(|c| !ctx.fonts_mut(|f| f.has_glyphs(&font, &c.to_string())))
        .collect()
}

/// The text of double-quoted string literals in `code` (character literals and code left
/// out: only strings reach the screen).
fn string_literals(code: &str) -> String {
    let code = code.replace("'\"'", "");
    let mut out = String::new();
    let mut inside = false;
    let mut escaped = false;
    for c in code.chars() {
        match (inside, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => {
                inside = false;
                out.push('\n');
            }
            (true, false, c) => out.push(c),
            (false, _, '"') => inside = true,
            _ => {}
        }
    }
    out
}

/// The strings of `.rs` files under `dir`, without comments and unit tests (what can reach
/// the screen).
fn code_without_comments(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            code_without_comments(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            // Unit tests (at the end of a file) hold text from every script on purpose.
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| l.split(" // ").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            out.push((p.display().to_string(), string_literals(&code)));
        }
    }
}

#[test]
fn every_ui_string_and_bundled_deck_text_has_glyphs_in_the_embedded_fonts() {
    let f = Fixture::new();
    let h = f.harness();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    code_without_comments(&root.join("src"), &mut texts);
    code_without_comments(&root.join("crates/quizdeck-core/src"), &mut texts);
    for e in std::fs::read_dir(root.join("decks")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ron") {
            texts.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    assert!(texts.len() > 20, "sources and decks found");
    let missing: Vec<String> = texts
        .iter()
        .filter_map(|(file, text)| {
            let m = missing_glyphs(&h.ctx, text);
            (!m.is_empty()).then(|| format!("{file}: {m:?}"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "glyphs the fonts lack:\n{}",
        missing.join("\n")
    );
    // The symbols the screens use.
    assert!(missing_glyphs(&h.ctx, "✓ ✗ → ← ↑ ↓ › – — … · • ★").is_empty());
}

#[test]
fn practice_questions_are_answered_from_the_keyboard() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "pk",
        r#"Card(id: "t", kind: TrueFalse(statement: "Riga is the capital of Latvia.", truth: true)),
           Card(id: "o", kind: Order(prompt: "Order these years", items: ["1918", "1940", "1991"]))"#,
    );
    use quizdeck::quiz::QuestionKind::{Order, TrueFalse};
    start_practice(&mut h, vec!["pk".into()], 2, vec![TrueFalse, Order], 5);
    h.run();
    for _ in 0..2 {
        if h.query_by_label_contains("Riga is the capital").is_some() {
            // The statement is printed once, and T answers it.
            assert_eq!(
                h.query_all_by_label("Riga is the capital of Latvia.")
                    .count(),
                1
            );
            key(&mut h, Key::T);
        } else {
            // Sort with the arrows: select the smallest remaining item, move it up.
            for (target, year) in ["1918", "1940"].iter().enumerate() {
                loop {
                    let at = (1..=3)
                        .find(|i| h.query_by_label(&format!("{i}. {year}")).is_some())
                        .unwrap()
                        - 1;
                    if at == target {
                        break;
                    }
                    // Select it with Down from the top, then Alt+Up.
                    for _ in 0..3 {
                        key(&mut h, Key::ArrowUp);
                    }
                    for _ in 0..at {
                        key(&mut h, Key::ArrowDown);
                    }
                    h.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowUp);
                    h.run();
                }
            }
        }
        key(&mut h, Key::Enter);
    }
    h.get_by_label("Score: 2 of 2 (100%)");
}

#[test]
fn the_focus_stays_with_its_question_and_space_answers_only_the_one_focused() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "tf",
        r#"Card(id: "a", kind: TrueFalse(statement: "Riga is the capital of Latvia.", truth: true)),
           Card(id: "b", kind: TrueFalse(statement: "Tallinn is the capital of Estonia.", truth: true))"#,
    );
    start_practice(
        &mut h,
        vec!["tf".into()],
        2,
        vec![quizdeck::quiz::QuestionKind::TrueFalse],
        3,
    );
    h.run();
    h.get_by_label_contains("Question 1 of 2");
    // The student reaches "False" with Tab (here: focused) and gives it with Space.
    h.get_by_label("False (F)").focus();
    h.run();
    assert!(h.get_by_label("False (F)").is_focused());
    key(&mut h, Key::Space);
    key(&mut h, Key::Enter);
    h.get_by_label_contains("Question 2 of 2");
    // The second question's "False", in the same place, does not have the focus: no
    // ring on it, and Space gives nothing.
    assert!(!h.get_by_label("False (F)").is_focused());
    key(&mut h, Key::Space);
    key(&mut h, Key::Enter);
    // One answer given (wrong), one left blank.
    h.get_by_label("Score: 0 of 2 (0%)");
    assert_eq!(h.query_all_by_label("Wrong").count(), 1);
    assert_eq!(h.query_all_by_label("Not answered").count(), 1);
}

#[test]
fn empty_charts_say_there_is_not_enough_data_yet() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.state_mut().apply(Action::OpenStats(None));
    super::ui::settle(&mut h);
    h.get_by_label("Not enough data yet: your answers show here day by day.");
    h.get_by_label("Nothing is due in the next 30 days.");
    h.get_by_label("Not enough reviews yet: retention shows after a few reviews.");
    h.get_by_label_contains("Fewer answers");
}

#[test]
fn the_first_start_asks_for_a_name_and_skip_keeps_a_default() {
    let f = Fixture::new();
    let app = || {
        QuizApp::new(
            &f.data().join("data"),
            Box::new(super::ui::t0),
            chrono::FixedOffset::east_opt(0).unwrap(),
        )
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app());
    h.run();
    assert!(h.state().first_start());
    h.get_by_label("Welcome to quizdeck!");
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Ieva Kalniņa");
    h.run();
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(h.state().profile_name(), Some("Ieva Kalniņa"));
    assert_eq!(h.state().screen_name(), "library");
    h.state_mut().shutdown();
    drop(h);
    // A second folder: Skip keeps the default name.
    let g = Fixture::new();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(
            |ui, app: &mut QuizApp| app.ui(ui),
            QuizApp::new(
                &g.data().join("data"),
                Box::new(super::ui::t0),
                chrono::FixedOffset::east_opt(0).unwrap(),
            ),
        );
    h.run();
    h.get_by_label("Skip").click();
    h.run();
    assert_eq!(h.state().profile_name(), Some("Student"));
}

/// The very first start as eframe runs it: the window opens without the system's focus and
/// gets it a moment later. The name field must not ask for the keyboard at every frame
/// meanwhile (each request interrupts the input method: under X11 the window then repainted
/// without end and took no key or click at all), and once the window has focus the student
/// types a name and presses Enter without touching the mouse.
#[test]
fn the_first_start_takes_a_name_from_the_keyboard_alone_in_a_window_without_focus_yet() {
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1024.0, 768.0)] {
        let f = Fixture::new();
        let mut h = Harness::builder().with_size(size).build_ui_state(
            |ui, app: &mut QuizApp| app.ui(ui),
            QuizApp::new(
                &f.data().join("data"),
                Box::new(super::ui::t0),
                chrono::FixedOffset::east_opt(0).unwrap(),
            ),
        );
        typed_after_the_window_comes_back(&mut h, "Marta", false);
        assert!(h.state().first_start());
        h.key_press(egui::Key::Enter);
        h.run();
        assert_eq!(h.state().profile_name(), Some("Marta"));
        assert_eq!(h.state().screen_name(), "library");
        h.state_mut().shutdown();
    }
    // The field does not hold the keyboard captive: Tab reaches "Skip" and Enter presses it.
    let f = Fixture::new();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(
            |ui, app: &mut QuizApp| app.ui(ui),
            QuizApp::new(
                &f.data().join("data"),
                Box::new(super::ui::t0),
                chrono::FixedOffset::east_opt(0).unwrap(),
            ),
        );
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(h.get_by_label("Skip").is_focused());
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().profile_name(), Some("Student"));
}

/// A typed answer while the student is in another window (reading a source, say): the
/// answer field keeps the keyboard without asking for it at every frame, and takes the
/// typing again as soon as the window has focus.
#[test]
fn a_typed_answer_does_not_ask_for_the_keyboard_at_every_frame_while_the_window_is_away() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "typed",
        r#"Card(id: "t", kind: TypeIn(question: "Who was the last president of Estonia before the occupation?", answers: ["Konstantin Päts"]))"#,
    );
    h.state_mut().apply(Action::Study(vec!["typed".into()]));
    h.run();
    typed_after_the_window_comes_back(&mut h, "Päts", true);
}

/// Runs six frames with the window out of focus (`away`: it had focus and loses it; else it
/// never had it, as a new window), failing if the input method was interrupted in more than
/// one of them; then gives the window focus and types `text` without a click: the only text
/// field must have the keyboard and hold `text`.
fn typed_after_the_window_comes_back(h: &mut Harness<'static, QuizApp>, text: &str, away: bool) {
    h.input_mut().focused = false;
    if away {
        h.event(egui::Event::WindowFocused(false));
    }
    let mut interrupts = 0;
    for _ in 0..6 {
        h.step();
        let ime = h.output().platform_output.ime.as_ref();
        interrupts += usize::from(ime.is_some_and(|i| i.should_interrupt_composition));
    }
    assert!(
        interrupts <= 1,
        "the input method was interrupted in {interrupts} of 6 frames of a window without focus"
    );
    h.input_mut().focused = true;
    h.event(egui::Event::WindowFocused(true));
    h.step();
    h.event(egui::Event::Text(text.into()));
    h.step();
    h.step();
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    assert!(
        field.is_focused(),
        "the text field does not have the keyboard"
    );
    assert_eq!(field.value().as_deref(), Some(text));
}

/// The teacher's screen at 200 % on a 1024×768 projector: while "Make exam" cannot be used
/// the screen says what it needs; while it is made, that is said beside the button; once
/// it is made the message with the teacher's code is brought into view, however far below
/// it the button was.
#[test]
fn the_exam_made_is_said_in_view_and_what_make_exam_needs_is_said() {
    let f = Fixture::new();
    let mut h = projector(&f, 1024.0, 768.0, 200);
    h.state_mut().apply(Action::OpenTeacher);
    h.run();
    let needs = "To make the exam, choose at least one deck and one form, and write a title and \
                 the name of the exam file.";
    h.get_by_label(needs);
    let exam_file = f.data().join("made.ron");
    super::ui::teacher_exam_form(
        &mut h,
        &[
            ("Title:", "Projector test"),
            ("Save the exam as:", &exam_file.display().to_string()),
        ],
    );
    assert!(h.query_by_label(needs).is_none(), "all it needs is given");
    // Scrolled down to the button, as a teacher does, then Enter on it.
    let scroll_to_the_end = |h: &mut Harness<'static, QuizApp>| {
        h.event(egui::Event::PointerMoved(egui::pos2(200.0, 200.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -5000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        // The scroll is animated over a few frames.
        h.run_steps(30);
    };
    scroll_to_the_end(&mut h);
    let top = h.get_by_label("Title:").rect();
    assert!(
        top.max.y < 0.0,
        "scrolled: the title field at {top:?} is above the window"
    );
    // Made in the background (as for a big library): the spinner is in view too.
    h.state_mut().set_background_from(0);
    let go = quizdeck::ui::jobs::hold_next("quizdeck-exam");
    h.get_by_label("Make exam").focus();
    h.run();
    // (Not `key`: it waits for the background, which is held here.)
    h.key_press(Key::Enter);
    h.run();
    let window = h.ctx.content_rect().expand(0.5);
    let making = h.get_by_label("Making the exam…").rect();
    let button = h.get_by_label("Make exam").rect();
    assert!(
        window.contains_rect(making) && button.y_range().contains(making.center().y),
        "\"Making the exam…\" at {making:?} is not beside the button at {button:?} in the \
         window {window:?}"
    );
    go.send(()).unwrap();
    h.state_mut().wait_for_background();
    h.run();
    assert!(exam_file.exists(), "the exam was made");
    let said = h.get_by_label_contains("never hand it out").rect();
    assert!(
        said.min.y >= window.min.y && said.min.y < window.max.y,
        "the message at {said:?} is not in the window {window:?}"
    );
}

/// Tab walks down the teacher's form at 200 % on a 1024×768 projector: each widget it
/// reaches is brought into view, never focused (and typed into) below the window's edge.
#[test]
fn the_widget_tab_reaches_is_brought_into_view_at_projector_size() {
    use egui::accesskit::Role;
    let f = Fixture::new();
    let mut h = projector(&f, 1024.0, 768.0, 200);
    h.state_mut().apply(Action::OpenTeacher);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Title:").focus();
    h.run();
    tab_stays_in_view(&mut h, 10);
}

/// Presses Tab `steps` times, and fails unless the widget the focus reaches each time is
/// inside the window once the page has scrolled.
fn tab_stays_in_view(h: &mut Harness<'static, QuizApp>, steps: usize) {
    use egui_kittest::kittest::{NodeT, by};
    let window = h.ctx.content_rect().expand(0.5);
    for step in 1..=steps {
        h.key_press(Key::Tab);
        // The page scrolls with an animation.
        h.run_steps(30);
        let focused = h.get(by().predicate(|n| n.is_focused()));
        let r = focused.rect();
        assert!(
            r.min.y >= window.min.y && r.max.y <= window.max.y,
            "Tab {step}: {:?} at {r:?} is outside the window {window:?}",
            focused.accesskit_node().label()
        );
    }
}

/// The same in the screens with scroll areas of their own: the deck editor's card form
/// (a long form beside, or at 200 % instead of, the card list) and the library's list of
/// decks.
#[test]
fn tab_brings_the_widget_into_view_in_the_editor_and_the_library_at_projector_size() {
    use egui::accesskit::Role;
    let f = Fixture::new();
    let mut h = projector(&f, 1024.0, 768.0, 200);
    h.state_mut().apply(Action::OpenEditor);
    h.run();
    h.get_by_label("New deck…").click();
    h.run_steps(10);
    assert_eq!(h.state().screen_name(), "editor");
    h.get_all_by_role(Role::TextInput).next().unwrap().focus();
    h.run();
    tab_stays_in_view(&mut h, 14);
    let mut h = projector(&f, 1024.0, 768.0, 200);
    h.state_mut().apply(Action::BackToLibrary);
    h.run_steps(10);
    assert_eq!(h.state().screen_name(), "library");
    tab_stays_in_view(&mut h, 24);
}
