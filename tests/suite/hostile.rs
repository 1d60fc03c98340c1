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

#[test]
fn a_ten_megabyte_single_string_is_refused_quickly_with_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "ā".repeat(5 * 1024 * 1024); // 10 MiB of UTF-8 in one string
    let started = std::time::Instant::now();
    for (field, card) in [
        (
            "cards[0].kind.front",
            format!(r#"Card(id: "a", kind: Basic(front: "{huge}", back: "B"))"#),
        ),
        (
            "cards[0].note",
            format!(r#"Card(id: "a", note: "{huge}", kind: Basic(front: "F", back: "B"))"#),
        ),
        (
            "cards[0].kind.text",
            format!(r#"Card(id: "a", kind: Cloze(text: "{{{{c1::x}}}} {huge}"))"#),
        ),
    ] {
        let p = dir.path().join("huge-string.ron");
        std::fs::write(
            &p,
            format!(r#"Deck(format: 1, id: "d", title: "T", cards: [{card}])"#),
        )
        .unwrap();
        let c = deck::check_file(&p);
        assert!(c.has_errors(), "{field}");
        let d = &c.diagnostics[0];
        assert_eq!(d.code, "too-long-text", "{field}: {}", d.message);
        assert_eq!(d.line, 1, "{field}");
        assert!(
            d.message.contains("10240 KiB") && d.message.contains("limit is 64 KiB"),
            "{}",
            d.message
        );
        // The message quotes the line, cut short: a screenful, not ten megabytes.
        let shown = c.render();
        assert!(
            shown.len() < 2_000,
            "{field}: {} bytes of message",
            shown.len()
        );
        // Importing it into a profile is refused the same way.
        let err = quizdeck::library::import_deck(&p, &dir.path().join("decks")).unwrap_err();
        assert!(
            matches!(err, quizdeck::library::LibraryError::Invalid(_)),
            "{err}"
        );
    }
    // Generous: only catches a pathological slowdown (it takes well under a second).
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    // Just under the limit is fine.
    let text = format!(
        r#"Deck(format: 1, id: "d", title: "T", cards: [Card(id: "a", kind: Basic(front: "{}", back: "B"))])"#,
        "x".repeat(deck::MAX_TEXT_BYTES)
    );
    assert!(!deck::check_text(&text, "ok.ron", None).has_errors());
}

#[test]
fn a_hundred_thousand_unreadable_cards_are_counted_past_the_first_thousand() {
    // 10 MB of cards, each with an unknown field: one check names the first thousand and
    // counts the rest, in bounded time and memory (each card's text read once).
    let card = r#"        Card(id: "c", shade: "grey", kind: Basic(front: "Front of the card", back: "Back of the card")),"#;
    let mut text = String::from(
        "Deck(\n    format: 1,\n    id: \"big\",\n    title: \"Big\",\n    cards: [\n",
    );
    for _ in 0..100_000 {
        text.push_str(card);
        text.push('\n');
    }
    text.push_str("    ],\n)\n");
    assert!(text.len() > 10_000_000);
    let c = deck::check_text(&text, "big.ron", None);
    // The most kept for one file (`deck::diag::MAX_DIAGNOSTICS`), then the count.
    assert_eq!(c.diagnostics.len(), 1_001);
    assert!(
        c.diagnostics[..1_000]
            .iter()
            .all(|d| d.code == "unknown-field")
    );
    assert_eq!(c.diagnostics[1].line, 7);
    let last = c.diagnostics.last().unwrap();
    assert_eq!(last.code, "more-problems");
    assert_eq!(deck::diag::tally(&c.diagnostics), (100_000, 0));
    assert!(
        last.message
            .to_string()
            .starts_with("99000 more errors and 0 more warnings"),
        "{}",
        last.message
    );
}

#[test]
fn a_card_left_open_is_said_to_end_at_the_next_card_and_a_newer_format_is_one_problem() {
    let deck = |cards: &str, tail: &str| {
        format!(
            "Deck(\n    id: \"o\",\n    title: \"Open\",\n    cards: [\n{cards}    ],\n{tail})\n"
        )
    };
    let good = "        Card(id: \"g\", kind: Basic(front: \"G\", back: \"g\")),\n";
    let cards = format!(
        "{good}        Card(id: \"a\", colour: 1, kind: Basic(front: \"A\", back: \"a\")),\n        Card(id: \"b\", kind: Basic(front: \"B\", back: \"b),\n{good}        Card(id: \"c\", kind: Basic(front: \"C\", back: \"c\"),\n{good}"
    );
    let c = deck::check_text(&deck(&cards, "    format: 1,\n"), "o.ron", None);
    let shown: Vec<(usize, &str, String)> = (c.diagnostics.iter())
        .map(|d| (d.line, d.code, d.message.to_string()))
        .collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert_eq!((shown[0].0, shown[0].1), (6, "unknown-field"));
    // Card b's string and card c's bracket run to the next card, not to the file's end.
    assert_eq!((shown[1].0, shown[1].1), (7, "unterminated-string"));
    assert!(
        shown[1]
            .2
            .contains("the card ends inside it (the next card starts at line 8)"),
        "{}",
        shown[1].2
    );
    assert_eq!((shown[2].0, shown[2].1), (9, "unclosed"));
    assert!(
        shown[2]
            .2
            .contains("the card ends first (the next card starts at line 10)"),
        "{}",
        shown[2].2
    );
    // A format newer than this program, declared after the cards: that alone.
    let c = deck::check_text(&deck(&cards, "    format: 9,\n"), "o.ron", None);
    assert_eq!(c.diagnostics.len(), 1);
    assert_eq!(c.diagnostics[0].code, "newer-format");
    assert!(c.diagnostics[0].message.to_string().contains("format 9"));
}
