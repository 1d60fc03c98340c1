//! The desktop app driven headless through egui_kittest: AccessKit labels, clicks and
//! keys, with a fixed clock and a temporary data folder.

use crate::common::Dropped;
use chrono::FixedOffset;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::ids::ItemKey;
use quizdeck::settings::Theme;
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) use crate::common::ui::{Fixture, key, settle, start_practice, study, t0};

const BASIC: &str =
    r#"Card(id: "b", note: "Context note.", kind: Basic(front: "Front side", back: "Back side"))"#;

#[test]
fn the_library_lists_bundled_decks_and_studying_one_starts_a_session() {
    let f = Fixture::new();
    let mut h = f.harness();
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().profile_name(), Some("Student"));
    let first = quizdeck::library::Library::load(None).decks[0].deck.clone();
    study(&mut h, &first.title);
    let key = h.state().current_item().cloned().expect("an item is shown");
    assert_eq!(key.deck, first.id);
    h.get_by_label("End session (Esc)").click();
    h.run();
    assert_eq!(h.state().screen_name(), "summary");
    h.get_by_label("Back to decks").click();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
}

#[test]
fn reveal_and_rate_with_keys_then_undo() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    study(&mut h, "Test basic");
    assert!(
        h.query_by_label("Back side").is_none(),
        "answer hidden before reveal"
    );
    key(&mut h, Key::Space);
    h.get_by_label("Back side");
    h.get_by_label("Context note.");
    key(&mut h, Key::Num3);
    let item = ItemKey::new("basic", "b", 0);
    let state = h.state().item_state(&item).expect("the answer was stored");
    assert_eq!(state.reps, 1);
    // The learning step brings it back later; Ctrl+Z undoes the answer.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().item_state(&item).is_none(), "undo restores 'new'");
    assert_eq!(h.state().current_item(), Some(&item));
    h.get_by_label("Front side");
}

#[test]
fn multiple_choice_right_and_wrong() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "mc",
        r#"Card(id: "m1", kind: MultipleChoice(question: "Which city?", answer: "Riga", distractors: ["Tallinn", "Kaunas"])),
           Card(id: "m2", kind: MultipleChoice(question: "Which lake?", answer: "Peipus", distractors: ["Ladoga", "Onega"]))"#,
    );
    study(&mut h, "Test mc");
    h.get_by_label_contains(". Riga").click();
    h.run();
    h.get_by_label("Right");
    key(&mut h, Key::Space);
    let state = h.state().item_state(&ItemKey::new("mc", "m1", 0)).unwrap();
    assert_eq!(state.reps, 1);
    h.get_by_label_contains(". Ladoga").click();
    h.run();
    h.get_by_label("Not quite");
    h.get_by_label("The answer: Peipus");
}

#[test]
fn true_false_with_keys_right_and_wrong() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "tf",
        r#"Card(id: "t1", kind: TrueFalse(statement: "Statement one", truth: true)),
           Card(id: "t2", kind: TrueFalse(statement: "Statement two", truth: false, correction: "It was the other way round."))"#,
    );
    study(&mut h, "Test tf");
    h.get_by_label("Statement one");
    key(&mut h, Key::T);
    h.get_by_label("Right");
    key(&mut h, Key::Num3);
    h.get_by_label("Statement two");
    key(&mut h, Key::T);
    h.get_by_label("Not quite");
    h.get_by_label("It was the other way round.");
}

#[test]
fn typed_answers_with_and_without_accents() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "ty",
        r#"Card(id: "u", kind: TypeIn(question: "Who led Latvia?", answers: ["Kārlis Ulmanis", "Ulmanis"])),
           Card(id: "v", kind: TypeIn(question: "Who led Estonia?", answers: ["Konstantin Päts"]))"#,
    );
    study(&mut h, "Test ty");
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("karlis ulmanis");
    h.run();
    key(&mut h, Key::Enter);
    h.get_by_label("Right");
    h.get_by_label_contains("it is written Kārlis Ulmanis");
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state()
            .item_state(&ItemKey::new("ty", "u", 0))
            .unwrap()
            .reps,
        1
    );
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Smetona");
    h.run();
    h.get_by_label("Check answer (Enter)").click();
    h.run();
    h.get_by_label("Not quite");
    h.get_by_label("The answer: Konstantin Päts");
    // The student may overrule the verdict.
    h.get_by_label("I was right").click();
    h.run();
    h.get_by_label("Counted as right");
    h.get_by_label("The answer: Konstantin Päts");
}

/// Labels of the order rows ("1. X") in their current order.
fn order_rows(h: &Harness<'static, QuizApp>, items: &[&str]) -> Vec<String> {
    (1..=items.len())
        .map(|i| {
            items
                .iter()
                .find(|it| h.query_by_label(&format!("{i}. {it}")).is_some())
                .map(|s| s.to_string())
                .unwrap()
        })
        .collect()
}

#[test]
fn order_right_after_moving_and_wrong_when_left_shuffled() {
    let items = ["First", "Second", "Third", "Fourth"];
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "ord",
        r#"Card(id: "o1", kind: Order(prompt: "Put in order", items: ["First", "Second", "Third", "Fourth"])),
           Card(id: "o2", kind: Order(prompt: "Again in order", items: ["First", "Second", "Third", "Fourth"]))"#,
    );
    study(&mut h, "Test ord");
    // Sort with the ↑ buttons, as a student would.
    for target in 0..items.len() {
        loop {
            let rows = order_rows(&h, &items);
            let at = rows.iter().position(|r| r == items[target]).unwrap();
            if at == target {
                break;
            }
            h.get_by_label(&format!("Move {} up", items[target]))
                .click();
            h.run();
        }
    }
    h.get_by_label("Check order (Enter)").click();
    h.run();
    h.get_by_label("Right");
    key(&mut h, Key::Num3);
    h.get_by_label("Again in order");
    h.get_by_label("Check order (Enter)").click();
    h.run();
    h.get_by_label("Not quite");
    h.get_by_label("The right order:");
}

