//! Today's study queue: which item to show next.
//!
//! Built from the items available (in deck order), their states, what was already done
//! today, the clock and the settings; then updated incrementally after every answer.
//!
//! - **Order.** Learning items due now come first. Then reviews and new items, mixed or one
//!   kind first per [`NewItemPosition`]; reviews by due time, new items in deck order. When
//!   nothing else is left, a learning item due within the learn-ahead limit is shown early.
//! - **Daily limits.** Per deck, at most its new and review limits
//!   ([`Settings::limits_of`], plus extras asked for today), under overall caps of
//!   `new_per_day` new items and `reviews_per_day` reviews per study day, counting what
//!   was done today before the queue was built ([`DoneToday`], per deck and overall).
//!   Items beyond a deck's limit are held back when the queue is built (new items in deck
//!   order, reviews by due time); the overall caps apply as items are shown. Learning
//!   steps are not limited.
//! - **Burying.** Once an item is answered, its siblings (other parts of the same card) that
//!   are new or due for review leave the queue for the rest of the study day; siblings of
//!   items answered earlier today are left out when the queue is built.
//! - **Scope.** A queue is for one study day; rebuild it when [`Queue::is_stale`] says the
//!   day has changed. Learning items due after the end of the day come back tomorrow.
//!
//! `next` is O(log n); `answered` and `undo` are O(log n + siblings); `counts` is O(1).

use super::day::{day_index, day_start};
use super::{DeckLimits, Error, ItemState, NewItemPosition, Phase, Result, ReviewEntry, Settings};
use crate::ids::{CardId, DeckId, ItemKey};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasher;

/// Read access to the stored state of items (a map from [`ItemKey`] to [`ItemState`]).
pub trait StateLookup {
    /// The state of `key`, or `None` for an item never answered.
    fn state(&self, key: &ItemKey) -> Option<&ItemState>;
}

impl<S: BuildHasher> StateLookup for HashMap<ItemKey, ItemState, S> {
    fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.get(key)
    }
}

impl StateLookup for BTreeMap<ItemKey, ItemState> {
    fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.get(key)
    }
}

/// How many new items and reviews were already answered today (they count against the
/// daily limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DoneToday {
    /// New items answered for the first time today.
    pub new: u32,
    /// Reviews answered today.
    pub reviews: u32,
}

impl DoneToday {
    /// Counts today's answers in a review history: entries of the study day containing
    /// `now` whose `phase` (before the answer) was `New` or `Review`. (A live [`Queue`]
    /// also counts answers to learning steps of a day or more as reviews; those are rare
    /// and not recognisable in the history.)
    pub fn from_history(
        history: &[ReviewEntry],
        now: DateTime<Utc>,
        offset: FixedOffset,
        cutoff_hour: u32,
    ) -> Self {
        let today = day_index(now, offset, cutoff_hour);
        let mut done = Self::default();
        for e in history
            .iter()
            .filter(|e| day_index(e.at, offset, cutoff_hour) == today)
        {
            match e.phase {
                Phase::New => done.new += 1,
                Phase::Review => done.reviews += 1,
                Phase::Learning | Phase::Relearning => {}
            }
        }
        done
    }

    /// Like [`DoneToday::from_history`], overall and per deck.
    pub(crate) fn by_deck_from_history(
        history: &[ReviewEntry],
        now: DateTime<Utc>,
        offset: FixedOffset,
        cutoff_hour: u32,
    ) -> (Self, HashMap<DeckId, DoneToday>) {
        let today = day_index(now, offset, cutoff_hour);
        let mut total = Self::default();
        let mut by_deck: HashMap<DeckId, DoneToday> = HashMap::new();
        for e in history
            .iter()
            .filter(|e| day_index(e.at, offset, cutoff_hour) == today)
        {
            let d = by_deck.entry(e.key.deck.clone()).or_default();
            match e.phase {
                Phase::New => {
                    total.new += 1;
                    d.new += 1;
                }
                Phase::Review => {
                    total.reviews += 1;
                    d.reviews += 1;
                }
                Phase::Learning | Phase::Relearning => {}
            }
        }
        (total, by_deck)
    }
}

