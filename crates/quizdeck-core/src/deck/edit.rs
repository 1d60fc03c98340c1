//! The deck editor's model: a deck being edited, its edits with undo and redo, new card
//! ids, and saving through [`super::write`].
//!
//! A card's id never changes once the card has been saved: edits go through
//! [`DeckEditor::set_card`], which keeps the id. A card made in the editor takes its id from
//! its text with the project's [`slug`](crate::slug::slug) function, following the text
//! until the card is first saved; an id is never one of another card, nor of a card
//! deleted since the deck was opened, nor of a card of the file as opened.
//!
//! Undo keeps the inverse of each edit (not copies of the deck), so a long session on a
//! large deck costs memory in proportion to what was edited. Typing in one field is one
//! undo step ([`DeckEditor::set_card`] with the same group).

use super::raw::{FORMAT_VERSION, RawCard, RawDeck, RawKind, RawRegion, RawSource, format_for};
use super::write::{self, Layout, Origin};
use super::{Checked, KindName};
use crate::message::Message;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Errors of the editor.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The file cannot be opened in the editor: it does not parse (every problem listed).
    #[error("{}", self.message())]
    Unreadable(Box<Checked>),
    /// The deck file could not be read.
    #[error("{}", self.message())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// Why (the system's own words inside it stay as they are).
        why: Message,
    },
    /// The picture cannot be used (not a PNG, too large…).
    #[error("{}", self.message())]
    Picture(#[from] crate::picture::PictureError),
    /// Writing the deck failed; the edits are still in the editor.
    #[error("{}", self.message())]
    Save(#[from] crate::store::StoreError),
}

impl EditError {
    /// What went wrong, as a message for any language; an unreadable deck's problems are
    /// rendered in English here (an interface renders the [`Checked`] in its language).
    pub fn message(&self) -> crate::message::Message {
        match self {
            EditError::Unreadable(c) => Message::new("edit-unreadable").arg("problems", c.render()),
            EditError::Read { path, why } => Message::new("edit-read")
                .arg("path", path.display().to_string())
                .arg("reason", why),
            EditError::Picture(e) => e.message(),
            EditError::Save(e) => Message::new("edit-save").arg("error", e.message()),
        }
    }
}

/// The deck's own fields (everything but the cards).
#[derive(Debug, Clone, PartialEq)]
pub struct DeckMeta {
    /// Stable deck id.
    pub id: String,
    /// Title shown in the library.
    pub title: String,
    /// A paragraph about the deck.
    pub description: String,
    /// Language tag of the deck's text.
    pub language: String,
    /// Who wrote the deck.
    pub authors: Vec<String>,
    /// The deck's edition.
    pub version: u32,
    /// Documents the cards cite, by key.
    pub sources: BTreeMap<String, RawSource>,
}

impl DeckMeta {
    fn of(raw: &RawDeck) -> DeckMeta {
        DeckMeta {
            id: raw.id.clone(),
            title: raw.title.clone(),
            description: raw.description.clone(),
            language: raw.language.clone(),
            authors: raw.authors.clone(),
            version: raw.version,
            sources: raw.sources.clone(),
        }
    }
}

/// A card in the editor and where it comes from.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    card: RawCard,
    origin: Origin,
    /// Made in the editor and not saved yet: its id follows its text.
    fresh: bool,
}

/// One edit (also the inverse of another).
#[derive(Debug, Clone, PartialEq)]
enum Edit {
    Meta(Box<DeckMeta>),
    Card(usize, Box<Entry>),
    Insert(usize, Box<Entry>),
    Remove(usize),
    Move(usize, usize),
}

#[derive(Debug, Clone)]
struct Step {
    inverse: Edit,
    /// The state before the edit (for "unsaved changes").
    before: u64,
}

/// The file the deck was opened from (or last saved to).
#[derive(Debug, Clone)]
struct Base {
    text: String,
    bom: bool,
    layout: Option<Layout>,
    raw: RawDeck,
}

/// A deck being edited.
#[derive(Debug, Clone)]
pub struct DeckEditor {
    base: Option<Base>,
    format: u32,
    meta: DeckMeta,
    entries: Vec<Entry>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Ids that new cards may not take: the ones of the file as opened and every card
    /// deleted since.
    retired: HashSet<String>,
    state: u64,
    next_state: u64,
    saved_state: u64,
    last_group: Option<u64>,
}

/// The longest id the editor makes for a new card.
const MAX_NEW_ID: usize = 48;

impl DeckEditor {
    /// Opens deck text (as read from its file) for editing.
    pub fn open(text: &str, file: &str) -> Result<DeckEditor, EditError> {
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let raw = match super::parse_raw(body) {
            Some(raw) if raw.format <= FORMAT_VERSION && raw.format > 0 => raw,
            _ => {
                return Err(EditError::Unreadable(Box::new(super::check_text(
                    text, file, None,
                ))));
            }
        };
        let layout = Layout::of(body).filter(|l| l.cards.len() == raw.cards.len());
        let entries = raw
            .cards
            .iter()
            .enumerate()
            .map(|(n, card)| Entry {
                card: card.clone(),
                origin: Origin::Old(n),
                fresh: false,
            })
            .collect();
        let retired = raw.cards.iter().map(|c| c.id.clone()).collect();
        Ok(DeckEditor {
            format: raw.format,
            meta: DeckMeta::of(&raw),
            entries,
            base: Some(Base {
                text: body.to_owned(),
                bom,
                layout,
                raw,
            }),
            undo: Vec::new(),
            redo: Vec::new(),
            retired,
            state: 0,
            next_state: 1,
            saved_state: 0,
            last_group: None,
        })
    }

