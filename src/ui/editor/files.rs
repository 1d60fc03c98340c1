//! The deck editor's files: choosing, opening (a bundled deck as a copy), a new deck,
//! saving with the edition raised, attaching a picture, the preview as a student sees it.

use super::*;

/// A deck id not in `taken`: `base`, else `base-2`, `base-3`…
pub fn unique_id(base: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// The library's decks as the editor offers them.
pub fn choices(library: &crate::library::Library) -> Vec<DeckChoice> {
    library
        .decks
        .iter()
        .map(|d| DeckChoice {
            id: d.deck.id.clone(),
            title: d.deck.title.clone(),
            origin: crate::i18n::origin_names(&d.origin).0,
            editable: d.origin.file().is_some(),
        })
        .collect()
}

/// Opens deck `id` of the library: its file, or for a bundled deck a copy with its own id
/// (saved where the teacher chooses). Errors are sentences for the screen.
pub fn open_deck(library: &crate::library::Library, id: &DeckId) -> Result<Editing, String> {
    let deck = library
        .get(id)
        .ok_or_else(|| tr!("editor-deck-gone", id = id.to_string()))?;
    match deck.origin.file() {
        Some(path) => {
            let editor =
                DeckEditor::open_file(path).map_err(|e| crate::i18n::edit_error_text(&e))?;
            Ok(Editing::new(
                editor,
                Some(path.to_owned()),
                path.parent().map(std::path::Path::to_path_buf),
            ))
        }
        None => {
            let name = format!("{id}.ron");
            let text = crate::deck::bundled::BUNDLED
                .iter()
                .find(|(n, _)| *n == name)
                .or_else(|| {
                    crate::deck::bundled::BUNDLED.iter().find(|(_, t)| {
                        crate::deck::parse_raw(t).is_some_and(|r| r.id == id.as_str())
                    })
                })
                .map(|(_, t)| *t)
                .ok_or_else(|| tr!("editor-bundled-missing", id = id.to_string()))?;
            let taken = |s: &str| library.get(&DeckId::new(s)).is_some();
            let new_id = unique_id(&format!("{id}-copy"), &taken);
            let editor = DeckEditor::open(text, &name)
                .map_err(|e| crate::i18n::edit_error_text(&e))?
                .into_copy(&new_id, &format!("{} (copy)", deck.deck.title));
            Ok(Editing::new(editor, None, None))
        }
    }
}

/// A new deck with an id no deck of the library has.
pub fn new_deck(library: &crate::library::Library) -> Editing {
    let taken = |s: &str| library.get(&DeckId::new(s)).is_some();
    let id = unique_id("new-deck", &taken);
    Editing::new(
        DeckEditor::new_deck(&id, "New deck", KindName::Basic),
        None,
        None,
    )
}

/// Saves the deck being edited: to its file, or (a new deck or a copy) into its own folder
/// in `my_decks` or the class folder `class`. Returns the sentence to show.
pub fn save(
    e: &mut Editing,
    my_decks: &std::path::Path,
    class: Option<&std::path::Path>,
    library: &crate::library::Library,
) -> Result<String, String> {
    let path = match &e.path {
        Some(p) => p.clone(),
        None => {
            let id = e.editor.meta().id.clone();
            crate::ids::check_id(&id)
                .map_err(|err| tr!("editor-bad-id", id = &id, err = &err.message()))?;
            if library.get(&DeckId::new(&id)).is_some() {
                return Err(tr!("editor-id-taken", id = &id));
            }
            let dir = match (e.target, class) {
                (Target::Everyone, Some(c)) => c,
                _ => my_decks,
            };
            let path = dir.join(&id).join(format!("{id}.ron"));
            if path.exists() {
                return Err(tr!("editor-path-exists", path = path.display().to_string()));
            }
            path
        }
    };
    e.editor.save(&path).map_err(|err| {
        tr!(
            "editor-save-failed",
            err = crate::i18n::edit_error_text(&err)
        )
    })?;
    e.base_dir = path.parent().map(std::path::Path::to_path_buf);
    e.path = Some(path.clone());
    // The deck has a folder now: a map picture not found before is read again.
    e.map = None;
    let errors = e.problems().map_or(0, |p| {
        p.iter().filter(|i| i.severity == Severity::Error).count()
    });
    let mut msg = tr!(
        "editor-saved",
        edition = e.editor.meta().version,
        path = path.display().to_string()
    );
    if errors > 0 {
        msg.push_str(&format!(
            " {}",
            tr!("editor-saved-with-errors", errors = errors)
        ));
    }
    Ok(msg)
}

/// Copies the picture `src` into the deck's folder and makes it the shown card's picture
/// (one undo step). Returns the sentence to show.
pub fn attach_picture(e: &mut Editing, src: &std::path::Path) -> String {
    let Some(dir) = e.base_dir.clone() else {
        return tr!("editor-picture-save-first");
    };
    let at = e.selected;
    let Some(mut card) = e.editor.card(at).cloned() else {
        return tr!("editor-picture-no-card");
    };
    match crate::deck::edit::copy_picture(src, &dir) {
        Ok(rel) => {
            e.pictures.clear();
            // A Locate card's picture is the one its regions are drawn on.
            match &mut card.kind {
                RawKind::Locate { picture, .. } => *picture = rel.clone(),
                _ => card.image = rel.clone(),
            }
            e.editor.set_card(at, card, None);
            tr!("editor-picture-copied", picture = &rel, card = at + 1)
        }
        Err(err) => tr!(
            "editor-picture-failed",
            err = crate::i18n::edit_error_text(&err)
        ),
    }
}

/// Shows the current card as a student sees it: the card checked on its own (the deck's
/// other cards may still have errors) and its picture read. Returns a sentence when it
/// cannot be shown.
pub fn preview(
    e: &mut Editing,
    strictness: crate::answer::Strictness,
    now: chrono::DateTime<chrono::Utc>,
    rng: &mut impl rand::Rng,
) -> Option<String> {
    let card = e.editor.card(e.selected)?.clone();
    let mut raw = e.editor.to_raw_meta();
    raw.cards = vec![card];
    raw.format = raw.format.max(crate::deck::raw::format_for(&raw.cards));
    let (deck, issues) = crate::deck::validate::validate(&raw, e.base_dir.as_deref());
    let Some(deck) = deck else {
        let first = issues
            .iter()
            .find(|i| i.severity == Severity::Error)
            .map(|i| crate::i18n::message(&i.message))
            .unwrap_or_default();
        return Some(tr!("editor-preview-errors", first = first));
    };
    let card = deck.cards.first()?.clone();
    let key = deck.items().into_iter().next()?;
    let picture = card.image.as_deref().map(|rel| {
        super::super::picture::PictureView::load(
            e.base_dir.as_deref(),
            rel,
            &tr!("editor-picture-after-save"),
        )
    });
    let screen = super::super::study::StudyScreen {
        item: Some(super::super::study::ShownItem::ask(
            &deck,
            card,
            key,
            [60, 360, 86_400, 3 * 86_400]
                .map(|secs| crate::i18n::interval(&crate::schedule::Interval::new(secs, 0))),
            strictness,
            now,
            picture,
            rng,
        )),
        decks_label: tr!("editor-preview-deck", title = &deck.title),
        ..Default::default()
    };
    e.preview = Some(Box::new(screen));
    None
}

/// Reads the picture `rel` of the Locate card in the form (from the deck's folder, or the
/// built-in map of that name), to draw its regions on.
pub fn load_picture(e: &mut Editing, rel: &str) {
    let view = super::super::picture::PictureView::load(
        e.base_dir.as_deref(),
        rel,
        &tr!("editor-map-after-save"),
    );
    e.map = Some((rel.to_owned(), view));
}
