//! Typed-answer checking: is what the student typed the answer on the card?
//!
//! [`check_answer`] compares a typed answer with a card's accepted answers and returns a
//! [`Verdict`]: right or wrong, why ([`VerdictKind`]), which accepted answer it was judged
//! against, a short note for the student, and a character diff a UI can colour.
//!
//! ```
//! use quizdeck_core::answer::{check_answer, Strictness, VerdictKind};
//!
//! let accepted = ["Kārlis Ulmanis", "Ulmanis"];
//!
//! let v = check_answer("karlis  ULMANIS", &accepted, Strictness::IgnoreAccentsWithNote);
//! assert!(v.correct);
//! assert_eq!(v.kind, VerdictKind::AccentsDiffer);
//! assert_eq!(v.note.as_ref().map(ToString::to_string).as_deref(), Some("accepted — it is written Kārlis Ulmanis"));
//!
//! let v = check_answer("Karlis Ulmanis", &accepted, Strictness::Exact);
//! assert!(!v.correct);
//! assert_eq!(v.note.as_ref().map(ToString::to_string).as_deref(), Some("only the accents differ: it is written Kārlis Ulmanis"));
//! ```
//!
//! # How answers are compared
//!
//! Both sides are cut into words and each word is reduced to two keys:
//!
//! * the **strict key**: Unicode NFKC (NFC plus compatibility forms, so full-width digits
//!   and ligatures count as the plain characters), lower case with `ß`/`ẞ` folded to `ss`
//!   and final `ς` to `σ`, only letters, digits and their combining marks kept;
//! * the **loose key**: the strict key decomposed (NFKD) with all combining marks dropped
//!   and letters that do not decompose folded (`ø`→`o`, `ł`→`l`, `đ`→`d`, `ı`→`i`, `æ`→`ae`…).
//!
//! Words are separated by whitespace, by dashes and slashes (`Molotov-Ribbentrop` is two
//! words), and by any punctuation between two digits (`1,940` is the numbers 1 and 940, not
//! the year 1940). Other punctuation is dropped (`U.S.S.R.` = `USSR`, `1940.` = `1940`).
//! A word made only of ASCII digits is compared as a number (`07` = `7`).
//!
//! Then, per accepted answer:
//!
//! * same strict keys → [`VerdictKind::Exact`];
//! * same loose keys → [`VerdictKind::AccentsDiffer`], right or wrong by [`Strictness`];
//! * same number of words, every word equal (by the strictness's rule) except one slip of a
//!   letter (one substitution, insertion, deletion or swap of neighbours) in words of at
//!   least [`MIN_SLIP_WORD_LEN`] letters without digits → [`VerdictKind::NearMiss`], right
//!   with a note. At most one slipped word, or two when the answer has four words or more.
//!
//! There is no substring matching: `1940` is never right for `June 1940` unless `1940` is
//! itself an accepted answer. The best verdict over all accepted answers wins; among equally
//! good ones the first listed.
//!
//! Nothing here panics, whatever the input; the work is linear in the input except the
//! display diff, which only looks at the first [`MAX_DIFF_CHARS`] characters of each side.

use crate::message::Message;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod diff;
use diff::char_diff;
#[cfg(test)]
use diff::display_units;

/// Shortest word (in letters of the accepted answer) in which a one-letter slip is forgiven.
pub(crate) const MIN_SLIP_WORD_LEN: usize = 6;

/// Longest text, in characters, that the display diff aligns; longer sides are cut there
/// and [`Verdict::diff_truncated`] is set. The verdict itself always uses the whole text.
pub(crate) const MAX_DIFF_CHARS: usize = 1_000;

/// How many characters of each side are used to find the closest answer to a wrong one.
const CLOSENESS_CHARS: usize = 256;

/// How strictly accents (diacritics) are checked.
///
/// Stored in the settings; the default is [`Strictness::IgnoreAccentsWithNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Strictness {
    /// Accents must match: `Karlis Ulmanis` is wrong for `Kārlis Ulmanis` (the student is
    /// told that only the accents differ).
    Exact,
    /// Missing or wrong accents are accepted, with a note showing how it is written.
    #[default]
    IgnoreAccentsWithNote,
    /// Missing or wrong accents are accepted silently.
    IgnoreAccents,
}

/// Why a typed answer was judged the way it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerdictKind {
    /// The same answer, up to case, spacing and punctuation.
    Exact,
    /// The same letters but different accents. Right unless [`Strictness::Exact`].
    AccentsDiffer,
    /// A slip of one letter in a long word (or two such words in a long answer). Right.
    NearMiss,
    /// Not an accepted answer.
    Wrong,
    /// Nothing was typed (only spaces, punctuation or symbols). Wrong.
    Empty,
}

/// The outcome of checking one typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the answer counts as right.
    pub correct: bool,
    /// Why it was judged so.
    pub kind: VerdictKind,
    /// The accepted answer it was judged against, as written on the card (NFC, trimmed): the
    /// one matched, or for a wrong answer the closest one (the first for an empty answer).
    /// Empty when the card lists no answer.
    pub answer: String,
    /// Index of [`Verdict::answer`] in the accepted answers; `None` when there are none.
    pub(crate) answer_index: Option<usize>,
    /// A sentence for the student, such as `accepted — watch the spelling: Kirhenšteins`
    /// (a message, worded in the interface's language).
    pub note: Option<Message>,
    /// What was typed aligned with [`Verdict::answer`], character by character, for display.
    pub diff: Vec<DiffSpan>,
    /// Whether either side was longer than [`MAX_DIFF_CHARS`] and the diff covers only the
    /// start of it.
    pub(crate) diff_truncated: bool,
}

/// How a stretch of the typed text relates to the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffOp {
    /// Typed as in the answer (up to letter case, and any whitespace, dash or slash for another).
    Same,
    /// In the answer but not typed.
    Missing,
    /// Typed but not in the answer.
    Extra,
    /// Typed differently: [`DiffSpan::typed`] stands where the answer has [`DiffSpan::expected`].
    Changed,
}

/// One stretch of the display diff.
///
/// Concatenating the `typed` fields of a diff gives the typed text and concatenating the
/// `expected` fields gives the answer, both in NFC, trimmed, with runs of whitespace shown as
/// one space (and cut at [`MAX_DIFF_CHARS`]). The diff shows every difference, also those the
/// verdict ignores such as punctuation, except letter case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSpan {
    /// What this stretch is.
    pub op: DiffOp,
    /// The typed text of the stretch; empty for [`DiffOp::Missing`].
    pub typed: String,
    /// The answer's text of the stretch; empty for [`DiffOp::Extra`].
    pub expected: String,
}

/// The rating the scheduler should offer first for a verdict (the caller maps it to its own
/// rating type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestedRating {
    /// Wrong or empty.
    Again,
    /// Right, but with a spelling slip.
    Hard,
    /// Right, also when only the accents differed.
    Good,
}

/// Checks `typed` against the `accepted` answers of a card (the first is the canonical one).
///
/// Never panics; see the [module documentation](self) for the rules.
pub fn check_answer<S: AsRef<str>>(typed: &str, accepted: &[S], strictness: Strictness) -> Verdict {
    let verdict = check_as_written(typed, accepted, strictness);
    if verdict.correct {
        return verdict;
    }
    // "in 1940" for "1940", "Riga" for "In Riga": a leading word that leaves the meaning
    // as it is ([`without_plain_lead`]) is not held against the student.
    let bare_typed = without_plain_lead(typed);
    let bare: Vec<&str> = accepted
        .iter()
        .map(|a| without_plain_lead(a.as_ref()))
        .collect();
    if bare_typed.len() == typed.trim().len()
        && bare
            .iter()
            .zip(accepted)
            .all(|(b, a)| b.len() == a.as_ref().trim().len())
    {
        return verdict;
    }
    let bare_verdict = check_as_written(bare_typed, &bare, strictness);
    match bare_verdict.answer_index.and_then(|i| accepted.get(i)) {
        Some(answer) if bare_verdict.correct => {
            let answer: String = answer.as_ref().trim().nfc().collect();
            let (diff, diff_truncated) = char_diff(typed, &answer);
            Verdict {
                answer,
                diff,
                diff_truncated,
                ..bare_verdict
            }
        }
        _ => verdict,
    }
}