#[test]
fn match_right_and_wrong() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "mat",
        r#"Card(id: "p1", kind: Match(prompt: "Leaders one", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
           Card(id: "p2", kind: Match(prompt: "Leaders two", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")]))"#,
    );
    study(&mut h, "Test mat");
    for (l, r) in [
        ("Päts", "Estonia"),
        ("Ulmanis", "Latvia"),
        ("Smetona", "Lithuania"),
    ] {
        h.get_by_label_contains(&format!(". {l}")).click();
        h.run();
        h.get_by_label_contains(&format!(". {r}")).click();
        h.run();
    }
    h.get_by_label("Check pairs (Enter)").click();
    h.run();
    h.get_by_label("Right");
    key(&mut h, Key::Num3);
    h.get_by_label("Leaders two");
    for (l, r) in [
        ("Päts", "Latvia"),
        ("Ulmanis", "Estonia"),
        ("Smetona", "Lithuania"),
    ] {
        h.get_by_label_contains(&format!(". {l}")).click();
        h.run();
        h.get_by_label_contains(&format!(". {r}")).click();
        h.run();
    }
    h.get_by_label("Check pairs (Enter)").click();
    h.run();
    h.get_by_label("Not quite");
}

#[test]
fn settings_persist_with_the_profile() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.get_by_label("Settings…").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().settings().theme, Theme::Dark);
    h.state_mut().shutdown();
    drop(h);
    let again = f.app();
    assert_eq!(again.settings().theme, Theme::Dark);
}

#[test]
fn the_leech_action_is_a_setting() {
    use quizdeck::schedule::LeechAction;
    let f = Fixture::new();
    let mut h = f.harness();
    assert_eq!(
        h.state().settings().schedule.leech_action,
        LeechAction::TagOnly
    );
    h.get_by_label("Settings…").click();
    h.run();
    h.get_by_label("Mark and suspend them").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        h.state().settings().schedule.leech_action,
        LeechAction::Suspend
    );
    h.state_mut().shutdown();
    drop(h);
    assert_eq!(
        f.app().settings().schedule.leech_action,
        LeechAction::Suspend
    );
}

#[test]
fn a_second_profile_sees_its_own_progress() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    study(&mut h, "Test basic");
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    let item = ItemKey::new("basic", "b", 0);
    assert!(h.state().item_state(&item).is_some());
    key(&mut h, Key::Escape);
    h.get_by_label("Back to decks").click();
    h.run();
    h.get_by_label("Switch profile").click();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Second");
    h.run();
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(h.state().profile_name(), Some("Second"));
    assert!(
        h.state().item_state(&item).is_none(),
        "progress is per profile"
    );
    h.get_by_label("Switch profile").click();
    h.run();
    h.get_by_label("Student").click();
    h.run();
    assert_eq!(h.state().profile_name(), Some("Student"));
    assert!(h.state().item_state(&item).is_some());
}

#[test]
fn study_time_comes_from_the_apps_clock() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    study(&mut h, "Test basic");
    // Seven seconds pass on the injected clock between showing and answering.
    f.clock.set(f.clock.get() + chrono::TimeDelta::seconds(7));
    h.run();
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    h.state_mut().shutdown();
    drop(h);
    let list = quizdeck::store::Profiles::new(&f.data().join("data"))
        .list()
        .unwrap();
    let (store, _) = quizdeck::store::Store::open(
        &list[0].dir,
        &quizdeck::store::OpenOptions::default(),
        f.clock.get(),
    )
    .unwrap();
    let history = store.history().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].duration_ms, 7_000);
}

#[test]
fn the_utc_offset_follows_the_time_zone_at_every_frame() {
    let f = Fixture::new();
    // A daylight-saving change an hour after the start, as in Riga (UTC+2 becomes UTC+3).
    let change = t0() + chrono::TimeDelta::hours(1);
    let zone: quizdeck::ui::TimeZone = Box::new(move |at| {
        let hours = if at < change { 2 } else { 3 };
        FixedOffset::east_opt(hours * 3600).unwrap()
    });
    let app = f.app().with_time_zone(zone);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    h.run();
    assert_eq!(h.state().offset().local_minus_utc(), 2 * 3600);
    f.clock.set(change + chrono::TimeDelta::minutes(5));
    h.run();
    assert_eq!(
        h.state().offset().local_minus_utc(),
        3 * 3600,
        "no restart needed"
    );
}

#[test]
fn dropping_a_broken_deck_shows_its_errors_and_a_good_one_imports() {
    let f = Fixture::new();
    let mut h = f.harness();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken.ron");
    h.input_mut().dropped_files.push(Arc::new(Dropped(broken)));
    settle(&mut h);
    h.get_by_label("The deck was not imported:");
    h.get_by_label_contains("broken.ron:8:18");
    h.get_by_label_contains("error[duplicate-id]");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label("The deck was not imported:").is_none());
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.ron");
    h.input_mut().dropped_files.push(Arc::new(Dropped(good)));
    settle(&mut h);
    h.get_by_label("Study Every kind");
    // From the keyboard: Enter on "Remove", then the question has the keyboard on
    // "Keep" (the safe answer); Shift+Tab reaches "Yes, remove".
    h.get_by_label("Remove Every kind").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(
        h.get_by_label("Keep").is_focused(),
        "the question has the keyboard"
    );
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    h.run();
    assert!(h.get_by_label("Yes, remove").is_focused());
    h.key_press(Key::Enter);
    // The library is read again in the background.
    settle(&mut h);
    assert!(h.query_by_label("Study Every kind").is_none());
    h.get_by_label("Study Elections and annexation, 1940");
}

