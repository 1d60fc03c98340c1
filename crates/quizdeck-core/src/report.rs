//! Progress reports: per deck, what a student has seen, mastered and retained, and how long
//! they studied, from the stored states and the review history; written as CSV.

use crate::ids::ItemKey;
use crate::library::{Library, MASTERED_STABILITY_DAYS};
use crate::schedule::StateLookup;
use crate::schedule::{Phase, Rating, ReviewEntry};
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

/// Days looked back for [`DeckReport::retention_30d`].
pub(crate) const RETENTION_DAYS: i64 = 30;

/// One deck's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckReport {
    /// The deck's id.
    pub deck_id: String,
    /// The deck's title.
    pub title: String,
    /// Study items in the deck.
    pub items: usize,
    /// Items answered at least once.
    pub seen: usize,
    /// Items with stability ≥ 21 days.
    pub mastered: usize,
    /// Review answers (items in the review phase) in the last 30 days.
    pub reviews_30d: usize,
    /// Share of those answers not rated Again, 0–1; `None` without reviews.
    pub(crate) retention_30d: Option<f64>,
    /// Time spent answering, over the whole history, in seconds.
    pub time_studied_secs: u64,
}

/// Per deck of `library`, in library order: items seen and mastered (from `states`),
/// retention over the last [`RETENTION_DAYS`] days before `now` and time studied (from
/// `history`).
pub fn progress_report(
    library: &Library,
    states: &impl StateLookup,
    history: &[ReviewEntry],
    now: DateTime<Utc>,
) -> Vec<DeckReport> {
    let since = now - Duration::days(RETENTION_DAYS);
    let mut reviews: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut time_ms: HashMap<&str, u64> = HashMap::new();
    let mut answered: HashSet<&ItemKey> = HashSet::new();
    for e in history {
        let deck = e.key.deck.as_str();
        *time_ms.entry(deck).or_default() += u64::from(e.duration_ms);
        answered.insert(&e.key);
        if e.phase == Phase::Review && e.at >= since && e.at <= now {
            let r = reviews.entry(deck).or_default();
            r.0 += 1;
            if e.rating != Rating::Again {
                r.1 += 1;
            }
        }
    }
    library
        .decks
        .iter()
        .map(|ld| {
            let d = &ld.deck;
            let items = d.items();
            let mut seen = 0;
            let mut mastered = 0;
            for k in &items {
                let st = states.state(k);
                if st.is_some_and(|s| s.reps > 0 || s.last_review.is_some()) || answered.contains(k)
                {
                    seen += 1;
                }
                if st
                    .and_then(|s| s.memory)
                    .is_some_and(|m| m.stability_days >= MASTERED_STABILITY_DAYS)
                {
                    mastered += 1;
                }
            }
            let (n, kept) = reviews.get(d.id.as_str()).copied().unwrap_or((0, 0));
            DeckReport {
                deck_id: d.id.to_string(),
                title: d.title.clone(),
                items: items.len(),
                seen,
                mastered,
                reviews_30d: n,
                retention_30d: (n > 0).then(|| kept as f64 / n as f64),
                time_studied_secs: time_ms.get(d.id.as_str()).copied().unwrap_or(0) / 1000,
            }
        })
        .collect()
}

/// The columns of a report row after the optional `student` column.
const COLUMNS: [&str; 8] = [
    "deck_id",
    "title",
    "items",
    "seen",
    "mastered",
    "reviews_30d",
    "retention_30d_percent",
    "time_studied_secs",
];

/// The reports as CSV: `deck_id,title,items,seen,mastered,reviews_30d,retention_30d_percent,
/// time_studied_secs` (retention empty without reviews).
pub fn to_csv(reports: &[DeckReport]) -> String {
    write_csv(false, reports.iter().map(|r| ("", r)))
}

/// Several students' reports in one CSV, one row per student and deck: a `student` column
/// (the profile's name) before the columns of [`to_csv`].
pub fn to_csv_by_student(students: &[(String, Vec<DeckReport>)]) -> String {
    write_csv(
        true,
        students
            .iter()
            .flat_map(|(name, reports)| reports.iter().map(move |r| (name.as_str(), r))),
    )
}

