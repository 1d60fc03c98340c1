//! The checks of each kind of card (answers, distractors, items, pairs, cloze gaps,
//! Locate regions) and the limits on Locate regions.

use super::*;
use crate::text::Text;

/// Most regions on one Locate card (the answer and the others).
pub(crate) const MAX_REGIONS: usize = 64;
/// Most corners of one polygon region.
pub(crate) const MAX_POLYGON_POINTS: usize = 1_000;

/// Checks one region of a Locate card (at `path`): a name, a real shape, inside the
/// picture when its size is known. Returns it, and its folded name for the uniqueness
/// check.
fn check_region(
    raw: RawRegion,
    path: &str,
    size: Option<(u32, u32)>,
    issues: &mut Issues,
) -> Region {
    let (name, shape) = match raw {
        RawRegion::Circle { name, x, y, r } => (name, Shape::Circle { x, y, r }),
        RawRegion::Polygon { name, points } => (name, Shape::Polygon { points }),
    };
    issues.non_empty(|| format!("{path}.name"), "field-region-name", &name);
    let bad = |issues: &mut Issues, field: &str, message: Message, hint: &'static str| {
        let hint = Message::new(hint);
        issues.error("bad-region", format!("{path}.{field}"), message, hint);
    };
    match &shape {
        Shape::Circle { x, y, r } => {
            if !(x.is_finite() && y.is_finite() && r.is_finite()) {
                bad(
                    issues,
                    "x",
                    Message::new("check-region-not-number").arg("name", &name),
                    "check-region-not-number-hint",
                );
                return Region { name, shape };
            }
            if *r <= 0.0 {
                bad(
                    issues,
                    "r",
                    Message::new("check-circle-radius")
                        .arg("name", &name)
                        .arg("r", *r),
                    "check-circle-radius-hint",
                );
            }
        }
        Shape::Polygon { points } => {
            if points.len() < 3 {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-few")
                        .arg("name", &name)
                        .arg("n", points.len()),
                    "check-polygon-few-hint",
                );
                return Region { name, shape };
            }
            if points.len() > MAX_POLYGON_POINTS {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-many")
                        .arg("name", &name)
                        .arg("n", points.len())
                        .arg("max", MAX_POLYGON_POINTS),
                    "check-polygon-many-hint",
                );
                return Region { name, shape };
            }
            if let Some(j) = points
                .iter()
                .position(|(x, y)| !(x.is_finite() && y.is_finite()))
            {
                bad(
                    issues,
                    &format!("points[{j}]"),
                    Message::new("check-polygon-corner").arg("name", &name),
                    "check-polygon-corner-hint",
                );
                return Region { name, shape };
            }
            // Twice the signed area (shoelace): zero when the corners lie on one line.
            let n = points.len();
            let area2: f64 = (0..n)
                .map(|i| {
                    let (x0, y0) = points[i];
                    let (x1, y1) = points[(i + 1) % n];
                    f64::from(x0) * f64::from(y1) - f64::from(x1) * f64::from(y0)
                })
                .sum();
            if area2.abs() < 1e-6 {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-flat").arg("name", &name),
                    "check-polygon-flat-hint",
                );
            }
        }
    }
    if let Some((w, h)) = size {
        let region = Region { name, shape };
        let (x0, y0, x1, y1) = region.bounds();
        if x0 < 0.0 || y0 < 0.0 || x1 > w as f32 || y1 > h as f32 {
            issues.error(
                "region-outside-picture",
                path.to_owned(),
                Message::new("check-region-outside")
                    .arg("name", &region.name)
                    .arg("x0", x0)
                    .arg("y0", y0)
                    .arg("x1", x1)
                    .arg("y1", y1)
                    .arg("width", w.to_string())
                    .arg("height", h.to_string()),
                Message::new("check-region-outside-hint"),
            );
        }
        return region;
    }
    Region { name, shape }
}

