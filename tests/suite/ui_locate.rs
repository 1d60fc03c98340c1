//! Locate cards in the study screen, headless: answered by a click on the map, by the
//! marker moved with the arrow keys, and by a numbered place; the bundled maps shown in
//! every theme and at projector text sizes.

use super::ui::{Fixture, key, study};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::deck::CardKind;
use quizdeck::ids::ItemKey;
use quizdeck::settings::Theme;
use quizdeck::ui::{Action, QuizApp};

/// The pixel position of `place` on the bundled map `file`, from the generator's list.
fn place(file: &str, id: &str) -> (f32, f32) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/maps/places.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let m = v["maps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["file"] == file)
        .unwrap();
    let p = &m["places"][id];
    (
        p["x"].as_f64().unwrap() as f32,
        p["y"].as_f64().unwrap() as f32,
    )
}

fn circle(name: &str, (x, y): (f32, f32)) -> String {
    format!("Circle(name: \"{name}\", x: {x}, y: {y}, r: 14)")
}

/// A deck with one Locate card on the built-in Gulf of Finland map: "where is Tallinn".
pub(super) fn import_locate(f: &Fixture, h: &mut Harness<'static, QuizApp>) {
    let g = "gulf-of-finland.png";
    let card = format!(
        "Card(id: \"port\", note: \"The capital.\", kind: Locate(prompt: \"Click where Tallinn is.\", picture: \"maps/{g}\", answer: {}, others: [{}, {}, {}, {}]))",
        circle("Tallinn", place(g, "tallinn")),
        circle("Paldiski", place(g, "paldiski")),
        circle("Narva", place(g, "narva")),
        circle("Tartu", place(g, "tartu")),
        circle("Helsinki", place(g, "helsinki")),
    );
    let path = f.data().join("maps.ron");
    std::fs::write(
        &path,
        format!("Deck(format: 2, id: \"maps\", title: \"Test maps\", cards: [{card}])"),
    )
    .unwrap();
    crate::common::ui::import_file(h, &path, false);
}

/// The app in a window of `size` points, studying the Locate deck of [`import_locate`].
fn studying(size: egui::Vec2) -> (Fixture, Harness<'static, QuizApp>) {
    let f = Fixture::new();
    let mut h = f.harness_sized(size);
    import_locate(&f, &mut h);
    study(&mut h, "Test maps");
    (f, h)
}

fn locate_state(h: &Harness<'static, QuizApp>) -> quizdeck::ui::locate::LocateState {
    match h.state().current_locate() {
        Some(s) => s.clone(),
        None => panic!("not a Locate card: {:?}", h.state().current_asked()),
    }
}

/// The map widget's rect and its scale (points per picture pixel).
fn map_rect(h: &Harness<'static, QuizApp>, width_px: f32) -> (egui::Rect, f32) {
    let r = h.get_by_label("Map: 5 numbered places").rect();
    (r, r.width() / width_px)
}

/// A click at `pos` (screen points), as a mouse gives it (also used by the editor's tests).
pub(crate) fn click_at(h: &mut Harness<'static, QuizApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.drop_at(pos);
    h.run();
    h.run();
}

/// The answer was rated: the card is gone, or shown afresh (a new card comes back within
/// the day's learning steps).
fn moved_on(h: &Harness<'static, QuizApp>) -> bool {
    match h.state().current_locate() {
        Some(s) => s.verdict.is_none(),
        None => h.state().current_asked().is_none(),
    }
}

/// Verdict shown in the bar ("Right" / "Not quite").
fn verdict(h: &Harness<'static, QuizApp>) -> bool {
    let right = h.query_by_label("Right").is_some();
    let wrong = h.query_by_label("Not quite").is_some();
    assert!(right != wrong, "one verdict is shown");
    right
}

#[test]
fn a_click_inside_the_place_is_right_and_names_it() {
    let (_f, mut h) = studying(egui::vec2(1100.0, 1000.0));
    assert!(h.query_by_label("Click where Tallinn is.").is_some());
    // Before the answer the places are only numbered.
    assert!(h.query_by_label("Place 1").is_some());
    assert!(
        h.query_by_label_contains("Place 1:").is_none(),
        "not named yet"
    );
    let (rect, scale) = map_rect(&h, 1000.0);
    let (x, y) = place("gulf-of-finland.png", "tallinn");
    click_at(&mut h, rect.min + egui::vec2(x + 6.0, y - 5.0) * scale);
    assert!(verdict(&h), "a click 8 pixels from the dot is inside");
    let s = locate_state(&h);
    assert_eq!(s.verdict.as_ref().unwrap().hit.as_deref(), Some("Tallinn"));
    // The note, and every place named for a screen reader.
    assert!(h.query_by_label("The capital.").is_some());
    let right_place = s.order.iter().position(|&i| i == 0).unwrap() + 1;
    assert!(
        h.query_by_label(&format!("✓ Place {right_place}: Tallinn"))
            .is_some()
    );
    // The answer is scheduled with a rating key.
    key(&mut h, Key::Num3);
    assert!(moved_on(&h));
}

