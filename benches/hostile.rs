//! Hostile inputs at full size (1–10 MB), one per path that was once quadratic or
//! unbounded: repeated distractors, thousands of broken or similar cards rendered as
//! diagnostics, spreadsheets whose questions all make the same id, a spreadsheet with
//! 100,000 distractor columns, and a 10 MB deck full of errors written as JSON.
//!
//! Figures and the times before the fixes: `docs/reliability.md` (Hostile input at full
//! size). Run briefly: `cargo bench --bench hostile -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quizdeck::deck;
use quizdeck::import_export::{ImportOptions, import_csv_text};
use std::hint::black_box;
use std::path::Path;

/// A deck file of `cards` written out by `card(i)` (the RON of one card).
fn deck_text(cards: usize, card: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "Deck(format: 1, id: \"hostile\", title: \"Hostile\", sources: {\"s\": Source(title: \"S\")}, cards: [\n",
    );
    for i in 0..cards {
        text.push_str(&card(i));
        text.push_str(",\n");
    }
    text.push_str("])\n");
    text
}

/// One multiple-choice card with `n` distractors, each written twice (every second one a
/// repeat of the one before: `n / 2` duplicate errors).
fn many_distractors(n: usize) -> String {
    let list: Vec<String> = (0..n).map(|i| format!("\"option {}\"", i / 2)).collect();
    deck_text(1, |_| {
        format!(
            "Card(id: \"mc\", source: Ref(doc: \"s\"), kind: MultipleChoice(question: \"Which?\", answer: \"right\", distractors: [{}]))",
            list.join(", ")
        )
    })
}

fn opts() -> ImportOptions {
    ImportOptions {
        deck_id: "sheet".into(),
        title: "Sheet".into(),
        keep_going: false,
    }
}

fn decks(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile_deck");
    g.sample_size(10);

    // 100,000 distractors, half of them repeats: `validate::duplicates` compared every
    // pair (19.7 s for an 889 KB deck in `list`).
    let text = many_distractors(100_000);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("check_100k_repeated_distractors", |b| {
        b.iter(|| {
            let c = deck::check_text(black_box(&text), "d.ron", None);
            assert!(c.has_errors());
            c.diagnostics.len()
        })
    });

    // 30,000 broken cards (an empty answer each), checked and rendered: every diagnostic
    // searched the text for its line (44 s for 1.3 MB).
    let text = deck_text(30_000, |i| {
        format!(
            "Card(id: \"c{i}\", source: Ref(doc: \"s\"), kind: Basic(front: \"Question number {i} about the treaty?\", back: \"\"))"
        )
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("check_render_30k_broken_cards", |b| {
        b.iter(|| {
            let c = deck::check_text(black_box(&text), "d.ron", None);
            c.render().len()
        })
    });

    // 30,000 cards asking the same question: a similar-question warning each (15 s).
    let text = deck_text(30_000, |i| {
        format!(
            "Card(id: \"c{i}\", source: Ref(doc: \"s\"), kind: Basic(front: \"When was the pact signed?\", back: \"1939\"))"
        )
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("check_render_30k_similar_questions", |b| {
        b.iter(|| {
            let c = deck::check_text(black_box(&text), "d.ron", None);
            c.render().len()
        })
    });

    // A 10 MB deck where every card has an error, as `check --json` writes it.
    let text = deck_text(220_000, |i| {
        format!(
            "Card(id: \"c{i}\", source: Ref(doc: \"s\"), kind: TypeIn(question: \"Question {i}?\", answers: [\"\"]))"
        )
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("check_json_10mb_all_errors", |b| {
        b.iter(|| {
            let c = deck::check_text(black_box(&text), "d.ron", None);
            let mut out = Vec::new();
            serde_json::to_writer_pretty(&mut out, &c.diagnostics).unwrap();
            out.len()
        })
    });
    g.finish();
}

fn spreadsheets(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile_csv");
    g.sample_size(10);

    // 20,000 questions in Cyrillic: every slug is `card`, so the ids are card, card-2, …
    // (each id was found by trying every earlier number: 19 s).
    let words = ["Какой", "Когда", "Где", "Кто", "Зачем", "Почему", "Сколько"];
    let mut text = String::from("question,answer\n");
    for i in 0..20_000 {
        let q: Vec<&str> = (0..6).map(|k| words[(i / 7usize.pow(k)) % 7]).collect();
        text.push_str(&format!("{} год?,ответ {i}\n", q.join(" ")));
    }
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("import_20k_colliding_slugs", |b| {
        b.iter(|| {
            let out = import_csv_text(black_box(&text), Path::new("s.csv"), None, &opts());
            out.expect("imports").deck.cards.len()
        })
    });

    // 100,000 distractor columns (2.2 MB): 18 s.
    let n = 100_000;
    let mut text = String::from("question,answer");
    for k in 1..=n {
        text.push_str(&format!(",distractor{k}"));
    }
    text.push_str("\nWhich one?,right");
    for k in 1..=n {
        text.push_str(&format!(",wrong {k}"));
    }
    text.push('\n');
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("import_100k_distractor_columns", |b| {
        b.iter(|| {
            let out = import_csv_text(black_box(&text), Path::new("s.csv"), None, &opts());
            out.expect("imports").deck.cards.len()
        })
    });
    g.finish();
}

criterion_group!(benches, decks, spreadsheets);
criterion_main!(benches);
