//! The card and deck-details forms: a draft of the card's fields as text (every kind),
//! turned back into a card on each edit, grouped for undo while typing.

use super::*;

/// The form's text for one card (kept while typing, so what is typed stays as typed).
pub(super) struct Draft {
    pub(super) card: usize,
    pub(super) rev: u64,
    pub(super) kind: KindName,
    pub(super) texts: BTreeMap<&'static str, String>,
    pub(super) reverse: bool,
    pub(super) truth: bool,
}

pub(super) const LIST_SEP: char = '\n';

impl Draft {
    pub(super) fn of(card: &RawCard, at: usize, rev: u64) -> Draft {
        let mut texts = BTreeMap::new();
        let lines = |v: &[String]| v.join("\n");
        texts.insert("tags", card.tags.join(", "));
        let (doc, section) = card
            .source
            .as_ref()
            .map_or((String::new(), String::new()), |r| {
                (r.doc.clone(), r.section.clone())
            });
        texts.insert("source.doc", doc);
        texts.insert("source.section", section);
        texts.insert("note", card.note.clone());
        texts.insert("image", card.image.clone());
        let (mut reverse, mut truth) = (false, true);
        match &card.kind {
            RawKind::Basic {
                front,
                back,
                reverse: r,
            } => {
                texts.insert("kind.front", front.clone());
                texts.insert("kind.back", back.clone());
                reverse = *r;
            }
            RawKind::Cloze { text } => {
                texts.insert("kind.text", text.clone());
            }
            RawKind::TypeIn { question, answers } => {
                texts.insert("kind.question", question.clone());
                texts.insert("kind.answers", lines(answers));
            }
            RawKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => {
                texts.insert("kind.question", question.clone());
                texts.insert("kind.answer", answer.clone());
                texts.insert("kind.distractors", lines(distractors));
                texts.insert("kind.also_correct", lines(also_correct));
            }
            RawKind::TrueFalse {
                statement,
                truth: t,
                correction,
            } => {
                texts.insert("kind.statement", statement.clone());
                texts.insert("kind.correction", correction.clone());
                truth = *t;
            }
            RawKind::Order { prompt, items } => {
                texts.insert("kind.prompt", prompt.clone());
                texts.insert("kind.items", lines(items));
            }
            RawKind::Match { prompt, pairs } => {
                texts.insert("kind.prompt", prompt.clone());
                let p: Vec<String> = pairs.iter().map(|(l, r)| format!("{l} = {r}")).collect();
                texts.insert("kind.pairs", p.join("\n"));
            }
            RawKind::Locate {
                prompt,
                choice_prompt,
                picture,
                answer,
                others,
            } => {
                texts.insert("kind.prompt", prompt.clone());
                texts.insert(
                    "kind.choice_prompt",
                    choice_prompt.clone().unwrap_or_default(),
                );
                texts.insert("kind.picture", picture.clone());
                let mut all = vec![answer.clone()];
                all.extend(others.iter().cloned());
                // A new card's answer is an unnamed circle of radius 0: no region yet.
                if others.is_empty() && is_unset(answer) {
                    all.clear();
                }
                texts.insert("kind.regions", regions_text(&all));
            }
        }
        Draft {
            card: at,
            rev,
            kind: kind_of(&card.kind),
            texts,
            reverse,
            truth,
        }
    }

    pub(super) fn text(&self, key: &str) -> String {
        self.texts.get(key).cloned().unwrap_or_default()
    }