#[test]
fn a_click_on_another_place_is_wrong_and_says_which_it_was() {
    let (_f, mut h) = studying(egui::vec2(1100.0, 1000.0));
    let (rect, scale) = map_rect(&h, 1000.0);
    let (x, y) = place("gulf-of-finland.png", "paldiski");
    click_at(&mut h, rect.min + egui::vec2(x, y) * scale);
    assert!(!verdict(&h));
    assert!(h.query_by_label("You pointed at Paldiski.").is_some());
    assert!(h.query_by_label("The answer: Tallinn").is_some());
    // A click in the open sea is outside every place.
    let (_f2, mut h2) = studying(egui::vec2(1100.0, 1000.0));
    let (rect, scale) = map_rect(&h2, 1000.0);
    click_at(&mut h2, rect.min + egui::vec2(500.0, 230.0) * scale);
    assert!(!verdict(&h2));
    assert!(
        h2.query_by_label("You pointed outside every named place.")
            .is_some()
    );
}

#[test]
fn the_marker_moves_with_the_arrow_keys_and_enter_answers() {
    let (_f, mut h) = studying(egui::vec2(1100.0, 800.0));
    // The marker starts at the centre and moves 2 % of the shorter side per press.
    let (w, hgt) = (1000.0_f32, 700.0_f32);
    let step = w.min(hgt) * 0.02;
    let (tx, ty) = place("gulf-of-finland.png", "tallinn");
    let nx = ((tx - w / 2.0) / step).round() as i32;
    let ny = ((ty - hgt / 2.0) / step).round() as i32;
    for _ in 0..nx.abs() {
        key(
            &mut h,
            if nx < 0 {
                Key::ArrowLeft
            } else {
                Key::ArrowRight
            },
        );
    }
    for _ in 0..ny.abs() {
        key(&mut h, if ny < 0 { Key::ArrowUp } else { Key::ArrowDown });
    }
    let (mx, my) = locate_state(&h).marker.expect("a marker");
    assert!(
        (mx - tx).abs() <= step && (my - ty).abs() <= step,
        "{mx},{my}"
    );
    assert!(
        locate_state(&h).verdict.is_none(),
        "arrows alone do not answer"
    );
    assert!(h.query_by_label("Check marker (Enter)").is_some());
    key(&mut h, Key::Enter);
    assert!(verdict(&h));
    // Enter then takes the suggested rating, as for every card.
    key(&mut h, Key::Enter);
    assert!(moved_on(&h));
}

#[test]
fn a_numbered_place_is_chosen_with_its_key_or_its_button() {
    for by_button in [false, true] {
        let (_f, mut h) = studying(egui::vec2(1100.0, 800.0));
        let s = locate_state(&h);
        let right = s.order.iter().position(|&i| i == 0).unwrap();
        let wrong = (right + 1) % s.order.len();
        if by_button {
            let label = format!("Place {}", wrong + 1);
            h.get_by_label(&label).scroll_to_me();
            h.run();
            h.get_by_label(&label).click();
            h.run();
            h.run();
            assert!(!verdict(&h));
        } else {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            key(&mut h, keys[right]);
            assert!(verdict(&h));
        }
    }
}

/// One bundled card per map, with its deck.
fn bundled_locate_cards() -> Vec<(ItemKey, String, usize)> {
    let lib = quizdeck::library::Library::load(None);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for d in &lib.decks {
        for c in &d.deck.cards {
            if let CardKind::Locate {
                picture, others, ..
            } = &c.kind
                && seen.insert(picture.clone())
            {
                out.push((
                    ItemKey::new(d.deck.id.clone(), c.id.clone(), 0),
                    picture.to_string(),
                    others.len() + 1,
                ));
            }
        }
    }
    out
}

