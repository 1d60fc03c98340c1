//! Locate regions drawn on the card's picture: circles by clicks, polygons by corners,
//! moved and resized by drags and keys, named and picked as the answer, also as text.

use super::*;

/// The radius of a circle region placed by a click (the bundled maps' cities use it).
pub(super) const NEW_RADIUS: f32 = 14.0;
/// Tallest the picture is drawn in the form, in points.
pub(super) const FORM_MAP_HEIGHT: f32 = 420.0;

/// Drawing the regions of a Locate card on its picture.
#[derive(Debug, Default)]
pub(super) struct LocateTool {
    /// Clicks add polygon corners (else they place circles).
    polygon: bool,
    /// The corners of the polygon being drawn, in picture pixels.
    corners: Vec<(f32, f32)>,
    /// The region the name and radius fields and the keys act on.
    selected: usize,
    /// Where a drag that makes a circle started (its centre).
    drag_from: Option<(f32, f32)>,
    /// Focus the selected region's name field at the next frame (a region was added).
    focus_name: bool,
}

/// True for the answer of a Locate card made in the editor before any region is drawn.
pub(super) fn is_unset(r: &RawRegion) -> bool {
    matches!(r, RawRegion::Circle { name, r, .. } if name.is_empty() && *r == 0.0)
}

