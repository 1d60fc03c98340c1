//! Tests of Anki packages: fixtures made by Anki itself (see
//! `tests/fixtures/anki/make_fixtures.py`), hostile packages, and the round trip.

use super::build::percent_decode;
use super::protobuf::MAX_PROTOBUF_FIELDS;
use super::*;
use crate::deck::CardKind;
use zip::write::SimpleFileOptions;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/anki")
        .join(name)
}

fn read(path: &Path) -> Result<AnkiImport> {
    let work = tempfile::tempdir().unwrap();
    read_package(path, work.path(), &AnkiOptions::default())
}

fn refusal(path: &Path) -> String {
    match read(path) {
        Err(ImportExportError::Refused { reason, .. }) => reason.english(),
        Err(e) => panic!("expected a refusal, got {e}"),
        Ok(_) => panic!("expected a refusal, got a deck"),
    }
}

fn card<'a>(imp: &'a AnkiImport, prompt: &str) -> &'a crate::deck::Card {
    imp.deck
        .cards
        .iter()
        .find(|c| c.kind.prompt_text().contains(prompt))
        .unwrap_or_else(|| panic!("no card {prompt:?} in {:#?}", imp.deck.cards))
}

fn check_fixture(imp: &AnkiImport) {
    assert_eq!(imp.deck.title, "Baltic history");
    assert_eq!(imp.deck.id.as_str(), "baltic-history");
    assert_eq!(imp.report.notes, 6);
    assert_eq!(imp.deck.cards.len(), 6, "{:?}", imp.report);
    let pic = card(imp, "capital of Latvia");
    match &pic.kind {
        CardKind::Basic { back, reverse, .. } => {
            assert_eq!(back, "Rīga");
            assert!(!reverse);
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(*pic.tags, ["geography", "latvia"]);
    let image = pic.image.as_deref().expect("the picture is kept");
    let (_, bytes) = imp.pictures.iter().find(|(n, _)| n == image).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
    assert_eq!(imp.report.pictures, 1);
    assert!(matches!(
        card(imp, "Tallinn").kind,
        CardKind::Basic { reverse: true, .. }
    ));
    match &card(imp, "Baltic Way").kind {
        CardKind::TypeIn { answers, .. } => assert_eq!(**answers, ["1989"]),
        k => panic!("{k:?}"),
    }
    let cloze = card(imp, "The pact was signed");
    match &cloze.kind {
        CardKind::Cloze(c) => assert_eq!(c.numbers(), [1, 2]),
        k => panic!("{k:?}"),
    }
    assert_eq!(cloze.note, "extra");
    assert_eq!(*cloze.tags, ["contested"]);
    let hymn = card(imp, "Hymn");
    assert_eq!(hymn.kind.prompt_text(), "Hymn of Lithuania");
    assert_eq!(imp.report.sounds_dropped, 1);
    let three = card(imp, "Saeima");
    assert_eq!(three.note, "Context: since 1922");
    // The three answers in the log land on the imported items, oldest first.
    assert_eq!(imp.reviews.len(), 3, "{:?}", imp.report);
    assert!(imp.reviews.windows(2).all(|w| w[0].at <= w[1].at));
    for r in &imp.reviews {
        assert_eq!(r.rating, Rating::Good);
        let c = imp
            .deck
            .card(&r.key.card)
            .expect("a review names an imported card");
        assert!(c.parts().contains(&r.key.part));
    }
}

#[test]
fn the_current_layout_made_by_anki_imports() {
    let imp = read(&fixture("basic-latest.apkg")).unwrap();
    assert_eq!(imp.layout, Layout::Latest);
    check_fixture(&imp);
}

#[test]
fn the_legacy_layout_made_by_anki_imports_the_same() {
    let legacy = read(&fixture("basic-legacy.apkg")).unwrap();
    assert_eq!(legacy.layout, Layout::Legacy2);
    check_fixture(&legacy);
    let latest = read(&fixture("basic-latest.apkg")).unwrap();
    assert_eq!(
        format!("{:?}", legacy.deck.cards),
        format!("{:?}", latest.deck.cards),
        "both layouts give the same deck, ids included"
    );
}

#[test]
fn a_whole_collection_package_imports() {
    let imp = read(&fixture("collection.colpkg")).unwrap();
    check_fixture(&imp);
}

#[test]
fn detection_is_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("deck.zip");
    std::fs::copy(fixture("basic-latest.apkg"), &renamed).unwrap();
    assert!(is_anki_package(&renamed));
    let qdeck = dir.path().join("x.apkg");
    std::fs::write(&qdeck, zip_of(&[("deck.ron", b"Deck()")])).unwrap();
    assert!(!is_anki_package(&qdeck));
    assert!(!is_anki_package(&dir.path().join("missing.apkg")));
}

#[test]
fn reviews_replay_into_states_and_history() {
    let imp = read(&fixture("basic-latest.apkg")).unwrap();
    let scheduler = crate::schedule::Scheduler::new(crate::schedule::Settings::default()).unwrap();
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let now = imp.reviews.last().unwrap().at + chrono::Duration::days(1);
    let (states, history, future) = progress_from_reviews(&imp.reviews, &scheduler, utc, now);
    assert_eq!(future, 0);
    assert_eq!(history.len(), 3);
    assert_eq!(states.len(), 3);
    for s in &states {
        assert_eq!(s.state.reps, 1);
        assert!(s.state.last_review.is_some());
        assert_ne!(s.state.phase, crate::schedule::Phase::New);
    }
    assert!(
        history
            .iter()
            .all(|e| e.phase == crate::schedule::Phase::New)
    );
    // Answers after now (a wrong clock) are left out and counted.
    let early = imp.reviews[0].at - chrono::Duration::seconds(1);
    let (states, history, future) = progress_from_reviews(&imp.reviews, &scheduler, utc, early);
    assert_eq!((states.len(), history.len(), future), (0, 0, 3));
}

#[test]
fn html_is_reduced_to_text() {
    let (t, imgs, sounds) = html_to_text(
        "<div>A &amp; B&nbsp;&lt;C&gt;</div><br/><b>bold</b> [sound:x.mp3]<img SRC='a%20b.png'>\
         <script>alert(1)</script>&#x41;&#66;&bogus; & &#xFFFFFFFF;",
    );
    assert_eq!(t, "A & B <C>\nbold AB&bogus; & &#xFFFFFFFF;");
    assert_eq!(imgs, ["a%20b.png"]);
    assert_eq!(sounds, 1);
    // Broken markup loses nothing and never panics.
    for s in [
        "<",
        "&",
        "[sound:",
        "<img src=",
        "<img src=\"",
        "&#;",
        "é<ä&ö[",
        "<script>",
    ] {
        let _ = html_to_text(s);
    }
    assert_eq!(percent_decode("a%20b%zz%4"), "a b%zz%4");
    assert_eq!(percent_decode("%C4%81é"), "āé");
}

#[test]
fn the_protobuf_reader_refuses_truncated_input() {
    assert!(protobuf_fields(&[0x0a, 0x05, b'a']).is_none());
    assert!(protobuf_fields(&[0x08]).is_none());
    assert!(protobuf_fields(&[0xff; 11]).is_none());
    let ok = protobuf_fields(&[0x08, 0x03]).unwrap();
    assert!(matches!(ok[0], (1, Pb::Int(3))));
}

// ---- hostile packages ----

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A schema-11 collection made by `setup` (SQL run on an empty database).
fn collection(setup: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(setup).unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

const TABLES: &str = "
CREATE TABLE col (models text, decks text);
CREATE TABLE notes (id integer, guid text, mid integer, tags text, flds text);
CREATE TABLE cards (id integer, nid integer, ord integer, did integer);
CREATE TABLE revlog (id integer, cid integer, ease integer, time integer, type integer);
INSERT INTO col VALUES ('{\"7\": {\"name\": \"Basic\", \"type\": 0,
  \"flds\": [{\"name\": \"Front\"}, {\"name\": \"Back\"}],
  \"tmpls\": [{\"qfmt\": \"{{Front}}\", \"afmt\": \"{{Back}}\"}]}}',
  '{\"1\": {\"name\": \"Made up\"}}');
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn a_hand_made_legacy_collection_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g1', 7, ' a ', 'Front text\u{1f}Back text');
         INSERT INTO cards VALUES (10, 1, 0, 1);
         INSERT INTO revlog VALUES (1700000000000, 10, 3, 5000, 0);
         INSERT INTO revlog VALUES (1700000100000, 10, 0, 0, 4);
         INSERT INTO revlog VALUES (1700000200000, 99, 3, 0, 1);"
    ));
    let p = write(
        dir.path(),
        "x.apkg",
        &zip_of(&[("collection.anki2", &db), ("media", b"{}")]),
    );
    let imp = read(&p).unwrap();
    assert_eq!(imp.layout, Layout::Legacy1);
    assert_eq!(imp.deck.title, "Made up");
    assert_eq!(imp.reviews.len(), 1);
    assert_eq!(imp.reviews[0].duration_ms, 5000);
    assert_eq!(
        imp.report.reviews_skipped, 2,
        "manual rescheduling and an unknown card"
    );
}