/// What one deck offers today, within its limits and the overall caps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckToday {
    /// The deck.
    pub deck: DeckId,
    /// New items that can still be introduced today (deck limit and overall cap).
    pub new: u32,
    /// Learning steps still to do today (due now or later today).
    pub learning: u32,
    /// Reviews that can still be done today (deck limit and overall cap).
    pub review: u32,
    /// New items held back by the deck's daily limit.
    pub held_new: u32,
    /// Reviews held back by the deck's daily limit.
    pub held_reviews: u32,
    /// The deck's limits today (with extras asked for today).
    pub limits: DeckLimits,
    /// New items and reviews of this deck answered today.
    pub done: DoneToday,
}

/// Why nothing (or little) is left: what the limits hold back and what comes later.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blocked {
    /// Decks whose own limit holds items back (see [`DeckToday::held_new`]).
    pub decks: Vec<DeckToday>,
    /// The overall new cap, when it is used up while new items still wait.
    pub new_cap: Option<u32>,
    /// The overall review cap, when it is used up while reviews still wait.
    pub review_cap: Option<u32>,
    /// Learning items still to come back today.
    pub learning: u32,
    /// When the first of them is due.
    pub next_learning: Option<DateTime<Utc>>,
}

impl Blocked {
    /// New items held back by deck limits or the overall cap.
    pub fn held_new(&self) -> u32 {
        self.decks.iter().map(|d| d.held_new).sum()
    }
}

/// Which kind of study an item in the queue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueueKind {
    /// Never answered before.
    New,
    /// In its (re)learning steps today.
    Learning,
    /// Due for review today (graduated, or a learning step of a day or more).
    Review,
}

/// The next item to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedItem {
    /// The item.
    pub key: ItemKey,
    /// Why it is in the queue.
    pub kind: QueueKind,
}

/// Remaining items today, as shown on the study screen ("new · learning · review").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// New items still to introduce today (within the daily limit).
    pub new: u32,
    /// Learning steps still to do today (due now or later today).
    pub learning: u32,
    /// Reviews still to do today (within the daily limit).
    pub review: u32,
}

/// Where an item sits in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Not studied today (not due, suspended, done, or due after today).
    Out,
    /// In the new set.
    New,
    /// In the review set under this due time (Unix milliseconds).
    Review(i64),
    /// In the learning set under this due time (Unix milliseconds).
    Learning(i64),
    /// Buried: a sibling was answered today. Remembers where it was.
    Buried(Buried),
    /// Held back by its deck's daily limit. Remembers where it would be.
    Held(Buried),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Buried {
    New,
    Review(i64),
}

/// What one `answered` changed, to undo it.
#[derive(Debug, Clone)]
struct UndoRecord {
    idx: u32,
    old_slot: Slot,
    buried: Vec<u32>,
    done_before: DoneToday,
    deck_done_before: DoneToday,
}

/// One deck's limits and answers today.
#[derive(Debug, Clone)]
struct DeckDay {
    id: DeckId,
    limits: DeckLimits,
    done: DoneToday,
}

impl DeckDay {
    /// `deck`'s limits on `day` (with the extras asked for that day) and its answers so
    /// far (`done_by_deck`).
    fn of(
        deck: &DeckId,
        settings: &Settings,
        day: i64,
        done_by_deck: &HashMap<DeckId, DoneToday>,
    ) -> Self {
        let id = deck.as_str();
        let mut limits = settings.limits_of(id);
        limits.new_per_day = limits
            .new_per_day
            .saturating_add(settings.extra_new_of(id, day));
        DeckDay {
            id: deck.clone(),
            limits,
            done: done_by_deck.get(deck).copied().unwrap_or_default(),
        }
    }

    /// How many of `waiting` new items and reviews the deck's limits let in today.
    fn admits(&self, waiting: DoneToday) -> DoneToday {
        let left = |limit: u32, done: u32| limit.saturating_sub(done);
        DoneToday {
            new: waiting
                .new
                .min(left(self.limits.new_per_day, self.done.new)),
            reviews: (waiting.reviews).min(left(self.limits.reviews_per_day, self.done.reviews)),
        }
    }
}

/// The study day an item is filed for: where an item belongs today.
#[derive(Debug, Clone, Copy)]
struct StudyDay {
    day: i64,
    day_end: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
}

impl StudyDay {
    /// The study day containing `now`.
    fn containing(now: DateTime<Utc>, offset: FixedOffset, cutoff_hour: u32) -> Self {
        let day = day_index(now, offset, cutoff_hour);
        StudyDay {
            day,
            day_end: day_start(day.saturating_add(1), offset, cutoff_hour),
            offset,
            cutoff_hour,
        }
    }