/// Regions as text, one a line (`Name @ circle(x, y, r)`, the CSV export's form).
pub(super) fn regions_text(regions: &[RawRegion]) -> String {
    regions
        .iter()
        .map(|r| crate::deck::region_of(r).to_text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A coordinate rounded to a tenth of a pixel, as the bundled decks write them.
pub(super) fn tenth(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

pub(super) fn region_name(r: &RawRegion) -> &str {
    match r {
        RawRegion::Circle { name, .. } | RawRegion::Polygon { name, .. } => name,
    }
}

pub(super) fn region_name_mut(r: &mut RawRegion) -> &mut String {
    match r {
        RawRegion::Circle { name, .. } | RawRegion::Polygon { name, .. } => name,
    }
}

/// "Place N" (in the teacher's language), not yet taken by a region.
pub(super) fn free_name(regions: &[RawRegion]) -> String {
    (regions.len() + 1..)
        .map(|n| crate::tr!("editor-region-default-name", n = n.to_string()))
        .find(|n| regions.iter().all(|r| region_name(r) != n))
        .unwrap_or_default()
}

/// The Locate card's fields: instruction, the question for practice tests and exams,
/// picture (a file or a built-in map), the regions
/// drawn on the picture (clicks place circles or polygon corners, a drag sets a circle's
/// radius; with the picture focused, + and − change the radius, the arrows move the
/// region, Enter ends a polygon, Delete removes the region), a list to name them and pick
/// the answer, and the same regions as text. Returns the field changed and an action (the
/// picture to read).
pub(super) fn locate_form(
    ui: &mut egui::Ui,
    d: &mut Draft,
    tool: &mut LocateTool,
    map: &mut Option<(String, super::super::picture::PictureView)>,
    focus: Option<&str>,
) -> (Option<&'static str>, Option<Action>) {
    let mut changed = None;
    let mut action = None;
    if text_field(
        ui,
        d,
        "kind.prompt",
        &tr!("editor-instruction"),
        1,
        &tr!("editor-locate-example"),
        focus,
    ) {
        changed = Some("kind.prompt");
    }
    if text_field(
        ui,
        d,
        "kind.choice_prompt",
        &tr!("editor-choice-prompt"),
        1,
        &tr!("editor-choice-prompt-example"),
        focus,
    ) {
        changed = Some("kind.choice_prompt");
    }
    if text_field(
        ui,
        d,
        "kind.picture",
        &tr!("editor-locate-picture"),
        1,
        "maps/baltic-states.png",
        focus,
    ) {
        changed = Some("kind.picture");
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-builtin-map"));
        let picture = d.texts.entry("kind.picture").or_default();
        let before = picture.clone();
        egui::ComboBox::from_id_salt("editor-builtin-map")
            .selected_text(if before.starts_with("maps/") {
                before.clone()
            } else {
                tr!("editor-choose")
            })
            .show_ui(ui, |ui| {
                for (name, _) in crate::deck::bundled::PICTURES {
                    if name.starts_with("maps/") {
                        ui.selectable_value(picture, (*name).to_owned(), *name);
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if *picture != before {
            changed = Some("kind.picture");
        }
    });
    let rel = d.text("kind.picture").trim().to_owned();
    if rel.is_empty() {
        *map = None;
    } else if map.as_ref().is_none_or(|(name, _)| *name != rel) {
        action = Some(Action::Editor(Msg::LoadPicture(rel.clone())));
    }
    let (mut regions, error) = d.regions();
    let before = regions.clone();
    tool.selected = tool.selected.min(regions.len().saturating_sub(1));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("editor-clicks"));
        ui.radio_value(&mut tool.polygon, false, tr!("editor-tool-circle"));
        ui.radio_value(&mut tool.polygon, true, tr!("editor-tool-polygon"));
    });
    let picture = map
        .as_mut()
        .filter(|(name, _)| *name == rel)
        .map(|(_, view)| view);
    match picture {
        Some(super::super::picture::PictureView::Ready(image, texture)) if error.is_none() => {
            let px = egui::vec2(image.size[0] as f32, image.size[1] as f32);
            let tex = texture
                .get_or_insert_with(|| {
                    ui.ctx()
                        .load_texture("editor-map", image.clone(), egui::TextureOptions::LINEAR)
                })
                .clone();
            map_canvas(ui, &tex, px, &mut regions, tool);
        }
        Some(super::super::picture::PictureView::Failed(why)) => {
            ui.colored_label(super::super::theme::wrong_color(ui), why.as_str());
        }
        Some(_) => {
            ui.label(tr!("editor-fix-regions"));
        }
        None if rel.is_empty() => {
            ui.label(tr!("editor-choose-picture"));
        }
        None => {
            ui.label(tr!("editor-reading-picture"));
        }
    }
    if tool.polygon && !tool.corners.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("editor-corners", n = tool.corners.len()));
            if ui
                .add_enabled(
                    tool.corners.len() >= 3,
                    egui::Button::new(tr!("editor-finish-polygon")),
                )
                .on_hover_text(tr!("editor-finish-polygon-hint"))
                .clicked()
            {
                finish_polygon(&mut regions, tool);
            }
            if ui.button(tr!("editor-remove-corner")).clicked() {
                tool.corners.pop();
            }
            if ui.button(tr!("editor-cancel-polygon")).clicked() {
                tool.corners.clear();
            }
        });
    }
    if error.is_none() && !regions.is_empty() {
        ui.label(tr!("editor-regions"));
        let mut make_answer = None;
        let mut delete = None;
        for (i, r) in regions.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let shape = match r {
                    RawRegion::Circle { .. } => tr!("editor-circle"),
                    RawRegion::Polygon { .. } => tr!("editor-polygon"),
                };
                let text = if i == 0 {
                    tr!(
                        "editor-region-answer",
                        name = region_name(r),
                        shape = &shape
                    )
                } else {
                    format!("{} ({shape})", region_name(r))
                };
                if ui.selectable_label(tool.selected == i, text).clicked() {
                    tool.selected = i;
                }
                if i > 0 {
                    let label = tr!("editor-make-answer-name", name = region_name(r));
                    let b = ui.small_button(tr!("editor-make-answer"));
                    if super::super::labelled(b, &label).clicked() {
                        make_answer = Some(i);
                    }
                }
                let label = tr!("editor-delete-region", name = region_name(r));
                if super::super::labelled(ui.small_button(tr!("editor-delete")), &label).clicked() {
                    delete = Some(i);
                }
            });
        }
        if let Some(i) = make_answer {
            let r = regions.remove(i);
            regions.insert(0, r);
            tool.selected = 0;
        }
        if let Some(i) = delete {
            regions.remove(i);
            tool.selected = tool.selected.min(regions.len().saturating_sub(1));
        }
        if let Some(r) = regions.get_mut(tool.selected) {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(tr!("editor-region-name"));
                let name = region_name_mut(r);
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .id_salt("editor-region-name")
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                if std::mem::take(&mut tool.focus_name) {
                    resp.request_focus();
                }
                if let RawRegion::Circle { r, .. } = r {
                    let l = ui.label(tr!("editor-radius"));
                    ui.add(egui::DragValue::new(r).range(1.0..=2000.0).speed(0.5))
                        .labelled_by(l.id);
                }
            });
        }
    }
    if regions != before {
        d.texts.insert("kind.regions", regions_text(&regions));
        changed = Some("kind.regions");
    }
    // Under the picture, so that the picture does not move while regions are added.
    if text_field(
        ui,
        d,
        "kind.regions",
        &tr!("editor-regions-text"),
        3,
        "Liepāja @ circle(120, 340, 14)",
        focus,
    ) {
        changed = Some("kind.regions");
    }
    if let (_, Some(why)) = d.regions() {
        ui.colored_label(
            super::super::theme::wrong_color(ui),
            tr!("editor-regions-unread", why = why.to_string()),
        );
    }
    (changed, action)
}