#[test]
fn packages_that_are_not_anki_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    // 4 MiB of noise.
    let mut noise = vec![0u8; 4 << 20];
    let mut x = 0x9e37_79b9_u32;
    for b in noise.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    assert!(refusal(&write(dir.path(), "a.apkg", &noise)).contains("not an Anki package"));
    let no_collection = zip_of(&[("deck.ron", b"Deck()")]);
    assert!(refusal(&write(dir.path(), "b.apkg", &no_collection)).contains("no Anki collection"));
    let not_sqlite = zip_of(&[("collection.anki21", &noise[..1 << 20])]);
    assert!(refusal(&write(dir.path(), "c.apkg", &not_sqlite)).contains("not a SQLite database"));
    // SQLite's header and then garbage.
    let mut fake = b"SQLite format 3\0".to_vec();
    fake.extend_from_slice(&noise[..1 << 20]);
    let r = refusal(&write(
        dir.path(),
        "d.apkg",
        &zip_of(&[("collection.anki2", &fake)]),
    ));
    assert!(r.contains("not one Anki writes"), "{r}");
    let newer = zip_of(&[("meta", &[0x08, 0x07]), ("collection.anki21b", b"x")]);
    assert!(refusal(&write(dir.path(), "e.apkg", &newer)).contains("newer Anki"));
}

