//! Applies a profile's theme and font scale to egui.

use crate::settings::{ProfileSettings, Theme};

/// Sets visuals and zoom for `settings`. Cheap; called when settings change.
pub fn apply(ctx: &egui::Context, settings: &ProfileSettings) {
    let (egui_theme, visuals) = match settings.theme {
        Theme::Light => (egui::Theme::Light, egui::Visuals::light()),
        Theme::Dark => (egui::Theme::Dark, egui::Visuals::dark()),
        Theme::HighContrast => (egui::Theme::Dark, high_contrast()),
    };
    ctx.set_theme(egui_theme);
    ctx.set_visuals_of(egui_theme, visuals);
    ctx.set_zoom_factor(f32::from(settings.font_scale_pct) / 100.0);
}

/// White on black with yellow accents and thick outlines.
fn high_contrast() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    let white = egui::Color32::WHITE;
    let yellow = egui::Color32::from_rgb(255, 230, 0);
    v.override_text_color = Some(white);
    v.panel_fill = egui::Color32::BLACK;
    v.window_fill = egui::Color32::BLACK;
    v.extreme_bg_color = egui::Color32::BLACK;
    v.faint_bg_color = egui::Color32::from_gray(20);
    v.hyperlink_color = yellow;
    v.selection.bg_fill = egui::Color32::from_rgb(0, 70, 160);
    v.selection.stroke = egui::Stroke::new(2.0, white);
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.bg_stroke = egui::Stroke::new(2.0, white);
        w.fg_stroke = egui::Stroke::new(2.0, white);
    }
    v.widgets.inactive.weak_bg_fill = egui::Color32::BLACK;
    v.widgets.inactive.bg_fill = egui::Color32::BLACK;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, yellow);
    v.widgets.hovered.weak_bg_fill = egui::Color32::from_gray(40);
    v
}

/// Colour for "right" feedback in the current theme.
pub fn right_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(110, 220, 110)
    } else {
        egui::Color32::from_rgb(0, 120, 0)
    }
}

/// Colour for "wrong" feedback in the current theme.
pub fn wrong_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(255, 130, 120)
    } else {
        egui::Color32::from_rgb(180, 0, 0)
    }
}