/// Words that, leading an answer, leave its meaning as it is: "In August 1991" is
/// "August 1991", "at Riga" is "Riga" ("after 1945" or "about 10,000" is not).
const PLAIN_LEADS: [&str; 4] = ["in", "on", "at", "during"];

/// `text` without a leading word of [`PLAIN_LEADS`] (any case) when more follows it:
/// "In August 1991" → "August 1991". Typed answers are checked, and the options of a
/// practice test told apart, as if it were not there.
pub(crate) fn without_plain_lead(text: &str) -> &str {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((lead, rest))
            if !rest.trim().is_empty()
                && PLAIN_LEADS.iter().any(|p| lead.eq_ignore_ascii_case(p)) =>
        {
            rest.trim()
        }
        _ => text,
    }
}

/// [`check_answer`] of `typed` against `accepted` as both are written.
fn check_as_written<S: AsRef<str>>(typed: &str, accepted: &[S], strictness: Strictness) -> Verdict {
    let answers: Vec<Vec<Word>> = accepted.iter().map(|a| tokenize(a.as_ref())).collect();
    let max_words = answers.iter().map(Vec::len).max().unwrap_or(0);
    // More words than any answer has cannot match; the rest of the text is not needed.
    let typed_words = tokenize_up_to(typed, max_words);
    let mut best: Option<(usize, Outcome)> = None;
    if !typed_words.is_empty() {
        let typed_loose: Vec<char> = loose_chars(&typed_words, CLOSENESS_CHARS);
        for (index, answer_words) in answers.iter().enumerate() {
            let outcome = if answer_words.is_empty() {
                // An answer made only of symbols cannot be typed as words.
                Outcome::wrong(usize::MAX)
            } else {
                compare(&typed_words, answer_words, &typed_loose, strictness)
            };
            if best.as_ref().is_none_or(|(_, b)| outcome.rank() < b.rank()) {
                best = Some((index, outcome));
            }
        }
    } else {
        // Nothing alphanumeric was typed: only an answer made of the same symbols is right.
        let key = symbol_key(typed);
        if !key.is_empty() {
            best = accepted
                .iter()
                .zip(&answers)
                .position(|(a, words)| words.is_empty() && symbol_key(a.as_ref()) == key)
                .map(|index| (index, Outcome::exact()));
        }
    }

    // A date typed in another usual form (18.09.1939 for 18 September 1939) is right.
    if best.as_ref().is_none_or(|(_, o)| !o.correct)
        && let Some(date) = parse_date(typed)
        && let Some(i) = accepted
            .iter()
            .position(|a| parse_date(a.as_ref()) == Some(date))
    {
        best = Some((i, Outcome::exact()));
    }
    let (index, outcome) = match best {
        Some((index, outcome)) => (Some(index), outcome),
        None => {
            let kind = if typed_words.is_empty() {
                VerdictKind::Empty
            } else {
                VerdictKind::Wrong
            };
            let index = if accepted.is_empty() { None } else { Some(0) };
            (
                index,
                Outcome {
                    kind,
                    ..Outcome::wrong(usize::MAX)
                },
            )
        }
    };
    let answer: String = index
        .and_then(|i| accepted.get(i))
        .map(|a| a.as_ref().trim().nfc().collect())
        .unwrap_or_default();
    let note = outcome.note(&answer, strictness);
    let (diff, diff_truncated) = char_diff(typed, &answer);
    Verdict {
        correct: outcome.correct,
        kind: outcome.kind,
        answer,
        answer_index: index,
        note,
        diff,
        diff_truncated,
    }
}

/// English month names and the abbreviations students write, with their numbers.
const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Reads a calendar date written as students write them: `18.09.1939`, `18/09/1939`,
/// `18-09-1939` (day first, as in the Baltic states and Britain), `1939-09-18`,
/// `18 September 1939`, `18 Sept. 1939`, `18th of September 1939` and
/// `September 18, 1939`. Returns (year, month, day) for a real date, else `None`.
pub(crate) fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let t = text.trim().to_lowercase();
    if t.len() > 40 {
        return None;
    }
    let parts: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '/' | '-' | ','))
        .filter(|p| !p.is_empty() && *p != "of")
        .collect();
    let number = |p: &str| -> Option<u32> {
        let digits = p.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &p[digits.len()..];
        if digits.is_empty()
            || digits.len() > 4
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        digits.parse().ok()
    };
    let month = |p: &str| MONTHS.iter().find(|(name, _)| *name == p).map(|m| m.1);
    let (y, m, d) = match parts.as_slice() {
        [a, b, c] => match (number(a), month(b), number(c), month(a), number(b)) {
            // 18 September 1939
            (Some(d), Some(m), Some(y), _, _) => (y, m, d),
            // September 18 1939
            (_, _, Some(y), Some(m), Some(d)) => (y, m, d),
            _ => {
                let (a, b, c) = (number(a)?, number(b)?, number(c)?);
                let four = |p: &str| p.len() == 4;
                if four(parts[0]) {
                    (a, b, c) // 1939-09-18
                } else if four(parts[2]) {
                    (c, b, a) // 18.09.1939
                } else {
                    return None;
                }
            }
        },
        _ => return None,
    };
    let y = i32::try_from(y).ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| (y, m, d))
}

/// The rating to suggest after a verdict: [`Again`](SuggestedRating::Again) when wrong,
/// [`Hard`](SuggestedRating::Hard) after a near miss, [`Good`](SuggestedRating::Good)
/// otherwise (also when only the accents differed).
pub(crate) fn suggested_rating(verdict: &Verdict) -> SuggestedRating {
    match (verdict.correct, verdict.kind) {
        (false, _) => SuggestedRating::Again,
        (true, VerdictKind::NearMiss) => SuggestedRating::Hard,
        (true, _) => SuggestedRating::Good,
    }
}

/// Reduces a text to a key for search and duplicate detection: accents removed, case folded,
/// punctuation dropped, words separated by single spaces (the loose key of the module
/// documentation). `"  Kārlis ULMANIS! "` and `"karlis ulmanis"` both give `"karlis ulmanis"`.
pub fn normalize_for_search(s: &str) -> String {
    if let Some(key) = normalize_latin(s) {
        return key;
    }
    let mut out = String::new();
    for word in tokenize(s) {
        if word.loose.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.loose);
    }
    out
}

/// [`normalize_for_search`] in one pass for text of ASCII, the Latin letters of
/// U+00C0–U+024F (Baltic, Polish, German, French… names) and the Cyrillic letters of
/// U+0400–U+04FF (Russian, Ukrainian, Belarusian…), writing straight into the result:
/// deck validation folds every question, answer and distractor of a deck. `None` for any
/// other character (the general path then runs). Same result as the general path; property
/// tests check it.
fn normalize_latin(s: &str) -> Option<String> {
    /// Ends the word that began at `start` in `out`: a word of digits loses its leading
    /// zeros (but keeps one digit), as numbers compare by value.
    fn finish(out: &mut Vec<u8>, start: Option<usize>, digits: bool) {
        let Some(start) = start else { return };
        if digits {
            let zeros = out[start..].iter().take_while(|&&b| b == b'0').count();
            let drop = zeros.min(out.len() - start - 1);
            out.drain(start..start + drop);
        }
    }
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    // Where the current word starts in `out`, and whether it is all digits so far.
    let mut word: Option<usize> = None;
    let mut digits = true;
    let mut last_alnum: Option<u8> = None;
    // Starts a word (after a space if one came before) unless one is going on.
    let begin = |out: &mut Vec<u8>, word: &mut Option<usize>, digits: &mut bool| {
        if word.is_none() {
            if !out.is_empty() {
                out.push(b' ');
            }
            *word = Some(out.len());
            *digits = true;
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            let c = s[i..].chars().next()?;
            let folded = latin_fold(c)?;
            begin(&mut out, &mut word, &mut digits);
            digits = false;
            out.extend_from_slice(folded);
            last_alnum = Some(b'a');
            i += c.len_utf8();
            continue;
        }
        match ASCII_CLASS[b as usize] {
            AsciiClass::Alnum => {
                begin(&mut out, &mut word, &mut digits);
                digits &= b.is_ascii_digit();
                out.push(b.to_ascii_lowercase());
                last_alnum = Some(b);
            }
            AsciiClass::Split => {
                finish(&mut out, word.take(), digits);
                last_alnum = None;
            }
            AsciiClass::Punct => {
                // A mark between digits splits numbers ("1,5" → "1 5"); otherwise it
                // is dropped and the word goes on.
                if last_alnum.is_some_and(|d| d.is_ascii_digit())
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    finish(&mut out, word.take(), digits);
                    last_alnum = None;
                }
            }
        }
        i += 1;
    }
    finish(&mut out, word, digits);
    String::from_utf8(out).ok()
}