    /// Opens a deck file for editing (regular files only, at most
    /// [`super::MAX_FILE_BYTES`], UTF-8 or UTF-16).
    pub fn open_file(path: &Path) -> Result<DeckEditor, EditError> {
        let read_err = |why: Message| EditError::Read {
            path: path.to_owned(),
            why,
        };
        let bytes = match crate::input::read_regular(path, super::MAX_FILE_BYTES) {
            Ok(Ok(b)) => b,
            Ok(Err(t)) => {
                return Err(read_err(
                    Message::new("deck-file-too-large")
                        .arg("size", t.size / (1024 * 1024))
                        .arg("limit", super::MAX_FILE_BYTES / (1024 * 1024)),
                ));
            }
            Err(e) => {
                return Err(read_err(
                    Message::new("error-system").arg("error", e.to_string()),
                ));
            }
        };
        // UTF-8, or UTF-16 as the library reads it (saved back as UTF-8).
        let text = super::deck_text(bytes).map_err(|(message, _, _)| read_err(message))?;
        DeckEditor::open(&text, &path.display().to_string())
    }

    /// A new deck with no file yet: this id and title, one empty card of `kind` (a deck has
    /// at least one card). It counts as unsaved.
    pub fn new_deck(id: &str, title: &str, kind: KindName) -> DeckEditor {
        let mut e = DeckEditor {
            base: None,
            // The lowest format; a `Locate` card raises it (see `to_raw`).
            format: 1,
            meta: DeckMeta {
                id: id.to_owned(),
                title: title.to_owned(),
                description: String::new(),
                language: "en".into(),
                authors: Vec::new(),
                version: 1,
                sources: BTreeMap::new(),
            },
            entries: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            retired: HashSet::new(),
            state: 0,
            next_state: 1,
            saved_state: 0,
            last_group: None,
        };
        e.add_card(0, kind);
        e.undo.clear();
        e.saved_state = u64::MAX;
        e
    }

    /// Makes this deck a copy with its own id and title (to edit a deck that cannot be
    /// changed, such as a bundled one): the copy has no file yet and is unsaved; its cards
    /// keep their ids.
    pub fn into_copy(mut self, new_id: &str, new_title: &str) -> DeckEditor {
        if let Some(base) = &mut self.base {
            // The copy's file starts as the original's text, with only the id and the
            // title changed.
            base.raw.id = new_id.to_owned();
            base.raw.title = new_title.to_owned();
            if let Some(layout) = &base.layout {
                let changed = base.raw.clone();
                let mut old = base.raw.clone();
                old.id = self.meta.id.clone();
                old.title = self.meta.title.clone();
                let origins: Vec<Origin> = (0..old.cards.len()).map(Origin::Old).collect();
                base.text = write::rewrite(&base.text, layout, &old, &changed, &origins);
                base.layout = Layout::of(&base.text).filter(|l| l.cards.len() == old.cards.len());
            }
        }
        self.meta.id = new_id.to_owned();
        self.meta.title = new_title.to_owned();
        self.undo.clear();
        self.redo.clear();
        self.saved_state = u64::MAX;
        self
    }

    /// The deck's own fields.
    pub fn meta(&self) -> &DeckMeta {
        &self.meta
    }

    /// How many cards.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the deck has no card (not a valid deck).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Card `i`.
    pub fn card(&self, i: usize) -> Option<&RawCard> {
        self.entries.get(i).map(|e| &e.card)
    }

    /// Every card, in order.
    pub fn cards(&self) -> impl ExactSizeIterator<Item = &RawCard> {
        self.entries.iter().map(|e| &e.card)
    }

    /// True when card `i` was made in the editor and not saved yet (its id still follows
    /// its text).
    pub fn is_new(&self, i: usize) -> bool {
        self.entries.get(i).is_some_and(|e| e.fresh)
    }

    /// The deck as it is now, for validation and saving. Its format is the one it was
    /// opened with, raised to the lowest that holds its cards ([`format_for`]: a `Locate`
    /// card needs [`super::raw::LOCATE_FORMAT`], its `choice_prompt`
    /// [`super::raw::CHOICE_PROMPT_FORMAT`]) and back when none is left, so a deck without
    /// them still opens in an older quizdeck.
    pub fn to_raw(&self) -> RawDeck {
        let cards: Vec<RawCard> = self.entries.iter().map(|e| e.card.clone()).collect();
        let mut raw = self.to_raw_meta();
        raw.format = raw.format.max(format_for(&cards));
        raw.cards = cards;
        raw
    }

    /// The deck's own fields with no card (to check one card on its own: set the format
    /// with [`format_for`] once the card is added).
    pub fn to_raw_meta(&self) -> RawDeck {
        RawDeck {
            format: self.format,
            id: self.meta.id.clone(),
            title: self.meta.title.clone(),
            description: self.meta.description.clone(),
            language: self.meta.language.clone(),
            authors: self.meta.authors.clone(),
            version: self.meta.version,
            sources: self.meta.sources.clone(),
            cards: Vec::new(),
        }
    }

    /// The version of the deck as last saved (or opened); None for a deck never saved.
    pub fn saved_version(&self) -> Option<u32> {
        self.base.as_ref().map(|b| b.raw.version)
    }

