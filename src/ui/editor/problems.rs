//! The checker's problems, live: the deck checked on each edit (large decks off the
//! interface thread), problems by card, each opening its card and field; the card list
//! with search and the marks of cards with problems.

use super::*;

/// Starts or collects the checker's run for the deck as it is now.
pub(super) fn check(ui: &egui::Ui, e: &mut Editing) {
    let rev = e.editor.revision();
    if let Some((for_rev, rx)) = &e.job {
        match rx.try_recv() {
            Ok(problems) => {
                e.problems = problems;
                e.problems_for = Some(*for_rev);
                e.job = None;
                e.card_problems = per_card(&e.problems);
            }
            Err(mpsc::TryRecvError::Empty) => {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => e.job = None,
        }
    }
    if e.problems_for == Some(rev) {
        return;
    }
    let raw = e.editor.to_raw();
    let dir = e.base_dir.clone();
    let pictures = e.pictures.clone();
    if raw.cards.len() <= BACKGROUND_CHECK_CARDS {
        e.problems = run_check(&raw, dir.as_deref(), &pictures);
        e.problems_for = Some(rev);
        e.card_problems = per_card(&e.problems);
    } else {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(run_check(&raw, dir.as_deref(), &pictures));
        });
        e.job = Some((rev, rx));
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
}

/// The problems `quizdeck check` reports for this deck.
pub(super) fn run_check(
    raw: &RawDeck,
    dir: Option<&std::path::Path>,
    pictures: &crate::deck::validate::PictureCache,
) -> Vec<Issue> {
    let mut issues = crate::deck::validate::validate_cached(raw, dir, pictures).1;
    if raw.cards.is_empty() {
        issues.push(Issue {
            severity: Severity::Error,
            code: "no-cards",
            path: "cards".into(),
            message: crate::message::Message::new("editor-no-cards"),
            hint: Some(crate::message::Message::new("editor-no-cards-hint")),
            related: None,
        });
    }
    issues
}

pub(super) fn per_card(issues: &[Issue]) -> BTreeMap<usize, Severity> {
    let mut m = BTreeMap::new();
    for i in issues {
        if let Some((card, _)) = split_path(&i.path) {
            let s = m.entry(card).or_insert(i.severity);
            *s = (*s).max(i.severity);
        }
    }
    m
}

/// `cards[3].kind.answer` → (3, "kind.answer"); None for the deck's own fields.
pub fn split_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("cards[")?;
    let (n, rest) = rest.split_once(']')?;
    Some((n.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

/// The form field a problem's path points at: `kind.distractors[1]` → `kind.distractors`;
/// a Locate card's `kind.answer.x` or `kind.others[2].name` → its regions' text.
pub(super) fn field_key(path: &str) -> String {
    let key = path.split('[').next().unwrap_or(path);
    if key.starts_with("kind.answer.") || key == "kind.others" {
        return "kind.regions".into();
    }
    match key {
        "source" => "source.doc".into(),
        "kind" | "" => "kind".into(),
        k => k.into(),
    }
}

/// The count of problems, and the deck's own problems (clickable).
pub(super) fn problems_line(ui: &mut egui::Ui, e: &mut Editing) {
    let Some(problems) = e.problems() else {
        ui.label(RichText::new(tr!("editor-checking")).weak());
        return;
    };
    let (errors, warnings) = problems.iter().fold((0, 0), |(er, w), i| match i.severity {
        Severity::Error => (er + 1, w),
        Severity::Warning => (er, w + 1),
    });
    let p = super::super::theme::palette(ui);
    let summary = if errors + warnings == 0 {
        tr!("editor-no-problems")
    } else {
        if errors > 0 {
            tr!(
                "editor-problems-errors",
                errors = errors,
                warnings = warnings
            )
        } else {
            tr!(
                "editor-problems-warnings",
                errors = errors,
                warnings = warnings
            )
        }
    };
    let color = if errors > 0 { p.wrong } else { p.weak_text };
    ui.colored_label(color, summary);
    if errors + warnings == 0 {
        return;
    }
    // Every problem, each one opening its card and field (the deck's own open the details).
    let shown: Vec<Issue> = problems.iter().take(MAX_LISTED).cloned().collect();
    egui::CollapsingHeader::new(tr!("editor-all-problems", n = errors + warnings))
        .id_salt("editor-problems")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("editor-problems-list")
                .max_height(ui.text_style_height(&egui::TextStyle::Body) * 8.0)
                .show(ui, |ui| {
                    for i in &shown {
                        let at = split_path(&i.path);
                        if problem_button(ui, i, at.map(|(c, _)| c)).clicked() {
                            match at {
                                Some((card, field)) => {
                                    e.selected = card;
                                    e.focus = Some(field_key(field));
                                    e.show_meta = false;
                                    e.list_view = false;
                                }
                                None => e.show_meta = true,
                            }
                        }
                    }
                });
        });
}

