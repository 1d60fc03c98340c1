//! A teacher edits a deck the students are studying: rewords cards, reorders them, adds,
//! deletes and later re-adds one, changes a card's kind, drops a cloze gap and a reverse
//! side. Each edition goes through the real loading path (import into the profile, the
//! library reloaded) and the real store; every item that survives keeps its progress
//! (progress is keyed by deck id, card id and part), new items start new, and removed
//! items get their progress back when they return.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use quizdeck::ids::{DeckId, ItemKey};
use quizdeck::library::{self, Library};
use quizdeck::schedule::{ItemState, Rating, Settings};
use quizdeck::session::Session;
use quizdeck::store::{OpenOptions, Store};
use std::collections::HashMap;
use std::path::Path;

fn t0() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

const A: &str =
    r#"Card(id: "pact", kind: Basic(front: "When was the pact signed?", back: "23 August 1939"))"#;
const A_REWORDED: &str = r#"Card(id: "pact", note: "Reworded.", kind: Basic(front: "In which year was the Molotov–Ribbentrop Pact signed?", back: "1939"))"#;
const B: &str = r#"Card(id: "bases", kind: Basic(front: "Bases treaty with Estonia?", back: "September 1939", reverse: true))"#;
const B_ONE_WAY: &str = r#"Card(id: "bases", kind: Basic(front: "Bases treaty with Estonia?", back: "28 September 1939"))"#;
const C: &str =
    r#"Card(id: "capitals", kind: Cloze(text: "{{c1::Riga}} is the capital of {{c2::Latvia}}."))"#;
const C_ONE_GAP: &str =
    r#"Card(id: "capitals", kind: Cloze(text: "{{c1::Riga}} is the capital of Latvia."))"#;
const D: &str = r#"Card(id: "ultimatum", kind: TrueFalse(statement: "Lithuania got the ultimatum first.", truth: true))"#;
const E_TF: &str =
    r#"Card(id: "annexed", kind: TrueFalse(statement: "Annexed in August 1940.", truth: true))"#;
const E_MC: &str = r#"Card(id: "annexed", kind: MultipleChoice(question: "Annexed in?", answer: "August 1940", distractors: ["June 1941", "May 1939"]))"#;
const F_NEW: &str = r#"Card(id: "deportations", kind: TypeIn(question: "Year of the June deportations?", answers: ["1941"]))"#;

fn deck(cards: &[&str]) -> String {
    format!(
        "Deck(format: 1, id: \"occupation\", title: \"Occupation\", cards: [\n{}\n])\n",
        cards.join(",\n")
    )
}

/// Imports this edition of the deck into the profile, the way the app does, and
/// reloads the library from the profile's deck folder.
fn publish(work: &Path, decks_dir: &Path, text: &str) -> Library {
    let src = work.join("occupation.ron");
    std::fs::write(&src, text).unwrap();
    library::import_deck(&src, decks_dir).unwrap();
    let lib = Library::load(Some(decks_dir));
    assert!(lib.broken.is_empty(), "{:?}", lib.broken[0].render());
    lib
}

fn items(lib: &Library) -> Vec<ItemKey> {
    lib.items(&[DeckId::new("occupation")])
}

fn key(card: &str, part: u32) -> ItemKey {
    ItemKey::new("occupation", card, part)
}

/// Studies every item once (Good) and a second round for some, through a session.
fn study_all(store: &mut Store, items: Vec<ItemKey>, now: DateTime<Utc>) {
    let mut s = Session::start_cram(items, store, &Settings::default(), now, utc()).unwrap();
    let mut at = now;
    while let Some(q) = s.next(at) {
        s.answer(store, &q.key, Rating::Good, 1500, None, at, utc())
            .unwrap();
        at += Duration::seconds(20);
        if s.answered_count() > 40 {
            break;
        }
    }
}

#[test]
fn a_realistic_edit_script_keeps_the_progress_of_every_surviving_item() {
    let work = tempfile::tempdir().unwrap();
    let profile = work.path().join("profile");
    let decks_dir = profile.join("decks");
    let (mut store, _) = Store::open(&profile, &OpenOptions::default(), t0()).unwrap();

    // Edition 1, studied.
    let lib = publish(work.path(), &decks_dir, &deck(&[A, B, C, D, E_TF]));
    let v1 = items(&lib);
    assert_eq!(v1.len(), 7, "{v1:?}");
    study_all(&mut store, v1.clone(), t0());
    let studied: HashMap<ItemKey, ItemState> = v1
        .iter()
        .map(|k| (k.clone(), store.state(k).expect("studied").clone()))
        .collect();
    store.close(t0() + Duration::hours(1)).unwrap();

    // Edition 2: reword the pact, reorder, add a card, delete the ultimatum, make the
    // bases card one-way (part 1 goes), drop a cloze gap (part 2 goes) and turn the
    // annexation card from true/false into multiple choice.
    let day2 = t0() + Duration::days(1);
    let (mut store, report) = Store::open(&profile, &OpenOptions::default(), day2).unwrap();
    assert!(report.is_empty(), "{report}");
    let lib = publish(
        work.path(),
        &decks_dir,
        &deck(&[F_NEW, E_MC, C_ONE_GAP, A_REWORDED, B_ONE_WAY]),
    );
    let v2 = items(&lib);
    assert_eq!(
        v2,
        [
            key("deportations", 0),
            key("annexed", 0),
            key("capitals", 1),
            key("pact", 0),
            key("bases", 0),
        ]
    );
    for k in &v2 {
        match studied.get(k) {
            Some(before) => assert_eq!(store.state(k), Some(before), "{k} lost its progress"),
            None => assert!(store.state(k).is_none(), "{k} is new"),
        }
    }
    // The study queue of edition 2 holds only its items; the new card is new.
    let session = Session::start(v2.clone(), &store, &Settings::default(), day2, utc()).unwrap();
    assert_eq!(session.counts().new, 1);
    // Study edition 2 for a while (the kept items move on, the new one starts).
    study_all(&mut store, v2.clone(), day2);
    let after_v2: HashMap<ItemKey, ItemState> = v2
        .iter()
        .map(|k| (k.clone(), store.state(k).unwrap().clone()))
        .collect();
    // Removed items are untouched.
    for k in [key("ultimatum", 0), key("bases", 1), key("capitals", 2)] {
        assert_eq!(store.state(&k), studied.get(&k), "{k}");
    }
    store.close(day2 + Duration::hours(1)).unwrap();

    // Edition 3: the deleted card comes back, the cloze gets its gap back, the bases card
    // its reverse side, and the annexation card goes back to true/false.
    let day3 = day2 + Duration::days(1);
    let (store, report) = Store::open(&profile, &OpenOptions::default(), day3).unwrap();
    assert!(report.is_empty(), "{report}");
    let lib = publish(
        work.path(),
        &decks_dir,
        &deck(&[A_REWORDED, B, C, D, E_TF, F_NEW]),
    );
    let v3 = items(&lib);
    assert_eq!(v3.len(), 8);
    for k in &v3 {
        let expected = after_v2.get(k).or_else(|| studied.get(k));
        assert_eq!(store.state(k), expected, "{k}");
    }
    // Nothing in the store was ever dropped.
    assert_eq!(store.states().len(), 8);
    let history = store.history().unwrap();
    assert!(history.len() >= 7 + 5, "{}", history.len());
}