    /// True when there are edits not saved (undoing back to the saved state clears it).
    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number that changes with every edit, undo and redo (to know when to validate
    /// again).
    pub fn revision(&self) -> u64 {
        self.state
    }

    /// Sets the deck's own fields. The deck id changes only on a deck never saved (the
    /// id keys every student's progress); otherwise it is kept.
    pub fn set_meta(&mut self, mut meta: DeckMeta) {
        if self.base.is_some() && self.saved_state != u64::MAX {
            meta.id = self.meta.id.clone();
        }
        if meta == self.meta {
            return;
        }
        self.push(Edit::Meta(Box::new(meta)), None);
    }

    /// True when the deck id may still be changed (a deck never saved).
    pub fn id_editable(&self) -> bool {
        self.base.is_none() || self.saved_state == u64::MAX
    }

    /// Replaces card `i` by `card`, keeping the card's id (a new card's id follows its
    /// text instead). Consecutive calls with the same `group` (e.g. typing in one field)
    /// make one undo step.
    pub fn set_card(&mut self, i: usize, mut card: RawCard, group: Option<u64>) {
        let Some(e) = self.entries.get(i) else { return };
        card.id = e.card.id.clone();
        if e.fresh {
            card.id = self.new_id(&card, Some(i));
        }
        if card == e.card {
            return;
        }
        let entry = Entry {
            card,
            origin: e.origin,
            fresh: e.fresh,
        };
        self.push(Edit::Card(i, Box::new(entry)), group);
    }

    /// Adds an empty card of `kind` at position `at` (clamped); returns its position.
    pub fn add_card(&mut self, at: usize, kind: KindName) -> usize {
        let at = at.min(self.entries.len());
        let mut card = RawCard {
            id: String::new(),
            tags: Vec::new(),
            source: None,
            note: String::new(),
            image: String::new(),
            kind: empty_kind(kind),
        };
        card.id = self.new_id(&card, None);
        let entry = Entry {
            card,
            origin: Origin::New,
            fresh: true,
        };
        self.push(Edit::Insert(at, Box::new(entry)), None);
        at
    }

    /// Adds a copy of card `i` after it, with a new id; returns its position.
    pub fn duplicate(&mut self, i: usize) -> Option<usize> {
        let mut card = self.entries.get(i)?.card.clone();
        card.id = self.new_id(&card, None);
        let entry = Entry {
            card,
            origin: Origin::New,
            fresh: true,
        };
        self.push(Edit::Insert(i + 1, Box::new(entry)), None);
        Some(i + 1)
    }

    /// Deletes card `i` (its id is never given to a new card).
    pub fn delete(&mut self, i: usize) {
        if i < self.entries.len() {
            self.push(Edit::Remove(i), None);
        }
    }

    /// Moves card `from` to position `to` (clamped).
    pub fn move_card(&mut self, from: usize, to: usize) {
        let to = to.min(self.entries.len().saturating_sub(1));
        if from < self.entries.len() && from != to {
            self.push(Edit::Move(from, to), None);
        }
    }

    #[cfg(test)]
    /// Ends the current typing group: the next edit is a new undo step.
    pub(crate) fn end_group(&mut self) {
        self.last_group = None;
    }

    /// Undoes the last edit; returns the card it concerned, if any.
    pub fn undo(&mut self) -> Option<Option<usize>> {
        let step = self.undo.pop()?;
        let at = touched(&step.inverse);
        let inverse = self.apply(step.inverse);
        self.redo.push(Step {
            inverse,
            before: self.state,
        });
        self.state = step.before;
        self.last_group = None;
        Some(at)
    }

    /// Redoes the last undone edit; returns the card it concerned, if any.
    pub fn redo(&mut self) -> Option<Option<usize>> {
        let step = self.redo.pop()?;
        let at = touched(&step.inverse);
        let inverse = self.apply(step.inverse);
        self.undo.push(Step {
            inverse,
            before: self.state,
        });
        self.state = step.before;
        self.last_group = None;
        Some(at)
    }

    /// The file's text as it would be saved: unchanged parts byte for byte (see
    /// [`super::write`]).
    pub fn text(&self) -> String {
        let raw = self.to_raw();
        let mut out = String::new();
        match &self.base {
            Some(base) => {
                if base.bom {
                    out.push('\u{feff}');
                }
                match &base.layout {
                    Some(layout) => {
                        let origins: Vec<Origin> = self.entries.iter().map(|e| e.origin).collect();
                        out.push_str(&write::rewrite(
                            &base.text, layout, &base.raw, &raw, &origins,
                        ));
                    }
                    None if raw == base.raw => out.push_str(&base.text),
                    None => out.push_str(&write::deck_ron(&raw)),
                }
            }
            None => out.push_str(&write::deck_ron(&raw)),
        }
        out
    }

    /// Writes the deck to `path` atomically (a crash leaves the old file or the new one,
    /// never a mix; the folder is created if needed). After it, the deck counts as saved
    /// and new cards keep the ids they have.
    pub fn save(&mut self, path: &Path) -> Result<(), EditError> {
        let text = self.text();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(crate::store::fsutil::io_err("create", dir))?;
        }
        crate::store::fsutil::write_atomic(path, text.as_bytes())?;
        self.saved(text);
        Ok(())
    }