#[test]
fn collections_of_another_shape_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = collection("CREATE TABLE things (a);");
    let r = refusal(&write(
        dir.path(),
        "a.apkg",
        &zip_of(&[("collection.anki2", &other)]),
    ));
    assert!(r.contains("no \"col\" table"), "{r}");
    // A view where the notes belong: it could compute forever.
    let view = collection(
        "CREATE TABLE col (models, decks); CREATE TABLE cards (id);
         CREATE VIEW notes AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n;",
    );
    let r = refusal(&write(
        dir.path(),
        "b.apkg",
        &zip_of(&[("collection.anki2", &view)]),
    ));
    assert!(r.contains("is a view"), "{r}");
    let columns =
        collection("CREATE TABLE col (a); CREATE TABLE notes (a); CREATE TABLE cards (a);");
    let r = refusal(&write(
        dir.path(),
        "c.apkg",
        &zip_of(&[("collection.anki2", &columns)]),
    ));
    assert!(r.contains("not one Anki writes"), "{r}");
    let bad_json = collection(
        "CREATE TABLE col (models, decks); CREATE TABLE notes (id, guid, mid, tags, flds);
         CREATE TABLE cards (id, nid, ord, did); INSERT INTO col VALUES ('{', '{}');",
    );
    let r = refusal(&write(
        dir.path(),
        "d.apkg",
        &zip_of(&[("collection.anki2", &bad_json)]),
    ));
    assert!(r.contains("note types are damaged"), "{r}");
    let empty = collection(TABLES);
    let r = refusal(&write(
        dir.path(),
        "e.apkg",
        &zip_of(&[("collection.anki2", &empty)]),
    ));
    assert!(r.contains("holds no notes"), "{r}");
}

