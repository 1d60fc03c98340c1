//! After a syntax error, the deck's cards read one at a time: the parser stops at its
//! first error, so without this a teacher fixing a hand-written deck learnt of one
//! unreadable card per `quizdeck check`. Each card is taken from the start of a line whose
//! first word is `Card(` up to the next such line, and read alone; the cards that cannot
//! be read are named, each at its own line and column. Only syntax is looked at here:
//! once every card reads, checking again reports what the validator finds.
//!
//! A `Card(` line inside a `/* … */` comment (cards put aside) does not start a card, nor
//! does one inside a string, unless the string was left open on an earlier card's line:
//! a quote forgotten is a likelier mistake than a text with a line starting `Card(`.
//! Cards before the one where the parser stopped were read by it and are not read again.
//!
//! Linear in the text: one pass finds the cards, each card's text is read once, and at most
//! `max` errors are kept (the rest counted), so a file of a hundred thousand broken cards
//! is answered in bounded time and memory.

use super::raw::RawCard;
use serde::Deserialize;

/// One card's text that could not be read on its own.
#[derive(Debug)]
pub(crate) struct CardError<'a> {
    /// The card's text, from the start of its first line (so columns are the file's).
    pub text: &'a str,
    /// How many lines of the file come before the card's text.
    pub lines_before: usize,
    /// The line where the next card starts (`None` for the last card): the card's text
    /// ends there, not the file.
    pub next_card_line: Option<usize>,
    /// Why it could not be read, placed within `text`.
    pub error: ron::error::SpannedError,
}

/// The cards of `text` that cannot be read on their own with `options`, in order, from the
/// card holding line `from_line` (the parser read the cards before it), except an error at
/// `known` (line, column: the one reported already): at most `max` of them, and the count
/// of the others.
pub(crate) fn card_errors<'a>(
    text: &'a str,
    options: &ron::Options,
    from_line: usize,
    known: (usize, usize),
    max: usize,
) -> (Vec<CardError<'a>>, usize) {
    let mut found = Vec::new();
    let mut more = 0;
    let starts = card_line_starts(text);
    let Some(&first) = starts.first() else {
        return (found, more);
    };
    let mut lines_before = count_lines(&text[..first]);
    for (i, &start) in starts.iter().enumerate() {
        let next = starts.get(i + 1).copied();
        let card = &text[start..next.unwrap_or(text.len())];
        let lines = count_lines(card);
        // The card's last line (the text's last line may have no line break).
        let last_line = lines_before + lines + usize::from(!card.ends_with('\n'));
        if last_line >= from_line
            && let Some(error) = read_error(card, options)
            && (lines_before + error.span.start.line, error.span.start.col) != known
        {
            if found.len() < max {
                found.push(CardError {
                    text: card,
                    lines_before,
                    next_card_line: next.map(|_| lines_before + lines + 1),
                    error,
                });
            } else {
                more += 1;
            }
        }
        lines_before += lines;
    }
    (found, more)
}

