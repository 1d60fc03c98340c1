//! After a syntax error, the deck's cards read one at a time: the parser stops at its
//! first error, so without this a teacher fixing a hand-written deck learnt of one
//! unreadable card per `quizdeck check`. Each card is taken from the start of a line whose
//! first word is `Card(` (as [`super::fast::card_boundary`] finds them) up to the next
//! such line, and read alone; the cards that cannot be read are named, each at its own
//! line and column. Only syntax is looked at here: once every card reads, checking again
//! reports what the validator finds.
//!
//! Linear in the text: each card's text is read once, and at most `max` errors are kept
//! (the rest counted), so a file of a hundred thousand broken cards is answered in bounded
//! time and memory.

use super::raw::RawCard;
use serde::Deserialize;

/// One card's text that could not be read on its own.
#[derive(Debug)]
pub(crate) struct CardError<'a> {
    /// The card's text, from the start of its first line (so columns are the file's).
    pub text: &'a str,
    /// How many lines of the file come before the card's text.
    pub lines_before: usize,
    /// Why it could not be read, placed within `text`.
    pub error: ron::error::SpannedError,
}

/// The cards of `text` that cannot be read on their own with `options`, in order, except
/// the one holding line `skip_line` (its error is reported already): at most `max` of
/// them, and the count of the others.
pub(crate) fn card_errors<'a>(
    text: &'a str,
    options: &ron::Options,
    skip_line: usize,
    max: usize,
) -> (Vec<CardError<'a>>, usize) {
    let mut found = Vec::new();
    let mut more = 0;
    let mut starts = card_line_starts(text);
    let Some(mut start) = starts.next() else {
        return (found, more);
    };
    let mut lines_before = count_lines(&text[..start]);
    loop {
        let next = starts.next();
        let card = &text[start..next.unwrap_or(text.len())];
        let lines = count_lines(card);
        let holds_skipped = (lines_before + 1..=lines_before + lines.max(1)).contains(&skip_line);
        if !holds_skipped && let Some(error) = read_error(card, options) {
            if found.len() < max {
                found.push(CardError {
                    text: card,
                    lines_before,
                    error,
                });
            } else {
                more += 1;
            }
        }
        let Some(n) = next else { break };
        lines_before += lines;
        start = n;
    }
    (found, more)
}

/// Where each card's first line starts: the start of every line (after the first) whose
/// first word is `Card(`.
fn card_line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let card = super::fast::card_boundary(text, from)?;
        from = card + 1;
        // Back over the indentation to the line's start.
        let mut line = card;
        while line > 0 && matches!(b[line - 1], b' ' | b'\t') {
            line -= 1;
        }
        Some(line)
    })
}

/// How many line breaks `s` holds.
fn count_lines(s: &str) -> usize {
    memchr::memchr_iter(b'\n', s.as_bytes()).count()
}

/// Why `card` (a card's text, what follows it ignored) cannot be read, if it cannot.
fn read_error(card: &str, options: &ron::Options) -> Option<ron::error::SpannedError> {
    let mut de = match ron::Deserializer::from_str_with_options(card, options) {
        Ok(de) => de,
        Err(e) => return Some(e),
    };
    RawCard::deserialize(&mut de)
        .err()
        .map(|e| de.span_error(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ron::Options {
        ron::Options::default()
    }

    const DECK: &str = r#"Deck(
    id: "d",
    title: "T",
    cards: [
        Card(id: "a", kind: Basic(front: "A", back: "a")),
        Card(id: "b", colour: "red", kind: Basic(front: "B", back: "b")),
        Card(id: "c", kind: Basic(front: "C", back: "c")),
        Card(id: "d", kind: Guess(front: "D", back: "d")),
        Card(id: "e",
             kind: Basic(front: "E" back: "e")),
    ],
)
"#;

    #[test]
    fn every_card_that_cannot_be_read_is_found_at_its_own_line() {
        let (found, more) = card_errors(DECK, &options(), 0, 10);
        assert_eq!(more, 0);
        let at: Vec<(usize, usize)> = found
            .iter()
            .map(|c| {
                (
                    c.lines_before + c.error.span.start.line,
                    c.error.span.start.col,
                )
            })
            .collect();
        // The unknown field, the unknown kind, the missing comma (on the card's second line).
        assert_eq!(at.len(), 3, "{found:#?}");
        assert_eq!(at[0].0, 6);
        assert_eq!(at[1].0, 8);
        assert_eq!(at[2].0, 10);
        // Columns are the file's: the card's text starts at its line's start.
        let line6 = DECK.lines().nth(5).unwrap();
        assert_eq!(at[0].1, line6.find("colour").unwrap() + 1);
    }

    #[test]
    fn the_card_already_reported_is_left_out() {
        let (found, _) = card_errors(DECK, &options(), 9, 10);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|c| c.lines_before + 1 != 9));
    }

    #[test]
    fn errors_past_the_limit_are_counted_not_kept() {
        let (found, more) = card_errors(DECK, &options(), 0, 1);
        assert_eq!((found.len(), more), (1, 2));
    }

    #[test]
    fn a_text_without_card_lines_has_nothing_to_read_again() {
        let one_line = r#"Deck(id: "d", title: "T", cards: [Card(id: "a", x: 1)])"#;
        assert_eq!(card_errors(one_line, &options(), 0, 10).0.len(), 0);
    }
}