pub(super) fn finish_polygon(regions: &mut Vec<RawRegion>, tool: &mut LocateTool) {
    if tool.corners.len() < 3 {
        return;
    }
    regions.push(RawRegion::Polygon {
        name: free_name(regions),
        points: std::mem::take(&mut tool.corners),
    });
    tool.selected = regions.len() - 1;
    tool.focus_name = true;
}

/// The picture with the regions outlined; clicks and drags add regions, keys change the
/// selected one.
pub(super) fn map_canvas(
    ui: &mut egui::Ui,
    tex: &egui::TextureHandle,
    px: egui::Vec2,
    regions: &mut Vec<RawRegion>,
    tool: &mut LocateTool,
) {
    let scale = (ui.available_width() / px.x)
        .min(FORM_MAP_HEIGHT / px.y)
        .clamp(0.05, 2.0);
    let (rect, resp) = ui.allocate_exact_size(px * scale, egui::Sense::click_and_drag());
    let resp = resp.on_hover_cursor(egui::CursorIcon::Crosshair);
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            tr!("editor-map-label", n = regions.len()),
        )
    });
    let to_screen = |(x, y): (f32, f32)| rect.min + egui::vec2(x, y) * scale;
    let to_picture = |p: egui::Pos2| {
        let at = (p - rect.min) / scale;
        (tenth(at.x.clamp(0.0, px.x)), tenth(at.y.clamp(0.0, px.y)))
    };
    if resp.clicked()
        && let Some(p) = resp.interact_pointer_pos()
    {
        let at = to_picture(p);
        if tool.polygon {
            tool.corners.push(at);
        } else {
            regions.push(RawRegion::Circle {
                name: free_name(regions),
                x: at.0,
                y: at.1,
                r: NEW_RADIUS,
            });
            tool.selected = regions.len() - 1;
            tool.focus_name = true;
        }
        resp.request_focus();
    }
    let mut dragging = None;
    if !tool.polygon {
        // The centre is where the button was pressed (a drag starts only once the
        // pointer has moved a little).
        if resp.drag_started()
            && let Some(p) = ui
                .input(|i| i.pointer.press_origin())
                .or(resp.interact_pointer_pos())
        {
            tool.drag_from = Some(to_picture(p));
        }
        if let (Some(from), Some(p)) = (tool.drag_from, resp.interact_pointer_pos()) {
            let to = to_picture(p);
            let r = tenth(((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt()).max(1.0);
            dragging = Some((from, r));
            if resp.drag_stopped() {
                regions.push(RawRegion::Circle {
                    name: free_name(regions),
                    x: from.0,
                    y: from.1,
                    r,
                });
                tool.selected = regions.len() - 1;
                tool.focus_name = true;
                tool.drag_from = None;
                dragging = None;
            }
        }
        if !resp.dragged() && !resp.drag_stopped() {
            tool.drag_from = None;
        }
    }
    if resp.has_focus() {
        canvas_keys(ui, regions, tool, px);
    }
    let painter = ui.painter_at(rect);
    painter.image(
        tex.id(),
        rect,
        egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0)),
        egui::Color32::WHITE,
    );
    let shown: Vec<crate::deck::Region> = regions.iter().map(crate::deck::region_of).collect();
    super::super::locate::draw_regions(
        ui,
        &painter,
        &shown,
        Some(tool.selected),
        scale,
        &to_screen,
    );
    let pending: Vec<egui::Pos2> = tool.corners.iter().map(|p| to_screen(*p)).collect();
    let ink = super::super::theme::wrong_color(ui);
    for p in &pending {
        painter.circle_filled(*p, 4.0, ink);
    }
    if pending.len() > 1 {
        painter.add(egui::Shape::line(pending, egui::Stroke::new(2.0, ink)));
    }
    if let Some((c, r)) = dragging {
        painter.circle_stroke(to_screen(c), r * scale, egui::Stroke::new(2.0, ink));
    }
    if resp.has_focus() {
        painter.rect_stroke(
            rect,
            0.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// With the picture focused: + and − change the selected circle's radius (Shift: by 5),
/// the arrows move the selected region (Shift: by 10 pixels), Enter ends a polygon,
/// Delete removes the selected region.
pub(super) fn canvas_keys(
    ui: &egui::Ui,
    regions: &mut Vec<RawRegion>,
    tool: &mut LocateTool,
    px: egui::Vec2,
) {
    let (mut dr, mut dx, mut dy) = (0.0f32, 0.0f32, 0.0f32);
    let (mut enter, mut delete) = (false, false);
    ui.input_mut(|i| {
        for (m, step) in [(Modifiers::NONE, 1.0), (Modifiers::SHIFT, 10.0)] {
            for (key, x, y) in [
                (Key::ArrowLeft, -step, 0.0),
                (Key::ArrowRight, step, 0.0),
                (Key::ArrowUp, 0.0, -step),
                (Key::ArrowDown, 0.0, step),
            ] {
                while i.consume_key(m, key) {
                    dx += x;
                    dy += y;
                }
            }
            let r = if step > 1.0 { 5.0 } else { 1.0 };
            for key in [Key::Plus, Key::Equals] {
                while i.consume_key(m, key) {
                    dr += r;
                }
            }
            while i.consume_key(m, Key::Minus) {
                dr -= r;
            }
        }
        enter = i.consume_key(Modifiers::NONE, Key::Enter);
        delete = i.consume_key(Modifiers::NONE, Key::Delete);
    });
    if enter && tool.polygon {
        finish_polygon(regions, tool);
    }
    if delete && tool.selected < regions.len() {
        regions.remove(tool.selected);
        tool.selected = tool.selected.min(regions.len().saturating_sub(1));
        return;
    }
    let Some(region) = regions.get_mut(tool.selected) else {
        return;
    };
    match region {
        RawRegion::Circle { x, y, r, .. } => {
            *r = tenth((*r + dr).clamp(1.0, px.x.max(px.y)));
            *x = tenth((*x + dx).clamp(0.0, px.x));
            *y = tenth((*y + dy).clamp(0.0, px.y));
        }
        RawRegion::Polygon { points, .. } => {
            for (x, y) in points {
                *x = tenth((*x + dx).clamp(0.0, px.x));
                *y = tenth((*y + dy).clamp(0.0, px.y));
            }
        }
    }
}
