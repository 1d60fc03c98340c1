//! The Locate card's widget: the picture with its numbered regions, answered by a click,
//! by a marker moved with the arrow keys and confirmed with Enter, or by choosing a
//! numbered region (keys 1–9 or its button). After the answer the right region is outlined
//! and named on the picture, and the student's point is marked.
//!
//! The map is sized at every frame from the part of the page in view (`fit_height`), so
//! that the whole map fits in it; the marker moved with the keys is kept in view, and
//! after the answer the map is brought into view whole, both points on it. The names put
//! on the map after the answer go where they cover neither the student's marker nor each
//! other, inside the map (`feedback_tags`).

use super::picture::PictureView;
use super::theme::{right_color, wrong_color};
use crate::deck::{LocateVerdict, Region, Shape, check_locate};
use crate::tr;
use egui::{Color32, Key, Modifiers, Pos2, Rect, RichText, Stroke, Vec2};
use rand::seq::SliceRandom;

/// Share of the picture's shorter side the marker moves per arrow press (Shift: finer).
const STEP: f32 = 0.02;
const FINE_STEP: f32 = 0.005;
/// Tallest the picture is drawn, in points, so the question and the bar stay in view.
const MAX_HEIGHT: f32 = 520.0;
/// Shortest, even where little room is left in view under the question (large text on a
/// small screen): the student then scrolls past the question. Less only where the part of
/// the page in view is itself shorter.
const MIN_HEIGHT: f32 = 200.0;
/// Shortest at all, however little of the page is in view.
const FLOOR_HEIGHT: f32 = 96.0;
/// Room kept in view under the picture, in points.
const BELOW: f32 = 8.0;
/// Half the side of the square around the keyboard marker that is kept in view, in points.
const MARKER_ROOM: f32 = 24.0;
/// The drawings after the answer that bring the map into view.
const REVEAL_FRAMES: u8 = 3;
/// How far a name is put from its place's point, in points.
const TAG_GAP: f32 = 18.0;

/// Where the student is with one Locate card.
#[derive(Debug, Clone, PartialEq)]
pub struct LocateState {
    /// The regions in the order they are numbered on the picture: indices into
    /// `[answer, others…]`, shuffled at every showing.
    pub order: Vec<usize>,
    /// The keyboard marker, in picture pixels (placed at the centre by the first arrow).
    pub marker: Option<(f32, f32)>,
    /// The point given as the answer, in picture pixels.
    pub point: Option<(f32, f32)>,
    /// The verdict, once answered.
    pub verdict: Option<LocateVerdict>,
    /// Set by the answer: the drawings left that bring the map into view (see `reveal`):
    /// until the bar under the page has become the rating bar, and the map has taken the
    /// size of the room that leaves.
    pub reveal: u8,
}

impl LocateState {
    /// A fresh state for a card with `regions` regions (answer and others), numbered in
    /// an order drawn with `rng`.
    pub fn new(regions: usize, rng: &mut impl rand::Rng) -> LocateState {
        let mut order: Vec<usize> = (0..regions).collect();
        order.shuffle(rng);
        LocateState {
            order,
            marker: None,
            point: None,
            verdict: None,
            reveal: 0,
        }
    }

    /// Answers with the point `(x, y)` (picture pixels); returns whether it is right.
    pub fn answer(&mut self, answer: &Region, others: &[Region], x: f32, y: f32) -> bool {
        let v = check_locate(answer, others, x, y);
        let right = v.right;
        self.point = Some((x, y));
        self.verdict = Some(v);
        self.reveal = REVEAL_FRAMES;
        right
    }

    /// Answers with the keyboard marker, if one is placed.
    pub fn confirm_marker(&mut self, answer: &Region, others: &[Region]) -> Option<bool> {
        let (x, y) = self.marker?;
        Some(self.answer(answer, others, x, y))
    }

    /// Answers with the region numbered `n` (0-based) on the picture: its anchor point.
    pub fn choose(&mut self, answer: &Region, others: &[Region], n: usize) -> Option<bool> {
        let (x, y) = region(answer, others, *self.order.get(n)?)?.anchor();
        Some(self.answer(answer, others, x, y))
    }
}

/// Region `i` of `[answer, others…]`.
fn region<'a>(answer: &'a Region, others: &'a [Region], i: usize) -> Option<&'a Region> {
    if i == 0 {
        Some(answer)
    } else {
        others.get(i - 1)
    }
}

/// The hint under a Locate card before it is answered.
pub fn hint(state: &LocateState) -> String {
    let n = state.order.len().min(9);
    tr!("locate-hint", last = n)
}