/// The same kind of edition made in the deck editor: the file it saves keeps every
/// surviving card's id, so every surviving item keeps its progress, and a new card starts
/// new.
#[test]
fn the_deck_editor_s_edits_keep_the_progress_of_every_surviving_item() {
    use quizdeck::deck::KindName;
    use quizdeck::deck::edit::{DeckEditor, convert_kind};
    use quizdeck::deck::raw::RawKind;

    let work = tempfile::tempdir().unwrap();
    let profile = work.path().join("profile");
    let decks_dir = profile.join("decks");
    let (mut store, _) = Store::open(&profile, &OpenOptions::default(), t0()).unwrap();
    let lib = publish(work.path(), &decks_dir, &deck(&[A, B, C, D, E_TF]));
    let v1 = items(&lib);
    study_all(&mut store, v1.clone(), t0());
    let studied: HashMap<ItemKey, ItemState> = v1
        .iter()
        .map(|k| (k.clone(), store.state(k).expect("studied").clone()))
        .collect();

    // The teacher opens the imported file in the editor.
    let file = lib
        .get(&DeckId::new("occupation"))
        .and_then(|d| d.origin.file())
        .expect("an imported file")
        .to_owned();
    let mut e = DeckEditor::open_file(&file).unwrap();
    // Reword the pact card (0), make the bases card one-way (1), drop a cloze gap (2),
    // delete the ultimatum (3), turn the annexation card into multiple choice (now 3),
    // move it first, and add a typed card at the end.
    let mut pact = e.card(0).unwrap().clone();
    pact.kind = RawKind::Basic {
        front: "In which year was the Molotov–Ribbentrop Pact signed?".into(),
        back: "1939".into(),
        reverse: false,
    };
    e.set_card(0, pact, None);
    let mut bases = e.card(1).unwrap().clone();
    if let RawKind::Basic { reverse, .. } = &mut bases.kind {
        *reverse = false;
    }
    e.set_card(1, bases, None);
    let mut capitals = e.card(2).unwrap().clone();
    capitals.kind = RawKind::Cloze {
        text: "{{c1::Riga}} is the capital of Latvia.".into(),
    };
    e.set_card(2, capitals, None);
    e.delete(3);
    let mut annexed = e.card(3).unwrap().clone();
    annexed.kind = match convert_kind(&annexed.kind, KindName::MultipleChoice) {
        RawKind::MultipleChoice { question, .. } => RawKind::MultipleChoice {
            question,
            answer: "August 1940".into(),
            distractors: vec!["June 1941".into(), "May 1939".into()],
            also_correct: Vec::new(),
        },
        other => other,
    };
    e.set_card(3, annexed, None);
    e.move_card(3, 0);
    let at = e.add_card(e.len(), KindName::TypeIn);
    let mut new = e.card(at).unwrap().clone();
    new.kind = RawKind::TypeIn {
        question: "Year of the June deportations?".into(),
        answers: vec!["1941".into()],
    };
    e.set_card(at, new, None);
    let mut meta = e.meta().clone();
    meta.version += 1;
    e.set_meta(meta);
    e.save(&file).unwrap();

    let lib = Library::load(Some(&decks_dir));
    assert!(lib.broken.is_empty(), "{:?}", lib.broken[0].render());
    assert_eq!(lib.get(&DeckId::new("occupation")).unwrap().deck.version, 2);
    let v2 = items(&lib);
    assert_eq!(
        v2,
        [
            key("annexed", 0),
            key("pact", 0),
            key("bases", 0),
            key("capitals", 1),
            key("year-of-the-june-deportations", 0),
        ]
    );
    for k in &v2 {
        match studied.get(k) {
            Some(before) => assert_eq!(store.state(k), Some(before), "{k} lost its progress"),
            None => assert!(store.state(k).is_none(), "{k} is new"),
        }
    }
    let kept = v2.iter().filter(|k| studied.contains_key(*k)).count();
    assert_eq!(kept, 4, "every surviving item keeps its progress");
}