    /// Where an item with `state` belongs today.
    fn slot_for(&self, state: Option<&ItemState>) -> Slot {
        let Some(s) = state else {
            return Slot::New;
        };
        if s.suspended {
            return Slot::Out;
        }
        if s.phase == Phase::New {
            return Slot::New;
        }
        if s.is_day_based() {
            if day_index(s.due, self.offset, self.cutoff_hour) <= self.day {
                Slot::Review(s.due.timestamp_millis())
            } else {
                Slot::Out
            }
        } else if s.due < self.day_end {
            Slot::Learning(s.due.timestamp_millis())
        } else {
            Slot::Out
        }
    }

    /// Whether an item with `state` was answered on this day.
    fn answered(&self, state: Option<&ItemState>) -> bool {
        state
            .and_then(|s| s.last_review)
            .is_some_and(|t| day_index(t, self.offset, self.cutoff_hour) == self.day)
    }
}

/// What one deck's items offer today before its daily limits: new items, reviews and
/// learning steps, as today's queue would file them (siblings of items answered today
/// buried). Added up card by card by [`Tally::add_card`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DeckTally {
    new: u32,
    review: u32,
    learning: u32,
}

impl DeckTally {
    /// Adds another tally of the same deck (its other cards).
    pub(crate) fn merge(&mut self, other: DeckTally) {
        self.new += other.new;
        self.review += other.review;
        self.learning += other.learning;
    }
}

/// Counts today's study items the way [`Queue::with_decks`] files them, without building
/// a queue: one pass over the items, card by card, and nothing kept per item. The
/// library's figures use it; [`today_from_tallies`] then applies the daily limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally {
    day: StudyDay,
    bury_siblings: bool,
}

impl Tally {
    /// The rules of the study day containing `now`.
    pub(crate) fn new(settings: &Settings, now: DateTime<Utc>, offset: FixedOffset) -> Self {
        Tally {
            day: StudyDay::containing(now, offset, settings.day_cutoff_hour),
            bury_siblings: settings.bury_siblings,
        }
    }

    /// Adds one card's items (the states of its parts, each part once) to `tally`.
    pub(crate) fn add_card(&self, parts: &[Option<&ItemState>], tally: &mut DeckTally) {
        let sibling_answered = self.bury_siblings && parts.iter().any(|s| self.day.answered(*s));
        for &state in parts {
            let buried = sibling_answered && !self.day.answered(state);
            match self.day.slot_for(state) {
                Slot::New if !buried => tally.new += 1,
                Slot::Review(_) if !buried => tally.review += 1,
                Slot::Learning(_) => tally.learning += 1,
                _ => {}
            }
        }
    }
}