#[test]
fn every_bundled_map_shows_in_every_theme_at_projector_sizes() {
    let cards = bundled_locate_cards();
    assert_eq!(cards.len(), 4, "four maps are used: {cards:?}");
    for theme in [Theme::Light, Theme::Dark, Theme::HighContrast] {
        for (size, pct) in [
            (egui::vec2(1280.0, 800.0), 100),
            (egui::vec2(1024.0, 768.0), 200),
        ] {
            let f = Fixture::new();
            let mut h = f.harness_sized(size);
            let mut s = h.state().settings();
            s.theme = theme;
            s.font_scale_pct = pct;
            h.state_mut()
                .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
                    Box::new(s),
                )));
            h.run();
            h.run();
            for (key_, picture, regions) in &cards {
                h.state_mut().apply(Action::StudyItems(vec![key_.clone()]));
                // The map is decoded in the background.
                super::ui::settle(&mut h);
                let label = format!("Map: {regions} numbered places");
                let r = h.get_by_label(&label).rect();
                assert!(r.width() > 100.0 && r.height() > 60.0, "{picture}: {r:?}");
                assert!(
                    h.query_by_label_contains("could not").is_none()
                        && h.query_by_label_contains("not available").is_none(),
                    "{picture} failed to load"
                );
                // Answered by its key; the verdict and the rating bar stay in the window.
                key(&mut h, Key::Num1);
                super::ui_study::assert_in_window(&h, "3 Good");
                h.state_mut()
                    .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
                h.run();
            }
        }
    }
}

#[test]
fn a_locate_card_survives_an_unreadable_picture_and_stays_answerable() {
    let f = Fixture::new();
    let mut h = f.harness();
    let dir = f.data().join("own");
    std::fs::create_dir_all(dir.join("maps")).unwrap();
    let icon = include_bytes!("../../assets/icon.png");
    std::fs::write(dir.join("maps/m.png"), icon).unwrap();
    let path = dir.join("own.ron");
    std::fs::write(
        &path,
        "Deck(format: 2, id: \"own\", title: \"Test own\", cards: [Card(id: \"a\", kind: Locate(prompt: \"Where?\", picture: \"maps/m.png\", answer: Circle(name: \"A\", x: 20, y: 20, r: 10), others: [Circle(name: \"B\", x: 80, y: 80, r: 10), Circle(name: \"C\", x: 80, y: 20, r: 10)]))])",
    )
    .unwrap();
    crate::common::ui::import_file(&mut h, &path, false);
    // The imported copy is damaged after the import.
    let lib_dir = f.data().join("data");
    let copy = walk(&lib_dir, "m.png").expect("the picture was copied");
    std::fs::write(&copy, b"not a png").unwrap();
    study(&mut h, "Test own");
    assert!(h.query_by_label_contains("not a readable PNG").is_some());
    let s = locate_state(&h);
    let right = s.order.iter().position(|&i| i == 0).unwrap();
    let label = format!("Place {}", right + 1);
    h.get_by_label(&label).scroll_to_me();
    h.run();
    h.get_by_label(&label).click();
    h.run();
    h.run();
    assert!(verdict(&h));
}

fn walk(dir: &std::path::Path, name: &str) -> Option<std::path::PathBuf> {
    for e in std::fs::read_dir(dir).ok()?.flatten() {
        let p = e.path();
        if p.is_dir() {
            if let Some(f) = walk(&p, name) {
                return Some(f);
            }
        } else if p.file_name().is_some_and(|n| n == name) {
            return Some(p);
        }
    }
    None
}

/// The app at 1024×768 with text at 200 % (512×384 points), studying the Locate deck.
fn projector_studying() -> (Fixture, Harness<'static, QuizApp>) {
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, 1024.0, 768.0, 200);
    import_locate(&f, &mut h);
    study(&mut h, "Test maps");
    (f, h)
}

/// The part of the study page in view: the height of its scroll bar.
fn view(h: &Harness<'static, QuizApp>) -> egui::Rangef {
    h.get_by_role(egui::accesskit::Role::ScrollBar)
        .rect()
        .y_range()
}

/// Whether the rect `r` is in view on the page, top to bottom.
fn in_view(h: &Harness<'static, QuizApp>, r: egui::Rect) -> bool {
    let v = view(h);
    r.min.y >= v.min - 0.5 && r.max.y <= v.max + 0.5
}

/// Where the keyboard marker is on the screen (the map is 1000 pixels wide).
fn marker_on_screen(h: &Harness<'static, QuizApp>) -> egui::Pos2 {
    let (rect, scale) = map_rect(h, 1000.0);
    let (x, y) = locate_state(h).marker.expect("a marker");
    rect.min + egui::vec2(x, y) * scale
}

