//! Hostile inputs at full size (1–10 MB), one per path that was once quadratic or
//! unbounded: repeated distractors, thousands of broken or similar cards rendered as
//! diagnostics, spreadsheets whose questions all make the same id, a spreadsheet with
//! 100,000 distractor columns, and a 10 MB deck full of errors written as JSON. Then the
//! size-scaled worst cases of every fuzz target (`quizdeck::fuzzing::size_scaled`:
//! pictures, settings, progress files, packages, review logs, exam and result files,
//! journals) at 1 MiB, each through its fuzz harness (read, check, round trip); the
//! 10 MiB ones once each, with their peak memory (below). Last, the inputs that were over
//! the target at 10 MiB through the product's own path (`hostile_full_size`).
//!
//! Peak memory of one input in a fresh process: `QD_RSS=<target> cargo bench --bench
//! hostile` prints the peak RSS (`VmHWM`) of each of that target's 10 MiB inputs, run one
//! per process.
//!
//! Figures and the times before the fixes: `docs/reliability.md` (Hostile input at full
//! size). Run briefly: `cargo bench --bench hostile -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, Throughput, criterion_group};
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

/// Every fuzz target's size-scaled worst cases, through its harness.
fn fuzz_targets(c: &mut Criterion) {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let work = scratch.path().join("work");
    let mut g = c.benchmark_group("hostile_files");
    g.sample_size(10);
    for target in quizdeck::fuzzing::TARGETS {
        for size in [1usize << 20] {
            for (name, data) in quizdeck::fuzzing::size_scaled(target, size) {
                g.throughput(Throughput::Bytes(data.len() as u64));
                g.bench_function(format!("{target}/{name}"), |b| {
                    b.iter(|| quizdeck::fuzzing::run(target, black_box(&data), &work))
                });
            }
        }
    }
    g.finish();
}

/// The worst cases that were over the target at 10 MiB (2 s, 300 MB), through the
/// product's own path rather than a fuzz harness: `check` of a deck (checked, then its
/// diagnostics rendered), `import` of a spreadsheet, and an exam's result file read,
/// merged, scored and resumed. `QD_FULL=<MiB>` picks another size (default 10).
fn full_size(c: &mut Criterion) {
    let mib: usize = std::env::var("QD_FULL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let size = mib << 20;
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let work = scratch.path().join("work");
    let mut g = c.benchmark_group("hostile_full_size");
    g.sample_size(10);
    let pick = |target: &str, name: &str| {
        quizdeck::fuzzing::size_scaled(target, size)
            .into_iter()
            .find(|(n, _)| n.starts_with(name))
            .map(|(_, data)| data)
            .expect("a size-scaled input of that name")
    };
    for name in [
        "deck-broken-cards",
        "deck-similar-questions",
        "deck-many-answers",
    ] {
        let text = String::from_utf8(pick("deck_check", name)).expect("UTF-8");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("check/{name}-{mib}MiB"), |b| {
            b.iter(|| {
                let c = deck::check_text(black_box(&text), "d.ron", None);
                c.render().len()
            })
        });
    }
    // Decks just under the 64 MiB cap (`deck::MAX_FILE_BYTES`; the size-scaled inputs at
    // 64 MiB are a few bytes over it and refused unread): the three worst cases, and a
    // valid deck of about 800,000 small cards.
    let cap = 63 << 20;
    let mut valid = deck_text(0, |_| String::new());
    valid.truncate(valid.rfind("])").expect("the deck's end"));
    let mut i = 0;
    while valid.len() < cap - 200 {
        valid.push_str(&format!(
            "Card(id: \"c{i}\", source: Ref(doc: \"s\"), kind: Basic(front: \"Question {i}\", back: \"Answer {i}\")),\n"
        ));
        i += 1;
    }
    valid.push_str("])\n");
    let mut at_cap: Vec<(String, String)> = [
        "deck-broken-cards",
        "deck-similar-questions",
        "deck-many-answers",
    ]
    .iter()
    .map(|name| {
        let data = quizdeck::fuzzing::size_scaled("deck_check", cap)
            .into_iter()
            .find(|(n, _)| n.starts_with(name))
            .map(|(_, data)| data)
            .expect("a size-scaled input of that name");
        (name.to_string(), String::from_utf8(data).expect("UTF-8"))
    })
    .collect();
    // The same broken cards with one raw string, which only `ron` reads: `ron` reads
    // the whole file, handing the cards over one by one.
    let ron_only = at_cap[0]
        .1
        .replacen(r#"title: "Big""#, r##"title: r#"Big"#"##, 1);
    at_cap.push(("deck-broken-cards-ron-only".into(), ron_only));
    at_cap.push(("deck-valid-small-cards".into(), valid));
    for (name, text) in &at_cap {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("check/{name}-63MiB"), |b| {
            b.iter(|| {
                let c = deck::check_text(black_box(text), "d.ron", None);
                c.render().len()
            })
        });
    }
    drop(at_cap);
    for name in ["csv-colliding-ids", "csv-many-columns"] {
        // The first byte is the harness's options.
        let data = pick("csv_import", name);
        let text = String::from_utf8_lossy(&data[1..]).into_owned();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("import/{name}-{mib}MiB"), |b| {
            b.iter(|| import_csv_text(black_box(&text), Path::new("s.csv"), None, &opts()).is_ok())
        });
    }
    let data = pick("exam_files", "results-long");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function(format!("results/results-long-{mib}MiB"), |b| {
        b.iter(|| quizdeck::fuzzing::run("exam_files", black_box(&data), &work))
    });
    g.finish();
}

/// This process's peak resident memory in KiB (Linux), 0 elsewhere.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

criterion_group!(benches, decks, spreadsheets, fuzz_targets, full_size);

fn main() {
    // `QD_RSS=<target>`: each 10 MiB input of the target in a child process of its own,
    // printing its peak RSS (`QD_RSS_INPUT` names the input inside the child).
    if let Ok(target) = std::env::var("QD_RSS") {
        let scratch = tempfile::tempdir().expect("a scratch folder");
        let inputs = quizdeck::fuzzing::size_scaled(&target, 10 << 20);
        match std::env::var("QD_RSS_INPUT") {
            Ok(wanted) => {
                let before = peak_rss_kib();
                for (name, data) in inputs.iter().filter(|(n, _)| *n == wanted) {
                    let t = std::time::Instant::now();
                    quizdeck::fuzzing::run(&target, data, &scratch.path().join("w"));
                    println!(
                        "{target}/{name}: {} bytes, {:.2} s, peak RSS {} MiB (inputs generated: {} MiB)",
                        data.len(),
                        t.elapsed().as_secs_f64(),
                        peak_rss_kib() / 1024,
                        before / 1024
                    );
                }
            }
            Err(_) => {
                let me = std::env::current_exe().expect("the bench binary");
                for (name, _) in &inputs {
                    let status = std::process::Command::new(&me)
                        .env("QD_RSS_INPUT", name)
                        .status()
                        .expect("a child process");
                    assert!(status.success(), "{name}");
                }
            }
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