/// Today's totals and each deck's share from the decks' tallies (each deck once, in
/// order), the daily limits applied as [`Queue::with_decks`] applies them: what
/// [`Queue::counts`] and [`Queue::deck_counts`] give for the same items. O(decks).
pub(crate) fn today_from_tallies(
    decks: impl IntoIterator<Item = (DeckId, DeckTally)>,
    done: DoneToday,
    done_by_deck: &HashMap<DeckId, DoneToday>,
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> (Counts, Vec<DeckToday>) {
    let day = day_index(now, offset, settings.day_cutoff_hour);
    let (new_cap, review_cap) = settings.caps_on(day);
    let new_left = new_cap.saturating_sub(done.new);
    let reviews_left = review_cap.saturating_sub(done.reviews);
    let mut admitted_total = (0u64, 0u64, 0u32);
    let mut out = Vec::new();
    for (deck, tally) in decks {
        let d = DeckDay::of(&deck, settings, day, done_by_deck);
        let waiting = DoneToday {
            new: tally.new,
            reviews: tally.review,
        };
        let admitted = d.admits(waiting);
        admitted_total.0 += u64::from(admitted.new);
        admitted_total.1 += u64::from(admitted.reviews);
        admitted_total.2 += tally.learning;
        out.push(DeckToday {
            deck,
            new: admitted.new.min(new_left),
            learning: tally.learning,
            review: admitted.reviews.min(reviews_left),
            held_new: waiting.new - admitted.new,
            held_reviews: waiting.reviews - admitted.reviews,
            limits: d.limits,
            done: d.done,
        });
    }
    let total = Counts {
        new: admitted_total.0.min(u64::from(new_left)) as u32,
        learning: admitted_total.2,
        review: admitted_total.1.min(u64::from(reviews_left)) as u32,
    };
    (total, out)
}

/// Today's study queue (see the module documentation).
#[derive(Debug, Clone)]
pub struct Queue {
    keys: Vec<ItemKey>,
    /// Position of each key in `keys`, hashed by the key (FxHash: local keys, a lookup
    /// per item at build time). The table holds positions only: a map from keys held a
    /// second copy of every key, about 120 bytes an item.
    index: hashbrown::HashTable<u32>,
    group_of: Vec<u32>,
    deck_of: Vec<u32>,
    decks: Vec<DeckDay>,
    group_start: Vec<u32>,
    members: Vec<u32>,
    slots: Vec<Slot>,
    new: BTreeSet<u32>,
    review: BTreeSet<(i64, u32)>,
    learning: BTreeSet<(i64, u32)>,
    done: DoneToday,
    done_at_build: DoneToday,
    /// New items and reviews available at build (after limits), for mixing.
    mix_new: u64,
    mix_review: u64,
    new_per_day: u32,
    reviews_per_day: u32,
    learn_ahead_ms: i64,
    bury_siblings: bool,
    new_position: NewItemPosition,
    /// The study day the queue is for.
    study: StudyDay,
    day_start: DateTime<Utc>,
    undo: Vec<UndoRecord>,
}

impl Queue {
    /// Builds today's queue.
    ///
    /// `items` are the study items available, in deck order (duplicates are ignored);
    /// `states` their stored states (missing = new); `done` what was answered earlier today.
    /// Each deck counts as having answered nothing yet today (see [`Queue::with_decks`]).
    pub fn new(
        items: &[ItemKey],
        states: &impl StateLookup,
        done: DoneToday,
        now: DateTime<Utc>,
        offset: FixedOffset,
        settings: &Settings,
    ) -> Self {
        Self::with_decks(
            items.to_vec(),
            states,
            done,
            &HashMap::new(),
            now,
            offset,
            settings,
        )
    }

    /// Builds today's queue knowing what each deck answered earlier today
    /// (`done_by_deck`, see [`DoneToday::by_deck_from_history`]) for the per-deck limits.
    /// The queue keeps `items` as its keys (duplicates dropped): it makes no copy of them.
    pub(crate) fn with_decks(
        items: Vec<ItemKey>,
        states: &impl StateLookup,
        done: DoneToday,
        done_by_deck: &HashMap<DeckId, DoneToday>,
        now: DateTime<Utc>,
        offset: FixedOffset,
        settings: &Settings,
    ) -> Self {
        let study = StudyDay::containing(now, offset, settings.day_cutoff_hour);
        let day = study.day;
        let (new_cap, review_cap) = settings.caps_on(day);
        let mut q = Queue {
            keys: Vec::new(),
            index: hashbrown::HashTable::with_capacity(items.len()),
            group_of: Vec::with_capacity(items.len()),
            deck_of: Vec::with_capacity(items.len()),
            decks: Vec::new(),
            group_start: Vec::new(),
            members: Vec::new(),
            slots: Vec::with_capacity(items.len()),
            new: BTreeSet::new(),
            review: BTreeSet::new(),
            learning: BTreeSet::new(),
            done,
            done_at_build: done,
            mix_new: 0,
            mix_review: 0,
            new_per_day: new_cap,
            reviews_per_day: review_cap,
            learn_ahead_ms: i64::from(settings.learn_ahead_secs) * 1000,
            bury_siblings: settings.bury_siblings,
            new_position: settings.new_position,
            study,
            day_start: day_start(day, offset, study.cutoff_hour),
            undo: Vec::new(),
        };

        // The keys, each once (the first of repeats kept, in order), moved in place.
        let mut keys = items;
        let mut kept = 0;
        for read in 0..keys.len() {
            let hash = key_hash(&keys[read]);
            if (q.index)
                .find(hash, |&i| keys[i as usize] == keys[read])
                .is_some()
            {
                continue;
            }
            keys.swap(kept, read);
            q.index
                .insert_unique(hash, kept as u32, |&i| key_hash(&keys[i as usize]));
            kept += 1;
        }
        keys.truncate(kept);
        let items = &keys;

        // Card groups and today's answered cards.
        let mut groups: rustc_hash::FxHashMap<(&DeckId, &CardId), u32> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(items.len(), rustc_hash::FxBuildHasher);
        let mut deck_index: rustc_hash::FxHashMap<&DeckId, u32> = Default::default();
        let mut group_answered_today: Vec<bool> = Vec::new();
        let mut answered_today: Vec<bool> = Vec::with_capacity(items.len());
        for (idx, key) in items.iter().enumerate() {
            let idx = idx as u32;
            let next_group = groups.len() as u32;
            let group = *groups.entry((&key.deck, &key.card)).or_insert(next_group);
            if group == next_group {
                group_answered_today.push(false);
            }
            q.group_of.push(group);
            let deck = *deck_index.entry(&key.deck).or_insert_with(|| {
                q.decks
                    .push(DeckDay::of(&key.deck, settings, day, done_by_deck));
                q.decks.len() as u32 - 1
            });
            q.deck_of.push(deck);
            let state = states.state(key);
            let today = q.study.answered(state);
            answered_today.push(today);
            group_answered_today[group as usize] |= today;
            let slot = q.slot_for(state);
            q.slots.push(slot);
            q.insert(idx, slot);
        }
        q.keys = keys;

        // Members of each group, contiguous (counting sort by group).
        let n_groups = group_answered_today.len();
        let mut start = vec![0u32; n_groups + 1];
        for &g in &q.group_of {
            start[g as usize + 1] += 1;
        }
        for g in 0..n_groups {
            start[g + 1] += start[g];
        }
        let mut fill = start.clone();
        let mut members = vec![0u32; q.keys.len()];
        for (idx, &g) in q.group_of.iter().enumerate() {
            members[fill[g as usize] as usize] = idx as u32;
            fill[g as usize] += 1;
        }
        q.group_start = start;
        q.members = members;

        // Siblings of items answered earlier today stay buried.
        if q.bury_siblings {
            for idx in 0..q.keys.len() {
                if group_answered_today[q.group_of[idx] as usize] && !answered_today[idx] {
                    q.bury(idx as u32);
                }
            }
        }

        // Beyond what is left of a deck's own limits, items are held back: new items in
        // deck order, reviews by due time.
        let mut admitted = vec![DoneToday::default(); q.decks.len()];
        let everything = DoneToday {
            new: u32::MAX,
            reviews: u32::MAX,
        };
        let left: Vec<DoneToday> = q.decks.iter().map(|d| d.admits(everything)).collect();
        let new_items: Vec<u32> = q.new.iter().copied().collect();
        for idx in new_items {
            let d = q.deck_of[idx as usize] as usize;
            if admitted[d].new < left[d].new {
                admitted[d].new += 1;
            } else {
                q.remove(idx);
                q.slots[idx as usize] = Slot::Held(Buried::New);
            }
        }
        let reviews: Vec<(i64, u32)> = q.review.iter().copied().collect();
        for (due, idx) in reviews {
            let d = q.deck_of[idx as usize] as usize;
            if admitted[d].reviews < left[d].reviews {
                admitted[d].reviews += 1;
            } else {
                q.remove(idx);
                q.slots[idx as usize] = Slot::Held(Buried::Review(due));
            }
        }

        q.mix_new = q.new.len().min(q.new_left() as usize) as u64;
        q.mix_review = q.review.len().min(q.reviews_left() as usize) as u64;
        q
    }

    /// The item to show now, or `None` when nothing is left for now (see
    /// [`Queue::next_learning_due`] for when a learning item comes back). Does not remove
    /// it: the queue changes when [`Queue::answered`] is called.
    pub fn next(&self, now: DateTime<Utc>) -> Option<QueuedItem> {
        let now_ms = now.timestamp_millis();
        let first_learning = self.learning.first().copied();
        if let Some((due, idx)) = first_learning
            && due <= now_ms
        {
            return Some(self.item(idx, QueueKind::Learning));
        }
        let new = (self.new_left() > 0)
            .then(|| self.new.first().copied())
            .flatten();
        let review = (self.reviews_left() > 0)
            .then(|| self.review.first().copied())
            .flatten();
        match (new, review) {
            (Some(n), Some((_, r))) => {
                let new_first = match self.new_position {
                    NewItemPosition::BeforeReviews => true,
                    NewItemPosition::AfterReviews => false,
                    NewItemPosition::Mix => {
                        let shown_new = u64::from(self.done.new - self.done_at_build.new);
                        let shown_review =
                            u64::from(self.done.reviews - self.done_at_build.reviews);
                        shown_new * self.mix_review <= shown_review * self.mix_new
                    }
                };
                return Some(if new_first {
                    self.item(n, QueueKind::New)
                } else {
                    self.item(r, QueueKind::Review)
                });
            }
            (Some(n), None) => return Some(self.item(n, QueueKind::New)),
            (None, Some((_, r))) => return Some(self.item(r, QueueKind::Review)),
            (None, None) => {}
        }
        match first_learning {
            Some((due, idx)) if due <= now_ms.saturating_add(self.learn_ahead_ms) => {
                Some(self.item(idx, QueueKind::Learning))
            }
            _ => None,
        }
    }

    /// Records that `key` was answered at `_now` and now has `new_state`: removes it from
    /// where it was, counts it against today's limits (if it was new or a review), puts it back if
    /// it is due again today (learning steps), and buries its siblings.
    pub fn answered(
        &mut self,
        key: &ItemKey,
        new_state: &ItemState,
        _now: DateTime<Utc>,
    ) -> Result<()> {
        let idx = self
            .position(key)
            .ok_or_else(|| Error::UnknownItem(key.clone()))?;
        let old_slot = self.slots[idx as usize];
        let done_before = self.done;
        let deck = self.deck_of[idx as usize] as usize;
        let deck_done_before = self.decks[deck].done;
        self.remove(idx);
        let deck_done = &mut self.decks[deck].done;
        match old_slot {
            Slot::New => {
                self.done.new = self.done.new.saturating_add(1);
                deck_done.new = deck_done.new.saturating_add(1);
            }
            Slot::Review(_) => {
                self.done.reviews = self.done.reviews.saturating_add(1);
                deck_done.reviews = deck_done.reviews.saturating_add(1);
            }
            Slot::Out | Slot::Learning(_) | Slot::Buried(_) | Slot::Held(_) => {}
        }
        let slot = self.slot_for(Some(new_state));
        self.slots[idx as usize] = slot;
        self.insert(idx, slot);
        let mut buried = Vec::new();
        if self.bury_siblings {
            let g = self.group_of[idx as usize] as usize;
            for m in self.group_start[g]..self.group_start[g + 1] {
                let sibling = self.members[m as usize];
                if sibling != idx && self.bury(sibling) {
                    buried.push(sibling);
                }
            }
        }
        self.undo.push(UndoRecord {
            idx,
            old_slot,
            buried,
            done_before,
            deck_done_before,
        });
        Ok(())
    }

    /// Undoes the last [`Queue::answered`] (the caller restores the item's stored state).
    /// Returns the item whose answer was undone, or `None` if there is nothing to undo.
    pub fn undo(&mut self) -> Option<ItemKey> {
        let record = self.undo.pop()?;
        self.remove(record.idx);
        self.slots[record.idx as usize] = record.old_slot;
        self.insert(record.idx, record.old_slot);
        for sibling in record.buried {
            let slot = match self.slots[sibling as usize] {
                Slot::Buried(Buried::New) => Slot::New,
                Slot::Buried(Buried::Review(due)) => Slot::Review(due),
                other => other,
            };
            self.slots[sibling as usize] = slot;
            self.insert(sibling, slot);
        }
        self.done = record.done_before;
        self.decks[self.deck_of[record.idx as usize] as usize].done = record.deck_done_before;
        Some(self.keys[record.idx as usize].clone())
    }

    /// Re-files `key` after its state changed outside an answer (suspended, unsuspended,
    /// reset, edited). Does not count against limits, bury siblings, or enter the undo
    /// history.
    pub fn update(&mut self, key: &ItemKey, state: &ItemState) -> Result<()> {
        let idx = self
            .position(key)
            .ok_or_else(|| Error::UnknownItem(key.clone()))?;
        let held = matches!(self.slots[idx as usize], Slot::Held(_));
        self.remove(idx);
        let slot = match self.slot_for(Some(state)) {
            // An item held back by its deck's limit stays held.
            Slot::New if held => Slot::Held(Buried::New),
            Slot::Review(due) if held => Slot::Held(Buried::Review(due)),
            slot => slot,
        };
        self.slots[idx as usize] = slot;
        self.insert(idx, slot);
        Ok(())
    }

    /// What each deck offers today, in the order decks first appear in the items. O(n):
    /// call when the data changes, not per frame.
    pub(crate) fn deck_counts(&self) -> Vec<DeckToday> {
        let mut out: Vec<DeckToday> = self
            .decks
            .iter()
            .map(|d| DeckToday {
                deck: d.id.clone(),
                new: 0,
                learning: 0,
                review: 0,
                held_new: 0,
                held_reviews: 0,
                limits: d.limits,
                done: d.done,
            })
            .collect();
        for (idx, slot) in self.slots.iter().enumerate() {
            let d = &mut out[self.deck_of[idx] as usize];
            match slot {
                Slot::New => d.new += 1,
                Slot::Review(_) => d.review += 1,
                Slot::Learning(_) => d.learning += 1,
                Slot::Held(Buried::New) => d.held_new += 1,
                Slot::Held(Buried::Review(_)) => d.held_reviews += 1,
                Slot::Out | Slot::Buried(_) => {}
            }
        }
        let (new_left, reviews_left) = (self.new_left(), self.reviews_left());
        for d in &mut out {
            d.new = d.new.min(new_left);
            d.review = d.review.min(reviews_left);
        }
        out
    }

    /// What holds items back today (deck limits, overall caps) and what comes later
    /// (learning items). O(n): call when the queue runs dry, not per frame.
    pub(crate) fn blocked(&self) -> Blocked {
        Blocked {
            decks: self
                .deck_counts()
                .into_iter()
                .filter(|d| d.held_new > 0 || d.held_reviews > 0)
                .collect(),
            new_cap: (!self.new.is_empty() && self.new_left() == 0).then_some(self.new_per_day),
            review_cap: (!self.review.is_empty() && self.reviews_left() == 0)
                .then_some(self.reviews_per_day),
            learning: self.learning.len() as u32,
            next_learning: self.next_learning_due(),
        }
    }

    /// Remaining new · learning · review counts, in O(1).
    pub fn counts(&self) -> Counts {
        Counts {
            new: (self.new.len() as u64).min(u64::from(self.new_left())) as u32,
            learning: self.learning.len() as u32,
            review: (self.review.len() as u64).min(u64::from(self.reviews_left())) as u32,
        }
    }

    /// New items and reviews answered today so far (including before the queue was built;
    /// answers to learning steps of a day or more count as reviews here).
    pub fn done_today(&self) -> DoneToday {
        self.done
    }

    /// When the earliest learning item still to do today is due, if any.
    pub fn next_learning_due(&self) -> Option<DateTime<Utc>> {
        self.learning
            .first()
            .and_then(|&(due, _)| DateTime::from_timestamp_millis(due))
    }

    /// True when `now` is outside the study day the queue was built for: rebuild it.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        now < self.day_start || now >= self.study.day_end
    }

    /// The kind of study `key` is waiting for today, or `None` if it is not in today's
    /// queue (not due, done, suspended, buried or unknown).
    pub fn kind_of(&self, key: &ItemKey) -> Option<QueueKind> {
        match self.slots[self.position(key)? as usize] {
            Slot::New => Some(QueueKind::New),
            Slot::Review(_) => Some(QueueKind::Review),
            Slot::Learning(_) => Some(QueueKind::Learning),
            Slot::Out | Slot::Buried(_) | Slot::Held(_) => None,
        }
    }

    /// True when `key` is buried for today because a sibling was answered. (tests: `test-support`)
    #[cfg(any(test, feature = "test-support"))]
    pub fn is_buried(&self, key: &ItemKey) -> bool {
        self.position(key)
            .is_some_and(|i| matches!(self.slots[i as usize], Slot::Buried(_)))
    }

    /// The queue's items, each once, in the order given.
    pub(crate) fn keys(&self) -> &[ItemKey] {
        &self.keys
    }

    /// The position of `key` in the queue's keys.
    fn position(&self, key: &ItemKey) -> Option<u32> {
        self.index
            .find(key_hash(key), |&i| self.keys[i as usize] == *key)
            .copied()
    }

    fn new_left(&self) -> u32 {
        self.new_per_day.saturating_sub(self.done.new)
    }

    fn reviews_left(&self) -> u32 {
        self.reviews_per_day.saturating_sub(self.done.reviews)
    }

    fn item(&self, idx: u32, kind: QueueKind) -> QueuedItem {
        QueuedItem {
            key: self.keys[idx as usize].clone(),
            kind,
        }
    }

    /// Where an item with `state` belongs today.
    fn slot_for(&self, state: Option<&ItemState>) -> Slot {
        self.study.slot_for(state)
    }

    fn insert(&mut self, idx: u32, slot: Slot) {
        match slot {
            Slot::New => {
                self.new.insert(idx);
            }
            Slot::Review(due) => {
                self.review.insert((due, idx));
            }
            Slot::Learning(due) => {
                self.learning.insert((due, idx));
            }
            Slot::Out | Slot::Buried(_) | Slot::Held(_) => {}
        }
    }

    /// Takes `idx` out of its set (its slot is left for the caller to overwrite).
    fn remove(&mut self, idx: u32) {
        match self.slots[idx as usize] {
            Slot::New => {
                self.new.remove(&idx);
            }
            Slot::Review(due) => {
                self.review.remove(&(due, idx));
            }
            Slot::Learning(due) => {
                self.learning.remove(&(due, idx));
            }
            Slot::Out | Slot::Buried(_) | Slot::Held(_) => {}
        }
    }

    /// Buries `idx` if it is new or due for review; returns whether it did.
    fn bury(&mut self, idx: u32) -> bool {
        let buried = match self.slots[idx as usize] {
            Slot::New => Buried::New,
            Slot::Review(due) => Buried::Review(due),
            _ => return false,
        };
        self.remove(idx);
        self.slots[idx as usize] = Slot::Buried(buried);
        true
    }
}

