//! The similar-question check: questions whose folded text or set of words repeat warn.

use super::*;

/// What the similar-question check compares of a question: its folded text, and its
/// sorted set of words.
pub(super) struct SimilarKey {
    text: String,
    words: String,
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
        let words = words.join(" ");
        Some(SimilarKey { text, words })
    }
}

/// The similar-question check: questions seen so far, by folded text and by their sorted
/// set of words.
#[derive(Default)]
pub(super) struct Similar {
    by_text: FxHashMap<String, usize>,
    by_words: FxHashMap<String, usize>,
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
