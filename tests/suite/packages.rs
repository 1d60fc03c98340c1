//! Deck packages (`.qdeck`) on the command line, run as a real process: `quizdeck pack`,
//! then `quizdeck import FILE.qdeck` into a profile, the class deck folder or a folder;
//! hostile packages refused with the reason (the refusals one by one are tested in
//! `quizdeck_core::package`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn quizdeck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(args)
        .current_dir(dir)
        .env_remove("QUIZDECK_DATA")
        .env_remove("QUIZDECK_DECKS")
        .output()
        .expect("run quizdeck")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A teacher's deck with a picture, in `dir/teacher/`.
fn teacher_deck(dir: &Path) -> PathBuf {
    let src = dir.join("teacher");
    std::fs::create_dir_all(src.join("maps")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon.png"),
        src.join("maps/riga.png"),
    )
    .unwrap();
    std::fs::write(
        src.join("riga.ron"),
        r#"Deck(format: 1, id: "riga", title: "Riga", cards: [
    Card(id: "city", image: "maps/riga.png", kind: Basic(front: "Which city?", back: "Riga")),
])
"#,
    )
    .unwrap();
    src.join("riga.ron")
}

#[test]
fn pack_then_import_into_a_profile_the_class_folder_or_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    teacher_deck(d);
    let o = quizdeck(d, &["pack", "teacher/riga.ron", "-o", "riga.qdeck"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("wrote riga.qdeck (\"Riga\": 1 cards, 1 pictures,"),
        "{}",
        text(&o)
    );

    let profiles = quizdeck::store::Profiles::new(&d.join("data"));
    let info = profiles.create("Anna", chrono::Utc::now()).unwrap();
    let o = quizdeck(
        d,
        &[
            "--data-dir",
            "data",
            "import",
            "riga.qdeck",
            "--profile",
            "Anna",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("imported \"Riga\" (1 cards) for profile Anna"));
    assert!(info.decks_dir().join("riga/maps/riga.png").is_file());

    let o = quizdeck(
        d,
        &["import", "riga.qdeck", "--everyone", "--decks-dir", "class"],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("for everyone on this PC (--decks-dir class)"),
        "{}",
        text(&o)
    );
    let lib = quizdeck::library::Library::load_from(None, &[(d.join("class"), "class".into())]);
    assert!(lib.get(&quizdeck::ids::DeckId::new("riga")).is_some());

    let o = quizdeck(d, &["import", "riga.qdeck", "-o", "unpacked"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(d.join("unpacked/riga.ron").is_file());
    assert!(d.join("unpacked/maps/riga.png").is_file());

    let o = quizdeck(d, &["import", "riga.qdeck"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("say where the package goes"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_hostile_or_broken_package_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("fake.qdeck"), "not a zip").unwrap();
    let o = quizdeck(d, &["import", "fake.qdeck", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("fake.qdeck was refused: it is not a readable .qdeck package"),
        "{}",
        text(&o)
    );
    assert!(!d.join("out").exists());
    // A deck with errors is not packed.
    let deck = teacher_deck(d);
    std::fs::write(
        &deck,
        r#"Deck(format: 1, id: "riga", title: "", cards: [])"#,
    )
    .unwrap();
    let o = quizdeck(d, &["pack", "teacher/riga.ron", "-o", "riga.qdeck"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("nothing was written"), "{}", text(&o));
    assert!(!d.join("riga.qdeck").exists());
}
