//! `quizdeck import` and `export` with other tools' formats, run as a real process: Anki
//! packages (into a profile with the review log, into a folder, back out as `.apkg`),
//! Quizlet text with chosen separators, Moodle GIFT; the format found from the content.

use crate::common::{quizdeck, stderr, stdout};
use std::path::Path;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn an_anki_package_goes_into_a_profile_with_its_review_log_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let o = quizdeck(&["--data-dir", data, "profiles", "create", "Anna"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A renamed package is still found to be Anki's by its content.
    let renamed = dir.path().join("from-a-colleague.zip");
    std::fs::copy(fixture("basic-latest.apkg"), &renamed).unwrap();
    let o = quizdeck(&[
        "--data-dir",
        data,
        "import",
        renamed.to_str().unwrap(),
        "--profile",
        "Anna",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("imported \"Baltic history\" (6 cards) for profile Anna; 3 answers"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("1 sounds dropped"), "{}", stderr(&o));
    let decks = dir.path().join("data/profiles/anna/decks/baltic-history");
    assert!(decks.join("media/riga.png").exists());
    let o = quizdeck(&[
        "--data-dir",
        data,
        "import",
        &fixture("basic-legacy.apkg"),
        "--profile",
        "Anna",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("0 answers of the review log added (3 already there)"),
        "{}",
        stdout(&o)
    );
    // Without a destination the command says which ones there are.
    let o = quizdeck(&["--data-dir", data, "import", &fixture("basic-latest.apkg")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--profile NAME"), "{}", stderr(&o));
}

#[test]
fn a_deck_exported_to_anki_reads_back_and_hostile_packages_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("deck");
    let o = quizdeck(&[
        "import",
        &fixture("collection.colpkg"),
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let deck = folder.join("baltic-history.ron");
    let apkg = dir.path().join("out.apkg");
    let o = quizdeck(&[
        "export",
        deck.to_str().unwrap(),
        "--format",
        "apkg",
        "-o",
        apkg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("6 notes, 8 Anki cards, 1 pictures"),
        "{}",
        stderr(&o)
    );
    let back = dir.path().join("back");
    let o = quizdeck(&[
        "import",
        apkg.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(back.join("baltic-history.ron").exists());
    let o = quizdeck(&["export", deck.to_str().unwrap(), "--format", "apkg"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("pass -o FILE.apkg"), "{}", stderr(&o));
    let hostile = dir.path().join("hostile.apkg");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&hostile).unwrap());
    z.start_file(
        "collection.anki21",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut z, b"SQLite format 3\0 and then nothing of the sort").unwrap();
    z.finish().unwrap();
    let o = quizdeck(&[
        "import",
        hostile.to_str().unwrap(),
        "-o",
        dir.path().join("h").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("was refused"), "{}", stderr(&o));
    assert!(!dir.path().join("h").exists(), "nothing was written");
}

#[test]
fn quizlet_text_and_gift_import_by_content_and_gift_exports() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("set.txt");
    std::fs::write(
        &q,
        "Riga - capital of Latvia;Tallinn - capital of Estonia;broken;",
    )
    .unwrap();
    let out = dir.path().join("quizlet.ron");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "import",
            q.to_str().unwrap(),
            "--deck-id",
            "capitals",
            "--title",
            "Capitals",
            "-o",
            out.to_str().unwrap(),
            "--term-sep",
            " - ",
            "--card-sep",
            "semicolon",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| quizdeck(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let o = run(args(&[]));
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("card 3: error: no separator (\" - \")"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing written while a card has a problem");
    let o = run(args(&["--keep-going"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("(2 cards"), "{}", stdout(&o));

    let gift = dir.path().join("moodle.txt");
    std::fs::write(
        &gift,
        "::q1:: Capital of Latvia? {=Riga ~Tartu ~Kaunas}\n\n::q2:: How many? {#3}\n",
    )
    .unwrap();
    let g_out = dir.path().join("gift.ron");
    let o = quizdeck(&[
        "import",
        gift.to_str().unwrap(),
        "--deck-id",
        "g",
        "--title",
        "G",
        "-o",
        g_out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("line 3: error: numerical questions"),
        "{}",
        stderr(&o)
    );
    let o = quizdeck(&["export", "deportations-1940-1949", "--format", "gift"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("$CATEGORY:"));
    assert!(
        stderr(&o).contains("skipped (no GIFT form)"),
        "{}",
        stderr(&o)
    );
}