    /// The regions of the text field (one a line, the answer first), and the first line
    /// that does not read as a region.
    pub(super) fn regions(&self) -> (Vec<RawRegion>, Option<String>) {
        let mut out = Vec::new();
        let mut error = None;
        for (n, line) in self.text("kind.regions").lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match crate::deck::Region::parse_text(line) {
                Ok(r) => out.push(crate::deck::raw_region(&r)),
                Err(why) => {
                    error
                        .get_or_insert_with(|| tr!("editor-region-line", line = n + 1, why = &why));
                }
            }
        }
        (out, error)
    }

    pub(super) fn list(&self, key: &str) -> Vec<String> {
        let t = self.text(key);
        if t.is_empty() {
            Vec::new()
        } else {
            t.split(LIST_SEP).map(str::to_owned).collect()
        }
    }

    /// The card the form describes (its id is the editor's business).
    pub(super) fn card(&self, id: &str) -> RawCard {
        let tags: Vec<String> = self
            .text("tags")
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let doc = self.text("source.doc");
        let source = (!doc.trim().is_empty()).then(|| RawRef {
            doc: doc.trim().to_owned(),
            section: self.text("source.section"),
        });
        let kind = match self.kind {
            KindName::Basic => RawKind::Basic {
                front: self.text("kind.front"),
                back: self.text("kind.back"),
                reverse: self.reverse,
            },
            KindName::Cloze => RawKind::Cloze {
                text: self.text("kind.text"),
            },
            KindName::TypeIn => RawKind::TypeIn {
                question: self.text("kind.question"),
                answers: self.list("kind.answers"),
            },
            KindName::MultipleChoice => RawKind::MultipleChoice {
                question: self.text("kind.question"),
                answer: self.text("kind.answer"),
                distractors: self.list("kind.distractors"),
                also_correct: self.list("kind.also_correct"),
            },
            KindName::TrueFalse => RawKind::TrueFalse {
                statement: self.text("kind.statement"),
                truth: self.truth,
                correction: self.text("kind.correction"),
            },
            KindName::Order => RawKind::Order {
                prompt: self.text("kind.prompt"),
                items: self.list("kind.items"),
            },
            KindName::Match => RawKind::Match {
                prompt: self.text("kind.prompt"),
                pairs: self
                    .list("kind.pairs")
                    .iter()
                    .map(|l| match l.split_once('=') {
                        Some((a, b)) => (a.trim().to_owned(), b.trim().to_owned()),
                        None => (l.trim().to_owned(), String::new()),
                    })
                    .collect(),
            },
            KindName::Locate => {
                let (mut regions, _) = self.regions();
                let answer = if regions.is_empty() {
                    match crate::deck::edit::empty_kind(KindName::Locate) {
                        RawKind::Locate { answer, .. } => answer,
                        _ => unreachable!("empty_kind keeps the kind"),
                    }
                } else {
                    regions.remove(0)
                };
                let choice = self.text("kind.choice_prompt");
                RawKind::Locate {
                    prompt: self.text("kind.prompt"),
                    // An empty field is no question for tests: the card is asked in study.
                    choice_prompt: (!choice.trim().is_empty()).then_some(choice),
                    picture: self.text("kind.picture").trim().to_owned(),
                    answer,
                    others: regions,
                }
            }
        };
        RawCard {
            id: id.to_owned(),
            tags,
            source,
            note: self.text("note"),
            image: self.text("image"),
            kind,
        }
    }
}

/// The deck details' text, kept while typing.
pub(super) struct MetaDraft {
    pub(super) rev: u64,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) language: String,
    pub(super) authors: String,
    pub(super) version: u32,
    /// One source a line: `key = title` (a URL after ` | `).
    pub(super) sources: String,
}

impl MetaDraft {
    pub(super) fn of(meta: &DeckMeta, rev: u64) -> MetaDraft {
        let sources: Vec<String> = meta
            .sources
            .iter()
            .map(|(k, s)| {
                if s.url.is_empty() {
                    format!("{k} = {}", s.title)
                } else {
                    format!("{k} = {} | {}", s.title, s.url)
                }
            })
            .collect();
        MetaDraft {
            rev,
            id: meta.id.clone(),
            title: meta.title.clone(),
            description: meta.description.clone(),
            language: meta.language.clone(),
            authors: meta.authors.join(", "),
            version: meta.version,
            sources: sources.join("\n"),
        }
    }

    pub(super) fn meta(&self) -> DeckMeta {
        let mut sources = BTreeMap::new();
        for line in self.sources.lines().filter(|l| !l.trim().is_empty()) {
            let (key, rest) = line.split_once('=').unwrap_or((line, ""));
            let (title, url) = rest.split_once(" | ").unwrap_or((rest, ""));
            sources.insert(
                key.trim().to_owned(),
                RawSource {
                    title: title.trim().to_owned(),
                    url: url.trim().to_owned(),
                },
            );
        }
        DeckMeta {
            id: self.id.trim().to_owned(),
            title: self.title.clone(),
            description: self.description.clone(),
            language: self.language.trim().to_owned(),
            authors: self
                .authors
                .split(',')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            version: self.version,
            sources,
        }
    }
}

/// A stable number for the typing group of field `key` of card `at`.
pub(super) fn group(at: usize, key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (at, key).hash(&mut h);
    h.finish()
}

pub(super) fn first_field(kind: KindName) -> &'static str {
    match kind {
        KindName::Basic => "kind.front",
        KindName::Cloze => "kind.text",
        KindName::TypeIn | KindName::MultipleChoice => "kind.question",
        KindName::TrueFalse => "kind.statement",
        KindName::Order | KindName::Match | KindName::Locate => "kind.prompt",
    }
}

