//! The library and the navigation, driven through egui_kittest: the navigation panel
//! (clicks, Tab and Enter, Ctrl+digit, the current screen marked, the profile switch),
//! the "Study now" choice, sorting, and the key buttons inside a 1024×768 window at 200 %.

use super::ui::{Fixture, key};
use chrono::TimeDelta;
use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ids::ItemKey;
use quizdeck::overview::SortBy;
use quizdeck::settings::Theme;
use quizdeck::ui::{Action, QuizApp, nav};

/// Imports a deck "Test {id}" of `n` basic cards "c0", "c1", ….
fn import(f: &Fixture, h: &mut Harness<'static, QuizApp>, id: &str, n: usize) {
    let cards: String = (0..n)
        .map(|i| {
            format!(
                r#"Card(id: "c{i}", kind: Basic(front: "{id} front {i}", back: "{id} back {i}")),"#
            )
        })
        .collect();
    f.import(h, id, &cards);
    h.state_mut().apply(Action::DismissBanner);
    h.run();
}

/// The label of the widget with the keyboard focus, if one has it.
fn focused(h: &Harness<'static, QuizApp>) -> Option<String> {
    let by = egui_kittest::kittest::By::new().predicate(|n| n.is_focused());
    h.query(by)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
}

/// Whether `label` is one of the navigation's (an entry or the profile switch).
fn in_navigation(label: &str) -> bool {
    label == "Switch profile"
        || (nav::ENTRIES.iter()).any(|e| quizdeck::i18n::tr(e.name, &[]) == label)
}

fn is_current(h: &Harness<'static, QuizApp>, name: &str) -> bool {
    h.get_by_label(name).accesskit_node().toggled() == Some(Toggled::True)
}

/// The screens each navigation entry opens.
const PLACES: [(&str, &str); 8] = [
    ("Practice test…", "practice"),
    ("Match game…", "match"),
    ("Take an exam…", "exam"),
    ("Teacher…", "teacher"),
    ("Statistics…", "stats"),
    ("Browse…", "browse"),
    ("Settings…", "settings"),
    ("Study", "library"),
];

#[test]
fn every_navigation_entry_opens_its_screen_and_is_marked_current() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    assert!(is_current(&h, "Study"));
    for (name, screen) in PLACES {
        h.get_by_label(name).click();
        super::ui::settle(&mut h);
        assert_eq!(h.state().screen_name(), screen, "{name}");
        for (other, _) in PLACES {
            assert_eq!(is_current(&h, other), other == name, "{other} on {screen}");
        }
    }
    // The profile's name and its switch, in one place.
    h.get_by_label("Student");
    h.get_by_label("Switch profile").click();
    h.run();
    assert_eq!(h.state().screen_name(), "profiles");
    // The study screen hides the panel (the card gets the whole width); the shortcuts
    // still work, and the summary shows it again with "Study" current.
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label_contains("Study now").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
    assert!(h.query_by_label("Statistics…").is_none());
    key(&mut h, Key::Escape);
    assert_eq!(h.state().screen_name(), "summary");
    assert!(is_current(&h, "Study"));
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label_contains("Study now").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "stats");
}

#[test]
fn the_navigation_works_from_the_keyboard() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    // Ctrl + digit opens each entry from anywhere, and its page takes the keyboard.
    for e in nav::ENTRIES {
        let k = e.shortcut.expect("every entry has a shortcut");
        h.key_press_modifiers(Modifiers::COMMAND, k);
        super::ui::settle(&mut h);
        assert!(
            e.screens.contains(&h.state().screen_name()),
            "Ctrl+{} opened {}",
            k.name(),
            h.state().screen_name()
        );
        let at = focused(&h);
        assert!(
            at.as_deref().is_some_and(|l| !in_navigation(l)),
            "after Ctrl+{} the focus is at {at:?}",
            k.name()
        );
        // The page starts at its own first control, not at its way out: Enter at once
        // would leave the page.
        assert_ne!(
            at.as_deref(),
            Some("Back to decks"),
            "after Ctrl+{} the focus is on the way out",
            k.name()
        );
    }
    // Practice test: Ctrl+2 then Space ticks the first deck, and the page stays.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    super::ui::settle(&mut h);
    key(&mut h, Key::Space);
    assert_eq!(h.state().screen_name(), "practice");
    assert!(
        (h.query_all_by_role(egui::accesskit::Role::CheckBox))
            .any(|c| c.accesskit_node().toggled() == Some(Toggled::True)),
        "Space at the practice page's first stop ticked nothing"
    );
    // Tab still reaches "Back to decks" (Shift+Tab from the first control).
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(focused(&h).as_deref(), Some("Back to decks"));
    // The library starts at "Study now" (after the navigation in the Tab order):
    // Shift+Tab goes back through the entries; Enter opens the focused one.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    super::ui::settle(&mut h);
    assert!(h.get_by_label_contains("Study now").is_focused());
    let mut reached = false;
    for _ in 0..20 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        h.run();
        if h.get_by_label("Statistics…").is_focused() {
            reached = true;
            break;
        }
    }
    assert!(reached, "Shift+Tab never reached Statistics");
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "stats");
    assert!(is_current(&h, "Statistics…"));
    // The page takes the keyboard, at its first control: no Tab through the entries below,
    // and not its "Back to decks".
    assert_eq!(focused(&h).as_deref(), Some("Deck:"));
    // So does every page opened with Enter on its entry (Space too).
    for (i, e) in nav::ENTRIES.iter().enumerate() {
        let name = quizdeck::i18n::tr(e.name, &[]);
        h.get_by_label(&name).focus();
        h.run();
        key(&mut h, if i % 2 == 0 { Key::Enter } else { Key::Space });
        super::ui::settle(&mut h);
        assert!(e.screens.contains(&h.state().screen_name()), "{name}");
        let at = focused(&h);
        assert!(
            at.as_deref()
                .is_some_and(|l| !in_navigation(l) && l != "Back to decks"),
            "after {name} the focus is at {at:?}"
        );
    }
    // A click with the pointer leaves the focus alone.
    h.get_by_label("Statistics…").click();
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "stats");
    assert_eq!(focused(&h), None);
}

