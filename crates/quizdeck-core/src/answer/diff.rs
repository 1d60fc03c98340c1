//! The difference between a typed answer and the right one, as shown after the answer:
//! display units (a character with its combining marks), compared case-blind, in spans of
//! kept, missing and extra text.

use super::{DiffOp, DiffSpan, MAX_DIFF_CHARS, is_separator};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A displayed character: a base character with the combining marks, variation selectors,
/// skin-tone modifiers and zero-width-joined characters that belong to it (an approximation
/// of a grapheme cluster).
pub(super) struct Unit {
    /// The unit's characters.
    pub(super) text: String,
    /// Compared instead of the text: lower case, and one space for any whitespace, dash or slash.
    key: String,
}

/// Cuts the NFC form of `s` (trimmed, whitespace runs as one space) into display units, at
/// most `max`. Returns whether it was cut.
pub(super) fn display_units(s: &str, max: usize) -> (Vec<Unit>, bool) {
    let mut units: Vec<Unit> = Vec::new();
    let mut join_next = false;
    let mut last_was_space = false;
    for c in s.trim().nfc() {
        if c.is_whitespace() {
            if last_was_space {
                continue;
            }
            last_was_space = true;
        } else {
            last_was_space = false;
        }
        let c = if c.is_whitespace() { ' ' } else { c };
        let attaches = match units.last() {
            None => false,
            Some(last) => {
                join_next
                    || (c != ' ' && is_combining_mark(c))
                    || c == '\u{200D}'
                    || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
                    || (is_regional_indicator(c) && {
                        let mut it = last.text.chars();
                        it.next().is_some_and(is_regional_indicator) && it.next().is_none()
                    })
            }
        };
        join_next = c == '\u{200D}';
        if attaches {
            if let Some(last) = units.last_mut() {
                last.text.push(c);
            }
            continue;
        }
        if units.len() == max {
            // Fix the keys before returning.
            finish_keys(&mut units);
            return (units, true);
        }
        units.push(Unit {
            text: c.to_string(),
            key: String::new(),
        });
    }
    finish_keys(&mut units);
    (units, false)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn finish_keys(units: &mut [Unit]) {
    for u in units {
        u.key = if u.text.chars().all(|c| c.is_whitespace() || is_separator(c)) {
            " ".to_string()
        } else {
            u.text.to_lowercase().nfc().collect()
        };
    }
}

/// Aligns `typed` with `expected` unit by unit (edit distance, substitutions as
/// [`DiffOp::Changed`]) and groups the result into spans.
pub(super) fn char_diff(typed: &str, expected: &str) -> (Vec<DiffSpan>, bool) {
    let (t, t_cut) = display_units(typed, MAX_DIFF_CHARS);
    let (e, e_cut) = display_units(expected, MAX_DIFF_CHARS);

    let prefix = t.iter().zip(&e).take_while(|(a, b)| a.key == b.key).count();
    let suffix = t[prefix..]
        .iter()
        .rev()
        .zip(e[prefix..].iter().rev())
        .take_while(|(a, b)| a.key == b.key)
        .count();
    let tm = &t[prefix..t.len() - suffix];
    let em = &e[prefix..e.len() - suffix];

    // ops as (op, typed unit index, expected unit index)
    let mut ops: Vec<(DiffOp, Option<usize>, Option<usize>)> =
        Vec::with_capacity(t.len() + e.len());
    for i in 0..prefix {
        ops.push((DiffOp::Same, Some(i), Some(i)));
    }
    let (n, m) = (tm.len(), em.len());
    let w = m + 1;
    // Both sides are at most MAX_DIFF_CHARS units, so distances fit in u16.
    let mut d = vec![0u16; (n + 1) * w];
    for (i, cell) in d.iter_mut().step_by(w).enumerate() {
        *cell = i as u16;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j as u16;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = d[(i - 1) * w + j - 1] + u16::from(tm[i - 1].key != em[j - 1].key);
            let extra = d[(i - 1) * w + j] + 1;
            let missing = d[i * w + j - 1] + 1;
            d[i * w + j] = sub.min(extra).min(missing);
        }
    }
    let mut middle = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * w + j];
        if i > 0 && j > 0 && tm[i - 1].key == em[j - 1].key && here == d[(i - 1) * w + j - 1] {
            middle.push((DiffOp::Same, Some(prefix + i - 1), Some(prefix + j - 1)));
            i -= 1;
            j -= 1;
        } else if i > 0 && j > 0 && here == d[(i - 1) * w + j - 1] + 1 {
            middle.push((DiffOp::Changed, Some(prefix + i - 1), Some(prefix + j - 1)));
            i -= 1;
            j -= 1;
        } else if i > 0 && (j == 0 || here == d[(i - 1) * w + j] + 1) {
            middle.push((DiffOp::Extra, Some(prefix + i - 1), None));
            i -= 1;
        } else {
            middle.push((DiffOp::Missing, None, Some(prefix + j - 1)));
            j -= 1;
        }
    }
    ops.extend(middle.into_iter().rev());
    for k in 0..suffix {
        ops.push((
            DiffOp::Same,
            Some(t.len() - suffix + k),
            Some(e.len() - suffix + k),
        ));
    }

    let mut spans: Vec<DiffSpan> = Vec::new();
    for (op, ti, ei) in ops {
        if spans.last().is_none_or(|s| s.op != op) {
            spans.push(DiffSpan {
                op,
                typed: String::new(),
                expected: String::new(),
            });
        }
        if let Some(span) = spans.last_mut() {
            if let Some(unit) = ti.and_then(|i| t.get(i)) {
                span.typed.push_str(&unit.text);
            }
            if let Some(unit) = ei.and_then(|i| e.get(i)) {
                span.expected.push_str(&unit.text);
            }
        }
    }
    (spans, t_cut || e_cut)
}