#[test]
fn baltic_and_cyrillic_text_renders_with_the_embedded_fonts() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "names",
        r#"Card(id: "n", kind: Basic(front: "Kārlis Ulmanis, Sniečkus, Masļenki", back: "Народный комиссариат"))"#,
    );
    study(&mut h, "Test names");
    h.get_by_label("Kārlis Ulmanis, Sniečkus, Masļenki");
    key(&mut h, Key::Space);
    h.get_by_label("Народный комиссариат");
    for text in [
        "Kārlis Ulmanis",
        "Sniečkus",
        "Masļenki",
        "Народный комиссариат",
        "Päts",
        "Baltic–Soviet relations › Peace treaties",
        "…·",
    ] {
        let ok = h
            .ctx
            .fonts_mut(|f| f.has_glyphs(&egui::FontId::proportional(18.0), text));
        assert!(ok, "the embedded fonts lack glyphs for {text}");
    }
}

#[test]
fn keyboard_only_study_of_a_cloze_card() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "cz",
        r#"Card(id: "c", kind: Cloze(text: "The pact was signed in {{c1::1939}} in {{c2::Moscow}}."))"#,
    );
    study(&mut h, "Test cz");
    h.get_by_label("The pact was signed in […] in Moscow.");
    key(&mut h, Key::Enter);
    h.get_by_label("Answer: 1939");
    key(&mut h, Key::Num4);
    assert!(h.state().item_state(&ItemKey::new("cz", "c", 1)).is_some());
    // The sibling gap is buried for the day.
    assert_ne!(h.state().current_item(), Some(&ItemKey::new("cz", "c", 2)));
}

/// Imports a deck of one card with the picture `maps/riga.png` (the app's icon) from a
/// folder that is then removed: the profile keeps its own copy.
fn import_picture_deck(f: &Fixture, h: &mut Harness<'static, QuizApp>) {
    let src = f.data().join("teacher");
    std::fs::create_dir_all(src.join("maps")).unwrap();
    let icon = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon.png");
    std::fs::copy(&icon, src.join("maps/riga.png")).unwrap();
    std::fs::write(
        src.join("pics.ron"),
        r#"Deck(format: 1, id: "pics", title: "Test pics", cards: [
            Card(id: "a", image: "maps/riga.png", kind: Basic(front: "Which city is marked?", back: "Riga")),
        ])"#,
    )
    .unwrap();
    crate::common::ui::import_file(h, &src.join("pics.ron"), false);
    std::fs::remove_dir_all(&src).unwrap();
}

#[test]
fn a_card_picture_is_shown_from_the_profiles_copy() {
    let f = Fixture::new();
    let mut h = f.harness();
    import_picture_deck(&f, &mut h);
    // The picture is decoded off the interface thread: the frame that shows the card
    // only starts the decoding.
    h.get_by_label("Study Test pics").click();
    h.step();
    assert_eq!(h.state().screen_name(), "study");
    assert!(h.state().background_running());
    settle(&mut h);
    assert!(!h.state().background_running());
    h.get_by_label("Card picture");
    h.get_by_label("Which city is marked?");
}

#[test]
fn a_picture_bomb_is_refused_with_a_message_not_decoded() {
    let f = Fixture::new();
    let mut h = f.harness();
    import_picture_deck(&f, &mut h);
    // The profile's copy is replaced behind the app's back by a PNG header declaring
    // 100,000 × 100,000 pixels (40 GB decoded).
    fn find(dir: &Path, name: &str) -> Option<std::path::PathBuf> {
        for e in std::fs::read_dir(dir).ok()?.flatten() {
            let p = e.path();
            if p.is_dir() {
                if let Some(x) = find(&p, name) {
                    return Some(x);
                }
            } else if p.file_name().is_some_and(|n| n == name) {
                return Some(p);
            }
        }
        None
    }
    let copy = find(f.data(), "riga.png").expect("the profile's copy of the picture");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(100_000u32.to_be_bytes());
    ihdr.extend(100_000u32.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32fast::hash(&ihdr).to_be_bytes());
    png.extend(0u32.to_be_bytes());
    png.extend(b"IDAT");
    png.extend(crc32fast::hash(b"IDAT").to_be_bytes());
    std::fs::write(&copy, &png).unwrap();
    study(&mut h, "Test pics");
    let refused = format!(
        "the picture {} is 100000×100000 pixels; the limit is 4096 on each side",
        copy.display()
    );
    assert!(h.query_all_by_value(&refused).next().is_some());
    h.get_by_label("Which city is marked?");
}

#[test]
fn browse_opened_from_the_keyboard_searches_what_is_typed() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "browse");
    h.event(egui::Event::Text("zzz".into()));
    h.run();
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    assert!(
        search.is_focused(),
        "the search field does not have the keyboard"
    );
    assert_eq!(search.value().as_deref(), Some("zzz"));
    assert!(
        h.query_by_label_contains("0 of ").is_some(),
        "nothing matches zzz"
    );
}

#[test]
fn browse_finds_items_without_accents_and_suspends_one() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    f.import(
        &mut h,
        "ty",
        r#"Card(id: "u", tags: ["leaders"], kind: TypeIn(question: "Who led the test?", answers: ["Žanis Testiņš"]))"#,
    );
    h.get_by_label("Browse…").click();
    h.run();
    assert_eq!(h.state().screen_name(), "browse");
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    search.focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("zanis testins");
    h.run();
    assert!(
        h.query_by_label_contains("1 of ").is_some(),
        "exactly one item matches"
    );
    h.get_by_label_contains("Who led the test?").click();
    h.run();
    h.get_by_label("Answer: Žanis Testiņš");
    h.get_by_label("New: not studied yet.");
    h.get_by_label("Suspend").click();
    h.run();
    let key = ItemKey::new("ty", "u", 0);
    assert!(h.state().item_state(&key).unwrap().suspended);
    h.get_by_label_contains("suspended · due");
    h.get_by_label("Unsuspend").click();
    h.run();
    assert!(!h.state().item_state(&key).unwrap().suspended);
}