/// The tallest the picture is drawn, in points, where the part of the page in view is
/// `view` points high and the picture starts `above` points below the top of the page:
/// the room left in view under the question, at least [`MIN_HEIGHT`] and at most
/// [`MAX_HEIGHT`], and never taller than the view itself (down to [`FLOOR_HEIGHT`]), so
/// that the whole map, both points on it after the answer, can be seen at once. Neither
/// number depends on how far the page is scrolled, nor on the map: the size is the same
/// at every frame until the window, the text size or the bar under the page changes.
fn fit_height(view: f32, above: f32) -> f32 {
    (view - above - BELOW)
        .max(MIN_HEIGHT)
        .min(MAX_HEIGHT.min(view - BELOW))
        .max(FLOOR_HEIGHT)
}

/// Draws the card's picture and regions; before the answer, reads clicks, arrows, Enter
/// and the number keys. Returns `Some(right)` in the frame the student answered.
pub fn locate_ui(
    ui: &mut egui::Ui,
    picture: Option<&mut PictureView>,
    answer: &Region,
    others: &[Region],
    state: &mut LocateState,
) -> Option<bool> {
    let answered = state.verdict.is_some();
    let mut result = None;
    let texture = match picture {
        Some(PictureView::Ready(image, texture)) => {
            let size = image.size;
            let tex = texture.get_or_insert_with(|| {
                ui.ctx()
                    .load_texture("card-picture", image.clone(), egui::TextureOptions::LINEAR)
            });
            Some((tex.clone(), Vec2::new(size[0] as f32, size[1] as f32)))
        }
        Some(PictureView::Failed(why)) => {
            ui.colored_label(wrong_color(ui), why.as_str());
            None
        }
        Some(PictureView::Loading) => {
            // Decoded in the background; the numbered places can be chosen meanwhile.
            super::spinner::spinner(ui);
            None
        }
        None => None,
    };
    let mut moved = false;
    if !answered {
        if let Some(n) = super::question::number_key(ui, state.order.len()) {
            result = state.choose(answer, others, n);
        } else if let Some((_, px)) = &texture {
            (result, moved) = marker_keys(ui, state, *px, answer, others);
        }
    }
    // The map's rect and, within it, the answer's and the student's point.
    let mut shown = None;
    if let Some((tex, px)) = texture {
        let above = ui.cursor().top() - ui.min_rect().top();
        let fit = fit_height(ui.clip_rect().height(), above);
        let scale = (ui.available_width() / px.x)
            .min(fit / px.y)
            .clamp(0.05, 2.0);
        let (rect, resp) = ui.allocate_exact_size(px * scale, egui::Sense::click());
        let resp = resp.on_hover_cursor(if answered {
            egui::CursorIcon::Default
        } else {
            egui::CursorIcon::Crosshair
        });
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Image,
                true,
                tr!("locate-map", n = state.order.len()),
            )
        });
        let to_screen = |(x, y): (f32, f32)| rect.min + Vec2::new(x, y) * scale;
        if moved && let Some(marker) = state.marker {
            // The keys act on the map, which takes the focus (Enter then answers instead
            // of pressing a button focused before) and keeps it (the arrow does not move
            // the focus on as well), and the marker is kept in view.
            if !ui.memory(|m| m.has_focus(resp.id)) {
                resp.request_focus();
            }
            ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            let around = Rect::from_center_size(to_screen(marker), Vec2::splat(2.0 * MARKER_ROOM));
            ui.scroll_to_rect(around, None);
        }
        if !answered
            && resp.clicked()
            && let Some(p) = resp.interact_pointer_pos()
        {
            let at = (p - rect.min) / scale;
            result = Some(state.answer(answer, others, at.x, at.y));
        }
        let painter = ui.painter_at(rect);
        painter.image(
            tex.id(),
            rect,
            Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            Color32::WHITE,
        );
        draw_overlay(
            ui,
            &painter,
            answer,
            others,
            state,
            (rect, scale),
            &to_screen,
        );
        if ui.memory(|m| m.has_focus(resp.id)) {
            let ring = ui.visuals().selection.stroke;
            let ring = Stroke::new(ring.width.max(2.0), ring.color);
            painter.rect_stroke(rect, 0.0, ring, egui::StrokeKind::Inside);
        }
        let (x0, y0, x1, y1) = answer.bounds();
        let mut points = Rect::from_min_max(to_screen((x0, y0)), to_screen((x1, y1)));
        if let Some(p) = state.point {
            points = points.union(Rect::from_center_size(to_screen(p), Vec2::ZERO));
        }
        shown = Some((rect, points.expand(MARKER_ROOM).intersect(rect)));
    }
    let chosen = buttons_ui(ui, answer, others, state);
    if state.reveal > 0 {
        state.reveal -= 1;
        match shown {
            Some((map, points)) => {
                reveal(ui, map, points);
                if state.reveal > 0 {
                    ui.ctx().request_repaint();
                }
            }
            None => state.reveal = 0,
        }
    }
    result.or(chosen)
}

