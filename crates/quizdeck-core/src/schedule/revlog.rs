//! Reading review logs in the py-fsrs CSV format:
//! `card_id,review_rating,review_time,review_duration` (integer card id, rating 1–4,
//! ISO 8601 / RFC 3339 time, duration in milliseconds), and turning one into review
//! history a profile can keep ([`history_from_revlog`]), so `optimize` fits a student's
//! parameters from the reviews they already have.

use super::day::day_index;
use super::{Error, Phase, Rating, Result, ReviewEntry};
use crate::ids::{DeckId, ItemKey};
use chrono::{DateTime, FixedOffset, Utc};
use std::io::Read;
use std::path::Path;

/// Most lines read from one review log (two million: decades of heavy Anki use); a
/// longer file is refused rather than filling the memory.
pub(crate) const MAX_REVLOG_ROWS: usize = 2_000_000;

/// Largest review log file read (256 MiB), checked before reading.
pub(crate) const MAX_REVLOG_BYTES: u64 = 256 << 20;

/// The header a review log must have.
pub(crate) const REVLOG_HEADER: [&str; 4] =
    ["card_id", "review_rating", "review_time", "review_duration"];

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
    let meta = file.metadata().map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    if !meta.is_file() {
        return Err(Error::Revlog {
            line: 0,
            reason: "not a regular file".to_owned(),
        });
    }
    let size = meta.len();
    if size > MAX_REVLOG_BYTES {
        return Err(Error::Revlog {
            line: 0,
            reason: format!(
                "the file is {} MiB; review logs are read up to {} MiB",
                size >> 20,
                MAX_REVLOG_BYTES >> 20
            ),
        });
    }
    // `take` also bounds what is read from a special file that reports no size.
    parse_revlog(std::io::BufReader::new(file.take(MAX_REVLOG_BYTES)))
}

/// Parses a review log from any reader (see the module documentation).
pub(crate) fn parse_revlog(reader: impl Read) -> Result<Vec<RevlogRow>> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let header = csv.headers().map_err(|e| Error::Revlog {
        line: 1,
        reason: e.to_string(),
    })?;
    if header.iter().collect::<Vec<_>>() != REVLOG_HEADER {
        let shown: String = header.iter().collect::<Vec<_>>().join(",");
        let mut shown: String = shown.chars().take(80).collect();
        if header.as_slice().len() > shown.len() {
            shown.push('…');
        }
        return Err(Error::Revlog {
            line: 1,
            reason: format!(
                "the first line is {shown:?}; expected {}",
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
        if rows.len() >= MAX_REVLOG_ROWS {
            return Err(bad(format!(
                "more than {MAX_REVLOG_ROWS} reviews; split the file"
            )));
        }
        rows.push(RevlogRow {
            card_id,
            rating,
            at,
            duration_ms,
        });
    }
    Ok(rows)
}

/// The review history of a review log, for [`crate::store::Store::import_bundle`]: each
/// log card becomes item `c<card id>` (`cn<id>` for a negative id) of deck `deck`, a deck
/// no library has, so the answers feed `optimize` and the statistics without touching
/// any deck's progress. The phase before each answer is `New` for a card's first answer,
/// `Learning` for another answer on the same study day (day cut-off `cutoff_hour` at the
/// local `offset`) and `Review` otherwise.
///
/// Refuses a log with an answer after `now` (a wrong clock or time zone would otherwise
/// eat into today's limits), naming the first such line (lines counted from the header
/// as line 1, in file order).
pub fn history_from_revlog(
    rows: &[RevlogRow],
    deck: &DeckId,
    now: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
) -> Result<Vec<ReviewEntry>> {
    if let Some(i) = rows.iter().position(|r| r.at > now) {
        return Err(Error::Revlog {
            line: i as u64 + 2,
            reason: format!(
                "review_time {} is in the future (now {now}); check the file's time zone",
                rows[i].at.to_rfc3339()
            ),
        });
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| (rows[i].card_id, rows[i].at));
    let mut out = Vec::with_capacity(rows.len());
    let mut previous: Option<(i64, i64)> = None;
    for i in order {
        let r = &rows[i];
        let day = day_index(r.at, offset, cutoff_hour);
        let phase = match previous {
            Some((card, last_day)) if card == r.card_id => {
                if day > last_day {
                    Phase::Review
                } else {
                    Phase::Learning
                }
            }
            _ => Phase::New,
        };
        previous = Some((r.card_id, day));
        let card = if r.card_id < 0 {
            format!("cn{}", r.card_id.unsigned_abs())
        } else {
            format!("c{}", r.card_id)
        };
        out.push(ReviewEntry {
            key: ItemKey::new(deck.clone(), card, 0),
            rating: r.rating,
            at: r.at,
            duration_ms: r.duration_ms,
            phase,
        });
    }
    out.sort_by_key(|e| e.at);
    Ok(out)
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
    fn history_keys_phases_and_future_answers() {
        let text = "card_id,review_rating,review_time,review_duration\n\
                    7,3,2024-03-02T10:00:00+00:00,1000\n\
                    -5,1,2024-03-01T10:00:00+00:00,2000\n\
                    7,3,2024-03-01T10:00:00+00:00,\n\
                    7,2,2024-03-01T10:10:00+00:00,500\n";
        let rows = parse_revlog(text.as_bytes()).unwrap();
        let deck = DeckId::new("my-anki");
        let now = DateTime::parse_from_rfc3339("2024-04-01T00:00:00Z")
            .unwrap()
            .to_utc();
        let utc = FixedOffset::east_opt(0).unwrap();
        let h = history_from_revlog(&rows, &deck, now, utc, 4).unwrap();
        let seen: Vec<(String, Phase, Rating)> = h
            .iter()
            .map(|e| (e.key.to_string(), e.phase, e.rating))
            .collect();
        assert_eq!(h.len(), 4);
        assert!(h.windows(2).all(|w| w[0].at <= w[1].at), "time order");
        let of = |card: &str| -> Vec<(Phase, Rating)> {
            seen.iter()
                .filter(|(k, _, _)| k.contains(card))
                .map(|(_, p, r)| (*p, *r))
                .collect()
        };
        assert_eq!(
            of("/c7"),
            [
                (Phase::New, Rating::Good),
                (Phase::Learning, Rating::Hard),
                (Phase::Review, Rating::Good)
            ],
            "{seen:?}"
        );
        assert_eq!(of("/cn5"), [(Phase::New, Rating::Again)], "{seen:?}");
        for e in &h {
            assert!(crate::ids::check_id(e.key.card.as_str()).is_ok());
            assert_eq!(e.key.deck, deck);
        }
        // An answer after now is refused, naming its line.
        let early = DateTime::parse_from_rfc3339("2024-03-01T12:00:00Z")
            .unwrap()
            .to_utc();
        let err = history_from_revlog(&rows, &deck, early, utc, 4).unwrap_err();
        assert!(matches!(err, Error::Revlog { line: 2, .. }), "{err}");
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
        // A special file is refused before reading, and a wrong header is shown cut.
        let err = read_revlog(Path::new("/dev/zero")).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let long = format!("{}\n1,3,2024-01-01T00:00:00Z,1\n", "x".repeat(10_000));
        let err = parse_revlog(long.as_bytes()).unwrap_err().to_string();
        assert!(err.len() < 300 && err.contains('…'), "{err}");
    }
}
