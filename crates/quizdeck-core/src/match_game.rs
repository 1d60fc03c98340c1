//! The match game: 6–8 pairs on a board, matched against the clock. Pairs come from Match
//! cards (one card's a board: see [`pick_pairs`]) and from short question/answer cards; a
//! seed picks and shuffles them.

use crate::answer::normalize_for_search;
use crate::deck::{CardKind, Deck};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use std::collections::HashSet;

/// Longest text on a tile, in characters.
pub(crate) const MAX_TILE_CHARS: usize = 90;
/// Seconds added for a wrong pair.
pub(crate) const PENALTY_SECS: u64 = 1;

/// Where a Match card's pair comes from: (deck, card), by position.
type CardAt = (usize, usize);

/// Picks up to `n` pairs from `decks` (no text repeated on either side), seeded.
///
/// The pairs of a Match card are its author's set: told apart by the card's prompt, which
/// the board does not show ("Match each facility with its location"). A board takes pairs
/// from one Match card at most: mixed with another card's ("Krišjānis Berķis" –
/// "Latvia"), "Anti-ballistic missile radar station" could be matched with "Latvia" as
/// truly as with "Skrunda", and was marked wrong. A question's pair is a whole question
/// and its answer, and mixes with anything.
pub fn pick_pairs(decks: &[&Deck], n: usize, seed: u64) -> Vec<(String, String)> {
    // The texts are borrowed: only the pairs kept are copied (a 100,000-card deck was
    // 200,000 copies a game).
    let mut candidates: Vec<(&str, &str, Option<CardAt>)> = Vec::new();
    for (di, d) in decks.iter().enumerate() {
        for (ci, c) in d.cards.iter().enumerate() {
            match &c.kind {
                CardKind::Match { pairs, .. } => candidates
                    .extend((pairs.iter()).map(|(l, r)| (l.as_ref(), r.as_ref(), Some((di, ci))))),
                CardKind::TypeIn { question, answers } => {
                    if let Some(a) = answers.first() {
                        candidates.push((question, a, None));
                    }
                }
                CardKind::MultipleChoice {
                    question, answer, ..
                } => candidates.push((question, answer, None)),
                CardKind::Basic { front, back, .. } => candidates.push((front, back, None)),
                _ => {}
            }
        }
    }
    candidates.retain(|(l, r, _)| {
        l.chars().count() <= MAX_TILE_CHARS && r.chars().count() <= MAX_TILE_CHARS
    });
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    candidates.shuffle(&mut rng);
    let mut seen = HashSet::new();
    let mut on_board: Vec<Vec<String>> = Vec::new();
    let mut match_card = None;
    let mut out = Vec::new();
    for (l, r, card) in candidates {
        if card.is_some() && match_card.is_some_and(|m| Some(m) != card) {
            continue;
        }
        let (kl, kr) = (normalize_for_search(l), normalize_for_search(r));
        if kl.is_empty() || kr.is_empty() || seen.contains(&kl) || seen.contains(&kr) {
            continue;
        }
        // No tile may look like a partner of another pair: "Dekanozov" beside
        // "Vladimir Dekanozov", or one side inside the other of its own pair.
        let (wl, wr) = (words(&kl), words(&kr));
        if contains_words(&wl, &wr)
            || contains_words(&wr, &wl)
            || on_board.iter().any(|w| {
                contains_words(w, &wl)
                    || contains_words(&wl, w)
                    || contains_words(w, &wr)
                    || contains_words(&wr, w)
            })
        {
            continue;
        }
        match_card = match_card.or(card);
        seen.insert(kl);
        seen.insert(kr);
        on_board.push(wl);
        on_board.push(wr);
        out.push((l.to_owned(), r.to_owned()));
        if out.len() == n {
            break;
        }
    }
    out
}

/// The words of a folded text.
fn words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when `part` could be read as the same thing as `whole`: its words appear together,
/// in order, in `whole` and make up at least half of it ("Dekanozov" in "Vladimir
/// Dekanozov", not "Latvia" in "Capital of Latvia").
fn contains_words(whole: &[String], part: &[String]) -> bool {
    !part.is_empty()
        && part.len() <= whole.len()
        && part.len() * 2 >= whole.len()
        && whole.windows(part.len()).any(|w| w == part)
}

/// One tile of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    /// Its text.
    pub text: String,
    /// The pair it belongs to.
    pub pair: usize,
    /// Already matched (hidden).
    pub matched: bool,
}

/// A game in progress: the shuffled tiles, the selection, mistakes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    /// The tiles, shuffled.
    pub tiles: Vec<Tile>,
    /// The first tile of a pair being tried.
    pub selected: Option<usize>,
    /// Wrong pairs tried.
    pub mistakes: u32,
}

