//! The one CSV writer of quizdeck (class results, deck export, progress reports): UTF-8
//! with a byte-order mark by default (so spreadsheet programs read "Bērziņa" right), and
//! every cell that a spreadsheet would take for a formula (beginning with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) neutralised with a leading `'`. [`restore_cell`]
//! undoes that on import, so export → import round-trips.

/// How CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Begin with a UTF-8 byte-order mark.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions { bom: true }
    }
}

/// The byte-order mark written first.
pub(crate) const BOM: &str = "\u{feff}";

fn risky(first: char) -> bool {
    matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Whether a cell gets a `'` in front: it begins with a formula character, possibly
/// after quotes of its own (so that a cell that really begins with `'=` reads back too).
fn needs_prefix(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(risky)
}

/// A cell as written: prefixed with `'` when a spreadsheet would read it as a formula.
pub(crate) fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_prefix(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read back: the `'` that [`neutralise`] added is removed.
pub(crate) fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

/// Rows as CSV text (RFC 4180 quoting, `\n` line ends), cells neutralised.
pub fn write(rows: &[Vec<String>], opts: CsvOptions) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<std::borrow::Cow<'_, str>> = row.iter().map(|c| neutralise(c)).collect();
        // Writing to memory cannot fail.
        let _ = w.write_record(cells.iter().map(|c| c.as_bytes()));
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    if opts.bom {
        format!("{BOM}{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=x",
            "''+y",
        ] {
            let n = neutralise(cell);
            assert!(n.starts_with('\''), "{cell:?}");
            assert_eq!(restore_cell(&n), cell);
        }
        for cell in ["Bērziņa", "'quoted", "", "1939"] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore_cell(cell), cell);
        }
        let text = write(
            &[vec!["name".into()], vec!["=1+1".into()]],
            CsvOptions::default(),
        );
        assert_eq!(text, "\u{feff}name\n'=1+1\n");
        let plain = write(&[vec!["a,b".into()]], CsvOptions { bom: false });
        assert_eq!(plain, "\"a,b\"\n");
    }
}