/// After the answer (answered from the keyboard or a button further down, or with the
/// page scrolled): the map brought into view whole, its top at the top of the view (what
/// is under it follows as far as it fits), unless it is in view already. Where the map is
/// taller than the view, the right place and the student's point (`points`).
///
/// The map's top is a place on the page, which a change of the bar under the page (the
/// rating bar comes a frame or two after the answer) does not move: brought there again
/// at the next drawings, it stays there, where a scroll by the distance seen in one frame,
/// asked again before that frame's scroll shows, went twice as far.
fn reveal(ui: &egui::Ui, map: Rect, points: Rect) {
    let view = ui.clip_rect();
    if view.contains_rect(map) {
        return;
    }
    if map.height() <= view.height() - BELOW {
        ui.scroll_to_rect(map, Some(egui::Align::Min));
    } else {
        ui.scroll_to_rect(points, None);
    }
}

/// Arrow keys move the marker (Shift: finer), Enter answers with it. Returns the answer,
/// and whether the marker moved.
fn marker_keys(
    ui: &mut egui::Ui,
    state: &mut LocateState,
    px: Vec2,
    answer: &Region,
    others: &[Region],
) -> (Option<bool>, bool) {
    let mut delta = Vec2::ZERO;
    for shift in [false, true] {
        let m = if shift {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        let step = px.x.min(px.y) * if shift { FINE_STEP } else { STEP };
        ui.input_mut(|i| {
            for (key, d) in [
                (Key::ArrowLeft, Vec2::new(-step, 0.0)),
                (Key::ArrowRight, Vec2::new(step, 0.0)),
                (Key::ArrowUp, Vec2::new(0.0, -step)),
                (Key::ArrowDown, Vec2::new(0.0, step)),
            ] {
                while i.consume_key(m, key) {
                    delta += d;
                }
            }
        });
    }
    let moved = delta != Vec2::ZERO;
    if moved {
        let (x, y) = state.marker.unwrap_or((px.x / 2.0, px.y / 2.0));
        state.marker = Some((
            (x + delta.x).clamp(0.0, px.x),
            (y + delta.y).clamp(0.0, px.y),
        ));
        ui.ctx().request_repaint();
    }
    if state.marker.is_some() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        return (state.confirm_marker(answer, others), moved);
    }
    (None, moved)
}

/// The numbered places as buttons (for the keyboard's Tab and for screen readers). They
/// are named only once answered, so that they do not give the answer away; then each
/// says which place it was.
fn buttons_ui(
    ui: &mut egui::Ui,
    answer: &Region,
    others: &[Region],
    state: &mut LocateState,
) -> Option<bool> {
    if state.verdict.is_some() {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("locate-the-numbered-places"));
            for (n, &i) in state.order.iter().enumerate() {
                if let Some(r) = region(answer, others, i) {
                    let text = if i == 0 {
                        format!(
                            "{} {}",
                            super::question::mark(true),
                            tr!("locate-place-named", number = n + 1, name = &r.name)
                        )
                    } else {
                        tr!("locate-place-named", number = n + 1, name = &r.name)
                    };
                    let mut rich = RichText::new(text).size(16.0);
                    if i == 0 {
                        rich = rich.color(right_color(ui)).strong();
                    }
                    ui.label(rich);
                }
            }
        });
        return None;
    }
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("locate-or-choose"));
        for n in 0..state.order.len() {
            let label = tr!("locate-place", number = n + 1);
            let resp = ui.add(egui::Button::new(RichText::new(&label).size(16.0)));
            if super::labelled(resp, &label).clicked() {
                chosen = Some(n);
            }
        }
    });
    chosen.and_then(|n| state.choose(answer, others, n))
}