/// The search key of one letter when the fast path may use it: a Latin letter of
/// U+00C0–U+024F whose key is plain ASCII letters (`Ā` → `a`, `ß` → `ss`), or a Cyrillic
/// letter of U+0400–U+04FF whose key is one lower-case letter (`Ё` → `е`, `й` → `и`,
/// `Ж` → `ж`); `None` for the rest of those blocks (marks, signs, numbers) and outside
/// them. Computed once by the general path, letter by letter: folding these letters
/// depends on no neighbour (no final forms, nothing composes with them), so a word's key
/// is its letters' keys one after the other.
fn latin_fold(c: char) -> Option<&'static [u8]> {
    type Table = std::sync::OnceLock<Vec<Option<Vec<u8>>>>;
    const LATIN: (u32, u32) = (0xC0, 0x24F);
    const CYRILLIC: (u32, u32) = (0x400, 0x4FF);
    static LATIN_TABLE: Table = std::sync::OnceLock::new();
    static CYRILLIC_TABLE: Table = std::sync::OnceLock::new();
    let code = c as u32;
    let (table, (first, last), usable): (_, _, fn(&str) -> bool) =
        if (LATIN.0..=LATIN.1).contains(&code) {
            (&LATIN_TABLE, LATIN, |k| {
                k.bytes().all(|b| b.is_ascii_lowercase())
            })
        } else if (CYRILLIC.0..=CYRILLIC.1).contains(&code) {
            (&CYRILLIC_TABLE, CYRILLIC, |k| {
                let mut chars = k.chars();
                chars.next().is_some_and(|c| {
                    c.is_alphabetic() && !c.is_numeric() && c.to_lowercase().eq([c])
                }) && chars.next().is_none()
            })
        } else {
            return None;
        };
    let table = table.get_or_init(|| {
        (first..=last)
            .map(|code| {
                let c = char::from_u32(code)?;
                let key = tokenize(c.encode_utf8(&mut [0; 4]))
                    .into_iter()
                    .map(|w| w.loose)
                    .collect::<Vec<_>>()
                    .concat();
                (!key.is_empty() && usable(&key)).then(|| key.into_bytes())
            })
            .collect()
    });
    table[(code - first) as usize].as_deref()
}

/// What an ASCII byte is to the folding of [`normalize_latin`].
#[derive(Clone, Copy)]
enum AsciiClass {
    /// A letter or digit: kept, lower-cased.
    Alnum,
    /// Whitespace or a separator (`-`, `_`, `/`, `\`, `|`): ends a word.
    Split,
    /// Punctuation, symbols and control characters: dropped.
    Punct,
}

/// [`AsciiClass`] of every byte below 128 (the general path's `char::is_whitespace`,
/// [`is_separator`] and [`is_punctuation`] restricted to ASCII).
static ASCII_CLASS: [AsciiClass; 128] = {
    let mut t = [AsciiClass::Punct; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            AsciiClass::Alnum
        } else if matches!(
            b,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'_' | b'/' | b'\\' | b'|'
        ) {
            AsciiClass::Split
        } else {
            AsciiClass::Punct
        };
        i += 1;
    }
    t
};

// ---------------------------------------------------------------------------------------
// Words and keys

/// One word of a typed or accepted answer.
#[derive(Debug, Clone)]
struct Word {
    /// The word as written (NFKC, outer punctuation trimmed), for notes.
    raw: String,
    /// Case-folded, punctuation-free, accents kept.
    strict: String,
    /// [`Word::strict`] without accents.
    loose: String,
    /// Whether the word contains a digit (then it must match exactly).
    has_digit: bool,
}

/// Characters that separate words like a space does.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '_' | '/' | '\\' | '|' | '\u{2010}'
            ..='\u{2015}' // hyphen, non-breaking hyphen, figure dash, en/em dash, bar
            | '\u{2212}' // minus sign
            | '\u{2044}' // fraction slash
            | '\u{2215}' // division slash
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0D}'
            | '\u{FF0F}'
    )
}

/// Punctuation or symbol: dropped from words.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !is_combining_mark(c)
}

/// Cuts `s` into words and computes their keys.
fn tokenize(s: &str) -> Vec<Word> {
    tokenize_up_to(s, usize::MAX)
}

/// Like [`tokenize`], but stops once more than `max_words` words were found, so a pasted
/// novel is not normalised in full when no accepted answer has that many words.
fn tokenize_up_to(s: &str, max_words: usize) -> Vec<Word> {
    // ASCII is the same in every normal form.
    let mut chars: std::iter::Peekable<Box<dyn Iterator<Item = char> + '_>> = if s.is_ascii() {
        (Box::new(s.chars()) as Box<dyn Iterator<Item = char>>).peekable()
    } else {
        (Box::new(s.nfkc()) as Box<dyn Iterator<Item = char>>).peekable()
    };
    let mut words = Vec::new();
    let mut piece = String::new();
    let mut last_alnum: Option<char> = None;
    while let Some(c) = chars.next() {
        let splits = c.is_whitespace()
            || is_separator(c)
            || (is_punctuation(c)
                && last_alnum.is_some_and(char::is_numeric)
                && chars.peek().is_some_and(|n| n.is_numeric()));
        if splits {
            push_word(&mut words, &piece);
            piece.clear();
            last_alnum = None;
            if words.len() > max_words {
                return words;
            }
            continue;
        }
        if c.is_alphanumeric() {
            last_alnum = Some(c);
        }
        piece.push(c);
    }
    push_word(&mut words, &piece);
    words
}

/// Computes the keys of one piece of text between separators and keeps it if any are left.
fn push_word(words: &mut Vec<Word>, piece: &str) {
    if piece.is_empty() {
        return;
    }
    let folded = fold_case(piece);
    let mut strict = String::with_capacity(folded.len());
    let mut keep = |c: char| {
        if c.is_alphanumeric() || (is_combining_mark(c) && !strict.is_empty()) {
            strict.push(c);
        }
    };
    if folded.is_ascii() {
        folded.chars().for_each(&mut keep);
    } else {
        folded.nfkc().for_each(&mut keep);
    }
    if strict.is_empty() {
        return;
    }
    if strict.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = strict.trim_start_matches('0');
        strict = if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    }
    let loose = if strict.is_ascii() {
        strict.clone()
    } else {
        let mut loose = String::with_capacity(strict.len());
        for c in strict.nfkd() {
            if !is_combining_mark(c) && c.is_alphanumeric() {
                push_loose(c, &mut loose);
            }
        }
        loose
    };
    let raw = piece
        .trim_matches(|c: char| !c.is_alphanumeric() && !is_combining_mark(c))
        .to_string();
    let has_digit = strict.chars().any(char::is_numeric);
    words.push(Word {
        raw,
        strict,
        loose,
        has_digit,
    });
}

/// Full lower case, with `ß` (and so `ẞ`) as `ss` and final sigma as sigma.
fn fold_case(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.contains(['ß', 'ς']) {
        lower.replace('ß', "ss").replace('ς', "σ")
    } else {
        lower
    }
}