    /// Takes `text` (what [`DeckEditor::text`] gave and was written) as the saved file.
    pub(crate) fn saved(&mut self, text: String) {
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest.to_owned()),
            None => (false, text),
        };
        let raw = self.to_raw();
        let layout = Layout::of(&body).filter(|l| l.cards.len() == raw.cards.len());
        // Old positions → new ones, for the cards in the undo and redo history.
        let old_to_new: BTreeMap<Origin, usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.origin != Origin::New)
            .map(|(n, e)| (e.origin, n))
            .collect();
        let fresh_ids: HashSet<String> = self
            .entries
            .iter()
            .filter(|e| e.fresh)
            .map(|e| e.card.id.clone())
            .collect();
        let remap = |e: &mut Entry| {
            e.origin = match e.origin {
                Origin::New => Origin::New,
                o => old_to_new.get(&o).map_or(Origin::New, |n| Origin::Old(*n)),
            };
            if e.fresh && fresh_ids.contains(&e.card.id) {
                e.fresh = false;
            }
        };
        for (n, e) in self.entries.iter_mut().enumerate() {
            e.origin = Origin::Old(n);
            e.fresh = false;
        }
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            match &mut step.inverse {
                Edit::Card(_, e) | Edit::Insert(_, e) => remap(e),
                _ => {}
            }
        }
        self.retired.extend(raw.cards.iter().map(|c| c.id.clone()));
        self.base = Some(Base {
            text: body,
            bom,
            layout,
            raw,
        });
        self.saved_state = self.state;
        self.last_group = None;
    }

    fn push(&mut self, edit: Edit, group: Option<u64>) {
        let coalesce = group.is_some() && group == self.last_group && !self.undo.is_empty();
        let before = self.state;
        let inverse = self.apply(edit);
        self.state = self.next_state;
        self.next_state += 1;
        self.redo.clear();
        if !coalesce {
            self.undo.push(Step { inverse, before });
        }
        self.last_group = group;
    }

    /// Applies `edit`; returns its inverse.
    fn apply(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::Meta(mut meta) => {
                // Undoing past the first save never changes a saved deck's id.
                if !self.id_editable() {
                    meta.id = self.meta.id.clone();
                }
                Edit::Meta(Box::new(std::mem::replace(&mut self.meta, *meta)))
            }
            Edit::Card(i, mut entry) => {
                // A card saved since keeps the id it was saved with.
                if !self.entries[i].fresh {
                    entry.card.id = self.entries[i].card.id.clone();
                    entry.fresh = false;
                }
                let old = std::mem::replace(&mut self.entries[i], *entry);
                Edit::Card(i, Box::new(old))
            }
            Edit::Insert(i, entry) => {
                self.entries.insert(i, *entry);
                Edit::Remove(i)
            }
            Edit::Remove(i) => {
                let old = self.entries.remove(i);
                self.retired.insert(old.card.id.clone());
                Edit::Insert(i, Box::new(old))
            }
            Edit::Move(from, to) => {
                let e = self.entries.remove(from);
                self.entries.insert(to, e);
                Edit::Move(to, from)
            }
        }
    }

    /// A new id for `card` from its text: the slug of its question (or front, statement…),
    /// unique among the other cards (`except`: the card itself) and the retired ids.
    fn new_id(&self, card: &RawCard, except: Option<usize>) -> String {
        let mut base = crate::slug::slug(main_text(&card.kind), MAX_NEW_ID);
        if base.is_empty() {
            base = format!("new-{}", crate::slug::slug(kind_label(&card.kind), 20));
        }
        let taken: HashSet<&str> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(n, _)| Some(*n) != except)
            .map(|(_, e)| e.card.id.as_str())
            .collect();
        let free = |id: &str| !taken.contains(id) && !self.retired.contains(id);
        if free(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| free(id))
            .unwrap_or(base)
    }
}

/// Copies the PNG picture `src` into the deck's folder `deck_dir` (under `pictures/`,
/// named after the file; an identical file already there is reused, another one is not
/// overwritten) after checking it as a student's screen would (size, dimensions, a whole
/// PNG). Returns the path to write in the card's `image`, relative to the deck's folder.
pub fn copy_picture(src: &Path, deck_dir: &Path) -> Result<String, EditError> {
    use crate::picture::{MAX_FILE_BYTES, PictureError};
    let data = match crate::input::read_regular(src, MAX_FILE_BYTES) {
        Ok(Ok(d)) => d,
        Ok(Err(t)) => {
            return Err(PictureError::TooLarge {
                path: src.to_owned(),
                bytes: t.size,
            }
            .into());
        }
        Err(source) => {
            return Err(PictureError::Io {
                path: src.to_owned(),
                source,
            }
            .into());
        }
    };
    crate::picture::decode(&data, src)?;
    let stem = src
        .file_stem()
        .map(|s| crate::slug::slug(&s.to_string_lossy(), 48))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "picture".into());
    let dir = deck_dir.join("pictures");
    std::fs::create_dir_all(&dir).map_err(crate::store::fsutil::io_err("create", &dir))?;
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.png")
        } else {
            format!("{stem}-{n}.png")
        };
        let to = dir.join(&name);
        match std::fs::read(&to) {
            Ok(existing) if existing == data => return Ok(format!("pictures/{name}")),
            Ok(_) => n += 1,
            Err(_) if to.symlink_metadata().is_ok() => n += 1,
            Err(_) => {
                crate::store::fsutil::write_atomic(&to, &data)?;
                return Ok(format!("pictures/{name}"));
            }
        }
    }
}

/// The card an edit concerns (its position after the edit is undone or redone).
fn touched(edit: &Edit) -> Option<usize> {
    match edit {
        Edit::Meta(_) => None,
        Edit::Card(i, _) | Edit::Insert(i, _) => Some(*i),
        Edit::Remove(i) => Some(i.saturating_sub(1)),
        Edit::Move(_, to) => Some(*to),
    }
}

/// The text a card is known by (its question, front, statement, prompt or cloze text).
pub fn main_text(kind: &RawKind) -> &str {
    match kind {
        RawKind::Basic { front, .. } => front,
        RawKind::Cloze { text } => text,
        RawKind::TypeIn { question, .. } | RawKind::MultipleChoice { question, .. } => question,
        RawKind::TrueFalse { statement, .. } => statement,
        RawKind::Order { prompt, .. }
        | RawKind::Match { prompt, .. }
        | RawKind::Locate { prompt, .. } => prompt,
    }
}

