//! Diagnostics: problems found in a deck, with their place and a hint, rendered like a
//! compiler's messages for people or as JSON for tools.

use crate::message::Message;
use serde::Serialize;
use std::fmt::Write as _;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The deck is usable but something looks wrong.
    Warning,
    /// The deck cannot be used until this is fixed.
    Error,
}

/// The words a rendering of diagnostics uses: English for the command line, the
/// interface's language in the window.
pub struct Wording<'a> {
    /// The word for an error.
    pub error: &'a str,
    /// The word for a warning.
    pub warning: &'a str,
    /// The word before a hint.
    pub help: &'a str,
    /// How a message is worded.
    pub message: &'a dyn Fn(&Message) -> String,
}

/// The English wording of the command line.
pub(crate) const ENGLISH: Wording<'static> = Wording {
    error: "error",
    warning: "warning",
    help: "help",
    message: &Message::english,
};

/// One problem in a deck file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short stable name for the kind of problem, e.g. `duplicate-id`.
    pub code: &'static str,
    /// The file (as given by the caller).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong (written in English by `Display` and in JSON).
    pub message: Message,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// True for errors.
    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line: `file:line:col: error[code]: message`.
    pub fn one_line(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.file,
            self.line,
            self.column,
            self.severity_word(),
            self.code,
            self.message
        )
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    #[cfg(test)]
    /// A compiler-style block: the message, the place, the source line with a caret under
    /// the column, and the hint. `source` is the file's text, if at hand. This scans the
    /// text for the line; to render many diagnostics of one file, build a [`LineIndex`]
    /// once and use [`Diagnostic::render_worded`].
    pub(crate) fn render(&self, source: Option<&str>) -> String {
        self.render_line(
            source.and_then(|s| s.lines().nth(self.line.saturating_sub(1))),
            &ENGLISH,
        )
    }

    /// [`Diagnostic::render`] with the file's lines found through `index` (O(1) per
    /// diagnostic), in the words of `w` (the interface's language).
    pub(crate) fn render_worded(&self, index: &LineIndex<'_>, w: &Wording<'_>) -> String {
        self.render_line(index.line(self.line), w)
    }

    /// Renders with `line_text`, the text of the diagnostic's line, if at hand.
    fn render_line(&self, line_text: Option<&str>, w: &Wording<'_>) -> String {
        let word = match self.severity {
            Severity::Error => w.error,
            Severity::Warning => w.warning,
        };
        let mut out = format!("{word}[{}]: {}\n", self.code, (w.message)(&self.message));
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(out, "{pad}--> {}:{}:{}", self.file, self.line, self.column);
        if let Some(text) = line_text {
            let shown: String = text.chars().take(160).collect();
            let caret_at = self.column.saturating_sub(1).min(shown.chars().count());
            let lead: String = shown
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {shown}");
            let _ = writeln!(out, "{pad} | {lead}^");
        }
        if let Some(h) = &self.hint {
            let _ = writeln!(out, "{pad} = {}: {}", w.help, (w.message)(h));
        }
        out
    }
}

/// Where each line of a text starts, so that rendering many diagnostics of one file costs
/// one pass over the text instead of one per diagnostic.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (one pass).
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The text of 1-based line `line`, without its line ending (as [`str::lines`] gives
    /// it); `None` past the end.
    pub(crate) fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start == self.text.len() {
            // An empty text, or past a final newline: no further line.
            return None;
        }
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let l = &self.text[start..end];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

/// The most diagnostics kept for one file: the first ones, then a count of the rest. A
/// file with a million broken cards is answered in bounded time and memory.
pub(crate) const MAX_DIAGNOSTICS: usize = 1_000;

/// Counts errors and warnings in a list: those not shown included, as the list's
/// `more-problems` entry counts them (a file of 3,000 broken cards has 3,000 errors, not
/// the 1,000 shown and one more).
pub fn tally(diags: &[Diagnostic]) -> (usize, usize) {
    diags.iter().fold((0, 0), |(e, w), d| match d.left_out() {
        Some((le, lw)) => (e + le, w + lw),
        None if d.is_error() => (e + 1, w),
        None => (e, w + 1),
    })
}

impl Diagnostic {
    /// The errors and warnings a `more-problems` entry stands for (not shown).
    fn left_out(&self) -> Option<(usize, usize)> {
        if self.code != "more-problems" {
            return None;
        }
        let count = |name: &str| {
            self.message.args.iter().find_map(|(n, a)| match a {
                crate::message::Arg::Int(i) if *n == name => usize::try_from(*i).ok(),
                _ => None,
            })
        };
        Some((count("errors")?, count("warnings")?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: "duplicate-id",
            file: "d.ron".into(),
            line: 2,
            column: 5,
            message: Message::new("check-duplicate-id").arg("id", "a"),
            hint: Some(Message::new("check-duplicate-id-hint")),
        }
    }

    #[test]
    fn renders_with_caret_and_hint() {
        let text = "Deck(\n    Card(id: \"a\")\n)";
        let r = sample().render(Some(text));
        assert!(r.starts_with("error[duplicate-id]: the card id \"a\" is used twice\n"));
        assert!(r.contains(" --> d.ron:2:5\n"));
        assert!(r.contains("2 |     Card(id: \"a\")\n"));
        assert!(r.contains("  |     ^\n"));
        assert!(r.contains("= help: give each card its own id"));
    }

    #[test]
    fn the_line_index_gives_the_lines_that_lines_gives() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\n\n",
            "x\n\ny\n",
            "é\r\nü",
        ] {
            let index = LineIndex::new(text);
            let lines: Vec<&str> = text.lines().collect();
            for n in 0..lines.len() + 3 {
                let want = n.checked_sub(1).and_then(|i| lines.get(i).copied());
                assert_eq!(index.line(n), want, "{text:?} line {n}");
            }
        }
        let text = "Deck(\n    Card(id: \"a\")\n)";
        assert_eq!(
            sample().render_worded(&LineIndex::new(text), &ENGLISH),
            sample().render(Some(text))
        );
    }

    #[test]
    fn one_line_and_tally() {
        let d = sample();
        assert_eq!(
            d.one_line(),
            "d.ron:2:5: error[duplicate-id]: the card id \"a\" is used twice"
        );
        let mut w = d.clone();
        w.severity = Severity::Warning;
        assert_eq!(tally(&[d.clone(), w]), (1, 1));
        // What a "more-problems" entry counts, not the entry.
        let more = Diagnostic {
            code: "more-problems",
            message: Message::new("check-more-problems")
                .arg("errors", 5usize)
                .arg("warnings", 2usize)
                .arg("max", MAX_DIAGNOSTICS),
            ..d.clone()
        };
        assert_eq!(tally(&[d, more]), (6, 2));
    }
}
