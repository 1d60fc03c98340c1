//! The app's one spinner: egui's drawing, turning at [`SPINNER_FPS`] frames a second.
//!
//! egui's own spinner asks for the next frame at once, every frame: while a collection
//! opens (or any job runs) the window is drawn as fast as the display allows, taking
//! CPU from the job it waits for (a classroom PC has two cores; without a GPU each frame
//! is drawn in software). This one asks for its next frame a little later; a job that
//! ends wakes the window at once ([`super::jobs::Waker`]), so nothing waits for it.

use egui::{Color32, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Widget, WidgetInfo};

/// How many times a second a spinner is drawn again.
pub const SPINNER_FPS: u32 = 25;

/// A spinner of the style's interaction size (a progress indicator to screen readers).
pub(super) fn spinner(ui: &mut Ui) -> Response {
    Spinner.ui(ui)
}

/// Draws a spinner in `rect` (without taking room for it).
pub(super) fn paint_spinner(ui: &Ui, rect: Rect) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs(1) / SPINNER_FPS);
    let color: Color32 = ui.visuals().strong_text_color();
    let radius = (rect.height().min(rect.width()) * 0.5) - 2.0;
    let n_points = (radius.round() as u32).clamp(8, 128);
    let time = ui.input(|i| i.time);
    let start_angle = time * std::f64::consts::TAU;
    let end_angle = start_angle + 240f64.to_radians() * time.sin();
    let points: Vec<Pos2> = (0..n_points)
        .map(|i| {
            let angle = egui::lerp(start_angle..=end_angle, f64::from(i) / f64::from(n_points));
            let (sin, cos) = angle.sin_cos();
            rect.center() + radius * egui::vec2(cos as f32, sin as f32)
        })
        .collect();
    ui.painter()
        .add(Shape::line(points, Stroke::new(3.0, color)));
}

/// The widget behind [`spinner`].
struct Spinner;

impl Widget for Spinner {
    fn ui(self, ui: &mut Ui) -> Response {
        let size = ui.style().spacing.interact_size.y;
        let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
        response.widget_info(|| WidgetInfo::new(egui::Role::ProgressIndicator));
        paint_spinner(ui, rect);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drawn, it asks for its next frame after a while, never at once (egui's own
    /// spinner asks at once, every frame).
    #[test]
    fn a_spinner_asks_for_its_next_frame_later() {
        let ctx = egui::Context::default();
        let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = asked.clone();
        ctx.set_repaint_observer(move |info| seen.lock().unwrap().push(info.delay));
        for pass in 0..3 {
            if pass == 1 {
                // egui asks for a frame at once after a context's first pass.
                asked.lock().unwrap().clear();
            }
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                spinner(ui);
            });
            // No renderer: the fonts' texture is dropped unused.
            out.textures_delta.clear();
        }
        let asked = asked.lock().unwrap();
        assert!(!asked.is_empty(), "a spinner asks for frames");
        let frame = std::time::Duration::from_secs(1) / SPINNER_FPS;
        assert!(
            asked.iter().all(|d| *d >= frame),
            "no frame at once: {asked:?}"
        );
    }
}