#[test]
fn browse_details_show_each_kinds_answer_in_the_interfaces_words() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "mix",
        r#"Card(id: "tf", kind: TrueFalse(statement: "Zorb: Riga is in Estonia.", truth: false, correction: "It is in Latvia.")),
           Card(id: "rev", kind: Basic(front: "Capital of Lithuania", back: "Zorb Vilnius", reverse: true))"#,
    );
    h.get_by_label("Browse…").click();
    h.run();
    crate::common::ui::type_in_field(&mut h, "Search:", "zorb");
    h.get_by_label_contains("Zorb: Riga is in Estonia.").click();
    h.run();
    h.get_by_label("Answer: False. It is in Latvia.");
    // The reversed item of a Basic card asks the back and is answered by the front.
    h.get_by_label_contains("Zorb Vilnius ·").click();
    h.run();
    h.get_by_label("Answer: Capital of Lithuania");
}

#[test]
fn statistics_show_the_figures_and_study_the_hardest_items() {
    let f = Fixture::new();
    let mut h = f.harness();
    answer_one_basic_card(&f, &mut h);
    // The history is read in the background: opening the screen only starts it.
    h.get_by_label("Statistics…").click();
    h.step();
    assert_eq!(h.state().screen_name(), "stats");
    assert!(h.state().background_running());
    settle(&mut h);
    statistics_of_one_basic_answer_then_study_it(&mut h);
}

/// Imports the one-card deck `basic`, answers its card "Again" and goes back to the
/// library.
pub(super) fn answer_one_basic_card(f: &Fixture, h: &mut Harness<'static, QuizApp>) {
    f.import(h, "basic", BASIC);
    study(h, "Test basic");
    key(h, Key::Space);
    key(h, Key::Num1);
    key(h, Key::Escape);
    h.get_by_label("Back to decks").click();
    h.run();
}

/// On the statistics screen after [`answer_one_basic_card`], all figures in: they show
/// that answer, and "Study these items now" studies the card.
pub(super) fn statistics_of_one_basic_answer_then_study_it(h: &mut Harness<'static, QuizApp>) {
    assert!(!h.state().background_running());
    assert!(h.query_by_label("Reading the history…").is_none());
    h.get_by_label_contains("1 answer · 1 day in a row");
    h.get_by_label_contains("1 learning");
    h.get_by_label("Study these items now").scroll_to_me();
    h.run();
    h.get_by_label("Study these items now").click();
    settle(h);
    assert_eq!(h.state().screen_name(), "study");
    assert_eq!(
        h.state().current_item(),
        Some(&ItemKey::new("basic", "b", 0))
    );
}

#[test]
fn with_several_profiles_the_app_asks_who_is_studying() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.state_mut()
        .apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Līga".into(),
        )));
    h.run();
    assert_eq!(h.state().profile_name(), Some("Līga"));
    h.state_mut().shutdown();
    drop(h);
    let mut h = f.harness();
    assert_eq!(h.state().screen_name(), "profiles");
    h.get_by_label("Who is studying?");
    h.get_by_label("Līga").click();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().profile_name(), Some("Līga"));
}

#[test]
fn enter_on_the_library_starts_studying_and_the_library_keeps_the_focus_it_has() {
    let f = Fixture::new();
    let mut h = f.harness();
    // Reached from another screen, the library gives "Study now" the keyboard.
    h.state_mut().apply(Action::OpenSettings);
    h.run();
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    assert!(
        h.get_by_label_contains("Study now").is_focused(),
        "the library does not start at Study now"
    );
    // Redrawn in place (a sort order chosen), it leaves the focus where the student is.
    h.get_by_label("Title").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert!(
        h.get_by_label("Title").is_focused(),
        "the focus jumped away"
    );
    h.state_mut().apply(Action::OpenSettings);
    h.run();
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "study");
}

#[test]
fn the_keyboard_alone_reaches_and_presses_buttons() {
    let f = Fixture::new();
    let mut h = f.harness();
    // Tab moves the focus from control to control; Enter presses the focused button.
    for _ in 0..40 {
        key(&mut h, Key::Tab);
        let focused = h
            .query_by_label_contains("Study now")
            .is_some_and(|n| n.is_focused());
        if focused {
            break;
        }
    }
    assert!(
        h.get_by_label_contains("Study now").is_focused(),
        "Tab never reached the Study now button"
    );
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "study");
}

#[test]
fn a_practice_test_is_taken_scored_and_shows_each_mistake() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "pt",
        r#"Card(id: "a", note: "Note A.", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
           Card(id: "b", note: "Note B.", kind: TypeIn(question: "Capital of Estonia?", answers: ["Tallinn"])),
           Card(id: "c", note: "Note C.", kind: TypeIn(question: "Capital of Lithuania in 1939?", answers: ["Kaunas"]))"#,
    );
    h.get_by_label("Practice test…").click();
    h.run();
    assert_eq!(h.state().screen_name(), "practice");
    // The new deck is at the end of the list: scroll to it, as a student would.
    h.get_by_label("Test pt").scroll_to_me();
    h.run();
    h.get_by_label("Test pt").click();
    h.run();
    for form in ["Multiple choice", "True/false", "Match", "Order", "Cloze"] {
        h.get_by_label(form).click();
        h.run();
    }
    h.get_by_label("Start test").click();
    h.run();
    h.get_by_label_contains("Question 1 of 3");
    for i in 0..3 {
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text("Vilnius");
        h.run();
        if i < 2 {
            h.get_by_label("Next").click();
        } else {
            h.get_by_label("Finish test").click();
        }
        h.run();
    }
    h.get_by_label("Score: 0 of 3 (0%)");
    h.get_by_label("Right answer: Riga");
    h.get_by_label("Right answer: Kaunas");
    h.get_by_label("Note B.");
}

/// Saves at `path` the exam `id` called `title` of one deck (a deck file's text): `count`
/// questions in `kinds`, shuffled by `seed`, `minutes` long, results shown per `feedback`.
/// On the teacher's screen: the first bundled deck ticked, then each text field named
/// typed in ("Title:", "Save the exam as:"…).
pub(super) fn teacher_exam_form(h: &mut Harness<'static, QuizApp>, fields: &[(&str, &str)]) {
    use egui::accesskit::Role;
    let first = quizdeck::library::Library::load(None).decks[0]
        .deck
        .title
        .clone();
    h.get_by_label(&first).click();
    h.run();
    for (label, text) in fields {
        h.get_by_role_and_label(Role::TextInput, label).focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        h.run();
    }
}