#[test]
fn collection_bombs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // zstd: 700 MiB of zeros in a few hundred KiB.
    let mut enc = zstd::stream::write::Encoder::new(Vec::new(), 1).unwrap();
    let zeros = vec![0u8; 1 << 20];
    enc.write_all(b"SQLite format 3\0").unwrap();
    for _ in 0..700 {
        enc.write_all(&zeros).unwrap();
    }
    let bomb = enc.finish().unwrap();
    let pkg = zip_of(&[("meta", &[0x08, 0x03]), ("collection.anki21b", &bomb)]);
    let r = refusal(&write(dir.path(), "z.apkg", &pkg));
    assert!(r.contains("bomb"), "{r}");
    // Deflate: 100 MiB of zeros.
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file("collection.anki21", SimpleFileOptions::default())
        .unwrap();
    for _ in 0..100 {
        z.write_all(&zeros).unwrap();
    }
    let pkg = z.finish().unwrap().into_inner();
    let r = refusal(&write(dir.path(), "d.apkg", &pkg));
    assert!(r.contains("bomb"), "{r}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no unpacked collection is left behind"
    );
}

#[test]
fn too_many_notes_and_huge_notes_are_refused_or_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let many = collection(&format!(
        "{TABLES} WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT {})
         INSERT INTO notes SELECT x, 'g' || x, 7, '', 'q' || x || char(31) || 'a' FROM n;",
        MAX_NOTES + 1
    ));
    let r = refusal(&write(
        dir.path(),
        "a.apkg",
        &zip_of(&[("collection.anki2", &many)]),
    ));
    assert!(r.contains("more than 100000 notes"), "{r}");
    // Fifty thousand notes with one front and one Anki id: unique card ids, in linear time.
    let same = collection(&format!(
        "{TABLES} WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 50000)
         INSERT INTO notes SELECT x, 'g', 7, '', 'q' || char(31) || 'a' FROM n;"
    ));
    let imp = read(&write(
        dir.path(),
        "s.apkg",
        &zip_of(&[("collection.anki2", &same)]),
    ))
    .unwrap();
    assert_eq!(imp.deck.cards.len(), 50_000);
    let huge = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g', 7, '', 'q' || char(31) || 'small');
         INSERT INTO notes VALUES (2, 'h', 7, '', 'q2' || char(31) || hex(zeroblob(1000000)));"
    ));
    let imp = read(&write(
        dir.path(),
        "b.apkg",
        &zip_of(&[("collection.anki2", &huge)]),
    ))
    .unwrap();
    assert_eq!(imp.deck.cards.len(), 1);
    assert_eq!(imp.report.skipped_count, 1);
    assert!(imp.report.skipped[0].contains("more than a card holds"));
}

#[test]
fn bad_pictures_are_left_out_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g1', 7, '', 'A<img src=\"a.jpg\">\u{1f}x');
         INSERT INTO notes VALUES (2, 'g2', 7, '', 'B<img src=\"fake.png\">\u{1f}x');
         INSERT INTO notes VALUES (3, 'g3', 7, '', 'C<img src=\"gone.png\">\u{1f}x');"
    ));
    let media = br#"{"0": "a.jpg", "1": "fake.png", "2": "gone.png"}"#;
    let pkg = zip_of(&[
        ("collection.anki2", &db),
        ("media", media),
        ("0", &[0xff, 0xd8, 0xff, 0xe0]),
        ("1", b"\x89PNG\r\n\x1a\nbroken"),
    ]);
    let imp = read(&write(dir.path(), "p.apkg", &pkg)).unwrap();
    assert_eq!(imp.deck.cards.len(), 3, "the cards stay, without pictures");
    assert!(imp.deck.cards.iter().all(|c| c.image.is_none()));
    assert_eq!(imp.report.pictures_dropped_count, 3);
    let all = imp
        .report
        .pictures_dropped
        .iter()
        .map(|m| m.english())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains("a.jpg: could not be converted to PNG"),
        "{all}"
    );
    assert!(all.contains("gone.png: not in the package"), "{all}");
}