/// The numbered badges, the marker, and after the answer the right region outlined and
/// named and the student's point, on the map at `map` drawn at `scale` (points per
/// picture pixel).
fn draw_overlay(
    ui: &egui::Ui,
    painter: &egui::Painter,
    answer: &Region,
    others: &[Region],
    state: &LocateState,
    (map, scale): (Rect, f32),
    to_screen: &dyn Fn((f32, f32)) -> Pos2,
) {
    let dark = ui.visuals().dark_mode;
    // Badges and outlines keep a dark halo under a light line, readable on any map and
    // in every theme.
    let ink = Color32::from_rgb(20, 20, 20);
    let paper = Color32::WHITE;
    let font = egui::FontId::proportional(14.0);
    let answered = state.verdict.is_some();
    for (n, &i) in state.order.iter().enumerate() {
        let Some(r) = region(answer, others, i) else {
            continue;
        };
        if answered && i == 0 {
            continue; // drawn below, outlined and named
        }
        let at = to_screen(r.anchor());
        painter.circle(at, BADGE, ink, Stroke::new(1.5, paper));
        painter.text(
            at,
            egui::Align2::CENTER_CENTER,
            (n + 1).to_string(),
            font.clone(),
            paper,
        );
    }
    if let Some((x, y)) = state.marker.filter(|_| !answered) {
        cross(painter, to_screen((x, y)), 12.0, paper, ink);
    }
    let Some(v) = &state.verdict else {
        return;
    };
    let right = right_color(ui);
    let wrong = wrong_color(ui);
    outline(painter, answer, scale, to_screen, ink, 6.0);
    outline(painter, answer, scale, to_screen, right, 3.0);
    // The student's point, when wrong, and the place picked instead, named too, so the
    // mistake teaches something.
    let point = state.point.filter(|_| !v.right).map(to_screen);
    let hit = others
        .iter()
        .find(|r| point.is_some() && Some(&r.name) == v.hit.as_ref());
    if let Some(p) = point {
        cross(painter, p, CROSS, wrong, ink);
    }
    let right_tag = tag_galley(
        painter,
        &format!("{} {}", super::question::mark(true), answer.name),
        right,
        dark,
    );
    let wrong_tag = hit.map(|other| {
        let text = format!("{} {}", super::question::mark(false), other.name);
        (
            to_screen(other.anchor()),
            tag_galley(painter, &text, wrong, dark),
        )
    });
    let badges: Vec<Pos2> = (state.order.iter())
        .filter(|&&i| i != 0)
        .filter_map(|&i| region(answer, others, i))
        .map(|r| to_screen(r.anchor()))
        .collect();
    let (right_at, wrong_at) = feedback_tags(
        (to_screen(answer.anchor()), right_tag.size()),
        wrong_tag.as_ref().map(|(at, g)| (*at, g.size())),
        point,
        &badges,
        map,
    );
    if let (Some((_, galley)), Some(at)) = (wrong_tag, wrong_at) {
        paint_tag(painter, at, galley, wrong, dark);
    }
    paint_tag(painter, right_at, right_tag, right, dark);
}

/// Half the side of the student's ✗ on the map, in points (its halo reaches 2.5 further).
const CROSS: f32 = 10.0;
/// The radius of a numbered place's badge, in points (its ring reaches 0.75 further).
const BADGE: f32 = 10.0;

/// A side of a place's point where its name can go.
#[derive(Debug, Clone, Copy)]
enum Side {
    Above,
    Below,
    Right,
    Left,
}

/// Where the names go on the map after the answer (each as the rect of its tag): the
/// right place's (`right`: its point and its tag's size) above its point, and the place
/// picked instead (`hit`) below its own, each on another side where that one would cover
/// the student's ✗ (at `point`), the other name or the right place's point (which a name
/// moved in from the map's edge covered), and moved
/// inside the map (`map`) where an edge would cut it. Of those sides, one that leaves the
/// numbered places' badges (at `badges`) uncovered where there is one.
fn feedback_tags(
    right: (Pos2, Vec2),
    hit: Option<(Pos2, Vec2)>,
    point: Option<Pos2>,
    badges: &[Pos2],
    map: Rect,
) -> (Rect, Option<Rect>) {
    let mark = |p: Pos2, r: f32| Rect::from_center_size(p, Vec2::splat(2.0 * r));
    let mut avoid: Vec<Rect> = point.map(|p| mark(p, CROSS + 5.0)).into_iter().collect();
    avoid.push(mark(right.0, 6.0));
    let badges: Vec<Rect> = badges.iter().map(|&b| mark(b, BADGE + 2.0)).collect();
    let right_at = place_tag(
        right.0,
        right.1,
        [Side::Above, Side::Below, Side::Right, Side::Left],
        [&avoid, &badges],
        map,
    );
    avoid.push(right_at.expand(2.0));
    let hit_at = hit.map(|(at, size)| {
        place_tag(
            at,
            size,
            [Side::Below, Side::Above, Side::Right, Side::Left],
            [&avoid, &badges],
            map,
        )
    });
    (right_at, hit_at)
}