/// Scrolls the page with the mouse wheel over it, `points` down (negative: up).
fn wheel(h: &mut Harness<'static, QuizApp>, points: f32) {
    let over = h.get_by_label("Map: 5 numbered places").rect().center();
    h.event(egui::Event::PointerMoved(over));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -points),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    // The scroll is animated over a few frames.
    h.run_steps(30);
    h.run();
}

/// At 200 % on 1024×768 the page shows less than the map and the question: the marker
/// moved with the arrows is kept in view, to the map's bottom and back (it was moved out
/// of view, where the student placed it unseen).
#[test]
fn at_large_text_the_marker_moved_with_the_arrow_keys_stays_in_view() {
    let (_f, mut h) = projector_studying();
    for (k, presses) in [
        (Key::ArrowDown, 30),
        (Key::ArrowRight, 30),
        (Key::ArrowUp, 60),
    ] {
        for n in 0..presses {
            key(&mut h, k);
            let at = marker_on_screen(&h);
            let v = view(&h);
            assert!(
                at.y >= v.min && at.y <= v.max,
                "after {} {k:?}: the marker at {at:?} is outside the view {v:?}",
                n + 1
            );
        }
    }
    assert!(locate_state(&h).verdict.is_none());
}

/// The arrows give the map the focus: a button focused before (here "End session") is
/// not pressed by the Enter that answers, nor does the focus wander to the
/// buttons around the map as the marker moves.
#[test]
fn the_arrow_keys_give_the_map_the_focus_so_enter_answers_with_the_marker() {
    let (_f, mut h) = projector_studying();
    h.get_by_label("End session (Esc)").focus();
    h.run();
    assert!(h.get_by_label("End session (Esc)").is_focused());
    for k in [
        Key::ArrowDown,
        Key::ArrowLeft,
        Key::ArrowDown,
        Key::ArrowRight,
    ] {
        key(&mut h, k);
        assert!(
            h.get_by_label("Map: 5 numbered places").is_focused(),
            "after {k:?} the map has the focus"
        );
    }
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "study", "the session did not end");
    assert!(locate_state(&h).verdict.is_some(), "Enter answered");
}

/// PageDown and PageUp scroll the card's page (egui's scroll areas take no keys), also
/// while the map has the focus: after a wrong answer the words under the map are reached
/// and shown whole.
#[test]
fn page_down_and_page_up_scroll_the_card_and_reach_the_words_under_the_map() {
    let (_f, mut h) = projector_studying();
    h.get_by_label("Map: 5 numbered places").focus();
    h.run();
    assert!(h.get_by_label("Map: 5 numbered places").is_focused());
    let top =
        |h: &Harness<'static, QuizApp>| h.get_by_label("Click where Tallinn is.").rect().min.y;
    let before = top(&h);
    key(&mut h, Key::PageDown);
    assert!(
        top(&h) < before - 20.0,
        "PageDown scrolled: {before} → {}",
        top(&h)
    );
    key(&mut h, Key::PageUp);
    assert_eq!(top(&h), before, "PageUp scrolled back");
    // A wrong answer: Paldiski's number.
    let s = locate_state(&h);
    let paldiski = s.order.iter().position(|&i| i == 1).unwrap();
    key(
        &mut h,
        [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][paldiski],
    );
    assert!(!verdict(&h));
    for label in [
        "You pointed at Paldiski.",
        "The answer: Tallinn",
        "The capital.",
    ] {
        for _ in 0..8 {
            if in_view(&h, h.get_by_label(label).rect()) {
                break;
            }
            key(&mut h, Key::PageDown);
        }
        let r = h.get_by_label(label).rect();
        assert!(
            in_view(&h, r),
            "{label:?} at {r:?} is not in the view {:?}",
            view(&h)
        );
    }
}