fn write_csv<'a>(
    with_student: bool,
    reports: impl Iterator<Item = (&'a str, &'a DeckReport)>,
) -> String {
    let header = with_student.then_some("student").into_iter().chain(COLUMNS);
    let mut rows: Vec<Vec<String>> = vec![header.map(String::from).collect()];
    for (student, r) in reports {
        let fields = [
            r.deck_id.clone(),
            r.title.clone(),
            r.items.to_string(),
            r.seen.to_string(),
            r.mastered.to_string(),
            r.reviews_30d.to_string(),
            r.retention_30d
                .map(|x| format!("{:.1}", 100.0 * x))
                .unwrap_or_default(),
            r.time_studied_secs.to_string(),
        ];
        let student = with_student.then(|| student.to_owned());
        rows.push(student.into_iter().chain(fields).collect());
    }
    // The shared writer: UTF-8 with a byte-order mark, formula cells neutralised.
    crate::csv_out::write(&rows, crate::csv_out::CsvOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck;
    use crate::library::{DeckOrigin, LibraryDeck};
    use crate::schedule::ItemState;
    use crate::schedule::Memory;
    use std::collections::HashMap;

    const DECK: &str = r#"Deck(format: 1, id: "mini", title: "Mini", cards: [
        Card(id: "a", kind: Basic(front: "F", back: "B", reverse: true)),
        Card(id: "b", kind: TypeIn(question: "Q", answers: ["A"])),
    ])"#;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn report_counts_seen_mastered_retention_and_time() {
        let d = deck::load_str(DECK, "mini.ron", None).unwrap();
        let lib = Library {
            decks: vec![LibraryDeck::new(d, DeckOrigin::Bundled)],
            broken: vec![],
            notes: vec![],
        };
        let now = t("2026-03-31T12:00:00Z");
        let key = ItemKey::new("mini", "a", 0);
        let mut st = ItemState::new(now);
        st.reps = 3;
        st.last_review = Some(now);
        st.memory = Some(Memory {
            stability_days: 25.0,
            difficulty: 5.0,
        });
        let states = HashMap::from([(key.clone(), st)]);
        let entry = |at: &str, rating, phase| ReviewEntry {
            key: key.clone(),
            rating,
            at: t(at),
            duration_ms: 10_000,
            phase,
        };
        let history = vec![
            entry("2026-01-01T10:00:00Z", Rating::Good, Phase::New),
            entry("2026-01-10T10:00:00Z", Rating::Again, Phase::Review),
            entry("2026-03-20T10:00:00Z", Rating::Good, Phase::Review),
            entry("2026-03-25T10:00:00Z", Rating::Again, Phase::Review),
            entry("2026-03-30T10:00:00Z", Rating::Easy, Phase::Review),
            entry("2026-03-30T11:00:00Z", Rating::Good, Phase::Learning),
        ];
        let r = progress_report(&lib, &states, &history, now);
        assert_eq!(r.len(), 1);
        let r = &r[0];
        assert_eq!((r.items, r.seen, r.mastered, r.reviews_30d), (3, 1, 1, 3));
        assert!((r.retention_30d.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.time_studied_secs, 60);
        let csv = to_csv(std::slice::from_ref(r));
        assert_eq!(csv.lines().nth(1).unwrap(), "mini,Mini,3,1,1,3,66.7,60");
        let all = to_csv_by_student(&[
            ("Jūlija".to_owned(), vec![r.clone()]),
            ("Ann, B.".to_owned(), vec![r.clone(), r.clone()]),
        ]);
        let lines: Vec<&str> = all.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("\u{feff}student,deck_id,title,"));
        assert_eq!(lines[1], "Jūlija,mini,Mini,3,1,1,3,66.7,60");
        assert_eq!(lines[3], "\"Ann, B.\",mini,Mini,3,1,1,3,66.7,60");
    }
}
