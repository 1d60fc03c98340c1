//! The cache's form of a deck: its head ([`CDeck`]) and each card ([`CCard`]), with their
//! texts borrowed (from the deck when written, from a piece's bytes when read), and the
//! conversions both ways. A card read back takes its texts from its piece's [`Arena`].

use super::super::model::Cloze;
use super::super::{Card, CardKind, Deck, Region, SourceRef};
use crate::ids::CardId;
use crate::text::{Arena, Text};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Serialize, Deserialize)]
pub(super) struct CDeck<'a> {
    pub(super) id: Cow<'a, str>,
    pub(super) title: Cow<'a, str>,
    pub(super) description: Cow<'a, str>,
    pub(super) language: Cow<'a, str>,
    pub(super) authors: Cow<'a, [String]>,
    pub(super) version: u32,
    pub(super) sources: Vec<(Cow<'a, str>, Cow<'a, str>, Cow<'a, str>)>,
    #[serde(borrow)]
    pub(super) cards: Vec<CCard<'a>>,
}

/// A card in the cache's form: its texts borrowed (from the card when written, from the
/// piece's bytes when read). The bytes are those of owned strings: postcard writes a
/// `&str` as it writes a `String`.
#[derive(Serialize, Deserialize)]
pub(super) struct CCard<'a> {
    pub(super) id: &'a str,
    #[serde(borrow)]
    pub(super) tags: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) source: Option<(&'a str, &'a str)>,
    pub(super) note: &'a str,
    pub(super) image: Option<&'a str>,
    #[serde(borrow)]
    pub(super) kind: CKind<'a>,
}

#[derive(Serialize, Deserialize)]
pub(super) enum CKind<'a> {
    Basic(&'a str, &'a str, bool),
    Cloze(&'a str),
    TypeIn(&'a str, #[serde(borrow)] Vec<&'a str>),
    MultipleChoice(
        &'a str,
        &'a str,
        #[serde(borrow)] Vec<&'a str>,
        #[serde(borrow)] Vec<&'a str>,
    ),
    TrueFalse(&'a str, bool, &'a str),
    Order(&'a str, #[serde(borrow)] Vec<&'a str>),
    Match(&'a str, #[serde(borrow)] Vec<(&'a str, &'a str)>),
    Locate(
        &'a str,
        Option<&'a str>,
        &'a str,
        Cow<'a, Region>,
        Cow<'a, [Region]>,
    ),
}

impl CCard<'_> {
    /// Gives `f` every text of the card that becomes a [`Text`], in the order
    /// [`card_from_cache`] takes them from the piece's [`Arena`].
    pub(super) fn each_text(&self, f: &mut dyn FnMut(&str)) {
        self.tags.iter().for_each(|t| f(t));
        f(self.note);
        if let Some((doc, section)) = self.source {
            f(doc);
            f(section);
        }
        if let Some(image) = self.image {
            f(image);
        }
        match &self.kind {
            CKind::Basic(a, b, _) | CKind::TrueFalse(a, _, b) => {
                f(a);
                f(b);
            }
            CKind::Locate(prompt, choice, picture, ..) => {
                f(prompt);
                choice.iter().for_each(|t| f(t));
                f(picture);
            }
            CKind::Cloze(a) => f(a),
            CKind::TypeIn(a, list) | CKind::Order(a, list) => {
                f(a);
                list.iter().for_each(|t| f(t));
            }
            CKind::MultipleChoice(question, answer, distractors, also) => {
                f(question);
                f(answer);
                distractors.iter().chain(also).for_each(|t| f(t));
            }
            CKind::Match(prompt, pairs) => {
                f(prompt);
                for (l, r) in pairs {
                    f(l);
                    f(r);
                }
            }
        }
    }
}

fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// The deck's head in the cache's form (its cards go in pieces: [`card_to_cache`]).
pub(super) fn head_to_cache(d: &Deck) -> CDeck<'_> {
    CDeck {
        id: b(d.id.as_str()),
        title: b(&d.title),
        description: b(&d.description),
        language: b(&d.language),
        authors: Cow::Borrowed(&d.authors),
        version: d.version,
        sources: d
            .sources
            .iter()
            .map(|(k, s)| (b(k), b(&s.title), b(&s.url)))
            .collect(),
        cards: Vec::new(),
    }
}

