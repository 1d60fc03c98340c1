//! Browsing every study item of a profile: a searchable, filterable, sortable index built
//! when data changes (never per frame), for the browse screen.

use crate::answer::normalize_for_search;
use crate::deck::CardKind;
use crate::ids::{DeckId, ItemKey};
use crate::library::Library;
use crate::schedule::StateLookup;
use crate::schedule::{ItemState, Phase, day};
use crate::text::Text;
use chrono::{DateTime, FixedOffset, Utc};

/// Where an item stands, as the browse filters name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Never answered.
    New,
    /// In learning or relearning steps.
    Learning,
    /// A review due by the end of today.
    Due,
    /// A review due later.
    Review,
    /// Suspended by the student (and not a leech).
    Suspended,
    /// Marked a leech (usually suspended too).
    Leech,
}

impl Status {
    /// Every status, in menu order.
    pub const ALL: [Status; 6] = [
        Status::New,
        Status::Learning,
        Status::Due,
        Status::Review,
        Status::Suspended,
        Status::Leech,
    ];

    /// The status of a stored state (None = new). `day_end` is the end of today.
    pub(crate) fn of(state: Option<&ItemState>, day_end: DateTime<Utc>) -> Status {
        match state {
            None => Status::New,
            Some(s) if s.leech => Status::Leech,
            Some(s) if s.suspended => Status::Suspended,
            Some(s) => match s.phase {
                Phase::New => Status::New,
                Phase::Learning | Phase::Relearning => Status::Learning,
                Phase::Review if s.due < day_end => Status::Due,
                Phase::Review => Status::Review,
            },
        }
    }
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Deck order.
    #[default]
    Deck,
    /// Soonest due first (new items last).
    Due,
    /// Hardest first (FSRS difficulty).
    Difficulty,
    /// Most lapses first.
    Lapses,
}

impl SortBy {
    /// Every order, in menu order.
    pub const ALL: [SortBy; 4] = [
        SortBy::Deck,
        SortBy::Due,
        SortBy::Difficulty,
        SortBy::Lapses,
    ];
}

/// One study item in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The item.
    pub key: ItemKey,
    /// Its deck's title.
    pub deck_title: String,
    /// What the student reads first.
    pub text: String,
    /// The card's tags.
    pub tags: Box<[Text]>,
    /// Where it stands.
    pub status: Status,
    /// When it is due (None for new items).
    pub due: Option<DateTime<Utc>>,
    /// FSRS difficulty, 1–10 (None before the first answer).
    pub difficulty: Option<f32>,
    /// Times forgotten after graduating.
    pub lapses: u32,
    /// Answers given.
    pub reps: u32,
    /// Folded text for accent-insensitive search (question, answers, tags).
    search: String,
}

/// The filters and order of the browse screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Words to find (accent- and case-insensitive; every word must appear).
    pub text: String,
    /// Only this deck.
    pub deck: Option<DeckId>,
    /// Only cards with this tag.
    pub tag: Option<String>,
    /// Only items with this status.
    pub status: Option<Status>,
    /// The order.
    pub sort: SortBy,
}

/// Every study item of a library with its progress.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The rows, in deck order.
    pub rows: Vec<Row>,
}

fn answers_text(kind: &CardKind, part: u32) -> String {
    match kind {
        // The reversed item (part 1) asks the back and answers with the front.
        CardKind::Basic { front, .. } if part == 1 => front.to_string(),
        CardKind::Basic { back, .. } => back.to_string(),
        CardKind::Cloze(c) => c.answers(part).join(" "),
        CardKind::TypeIn { answers, .. } => answers.join(" "),
        CardKind::MultipleChoice {
            answer,
            also_correct,
            ..
        } => format!("{answer} {}", also_correct.join(" ")),
        CardKind::TrueFalse { correction, .. } => correction.to_string(),
        CardKind::Order { items, .. } => items.join(" "),
        CardKind::Match { pairs, .. } => pairs
            .iter()
            .map(|(l, r)| format!("{l} {r}"))
            .collect::<Vec<_>>()
            .join(" "),
        CardKind::Locate { answer, .. } => answer.name.clone(),
    }
}

impl Index {
    /// Builds the index over every item of `library`. O(items); call when data changes.
    pub fn build(
        library: &Library,
        states: &impl StateLookup,
        now: DateTime<Utc>,
        offset: FixedOffset,
        cutoff_hour: u32,
    ) -> Index {
        let day_end = day::day_start(
            day::day_index(now, offset, cutoff_hour) + 1,
            offset,
            cutoff_hour,
        );
        let mut rows = Vec::new();
        for d in &library.decks {
            for card in &d.deck.cards {
                for part in card.parts() {
                    let key = ItemKey::new(d.deck.id.clone(), card.id.clone(), part);
                    let state = states.state(&key);
                    let text = card.kind.item_text(part);
                    let search = normalize_for_search(&format!(
                        "{text} {} {}",
                        answers_text(&card.kind, part),
                        card.tags.join(" ")
                    ));
                    rows.push(Row {
                        status: Status::of(state, day_end),
                        due: state.filter(|s| s.phase != Phase::New).map(|s| s.due),
                        difficulty: state.and_then(|s| s.memory).map(|m| m.difficulty),
                        lapses: state.map_or(0, |s| s.lapses),
                        reps: state.map_or(0, |s| s.reps),
                        deck_title: d.deck.title.clone(),
                        tags: card.tags.clone(),
                        key,
                        text,
                        search,
                    });
                }
            }
        }
        Index { rows }
    }