pub(super) fn save_exam(
    path: PathBuf,
    (id, title): (&str, &str),
    deck: &str,
    (count, kinds): (usize, &[quizdeck::quiz::QuestionKind]),
    (seed, minutes, feedback): (u64, u32, quizdeck::exam::Feedback),
) -> PathBuf {
    let deck = quizdeck::deck::load_str(deck, "deck.ron", None).unwrap();
    let settings = quizdeck::exam::ExamSettings {
        question_count: count,
        kinds: kinds.to_vec(),
        seed,
        minutes,
        feedback,
        time_policy: Default::default(),
        pool: None,
    };
    let exam = quizdeck::exam::Exam::new(id, title, vec![deck], settings).unwrap();
    exam.save(&path).unwrap();
    path
}

/// Writes a three-question typed exam to `dir/exam.ron`.
pub(super) fn write_exam(dir: &Path) -> PathBuf {
    save_exam(
        dir.join("exam.ron"),
        ("caps-test", "Capitals test"),
        r#"Deck(format: 1, id: "caps", title: "Capitals", cards: [
            Card(id: "a", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
            Card(id: "b", kind: TypeIn(question: "Capital of Estonia?", answers: ["Tallinn"])),
            Card(id: "c", kind: TypeIn(question: "Capital of Lithuania in 1939?", answers: ["Kaunas"])),
        ])"#,
        (3, &[quizdeck::quiz::QuestionKind::Typed]),
        (1, 20, quizdeck::exam::Feedback::AtHandIn),
    )
}

/// After a hand-in: the receipt shows, and a restarted app offers nothing to resume.
fn receipt_shown_and_no_offer_after_hand_in(h: &mut Harness<'static, QuizApp>, f: &Fixture) {
    h.run();
    h.get_by_label_contains("Receipt: ");
    let h2 = f.harness();
    assert_eq!(h2.state().screen_name(), "library");
}

/// The right answer to the capitals question on screen.
fn capital(h: &Harness<'static, QuizApp>) -> &'static str {
    if h.query_by_label("Capital of Latvia?").is_some() {
        "Riga"
    } else if h.query_by_label("Capital of Estonia?").is_some() {
        "Tallinn"
    } else {
        "Kaunas"
    }
}

fn start_exam(h: &mut Harness<'static, QuizApp>, exam: &Path, results: &Path, name: &str) {
    h.get_by_label("Take an exam…").click();
    h.run();
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
            exam: exam.to_path_buf(),
            results_dir: results.to_path_buf(),
            student: name.into(),
        }));
    h.run();
    assert_eq!(h.state().screen_name(), "exam");
}

/// The exam's setup opens with its first empty field focused: a student types the exam
/// file's path at once, from the keyboard alone, and nothing looks focused that is not.
#[test]
fn the_exam_setup_opens_with_its_first_empty_field_focused() {
    use crate::common::ui::field;
    let f = Fixture::new();
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    h.event(egui::Event::Text("class.ron".into()));
    h.run();
    assert_eq!(field(&h, "Exam file:"), "class.ron");
    assert_eq!(field(&h, "Your name:"), "");
}

#[test]
fn an_exam_counts_down_records_answers_and_resumes_after_a_crash() {
    let f = Fixture::new();
    let exam = write_exam(f.data());
    let results = f.data().join("usb");
    std::fs::create_dir_all(&results).unwrap();
    let mut h = f.harness();
    start_exam(&mut h, &exam, &results, "Ieva Kalniņa");
    h.get_by_label("Time left 20:00");
    h.get_by_label_contains("Question 1 of 3");
    let a = capital(&h);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
    h.run();
    f.clock.set(t0() + chrono::TimeDelta::minutes(2));
    h.get_by_label("Next").click();
    h.run();
    h.get_by_label_contains("1 answered");
    // The PC crashes: the app is gone without handing in.
    drop(h);
    f.clock.set(t0() + chrono::TimeDelta::minutes(10));
    let mut h = f.harness();
    // At start-up the unfinished sitting is offered first; nothing is retyped.
    assert_eq!(h.state().screen_name(), "exam");
    h.get_by_label("Resume the exam Capitals test as Ieva Kalniņa (10:00 left)?");
    h.get_by_label("Resume").click();
    h.run();
    // The clock ran on while the app was closed (wall time, the default).
    h.get_by_label("Time left 10:00");
    h.get_by_label_contains("1 answered");
    h.get_by_label("Hand in…").click();
    h.run();
    // The confirmation names the unanswered questions; nothing is handed in yet.
    h.get_by_label("Questions 2 and 3 are not answered. Hand in anyway?");
    h.get_by_label("Hand in now (Y)").click();
    h.run();
    h.get_by_label("Capitals test: handed in");
    receipt_shown_and_no_offer_after_hand_in(&mut h, &f);
    h.get_by_label("Score: 1 of 3 (33%)");
    let exam = quizdeck::exam::Exam::load(&quizdeck::exam::Exam::key_path(&exam)).unwrap();
    let class = quizdeck::exam::merge_results(&results, &exam).unwrap();
    assert!(
        class.to_csv(Default::default()).contains("Ieva Kalniņa,1,"),
        "{}",
        class.to_csv(Default::default())
    );
}

