//! Reading review logs in the py-fsrs CSV format:
//! `card_id,review_rating,review_time,review_duration` (integer card id, rating 1–4,
//! ISO 8601 / RFC 3339 time, duration in milliseconds).

use super::{Error, Rating, Result};
use chrono::{DateTime, Utc};
use std::io::Read;
use std::path::Path;

/// The header a review log must have.
pub const REVLOG_HEADER: [&str; 4] = ["card_id", "review_rating", "review_time", "review_duration"];

/// One line of a review log.
#[derive(Debug, Clone, PartialEq)]
pub struct RevlogRow {
    /// The card answered.
    pub card_id: i64,
    /// The rating given.
    pub rating: Rating,
    /// When it was answered.
    pub at: DateTime<Utc>,
    /// How long the answer took, in milliseconds.
    pub duration_ms: u32,
}

/// Reads a review log file (see the module documentation).
pub fn read_revlog(path: &Path) -> Result<Vec<RevlogRow>> {
    let (file, _) = crate::input::open_regular(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_revlog(std::io::BufReader::new(file))
}

/// Parses a review log from any reader (see the module documentation).
pub fn parse_revlog(reader: impl Read) -> Result<Vec<RevlogRow>> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let header = csv.headers().map_err(|e| Error::Revlog {
        line: 1,
        reason: e.to_string(),
    })?;
    if header.iter().collect::<Vec<_>>() != REVLOG_HEADER {
        return Err(Error::Revlog {
            line: 1,
            reason: format!(
                "header is {:?}; expected {}",
                header.iter().collect::<Vec<_>>(),
                REVLOG_HEADER.join(",")
            ),
        });
    }
    let mut rows = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| Error::Revlog {
            line: e.position().map_or(0, |p| p.line()),
            reason: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let bad = |reason: String| Error::Revlog { line, reason };
        let field = |i: usize| record.get(i).unwrap_or("");
        let card_id = field(0)
            .parse::<i64>()
            .map_err(|e| bad(format!("card_id {:?}: {e}", field(0))))?;
        let rating = field(1)
            .parse::<u32>()
            .ok()
            .and_then(Rating::from_number)
            .ok_or_else(|| bad(format!("review_rating {:?} is not 1–4", field(1))))?;
        let at = DateTime::parse_from_rfc3339(field(2))
            .map_err(|e| bad(format!("review_time {:?}: {e}", field(2))))?
            .to_utc();
        let duration_ms = if field(3).is_empty() {
            0
        } else {
            field(3)
                .parse::<u32>()
                .map_err(|e| bad(format!("review_duration {:?}: {e}", field(3))))?
        };
        rows.push(RevlogRow {
            card_id,
            rating,
            at,
            duration_ms,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_py_fsrs_format() {
        let text = "card_id,review_rating,review_time,review_duration\n\
                    1711684180217,1,2024-03-29T20:32:32.250000+00:00,25060\n\
                    1711684780667,3,2024-03-29T20:32:39.497000+00:00,\n";
        let rows = parse_revlog(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].card_id, 1_711_684_180_217);
        assert_eq!(rows[0].rating, Rating::Again);
        assert_eq!(rows[0].duration_ms, 25_060);
        assert_eq!(rows[0].at.timestamp_millis(), 1_711_744_352_250);
        assert_eq!(rows[1].duration_ms, 0);
    }

    #[test]
    fn reports_bad_lines() {
        let text =
            "card_id,review_rating,review_time,review_duration\n1,5,2024-03-29T20:32:32Z,1\n";
        let err = parse_revlog(text.as_bytes()).unwrap_err();
        assert!(matches!(err, Error::Revlog { line: 2, .. }), "{err}");
        let err = parse_revlog("a,b\n1,2\n".as_bytes()).unwrap_err();
        assert!(matches!(err, Error::Revlog { line: 1, .. }), "{err}");
        assert!(read_revlog(Path::new("/nonexistent/revlog.csv")).is_err());
    }
}