/// A card in the cache's form, borrowing its texts.
pub(super) fn card_to_cache(c: &Card) -> CCard<'_> {
    fn all(v: &[Text]) -> Vec<&str> {
        v.iter().map(Text::as_str).collect()
    }
    CCard {
        id: c.id.as_str(),
        tags: all(&c.tags),
        source: c
            .source
            .as_ref()
            .map(|s| (s.doc.as_str(), s.section.as_str())),
        note: &c.note,
        image: c.image.as_deref(),
        kind: match &c.kind {
            CardKind::Basic {
                front,
                back,
                reverse,
            } => CKind::Basic(front, back, *reverse),
            CardKind::Cloze(z) => CKind::Cloze(&z.text),
            CardKind::TypeIn { question, answers } => CKind::TypeIn(question, all(answers)),
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => CKind::MultipleChoice(question, answer, all(distractors), all(also_correct)),
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            } => CKind::TrueFalse(statement, *truth, correction),
            CardKind::Order { prompt, items } => CKind::Order(prompt, all(items)),
            CardKind::Match { prompt, pairs } => CKind::Match(
                prompt,
                pairs
                    .iter()
                    .map(|(l, r)| (l.as_str(), r.as_str()))
                    .collect(),
            ),
            CardKind::Locate {
                prompt,
                choice_prompt,
                picture,
                answer,
                others,
            } => CKind::Locate(
                prompt,
                choice_prompt.as_deref(),
                picture,
                Cow::Borrowed(answer),
                Cow::Borrowed(others),
            ),
        },
    }
}

pub(super) fn s(x: Cow<'_, str>) -> String {
    x.into_owned()
}

/// A card back, its texts taken from `arena` (made from [`CCard::each_text`] of the piece's
/// cards, in order); `None` if anything does not hold (a cloze text that no longer
/// parses), which makes the caller check the file.
pub(super) fn card_from_cache(c: CCard<'_>, arena: &mut Arena) -> Option<Card> {
    let tags = c.tags.iter().map(|t| arena.take(t)).collect();
    let note = arena.take(c.note);
    let source = c.source.map(|(doc, section)| SourceRef {
        doc: arena.take(doc),
        section: arena.take(section),
    });
    let image = c.image.map(|i| arena.take(i));
    let kind = match c.kind {
        CKind::Basic(front, back, reverse) => CardKind::Basic {
            front: arena.take(front),
            back: arena.take(back),
            reverse,
        },
        CKind::Cloze(text) => CardKind::Cloze(Cloze::parse(arena.take(text)).ok()?),
        CKind::TypeIn(question, answers) => CardKind::TypeIn {
            question: arena.take(question),
            answers: answers.iter().map(|t| arena.take(t)).collect(),
        },
        CKind::MultipleChoice(question, answer, distractors, also_correct) => {
            let (question, answer) = (arena.take(question), arena.take(answer));
            let distractors = distractors.iter().map(|t| arena.take(t)).collect();
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct: also_correct.iter().map(|t| arena.take(t)).collect(),
            }
        }
        CKind::TrueFalse(statement, truth, correction) => CardKind::TrueFalse {
            statement: arena.take(statement),
            truth,
            correction: arena.take(correction),
        },
        CKind::Order(prompt, items) => CardKind::Order {
            prompt: arena.take(prompt),
            items: items.iter().map(|t| arena.take(t)).collect(),
        },
        CKind::Match(prompt, pairs) => CardKind::Match {
            prompt: arena.take(prompt),
            pairs: (pairs.iter())
                .map(|(l, r)| (arena.take(l), arena.take(r)))
                .collect(),
        },
        CKind::Locate(prompt, choice, picture, answer, others) => CardKind::Locate {
            prompt: arena.take(prompt),
            choice_prompt: choice.map(|t| arena.take(t)),
            picture: arena.take(picture),
            answer: Box::new(answer.into_owned()),
            others: others.into_owned().into(),
        },
    };
    Some(Card {
        id: CardId::new(c.id),
        tags,
        source,
        note,
        image,
        kind,
    })
}