#[test]
fn an_exam_is_handed_in_when_the_time_runs_out() {
    let f = Fixture::new();
    let exam = write_exam(f.data());
    let mut h = f.harness();
    // Every repaint the app asks for, as the window system would see it.
    let delays = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = delays.clone();
    h.ctx.set_request_repaint_callback(move |info| {
        seen.lock().unwrap().push(info.delay);
    });
    start_exam(&mut h, &exam, f.data(), "Jonas");
    let a = capital(&h);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
    h.run();
    f.clock
        .set(t0() + chrono::TimeDelta::seconds(20 * 60 - 1) + chrono::TimeDelta::milliseconds(300));
    delays.lock().unwrap().clear();
    h.step();
    h.get_by_label("Time left 00:01");
    // The clock asks to be drawn again when the next second is due, without any input.
    let wait = delays.lock().unwrap().iter().copied().min().unwrap();
    assert!(wait <= std::time::Duration::from_millis(700), "{wait:?}");
    f.clock.set(t0() + chrono::TimeDelta::minutes(20));
    // One frame, no input: the exam is handed in and the page says so at once.
    h.step();
    h.get_by_label("Capitals test: handed in");
    h.get_by_label("The time is over, so your exam was handed in.");
    // The answer on screen when the time ran out was saved and counted.
    h.get_by_label("Score: 1 of 3 (33%)");
    assert!(h.query_by_label("Next").is_none());
}

#[test]
fn hand_in_asks_first_and_a_double_click_on_next_never_hands_in() {
    let f = Fixture::new();
    let exam = write_exam(f.data());
    let mut h = f.harness();
    start_exam(&mut h, &exam, f.data(), "Liene");
    h.get_by_label("Go to question 3").click();
    h.run();
    h.get_by_label_contains("Question 3 of 3");
    // Next is disabled on the last question and nothing took its place.
    for _ in 0..2 {
        h.get_by_label("Next").click();
        h.run();
    }
    h.get_by_label_contains("Question 3 of 3");
    assert!(h.query_by_label("Capitals test: handed in").is_none());
    let a = capital(&h);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
    h.run();
    // Ctrl+Enter records the typed answer and asks; Escape goes back to the exam.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    h.get_by_label("Questions 1 and 2 are not answered. Hand in anyway?");
    key(&mut h, Key::Escape);
    h.get_by_label_contains("1 answered");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    // "Go to the first unanswered" takes the student there.
    h.get_by_label("Go to question 1, the first unanswered (G)")
        .click();
    h.run();
    h.get_by_label_contains("Question 1 of 3");
    let a = capital(&h);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
    h.run();
    h.get_by_label("Hand in…").click();
    h.run();
    h.get_by_label("Question 2 is not answered. Hand in anyway?");
    key(&mut h, Key::Y);
    h.get_by_label("Capitals test: handed in");
    h.get_by_label("Score: 2 of 3 (67%)");
}

/// An exam of one deck with a true/false, an order and a typed card.
fn write_mixed_exam(dir: &Path) -> PathBuf {
    use quizdeck::quiz::QuestionKind as K;
    save_exam(
        dir.join("mixed.ron"),
        ("mix-test", "Mixed test"),
        r#"Deck(format: 1, id: "mix", title: "Mixed", cards: [
            Card(id: "tf", kind: TrueFalse(statement: "Riga is the capital of Latvia.", truth: true)),
            Card(id: "o", kind: Order(prompt: "Earliest first.", items: ["Pact", "Bases", "Ultimatums", "Annexation"])),
            Card(id: "ty", kind: TypeIn(question: "Capital of Estonia?", answers: ["Tallinn"])),
        ])"#,
        (3, &[K::TrueFalse, K::Order, K::Typed]),
        (5, 30, quizdeck::exam::Feedback::Never),
    )
}

#[test]
fn a_whole_exam_by_keyboard_at_1024x768_and_200_percent_text_with_an_untouched_order_unanswered() {
    let f = Fixture::new();
    let exam = write_mixed_exam(f.data());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), f.app());
    h.run();
    let mut s = h.state().settings();
    s.font_scale_pct = 200;
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(s),
        )));
    h.run();
    start_exam(&mut h, &exam, f.data(), "Marta");
    h.get_by_label_contains("0 answered");
    let mut order_seen = false;
    for i in 0..3 {
        h.get_by_label_contains(&format!("Question {} of 3", i + 1));
        if h.query_by_label("True (T)").is_some() {
            key(&mut h, Key::T);
        } else if h.query_by_label("Keep this order (K)").is_some() {
            // Untouched, the order shown is no answer.
            h.get_by_label_contains(&format!("{i} answered"));
            key(&mut h, Key::K);
            order_seen = true;
        } else {
            h.get_by_role(egui::accesskit::Role::TextInput)
                .type_text("Tallinn");
            h.run();
        }
        // Enter moves on (typed text is recorded as it leaves).
        key(&mut h, Key::Enter);
        if i < 2 {
            h.get_by_label_contains(&format!("{} answered", i + 1));
        }
    }
    assert!(order_seen);
    h.get_by_label_contains("3 answered");
    // The key buttons are inside the window at this size.
    let hand_in = h.get_by_label("Hand in…");
    let r = hand_in.rect();
    assert!(r.max.x <= 1024.0 && r.max.y <= 768.0, "{r:?}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    h.get_by_label("Every question is answered.");
    key(&mut h, Key::Y);
    h.get_by_label("Mixed test: handed in");
    // The order kept by the student is recorded as their answer.
    let e = quizdeck::exam::Exam::load(&quizdeck::exam::Exam::key_path(&exam)).unwrap();
    let class = quizdeck::exam::merge_results(f.data(), &e).unwrap();
    assert_eq!(class.students.len(), 1);
    assert!(class.students[0].finished);
}

