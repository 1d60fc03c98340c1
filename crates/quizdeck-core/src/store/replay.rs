//! The one replay rule, and replaying the journal onto the states loaded from the
//! snapshot.
//!
//! [`apply`] is the rule: what an answer, an undo, a set state or a history-only line does
//! to the states, the undo queue and the recent answers. It is written once, over
//! [`Slots`]: where the states live. Two places keep them:
//!
//! * the [`Model`]'s map, by key: new answers as they are given, and short journals;
//! * a dense vector, by slot number, for long journals. Applying a line to the map hashes
//!   its key (SipHash) and looks it up, on the one thread that applies lines in order;
//!   with a million lines over 100k items that alone took longer than reading and decoding
//!   them on two threads. So the items get slot numbers, the decoding threads resolve each
//!   line's key to its slot in a read-only index (so no key is allocated either), and the
//!   applying thread only updates a vector. The states map is rebuilt once at the end.
//!
//! A property test checks that both places end in the same states.

use super::journal::{self, Before, Event, ScanReport};
use super::{Model, RecentAnswer, Result, UNDO_DEPTH, UndoEntry};
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Phase, ReviewEntry};
use rustc_hash::FxHashMap;
use std::collections::VecDeque;
use std::path::Path;

/// Where replay keeps the states, and the undo queue that refers to them by slot.
pub(super) trait Slots {
    /// How an item is named here: its key, or its slot number.
    type Slot: PartialEq;
    /// The model whose sequence number, answer count and recent answers replay updates.
    fn model(&mut self) -> &mut Model;
    /// The slot of an event's item: `resolved` when the decoder resolved it, else found
    /// (or made) by its key, which may be taken out of the event.
    fn slot(&mut self, resolved: Option<usize>, key: &mut ItemKey) -> Self::Slot;
    /// Puts `state` in `slot` (`None`: the item has no progress) and returns what was
    /// there.
    fn replace(&mut self, slot: &Self::Slot, state: Option<ItemState>) -> Option<ItemState>;
    /// Queues an answer that can be undone (its entry's key may be a placeholder).
    fn push_undo(
        &mut self,
        seq: u64,
        slot: Self::Slot,
        entry: ReviewEntry,
        before: Option<ItemState>,
    );
    /// Forgets the undoable answer with sequence number `seq`, if queued.
    fn drop_undo(&mut self, seq: u64);
    /// Forgets every undoable answer of `slot`.
    fn drop_undo_of(&mut self, slot: &Self::Slot);
}

/// The replay rule: applies one event; events at or below the model's last sequence
/// number (already folded) are skipped.
pub(super) fn apply<S: Slots>(s: &mut S, seq: u64, resolved: Option<usize>, ev: Event) {
    let model = s.model();
    if seq <= model.last_seq {
        return;
    }
    model.last_seq = seq;
    match ev {
        Event::Answer {
            mut entry,
            before,
            after,
        } => {
            model.answers += 1;
            let was_new = match &before {
                Before::Given(b) => b.as_ref().is_none_or(|b| b.phase == Phase::New),
                Before::Current => entry.phase == Phase::New,
            };
            model.recent.push(RecentAnswer {
                seq,
                at: entry.at,
                rating: entry.rating,
                was_new,
            });
            let slot = s.slot(resolved, &mut entry.key);
            let current = s.replace(&slot, Some(after));
            let before = before.resolve(current);
            s.push_undo(seq, slot, entry, before);
        }
        Event::Undo {
            target,
            mut key,
            restored,
            ..
        } => {
            let slot = s.slot(resolved, &mut key);
            s.replace(&slot, restored);
            s.drop_undo(target);
            let recent = &mut s.model().recent;
            if let Some(i) = recent.iter().rposition(|r| r.seq == target) {
                recent.remove(i);
            }
        }
        Event::Set { mut key, state, .. } => {
            let slot = s.slot(resolved, &mut key);
            s.drop_undo_of(&slot);
            s.replace(&slot, state);
        }
        Event::HistoryOnly(_) => {}
    }
}

/// The model's own map: states by key.
impl Slots for Model {
    type Slot = ItemKey;

    fn model(&mut self) -> &mut Model {
        self
    }

