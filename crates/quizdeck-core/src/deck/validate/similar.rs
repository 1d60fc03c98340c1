//! The similar-question check: questions whose folded text or set of words repeat warn.

use super::*;

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

/// The similar-question check: questions seen so far, by folded text and by their sorted
/// set of words.
#[derive(Default)]
pub(super) struct Similar {
    by_text: FxHashMap<u128, usize>,
    by_words: FxHashMap<u128, usize>,
}

impl Similar {
    /// Warns when card `i`'s question reads the same as an earlier card's (same words,
    /// ignoring case, accents, punctuation and word order).
    pub(super) fn check(&mut self, key: SimilarKey, i: usize, issues: &mut Issues) {
        let earlier = (self.by_text.get(&key.text)).or_else(|| self.by_words.get(&key.words));
        if let Some(&first) = earlier {
            let issue = issues.push(
                Severity::Warning,
                "similar-question",
                Place(i).card(),
                Message::new("check-similar-question").arg("card", first + 1),
                Message::new("check-similar-question-hint"),
            );
            issue.related = Some(format!("cards[{first}]"));
        } else {
            self.by_text.insert(key.text, i);
            self.by_words.insert(key.words, i);
        }
    }
}