pub(super) fn check_kind(
    kind: RawKind,
    at: Place,
    picture_size: Option<(u32, u32)>,
    issues: &mut Issues,
) -> Option<CardKind> {
    let f = |field: &str| at.kind(field);
    // A list past the cap refuses the card; its entries past the cap are not checked one
    // by one (the card's other checks still run).
    let mut kind = kind;
    let over = match &mut kind {
        RawKind::TypeIn { answers: l, .. } => over_cap(l, || f("answers"), issues),
        RawKind::MultipleChoice {
            distractors,
            also_correct,
            ..
        } => {
            over_cap(distractors, || f("distractors"), issues)
                | over_cap(also_correct, || f("also_correct"), issues)
        }
        RawKind::Order { items: l, .. } => over_cap(l, || f("items"), issues),
        RawKind::Match { pairs: l, .. } => over_cap(l, || f("pairs"), issues),
        _ => false,
    };
    let kind = checked_kind(kind, at, picture_size, issues)?;
    (!over).then_some(kind)
}

/// Refuses a list of a card longer than [`super::super::MAX_LIST_ITEMS`] (at `path`) and
/// cuts it to the cap, so that only the entries within it are checked; true when it was
/// over.
fn over_cap<T>(list: &mut Vec<T>, path: impl FnOnce() -> String, issues: &mut Issues) -> bool {
    let fits = list_fits(list.len(), path, issues);
    list.truncate(super::super::MAX_LIST_ITEMS);
    !fits
}

