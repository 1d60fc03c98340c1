//! The diagnostics of a deck text the `ron` crate cannot read: the parser's error (or
//! the structural mistake behind it, where it starts), a newer format named instead, and
//! the other cards that cannot be read, each at its own place ([`super::recover`]).

use super::diag::{self, Diagnostic, Severity};
use super::raw::FormatOnly;
use super::{FORMAT_VERSION, diagnostic, format_problem, recover, ron_options, span};
use crate::message::Message;

/// Every diagnostic of a text `ron` could not read: [`ron_diagnostic`]'s, then those of
/// the other cards that cannot be read on their own ([`recover`]), in the file's order,
/// at most [`diag::MAX_DIAGNOSTICS`] and a count of the rest.
pub(super) fn syntax_diagnostics(
    file: &str,
    text: &str,
    e: &ron::error::SpannedError,
) -> Vec<Diagnostic> {
    let first = ron_diagnostic(file, text, e);
    // A deck of a newer format (declared anywhere, even after its cards) is that one
    // problem: its cards may be written in what is new.
    let newer = declared_format(text)
        .filter(|&f| f > u64::from(FORMAT_VERSION))
        .map(|f| u32::try_from(f).unwrap_or(u32::MAX));
    if first.code == "newer-format" {
        return vec![first];
    }
    if let Some(d) = newer.and_then(|f| format_problem(file, text, f)) {
        return vec![d];
    }
    // The parser read every card before the one where it stopped (or where the mistake it
    // stopped at starts).
    let from_line = first.line.min(e.span.start.line);
    let max = diag::MAX_DIAGNOSTICS - 1;
    let known = (first.line, first.column);
    let (cards, more) = recover::card_errors(text, &ron_options(), from_line, known, max);
    let mut out: Vec<Diagnostic> = cards
        .iter()
        .map(|c| {
            let mut e = c.error.clone();
            e.span.start.line += c.lines_before;
            e.span.end.line += c.lines_before;
            let structural = span::structural_problem(c.text).map(|p| p.lines_down(c.lines_before));
            syntax_diagnostic_of(file, &e, structural, c.next_card_line)
        })
        // The mistake already named, found again in its card where it starts.
        .filter(|d| (d.line, d.column) != known)
        .collect();
    out.push(first);
    out.sort_by_key(|d| (d.line, d.column));
    if more > 0 {
        let last = out.last().map_or(1, |d| d.line);
        out.push(diagnostic(
            file,
            Severity::Error,
            "more-problems",
            last,
            1,
            Message::new("check-more-problems")
                .arg("errors", more)
                .arg("warnings", 0)
                .arg("max", diag::MAX_DIAGNOSTICS),
            Some(Message::new("check-more-problems-hint")),
        ));
    }
    out
}

/// The number the deck's `format` field gives, wherever it is, if it has one: read as RON
/// at the deck's level, or else from a line `format: N` (a text that cannot be read may
/// have a string left open before it).
fn declared_format(text: &str) -> Option<u64> {
    span::top_level_number(text, "format").or_else(|| {
        text.lines().find_map(|l| {
            let rest = l.trim_start().strip_prefix("format")?.trim_start();
            let digits = rest.strip_prefix(':')?.trim_start();
            let end = digits
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(digits.len());
            digits[..end].parse().ok()
        })
    })
}

/// The diagnostic of a text `ron` could not read: a format newer than this program reads
/// when the text declares one (its syntax may be what is new), else the syntax error.
fn ron_diagnostic(file: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    ron_options()
        .from_str::<FormatOnly>(text)
        .ok()
        .and_then(|f| format_problem(file, text, f.format))
        .filter(|d| d.code == "newer-format")
        .unwrap_or_else(|| syntax_diagnostic(file, text, e))
}

/// Turns a RON parse error into a diagnostic with a hint on what to do. When the text has
/// a structural mistake (a string or bracket never closed) that starts at or before where
/// the parser gave up, that mistake is reported where it starts instead: it is the real
/// cause, and the parser's complaint is only a consequence.
fn syntax_diagnostic(file: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    syntax_diagnostic_of(file, e, span::structural_problem(text), None)
}