/// Where each card's first line starts: the start of every line whose first word is
/// `Card(` (or `Card (`), outside a block comment (see the module's notes on strings).
fn card_line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = Vec::new();
    let mut comment_depth = 0usize;
    let mut in_string = false;
    let mut line_start = 0;
    while line_start < b.len() {
        let line_end = memchr::memchr(b'\n', &b[line_start..]).map_or(b.len(), |n| line_start + n);
        let line = &b[line_start..line_end];
        let first_word = line.trim_ascii_start();
        if comment_depth == 0
            && (first_word.starts_with(b"Card(") || first_word.starts_with(b"Card ("))
        {
            in_string = false;
            starts.push(line_start);
        }
        let mut i = 0;
        while i < line.len() {
            let two = line.get(i..i + 2);
            if comment_depth > 0 {
                if two == Some(b"*/") {
                    comment_depth -= 1;
                    i += 1;
                } else if two == Some(b"/*") {
                    comment_depth += 1;
                    i += 1;
                }
            } else if in_string {
                match line[i] {
                    b'\\' => i += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if two == Some(b"//") {
                break;
            } else if two == Some(b"/*") {
                comment_depth += 1;
                i += 1;
            } else if line[i] == b'"' {
                in_string = true;
            }
            i += 1;
        }
        line_start = line_end + 1;
    }
    starts
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

    /// Each error's line and column in the file.
    fn places(found: &[CardError<'_>]) -> Vec<(usize, usize)> {
        found
            .iter()
            .map(|c| {
                (
                    c.lines_before + c.error.span.start.line,
                    c.error.span.start.col,
                )
            })
            .collect()
    }

    #[test]
    fn every_card_that_cannot_be_read_is_found_at_its_own_line() {
        let (found, more) = card_errors(DECK, &options(), 0, (0, 0), 10);
        assert_eq!(more, 0);
        let at = places(&found);
        // The unknown field, the unknown kind, the missing comma (on the card's second line).
        assert_eq!(
            at.iter().map(|p| p.0).collect::<Vec<_>>(),
            [6, 8, 10],
            "{found:#?}"
        );
        // Columns are the file's: the card's text starts at its line's start.
        let line6 = DECK.lines().nth(5).unwrap();
        assert_eq!(at[0].1, line6.find("colour").unwrap() + 1);
        // Each card's text ends where the next card starts; the last one's at the end.
        assert_eq!(found[0].next_card_line, Some(7));
        assert_eq!(found[2].next_card_line, None);
    }

    #[test]
    fn cards_before_the_one_where_the_parser_stopped_are_not_read_again() {
        // From line 8: card d's line.
        let (found, _) = card_errors(DECK, &options(), 8, (0, 0), 10);
        assert_eq!(
            places(&found).iter().map(|p| p.0).collect::<Vec<_>>(),
            [8, 10]
        );
        // The last card, on the file's last line without a line break, is still read.
        let text = DECK.trim_end().trim_end_matches(|c| c != '\n');
        let text =
            format!("{text}        Card(id: \"z\", kind: Guess(front: \"Z\", back: \"z\"))])");
        let last = text.lines().count();
        let (found, _) = card_errors(&text, &options(), last, (0, 0), 10);
        assert_eq!(places(&found), [(last, 29)]);
    }

    #[test]
    fn the_error_reported_already_is_left_out() {
        let (found, _) = card_errors(DECK, &options(), 0, (8, 29), 10);
        assert_eq!(places(&found), [(6, 23), (10, 37)]);
    }

    #[test]
    fn errors_past_the_limit_are_counted_not_kept() {
        let (found, more) = card_errors(DECK, &options(), 0, (0, 0), 1);
        assert_eq!((found.len(), more), (1, 2));
    }

    #[test]
    fn a_text_without_card_lines_has_nothing_to_read_again() {
        let one_line = r#"Deck(id: "d", title: "T", cards: [Card(id: "a", x: 1)])"#;
        assert_eq!(card_errors(one_line, &options(), 0, (0, 0), 10).0.len(), 0);
    }

    #[test]
    fn cards_in_a_comment_are_not_read_and_a_quote_left_open_ends_at_the_next_card() {
        let text = r#"Deck(
    id: "d",
    title: "T",
    cards: [
        Card(id: "a", colour: "red", kind: Basic(front: "A", back: "a")),
        /* put aside: /* nested */
        Card(id: "old", kind: Guess(front: "X", back: "x")),
        */ // Card(id: "never", kind: Guess(front: "X", back: "x")),
        Card(id: "b", kind: Basic(front: "B", back: "b)),
        Card(id: "c", kind: Basic(front: "C", back: "c")),
        Card(id: "d", kind: Basic(front: "/* not a comment", back: "d")),
        Card(id: "e", kind: Guess(front: "E", back: "e")),
    ],
)
"#;
        let (found, _) = card_errors(text, &options(), 0, (0, 0), 10);
        // Card a's field, card b's string (card c is read as a card of its own), card e's
        // kind: nothing from the comment, and a comment's mark inside a string is text.
        assert_eq!(
            places(&found).iter().map(|p| p.0).collect::<Vec<_>>(),
            [5, 9, 12],
            "{found:#?}"
        );
    }
}