/// After the answer the map is in view whole, both points on it: the page is not
/// scrolled to centre the right place, which cut the map's top off (and at 200 % the map
/// was taller than the view: now it fits in it).
#[test]
fn after_the_answer_the_whole_map_is_in_view() {
    // Scrolled down past the map's top, then answered with a key.
    let (_f, mut h) = projector_studying();
    wheel(&mut h, 60.0);
    let map = h.get_by_label("Map: 5 numbered places").rect();
    assert!(
        map.min.y < view(&h).min,
        "the map's top is scrolled out: {map:?}"
    );
    key(&mut h, Key::Num1);
    let map = h.get_by_label("Map: 5 numbered places").rect();
    assert!(
        in_view(&h, map),
        "the map at {map:?}, the view {:?}",
        view(&h)
    );
    // Answered with the marker from the map's bottom.
    let (_f, mut h) = projector_studying();
    for _ in 0..30 {
        key(&mut h, Key::ArrowDown);
    }
    key(&mut h, Key::Enter);
    assert!(locate_state(&h).verdict.is_some());
    let map = h.get_by_label("Map: 5 numbered places").rect();
    assert!(
        in_view(&h, map),
        "the map at {map:?}, the view {:?}",
        view(&h)
    );
    // Where the question and the map fit in the window, the page does not move.
    let (_f, mut h) = studying(egui::vec2(1100.0, 800.0));
    let prompt = h.get_by_label("Click where Tallinn is.").rect();
    key(&mut h, Key::Num1);
    assert_eq!(h.get_by_label("Click where Tallinn is.").rect(), prompt);
}

/// The next showing opens at the page's top, the question in view: the page scrolled
/// down to bring the map into view after the answer stayed so for the next card.
#[test]
fn the_next_card_opens_at_the_top_of_its_page() {
    let (_f, mut h) = projector_studying();
    for _ in 0..30 {
        key(&mut h, Key::ArrowDown);
    }
    key(&mut h, Key::Enter);
    let prompt = h.get_by_label("Click where Tallinn is.").rect();
    assert!(!in_view(&h, prompt), "scrolled down to the map: {prompt:?}");
    // Again: the card is shown again at once (the deck has no other).
    key(&mut h, Key::Num1);
    assert!(locate_state(&h).verdict.is_none(), "shown again");
    let prompt = h.get_by_label("Click where Tallinn is.").rect();
    assert!(
        in_view(&h, prompt),
        "the question at {prompt:?}, the view {:?}",
        view(&h)
    );
}

/// A session started from the keyboard (Enter on the deck's Study button) opens the card
/// at its page's top: the page was scrolled to where the button had been on the library
/// (the focus still on it in the new page's first frame), the question out of view.
#[test]
fn a_card_studied_from_the_keyboard_opens_at_the_top_of_its_page() {
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, 1024.0, 768.0, 200);
    import_locate(&f, &mut h);
    // Twice: the second time the map is drawn in the page's first frame.
    for _ in 0..2 {
        h.get_by_label("Study Test maps").focus();
        h.run();
        key(&mut h, Key::Enter);
        assert_eq!(h.state().screen_name(), "study");
        let prompt = h.get_by_label("Click where Tallinn is.").rect();
        assert!(
            in_view(&h, prompt),
            "the question at {prompt:?}, the view {:?}",
            view(&h)
        );
        key(&mut h, Key::Escape);
        h.get_by_label("Back to decks").click();
        h.run();
    }
}

/// The map takes its size from the room in view at every frame: the window made smaller
/// and larger again (the map kept the size of the first frame it was drawn in), the same
/// size at every frame after, and while the page scrolls.
#[test]
fn the_map_takes_its_size_from_the_room_in_view_at_every_frame() {
    let (_f, mut h) = studying(egui::vec2(1100.0, 1000.0));
    let tall = h.get_by_label("Map: 5 numbered places").rect();
    h.set_size(egui::vec2(1100.0, 600.0));
    h.run();
    let short = h.get_by_label("Map: 5 numbered places").rect();
    assert!(
        short.height() < tall.height() - 100.0,
        "the map shrank with the window: {tall:?} → {short:?}"
    );
    assert!(
        short.height() <= view(&h).span(),
        "{short:?} fits in {:?}",
        view(&h)
    );
    h.set_size(egui::vec2(1100.0, 1000.0));
    h.run();
    assert_eq!(h.get_by_label("Map: 5 numbered places").rect(), tall);
    // Stable: frame after frame, and scrolled (at 200 %, where the page scrolls).
    let (_f, mut h) = projector_studying();
    let size = h.get_by_label("Map: 5 numbered places").rect().size();
    for _ in 0..5 {
        h.step();
        assert_eq!(h.get_by_label("Map: 5 numbered places").rect().size(), size);
    }
    wheel(&mut h, 80.0);
    let scrolled = h.get_by_label("Map: 5 numbered places").rect();
    assert_eq!(scrolled.size(), size, "the same size scrolled");
    key(&mut h, Key::ArrowDown);
    assert_eq!(
        h.get_by_label("Map: 5 numbered places").rect().size(),
        size,
        "the same size with the marker placed"
    );
}