/// [`syntax_diagnostic`] of `e`, given the text's first structural mistake. `card_ends`:
/// the text read was one card's, ending where the next card starts on this line (so a
/// string or bracket still open there is said to run to the card's end, not the file's).
fn syntax_diagnostic_of(
    file: &str,
    e: &ron::error::SpannedError,
    structural: Option<span::Structural>,
    card_ends: Option<usize>,
) -> Diagnostic {
    use ron::error::Error as E;
    let stopped = span::Pos {
        line: e.span.start.line,
        column: e.span.start.col,
    };
    if let Some(problem) = structural.filter(|p| p.pos() <= stopped) {
        return structural_diagnostic(
            file,
            &problem,
            stopped,
            crate::message::ron_error(&e.code),
            card_ends,
        );
    }
    let hint = match &e.code {
        E::NoSuchStructField { .. } => Message::new("deck-syntax-unknown-field-hint"),
        E::MissingStructField { field, .. } => {
            Message::new("deck-syntax-missing-field-hint").arg("field", field.to_string())
        }
        E::NoSuchEnumVariant { .. } => Message::new("deck-syntax-unknown-kind-hint"),
        E::DuplicateStructField { field, .. } => {
            Message::new("deck-syntax-duplicate-field-hint").arg("field", field.to_string())
        }
        E::ExceededRecursionLimit => {
            Message::new("deck-syntax-too-deep-hint").arg("max", span::MAX_DEPTH)
        }
        E::ExpectedString | E::ExpectedStringEnd => Message::new("deck-syntax-string-hint"),
        E::Eof => Message::new("deck-syntax-eof-hint"),
        E::TrailingCharacters => Message::new("deck-syntax-trailing-hint"),
        _ => Message::new("deck-guide-hint"),
    };
    let code = match e.code {
        E::NoSuchStructField { .. } => "unknown-field",
        E::MissingStructField { .. } => "missing-field",
        E::NoSuchEnumVariant { .. } => "unknown-kind",
        E::ExceededRecursionLimit => "too-deep",
        _ => "syntax",
    };
    diagnostic(
        file,
        Severity::Error,
        code,
        e.span.start.line,
        e.span.start.col,
        Message::new("deck-syntax").arg("error", crate::message::ron_error(&e.code)),
        Some(hint),
    )
}

/// The diagnostic of a structural mistake (see [`span::structural_problem`]); `stopped` and
/// `parser` say where and why the parser gave up, for the message.
fn structural_diagnostic(
    file: &str,
    problem: &span::Structural,
    stopped: span::Pos,
    parser: Message,
    card_ends: Option<usize>,
) -> Diagnostic {
    use span::Structural as S;
    // Places are written as they are (no thousands separator in line 1234).
    let at = |m: Message, p: span::Pos| {
        m.arg("line", p.line.to_string())
            .arg("column", p.column.to_string())
    };
    // Where the text read ends: the next card's line, or the file's end.
    let next_card = card_ends.map(|l| l.to_string());
    let (code, message, hint) = match problem {
        S::UnterminatedString { closed: None, .. } if next_card.is_some() => (
            "unterminated-string",
            Message::new("deck-string-unclosed-card").arg("line", next_card.unwrap_or_default()),
            Message::new("deck-string-unclosed-eof-hint"),
        ),
        S::Unclosed {
            open, found: None, ..
        } if next_card.is_some() => (
            "unclosed",
            Message::new("deck-unclosed-card")
                .arg("open", open.to_string())
                .arg("line", next_card.unwrap_or_default()),
            Message::new("deck-unclosed-hint").arg("close", closing(*open).to_string()),
        ),
        S::UnterminatedString { closed: None, .. } => (
            "unterminated-string",
            Message::new("deck-string-unclosed-eof"),
            Message::new("deck-string-unclosed-eof-hint"),
        ),
        S::UnterminatedString {
            closed: Some(end), ..
        } => (
            "unterminated-string",
            at(Message::new("deck-string-unclosed"), *end),
            Message::new("deck-string-unclosed-hint"),
        ),
        S::Unclosed {
            open, found: None, ..
        } => (
            "unclosed",
            Message::new("deck-unclosed-eof").arg("open", open.to_string()),
            Message::new("deck-unclosed-hint").arg("close", closing(*open).to_string()),
        ),
        S::Unclosed {
            open,
            found: Some((c, p)),
            ..
        } => (
            "unclosed",
            at(
                Message::new("deck-unclosed")
                    .arg("open", open.to_string())
                    .arg("found", c.to_string()),
                *p,
            ),
            Message::new("deck-unclosed-hint").arg("close", closing(*open).to_string()),
        ),
        S::Unopened { close, .. } => (
            "unopened",
            Message::new("deck-unopened").arg("close", close.to_string()),
            Message::new("deck-unopened-hint").arg("open", opening(*close).to_string()),
        ),
    };
    let pos = problem.pos();
    diagnostic(
        file,
        Severity::Error,
        code,
        pos.line,
        pos.column,
        at(
            Message::new("deck-structural")
                .arg("message", message)
                .arg("error", parser),
            stopped,
        ),
        Some(Message::new("deck-structural-hint").arg("hint", hint)),
    )
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn opening(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}