/// [`check_kind`] of a card whose lists are within the cap.
fn checked_kind(
    kind: RawKind,
    at: Place,
    picture_size: Option<(u32, u32)>,
    issues: &mut Issues,
) -> Option<CardKind> {
    let f = |field: &str| at.kind(field);
    Some(match kind {
        RawKind::Basic {
            front,
            back,
            reverse,
        } => {
            issues.non_empty(|| f("front"), "field-front", &front);
            issues.non_empty(|| f("back"), "field-back", &back);
            CardKind::Basic {
                front: front.into(),
                back: back.into(),
                reverse,
            }
        }
        RawKind::Cloze { text } if text.len() > super::super::MAX_TEXT_BYTES => {
            issues.too_long(f("text"), "field-cloze-text", &text);
            return None;
        }
        RawKind::Cloze { text } => match Cloze::parse(&text) {
            Err(p) => {
                let (message, hint) = match p {
                    ClozeProblem::Unclosed => (
                        Message::new("check-cloze-unclosed"),
                        "check-cloze-unclosed-hint",
                    ),
                    ClozeProblem::BadMarker(m) => (
                        Message::new("check-cloze-marker").arg("marker", m),
                        "check-cloze-marker-hint",
                    ),
                    ClozeProblem::EmptyAnswer(n) => (
                        Message::new("check-cloze-empty").arg("n", n),
                        "check-cloze-empty-hint",
                    ),
                };
                issues.error("bad-cloze", f("text"), message, Message::new(hint));
                return None;
            }
            Ok(c) => {
                let numbers = c.numbers();
                if numbers.is_empty() {
                    issues.error(
                        "cloze-without-gaps",
                        f("text"),
                        Message::new("check-cloze-no-gaps"),
                        Message::new("check-cloze-no-gaps-hint"),
                    );
                } else if let Some((want, _)) = numbers
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (i as u32 + 1, *n))
                    .find(|(want, n)| want != n)
                {
                    issues.error(
                        "cloze-numbering",
                        f("text"),
                        Message::new("check-cloze-numbering")
                            .arg(
                                "gaps",
                                numbers
                                    .iter()
                                    .map(|n| format!("c{n}"))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )
                            .arg("missing", want),
                        Message::new("check-cloze-numbering-hint"),
                    );
                }
                CardKind::Cloze(c)
            }
        },
        RawKind::TypeIn { question, answers } => {
            issues.non_empty(|| f("question"), "field-question", &question);
            if answers.is_empty() {
                issues.error(
                    "no-answer",
                    f("answers"),
                    Message::new("check-no-answer"),
                    Message::new("check-no-answer-hint"),
                );
            }
            for (j, a) in answers.iter().enumerate() {
                issues.non_empty(|| f(&format!("answers[{j}]")), "field-answer", a);
            }
            let folded = fold_keys(&answers);
            duplicates(
                &answers,
                &folded,
                || f("answers"),
                "",
                "field-answer",
                issues,
            );
            CardKind::TypeIn {
                question: question.into(),
                answers: texts(answers),
            }
        }
        RawKind::MultipleChoice {
            question,
            answer,
            distractors,
            also_correct,
        } => {
            issues.non_empty(|| f("question"), "field-question", &question);
            issues.non_empty(|| f("answer"), "field-answer", &answer);
            if distractors.is_empty() {
                issues.error(
                    "no-distractors",
                    f("distractors"),
                    Message::new("check-no-distractors"),
                    Message::new("check-no-distractors-hint"),
                );
            }
            let right: Vec<Option<u128>> = std::iter::once(&answer)
                .chain(&also_correct)
                .map(|a| fold_key(a))
                .collect();
            let folded = fold_keys(&distractors);
            for (j, (d, key)) in distractors.iter().zip(&folded).enumerate() {
                issues.non_empty(|| f(&format!("distractors[{j}]")), "field-distractor", d);
                if right.contains(key) {
                    issues.error(
                        "answer-in-distractors",
                        f(&format!("distractors[{j}]")),
                        Message::new("check-answer-in-distractors").arg("value", d),
                        Message::new("check-answer-in-distractors-hint"),
                    );
                }
            }
            for (j, a) in also_correct.iter().enumerate() {
                issues.non_empty(|| f(&format!("also_correct[{j}]")), "field-also-correct", a);
            }
            let at = || f("distractors");
            duplicates(&distractors, &folded, at, "", "field-distractor", issues);
            CardKind::MultipleChoice {
                question: question.into(),
                answer: answer.into(),
                distractors: texts(distractors),
                also_correct: texts(also_correct),
            }
        }
        RawKind::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            issues.non_empty(|| f("statement"), "field-statement", &statement);
            issues.fits(|| f("correction"), "field-correction", &correction);
            if !truth && correction.trim().is_empty() {
                issues.error(
                    "missing-correction",
                    f("truth"),
                    Message::new("check-missing-correction"),
                    Message::new("check-missing-correction-hint"),
                );
            }
            CardKind::TrueFalse {
                statement: statement.into(),
                truth,
                correction: correction.into(),
            }
        }
        RawKind::Order { prompt, items } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if items.len() < 3 {
                issues.error(
                    "too-short",
                    f("items"),
                    Message::new("check-order-short").arg("n", items.len()),
                    Message::new("check-order-short-hint"),
                );
            }
            for (j, it) in items.iter().enumerate() {
                issues.non_empty(|| f(&format!("items[{j}]")), "field-item", it);
            }
            let folded = fold_keys(&items);
            duplicates(&items, &folded, || f("items"), "", "field-item", issues);
            CardKind::Order {
                prompt: prompt.into(),
                items: texts(items),
            }
        }
        RawKind::Match { prompt, pairs } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if pairs.len() < 3 {
                issues.error(
                    "too-short",
                    f("pairs"),
                    Message::new("check-match-short").arg("n", pairs.len()),
                    Message::new("check-match-short-hint"),
                );
            }
            for (j, (l, r)) in pairs.iter().enumerate() {
                issues.non_empty(|| f(&format!("pairs[{j}][0]")), "field-pair-left", l);
                issues.non_empty(|| f(&format!("pairs[{j}][1]")), "field-pair-right", r);
            }
            let (lefts, rights): (Vec<&str>, Vec<&str>) =
                pairs.iter().map(|(l, r)| (l.as_str(), r.as_str())).unzip();
            let at = || f("pairs");
            duplicates(
                &lefts,
                &fold_keys(&lefts),
                at,
                "[0]",
                "field-pair-left",
                issues,
            );
            duplicates(
                &rights,
                &fold_keys(&rights),
                at,
                "[1]",
                "field-pair-right",
                issues,
            );
            CardKind::Match {
                prompt: prompt.into(),
                pairs: (pairs.into_iter())
                    .map(|(l, r)| (l.into(), r.into()))
                    .collect(),
            }
        }
        RawKind::Locate {
            prompt,
            choice_prompt,
            picture,
            answer,
            others,
        } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if let Some(choice) = &choice_prompt {
                issues.non_empty(|| f("choice_prompt"), "field-choice-prompt", choice);
            }
            if others.len() + 1 > MAX_REGIONS {
                issues.error(
                    "too-many-regions",
                    f("others"),
                    Message::new("check-too-many-regions")
                        .arg("n", others.len() + 1)
                        .arg("max", MAX_REGIONS),
                    Message::new("check-too-many-regions-hint"),
                );
                return None;
            }
            let answer = check_region(answer, &f("answer"), picture_size, issues);
            let others: Vec<Region> = others
                .into_iter()
                .enumerate()
                .map(|(j, r)| check_region(r, &f(&format!("others[{j}]")), picture_size, issues))
                .collect();
            // Names unique (case, accents and punctuation ignored): a name is the answer.
            let mut seen: FxHashMap<String, String> = FxHashMap::default();
            for (path, region) in std::iter::once((f("answer"), &answer)).chain(
                others
                    .iter()
                    .enumerate()
                    .map(|(j, r)| (f(&format!("others[{j}]")), r)),
            ) {
                let key = fold(&region.name);
                if key.is_empty() {
                    continue;
                }
                if let Some(first) = seen.get(&key) {
                    let issue = issues.push(
                        Severity::Error,
                        "duplicate-region",
                        format!("{path}.name"),
                        Message::new("check-duplicate-region").arg("name", &region.name),
                        Message::new("check-duplicate-region-hint"),
                    );
                    issue.related = Some(format!("{first}.name"));
                } else {
                    seen.insert(key, path);
                }
            }
            CardKind::Locate {
                prompt: prompt.into(),
                choice_prompt: choice_prompt.map(Text::from),
                picture: picture.into(),
                answer: Box::new(answer),
                others: others.into(),
            }
        }
    })
}

