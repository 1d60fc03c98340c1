//! Checking decks that only `ron` reads card by card: `ron` hands each card to a sink
//! as it reads it ([`crate::deck::raw::DeckSeed`]), and a large deck is read in two
//! halves on two threads.

use super::picture::Pictures;
use super::{CardCtx, Held, Keep, Run, Validated, finish, freeing, split_cards};
use crate::deck::raw::{RawCard, RawSource};
use std::collections::BTreeMap;
use std::path::Path;

/// Checks a deck that only `ron` reads (see [`crate::deck::raw::DeckSeed`]) card by card, as
/// [`validate_streamed`] does, on this thread. (Checking on a second thread while `ron`
/// reads was tried: no faster, as `ron`'s reading is most of the time.) Gives the deck's
/// declared format with the outcome; `Ok(None)` when its `format` or `sources` came after
/// its cards (the caller then reads it whole).
pub(crate) fn validate_ron_streamed(
    text: &str,
    options: &ron::Options,
    base_dir: Option<&Path>,
    keep: Keep,
) -> Result<Option<(u32, Validated)>, ron::error::SpannedError> {
    let pictures = Pictures::default();
    if let Some(done) = ron_in_halves(text, options, base_dir, &pictures, keep) {
        return Ok(Some(done));
    }
    let held = Held::default();
    let mut sink = Sink {
        checker: Checker::new(base_dir, &pictures, &held, keep),
        sources: BTreeMap::new(),
        format: 0,
        to_second: None,
    };
    let (raw, late) = options.from_str_seed(text, crate::deck::raw::DeckSeed(&mut sink))?;
    if late {
        return Ok(None);
    }
    let format = raw.format;
    let (head, collected) = split_cards(raw);
    // Cards collected (no format before them) are checked here, as they would have been.
    for card in freeing(collected) {
        sink.checker.feed(head.format, &head.sources, card);
    }
    Ok(Some((format, finish(head, vec![sink.checker.run]))))
}

/// What both sinks check each card with, and their run.
struct Checker<'p> {
    base_dir: Option<&'p Path>,
    pictures: &'p Pictures,
    run: Run,
}

impl<'p> Checker<'p> {
    fn new(base_dir: Option<&'p Path>, pictures: &'p Pictures, held: &Held, keep: Keep) -> Self {
        Checker {
            base_dir,
            pictures,
            run: Run::new(keep, 0, held),
        }
    }

    /// Checks the next card against the deck's format and sources.
    fn feed(&mut self, format: u32, sources: &BTreeMap<String, RawSource>, card: RawCard) {
        let ctx = CardCtx {
            sources,
            base_dir: self.base_dir,
            pictures: self.pictures,
            format,
        };
        self.run.feed(&ctx, card);
    }
}

/// Checks each card `ron` hands over with the deck's sources and format.
struct Sink<'p> {
    checker: Checker<'p>,
    sources: BTreeMap<String, RawSource>,
    format: u32,
    /// Where the deck's format and sources go once known (to the second half's reader).
    to_second: Option<std::sync::mpsc::Sender<(u32, BTreeMap<String, RawSource>)>>,
}

impl crate::deck::raw::CardSink for Sink<'_> {
    fn start(
        &mut self,
        format: Option<u32>,
        sources: Option<&BTreeMap<String, RawSource>>,
    ) -> bool {
        let Some(format) = format else {
            return false;
        };
        self.format = format;
        self.sources = sources.cloned().unwrap_or_default();
        if let Some(to) = self.to_second.take() {
            let _ = to.send((format, self.sources.clone()));
        }
        true
    }

    fn card(&mut self, card: RawCard) {
        self.checker.feed(self.format, &self.sources, card);
    }
}

/// Checks the cards of the second half of a deck read in halves, once the first half's
/// reader has sent what they are checked against.
struct SecondSink<'p> {
    checker: Checker<'p>,
    from_first: std::sync::mpsc::Receiver<(u32, BTreeMap<String, RawSource>)>,
    deck: Option<(u32, BTreeMap<String, RawSource>)>,
    /// The first half never got to its cards: what is read here is dropped.
    orphan: bool,
}

impl crate::deck::raw::CardSink for SecondSink<'_> {
    fn start(&mut self, _: Option<u32>, _: Option<&BTreeMap<String, RawSource>>) -> bool {
        true
    }

    fn card(&mut self, card: RawCard) {
        if self.deck.is_none() && !self.orphan {
            match self.from_first.recv() {
                Ok(deck) => self.deck = Some(deck),
                Err(_) => self.orphan = true,
            }
        }
        if let Some((format, sources)) = &self.deck {
            self.checker.feed(*format, sources, card);
        }
    }
}

/// A large deck that only `ron` reads, in two halves read and checked on two threads:
/// the text is split at a card boundary (`fast::card_boundary`), the first half closed
/// after its last card and the second read as a card list. `None` (read it in one piece)
/// for a text under 1 MiB, without a boundary, with anything but the deck's end after its
/// card list, or when either half does not read (the reading in one piece then says
/// where the error is).
pub(super) fn ron_in_halves(
    text: &str,
    options: &ron::Options,
    base_dir: Option<&Path>,
    pictures: &Pictures,
    keep: Keep,
) -> Option<(u32, Validated)> {
    if text.len() < 1 << 20 {
        return None;
    }
    let split = crate::deck::fast::card_boundary(text, text.len() / 2)?;
    // The card list must be the deck's last field: after its `]`, only `)` (and blanks, a
    // comma), or the halves could miss fields that come after the cards.
    let close = text.rfind(']').filter(|&c| c > split)?;
    let tail = text[close + 1..].trim_start();
    let tail = tail.strip_prefix(',').map_or(tail, str::trim_start);
    if !tail.strip_prefix(')')?.trim().is_empty() {
        return None;
    }
    let first_text = format!("{}])", &text[..split]);
    let second_text = format!("[{}", &text[split..=close]);
    let (to, from) = std::sync::mpsc::channel();
    let held = &Held::default();
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(move || {
            let mut sink = SecondSink {
                checker: Checker::new(base_dir, pictures, held, keep),
                from_first: from,
                deck: None,
                orphan: false,
            };
            let read = options.from_str_seed(&second_text, crate::deck::raw::CardsSeed(&mut sink));
            (read.is_ok() && !sink.orphan).then_some(sink.checker.run)
        });
        let mut sink = Sink {
            checker: Checker::new(base_dir, pictures, held, keep),
            sources: BTreeMap::new(),
            format: 0,
            to_second: Some(to),
        };
        let read = options.from_str_seed(&first_text, crate::deck::raw::DeckSeed(&mut sink));
        // The second half's reader waits for the deck's fields until this is dropped.
        drop(sink.to_second.take());
        let first = match read {
            Ok((raw, false)) => Some((raw, sink.checker.run)),
            _ => None,
        };
        (first, second.join().ok().flatten())
    });
    let ((raw, first), mut second) = (first?, second?);
    // The first half's cards were all handed over (its format came before them).
    if !raw.cards.is_empty() {
        return None;
    }
    second.rebase(first.len);
    let format = raw.format;
    let (head, _) = split_cards(raw);
    Some((format, finish(head, vec![first, second])))
}