    /// Indices of the rows matching `q`, in its order.
    pub fn select(&self, q: &Query) -> Vec<usize> {
        let words: Vec<String> = normalize_for_search(&q.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let mut out: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                q.deck.as_ref().is_none_or(|d| &r.key.deck == d)
                    && q.tag.as_ref().is_none_or(|t| r.tags.iter().any(|x| x == t))
                    && q.status.is_none_or(|s| r.status == s)
                    && words.iter().all(|w| r.search.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        let rows = &self.rows;
        match q.sort {
            SortBy::Deck => {}
            SortBy::Due => out.sort_by_key(|&i| (rows[i].due.is_none(), rows[i].due)),
            SortBy::Difficulty => out.sort_by(|&a, &b| {
                let d = |i: usize| rows[i].difficulty.unwrap_or(-1.0);
                d(b).total_cmp(&d(a))
            }),
            SortBy::Lapses => out.sort_by_key(|&i| std::cmp::Reverse(rows[i].lapses)),
        }
        out
    }

    /// Every tag used, sorted.
    pub fn tags(&self) -> Vec<String> {
        let mut t: Vec<String> = self
            .rows
            .iter()
            .flat_map(|r| r.tags.iter().map(String::from))
            .collect();
        t.sort();
        t.dedup();
        t
    }

    /// Refreshes one row's progress after its state changed (suspend, reset…).
    pub fn update(&mut self, key: &ItemKey, state: Option<&ItemState>, day_end: DateTime<Utc>) {
        for r in self.rows.iter_mut().filter(|r| &r.key == key) {
            r.status = Status::of(state, day_end);
            r.due = state.filter(|s| s.phase != Phase::New).map(|s| s.due);
            r.difficulty = state.and_then(|s| s.memory).map(|m| m.difficulty);
            r.lapses = state.map_or(0, |s| s.lapses);
            r.reps = state.map_or(0, |s| s.reps);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ItemState;
    use crate::schedule::Memory;
    use std::collections::HashMap;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn library() -> Library {
        let d = crate::deck::load_str(
            r#"Deck(format: 1, id: "b", title: "B", cards: [
                Card(id: "ulmanis", tags: ["leaders"], kind: TypeIn(question: "Who led Latvia?", answers: ["Kārlis Ulmanis"])),
                Card(id: "pats", tags: ["leaders"], kind: TypeIn(question: "Who led Estonia?", answers: ["Konstantin Päts"])),
                Card(id: "riga", tags: ["places"], kind: Basic(front: "Capital of Latvia", back: "Riga", reverse: true)),
            ])"#,
            "b.ron",
            None,
        )
        .unwrap();
        Library {
            decks: vec![crate::library::LibraryDeck::new(
                d,
                crate::library::DeckOrigin::Bundled,
            )],
            broken: vec![],
            notes: vec![],
        }
    }

    #[test]
    fn search_is_accent_insensitive_and_filters_combine() {
        let now = t("2026-03-02T09:00:00Z");
        let utc = FixedOffset::east_opt(0).unwrap();
        let mut states = HashMap::new();
        let mut s = ItemState::new(now);
        s.phase = Phase::Review;
        s.due = t("2026-03-02T12:00:00Z");
        s.lapses = 3;
        s.memory = Some(Memory {
            stability_days: 5.0,
            difficulty: 8.0,
        });
        states.insert(ItemKey::new("b", "pats", 0), s.clone());
        let mut leech = s.clone();
        leech.leech = true;
        leech.suspended = true;
        leech.lapses = 8;
        states.insert(ItemKey::new("b", "riga", 1), leech);
        let idx = Index::build(&library(), &states, now, utc, 4);
        assert_eq!(idx.rows.len(), 4);
        let find = |q: Query| -> Vec<String> {
            idx.select(&q)
                .into_iter()
                .map(|i| idx.rows[i].key.to_string())
                .collect()
        };
        assert_eq!(
            find(Query {
                text: "pats".into(),
                ..Query::default()
            }),
            vec!["b/pats#0"]
        );
        assert_eq!(
            find(Query {
                text: "KARLIS".into(),
                ..Query::default()
            }),
            vec!["b/ulmanis#0"]
        );
        // Both items of a reversed card are found by either side (the reversed one asks
        // the back and answers with the front).
        for side in ["capital", "riga"] {
            let mut found = find(Query {
                text: side.into(),
                ..Query::default()
            });
            found.sort();
            assert_eq!(found, vec!["b/riga#0", "b/riga#1"], "{side}");
        }
        assert_eq!(
            find(Query {
                tag: Some("leaders".into()),
                status: Some(Status::Due),
                ..Query::default()
            }),
            vec!["b/pats#0"]
        );
        assert_eq!(
            find(Query {
                status: Some(Status::Leech),
                ..Query::default()
            }),
            vec!["b/riga#1"]
        );
        assert_eq!(
            find(Query {
                sort: SortBy::Lapses,
                ..Query::default()
            })[..2],
            ["b/riga#1".to_owned(), "b/pats#0".to_owned()]
        );
        assert_eq!(idx.tags(), vec!["leaders", "places"]);
    }
}