impl Board {
    /// A board of `pairs`, shuffled with `seed`.
    pub fn new(pairs: &[(String, String)], seed: u64) -> Board {
        let mut tiles: Vec<Tile> = pairs
            .iter()
            .enumerate()
            .flat_map(|(i, (l, r))| {
                [
                    Tile {
                        text: l.clone(),
                        pair: i,
                        matched: false,
                    },
                    Tile {
                        text: r.clone(),
                        pair: i,
                        matched: false,
                    },
                ]
            })
            .collect();
        tiles.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed ^ 0x5eed));
        Board {
            tiles,
            selected: None,
            mistakes: 0,
        }
    }

    /// Clicks tile `i`: selects it, or tries it with the selected one. Returns
    /// `Some(true)` for a match, `Some(false)` for a wrong pair, `None` otherwise.
    pub fn click(&mut self, i: usize) -> Option<bool> {
        if self.tiles.get(i).is_none_or(|t| t.matched) {
            return None;
        }
        match self.selected.take() {
            None => {
                self.selected = Some(i);
                None
            }
            Some(j) if j == i => None,
            Some(j) => {
                if self.tiles[i].pair == self.tiles[j].pair {
                    self.tiles[i].matched = true;
                    self.tiles[j].matched = true;
                    Some(true)
                } else {
                    self.mistakes += 1;
                    Some(false)
                }
            }
        }
    }

    /// All pairs matched.
    pub fn done(&self) -> bool {
        self.tiles.iter().all(|t| t.matched)
    }

    /// The final time: elapsed seconds plus the penalty for mistakes, in milliseconds.
    pub fn score_ms(&self, elapsed_ms: u64) -> u64 {
        elapsed_ms + u64::from(self.mistakes) * PENALTY_SECS * 1000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Deck {
        crate::deck::load_str(
            r#"Deck(format: 1, id: "m", title: "M", cards: [
                Card(id: "a", kind: Match(prompt: "P", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
                Card(id: "b", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
                Card(id: "c", kind: Basic(front: "Estonia", back: "Tallinn")),
                Card(id: "d", kind: TrueFalse(statement: "S", truth: true)),
            ])"#,
            "m.ron",
            None,
        )
        .unwrap()
    }

    #[test]
    fn pairs_are_unique_seeded_and_bounded() {
        let d = deck();
        let a = pick_pairs(&[&d], 8, 3);
        assert_eq!(a, pick_pairs(&[&d], 8, 3), "a seed repeats the game");
        // "Estonia" is on a tile of two candidate pairs: only one of them is used.
        assert_eq!(a.len(), 4, "{a:?}");
        let mut texts: Vec<String> = a.iter().flat_map(|(l, r)| [l.clone(), r.clone()]).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), 8);
        assert_eq!(pick_pairs(&[&d], 2, 3).len(), 2);
    }

    #[test]
    fn the_board_matches_pairs_and_counts_mistakes() {
        let pairs = vec![
            ("A".to_owned(), "1".to_owned()),
            ("B".to_owned(), "2".to_owned()),
        ];
        let mut b = Board::new(&pairs, 1);
        let pos = |b: &Board, t: &str| b.tiles.iter().position(|x| x.text == t).unwrap();
        assert_eq!(b.click(pos(&b, "A")), None);
        assert_eq!(b.click(pos(&b, "2")), Some(false));
        assert_eq!(b.click(pos(&b, "A")), None);
        assert_eq!(b.click(pos(&b, "1")), Some(true));
        assert_eq!(b.click(pos(&b, "1")), None, "matched tiles are gone");
        b.click(pos(&b, "B"));
        assert_eq!(b.click(pos(&b, "2")), Some(true));
        assert!(b.done());
        assert_eq!(b.mistakes, 1);
        assert_eq!(b.score_ms(12_300), 13_300);
    }

    #[test]
    fn no_two_tiles_could_pair_with_the_same_partner() {
        let d = crate::deck::load_str(
            r#"Deck(format: 1, id: "w", title: "W", cards: [
                Card(id: "a", kind: Match(prompt: "P", pairs: [
                    ("Vladimir Dekanozov", "Lithuania"),
                    ("Dekanozov", "Soviet envoy"),
                    ("Andrei Vyshinsky", "Latvia"),
                    ("Andrei Zhdanov", "Estonia"),
                    ("Zhdanov", "Leningrad party chief"),
                ])),
            ])"#,
            "w.ron",
            None,
        )
        .unwrap();
        for seed in 0..50 {
            let pairs = pick_pairs(&[&d], 8, seed);
            let lefts: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
            assert!(
                !(lefts.contains(&"Dekanozov") && lefts.contains(&"Vladimir Dekanozov")),
                "{seed}: {lefts:?}"
            );
            assert!(
                !(lefts.contains(&"Zhdanov") && lefts.contains(&"Andrei Zhdanov")),
                "{seed}: {lefts:?}"
            );
            assert_eq!(pairs.len(), 3, "one of each clash, plus Vyshinsky");
        }
    }

    #[test]
    fn a_board_takes_the_pairs_of_one_match_card_at_most() {
        let d = crate::deck::load_str(
            r#"Deck(format: 1, id: "f", title: "F", cards: [
                Card(id: "places", kind: Match(prompt: "Match each facility with its location.", pairs: [
                    ("Naval base", "Liepāja"),
                    ("Anti-ballistic missile radar station", "Skrunda"),
                    ("Space-monitoring station", "Ventspils"),
                ])),
                Card(id: "people", kind: Match(prompt: "Match each person with their country.", pairs: [
                    ("Krišjānis Berķis", "Latvia"),
                    ("Konstantin Päts", "Estonia"),
                    ("Antanas Smetona", "Lithuania"),
                ])),
                Card(id: "q", kind: TypeIn(question: "In which year did the last troops leave?", answers: ["1994"])),
            ])"#,
            "f.ron",
            None,
        )
        .unwrap();
        let places = [
            "Naval base",
            "Anti-ballistic missile radar station",
            "Space-monitoring station",
        ];
        let people = ["Krišjānis Berķis", "Konstantin Päts", "Antanas Smetona"];
        let (mut saw_places, mut saw_people) = (false, false);
        for seed in 0..60 {
            let pairs = pick_pairs(&[&d], 8, seed);
            let lefts: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
            let (a, b) = (
                lefts.iter().any(|l| places.contains(l)),
                lefts.iter().any(|l| people.contains(l)),
            );
            assert!(!(a && b), "{seed}: two Match cards on one board: {lefts:?}");
            // The card's pairs all come along, and the question with them.
            assert_eq!(pairs.len(), 4, "{seed}: {lefts:?}");
            saw_places |= a;
            saw_people |= b;
        }
        assert!(saw_places && saw_people, "either card is drawn");
    }
}
