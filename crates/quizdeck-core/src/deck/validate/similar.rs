//! The similar-question check: questions whose folded text or set of words repeat warn.

use super::*;
use hashbrown::HashTable;

/// What the similar-question check compares of a question: its folded text, and its
/// sorted set of words, each as a 128-bit hash (a deck of 400,000 cards kept two strings
/// a card for this; two different keys share a hash with a chance of about 10⁻²⁷).
#[derive(Clone, Copy)]
pub(super) struct SimilarKey {
    text: u128,
    words: u128,
}

impl SimilarKey {
    /// The key of a card's question; `None` for Order and Match prompts (their content is
    /// in the items) and for questions without words.
    pub(super) fn of(kind: &CardKind) -> Option<SimilarKey> {
        let text = match kind {
            CardKind::Order { .. } | CardKind::Match { .. } => return None,
            CardKind::Locate { prompt, answer, .. } => fold(&format!("{prompt} {}", answer.name)),
            CardKind::Cloze(c) => fold(&c.text),
            CardKind::Basic { front: q, .. }
            | CardKind::TypeIn { question: q, .. }
            | CardKind::MultipleChoice { question: q, .. }
            | CardKind::TrueFalse { statement: q, .. } => fold(q),
        };
        if text.is_empty() {
            return None;
        }
        let mut words: Vec<&str> = text.split(' ').collect();
        words.sort_unstable();
        words.dedup();
        // The words as `join(" ")` would write them, without writing them.
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                h.update(b" ");
            }
            h.update(w.as_bytes());
        }
        Some(SimilarKey {
            text: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
            words: h.digest128(),
        })
    }
}

/// The similar-question check over the runs' keys (`Run::keys`), in card order: a question
/// whose folded text or set of words repeats an earlier card's warns. The tables hold where
/// each first question is (its run, its place in the run's keys), 9 bytes a slot: maps of
/// the hashes took 33 (17 MB for a deck of 236,000 cards, while its text and cards were
/// held too).
pub(super) fn check_similar(runs: &[Run], issues: &mut Issues) {
    let count = runs.iter().map(|r| r.keys.len()).sum();
    let mut by_text: HashTable<(u32, u32)> = HashTable::with_capacity(count);
    let mut by_words: HashTable<(u32, u32)> = HashTable::with_capacity(count);
    let key_at = |(r, k): (u32, u32)| &runs[r as usize].keys[k as usize];
    // The keys are 128-bit hashes already: their low half is the table's hash.
    let (text_hash, words_hash) = (
        |k: &SimilarKey| k.text as u64,
        |k: &SimilarKey| k.words as u64,
    );
    for (r, run) in runs.iter().enumerate() {
        for (k, (n, key)) in run.keys.iter().enumerate() {
            let earlier = (by_text.find(text_hash(key), |&at| key_at(at).1.text == key.text))
                .or_else(|| by_words.find(words_hash(key), |&at| key_at(at).1.words == key.words));
            if let Some(&at) = earlier {
                let first = runs[at.0 as usize].first + key_at(at).0 as usize;
                let issue = issues.push(
                    Severity::Warning,
                    "similar-question",
                    Place(run.first + *n as usize).card(),
                    Message::new("check-similar-question").arg("card", first + 1),
                    Message::new("check-similar-question-hint"),
                );
                issue.related = Some(format!("cards[{first}]"));
            } else {
                let at = (r as u32, k as u32);
                by_text.insert_unique(text_hash(key), at, |&a| text_hash(&key_at(a).1));
                by_words.insert_unique(words_hash(key), at, |&a| words_hash(&key_at(a).1));
            }
        }
    }
}