/// Imports a deck "mg" of one Match card with `pairs` (RON), opens the match game from
/// the library and starts a game on it.
fn match_game_on(f: &Fixture, h: &mut Harness<'static, QuizApp>, pairs: &str) {
    f.import(
        h,
        "mg",
        &format!(r#"Card(id: "m", kind: Match(prompt: "Leaders", pairs: [{pairs}]))"#),
    );
    h.get_by_label("Match game…").click();
    h.run();
    assert_eq!(h.state().screen_name(), "match");
    h.state_mut()
        .apply(Action::Match(quizdeck::ui::match_game::Msg::Start(Some(
            quizdeck::ids::DeckId::new("mg"),
        ))));
    h.run();
}

#[test]
fn the_match_game_is_timed_and_keeps_the_best_time() {
    let f = Fixture::new();
    let mut h = f.harness();
    match_game_on(
        &f,
        &mut h,
        r#"("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania"), ("Stalin", "Soviet Union")"#,
    );
    // One wrong pair first: a second is added.
    h.get_by_label("Päts").click();
    h.run();
    h.get_by_label("Latvia").click();
    h.run();
    h.get_by_label("Not a pair: +1 s");
    f.clock.set(t0() + chrono::TimeDelta::seconds(10));
    for (l, r) in [
        ("Päts", "Estonia"),
        ("Ulmanis", "Latvia"),
        ("Smetona", "Lithuania"),
        ("Stalin", "Soviet Union"),
    ] {
        h.get_by_label(l).click();
        h.run();
        h.get_by_label(r).click();
        h.run();
    }
    h.get_by_label("Done in 11.0 s (1 mistake)");
    assert_eq!(h.state().settings().best_match_ms.get("mg"), Some(&11_000));
    h.get_by_label("Best time: 11.0 s");
}

/// From the keyboard: a pair matched leaves its tiles, and the focus goes on to the next
/// tile left, so the student goes on with Tab and Space (it was lost, and Tab started
/// again at the navigation panel).
#[test]
fn the_match_games_focus_goes_on_to_the_next_tile_when_a_pair_leaves() {
    let f = Fixture::new();
    let mut h = f.harness();
    match_game_on(
        &f,
        &mut h,
        r#"("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")"#,
    );
    // A wrong pair first: the line saying so appears above the board, and the focus
    // stays on the tile pressed.
    h.get_by_label("Päts").focus();
    h.run();
    key(&mut h, Key::Space);
    h.get_by_label("Latvia").focus();
    h.run();
    key(&mut h, Key::Space);
    h.get_by_label("Not a pair: +1 s");
    assert!(h.get_by_label("Latvia").is_focused());
    for (l, r) in [("Päts", "Estonia"), ("Ulmanis", "Latvia")] {
        h.get_by_label(l).focus();
        h.run();
        key(&mut h, Key::Space);
        h.get_by_label(r).focus();
        h.run();
        key(&mut h, Key::Space);
        h.run();
        assert!(h.query_by_label(l).is_none() && h.query_by_label(r).is_none());
        let left = [
            "Päts",
            "Estonia",
            "Ulmanis",
            "Latvia",
            "Smetona",
            "Lithuania",
        ];
        assert!(
            left.iter()
                .any(|t| h.query_by_label(t).is_some_and(|n| n.is_focused())),
            "a tile left has the focus after {l} and {r}"
        );
    }
    // The last pair from the keyboard alone: Tab moves between the tiles left.
    while !h.get_by_label("Smetona").is_focused() {
        h.key_press(Key::Tab);
        h.run();
    }
    key(&mut h, Key::Space);
    while !h.get_by_label("Lithuania").is_focused() {
        h.key_press(Key::Tab);
        h.run();
    }
    key(&mut h, Key::Space);
    h.get_by_label_contains("Done in");
}

#[test]
fn a_teacher_makes_an_exam_the_code_unlocks_a_students_results_and_the_class_table_shows() {
    use egui::accesskit::Role;
    let f = Fixture::new();
    let mut h = f.harness();
    h.get_by_label("Teacher…").click();
    h.run();
    assert_eq!(h.state().screen_name(), "teacher");
    let exam_file = f.data().join("made.ron");
    teacher_exam_form(
        &mut h,
        &[
            ("Title:", "Unit test"),
            ("Save the exam as:", &exam_file.display().to_string()),
        ],
    );
    h.get_by_label("Make exam").click();
    h.run();
    h.get_by_label_contains("never hand it out");
    let key_file = quizdeck::exam::Exam::key_path(&exam_file);
    let made = quizdeck::exam::Exam::load(&key_file).unwrap();
    let code = made.teacher_code.clone().unwrap();
    h.get_by_label_contains(&format!("Teacher's code: {code}"));
    assert_eq!(made.title, "Unit test");
    assert_eq!(made.settings.feedback, quizdeck::exam::Feedback::AfterCode);

    // A student sits it in the app and hands in: no results until the code.
    let results = f.data().join("usb");
    std::fs::create_dir_all(&results).unwrap();
    h.get_by_label("Back to decks").click();
    h.run();
    start_exam(&mut h, &exam_file, &results, "Ona");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    key(&mut h, Key::Y);
    h.get_by_label("Unit test: handed in");
    h.get_by_label_contains("Receipt: ");
    assert!(h.query_by_label_contains("Score:").is_none());
    crate::common::ui::type_in_field(&mut h, "Teacher's code:", "WRONG-CODE");
    h.get_by_label("Show my results").click();
    h.run();
    h.get_by_label("That code is not right. Ask your teacher again.");
    h.get_by_role_and_label(Role::TextInput, "Teacher's code:")
        .focus();
    h.run();
    for _ in 0..10 {
        h.key_press(Key::Backspace);
    }
    h.get_by_role_and_label(Role::TextInput, "Teacher's code:")
        .type_text(&code.to_lowercase());
    h.run();
    h.get_by_label("Show my results").click();
    h.run();
    h.get_by_label_contains("Score: 0 of");

    // The teacher reads the results on their screen.
    h.get_by_label("Back to decks").click();
    h.run();
    h.get_by_label("Teacher…").click();
    h.run();
    for (label, text) in [
        ("Key file (NAME.key.ron):", key_file.display().to_string()),
        ("Results folder:", results.display().to_string()),
    ] {
        h.get_by_role_and_label(Role::TextInput, label).focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(&text);
        h.run();
    }
    h.get_by_label("Read results").click();
    h.run();
    h.get_by_label("Unit test: 1 student");
    h.get_by_label("Ona");
    h.get_by_label("Hardest questions");
    let csv = results.join(format!("class-{}.csv", made.id));
    assert!(
        std::fs::read_to_string(csv)
            .unwrap()
            .starts_with('\u{feff}')
    );
}

#[test]
fn practice_answers_feed_the_schedule_only_when_asked() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "pt",
        r#"Card(id: "a", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"]))"#,
    );
    for feed in [false, true] {
        h.get_by_label("Practice test…").click();
        h.run();
        h.get_by_label("Test pt").scroll_to_me();
        h.run();
        h.get_by_label("Test pt").click();
        h.run();
        for form in ["Multiple choice", "True/false", "Match", "Order", "Cloze"] {
            h.get_by_label(form).click();
            h.run();
        }
        if feed {
            h.get_by_label_contains("Count my answers in my study schedule")
                .click();
            h.run();
        }
        h.get_by_label("Start test").click();
        h.run();
        let a = capital(&h);
        h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
        h.run();
        h.get_by_label("Finish test").click();
        h.run();
        h.get_by_label("Score: 1 of 1 (100%)");
        let state = h.state().item_state(&ItemKey::new("pt", "a", 0));
        assert_eq!(state.is_some(), feed, "fed to the schedule: {feed}");
        h.get_by_label("Back to decks").click();
        h.run();
    }
}