/// Where a name tag `size` big goes beside the point `at` ([`TAG_GAP`] away): on the
/// first of `sides` where, moved inside `bounds` as needed, it covers none of `avoid`
/// (what it must not cover, then what it had better not); where every side covers
/// something, on the one covering least of the first, then of the second.
fn place_tag(at: Pos2, size: Vec2, sides: [Side; 4], avoid: [&[Rect]; 2], bounds: Rect) -> Rect {
    let mut best: Option<([f32; 2], Rect)> = None;
    for side in sides {
        let (from, align) = match side {
            Side::Above => (at - Vec2::new(0.0, TAG_GAP), egui::Align2::CENTER_BOTTOM),
            Side::Below => (at + Vec2::new(0.0, TAG_GAP), egui::Align2::CENTER_TOP),
            Side::Right => (at + Vec2::new(TAG_GAP, 0.0), egui::Align2::LEFT_CENTER),
            Side::Left => (at - Vec2::new(TAG_GAP, 0.0), egui::Align2::RIGHT_CENTER),
        };
        let rect = inside(align.anchor_size(from, size), bounds);
        let covered = avoid.map(|avoid| {
            avoid
                .iter()
                .map(|a| a.intersect(rect))
                .filter(|r| r.is_positive())
                .map(|r| r.area())
                .sum::<f32>()
        });
        if covered == [0.0, 0.0] {
            return rect;
        }
        if best.is_none_or(|(least, _)| covered < least) {
            best = Some((covered, rect));
        }
    }
    best.map_or(Rect::from_center_size(at, size), |(_, rect)| rect)
}

/// `r` moved inside `bounds` (to its top left corner where it is larger).
fn inside(r: Rect, bounds: Rect) -> Rect {
    let shift = |lo: f32, hi: f32, min: f32, max: f32| {
        if hi - lo > max - min {
            min - lo
        } else {
            (min - lo).max(0.0) + (max - hi).min(0.0)
        }
    };
    r.translate(Vec2::new(
        shift(r.min.x, r.max.x, bounds.min.x, bounds.max.x),
        shift(r.min.y, r.max.y, bounds.min.y, bounds.max.y),
    ))
}

/// A name on the map: light text on a box of `color` (in the dark theme, `color` text on
/// a dark box), readable on any map.
fn tag(
    painter: &egui::Painter,
    at: Pos2,
    align: egui::Align2,
    text: &str,
    color: Color32,
    dark: bool,
) {
    let galley = tag_galley(painter, text, color, dark);
    let rect = align.anchor_size(at, galley.0.size()).expand(TAG_PAD);
    paint_tag(painter, rect, galley, color, dark);
}

/// The padding around a name's text in its box, in points.
const TAG_PAD: f32 = 3.0;

/// A name's text laid out for [`paint_tag`]; its size is the tag's with [`TAG_PAD`] on
/// every side.
struct TagText(std::sync::Arc<egui::Galley>);

impl TagText {
    fn size(&self) -> Vec2 {
        self.0.size() + Vec2::splat(2.0 * TAG_PAD)
    }
}

fn tag_galley(painter: &egui::Painter, text: &str, color: Color32, dark: bool) -> TagText {
    TagText(painter.layout_no_wrap(
        text.to_owned(),
        egui::FontId::proportional(16.0),
        if dark { color } else { Color32::WHITE },
    ))
}

/// A name's box at `rect` (as big as [`TagText::size`]) with its text.
fn paint_tag(painter: &egui::Painter, rect: Rect, text: TagText, color: Color32, dark: bool) {
    let ink = Color32::from_rgb(20, 20, 20);
    painter.rect_filled(rect, 3.0, if dark { ink } else { color });
    painter.galley(rect.min + Vec2::splat(TAG_PAD), text.0, Color32::WHITE);
}

fn cross(painter: &egui::Painter, at: Pos2, r: f32, color: Color32, halo: Color32) {
    for (w, c) in [(5.0, halo), (2.5, color)] {
        painter.line_segment(
            [at - Vec2::new(r, r), at + Vec2::new(r, r)],
            Stroke::new(w, c),
        );
        painter.line_segment(
            [at - Vec2::new(r, -r), at + Vec2::new(r, -r)],
            Stroke::new(w, c),
        );
    }
}

fn outline(
    painter: &egui::Painter,
    r: &Region,
    scale: f32,
    to_screen: &dyn Fn((f32, f32)) -> Pos2,
    color: Color32,
    width: f32,
) {
    match &r.shape {
        Shape::Circle { x, y, r } => {
            painter.circle_stroke(to_screen((*x, *y)), r * scale, Stroke::new(width, color));
        }
        Shape::Polygon { points } => {
            let pts: Vec<Pos2> = points.iter().map(|p| to_screen(*p)).collect();
            let pts = outline_points(&pts, width);
            if !pts.is_empty() {
                painter.add(egui::Shape::closed_line(pts, Stroke::new(width, color)));
            }
        }
    }
}