#[test]
fn jpeg_and_gif_pictures_arrive_as_pngs() {
    use crate::picture::encoded;
    let dir = tempfile::tempdir().unwrap();
    let photo = image::RgbImage::from_fn(320, 240, |x, y| image::Rgb([x as u8, y as u8, 60]));
    let jpeg = encoded(photo.clone().into(), image::ImageFormat::Jpeg);
    let gif = encoded(
        image::DynamicImage::from(photo).into_rgba8().into(),
        image::ImageFormat::Gif,
    );
    // Wider than a picture may be: scaled down to fit.
    let wide = encoded(
        image::RgbImage::new(6000, 300).into(),
        image::ImageFormat::Jpeg,
    );
    let db = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g1', 7, '', 'Photo<img src=\"riga.jpg\">\u{1f}x');
         INSERT INTO notes VALUES (2, 'g2', 7, '', 'Drawing<img src=\"map.gif\">\u{1f}x');
         INSERT INTO notes VALUES (3, 'g3', 7, '', 'Panorama<img src=\"wide.jpeg\">\u{1f}x');"
    ));
    let media = br#"{"0": "riga.jpg", "1": "map.gif", "2": "wide.jpeg"}"#;
    let pkg = zip_of(&[
        ("collection.anki2", &db),
        ("media", media),
        ("0", &jpeg),
        ("1", &gif),
        ("2", &wide),
    ]);
    let imp = read(&write(dir.path(), "p.apkg", &pkg)).unwrap();
    assert_eq!(imp.report.pictures_dropped, Vec::<Message>::new());
    assert_eq!((imp.report.pictures, imp.report.pictures_converted), (3, 3));
    assert!(
        imp.report
            .lines()
            .iter()
            .any(|l| l.contains("3 JPEG or GIF pictures converted to PNG")),
        "{:?}",
        imp.report.lines()
    );
    let sizes: Vec<(String, (u32, u32))> = imp
        .pictures
        .iter()
        .map(|(name, bytes)| {
            let p = crate::picture::decode(bytes, Path::new(name)).unwrap();
            (name.clone(), (p.width, p.height))
        })
        .collect();
    assert!(
        sizes.contains(&("media/riga.png".into(), (320, 240))),
        "{sizes:?}"
    );
    assert!(
        sizes.contains(&("media/map.png".into(), (320, 240))),
        "{sizes:?}"
    );
    assert!(
        sizes.contains(&("media/wide.png".into(), (crate::picture::MAX_SIDE_PX, 205))),
        "{sizes:?}"
    );
    for prompt in ["Photo", "Drawing", "Panorama"] {
        assert!(card(&imp, prompt).image.is_some(), "{prompt}");
    }
    // Into a profile's decks folder: the deck passes the checks with its pictures.
    let decks = dir.path().join("decks");
    let deck = import_into(&imp, &decks).unwrap();
    assert!(
        decks
            .join(deck.id.as_str())
            .join("media/riga.png")
            .is_file()
    );
}

#[test]
fn media_lists_naming_millions_of_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g1', 7, '', 'A<img src=\"a.png\">\u{1f}x');"
    ));
    // Current layout: a list of more entries than a package may hold is refused.
    assert!(protobuf_fields(&[0x0a, 0x00].repeat(MAX_PROTOBUF_FIELDS + 1)).is_none());
    // Legacy layout: a JSON list naming 300,000 files.
    let mut json = String::from("{");
    for i in 0..300_000 {
        json.push_str(&format!("\"{i}\":\"f\","));
    }
    json.push_str("\"x\":\"y\"}");
    let pkg = zip_of(&[("collection.anki2", &db), ("media", json.as_bytes())]);
    let r = refusal(&write(dir.path(), "b.apkg", &pkg));
    assert!(r.contains("too many files"), "{r}");
}

// ---- export ----