fn kind_label(kind: &RawKind) -> &'static str {
    write::kind_name(kind)
}

/// The kind of a raw card.
pub fn kind_of(kind: &RawKind) -> KindName {
    match kind {
        RawKind::Basic { .. } => KindName::Basic,
        RawKind::Cloze { .. } => KindName::Cloze,
        RawKind::TypeIn { .. } => KindName::TypeIn,
        RawKind::MultipleChoice { .. } => KindName::MultipleChoice,
        RawKind::TrueFalse { .. } => KindName::TrueFalse,
        RawKind::Order { .. } => KindName::Order,
        RawKind::Match { .. } => KindName::Match,
        RawKind::Locate { .. } => KindName::Locate,
    }
}

/// An empty card of `kind` (empty texts and lists; a true statement for `TrueFalse`; for
/// `Locate`, no picture and an unnamed answer circle of radius 0, which the checker
/// reports until the teacher draws it).
pub fn empty_kind(kind: KindName) -> RawKind {
    match kind {
        KindName::Basic => RawKind::Basic {
            front: String::new(),
            back: String::new(),
            reverse: false,
        },
        KindName::Cloze => RawKind::Cloze {
            text: String::new(),
        },
        KindName::TypeIn => RawKind::TypeIn {
            question: String::new(),
            answers: Vec::new(),
        },
        KindName::MultipleChoice => RawKind::MultipleChoice {
            question: String::new(),
            answer: String::new(),
            distractors: Vec::new(),
            also_correct: Vec::new(),
        },
        KindName::TrueFalse => RawKind::TrueFalse {
            statement: String::new(),
            truth: true,
            correction: String::new(),
        },
        KindName::Order => RawKind::Order {
            prompt: String::new(),
            items: Vec::new(),
        },
        KindName::Match => RawKind::Match {
            prompt: String::new(),
            pairs: Vec::new(),
        },
        KindName::Locate => RawKind::Locate {
            prompt: String::new(),
            choice_prompt: None,
            picture: String::new(),
            answer: RawRegion::Circle {
                name: String::new(),
                x: 0.0,
                y: 0.0,
                r: 0.0,
            },
            others: Vec::new(),
        },
    }
}