#[test]
fn study_now_shows_the_due_review_first_then_new_cards_of_the_deck_in_progress() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    import(&f, &mut h, "ww", 4);
    // Day 0: the first card of "Test ww" is learned and rated Easy (a review in days).
    h.get_by_label("Study Test ww").click();
    h.run();
    assert_eq!(h.state().current_item(), Some(&ItemKey::new("ww", "c0", 0)));
    key(&mut h, Key::Space);
    key(&mut h, Key::Num4);
    key(&mut h, Key::Escape);
    h.get_by_label("Study").click();
    h.run();
    // Every deck offers its own 20 new items a day, under the overall cap of 100.
    h.get_by_label("1 of 100 done today");
    h.get_by_label("1-day streak");
    // Two months later it is due; the profile mixes new cards among reviews, yet "Study
    // now" shows the review first, then new cards from the deck studied last.
    assert_eq!(
        h.state().settings().schedule.new_position,
        quizdeck::schedule::NewItemPosition::Mix
    );
    f.clock.set(f.clock.get() + TimeDelta::days(60));
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    h.get_by_label("No streak yet: study today to start one");
    h.get_by_label("1 due today in Test ww");
    h.get_by_label("then 100 new cards");
    h.get_by_label("Study now — 1 due").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
    assert_eq!(h.state().current_item(), Some(&ItemKey::new("ww", "c0", 0)));
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    assert_eq!(h.state().current_item(), Some(&ItemKey::new("ww", "c1", 0)));
    key(&mut h, Key::Escape);
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label("Study now — 100 new");
    h.get_by_label("1 of 101 done today");
    h.get_by_label("1-day streak");
}

#[test]
fn decks_sort_and_group_and_the_order_is_kept() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    import(&f, &mut h, "aaa", 2);
    import(&f, &mut h, "zzz", 2);
    let top = |h: &Harness<'static, QuizApp>, title: &str| {
        h.get_by_label(&format!("Study {title}")).rect().top()
    };
    // Study the zebras: "Last studied" puts them first, "Title" last.
    h.get_by_label("Study Test zzz").click();
    h.run();
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    key(&mut h, Key::Escape);
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label("Last studied").click();
    h.run();
    assert!(top(&h, "Test zzz") < top(&h, "Test aaa"));
    h.get_by_label("Title").click();
    h.run();
    assert!(top(&h, "Test aaa") < top(&h, "Test zzz"));
    h.get_by_label("Group by folder").click();
    h.run();
    h.get_by_label("Imported decks");
    h.get_by_label("Bundled with quizdeck");
    let view = h.state().settings().library_view;
    assert_eq!((view.sort, view.grouped), (SortBy::Title, true));
    // Kept with the profile.
    h.state_mut().shutdown();
    drop(h);
    let h = f.harness_sized(egui::vec2(1280.0, 800.0));
    assert_eq!(h.state().settings().library_view, view);
}

#[test]
fn key_buttons_stay_inside_a_small_window_at_200_percent_in_every_theme() {
    let f = Fixture::new();
    let size = egui::vec2(1024.0, 768.0);
    let mut h = f.harness_sized(size);
    for theme in Theme::ALL {
        let mut s = h.state().settings();
        s.theme = theme;
        s.font_scale_pct = 200;
        h.state_mut()
            .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
                Box::new(s),
            )));
        h.run();
        h.run();
        // At 200 % the window is 512 × 384 points.
        assert_eq!(h.ctx.zoom_factor(), 2.0);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size / 2.0);
        let inside = |h: &Harness<'static, QuizApp>, label: &str| {
            let r = match label {
                "Study now" => h.get_by_label_contains(label).rect(),
                _ => h.get_by_label(label).rect(),
            };
            assert!(
                window.contains_rect(r),
                "{label} at {r:?} is outside the window in {theme:?}"
            );
        };
        inside(&h, "Study now");
        inside(&h, "Import deck…");
        for name in ["Study", "Statistics…", "Settings…"] {
            inside(&h, name);
        }
        let first = quizdeck::library::Library::load(None).decks[0]
            .deck
            .title
            .clone();
        inside(&h, &format!("Study {first}"));
    }
}