/// Pushes the accent-free form of a lower-case letter that has no decomposition.
fn push_loose(c: char, out: &mut String) {
    let folded = match c {
        'ø' => "o",
        'ł' | 'ƚ' | 'ɫ' => "l",
        'đ' | 'ð' | 'ɖ' => "d",
        'ı' | 'ɨ' => "i",
        'ȷ' => "j",
        'ħ' => "h",
        'ŧ' => "t",
        'ƀ' => "b",
        'ƶ' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// Key of a text without words: NFKC, case-folded, whitespace removed.
fn symbol_key(s: &str) -> String {
    fold_case(&s.nfkc().collect::<String>())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The loose keys of `words` joined by spaces, at most `max` characters.
fn loose_chars(words: &[Word], max: usize) -> Vec<char> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(w.loose.chars());
        if out.len() >= max {
            out.truncate(max);
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Comparing words

/// How one typed word compares with the answer's word in the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMatch {
    Same,
    AccentsDiffer,
    Slip,
    Different,
}

fn compare_words(typed: &Word, answer: &Word, strictness: Strictness) -> WordMatch {
    if typed.strict == answer.strict {
        return WordMatch::Same;
    }
    if typed.loose == answer.loose {
        return WordMatch::AccentsDiffer;
    }
    if typed.has_digit || answer.has_digit || answer.loose.chars().count() < MIN_SLIP_WORD_LEN {
        return WordMatch::Different;
    }
    // In Exact mode an accent is a letter like any other; otherwise slips are letter slips.
    let one_slip = match strictness {
        Strictness::Exact => within_one_edit(&typed.strict, &answer.strict),
        Strictness::IgnoreAccentsWithNote | Strictness::IgnoreAccents => {
            within_one_edit(&typed.loose, &answer.loose)
        }
    };
    if one_slip {
        WordMatch::Slip
    } else {
        WordMatch::Different
    }
}

/// Whether `a` and `b` are at Damerau–Levenshtein distance at most 1 (one substitution,
/// insertion, deletion or swap of two neighbouring characters). Linear time.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (long, short) = if a.len() >= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let i = long
        .iter()
        .zip(short.iter())
        .take_while(|(x, y)| x == y)
        .count();
    match long.len() - short.len() {
        0 => {
            i == long.len()
                || long[i + 1..] == short[i + 1..]
                || (i + 1 < long.len()
                    && long[i] == short[i + 1]
                    && long[i + 1] == short[i]
                    && long[i + 2..] == short[i + 2..])
        }
        1 => long[i + 1..] == short[i..],
        _ => false,
    }
}

/// The result of comparing the typed answer with one accepted answer.
#[derive(Debug, Clone)]
struct Outcome {
    correct: bool,
    kind: VerdictKind,
    /// The answer's words with a forgiven slip, as written.
    slipped: Vec<String>,
    /// Whether accents differed in words that were not slipped.
    other_accents: bool,
    /// Edit distance of the loose keys (for wrong answers: how close it came).
    distance: usize,
}

impl Outcome {
    fn exact() -> Self {
        Outcome {
            correct: true,
            kind: VerdictKind::Exact,
            slipped: Vec::new(),
            other_accents: false,
            distance: 0,
        }
    }

    fn wrong(distance: usize) -> Self {
        Outcome {
            correct: false,
            kind: VerdictKind::Wrong,
            slipped: Vec::new(),
            other_accents: false,
            distance,
        }
    }

    /// Lower is better.
    fn rank(&self) -> (u8, usize) {
        match (self.correct, self.kind) {
            (true, VerdictKind::Exact) => (0, 0),
            (true, VerdictKind::AccentsDiffer) => (1, 0),
            (true, _) => (2, self.slipped.len()),
            (false, VerdictKind::AccentsDiffer) => (3, 0),
            (false, _) => (4, self.distance),
        }
    }

    fn note(&self, answer: &str, strictness: Strictness) -> Option<Message> {
        let with_note = strictness == Strictness::IgnoreAccentsWithNote;
        match (self.correct, self.kind) {
            (true, VerdictKind::AccentsDiffer) if with_note => {
                Some(Message::new("answer-accepted-written").arg("answer", answer))
            }
            (true, VerdictKind::NearMiss) => {
                let id = if self.other_accents && with_note {
                    "answer-accepted-spelling-written"
                } else {
                    "answer-accepted-spelling"
                };
                Some(
                    Message::new(id)
                        .arg("words", self.slipped.join(", "))
                        .arg("answer", answer),
                )
            }
            (false, VerdictKind::AccentsDiffer) => {
                Some(Message::new("answer-only-accents").arg("answer", answer))
            }
            _ => None,
        }
    }
}

fn compare(
    typed: &[Word],
    answer: &[Word],
    typed_loose: &[char],
    strictness: Strictness,
) -> Outcome {
    let wrong = || {
        Outcome::wrong(levenshtein(
            typed_loose,
            &loose_chars(answer, CLOSENESS_CHARS),
        ))
    };
    if typed.len() != answer.len() {
        return wrong();
    }
    let max_slips = if answer.len() >= 4 { 2 } else { 1 };
    let mut slipped = Vec::new();
    let mut accents = false;
    for (t, a) in typed.iter().zip(answer) {
        match compare_words(t, a, strictness) {
            WordMatch::Same => {}
            WordMatch::AccentsDiffer => accents = true,
            WordMatch::Slip if slipped.len() < max_slips => slipped.push(a.raw.clone()),
            WordMatch::Slip | WordMatch::Different => return wrong(),
        }
    }
    let accents_ok = strictness != Strictness::Exact;
    match (slipped.is_empty(), accents) {
        (true, false) => Outcome::exact(),
        (true, true) => Outcome {
            correct: accents_ok,
            kind: VerdictKind::AccentsDiffer,
            ..Outcome::exact()
        },
        (false, true) if !accents_ok => wrong(),
        (false, _) => Outcome {
            correct: true,
            kind: VerdictKind::NearMiss,
            slipped,
            other_accents: accents,
            distance: 0,
        },
    }
}

/// Levenshtein distance with two rows.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_in_on_at_or_during_is_not_held_against_the_student() {
        let check = |typed: &str, answer: &str| {
            check_answer(typed, &[answer], Strictness::IgnoreAccentsWithNote)
        };
        for (typed, answer) in [
            ("in 1940", "1940"),
            ("1940", "In 1940"),
            ("In August 1993", "August 1993"),
            ("August 1993", "In August 1993"),
            ("in Riga", "Riga"),
            ("at Riga", "In Riga"),
            ("on 23 August 1939", "23 August 1939"),
            ("during 1941", "1941"),
            ("In Rīga", "Riga"),
        ] {
            let v = check(typed, answer);
            assert!(v.correct, "{typed:?} for {answer:?}: {v:?}");
            assert_eq!(v.answer, answer, "the answer shown is the card's");
        }
        // Words that change the meaning still count, and a lead alone is no answer.
        for (typed, answer) in [
            ("after 1945", "1945"),
            ("1945", "After 1945"),
            ("about 10,000", "10,000"),
            ("in 1941", "1940"),
            ("in", "1940"),
        ] {
            assert!(!check(typed, answer).correct, "{typed:?} for {answer:?}");
        }
        assert_eq!(without_plain_lead("  On  12 May "), "12 May");
        assert_eq!(without_plain_lead("In"), "In");
        assert_eq!(without_plain_lead("Inland"), "Inland");
    }

    const WITH_NOTE: Strictness = Strictness::IgnoreAccentsWithNote;
    const SILENT: Strictness = Strictness::IgnoreAccents;
    const EXACT: Strictness = Strictness::Exact;
    const ALL: [Strictness; 3] = [EXACT, WITH_NOTE, SILENT];

    fn check(typed: &str, accepted: &[&str], s: Strictness) -> Verdict {
        check_answer(typed, accepted, s)
    }

    fn assert_kind(
        typed: &str,
        accepted: &[&str],
        s: Strictness,
        correct: bool,
        kind: VerdictKind,
    ) {
        let v = check(typed, accepted, s);
        assert_eq!(
            (v.correct, v.kind),
            (correct, kind),
            "{typed:?} against {accepted:?} with {s:?}: {v:?}"
        );
    }

    fn span(op: DiffOp, typed: &str, expected: &str) -> DiffSpan {
        DiffSpan {
            op,
            typed: typed.to_string(),
            expected: expected.to_string(),
        }
    }

    // --- exact matches and normalisation

    #[test]
    fn exact_answer_is_right_in_every_strictness() {
        for s in ALL {
            let v = check("Kārlis Ulmanis", &["Kārlis Ulmanis"], s);
            assert!(v.correct);
            assert_eq!(v.kind, VerdictKind::Exact);
            assert_eq!(v.note, None);
            assert_eq!(v.answer, "Kārlis Ulmanis");
            assert_eq!(v.answer_index, Some(0));
            assert_eq!(
                v.diff,
                vec![span(DiffOp::Same, "Kārlis Ulmanis", "Kārlis Ulmanis")]
            );
        }
    }

    #[test]
    fn case_whitespace_and_trimming_are_ignored() {
        for typed in [
            "kārlis ulmanis",
            "KĀRLIS ULMANIS",
            "  Kārlis \t\n Ulmanis  ",
            "Kārlis\u{00A0}Ulmanis",
        ] {
            for s in ALL {
                assert_kind(typed, &["Kārlis Ulmanis"], s, true, VerdictKind::Exact);
            }
        }
    }

    #[test]
    fn decomposed_input_equals_precomposed() {
        // "Kārlis" typed with a combining macron
        for s in ALL {
            assert_kind(
                "Ka\u{0304}rlis Ulmanis",
                &["Kārlis Ulmanis"],
                s,
                true,
                VerdictKind::Exact,
            );
        }
        let v = check("Ka\u{0304}rlis", &["Kārlis"], EXACT);
        assert_eq!(v.diff, vec![span(DiffOp::Same, "Kārlis", "Kārlis")]);
    }

    #[test]
    fn cyrillic_is_case_folded() {
        for s in ALL {
            assert_kind("молотов", &["Молотов"], s, true, VerdictKind::Exact);
            assert_kind("МОЛОТОВ", &["Молотов"], s, true, VerdictKind::Exact);
            assert_kind("Сталин", &["Молотов"], s, false, VerdictKind::Wrong);
        }
        // ё/е differ only by a diaeresis
        assert_kind(
            "Семенов",
            &["Семёнов"],
            EXACT,
            false,
            VerdictKind::AccentsDiffer,
        );
        assert_kind(
            "Семенов",
            &["Семёнов"],
            WITH_NOTE,
            true,
            VerdictKind::AccentsDiffer,
        );
    }

    #[test]
    fn sharp_s_folds_to_ss() {
        for s in ALL {
            assert_kind("STRASSE", &["Straße"], s, true, VerdictKind::Exact);
            assert_kind("Strasse", &["Straße"], s, true, VerdictKind::Exact);
            assert_kind("STRAẞE", &["Straße"], s, true, VerdictKind::Exact);
            assert_kind("straße", &["Strasse"], s, true, VerdictKind::Exact);
        }
    }

    #[test]
    fn full_width_and_ligatures_are_plain_characters() {
        for s in ALL {
            assert_kind("１９４０", &["1940"], s, true, VerdictKind::Exact);
            assert_kind("ﬁnland", &["Finland"], s, true, VerdictKind::Exact);
        }
    }

    // --- accents and strictness

    #[test]
    fn accents_follow_strictness() {
        let accepted = ["Kārlis Ulmanis"];
        let v = check("Karlis Ulmanis", &accepted, EXACT);
        assert!(!v.correct);
        assert_eq!(v.kind, VerdictKind::AccentsDiffer);
        assert_eq!(
            v.note.as_ref().map(ToString::to_string).as_deref(),
            Some("only the accents differ: it is written Kārlis Ulmanis")
        );

        let v = check("Karlis Ulmanis", &accepted, WITH_NOTE);
        assert!(v.correct);
        assert_eq!(v.kind, VerdictKind::AccentsDiffer);
        assert_eq!(
            v.note.as_ref().map(ToString::to_string).as_deref(),
            Some("accepted — it is written Kārlis Ulmanis")
        );

        let v = check("Karlis Ulmanis", &accepted, SILENT);
        assert!(v.correct);
        assert_eq!(v.kind, VerdictKind::AccentsDiffer);
        assert_eq!(v.note, None);
    }

    #[test]
    fn default_strictness_is_with_note() {
        assert_eq!(Strictness::default(), WITH_NOTE);
    }

    #[test]
    fn strictness_serializes_by_name() {
        for s in ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Strictness>(&json).unwrap(), s);
        }
        assert_eq!(
            serde_json::to_string(&WITH_NOTE).unwrap(),
            "\"IgnoreAccentsWithNote\""
        );
    }

    #[test]
    fn baltic_names_with_and_without_diacritics() {
        let cases = [
            ("Pats", "Konstantin Päts", "Konstantin Pats"),
            ("Snieckus", "Antanas Sniečkus", "Antanas Snieckus"),
            (
                "Kirhensteins",
                "Augusts Kirhenšteins",
                "Augusts Kirhensteins",
            ),
            ("Maslenki", "Masļenki", "Maslenki"),
            ("Karlis", "Kārlis Ulmanis", "karlis ulmanis"),
        ];
        for (_, answer, plain) in cases {
            assert_kind(plain, &[answer], EXACT, false, VerdictKind::AccentsDiffer);
            assert_kind(
                plain,
                &[answer],
                WITH_NOTE,
                true,
                VerdictKind::AccentsDiffer,
            );
            assert_kind(plain, &[answer], SILENT, true, VerdictKind::AccentsDiffer);
            for s in ALL {
                assert_kind(answer, &[answer], s, true, VerdictKind::Exact);
            }
        }
        for s in ALL {
            assert_kind(
                "Antanas Smetona",
                &["Antanas Smetona"],
                s,
                true,
                VerdictKind::Exact,
            );
            assert_kind("smetona", &["Smetona"], s, true, VerdictKind::Exact);
            assert_kind("Päts", &["Päts"], s, true, VerdictKind::Exact);
        }
    }

    #[test]
    fn wrong_accent_is_an_accent_difference() {
        // accent on the wrong letter: same loose key
        assert_kind(
            "Sniečkūs",
            &["Sniečkus"],
            EXACT,
            false,
            VerdictKind::AccentsDiffer,
        );
        assert_kind(
            "Sniečkūs",
            &["Sniečkus"],
            SILENT,
            true,
            VerdictKind::AccentsDiffer,
        );
        assert_kind(
            "Pāts",
            &["Päts"],
            WITH_NOTE,
            true,
            VerdictKind::AccentsDiffer,
        );
    }

    #[test]
    fn letters_that_do_not_decompose_are_folded() {
        for (typed, answer) in [
            ("Lodz", "Łódź"),
            ("Oresund", "Øresund"),
            ("Dakovic", "Đaković"),
            ("Istanbul", "İstanbul"),
            ("Aegir", "Ægir"),
            ("Cardak", "Çardak"),
        ] {
            assert_kind(
                typed,
                &[answer],
                WITH_NOTE,
                true,
                VerdictKind::AccentsDiffer,
            );
            assert_kind(typed, &[answer], EXACT, false, VerdictKind::AccentsDiffer);
        }
        assert_kind(
            "Kırklareli",
            &["Kirklareli"],
            WITH_NOTE,
            true,
            VerdictKind::AccentsDiffer,
        );
    }

    #[test]
    fn rtl_scripts() {
        for s in ALL {
            assert_kind("ירושלים", &["ירושלים"], s, true, VerdictKind::Exact);
            // directional marks are invisible formatting and ignored
            assert_kind(
                "\u{200F}ירושלים\u{200E}",
                &["ירושלים"],
                s,
                true,
                VerdictKind::Exact,
            );
            assert_kind("القاهرة", &["القاهرة"], s, true, VerdictKind::Exact);
        }
        // Arabic vowel marks are combining marks
        assert_kind("محمد", &["مُحَمَّد"], EXACT, false, VerdictKind::AccentsDiffer);
        assert_kind("محمد", &["مُحَمَّد"], SILENT, true, VerdictKind::AccentsDiffer);
    }

    // --- near misses

    #[test]
    fn one_letter_slip_in_a_long_word_is_a_near_miss() {
        for s in ALL {
            // substitution, insertion, deletion, transposition
            for typed in [
                "Kirhenšteinz",
                "Kirhenštteins",
                "Kirhenšeins",
                "Kirhenšetins",
            ] {
                let v = check(typed, &["Kirhenšteins"], s);
                assert!(v.correct, "{typed} {s:?}");
                assert_eq!(v.kind, VerdictKind::NearMiss);
                assert_eq!(
                    v.note.as_ref().map(ToString::to_string).as_deref(),
                    Some("accepted — watch the spelling: Kirhenšteins")
                );
                assert_eq!(suggested_rating(&v), SuggestedRating::Hard);
            }
            assert_kind("Smeotna", &["Smetona"], s, true, VerdictKind::NearMiss);
            assert_kind(
                "Kārlis Ulmnais",
                &["Kārlis Ulmanis"],
                s,
                true,
                VerdictKind::NearMiss,
            );
            assert_kind("Молотофф", &["Молотов"], s, false, VerdictKind::Wrong);
            assert_kind("Молотоф", &["Молотов"], s, true, VerdictKind::NearMiss);
        }
    }

    #[test]
    fn slips_in_short_words_are_wrong() {
        for s in ALL {
            assert_kind("Pets", &["Päts"], s, false, VerdictKind::Wrong);
            assert_kind("Lenim", &["Lenin"], s, false, VerdictKind::Wrong);
            // "Kārlis" has 6 letters: a slip there is fine, in "Päts" (4) it is not
            assert_kind(
                "Kārlus Ulmanis",
                &["Kārlis Ulmanis"],
                s,
                true,
                VerdictKind::NearMiss,
            );
            assert_kind(
                "Konstantin Pets",
                &["Konstantin Päts"],
                s,
                false,
                VerdictKind::Wrong,
            );
        }
    }

    #[test]
    fn two_slips_are_a_near_miss_only_in_long_answers() {
        for s in ALL {
            assert_kind(
                "Antonas Smetana",
                &["Antanas Smetona"],
                s,
                false,
                VerdictKind::Wrong,
            );
            let four = ["Treaty of Nonaggression between Germany"];
            let v = check("Traety of Nonagression between Germany", &four, s);
            assert!(v.correct, "{v:?}");
            assert_eq!(v.kind, VerdictKind::NearMiss);
            assert_eq!(
                v.note.as_ref().map(ToString::to_string).as_deref(),
                Some("accepted — watch the spelling: Treaty, Nonaggression")
            );
            assert_kind(
                "Traety of Nonagression betwen Germany",
                &four,
                s,
                false,
                VerdictKind::Wrong,
            );
        }
    }

    #[test]
    fn slips_respect_strictness_for_accents() {
        // Exact: a missing accent is not a forgivable slip
        assert_kind(
            "Kirhensteins",
            &["Kirhenšteins"],
            EXACT,
            false,
            VerdictKind::AccentsDiffer,
        );
        // accent and a slip in the same word
        assert_kind(
            "Kirhensteinz",
            &["Kirhenšteins"],
            EXACT,
            false,
            VerdictKind::Wrong,
        );
        assert_kind(
            "Kirhensteinz",
            &["Kirhenšteins"],
            WITH_NOTE,
            true,
            VerdictKind::NearMiss,
        );
        // accent in another word than the slip
        assert_kind(
            "Karlis Ulmanos",
            &["Kārlis Ulmanis"],
            EXACT,
            false,
            VerdictKind::Wrong,
        );
        let v = check("Karlis Ulmanos", &["Kārlis Ulmanis"], WITH_NOTE);
        assert_eq!(v.kind, VerdictKind::NearMiss);
        assert_eq!(
            v.note.as_ref().map(ToString::to_string).as_deref(),
            Some("accepted — watch the spelling: Ulmanis; it is written Kārlis Ulmanis")
        );
        let v = check("Karlis Ulmanos", &["Kārlis Ulmanis"], SILENT);
        assert_eq!(
            v.note.as_ref().map(ToString::to_string).as_deref(),
            Some("accepted — watch the spelling: Ulmanis")
        );
    }

    #[test]
    fn digits_never_near_miss() {
        for s in ALL {
            assert_kind("1941", &["1940"], s, false, VerdictKind::Wrong);
            assert_kind(
                "24 August 1939",
                &["23 August 1939"],
                s,
                false,
                VerdictKind::Wrong,
            );
            assert_kind(
                "23 August 1929",
                &["23 August 1939"],
                s,
                false,
                VerdictKind::Wrong,
            );
            assert_kind(
                "23 Augustt 1939",
                &["23 August 1939"],
                s,
                true,
                VerdictKind::NearMiss,
            );
            assert_kind("Pact 19399", &["Pact 1939"], s, false, VerdictKind::Wrong);
            assert_kind("Ww2battles", &["WW2battle"], s, false, VerdictKind::Wrong);
        }
    }

    // --- numbers and no substring matching

    #[test]
    fn no_substring_matching() {
        for s in ALL {
            assert_kind("1940", &["June 1940"], s, false, VerdictKind::Wrong);
            assert_kind("June", &["June 1940"], s, false, VerdictKind::Wrong);
            assert_kind("Ulmanis", &["Kārlis Ulmanis"], s, false, VerdictKind::Wrong);
            assert_kind(
                "June 1940 or so",
                &["June 1940"],
                s,
                false,
                VerdictKind::Wrong,
            );
            let v = check("1940", &["June 1940", "1940"], s);
            assert!(v.correct);
            assert_eq!(v.answer, "1940");
            assert_eq!(v.answer_index, Some(1));
        }
    }

    #[test]
    fn numbers_compare_as_numbers() {
        for s in ALL {
            assert_kind("1940.", &["1940"], s, true, VerdictKind::Exact);
            assert_kind("1,940", &["1940"], s, false, VerdictKind::Wrong);
            assert_kind("1.940", &["1940"], s, false, VerdictKind::Wrong);
            assert_kind("1 940", &["1940"], s, false, VerdictKind::Wrong);
            assert_kind(
                "07 June 1940",
                &["7 June 1940"],
                s,
                true,
                VerdictKind::Exact,
            );
            assert_kind("23.08.1939", &["23 08 1939"], s, true, VerdictKind::Exact);
            assert_kind("0", &["0"], s, true, VerdictKind::Exact);
            assert_kind("00", &["0"], s, true, VerdictKind::Exact);
            assert_kind("1939–1945", &["1939-1945"], s, true, VerdictKind::Exact);
        }
    }

    // --- alternatives

    #[test]
    fn any_alternative_is_accepted() {
        let accepted = ["Kārlis Ulmanis", "Ulmanis", "K. Ulmanis"];
        for s in ALL {
            let v = check("ulmanis", &accepted, s);
            assert!(v.correct);
            assert_eq!(v.kind, VerdictKind::Exact);
            assert_eq!((v.answer.as_str(), v.answer_index), ("Ulmanis", Some(1)));
            let v = check("K Ulmanis", &accepted, s);
            assert_eq!((v.kind, v.answer_index), (VerdictKind::Exact, Some(2)));
        }
    }

    #[test]
    fn best_alternative_wins() {
        // exact on the second beats accents on the first
        let v = check("Pats", &["Päts", "Pats"], EXACT);
        assert_eq!(
            (v.correct, v.kind, v.answer_index),
            (true, VerdictKind::Exact, Some(1))
        );
        // accents beat a near miss
        let v = check("Smetona", &["Smetina", "Smetoná"], WITH_NOTE);
        assert_eq!(
            (v.kind, v.answer_index),
            (VerdictKind::AccentsDiffer, Some(1))
        );
        // in Exact mode a right near miss beats a wrong accents-only match
        let v = check("Smetona", &["Smetoná", "Smetina"], EXACT);
        assert_eq!(
            (v.correct, v.kind, v.answer_index),
            (true, VerdictKind::NearMiss, Some(1))
        );
    }

    #[test]
    fn wrong_answer_reports_the_closest_alternative() {
        let accepted = ["Kārlis Ulmanis", "Antanas Smetona"];
        let v = check("Antanas Smetana Jr", &accepted, WITH_NOTE);
        assert!(!v.correct);
        assert_eq!(v.kind, VerdictKind::Wrong);
        assert_eq!(v.answer, "Antanas Smetona");
        assert_eq!(v.note, None);
        assert_eq!(suggested_rating(&v), SuggestedRating::Again);
    }

    // --- punctuation

    #[test]
    fn punctuation_and_hyphens() {
        let accepted = ["Molotov–Ribbentrop Pact"];
        for s in ALL {
            for typed in [
                "Molotov-Ribbentrop Pact",
                "molotov ribbentrop pact",
                "Molotov/Ribbentrop pact!",
                "\"Molotov — Ribbentrop\" Pact.",
                "Molotov_Ribbentrop Pact",
            ] {
                assert_kind(typed, &accepted, s, true, VerdictKind::Exact);
            }
            assert_kind(
                "MolotovRibbentrop Pact",
                &accepted,
                s,
                false,
                VerdictKind::Wrong,
            );
            assert_kind("U.S.S.R.", &["USSR"], s, true, VerdictKind::Exact);
            assert_kind("Rīga!", &["Rīga"], s, true, VerdictKind::Exact);
            assert_kind("🇱🇻 Rīga", &["Rīga"], s, true, VerdictKind::Exact);
        }
    }

    // --- empty and odd input

    #[test]
    fn empty_input_is_wrong_with_kind_empty() {
        for typed in ["", "   ", "\t\n", "?!", "— …"] {
            for s in ALL {
                let v = check(typed, &["Kārlis Ulmanis", "Ulmanis"], s);
                assert!(!v.correct);
                assert_eq!(v.kind, VerdictKind::Empty, "{typed:?}");
                assert_eq!(v.answer, "Kārlis Ulmanis");
                assert_eq!(v.note, None);
                assert_eq!(suggested_rating(&v), SuggestedRating::Again);
            }
        }
        let v = check("", &["Kārlis Ulmanis"], EXACT);
        assert_eq!(v.diff, vec![span(DiffOp::Missing, "", "Kārlis Ulmanis")]);
    }

    #[test]
    fn no_accepted_answers_does_not_panic() {
        let none: [&str; 0] = [];
        let v = check_answer("Ulmanis", &none, WITH_NOTE);
        assert_eq!(
            (v.correct, v.kind, v.answer_index),
            (false, VerdictKind::Wrong, None)
        );
        assert_eq!(v.diff, vec![span(DiffOp::Extra, "Ulmanis", "")]);
        let v = check_answer("", &none, WITH_NOTE);
        assert_eq!((v.correct, v.kind), (false, VerdictKind::Empty));
        assert!(v.diff.is_empty());
    }

    #[test]
    fn symbol_only_answers() {
        let v = check("🇱🇻", &["🇱🇻"], EXACT);
        assert_eq!((v.correct, v.kind), (true, VerdictKind::Exact));
        assert_kind("🇪🇪", &["🇱🇻"], EXACT, false, VerdictKind::Empty);
        assert_kind("Latvia", &["🇱🇻"], EXACT, false, VerdictKind::Wrong);
        // a blank accepted answer is never matched
        assert_kind("", &["", "  "], EXACT, false, VerdictKind::Empty);
    }

    #[test]
    fn accepts_owned_strings() {
        let accepted = vec!["Kārlis Ulmanis".to_string()];
        assert!(check_answer("Kārlis Ulmanis", &accepted, EXACT).correct);
    }

    #[test]
    fn huge_input_still_gets_a_verdict() {
        let novel = "Kārlis Ulmanis ".repeat(100_000);
        let v = check(&novel, &["Kārlis Ulmanis", "Ulmanis"], WITH_NOTE);
        assert!(!v.correct);
        assert!(v.diff_truncated);
        let typed_chars: usize = v.diff.iter().map(|s| s.typed.chars().count()).sum();
        assert_eq!(typed_chars, MAX_DIFF_CHARS);
        let one_word = "a".repeat(1_000_000);
        let v = check(&one_word, &["Kārlis Ulmanis"], EXACT);
        assert!(!v.correct);
    }

    // --- diff

    fn diff(typed: &str, expected: &str) -> Vec<DiffSpan> {
        char_diff(typed, expected).0
    }

    #[test]
    fn diff_marks_a_changed_accent() {
        assert_eq!(
            diff("Karlis Ulmanis", "Kārlis Ulmanis"),
            vec![
                span(DiffOp::Same, "K", "K"),
                span(DiffOp::Changed, "a", "ā"),
                span(DiffOp::Same, "rlis Ulmanis", "rlis Ulmanis"),
            ]
        );
    }

    #[test]
    fn diff_marks_missing_and_extra() {
        assert_eq!(
            diff("Ulmanis", "Kārlis Ulmanis"),
            vec![
                span(DiffOp::Missing, "", "Kārlis "),
                span(DiffOp::Same, "Ulmanis", "Ulmanis"),
            ]
        );
        assert_eq!(
            diff("Smetonaa", "Smetona"),
            vec![
                span(DiffOp::Same, "Smetona", "Smetona"),
                span(DiffOp::Extra, "a", "")
            ]
        );
        assert_eq!(
            diff("Kirhenšeins", "Kirhenšteins"),
            vec![
                span(DiffOp::Same, "Kirhenš", "Kirhenš"),
                span(DiffOp::Missing, "", "t"),
                span(DiffOp::Same, "eins", "eins"),
            ]
        );
    }

    #[test]
    fn diff_ignores_case_and_whitespace_runs_but_shows_both_texts() {
        assert_eq!(
            diff("  smetona   ANTANAS ", "Smetona Antanas"),
            vec![span(DiffOp::Same, "smetona ANTANAS", "Smetona Antanas")]
        );
        assert_eq!(
            diff("Molotov Ribbentrop", "Molotov-Ribbentrop"),
            vec![span(
                DiffOp::Same,
                "Molotov Ribbentrop",
                "Molotov-Ribbentrop"
            )]
        );
        assert_eq!(
            diff("1940.", "1940"),
            vec![
                span(DiffOp::Same, "1940", "1940"),
                span(DiffOp::Extra, ".", "")
            ]
        );
    }

    #[test]
    fn diff_keeps_combining_marks_and_emoji_whole() {
        assert_eq!(
            diff("q", "q\u{0303}"),
            vec![span(DiffOp::Changed, "q", "q\u{0303}")]
        );
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(diff(family, "x"), vec![span(DiffOp::Changed, family, "x")]);
        assert_eq!(
            diff("🇱🇻🇪🇪", "🇱🇻"),
            vec![
                span(DiffOp::Same, "🇱🇻", "🇱🇻"),
                span(DiffOp::Extra, "🇪🇪", ""),
            ]
        );
    }

    #[test]
    fn diff_is_cut_at_the_limit() {
        let long = "a".repeat(MAX_DIFF_CHARS + 5);
        let (spans, cut) = char_diff(&long, "a");
        assert!(cut);
        assert_eq!(
            spans.iter().map(|s| s.typed.len()).sum::<usize>(),
            MAX_DIFF_CHARS
        );
        let (_, cut) = char_diff(&"a".repeat(MAX_DIFF_CHARS), "a");
        assert!(!cut);
    }

    // --- search key and rating

    #[test]
    fn search_key() {
        assert_eq!(
            normalize_for_search("  Kārlis   ULMANIS! "),
            "karlis ulmanis"
        );
        assert_eq!(
            normalize_for_search("Molotov–Ribbentrop"),
            "molotov ribbentrop"
        );
        assert_eq!(normalize_for_search("Łódź"), "lodz");
        assert_eq!(normalize_for_search("Straße"), "strasse");
        assert_eq!(normalize_for_search("Молотов"), "молотов");
        assert_eq!(normalize_for_search("23 August 1939."), "23 august 1939");
        assert_eq!(normalize_for_search("?!"), "");
        assert_eq!(normalize_for_search(""), "");
    }

    #[test]
    fn ratings() {
        let rate = |typed: &str, s| suggested_rating(&check(typed, &["Kirhenšteins"], s));
        assert_eq!(rate("Kirhenšteins", EXACT), SuggestedRating::Good);
        assert_eq!(rate("Kirhensteins", WITH_NOTE), SuggestedRating::Good);
        assert_eq!(rate("Kirhensteins", SILENT), SuggestedRating::Good);
        assert_eq!(rate("Kirhensteins", EXACT), SuggestedRating::Again);
        assert_eq!(rate("Kirhenšteinz", EXACT), SuggestedRating::Hard);
        assert_eq!(rate("Ulmanis", WITH_NOTE), SuggestedRating::Again);
        assert_eq!(rate("", WITH_NOTE), SuggestedRating::Again);
    }

    #[test]
    fn one_edit_helper() {
        assert!(within_one_edit("abc", "abc"));
        assert!(within_one_edit("abc", "abd"));
        assert!(within_one_edit("abc", "bac"));
        assert!(within_one_edit("abc", "acb"));
        assert!(within_one_edit("abc", "ab"));
        assert!(within_one_edit("ab", "abc"));
        assert!(within_one_edit("abc", "xabc"));
        assert!(within_one_edit("", "a"));
        assert!(!within_one_edit("abc", "cba"));
        assert!(!within_one_edit("abcd", "badc"));
        assert!(!within_one_edit("abc", "a"));
        assert!(!within_one_edit("abc", "xyc"));
    }

    // --- properties

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Text from the alphabets the app is used with, plus digits and punctuation.
        fn realistic_word() -> impl Strategy<Value = String> {
            "[a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽąęėįųĄĘĖĮŲõäöüÕÄÖÜмолтвМОЛТВсдаСДА0-9.,'-]{1,12}"
        }

        fn phrase() -> impl Strategy<Value = String> {
            prop::collection::vec(realistic_word(), 1..5).prop_map(|w| w.join(" "))
        }

        fn strictness() -> impl Strategy<Value = Strictness> {
            prop::sample::select(ALL.to_vec())
        }

        /// A typed answer: an accepted one, maybe with one character changed or removed.
        fn typed_and_accepted() -> impl Strategy<Value = (String, Vec<String>)> {
            (
                prop::collection::vec(phrase(), 1..4),
                any::<prop::sample::Index>(),
                0..4usize,
                any::<prop::sample::Index>(),
                realistic_word(),
            )
                .prop_map(|(accepted, which, how, at, other)| {
                    let base = which.get(&accepted).clone();
                    let mut chars: Vec<char> = base.chars().collect();
                    let i = at.index(chars.len());
                    match how {
                        0 => {}
                        1 => {
                            chars.remove(i);
                        }
                        2 => chars[i] = other.chars().next().unwrap_or('x'),
                        _ => return (other, accepted),
                    }
                    (chars.into_iter().collect(), accepted)
                })
        }

        fn judgement(v: &Verdict) -> (bool, VerdictKind, String, Option<String>) {
            (
                v.correct,
                v.kind,
                v.answer.clone(),
                v.note.as_ref().map(ToString::to_string),
            )
        }

        #[test]
        fn baltic_names_take_the_fast_path() {
            assert_eq!(
                normalize_latin("Kārlis Ulmanis, Konstantin Päts; Antanas Sniečkus").as_deref(),
                Some("karlis ulmanis konstantin pats antanas snieckus")
            );
            assert_eq!(normalize_latin("Straße 007"), Some("strasse 7".into()));
            assert_eq!(normalize_latin("Молотов"), Some("молотов".into()));
            assert_eq!(
                normalize_latin("ЁЛКА, Йошкар-Ола; Ўзбек 1939").as_deref(),
                Some("елка иошкар ола узбек 1939")
            );
            // A combining mark or a sign outside the letters takes the general path.
            assert_eq!(normalize_latin("и\u{306}"), None);
            assert_eq!(normalize_latin("҂"), None);
            assert_eq!(
                normalize_for_search("Молотов – Риббентроп"),
                "молотов риббентроп"
            );
        }

        /// The search key of `s` through the general path alone.
        fn general_key(s: &str) -> String {
            tokenize(s)
                .into_iter()
                .filter(|w| !w.loose.is_empty())
                .map(|w| w.loose)
                .collect::<Vec<_>>()
                .join(" ")
        }

        proptest! {
            #[test]
            fn ascii_fast_path_matches_the_general_path(s in "[\\x00-\\x7f0-9 .,]{0,60}") {
                prop_assert_eq!(normalize_latin(&s), Some(general_key(&s)));
            }

            #[test]
            fn latin_fast_path_matches_the_general_path(
                s in "[a-zA-Z0-9 .,'-ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćČčĒēĖėĘęĚěĢģĪīĮįİıĶķĹĺĻļĽľŀŁłŃńŅņŇňŉŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŸŹźŻżŽžſǅǆǈǉȘșȚț×÷ʼ]{0,40}"
            ) {
                let slow = general_key(&s);
                if let Some(fast) = normalize_latin(&s) {
                    prop_assert_eq!(fast, slow);
                }
            }
        }

        proptest! {
            #[test]
            fn cyrillic_fast_path_matches_the_general_path(
                s in "[a-zA-Z0-9 .,'-\u{400}-\u{4ff}ÄäĀāŽž\u{301}\u{306}]{0,40}"
            ) {
                let slow = general_key(&s);
                if let Some(fast) = normalize_latin(&s) {
                    prop_assert_eq!(fast, slow);
                }
            }

            #[test]
            fn every_cyrillic_letter_folds_as_the_general_path_does(
                s in "[\u{410}-\u{44f}\u{400}-\u{40f}\u{450}-\u{45f} ]{0,40}"
            ) {
                let slow = general_key(&s);
                prop_assert_eq!(normalize_latin(&s), Some(slow));
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn never_panics(typed in any::<String>(), accepted in prop::collection::vec(any::<String>(), 0..4), s in strictness()) {
                let v = check_answer(&typed, &accepted, s);
                let _ = suggested_rating(&v);
                let _ = normalize_for_search(&typed);
            }

            #[test]
            fn never_panics_on_tricky_text(
                typed in "[a-zāšž\u{0300}-\u{036F}\u{0591}-\u{05F4}\u{0600}-\u{065F}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{1F1E6}-\u{1F1FF}\u{1F600}-\u{1F64F}\u{FE0F} .,0-9ßẞİı]{0,40}",
                accepted in prop::collection::vec("[a-zāšž\u{0300}-\u{036F}\u{05D0}-\u{05EA}\u{1F600}-\u{1F64F} 0-9ßẞ]{0,20}", 0..4),
                s in strictness(),
            ) {
                let v = check_answer(&typed, &accepted, s);
                let _ = suggested_rating(&v);
            }

            #[test]
            fn an_accepted_answer_typed_exactly_is_right(
                accepted in prop::collection::vec(any::<String>(), 1..4),
                which in any::<prop::sample::Index>(),
                s in strictness(),
            ) {
                let typed = which.get(&accepted).clone();
                prop_assume!(!typed.trim().is_empty());
                let v = check_answer(&typed, &accepted, s);
                prop_assert!(v.correct, "{:?}", v);
                prop_assert_eq!(v.kind, VerdictKind::Exact);
            }

            #[test]
            fn a_realistic_accepted_answer_typed_exactly_is_right(
                accepted in prop::collection::vec(phrase(), 1..4),
                which in any::<prop::sample::Index>(),
                s in strictness(),
            ) {
                let typed = which.get(&accepted).clone();
                prop_assume!(tokenize(&typed).iter().any(|w| !w.strict.is_empty()));
                let v = check_answer(&typed, &accepted, s);
                prop_assert!(v.correct, "{:?}", v);
            }

            #[test]
            fn case_and_whitespace_never_change_the_verdict(
                (typed, accepted) in typed_and_accepted(),
                s in strictness(),
            ) {
                let base = judgement(&check_answer(&typed, &accepted, s));
                let spaced = format!(" \t{}\n ", typed.replace(' ', " \u{00A0}\t "));
                for variant in [typed.to_uppercase(), typed.to_lowercase(), spaced] {
                    prop_assert_eq!(&judgement(&check_answer(&variant, &accepted, s)), &base, "{:?}", variant);
                }
            }

            #[test]
            fn diff_spans_rebuild_both_sides(typed in "\\PC{0,30}", expected in "\\PC{0,30}") {
                let (spans, cut) = char_diff(&typed, &expected);
                prop_assert!(!cut);
                let show = |s: &str| {
                    let units = display_units(s, usize::MAX).0;
                    units.into_iter().map(|u| u.text).collect::<String>()
                };
                let typed_back: String = spans.iter().map(|s| s.typed.as_str()).collect();
                let expected_back: String = spans.iter().map(|s| s.expected.as_str()).collect();
                prop_assert_eq!(typed_back, show(&typed));
                prop_assert_eq!(expected_back, show(&expected));
                for s in &spans {
                    match s.op {
                        DiffOp::Missing => prop_assert!(s.typed.is_empty()),
                        DiffOp::Extra => prop_assert!(s.expected.is_empty()),
                        DiffOp::Same | DiffOp::Changed => {
                            prop_assert!(!s.typed.is_empty() && !s.expected.is_empty())
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn dates_match_in_the_forms_students_type() {
        for typed in [
            "18.09.1939",
            "18/09/1939",
            "18-9-1939",
            "1939-09-18",
            "18 Sept 1939",
            "18 Sept. 1939",
            "18 sep 1939",
            "18th September 1939",
            "18th of September, 1939",
            "September 18, 1939",
            "Sept. 18th 1939",
        ] {
            let v = check_answer(typed, &["18 September 1939"], Strictness::default());
            assert!(v.correct, "{typed}");
            assert_eq!(v.answer, "18 September 1939");
        }
        for typed in [
            "19.09.1939",
            "09.18.1939",
            "18.09.1940",
            "18 Oct 1939",
            "1939",
            "18.09",
        ] {
            let v = check_answer(typed, &["18 September 1939"], Strictness::default());
            assert!(!v.correct, "{typed}");
        }
        assert_eq!(parse_date("31.02.1940"), None, "no such day");
        assert_eq!(parse_date("June 17, 1940"), Some((1940, 6, 17)));
        assert_eq!(parse_date("17 June"), None);
    }
}