    fn slot(&mut self, _: Option<usize>, key: &mut ItemKey) -> ItemKey {
        std::mem::replace(key, journal::resolved_key())
    }

    fn replace(&mut self, key: &ItemKey, state: Option<ItemState>) -> Option<ItemState> {
        let states = &mut self.states;
        match (states.get_mut(key), state) {
            (Some(s), Some(new)) => Some(std::mem::replace(s, new)),
            (None, Some(new)) => {
                states.insert(key.clone(), new);
                None
            }
            (_, None) => states.remove(key),
        }
    }

    fn push_undo(&mut self, seq: u64, key: ItemKey, entry: ReviewEntry, before: Option<ItemState>) {
        self.undo.push_back(UndoEntry {
            seq,
            entry: ReviewEntry { key, ..entry },
            before,
        });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.pop_front();
        }
    }

    fn drop_undo(&mut self, seq: u64) {
        if let Some(i) = self.undo.iter().rposition(|u| u.seq == seq) {
            self.undo.remove(i);
        }
    }

    fn drop_undo_of(&mut self, key: &ItemKey) {
        self.undo.retain(|u| u.entry.key != *key);
    }
}

/// Journals shorter than this are replayed onto the model's map.
const DENSE_MIN: u64 = 4 << 20;

/// Replays the journal at `path` onto `model` with the replay rule.
pub(super) fn journal(model: &mut Model, path: &Path) -> Result<ScanReport> {
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    if len < DENSE_MIN || !model.undo.is_empty() {
        return journal::scan(path, |seq, ev| apply(model, seq, None, ev));
    }
    // About one answer a line is kept for the "today" counters until the next snapshot;
    // growing that vector line by line would copy it over and over.
    model.recent.reserve((len / 128) as usize);
    dense(model, |resolve, apply| {
        journal::scan_resolved(path, resolve, apply)
    })
}

/// The index the decoding threads resolve keys with: the snapshot's item keys packed
/// one after the other, and an open-addressing table of their positions. A lookup
/// touches one table entry (which holds part of the hash) and the packed key, where a
/// map of `ItemKey`s would also follow both strings to the heap; with a table far larger
/// than the caches, that halves the misses.
struct KeyTable {
    /// Per key: slot (u32), part (u32), deck length (u16), card length (u16), deck, card.
    packed: Vec<u8>,
    /// `hash >> 32 << 32 | offset in packed + 1`; 0 is empty.
    table: Vec<u64>,
}

const HEAD: usize = 12;

fn hash_key(deck: &[u8], card: &[u8], part: u32) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(deck);
    h.write_u8(0xff);
    h.write(card);
    h.write_u32(part);
    h.finish()
}

impl KeyTable {
    /// Packs `keys` (slot = position); `None` when they are too large to pack.
    fn new(keys: &[&ItemKey]) -> Option<KeyTable> {
        let bytes: usize = keys
            .iter()
            .map(|k| HEAD + k.deck.as_str().len() + k.card.as_str().len())
            .sum();
        if u32::try_from(bytes).is_err() || u32::try_from(keys.len()).is_err() {
            return None;
        }
        let mut t = KeyTable {
            packed: Vec::with_capacity(bytes),
            table: vec![0; (keys.len() * 2).next_power_of_two().max(16)],
        };
        let mask = t.table.len() - 1;
        for (slot, k) in keys.iter().enumerate() {
            let (deck, card) = (k.deck.as_str(), k.card.as_str());
            let (Ok(dl), Ok(cl)) = (u16::try_from(deck.len()), u16::try_from(card.len())) else {
                return None;
            };
            let offset = t.packed.len() as u64;
            t.packed.extend_from_slice(&(slot as u32).to_le_bytes());
            t.packed.extend_from_slice(&k.part.to_le_bytes());
            t.packed.extend_from_slice(&dl.to_le_bytes());
            t.packed.extend_from_slice(&cl.to_le_bytes());
            t.packed.extend_from_slice(deck.as_bytes());
            t.packed.extend_from_slice(card.as_bytes());
            let h = hash_key(deck.as_bytes(), card.as_bytes(), k.part);
            let mut i = h as usize & mask;
            while t.table[i] != 0 {
                i = (i + 1) & mask;
            }
            t.table[i] = (h >> 32 << 32) | (offset + 1);
        }
        Some(t)
    }