#[test]
fn an_exported_package_reads_back_with_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("maps")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/icon.png"),
        dir.path().join("maps/riga.png"),
    )
    .unwrap();
    let deck_file = dir.path().join("d.ron");
    std::fs::write(
        &deck_file,
        r#"Deck(format: 1, id: "baltic", title: "Baltic <states>", sources: {"doc": (title: "A document")}, cards: [
        Card(id: "a", image: "maps/riga.png", note: "Since 1201.", source: (doc: "doc", section: "2"),
             kind: Basic(front: "Which city?", back: "Riga & more", reverse: true)),
        Card(id: "b", kind: Cloze(text: "Signed in {{c1::1939}} by {{c2::Molotov|V. Molotov::a name}}.")),
        Card(id: "c", kind: TypeIn(question: "Year of the Baltic Way?", answers: ["1989"])),
        Card(id: "d", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
        Card(id: "e", kind: MultipleChoice(question: "Capital of Estonia?", answer: "Tallinn", distractors: ["Tartu"])),
        Card(id: "f", kind: Order(prompt: "Order these", items: ["1939", "1940", "1991"])),
        Card(id: "g", kind: Match(prompt: "Match", pairs: [("Latvia", "Riga"), ("Estonia", "Tallinn"), ("Lithuania", "Vilnius")])),
    ])"#,
    )
    .unwrap();
    let deck = crate::deck::load_file(&deck_file).unwrap();
    let out = dir.path().join("out.apkg");
    let now = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
        .unwrap()
        .to_utc();
    let s = export_apkg(&deck, Some(dir.path()), &out, now).unwrap();
    assert_eq!((s.notes, s.cards, s.pictures), (7, 9, 1));
    let imp = read(&out).unwrap();
    assert_eq!(imp.layout, Layout::Legacy2);
    assert_eq!(imp.deck.title, "Baltic <states>");
    assert_eq!(imp.deck.cards.len(), 7);
    let a = card(&imp, "Which city?");
    assert!(
        matches!(&a.kind, CardKind::Basic { back, reverse: true, .. } if back == "Riga & more")
    );
    assert!(
        a.note.contains("Since 1201.") && a.note.contains("A document › 2"),
        "{}",
        a.note
    );
    assert!(a.image.is_some(), "the picture travels");
    match &card(&imp, "Signed in").kind {
        CardKind::Cloze(c) => {
            assert_eq!(c.numbers(), [1, 2]);
            assert!(c.text.contains("{{c2::Molotov::a name}}"), "{}", c.text);
        }
        k => panic!("{k:?}"),
    }
    assert!(matches!(
        card(&imp, "Baltic Way").kind,
        CardKind::TypeIn { .. }
    ));
    let tf = card(&imp, "Riga is in Latvia");
    assert!(matches!(&tf.kind, CardKind::Basic { back, .. } if back == "True"));
    // The same deck exported again gives the same Anki note ids (guid), so Anki updates.
    let again = dir.path().join("again.apkg");
    export_apkg(
        &deck,
        Some(dir.path()),
        &again,
        now + chrono::Duration::days(1),
    )
    .unwrap();
    let imp2 = read(&again).unwrap();
    let ids = |i: &AnkiImport| {
        i.deck
            .cards
            .iter()
            .map(|c| c.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&imp), ids(&imp2));
}