/// Problems listed at most (the checker counts the rest in its last one).
pub(super) const MAX_LISTED: usize = 200;

pub(super) fn problem_button(ui: &mut egui::Ui, i: &Issue, card: Option<usize>) -> egui::Response {
    let p = super::super::theme::palette(ui);
    let (word, color) = match i.severity {
        Severity::Error => (tr!("editor-error"), p.wrong),
        Severity::Warning => (tr!("editor-warning"), p.weak_text),
    };
    let mut text = format!("{word}: {}", crate::i18n::message(&i.message));
    if let Some(h) = &i.hint {
        text.push_str(&format!(" ({})", crate::i18n::message(h)));
    }
    if let Some(c) = card {
        text = tr!("editor-problem-in-card", card = c + 1, text = &text);
    }
    ui.add(egui::Button::new(RichText::new(text).color(color)).wrap())
        .on_hover_text(tr!("editor-go-to-field"))
}

pub(super) fn card_list(ui: &mut egui::Ui, e: &mut Editing) {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("editor-search"));
        ui.add(
            egui::TextEdit::singleline(&mut e.search)
                .id_salt("editor-search")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    });
    let key = (e.editor.revision(), e.search.clone());
    if e.shown_for.as_ref() != Some(&key) {
        let needle = crate::answer::normalize_for_search(e.search.trim());
        e.shown = e
            .editor
            .cards()
            .enumerate()
            .filter(|(_, c)| {
                needle.is_empty()
                    || crate::answer::normalize_for_search(main_text(&c.kind)).contains(&needle)
                    || c.id.contains(&needle)
                    || c.tags.iter().any(|t| t.contains(&needle))
            })
            .map(|(n, _)| n)
            .collect();
        e.shown_for = Some(key);
    }
    ui.horizontal_wrapped(|ui| {
        kind_box(
            ui,
            "editor-add-kind",
            &tr!("editor-new-card-kind"),
            &mut e.add_kind,
        );
        if ui
            .button(tr!("editor-add-card"))
            .on_hover_text("Ctrl+N")
            .clicked()
        {
            let at = e.editor.add_card(e.selected + 1, e.add_kind);
            e.selected = at;
            e.focus = Some(first_field(e.add_kind).into());
            e.list_view = false;
        }
    });
    ui.label(
        RichText::new(tr!(
            "editor-shown-cards",
            shown = e.shown.len(),
            n = e.editor.len()
        ))
        .weak(),
    );
    let row_h = ui.text_style_height(&egui::TextStyle::Button) + 6.0;
    let p = super::super::theme::palette(ui);
    egui::ScrollArea::vertical()
        .id_salt("editor-cards")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, e.shown.len(), |ui, range| {
            for &n in &e.shown[range] {
                let Some(card) = e.editor.card(n) else {
                    continue;
                };
                let mut text: String = main_text(&card.kind).chars().take(60).collect();
                if text.trim().is_empty() {
                    text = tr!(
                        "editor-new-card-label",
                        kind = kind_label(kind_of(&card.kind)).to_lowercase()
                    );
                }
                let label = format!("{}. {text}", n + 1);
                let mut rt = RichText::new(label);
                match e.card_problems.get(&n) {
                    Some(Severity::Error) => rt = rt.color(p.wrong),
                    Some(Severity::Warning) => rt = rt.italics(),
                    None => {}
                }
                let r = ui.add(
                    egui::Button::selectable(n == e.selected, rt)
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                );
                if r.clicked() {
                    e.selected = n;
                    e.list_view = false;
                    // The card opens ready to edit: its first field has the focus, so
                    // Enter on a card in the list leads on into its form, not back to
                    // the window's first widget.
                    e.focus = Some(first_field(kind_of(&card.kind)).into());
                }
            }
        });
}