    /// The slot of a key.
    fn get(&self, deck: &[u8], card: &[u8], part: u32) -> Option<usize> {
        let h = hash_key(deck, card, part);
        let mask = self.table.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let e = self.table[i];
            if e == 0 {
                return None;
            }
            if e >> 32 == h >> 32 {
                let at = (e as u32 - 1) as usize;
                let head = &self.packed[at..at + HEAD];
                let num = |r: std::ops::Range<usize>| {
                    head[r]
                        .iter()
                        .rev()
                        .fold(0u32, |v, &b| v << 8 | u32::from(b))
                };
                let (dl, cl) = (num(8..10) as usize, num(10..12) as usize);
                if num(4..8) == part && dl == deck.len() && cl == card.len() {
                    let ids = &self.packed[at + HEAD..at + HEAD + dl + cl];
                    if ids[..dl] == *deck && ids[dl..] == *card {
                        return Some(num(0..4) as usize);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// Runs `scan` (which decodes with the resolver it is given and applies through the
/// closure) over a dense copy of `model`'s states, then puts the states back.
fn dense<T>(
    model: &mut Model,
    scan: impl FnOnce(journal::Resolve<'_>, &mut dyn FnMut(u64, Option<usize>, Event)) -> T,
) -> T {
    dense_checked(model, scan, |_| {})
}

/// [`dense`]; `disturb` may change the recorded key addresses (tests).
fn dense_checked<T>(
    model: &mut Model,
    scan: impl FnOnce(journal::Resolve<'_>, &mut dyn FnMut(u64, Option<usize>, Event)) -> T,
    disturb: impl FnOnce(&mut Vec<usize>),
) -> T {
    // The map is kept as it is: its states are copied out by slot (slot = position in
    // iteration order) and written back in place at the end, so it is not rebuilt.
    let mut map = model.states.take_map();
    let (out, mut d, table, addresses) = {
        let (keys, states): (Vec<&ItemKey>, Vec<Option<ItemState>>) =
            map.iter().map(|(k, s)| (k, Some(s.clone()))).unzip();
        let table = KeyTable::new(&keys);
        let mut d = Dense {
            base: keys.len(),
            states,
            extra: Vec::new(),
            extra_index: FxHashMap::default(),
            undo: VecDeque::new(),
        };
        if table.is_none() {
            // Keys too large to pack: every key is found by `Dense::slot` instead.
            d.extra_index = keys.iter().map(|&k| k.clone()).zip(0..).collect();
        }
        let out = {
            let resolve =
                |deck: &[u8], card: &[u8], part: u32| table.as_ref()?.get(deck, card, part);
            scan(&resolve, &mut |seq, slot, ev| {
                apply(&mut DenseSlots { d: &mut d, model }, seq, slot, ev)
            })
        };
        // The answers still undoable get their keys back.
        model.undo = d
            .undo
            .drain(..)
            .map(|u| UndoEntry {
                seq: u.seq,
                entry: ReviewEntry {
                    key: match u.slot.checked_sub(d.base) {
                        None => keys[u.slot].clone(),
                        Some(i) => d.extra[i].clone(),
                    },
                    ..u.entry
                },
                before: u.before,
            })
            .collect();
        // Where each key lives, to check the second pass meets them in the same order.
        let mut addresses: Vec<usize> = keys
            .iter()
            .map(|&k| std::ptr::from_ref(k) as usize)
            .collect();
        disturb(&mut addresses);
        (out, d, table, addresses)
    };
    let mut gone = Vec::new();
    for (i, (k, v)) in map.iter_mut().enumerate() {
        let slot = if addresses.get(i) == Some(&(std::ptr::from_ref(k) as usize)) {
            Some(i)
        } else {
            // Not met in the same order (never seen, but not promised): look it up.
            let (deck, card) = (k.deck.as_str().as_bytes(), k.card.as_str().as_bytes());
            match &table {
                Some(t) => t.get(deck, card, k.part),
                None => d.extra_index.get(k).copied(),
            }
        };
        match slot.and_then(|s| d.states[s].take()) {
            Some(s) => *v = s,
            None => gone.push(k.clone()),
        }
    }
    for k in gone {
        map.remove(&k);
    }
    for (key, state) in d.extra.into_iter().zip(d.states.drain(d.base..)) {
        if let Some(state) = state {
            map.insert(key, state);
        }
    }
    model.states = super::States::from_map(map);
    out
}

/// An answer that can still be undone, by slot.
struct Pending {
    seq: u64,
    slot: usize,
    /// The answer; its key is filled in at the end.
    entry: ReviewEntry,
    before: Option<ItemState>,
}

/// The dense replay state: slots `0..base` are the snapshot's items, then `extra` items
/// first seen in the journal.
struct Dense {
    base: usize,
    states: Vec<Option<ItemState>>,
    extra: Vec<ItemKey>,
    extra_index: FxHashMap<ItemKey, usize>,
    undo: VecDeque<Pending>,
}

impl Dense {
    /// The slot of an event's item: `slot` when resolved while decoding, else found (or
    /// made) by its key, which is taken out of the event.
    fn slot(&mut self, slot: Option<usize>, key: &mut ItemKey) -> usize {
        if let Some(s) = slot {
            return s;
        }
        let key = std::mem::replace(key, journal::resolved_key());
        if let Some(&s) = self.extra_index.get(&key) {
            return s;
        }
        let s = self.states.len();
        self.states.push(None);
        self.extra.push(key.clone());
        self.extra_index.insert(key, s);
        s
    }
}

/// The dense replay state seen through the replay rule.
struct DenseSlots<'a> {
    d: &'a mut Dense,
    model: &'a mut Model,
}

impl Slots for DenseSlots<'_> {
    type Slot = usize;

    fn model(&mut self) -> &mut Model {
        self.model
    }

    fn slot(&mut self, resolved: Option<usize>, key: &mut ItemKey) -> usize {
        self.d.slot(resolved, key)
    }

    fn replace(&mut self, &slot: &usize, state: Option<ItemState>) -> Option<ItemState> {
        std::mem::replace(&mut self.d.states[slot], state)
    }

    fn push_undo(&mut self, seq: u64, slot: usize, entry: ReviewEntry, before: Option<ItemState>) {
        let undo = &mut self.d.undo;
        undo.push_back(Pending {
            seq,
            slot,
            entry,
            before,
        });
        if undo.len() > UNDO_DEPTH {
            undo.pop_front();
        }
    }

    fn drop_undo(&mut self, seq: u64) {
        let undo = &mut self.d.undo;
        if let Some(i) = undo.iter().rposition(|u| u.seq == seq) {
            undo.remove(i);
        }
    }

    fn drop_undo_of(&mut self, &slot: &usize) {
        self.d.undo.retain(|u| u.slot != slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Memory, Rating};
    use crate::store::ChangeReason;
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
    }

    fn state(n: u8) -> ItemState {
        ItemState {
            phase: [
                Phase::New,
                Phase::Learning,
                Phase::Review,
                Phase::Relearning,
            ][n as usize % 4],
            step: 0,
            memory: Some(Memory {
                stability_days: f32::from(n),
                difficulty: 5.0,
            }),
            due: t(i64::from(n) * 3600),
            last_review: Some(t(0)),
            interval_days: u32::from(n),
            reps: u32::from(n),
            lapses: 0,
            leech: false,
            suspended: n.is_multiple_of(5),
        }
    }

    fn key(k: u8) -> ItemKey {
        ItemKey::new("d", format!("c{k}"), u32::from(k % 2))
    }

    /// One generated event: kind, item, state number, whether the answer's `before` is
    /// left out, how far back an undo points.
    type Op = (u8, u8, u8, bool, u8);

    fn events(ops: &[Op], model: &Model) -> Vec<(u64, Event)> {
        // Track states to produce `Before::Current` only where a writer would.
        let mut states = model.states.clone();
        let mut answers: Vec<u64> = Vec::new();
        let mut out = Vec::new();
        for (i, &(kind, k, n, elide, back)) in ops.iter().enumerate() {
            let seq = model.last_seq + 1 + i as u64;
            let key = key(k);
            let ev = match kind % 4 {
                0 | 1 => {
                    let current = states.get(&key).cloned();
                    let before = if elide && current.is_some() {
                        Before::Current
                    } else {
                        Before::Given((n % 3 != 0).then(|| state(n / 3)))
                    };
                    answers.push(seq);
                    Event::Answer {
                        entry: ReviewEntry {
                            key: key.clone(),
                            rating: Rating::Good,
                            at: t(i as i64),
                            duration_ms: 1,
                            phase: current.map_or(Phase::New, |c| c.phase),
                        },
                        before,
                        after: state(n),
                    }
                }
                2 => Event::Undo {
                    target: answers
                        .len()
                        .checked_sub(1 + usize::from(back % 3))
                        .map_or(seq.saturating_sub(1), |j| answers[j]),
                    key: key.clone(),
                    restored: (n % 2 == 0).then(|| state(n)),
                    at: t(i as i64),
                },
                _ if n % 7 == 0 => Event::HistoryOnly(ReviewEntry {
                    key: key.clone(),
                    rating: Rating::Again,
                    at: t(0),
                    duration_ms: 0,
                    phase: Phase::Review,
                }),
                _ => Event::Set {
                    key: key.clone(),
                    state: (n % 2 == 0).then(|| state(n)),
                    reason: ChangeReason::Edit,
                    at: t(i as i64),
                },
            };
            // The writer's view of states, for `Before::Current` above.
            match &ev {
                Event::Answer { after, .. } => {
                    states.insert(key, after.clone());
                }
                Event::Undo { restored, .. }
                | Event::Set {
                    state: restored, ..
                } => {
                    match restored {
                        Some(s) => states.insert(key, s.clone()),
                        None => states.remove(&key),
                    };
                }
                Event::HistoryOnly(_) => {}
            }
            out.push((seq, ev));
        }
        out
    }

    fn model(initial: &[(u8, u8)], last_seq: u64) -> Model {
        Model {
            states: initial.iter().map(|&(k, n)| (key(k), state(n))).collect(),
            last_seq,
            ..Model::default()
        }
    }

    /// Everything replaying decides, in a comparable form.
    fn summary(m: &Model) -> String {
        let mut states: Vec<_> = m.states.iter().collect();
        states.sort_by(|a, b| a.0.cmp(b.0));
        let undo: Vec<_> = m
            .undo
            .iter()
            .map(|u| (u.seq, &u.entry, &u.before))
            .collect();
        format!(
            "{states:?}\n{undo:?}\n{:?}\n{} {}",
            m.recent, m.last_seq, m.answers
        )
    }

    /// Replays `evs` densely, resolving keys the way the decoders do.
    fn replay_dense(m: &mut Model, evs: Vec<(u64, Event)>) {
        replay_dense_disturbed(m, evs, false);
    }

    /// [`replay_dense`]; with `shuffle`, the write-back cannot rely on the map's order.
    fn replay_dense_disturbed(m: &mut Model, evs: Vec<(u64, Event)>, shuffle: bool) {
        let disturb = |a: &mut Vec<usize>| {
            if shuffle && !a.is_empty() {
                a.rotate_left(1);
            }
        };
        dense_checked(
            m,
            |resolve, apply| {
                for (seq, mut ev) in evs {
                    let k = ev.key();
                    let slot = resolve(
                        k.deck.as_str().as_bytes(),
                        k.card.as_str().as_bytes(),
                        k.part,
                    );
                    if slot.is_some() {
                        *ev.key_mut() = journal::resolved_key();
                    }
                    apply(seq, slot, ev);
                }
            },
            disturb,
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        #[test]
        fn dense_replay_matches_model_apply(
            initial in proptest::collection::vec((0u8..12, 0u8..20), 0..10),
            ops in proptest::collection::vec((0u8..4, 0u8..16, 0u8..20, any::<bool>(), 0u8..4), 0..150),
            skip in 0u64..3,
        ) {
            let start = model(&initial, 10);
            let evs = events(&ops, &start);
            // Some events at or below the folded sequence number are skipped by both.
            let evs: Vec<_> = evs.into_iter().map(|(s, e)| (s - skip.min(s), e)).collect();
            let mut plain = model(&initial, 10);
            for (seq, ev) in evs.clone() {
                plain.apply(seq, ev);
            }
            let mut fast = model(&initial, 10);
            replay_dense(&mut fast, evs.clone());
            prop_assert_eq!(summary(&fast), summary(&plain));
            let mut shuffled = model(&initial, 10);
            replay_dense_disturbed(&mut shuffled, evs, true);
            prop_assert_eq!(summary(&shuffled), summary(&plain));
        }
    }

    #[test]
    fn key_table_finds_exactly_its_keys() {
        let keys: Vec<ItemKey> = (0..5000u32)
            .map(|i| ItemKey::new(format!("d{}", i % 7), format!("c{i}"), i % 3))
            .chain([ItemKey::new("", "", 0), ItemKey::new("ü", "x y", u32::MAX)])
            .collect();
        let t = KeyTable::new(&keys.iter().collect::<Vec<_>>()).unwrap();
        for (slot, k) in keys.iter().enumerate() {
            assert_eq!(
                t.get(
                    k.deck.as_str().as_bytes(),
                    k.card.as_str().as_bytes(),
                    k.part
                ),
                Some(slot)
            );
        }
        assert_eq!(t.get(b"d1", b"c1", 2), None);
        assert_eq!(t.get(b"d1c", b"1", 1), None);
        assert_eq!(t.get(b"d", b"1c1", 1), None);
        assert_eq!(t.get("ü".as_bytes(), b"x y", 0), None);
        let huge = [ItemKey::new("d", "c".repeat(70_000), 0)];
        assert!(KeyTable::new(&huge.iter().collect::<Vec<_>>()).is_none());
    }

    #[test]
    fn keys_too_large_to_pack_still_replay_correctly() {
        let mut plain = model(&[(1, 2), (2, 3)], 0);
        plain
            .states
            .insert(ItemKey::new("d", "c".repeat(70_000), 0), state(4));
        let mut fast = Model {
            states: plain.states.clone(),
            ..Model::default()
        };
        let ops: Vec<Op> = (0..60)
            .map(|i| (i % 4, i % 3, i % 20, i % 2 == 0, 1))
            .collect();
        let evs = events(&ops, &plain);
        for (seq, ev) in evs.clone() {
            plain.apply(seq, ev);
        }
        let mut shuffled = Model {
            states: fast.states.clone(),
            ..Model::default()
        };
        replay_dense(&mut fast, evs.clone());
        assert_eq!(summary(&fast), summary(&plain));
        replay_dense_disturbed(&mut shuffled, evs, true);
        assert_eq!(summary(&shuffled), summary(&plain));
    }

    #[test]
    fn long_journal_replays_densely_like_model_apply() {
        use crate::store::journal::{JournalWriter, encode_batch};
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let initial: Vec<(u8, u8)> = (0..8).map(|k| (k, k + 1)).collect();
        let start = model(&initial, 3);
        let ops: Vec<Op> = (0..80_000u32)
            .map(|i| {
                let i = i as u8;
                (
                    i % 5,
                    i.wrapping_mul(7) % 24,
                    i % 20,
                    !i.is_multiple_of(3),
                    i % 4,
                )
            })
            .collect();
        let evs = events(&ops, &start);
        let mut w = JournalWriter::open(&p).unwrap();
        let mut buf = Vec::new();
        for (seq, ev) in &evs {
            encode_batch(&mut buf, *seq, std::slice::from_ref(ev), |_| None);
        }
        w.append(&buf).unwrap();
        assert!(std::fs::metadata(&p).unwrap().len() >= DENSE_MIN);
        let mut plain = model(&initial, 3);
        let rep_plain = journal::scan(&p, |seq, ev| plain.apply(seq, ev)).unwrap();
        let mut fast = model(&initial, 3);
        let rep_fast = journal(&mut fast, &p).unwrap();
        assert_eq!(rep_fast, rep_plain);
        assert_eq!(summary(&fast), summary(&plain));
        assert!(!fast.undo.is_empty());
    }
}