#[test]
fn a_bundled_deck_exports_the_maps_of_its_locate_cards() {
    let deck = crate::deck::bundled::check_all()
        .into_iter()
        .filter_map(|c| c.deck)
        .find(|d| {
            d.cards
                .iter()
                .any(|c| matches!(c.kind, CardKind::Locate { .. }))
        })
        .expect("a bundled deck with Locate cards");
    let maps: std::collections::BTreeSet<&str> = deck
        .cards
        .iter()
        .filter_map(|c| match &c.kind {
            CardKind::Locate { picture, .. } => Some(picture.as_str()),
            _ => None,
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundled.apkg");
    let now = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
        .unwrap()
        .to_utc();
    // A bundled deck has no folder: its maps come from the program.
    let s = export_apkg(&deck, None, &out, now).unwrap();
    assert!(s.pictures >= maps.len(), "{} < {}", s.pictures, maps.len());
    let imp = read(&out).unwrap();
    let located = imp.deck.cards.iter().filter(|c| c.image.is_some()).count();
    let locate_cards = deck
        .cards
        .iter()
        .filter(|c| matches!(c.kind, CardKind::Locate { .. }))
        .count();
    assert!(located >= locate_cards, "{located} < {locate_cards}");
    for (name, bytes) in &imp.pictures {
        assert!(
            crate::picture::decode(bytes, Path::new(name)).is_ok(),
            "{name}"
        );
    }
}

/// A package with notes and pictures that cannot come over: an empty answer, a note of a
/// missing type, a picture missing from the package, a WebP picture.
fn left_out_package() -> Vec<u8> {
    let db = collection(&format!(
        "{TABLES} INSERT INTO notes VALUES (1, 'g1', 7, '', 'Rīga\u{1f}Latvija');
         INSERT INTO notes VALUES (2, 'g2', 7, '', 'Tallinn\u{1f}');
         INSERT INTO notes VALUES (3, 'g3', 99, '', 'Vilnius\u{1f}Lietuva');
         INSERT INTO notes VALUES (4, 'g4', 7, '', 'Tartu<img src=\"gone.png\">\u{1f}Eesti');
         INSERT INTO notes VALUES (5, 'g5', 7, '', 'Kaunas<img src=\"map.webp\">\u{1f}Lietuva');"
    ));
    let media = br#"{"0": "map.webp"}"#;
    zip_of(&[
        ("collection.anki2", &db),
        ("media", media),
        ("0", b"RIFF\x10\0\0\0WEBPVP8 \0\0\0\0"),
    ])
}

#[test]
fn what_was_left_out_is_said_note_by_note_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let imp = read(&write(dir.path(), "left-out.apkg", &left_out_package())).unwrap();
    assert_eq!(imp.deck.cards.len(), 3);
    let details = imp.report.details(20);
    let lines: Vec<(&str, Vec<&str>)> = details
        .iter()
        .map(|(m, l)| (m.id, l.iter().map(|m| m.id).collect()))
        .collect();
    assert_eq!(
        lines,
        [
            ("anki-report-read", vec![]),
            (
                "anki-report-notes-left-out",
                vec!["anki-note-empty", "anki-note-no-type"]
            ),
            (
                "anki-report-pictures-left-out",
                vec!["anki-picture-left-out", "anki-picture-left-out"]
            ),
        ]
    );
    let english: Vec<String> = details[2].1.iter().map(Message::english).collect();
    assert_eq!(
        english,
        [
            "gone.png: not in the package",
            "map.webp: WebP; quizdeck shows PNG pictures (save it as PNG and add it in the deck)"
        ]
    );
    assert_eq!(
        details[1].1[0].english(),
        "note 2 (Basic): an empty question or answer"
    );
    // The command line's lines are the same facts in English.
    let cli = imp.report.lines();
    assert!(cli.contains(&"  note 3: its note type is missing from the collection".to_owned()));
    // More than 20 notes left out: the first 20 and how many more.
    let mut r = AnkiReport::default();
    for n in 0..23 {
        r.skip(Message::new("anki-note-no-type").arg("note", n.to_string()));
    }
    let (_, listed) = &r.details(20)[1];
    assert_eq!(listed.len(), 21);
    assert_eq!(listed[20].english(), "… and 3 more");
    // A shorter list (the window's): the first few, then how many more.
    let (_, listed) = &r.details(5)[1];
    assert_eq!(listed.len(), 6);
    assert_eq!(listed[5].english(), "… and 18 more");
}

/// Writes `tests/fixtures/anki/left-out.apkg`, the package the window's tests import
/// (`cargo test -p quizdeck-core write_the_left_out_fixture -- --ignored`).
#[test]
#[ignore]
fn write_the_left_out_fixture() {
    std::fs::write(fixture("left-out.apkg"), left_out_package()).unwrap();
}

#[test]
fn refusals_are_messages_with_their_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.apkg",
        &zip_of(&[("collection.anki2", b"not a database")]),
    );
    match read(&path) {
        Err(ImportExportError::Refused { reason, .. }) => {
            assert_eq!(reason, Message::new("anki-not-sqlite"));
        }
        other => panic!("{other:?}"),
    }
    let r = refusal(&write(dir.path(), "b.apkg", b"plain text"));
    assert!(
        r.starts_with("it is not an Anki package (a zip file): "),
        "{r}"
    );
}