#[test]
fn escape_puts_the_messages_away_once_the_screen_has_had_it() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1280.0, 800.0));
    let cards = r#"Card(id: "c0", kind: Basic(front: "F", back: "B")),"#;
    f.import(&mut h, "esc", cards);
    assert!(
        !h.state().banner().is_empty(),
        "the import says what it did"
    );
    let said = h.state().banner().to_vec();
    // On the settings screen, Escape is its Cancel: the messages stay.
    h.get_by_label("Settings…").click();
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "settings");
    key(&mut h, Key::Escape);
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().banner(), said.as_slice());
    // On the library, nothing else takes Escape: the messages go, and the keyboard
    // stays on the widget that had it.
    h.get_by_label_contains("Study now").focus();
    h.run();
    assert!(h.get_by_label_contains("Study now").is_focused());
    key(&mut h, Key::Escape);
    super::ui::settle(&mut h);
    assert!(h.state().banner().is_empty(), "{:?}", h.state().banner());
    assert_eq!(h.state().screen_name(), "library");
    assert!(
        h.get_by_label_contains("Study now").is_focused(),
        "Enter studies at once after Escape"
    );
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "study");
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    // Without messages, Escape on the library changes nothing.
    key(&mut h, Key::Escape);
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "library");
}

#[test]
fn a_library_note_is_said_once_per_profile_not_at_every_start() {
    let f = Fixture::new();
    let mut h = f.harness();
    // A teacher's edition of a bundled deck: it replaces the bundled one, and says so.
    let file = f.data().join("who.ron");
    std::fs::write(
        &file,
        r#"Deck(format: 1, id: "who-was-who", title: "Who was who (class edition)", version: 99, cards: [
            Card(id: "a", kind: Basic(front: "Capital of Latvia?", back: "Riga"))])"#,
    )
    .unwrap();
    crate::common::ui::import_file(&mut h, &file, false);
    drop(h);
    // Said at the next start.
    let note = "replaces the bundled deck with the same id";
    let h = f.harness();
    assert!(
        h.state().banner().iter().any(|m| m.contains(note)),
        "{:?}",
        h.state().banner()
    );
    drop(h);
    // Not again at the start after, nothing having changed.
    let mut h = f.harness();
    assert!(
        !h.state().banner().iter().any(|m| m.contains(note)),
        "said again: {:?}",
        h.state().banner()
    );
    // Once gone, it is forgotten: brought back, it is said again.
    h.state_mut()
        .apply(Action::Library(quizdeck::ui::library::Msg::Remove(
            "who-was-who".into(),
        )));
    drop(h);
    drop(f.harness());
    let mut h = f.harness();
    crate::common::ui::import_file(&mut h, &file, false);
    drop(h);
    let h = f.harness();
    assert!(
        h.state().banner().iter().any(|m| m.contains(note)),
        "{:?}",
        h.state().banner()
    );
}

#[test]
fn a_page_left_and_opened_again_starts_at_its_top() {
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, 1024.0, 768.0, 200);
    let window = h.ctx.content_rect();
    let top_in_view = |h: &Harness<'static, QuizApp>| {
        let r = h.get_by_label("Back to decks").rect();
        r.min.y >= window.min.y && r.max.y <= window.max.y
    };
    // The teacher's page is longer than the window at 200 %: scroll to its end.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "teacher");
    let last = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .last()
        .expect("the page has buttons");
    last.scroll_to_me();
    h.run();
    h.run();
    assert!(!top_in_view(&h), "the page did not scroll");
    // Away and back: the page opens at its top again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    super::ui::settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    super::ui::settle(&mut h);
    assert_eq!(h.state().screen_name(), "teacher");
    assert!(top_in_view(&h), "the page opened where it was left");
}

#[test]
fn back_to_decks_keeps_the_focus_when_nothing_follows_it() {
    // A page whose only control is "Back to decks", opened from the keyboard: the focus
    // passes on from the button, finds nothing after it, and comes back.
    let mut h = Harness::new_ui(|ui| {
        let _ = nav::shortcuts(ui.ctx());
        egui::Panel::left("nav").resizable(false).show(ui, |ui| {
            let _ = nav::ui(ui, "library", "Anna");
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let _ = nav::back_button(ui, "Back to decks".to_owned());
        });
        nav::keep_back_focus(ui.ctx());
    });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    h.run();
    assert!(h.get_by_label("Back to decks").is_focused());
}