/// What is on disk in the only profile right now (a read-only look, as another window).
fn on_disk_state(f: &Fixture, item: &ItemKey) -> Option<quizdeck::schedule::ItemState> {
    let profiles = quizdeck::store::Profiles::new(&f.data().join("data"));
    let dir = profiles.list().unwrap()[0].dir.clone();
    let ro = quizdeck::store::OpenOptions {
        mode: quizdeck::store::OpenMode::ReadOnly,
        ..Default::default()
    };
    let (store, _) = quizdeck::store::Store::open(&dir, &ro, t0()).unwrap();
    store.state(item).cloned()
}

#[test]
fn on_a_full_disk_the_answer_is_kept_the_student_is_told_and_it_is_saved_later() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "basic",
        &format!(
            r#"{BASIC}, Card(id: "c", kind: Basic(front: "Second front", back: "Second back"))"#
        ),
    );
    study(&mut h, "Test basic");
    let first = ItemKey::new("basic", "b", 0);
    let second = ItemKey::new("basic", "c", 0);

    let full = quizdeck::store::fault::disk_full(f.data());
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    // The answer counts and the session goes on to the next card...
    assert_eq!(h.state().item_state(&first).unwrap().reps, 1);
    assert_eq!(h.state().current_item(), Some(&second));
    // ...the student is told it is not on disk yet, and why...
    assert_eq!(h.state().unsaved_count(), 1);
    h.get_by_label_contains("Not saved yet: 1 answer is kept in memory");
    h.get_by_label_contains("No space left on device");
    assert!(on_disk_state(&f, &first).is_none());
    // ...and the automatic retries fail quietly while the disk stays full.
    f.clock.set(t0() + chrono::TimeDelta::seconds(20));
    h.run();
    assert_eq!(h.state().unsaved_count(), 1);
    // Closing the window is held back once, with a word why.
    crate::common::ui::close_window(&mut h);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close is held back");
    h.run();
    h.get_by_label_contains("Some answers are not saved yet");

    // Space comes back: the next automatic retry saves it.
    drop(full);
    f.clock.set(t0() + chrono::TimeDelta::seconds(40));
    h.run();
    assert_eq!(h.state().unsaved_count(), 0);
    assert!(h.query_by_label_contains("Not saved yet").is_none());
    h.get_by_label("The unsaved answer is now saved.");
    assert_eq!(on_disk_state(&f, &first).unwrap().reps, 1);

    // Again, and this time the student presses "Retry saving".
    let full = quizdeck::store::fault::disk_full(f.data());
    key(&mut h, Key::Space);
    key(&mut h, Key::Num1);
    assert_eq!(h.state().unsaved_count(), 1);
    h.get_by_label("Retry saving").click();
    h.run();
    assert_eq!(h.state().unsaved_count(), 1, "still full");
    drop(full);
    h.get_by_label("Retry saving").click();
    h.run();
    assert_eq!(h.state().unsaved_count(), 0);
    assert!(on_disk_state(&f, &second).is_some());
}

#[test]
fn ctrl_s_retries_saving_an_answer_kept_on_a_full_disk() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    study(&mut h, "Test basic");
    let first = ItemKey::new("basic", "b", 0);
    let full = quizdeck::store::fault::disk_full(f.data());
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    assert_eq!(h.state().unsaved_count(), 1);
    drop(full);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().unsaved_count(), 0);
    assert_eq!(on_disk_state(&f, &first).unwrap().reps, 1);
}

#[test]
fn an_exam_answer_given_on_a_full_disk_is_kept_and_handed_in_when_space_is_back() {
    let f = Fixture::new();
    let exam = write_exam(f.data());
    let results = f.data().join("usb");
    std::fs::create_dir_all(&results).unwrap();
    let mut h = f.harness();
    start_exam(&mut h, &exam, &results, "Rūta");
    let full = quizdeck::store::fault::disk_full(&results);
    let a = capital(&h);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text(a);
    h.run();
    h.get_by_label("Next").click();
    h.run();
    h.get_by_label_contains("1 answered");
    h.get_by_label_contains("Not saved yet: 1 answer is kept in memory");
    // Handing in has to wait for the disk; nothing is lost meanwhile.
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::HandIn));
    h.run();
    h.get_by_label_contains("The exam could not be handed in");
    assert_eq!(h.state().screen_name(), "exam");
    drop(full);
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::HandIn));
    h.run();
    h.get_by_label("Capitals test: handed in");
    h.get_by_label("Score: 1 of 3 (33%)");
    let exam = quizdeck::exam::Exam::load(&quizdeck::exam::Exam::key_path(&exam)).unwrap();
    let class = quizdeck::exam::merge_results(&results, &exam).unwrap();
    assert!(
        class.to_csv(Default::default()).contains("Rūta,1,"),
        "{}",
        class.to_csv(Default::default())
    );
}