/// A labelled choice of card kind.
pub(super) fn kind_box(ui: &mut egui::Ui, salt: &str, label: &str, kind: &mut KindName) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(kind_label(*kind))
        // Every kind in view, none behind a scroll bar.
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for k in KindName::ALL {
                ui.selectable_value(kind, k, kind_label(k));
            }
        })
        .response
        .labelled_by(l.id);
}

pub(super) fn kind_label(kind: KindName) -> String {
    match kind {
        KindName::Basic => tr!("editor-kind-basic"),
        KindName::Cloze => tr!("editor-kind-cloze"),
        KindName::TypeIn => tr!("editor-kind-type-in"),
        KindName::MultipleChoice => tr!("editor-kind-multiple-choice"),
        KindName::TrueFalse => tr!("editor-kind-true-false"),
        KindName::Order => tr!("editor-kind-order"),
        KindName::Match => tr!("editor-kind-match"),
        KindName::Locate => tr!("editor-kind-locate"),
    }
}

pub(super) fn card_form(ui: &mut egui::Ui, e: &mut Editing) -> Option<Action> {
    let n = e.selected;
    let Some(card) = e.editor.card(n).cloned() else {
        ui.label(tr!("editor-empty-deck"));
        return None;
    };
    let rev = e.editor.revision();
    if e.draft.as_ref().is_none_or(|d| d.card != n || d.rev != rev) {
        e.draft = Some(Draft::of(&card, n, rev));
    }
    let sources: Vec<String> = e.editor.meta().sources.keys().cloned().collect();
    let focus = e.focus.take();
    let problems: Vec<Issue> = e
        .problems()
        .map(|ps| {
            ps.iter()
                .filter(|i| split_path(&i.path).is_some_and(|(c, _)| c == n))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let d = e.draft.as_mut()?;
    let mut changed: Option<&'static str> = None;
    let mut card_action: Option<CardAction> = None;
    let mut locate_action = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr!("editor-card-of", n = n + 1, total = e.editor.len()));
        let new = e.editor.is_new(n);
        ui.label(
            RichText::new(if new {
                tr!("editor-card-id-new", id = card.id.to_string())
            } else {
                tr!("editor-card-id", id = card.id.to_string())
            })
            .weak(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("editor-duplicate")).clicked() {
            card_action = Some(CardAction::Duplicate);
        }
        if ui.button(tr!("editor-delete")).clicked() {
            card_action = Some(CardAction::Delete);
        }
        if ui
            .button(tr!("editor-preview"))
            .on_hover_text(tr!("editor-preview-hint"))
            .clicked()
        {
            card_action = Some(CardAction::Preview);
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(tr!("editor-move-up")))
            .on_hover_text("Alt+↑")
            .clicked()
        {
            card_action = Some(CardAction::Move(n.saturating_sub(1)));
        }
        if ui
            .add_enabled(
                n + 1 < e.editor.len(),
                egui::Button::new(tr!("editor-move-down")),
            )
            .on_hover_text("Alt+↓")
            .clicked()
        {
            card_action = Some(CardAction::Move(n + 1));
        }
    });
    // The card's problems, beside it.
    for i in &problems {
        if problem_button(ui, i, None).clicked() {
            let key = split_path(&i.path).map(|(_, f)| field_key(f));
            e.focus = key;
        }
    }
    let focus = focus.or_else(|| e.focus.take());
    ui.horizontal_wrapped(|ui| {
        let before = d.kind;
        kind_box(ui, "editor-kind", &tr!("editor-kind"), &mut d.kind);
        if d.kind != before {
            // The card as it was, turned into the new kind (its main text kept).
            let to = d.kind;
            d.kind = before;
            let mut c = d.card(&card.id);
            c.kind = convert_kind(&c.kind, to);
            *d = Draft::of(&c, n, rev);
            changed = Some("kind");
        }
    });
    macro_rules! field {
        ($ui:expr, $d:expr, $key:expr, $label:expr, $rows:expr, $hint:expr $(,)?) => {
            if text_field($ui, $d, $key, $label, $rows, $hint, focus.as_deref()) {
                changed = Some($key);
            }
        };
    }
    match d.kind {
        KindName::Basic => {
            field!(
                ui,
                d,
                "kind.front",
                &tr!("editor-front"),
                2,
                &tr!("editor-front-hint")
            );
            field!(
                ui,
                d,
                "kind.back",
                &tr!("editor-back"),
                2,
                &tr!("editor-back-hint")
            );
            if ui.checkbox(&mut d.reverse, tr!("editor-reverse")).changed() {
                changed = Some("kind.reverse");
            }
        }
        KindName::Cloze => {
            field!(
                ui,
                d,
                "kind.text",
                &tr!("editor-cloze-text"),
                4,
                &tr!("editor-cloze-example"),
            );
            ui.label(RichText::new(tr!("editor-cloze-help")).weak());
        }
        KindName::TypeIn => {
            field!(ui, d, "kind.question", &tr!("editor-question"), 2, "");
            field!(
                ui,
                d,
                "kind.answers",
                &tr!("editor-accepted-answers"),
                3,
                "",
            );
        }
        KindName::MultipleChoice => {
            field!(ui, d, "kind.question", &tr!("editor-question"), 2, "");
            field!(ui, d, "kind.answer", &tr!("editor-right-answer"), 1, "");
            field!(
                ui,
                d,
                "kind.distractors",
                &tr!("editor-wrong-options"),
                3,
                "",
            );
            field!(
                ui,
                d,
                "kind.also_correct",
                &tr!("editor-also-correct"),
                1,
                "",
            );
        }
        KindName::TrueFalse => {
            field!(ui, d, "kind.statement", &tr!("editor-statement"), 2, "");
            ui.horizontal(|ui| {
                if ui
                    .radio_value(&mut d.truth, true, tr!("editor-true"))
                    .changed()
                {
                    changed = Some("kind.truth");
                }
                if ui
                    .radio_value(&mut d.truth, false, tr!("editor-false"))
                    .changed()
                {
                    changed = Some("kind.truth");
                }
            });
            field!(ui, d, "kind.correction", &tr!("editor-correction"), 2, "",);
        }
        KindName::Order => {
            field!(
                ui,
                d,
                "kind.prompt",
                &tr!("editor-instruction"),
                1,
                &tr!("editor-order-example")
            );
            field!(ui, d, "kind.items", &tr!("editor-order-items"), 5, "",);
        }
        KindName::Match => {
            field!(
                ui,
                d,
                "kind.prompt",
                &tr!("editor-instruction"),
                1,
                &tr!("editor-match-example")
            );
            field!(
                ui,
                d,
                "kind.pairs",
                &tr!("editor-pairs"),
                5,
                &tr!("editor-pairs-example"),
            );
        }
        KindName::Locate => {
            let (c, a) = locate_form(ui, d, &mut e.locate, &mut e.map, focus.as_deref());
            if c.is_some() {
                changed = c;
            }
            locate_action = a;
        }
    }
    ui.separator();
    field!(
        ui,
        d,
        "tags",
        &tr!("editor-tags"),
        1,
        &tr!("editor-tags-example")
    );
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-source"));
        let doc = d.texts.entry("source.doc").or_default();
        let before = doc.clone();
        let r = egui::ComboBox::from_id_salt("editor-field-source")
            .selected_text(if doc.is_empty() {
                tr!("editor-none")
            } else {
                doc.clone()
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(doc, String::new(), tr!("editor-none"));
                for s in &sources {
                    ui.selectable_value(doc, s.clone(), s);
                }
            })
            .response
            .labelled_by(l.id);
        if focus.as_deref() == Some("source.doc") {
            r.request_focus();
        }
        if *doc != before {
            changed = Some("source.doc");
        }
    });
    if sources.is_empty() {
        ui.label(RichText::new(tr!("editor-source-hint")).weak());
    }
    field!(ui, d, "source.section", &tr!("editor-section"), 1, "");
    field!(ui, d, "note", &tr!("editor-note"), 2, "");
    field!(ui, d, "image", &tr!("editor-picture"), 1, "",);
    let mut attach = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-copy-picture-from"));
        ui.add(
            egui::TextEdit::singleline(&mut e.picture_from)
                .id_salt("editor-picture-from")
                .hint_text("/media/usb/map.png")
                .desired_width(240.0),
        )
        .labelled_by(l.id);
        if ui
            .add_enabled(
                !e.picture_from.trim().is_empty(),
                egui::Button::new(tr!("editor-copy-picture")),
            )
            .on_hover_text(tr!("editor-copy-picture-hint"))
            .clicked()
        {
            attach = Some(PathBuf::from(e.picture_from.trim()));
        }
    });
    // While a Locate card's regions' text has a line that does not read, the card keeps
    // its regions (the form keeps what was typed; a line says why); its other fields
    // still change.
    let unreadable = d.kind == KindName::Locate && d.regions().1.is_some();
    if let Some(key) = changed {
        let mut c = d.card(&card.id);
        if unreadable
            && let (
                RawKind::Locate { answer, others, .. },
                RawKind::Locate {
                    answer: kept,
                    others: kept_others,
                    ..
                },
            ) = (&mut c.kind, &card.kind)
        {
            answer.clone_from(kept);
            others.clone_from(kept_others);
        }
        e.editor.set_card(n, c, Some(group(n, key)));
        // The form stays as typed: it follows the editor's revision from here.
        if let Some(d) = e.draft.as_mut() {
            d.rev = e.editor.revision();
        }
        // A new card's id follows its text: keep the draft in step with no other change.
    }
    if let Some(path) = attach {
        e.picture_from.clear();
        return Some(Action::Editor(Msg::AttachPicture(path)));
    }
    if let Some(a) = locate_action {
        return Some(a);
    }
    match card_action {
        Some(CardAction::Preview) => return Some(Action::Editor(Msg::Preview)),
        Some(CardAction::Duplicate) => {
            if let Some(at) = e.editor.duplicate(n) {
                e.selected = at;
            }
        }
        Some(CardAction::Delete) => {
            e.editor.delete(n);
            e.selected = n.min(e.editor.len().saturating_sub(1));
        }
        Some(CardAction::Move(to)) => {
            e.editor.move_card(n, to);
            e.selected = to;
        }
        None => {}
    }
    None
}