/// The hash a key is filed under in [`Queue`]'s index.
fn key_hash(key: &ItemKey) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn noon() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn key(card: &str, part: u32) -> ItemKey {
        ItemKey::new("d", card, part)
    }

    #[test]
    fn empty_queue() {
        let states: HashMap<ItemKey, ItemState> = HashMap::new();
        let q = Queue::new(
            &[],
            &states,
            DoneToday::default(),
            noon(),
            utc(),
            &Settings::default(),
        );
        assert_eq!(q.next(noon()), None);
        assert_eq!(q.counts(), Counts::default());
        assert!(!q.is_stale(noon()));
        assert!(q.is_stale(noon() + TimeDelta::days(1)));
    }

    /// Today's queue at noon over `items`, none of them studied, default settings.
    fn fresh_queue(items: &[ItemKey]) -> Queue {
        let states: HashMap<ItemKey, ItemState> = HashMap::new();
        Queue::new(
            items,
            &states,
            DoneToday::default(),
            noon(),
            utc(),
            &Settings::default(),
        )
    }

    #[test]
    fn new_items_come_in_deck_order_and_undo_restores() {
        let items = [key("b", 0), key("a", 0), key("c", 0), key("a", 0)];
        let mut q = fresh_queue(&items);
        assert_eq!(q.counts().new, 3, "duplicates ignored");
        let first = q.next(noon()).unwrap();
        assert_eq!(
            first,
            QueuedItem {
                key: key("b", 0),
                kind: QueueKind::New
            }
        );
        let mut done = ItemState::new(noon());
        done.phase = Phase::Review;
        done.interval_days = 3;
        done.due = noon() + TimeDelta::days(3);
        q.answered(&first.key, &done, noon()).unwrap();
        assert_eq!(q.next(noon()).unwrap().key, key("a", 0));
        assert_eq!(q.done_today().new, 1);
        assert_eq!(q.undo(), Some(key("b", 0)));
        assert_eq!(q.next(noon()).unwrap().key, key("b", 0));
        assert_eq!(q.done_today().new, 0);
        assert_eq!(q.undo(), None);
        assert!(q.answered(&key("zz", 0), &done, noon()).is_err());
    }

    #[test]
    fn repeated_keys_are_kept_once_in_the_place_of_their_first() {
        // The queue keeps the given list as its keys, repeats dropped in place.
        let items = [
            key("b", 0),
            key("a", 0),
            key("b", 0),
            key("c", 0),
            key("a", 0),
            key("d", 0),
            key("c", 0),
        ];
        let mut q = fresh_queue(&items);
        assert_eq!(q.counts().new, 4);
        let mut done = ItemState::new(noon());
        done.phase = Phase::Review;
        done.interval_days = 3;
        done.due = noon() + TimeDelta::days(3);
        let mut order = Vec::new();
        while let Some(item) = q.next(noon()) {
            q.answered(&item.key, &done, noon()).unwrap();
            order.push(item.key.card.to_string());
        }
        assert_eq!(order, ["b", "a", "c", "d"]);
        // Every key of a long list is found again, each at its own place.
        let many: Vec<ItemKey> = (0..5_000).map(|i| key(&format!("k{i}"), 0)).collect();
        let q = fresh_queue(&many);
        assert!((many.iter().enumerate()).all(|(i, k)| q.position(k) == Some(i as u32)));
        assert!(q.position(&key("missing", 0)).is_none());
    }
}
