//! Hostile deck files: each refused with a clear message, quickly and with bounded memory.

use quizdeck::deck;

#[test]
fn a_one_gigabyte_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    // A sparse file: 1 GiB on paper, nothing on disk. Reading it would take seconds and a
    // gigabyte of memory; the size check refuses it first.
    std::fs::File::create(&p)
        .unwrap()
        .set_len(1024 * 1024 * 1024)
        .unwrap();
    let c = deck::check_file(&p);
    assert_eq!(c.diagnostics.len(), 1);
    assert_eq!(c.diagnostics[0].code, "too-large");
    assert!(
        c.diagnostics[0].message.contains("1024 MiB"),
        "{}",
        c.diagnostics[0].message
    );
    assert!(c.text.is_empty(), "nothing was read");
}

#[cfg(unix)]
#[test]
fn a_picture_symlinked_out_of_the_deck_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("secret.png");
    std::fs::write(&outside, b"not really a png").unwrap();
    let deck_dir = dir.path().join("deck");
    std::fs::create_dir(&deck_dir).unwrap();
    std::os::unix::fs::symlink(&outside, deck_dir.join("map.png")).unwrap();
    let p = deck_dir.join("d.ron");
    std::fs::write(
        &p,
        r#"Deck(format: 1, id: "d", title: "D", cards: [
            Card(id: "a", image: "map.png", kind: Basic(front: "F", back: "B")),
        ])"#,
    )
    .unwrap();
    let c = deck::check_file(&p);
    assert!(c.has_errors());
    let d = &c.diagnostics[0];
    assert_eq!((d.code, d.line), ("bad-image-path", 2));
    assert!(
        d.message.contains("leads outside the deck's folder"),
        "{}",
        d.message
    );
}

#[test]
fn deep_nesting_anywhere_is_refused_with_a_message() {
    for text in [
        format!(
            "Deck(format: 1, id: \"d\", title: \"T\", cards: {}",
            "[".repeat(100_000)
        ),
        format!("{}{}", "(".repeat(100_000), ")".repeat(100_000)),
    ] {
        let c = deck::check_text(&text, "deep.ron", None);
        assert!(c.has_errors());
        assert!(!c.render().is_empty());
    }
}