/// The corners of a polygon's outline as it is drawn with a line `width` wide. egui joins
/// a line's segments mitred, so a corner that turns almost straight back drew a long
/// spike, and one that turns exactly back (a map's border cut at the picture's edge runs
/// back and forth along it) had no direction at all: nothing, or in software a line
/// across the map. Repeated points and points where the outline turns straight back are
/// left out, and a corner sharper than 60° is cut across, at most `width` from its point.
/// Nothing is left of an outline with fewer than three corners after that.
fn outline_points(points: &[Pos2], width: f32) -> Vec<Pos2> {
    let back = |a: Pos2, b: Pos2, c: Pos2| {
        let (u, v) = ((b - a).normalized(), (c - b).normalized());
        u == Vec2::ZERO || v == Vec2::ZERO || u.dot(v) < -0.999
    };
    let mut kept: Vec<Pos2> = Vec::with_capacity(points.len());
    for &p in points.iter().filter(|p| p.x.is_finite() && p.y.is_finite()) {
        while let [.., a, b] = kept[..]
            && back(a, b, p)
        {
            kept.pop();
        }
        if kept.last() != Some(&p) {
            kept.push(p);
        }
    }
    // Where the outline closes, from its last corner back to its first.
    let mut first = 0;
    while kept.len() - first >= 3 {
        let n = kept.len();
        if back(kept[n - 2], kept[n - 1], kept[first]) || kept[n - 1] == kept[first] {
            kept.pop();
        } else if back(kept[n - 1], kept[first], kept[first + 1]) {
            first += 1;
        } else {
            break;
        }
    }
    let kept = &kept[first..];
    let n = kept.len();
    if n < 3 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(n + 8);
    for i in 0..n {
        let (prev, p, next) = (kept[(i + n - 1) % n], kept[i], kept[(i + 1) % n]);
        let (a, b) = (prev - p, next - p);
        let (da, db) = (a.normalized(), b.normalized());
        if da.dot(db) > 0.5 {
            // Sharper than 60°: cut across, short of the neighbouring corners.
            let cut = width.min(a.length() * 0.4).min(b.length() * 0.4);
            out.push(p + da * cut);
            out.push(p + db * cut);
        } else {
            out.push(p);
        }
    }
    out
}

/// The regions outlined and named on a picture, for the deck editor: the answer (the
/// first) in the "right" colour, the others in white over a dark halo, the selected one
/// thicker.
pub fn draw_regions(
    ui: &egui::Ui,
    painter: &egui::Painter,
    regions: &[Region],
    selected: Option<usize>,
    scale: f32,
    to_screen: &dyn Fn((f32, f32)) -> Pos2,
) {
    let dark = ui.visuals().dark_mode;
    let ink = Color32::from_rgb(20, 20, 20);
    let right = right_color(ui);
    for (i, r) in regions.iter().enumerate() {
        let color = if i == 0 { right } else { Color32::WHITE };
        let w = if selected == Some(i) { 4.0 } else { 2.0 };
        outline(painter, r, scale, to_screen, ink, w + 3.0);
        outline(painter, r, scale, to_screen, color, w);
        let name = if i == 0 {
            format!("{} {}", super::question::mark(true), r.name)
        } else {
            r.name.clone()
        };
        // Above a circle, so the outline stays in view; on a polygon's inner point.
        let (at, align) = match &r.shape {
            Shape::Circle { x, y, r } => (
                to_screen((*x, *y)) - Vec2::new(0.0, r * scale + 4.0),
                egui::Align2::CENTER_BOTTOM,
            ),
            Shape::Polygon { .. } => (to_screen(r.anchor()), egui::Align2::CENTER_CENTER),
        };
        tag(
            painter,
            at,
            align,
            &name,
            match (i, dark) {
                (0, _) => right,
                (_, true) => Color32::LIGHT_GRAY,
                (_, false) => Color32::from_rgb(50, 50, 50),
            },
            dark,
        );
    }
}

