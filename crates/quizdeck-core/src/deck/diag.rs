//! Diagnostics: problems found in a deck, with their place and a hint, rendered like a
//! compiler's messages for people or as JSON for tools.

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
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// True for errors.
    pub fn is_error(&self) -> bool {
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

    /// A compiler-style block: the message, the place, the source line with a caret under
    /// the column, and the hint. `source` is the file's text, if at hand.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = format!(
            "{}[{}]: {}\n",
            self.severity_word(),
            self.code,
            self.message
        );
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(out, "{pad}--> {}:{}:{}", self.file, self.line, self.column);
        if let Some(text) = source.and_then(|s| s.lines().nth(self.line.saturating_sub(1))) {
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
            let _ = writeln!(out, "{pad} = help: {h}");
        }
        out
    }
}

/// Counts errors and warnings in a list.
pub fn tally(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
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
            message: "card id \"a\" is used twice".into(),
            hint: Some("give each card its own id".into()),
        }
    }

    #[test]
    fn renders_with_caret_and_hint() {
        let text = "Deck(\n    Card(id: \"a\")\n)";
        let r = sample().render(Some(text));
        assert!(r.starts_with("error[duplicate-id]: card id \"a\" is used twice\n"));
        assert!(r.contains(" --> d.ron:2:5\n"));
        assert!(r.contains("2 |     Card(id: \"a\")\n"));
        assert!(r.contains("  |     ^\n"));
        assert!(r.contains("= help: give each card its own id"));
    }

    #[test]
    fn one_line_and_tally() {
        let d = sample();
        assert_eq!(
            d.one_line(),
            "d.ron:2:5: error[duplicate-id]: card id \"a\" is used twice"
        );
        let mut w = d.clone();
        w.severity = Severity::Warning;
        assert_eq!(tally(&[d, w]), (1, 1));
    }
}