/// One labelled text field of the card form; true when it changed.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    d: &mut Draft,
    key: &'static str,
    label: &str,
    rows: usize,
    hint: &str,
    focus: Option<&str>,
) -> bool {
    let l = ui.label(label);
    let text = d.texts.entry(key).or_default();
    let te = if rows > 1 {
        egui::TextEdit::multiline(text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(text)
    };
    let r = ui
        .add(
            te.id_salt(("editor-field", key))
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    if focus == Some(key) {
        r.request_focus();
        r.scroll_to_me(Some(egui::Align::Center));
    }
    r.changed()
}

pub(super) enum CardAction {
    Preview,
    Duplicate,
    Delete,
    Move(usize),
}

pub(super) fn meta_form(ui: &mut egui::Ui, e: &mut Editing) {
    let rev = e.editor.revision();
    if e.meta_draft.as_ref().is_none_or(|m| m.rev != rev) {
        e.meta_draft = Some(MetaDraft::of(e.editor.meta(), rev));
    }
    let id_editable = e.editor.id_editable();
    let Some(m) = e.meta_draft.as_mut() else {
        return;
    };
    let mut changed = None;
    ui.heading(tr!("editor-deck-details"));
    if ui.button(tr!("editor-back-to-cards")).clicked() {
        e.show_meta = false;
    }
    let mut line = |ui: &mut egui::Ui,
                    key: &'static str,
                    label: &str,
                    text: &mut String,
                    rows: usize,
                    enabled: bool| {
        let l = ui.label(label);
        let te = if rows > 1 {
            egui::TextEdit::multiline(text).desired_rows(rows)
        } else {
            egui::TextEdit::singleline(text)
        };
        let r = ui
            .add_enabled(
                enabled,
                te.desired_width(f32::INFINITY)
                    .id_salt(("editor-meta", key)),
            )
            .labelled_by(l.id);
        if r.changed() {
            changed = Some(key);
        }
    };
    line(
        ui,
        "title",
        &tr!("editor-meta-title"),
        &mut m.title,
        1,
        true,
    );
    line(
        ui,
        "id",
        &if id_editable {
            tr!("editor-meta-id-new")
        } else {
            tr!("editor-meta-id-fixed")
        },
        &mut m.id,
        1,
        id_editable,
    );
    line(
        ui,
        "description",
        &tr!("editor-meta-description"),
        &mut m.description,
        3,
        true,
    );
    line(
        ui,
        "language",
        &tr!("editor-meta-language"),
        &mut m.language,
        1,
        true,
    );
    line(
        ui,
        "authors",
        &tr!("editor-meta-authors"),
        &mut m.authors,
        1,
        true,
    );
    line(
        ui,
        "sources",
        &tr!("editor-meta-sources"),
        &mut m.sources,
        4,
        true,
    );
    ui.horizontal(|ui| {
        let l = ui.label(tr!("editor-meta-edition"));
        if ui
            .add(egui::DragValue::new(&mut m.version).range(1..=u32::MAX))
            .labelled_by(l.id)
            .changed()
        {
            changed = Some("version");
        }
    });
    if let Some(key) = changed {
        let meta = m.meta();
        m.rev = u64::MAX;
        e.editor.set_meta(meta);
        let _ = key;
        if let Some(m) = e.meta_draft.as_mut() {
            m.rev = e.editor.revision();
        }
    }
}