/// What the student pointed at, in words, after the answer.
pub fn pointed_at(state: &LocateState) -> Option<String> {
    let v = state.verdict.as_ref()?;
    Some(match (&v.hit, v.right) {
        (_, true) => return None,
        (Some(name), false) => tr!("locate-you-pointed-at", name = name),
        (None, false) => tr!("locate-you-pointed-outside"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::CardKind;

    /// The outline of `points` tessellated as the picture draws it, `width` wide: its
    /// vertices.
    fn drawn(points: &[Pos2], width: f32) -> Vec<Pos2> {
        let shape = egui::Shape::closed_line(
            outline_points(points, width),
            Stroke::new(width, Color32::RED),
        );
        let mut mesh = egui::Mesh::default();
        let mut tessellator =
            egui::epaint::Tessellator::new(1.0, Default::default(), [1024, 1024], vec![]);
        tessellator.tessellate_shape(shape, &mut mesh);
        mesh.vertices.iter().map(|v| v.pos).collect()
    }

    /// Whether every vertex is a number and within `margin` of the points' bounds.
    fn within(vertices: &[Pos2], points: &[Pos2], margin: f32) -> bool {
        let bounds = Rect::from_points(points).expand(margin);
        vertices
            .iter()
            .all(|v| v.x.is_finite() && v.y.is_finite() && bounds.contains(*v))
    }

    /// A border that runs back and forth along the picture's edge, and a corner that turns
    /// almost straight back, are drawn along the outline: no vertex without a position
    /// (which the software renderer drew as a line across the map) and no spike.
    #[test]
    fn an_outline_that_turns_back_is_drawn_without_spikes() {
        let p = |x: f32, y: f32| Pos2::new(x, y);
        let edge = [
            p(0.0, 0.0),
            p(100.0, 0.0),
            p(60.0, 0.0),
            p(120.0, 0.0),
            p(120.0, 80.0),
            p(0.0, 80.0),
        ];
        let plain = egui::Shape::closed_line(edge.to_vec(), Stroke::new(3.0, Color32::RED));
        let mut mesh = egui::Mesh::default();
        egui::epaint::Tessellator::new(1.0, Default::default(), [1024, 1024], vec![])
            .tessellate_shape(plain, &mut mesh);
        assert!(
            mesh.vertices.iter().any(|v| !v.pos.x.is_finite()),
            "egui itself draws such a corner without a position"
        );
        assert!(within(&drawn(&edge, 3.0), &edge, 6.0));
        let sharp = [p(0.0, 0.0), p(300.0, 0.0), p(0.0, 40.0)];
        assert!(within(&drawn(&sharp, 3.0), &sharp, 6.0));
        // An outline with no area left is not drawn.
        let flat = [p(0.0, 0.0), p(300.0, 0.0), p(0.0, 0.5)];
        assert!(outline_points(&flat, 3.0).is_empty());
        // A square keeps its four corners.
        let square = [p(0.0, 0.0), p(50.0, 0.0), p(50.0, 50.0), p(0.0, 50.0)];
        assert_eq!(outline_points(&square, 3.0), square.to_vec());
    }

    /// The student's ✗ as drawn (its arms and their halo).
    fn cross_at(p: Pos2) -> Rect {
        Rect::from_center_size(p, Vec2::splat(2.0 * (CROSS + 2.5)))
    }

    /// Wherever the student's wrong point is around the right place, the right place's
    /// name and the name of the place picked instead cover neither it nor each other, and
    /// stay inside the map (the right place's name went above its point whatever was
    /// there, and covered a ✗ placed just above it).
    #[test]
    fn the_names_after_the_answer_never_cover_the_students_marker() {
        let map = Rect::from_min_size(Pos2::ZERO, Vec2::new(320.0, 220.0));
        let right = (Pos2::new(160.0, 110.0), Vec2::new(90.0, 24.0));
        let hit_at = Pos2::new(170.0, 150.0);
        // Other numbered places around, which the names keep off where they can.
        let badges = [hit_at, Pos2::new(160.0, 70.0), Pos2::new(240.0, 110.0)];
        for dx in (-80..=80).step_by(5) {
            for dy in (-80..=80).step_by(5) {
                let p = right.0 + Vec2::new(dx as f32, dy as f32);
                for hit in [None, Some((hit_at, Vec2::new(110.0, 24.0)))] {
                    let (r, h) = feedback_tags(right, hit, Some(p), &badges, map);
                    assert!(!r.intersects(cross_at(p)), "✓ {r:?} covers the ✗ at {p:?}");
                    assert!(map.contains_rect(r), "✓ {r:?} outside the map");
                    assert_eq!(h.is_some(), hit.is_some());
                    if let Some(h) = h {
                        assert!(!h.intersects(cross_at(p)), "✗ {h:?} covers the ✗ at {p:?}");
                        assert!(!h.intersects(r), "✗ {h:?} covers ✓ {r:?}");
                        assert!(map.contains_rect(h), "✗ {h:?} outside the map");
                    }
                }
            }
        }
        // Where nothing is in the way, the right name is above its place, the other below.
        let (r, h) = feedback_tags(
            right,
            Some((Pos2::new(60.0, 60.0), Vec2::new(80.0, 24.0))),
            Some(Pos2::new(300.0, 200.0)),
            &[],
            map,
        );
        assert!(r.max.y <= right.0.y && (r.center().x - right.0.x).abs() < 0.5);
        assert!(h.unwrap().min.y >= 60.0);
    }

    /// Where a side is free, the names leave the other numbered places' badges uncovered
    /// (the name of the place picked instead covered the number of the place above it).
    #[test]
    fn the_names_keep_off_the_numbered_places_where_they_can() {
        let map = Rect::from_min_size(Pos2::ZERO, Vec2::new(320.0, 220.0));
        let size = Vec2::new(90.0, 24.0);
        let badge = |p: Pos2| Rect::from_center_size(p, Vec2::splat(2.0 * (BADGE + 0.75)));
        let right = Pos2::new(160.0, 110.0);
        let hit = Pos2::new(150.0, 160.0);
        // A badge just above the right place, one just below the place picked instead.
        let badges = [Pos2::new(160.0, 80.0), Pos2::new(150.0, 190.0), hit];
        let point = Pos2::new(162.0, 150.0);
        let (r, h) = feedback_tags((right, size), Some((hit, size)), Some(point), &badges, map);
        let h = h.unwrap();
        for b in badges {
            assert!(!r.intersects(badge(b)), "✓ {r:?} covers the badge at {b:?}");
            assert!(!h.intersects(badge(b)), "✗ {h:?} covers the badge at {b:?}");
        }
        assert!(!r.intersects(cross_at(point)) && !h.intersects(cross_at(point)));
        assert!(!r.intersects(h));
    }

    /// A right place at the map's bottom edge, the student's ✗ just above it: its name goes
    /// beside it, not moved up from below onto the place itself.
    #[test]
    fn the_right_places_name_leaves_its_point_uncovered() {
        let map = Rect::from_min_size(Pos2::ZERO, Vec2::new(320.0, 220.0));
        let right = Pos2::new(160.0, 210.0);
        let point = Pos2::new(160.0, 180.0);
        let (r, _) = feedback_tags((right, Vec2::new(90.0, 24.0)), None, Some(point), &[], map);
        assert!(!r.intersects(cross_at(point)), "{r:?}");
        assert!(
            !r.intersects(Rect::from_center_size(right, Vec2::splat(8.0))),
            "{r:?} covers the place's point"
        );
        assert!(map.contains_rect(r));
    }

    /// A name whose place is at the map's edge is moved inside the map, not cut off by
    /// its edge (the name of the place picked instead, below a place at the bottom, was
    /// cut in half).
    #[test]
    fn a_name_at_the_maps_edge_stays_inside_the_map() {
        let map = Rect::from_min_size(Pos2::new(24.0, 160.0), Vec2::new(150.0, 105.0));
        let size = Vec2::new(100.0, 24.0);
        for at in [
            Pos2::new(100.0, 262.0),
            Pos2::new(26.0, 262.0),
            Pos2::new(172.0, 162.0),
            Pos2::new(26.0, 161.0),
        ] {
            let (r, h) = feedback_tags((at, size), Some((at, size)), None, &[], map);
            assert!(map.contains_rect(r), "✓ {r:?} outside {map:?}");
            assert!(map.contains_rect(h.unwrap()), "✗ {h:?} outside {map:?}");
        }
        // A name wider than the map starts at its left edge.
        let wide = place_tag(
            Pos2::new(100.0, 200.0),
            Vec2::new(200.0, 24.0),
            [Side::Above, Side::Below, Side::Right, Side::Left],
            [&[], &[]],
            map,
        );
        assert_eq!(wide.min.x, map.min.x);
    }

    /// Every region of every bundled map is drawn within its own bounds.
    #[test]
    fn every_bundled_regions_outline_stays_within_its_bounds() {
        let mut polygons = 0;
        for checked in crate::deck::bundled::check_all() {
            let Some(deck) = checked.deck else { continue };
            for card in &deck.cards {
                let CardKind::Locate { answer, others, .. } = &card.kind else {
                    continue;
                };
                for region in std::iter::once(answer.as_ref()).chain(others.iter()) {
                    if let Shape::Polygon { points } = &region.shape {
                        let points: Vec<Pos2> =
                            points.iter().map(|&(x, y)| Pos2::new(x, y)).collect();
                        assert!(
                            within(&drawn(&points, 3.0), &points, 6.0),
                            "{} in {}",
                            region.name,
                            card.id
                        );
                        polygons += 1;
                    }
                }
            }
        }
        assert!(polygons > 10, "{polygons} polygons");
    }
}