/// Refuses a list of a card longer than [`super::super::MAX_LIST_ITEMS`] (at `path`);
/// true when it is within.
pub(super) fn list_fits(len: usize, path: impl FnOnce() -> String, issues: &mut Issues) -> bool {
    if len <= super::super::MAX_LIST_ITEMS {
        return true;
    }
    issues.error(
        "too-many",
        path(),
        Message::new("check-too-many").arg("max", super::super::MAX_LIST_ITEMS),
        Message::new("check-too-many-hint"),
    );
    false
}

/// Every value's folded form (case, accents and punctuation ignored) as a 128-bit hash,
/// `None` for a value that folds to nothing: a card of millions of answers kept a folded
/// copy of each.
fn fold_keys<S: AsRef<str>>(values: &[S]) -> Vec<Option<u128>> {
    values.iter().map(|v| fold_key(v.as_ref())).collect()
}

/// The folded form of `value` as a 128-bit hash (see [`fold_keys`]).
fn fold_key(value: &str) -> Option<u128> {
    let folded = fold(value);
    (!folded.is_empty()).then(|| xxhash_rust::xxh3::xxh3_128(folded.as_bytes()))
}

/// Reports values that repeat, by their folded forms' hashes (see [`fold_keys`]).
fn duplicates<S: AsRef<str>>(
    values: &[S],
    keys: &[Option<u128>],
    at: impl Fn() -> String,
    suffix: &str,
    what: &'static str,
    issues: &mut Issues,
) {
    // The first place of each folded value: one hash lookup per value, so a list of
    // 100,000 distractors costs milliseconds, not the seconds of comparing every pair.
    let mut seen: FxHashMap<u128, usize> = FxHashMap::default();
    seen.reserve(keys.len());
    // The card, once known (for counting repeats past the cap).
    let mut card = None;
    for (j, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let first = *seen.entry(*key).or_insert(j);
        if first != j {
            // Past the cap on issues only the count is kept: writing each repeat of a
            // list of millions was most of the time.
            if issues.full() {
                let card = *card.get_or_insert_with(|| card_index(&at()));
                issues.omit(Severity::Error, card, || format!("{}[{j}]{suffix}", at()));
                continue;
            }
            let at = at();
            // Two spellings that differ only in accents or capitals ("Karlis" and
            // "Kārlis") are one answer to a student typing: said so, both shown.
            let (value, earlier) = (values[j].as_ref(), values[first].as_ref());
            let message = if value == earlier {
                Message::new("check-duplicate")
            } else {
                Message::new("check-duplicate-folded").arg("earlier", earlier)
            };
            let issue = issues.push(
                Severity::Error,
                "duplicate",
                format!("{at}[{j}]{suffix}"),
                message.arg("what", Message::new(what)).arg("value", value),
                Message::new("check-duplicate-hint"),
            );
            issue.related = Some(format!("{at}[{first}]{suffix}"));
        }
    }
}

/// Checked texts as a card holds them.
pub(super) fn texts(v: Vec<String>) -> Box<[Text]> {
    v.into_iter().map(Text::from).collect()
}