/// `kind` turned into another kind, keeping its main text (a teacher changing a card's
/// kind keeps the question; students keep the card's progress, which is keyed by id).
pub fn convert_kind(kind: &RawKind, to: KindName) -> RawKind {
    if kind_of(kind) == to {
        return kind.clone();
    }
    let text = main_text(kind).to_owned();
    let mut new = empty_kind(to);
    match &mut new {
        RawKind::Basic { front: t, .. }
        | RawKind::Cloze { text: t }
        | RawKind::TypeIn { question: t, .. }
        | RawKind::MultipleChoice { question: t, .. }
        | RawKind::TrueFalse { statement: t, .. }
        | RawKind::Order { prompt: t, .. }
        | RawKind::Match { prompt: t, .. }
        | RawKind::Locate { prompt: t, .. } => *t = text,
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::bundled::BUNDLED;
    use proptest::prelude::*;

    fn open(n: usize) -> DeckEditor {
        DeckEditor::open(BUNDLED[n].1, BUNDLED[n].0).expect("opens")
    }

    #[test]
    fn every_bundled_deck_opens_and_saves_byte_for_byte() {
        for (name, text) in BUNDLED {
            let e = DeckEditor::open(text, name).expect("opens");
            assert!(!e.is_dirty());
            assert_eq!(e.text(), *text, "{name}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_kept() {
        let text = format!("\u{feff}{}", BUNDLED[0].1);
        let e = DeckEditor::open(&text, "x").expect("opens");
        assert_eq!(e.text(), text);
    }

    #[test]
    fn a_deck_saved_as_utf16_opens_as_the_library_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.ron");
        let text = BUNDLED[0].1;
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        std::fs::write(&path, bytes).unwrap();
        let e = DeckEditor::open_file(&path).expect("opens");
        assert_eq!(e.text(), text);
    }

    #[test]
    fn a_deck_that_does_not_parse_is_refused_with_the_checker_s_message() {
        let err = DeckEditor::open("Deck(format: 1, id: \"x\", title: \"T\", cards: [", "x.ron")
            .expect_err("refused");
        assert!(err.to_string().contains("x.ron:"), "{err}");
        let newer = BUNDLED[0].1.replacen("format: 1", "format: 9", 1);
        assert!(DeckEditor::open(&newer, "n").is_err());
    }

    #[test]
    fn editing_keeps_the_id_and_undo_redo_restore_the_text() {
        let mut e = open(0);
        let original = e.text();
        let mut card = e.card(2).expect("card").clone();
        let id = card.id.clone();
        card.id = "something-else".into();
        card.note = "Changed.".into();
        e.set_card(2, card, None);
        assert_eq!(e.card(2).expect("card").id, id);
        assert!(e.is_dirty());
        let edited = e.text();
        assert_ne!(edited, original);
        e.undo();
        assert_eq!(e.text(), original);
        assert!(!e.is_dirty());
        e.redo();
        assert_eq!(e.text(), edited);
        assert!(e.is_dirty());
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut e = open(0);
        let original = e.card(0).expect("card").clone();
        for n in 1..=5 {
            let mut c = e.card(0).expect("card").clone();
            c.note = "x".repeat(n);
            e.set_card(0, c, Some(7));
        }
        e.end_group();
        let mut c = e.card(0).expect("card").clone();
        c.tags.push("new".into());
        e.set_card(0, c, Some(7));
        e.undo();
        assert_eq!(e.card(0).expect("card").note, "xxxxx");
        e.undo();
        assert_eq!(e.card(0), Some(&original));
        assert!(!e.can_undo());
    }

    #[test]
    fn new_cards_take_ids_from_their_text_and_never_a_deleted_one() {
        let mut e = open(0);
        let at = e.add_card(e.len(), KindName::TypeIn);
        let mut c = e.card(at).expect("card").clone();
        c.kind = RawKind::TypeIn {
            question: "Who signed the Tartu peace treaty?".into(),
            answers: vec!["Estonia".into()],
        };
        e.set_card(at, c, Some(1));
        assert_eq!(
            e.card(at).expect("card").id,
            "who-signed-the-tartu-peace-treaty"
        );
        // A duplicate gets its own id.
        let d = e.duplicate(at).expect("dup");
        assert_eq!(
            e.card(d).expect("card").id,
            "who-signed-the-tartu-peace-treaty-2"
        );
        // A deleted card's id is not given again.
        let first_id = e.card(0).expect("card").id.clone();
        let first = e.card(0).expect("card").clone();
        e.delete(0);
        let at = e.add_card(0, KindName::Basic);
        let mut c = first.clone();
        c.id = String::new();
        e.set_card(at, c, None);
        assert_ne!(e.card(at).expect("card").id, first_id);
        // Saved, the ids stay even when the text changes.
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("d").join("deck.ron");
        e.save(&path).expect("saves");
        assert!(!e.is_dirty());
        let id = e.card(at).expect("card").id.clone();
        let mut c = e.card(at).expect("card").clone();
        c.kind = RawKind::Basic {
            front: "Something else entirely".into(),
            back: "b".into(),
            reverse: false,
        };
        e.set_card(at, c, None);
        assert_eq!(e.card(at).expect("card").id, id);
        // The file reads back as the editor's deck.
        let back = std::fs::read_to_string(&path).expect("read");
        let mut saved = e.clone();
        saved.undo();
        assert_eq!(crate::deck::parse_raw(&back), Some(saved.to_raw()));
    }

    #[test]
    fn saving_twice_and_undoing_after_a_save() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("deck.ron");
        let mut e = open(1);
        e.move_card(0, 3);
        e.delete(5);
        let at = e.add_card(2, KindName::Match);
        e.save(&path).expect("saves");
        let first = std::fs::read_to_string(&path).expect("read");
        // Reopened, the same bytes.
        let again = DeckEditor::open(&first, "x").expect("opens");
        assert_eq!(again.text(), first);
        // Undo across the save: back to the bundled text.
        e.undo();
        e.undo();
        e.undo();
        assert_eq!(
            crate::deck::parse_raw(&e.text()),
            crate::deck::parse_raw(BUNDLED[1].1)
        );
        assert!(e.is_dirty());
        e.redo();
        e.redo();
        e.redo();
        assert_eq!(e.text(), first);
        assert!(!e.is_dirty());
        assert_eq!(at, 2);
    }

    #[test]
    fn a_copy_has_its_own_id_and_keeps_the_card_ids() {
        let e = open(2).into_copy("my-copy", "My copy");
        assert!(e.is_dirty());
        assert!(e.id_editable());
        let raw = crate::deck::parse_raw(&e.text()).expect("parses");
        assert_eq!(raw.id, "my-copy");
        assert_eq!(raw.title, "My copy");
        let orig = crate::deck::parse_raw(BUNDLED[2].1).expect("parses");
        assert_eq!(raw.cards, orig.cards);
        // Only the id and title lines differ.
        let diff = e
            .text()
            .lines()
            .zip(BUNDLED[2].1.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(diff, 2);
    }

    #[test]
    fn the_id_of_a_saved_deck_does_not_change() {
        let mut e = open(0);
        let mut meta = e.meta().clone();
        meta.id = "other".into();
        meta.version += 1;
        e.set_meta(meta);
        let orig = crate::deck::parse_raw(BUNDLED[0].1).expect("parses");
        assert_eq!(e.meta().id, orig.id);
        assert_eq!(e.saved_version().map(|v| v + 1), Some(e.meta().version));
    }

    #[test]
    fn undoing_past_the_first_save_keeps_the_deck_id() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut e = DeckEditor::new_deck("new-deck", "New", KindName::Basic);
        let mut meta = e.meta().clone();
        meta.id = "capitals".into();
        e.set_meta(meta);
        assert_eq!(e.meta().id, "capitals");
        e.save(&dir.path().join("capitals.ron")).expect("saves");
        assert!(!e.id_editable());
        e.undo();
        assert_eq!(e.meta().id, "capitals");
    }

    fn bundled(name: &str) -> DeckEditor {
        let (n, text) = BUNDLED
            .iter()
            .find(|(n, _)| *n == name)
            .expect("bundled deck");
        DeckEditor::open(text, n).expect("opens")
    }

    fn circle(name: &str, x: f32, y: f32, r: f32) -> RawRegion {
        RawRegion::Circle {
            name: name.into(),
            x,
            y,
            r,
        }
    }

    #[test]
    fn a_locate_card_is_made_edited_undone_and_raises_the_format_only_while_it_is_there() {
        // A format-1 deck: a Locate card makes it format 2, removing it makes it 1 again.
        let mut e = bundled("who-was-who.ron");
        assert_eq!(e.to_raw().format, 1);
        let original = e.text();
        let at = e.add_card(0, KindName::Locate);
        let mut card = e.card(at).unwrap().clone();
        assert_eq!(kind_of(&card.kind), KindName::Locate);
        assert!(card.id.starts_with("new-locate"), "{}", card.id);
        card.kind = RawKind::Locate {
            prompt: "Click where Liepāja is".into(),
            choice_prompt: None,
            picture: "maps/baltic-states.png".into(),
            answer: circle("Liepāja", 120.5, 340.0, 14.0),
            others: vec![
                circle("Riga", 418.8, 430.0, 14.0),
                RawRegion::Polygon {
                    name: "Estonia".into(),
                    points: vec![(400.0, 100.0), (600.0, 100.0), (500.0, 250.5)],
                },
            ],
        };
        e.set_card(at, card.clone(), Some(1));
        let id = e.card(at).unwrap().id.clone();
        assert_eq!(
            id, "click-where-liepaja-is",
            "a new card's id follows its prompt"
        );
        let text = e.text();
        assert!(text.contains("    format: 2,"), "{text}");
        assert!(
            text.contains("answer: Circle(name: \"Liepāja\", x: 120.5, y: 340, r: 14),"),
            "{text}"
        );
        assert!(text.contains(
            "Polygon(name: \"Estonia\", points: [(400, 100), (600, 100), (500, 250.5)]),"
        ));
        let checked = crate::deck::check_text(&text, "x.ron", None);
        assert!(!checked.has_errors(), "{}", checked.render());
        assert_eq!(crate::deck::parse_raw(&text), Some(e.to_raw()));

        // A question for tests raises the format to the one that has it, and back.
        let mut asked = card.clone();
        if let RawKind::Locate { choice_prompt, .. } = &mut asked.kind {
            *choice_prompt = Some("Which of these ports is Liepāja?".into());
        }
        e.set_card(at, asked, Some(2));
        let with_choice = e.text();
        assert!(with_choice.contains("    format: 3,"), "{with_choice}");
        assert!(
            with_choice.contains("choice_prompt: \"Which of these ports is Liepāja?\","),
            "{with_choice}"
        );
        let checked = crate::deck::check_text(&with_choice, "x.ron", None);
        assert!(!checked.has_errors(), "{}", checked.render());
        assert_eq!(crate::deck::parse_raw(&with_choice), Some(e.to_raw()));
        e.set_card(at, card.clone(), Some(3));
        assert_eq!(e.text(), text);

        // Saved, then edited: the id stays; moving the answer changes only its line.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        e.save(&path).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let RawKind::Locate { answer, prompt, .. } = &mut card.kind else {
            unreachable!()
        };
        *answer = circle("Liepāja", 121.0, 341.0, 20.0);
        *prompt = "Click the port of Liepāja".into();
        card.tags = vec!["map".into()];
        e.set_card(at, card, None);
        assert_eq!(e.card(at).unwrap().id, id, "a saved card keeps its id");
        let edited = e.text();
        let old_lines: HashSet<&str> = saved.lines().collect();
        let new_lines: HashSet<&str> = edited.lines().collect();
        let mut added: Vec<&str> = new_lines.difference(&old_lines).copied().collect();
        let mut removed: Vec<&str> = old_lines.difference(&new_lines).copied().collect();
        added.sort_unstable();
        removed.sort_unstable();
        assert_eq!(
            added,
            [
                "                answer: Circle(name: \"Liepāja\", x: 121, y: 341, r: 20),",
                "                prompt: \"Click the port of Liepāja\",",
                "            tags: [\"map\"],",
            ]
        );
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert_eq!(edited.lines().count(), saved.lines().count() + 1);

        // Duplicated: a copy with its regions and a new id.
        let copy = e.duplicate(at).unwrap();
        assert_ne!(e.card(copy).unwrap().id, id);
        assert_eq!(e.card(copy).unwrap().kind, e.card(at).unwrap().kind);

        // Undo everything: the file as opened (format 1 again).
        while e.undo().is_some() {}
        assert_eq!(e.text(), original);
        while e.redo().is_some() {}
        assert_eq!(e.len(), bundled("who-was-who.ron").len() + 2);
        e.delete(copy);
        e.delete(at);
        assert_eq!(e.to_raw().format, 1, "no Locate card left");
    }

    #[test]
    fn a_card_turned_into_a_locate_card_keeps_its_text_and_a_new_deck_starts_at_format_1() {
        let e = DeckEditor::new_deck("d", "D", KindName::Basic);
        assert_eq!(e.to_raw().format, 1);
        let kind = RawKind::Basic {
            front: "Where is Paldiski?".into(),
            back: "x".into(),
            reverse: false,
        };
        let RawKind::Locate { prompt, answer, .. } = convert_kind(&kind, KindName::Locate) else {
            panic!("a Locate card");
        };
        assert_eq!(prompt, "Where is Paldiski?");
        // The empty answer is reported by the checker, not taken as a region.
        let mut e = DeckEditor::new_deck("d", "D", KindName::Locate);
        assert_eq!(e.to_raw().format, 2);
        let card = e.card(0).unwrap().clone();
        assert_eq!(card.kind, empty_kind(KindName::Locate));
        assert!(matches!(answer, RawRegion::Circle { r, .. } if r == 0.0));
        let checked = crate::deck::check_text(&e.text(), "d.ron", None);
        assert!(checked.has_errors());
        e.set_card(0, card, None);
        assert!(!e.is_empty());
    }

    #[test]
    fn a_new_deck_is_valid_once_its_card_is_written() {
        let mut e = DeckEditor::new_deck("my-deck", "My deck", KindName::TrueFalse);
        assert_eq!(e.len(), 1);
        assert!(e.is_dirty());
        let mut c = e.card(0).expect("card").clone();
        c.kind = RawKind::TrueFalse {
            statement: "Riga is the capital of Latvia.".into(),
            truth: true,
            correction: String::new(),
        };
        e.set_card(0, c, None);
        let checked = crate::deck::check_text(&e.text(), "new.ron", None);
        assert!(!checked.has_errors(), "{}", checked.render());
        assert_eq!(
            checked.deck.expect("deck").cards[0].id.as_str(),
            "riga-is-the-capital-of-latvia"
        );
    }

    /// A 2×2 PNG.
    fn png() -> Vec<u8> {
        let mut out = Vec::new();
        let img = image::RgbaImage::from_pixel(2, 2, image::Rgba([10, 20, 30, 255]));
        img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .expect("encodes");
        out
    }

    #[test]
    fn a_picture_is_checked_and_copied_into_the_deck_folder_without_overwriting() {
        let dir = tempfile::tempdir().expect("tmp");
        let deck_dir = dir.path().join("deck");
        let src = dir.path().join("Map of Rīga.png");
        std::fs::write(&src, png()).expect("write");
        let rel = copy_picture(&src, &deck_dir).expect("copied");
        assert_eq!(rel, "pictures/map-of-riga.png");
        assert_eq!(std::fs::read(deck_dir.join(&rel)).expect("read"), png());
        // The same picture again: the same file.
        assert_eq!(copy_picture(&src, &deck_dir).expect("copied"), rel);
        // Another picture with the same name: a new file.
        let other = dir.path().join("other").join("Map of Rīga.png");
        std::fs::create_dir_all(other.parent().expect("parent")).expect("mkdir");
        let mut bytes = png();
        let img = image::RgbaImage::from_pixel(3, 1, image::Rgba([0, 0, 0, 255]));
        bytes.clear();
        img.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encodes");
        std::fs::write(&other, &bytes).expect("write");
        assert_eq!(
            copy_picture(&other, &deck_dir).expect("copied"),
            "pictures/map-of-riga-2.png"
        );
        // Not a PNG: refused, nothing written.
        let bad = dir.path().join("notes.png");
        std::fs::write(&bad, b"not a picture").expect("write");
        assert!(matches!(
            copy_picture(&bad, &deck_dir),
            Err(EditError::Picture(_))
        ));
        assert!(!deck_dir.join("pictures/notes.png").exists());
        // A deck that uses it checks clean.
        let mut e = DeckEditor::new_deck("pics", "Pics", KindName::Basic);
        let mut c = e.card(0).expect("card").clone();
        c.kind = RawKind::Basic {
            front: "Where?".into(),
            back: "Riga".into(),
            reverse: false,
        };
        c.image = rel;
        e.set_card(0, c, None);
        let path = deck_dir.join("pics.ron");
        e.save(&path).expect("saves");
        let checked = crate::deck::check_file(&path);
        assert!(!checked.has_errors(), "{}", checked.render());
    }

    #[derive(Debug, Clone)]
    enum Op {
        Edit(usize, String),
        Add(usize, usize),
        Dup(usize),
        Del(usize),
        Move(usize, usize),
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..60usize, "[a-zA-Zā ]{0,12}").prop_map(|(i, s)| Op::Edit(i, s)),
            (0..60usize, 0..7usize).prop_map(|(i, k)| Op::Add(i, k)),
            (0..60usize).prop_map(Op::Dup),
            (0..60usize).prop_map(Op::Del),
            (0..60usize, 0..60usize).prop_map(|(a, b)| Op::Move(a, b)),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Any sequence of edits: the text reads back as the editor's deck, ids stay unique
        /// and every surviving old card keeps its id; undoing everything gives the file back.
        #[test]
        fn edits_read_back_and_undo_all_restores_the_file(ops in proptest::collection::vec(op(), 1..25)) {
            let mut e = open(3);
            let original: Vec<(String, RawKind)> =
                e.cards().map(|c| (c.id.clone(), c.kind.clone())).collect();
            for op in ops {
                let n = e.len();
                match op {
                    Op::Edit(i, s) if n > 0 => {
                        let mut c = e.card(i % n).expect("card").clone();
                        c.note = s;
                        e.set_card(i % n, c, None);
                    }
                    Op::Add(i, k) => { e.add_card(i, KindName::ALL[k]); }
                    Op::Dup(i) if n > 0 => { e.duplicate(i % n); }
                    Op::Del(i) if n > 1 => e.delete(i % n),
                    Op::Move(a, b) if n > 0 => e.move_card(a % n, b),
                    Op::Undo => { e.undo(); }
                    Op::Redo => { e.redo(); }
                    _ => {}
                }
                let raw = crate::deck::parse_raw(&e.text()).expect("parses");
                prop_assert_eq!(&raw, &e.to_raw());
                let ids: HashSet<&str> = raw.cards.iter().map(|c| c.id.as_str()).collect();
                prop_assert_eq!(ids.len(), raw.cards.len());
                for c in &raw.cards {
                    // A card that has an old card's id is that card (same kind of content).
                    if let Some((_, kind)) = original.iter().find(|(id, _)| *id == c.id) {
                        prop_assert_eq!(kind_of(kind), kind_of(&c.kind));
                    }
                }
            }
            while e.undo().is_some() {}
            prop_assert_eq!(e.text(), BUNDLED[3].1);
            prop_assert!(!e.is_dirty());
        }
    }
}
