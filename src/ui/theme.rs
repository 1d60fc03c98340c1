//! The three themes (light, dark, high contrast) designed as a set: one [`Palette`] per
//! theme, from which egui's visuals are built, and which every screen reads for its
//! meaningful colours (right/wrong, the four ratings, the four item states, the accent).
//! All text colours keep a contrast of at least 7:1 on their background (4.5:1 for weak
//! text in light and dark), so a classroom projector still shows them.

use crate::schedule::Rating;
use crate::settings::{ProfileSettings, Theme};
use egui::{Color32, CornerRadius, Stroke};

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// The theme these colours belong to.
    pub theme: Theme,
    /// Window and panel background.
    pub background: Color32,
    /// Raised surfaces: deck rows, cards, the navigation panel.
    pub surface: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text (hints, captions).
    pub weak_text: Color32,
    /// Lines around surfaces and widgets.
    pub border: Color32,
    /// The one primary action and the current screen.
    pub accent: Color32,
    /// Text on the accent colour.
    pub on_accent: Color32,
    /// "Right" feedback.
    pub right: Color32,
    /// "Wrong" feedback and errors.
    pub wrong: Color32,
    /// The Again rating.
    pub again: Color32,
    /// The Hard rating.
    pub hard: Color32,
    /// The Good rating.
    pub good: Color32,
    /// The Easy rating.
    pub easy: Color32,
    /// Items never studied.
    pub new: Color32,
    /// Items in learning or relearning steps.
    pub learning: Color32,
    /// Items in review with an interval under 21 days.
    pub young: Color32,
    /// Items in review with an interval of 21 days or more.
    pub mature: Color32,
    /// Suspended items.
    pub suspended: Color32,
}

const fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// Dark text on warm paper, a blue accent.
pub const LIGHT: Palette = Palette {
    theme: Theme::Light,
    background: rgb(246, 244, 239),
    surface: rgb(255, 255, 255),
    text: rgb(24, 28, 33),
    weak_text: rgb(80, 88, 98),
    border: rgb(196, 201, 209),
    accent: rgb(25, 88, 168),
    on_accent: rgb(255, 255, 255),
    right: rgb(22, 112, 48),
    wrong: rgb(176, 32, 28),
    again: rgb(190, 38, 38),
    hard: rgb(150, 84, 0),
    good: rgb(34, 122, 50),
    easy: rgb(22, 96, 184),
    new: rgb(82, 138, 230),
    learning: rgb(214, 118, 0),
    young: rgb(96, 164, 48),
    mature: rgb(28, 112, 48),
    suspended: rgb(160, 160, 160),
};

/// Light text on a blue-grey night, a light blue accent.
pub const DARK: Palette = Palette {
    theme: Theme::Dark,
    background: rgb(21, 24, 29),
    surface: rgb(33, 38, 46),
    text: rgb(234, 236, 239),
    weak_text: rgb(170, 178, 188),
    border: rgb(62, 70, 82),
    accent: rgb(106, 162, 242),
    on_accent: rgb(10, 18, 32),
    right: rgb(126, 212, 138),
    wrong: rgb(255, 138, 128),
    again: rgb(239, 107, 96),
    hard: rgb(240, 166, 64),
    good: rgb(108, 192, 112),
    easy: rgb(100, 168, 245),
    new: rgb(110, 168, 255),
    learning: rgb(242, 169, 59),
    young: rgb(165, 214, 111),
    mature: rgb(64, 170, 80),
    suspended: rgb(107, 114, 128),
};

/// White on black, yellow accent, saturated colours and thick outlines.
pub const HIGH_CONTRAST: Palette = Palette {
    theme: Theme::HighContrast,
    background: rgb(0, 0, 0),
    surface: rgb(0, 0, 0),
    text: rgb(255, 255, 255),
    weak_text: rgb(230, 230, 230),
    border: rgb(255, 255, 255),
    accent: rgb(255, 230, 0),
    on_accent: rgb(0, 0, 0),
    right: rgb(92, 255, 92),
    wrong: rgb(255, 110, 110),
    again: rgb(255, 92, 92),
    hard: rgb(255, 176, 0),
    good: rgb(77, 255, 77),
    easy: rgb(92, 200, 255),
    new: rgb(92, 200, 255),
    learning: rgb(255, 176, 0),
    young: rgb(182, 255, 92),
    mature: rgb(0, 210, 80),
    suspended: rgb(160, 160, 160),
};

impl Palette {
    /// The palette of a theme.
    pub fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
            Theme::HighContrast => &HIGH_CONTRAST,
        }
    }

    /// The colour of a rating (Again, Hard, Good, Easy).
    pub fn rating(&self, rating: Rating) -> Color32 {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.good,
            Rating::Easy => self.easy,
        }
    }

    /// The egui visuals built from this palette.
    pub fn visuals(&self) -> egui::Visuals {
        let high = self.theme == Theme::HighContrast;
        let mut v = if self.theme == Theme::Light {
            egui::Visuals::light()
        } else {
            egui::Visuals::dark()
        };
        let mix = |a: Color32, b: Color32, t: f32| {
            let l = |x: u8, y: u8| (f32::from(x) * (1.0 - t) + f32::from(y) * t).round() as u8;
            rgb(l(a.r(), b.r()), l(a.g(), b.g()), l(a.b(), b.b()))
        };
        let button = if high {
            Color32::BLACK
        } else {
            mix(self.surface, self.text, 0.08)
        };
        let hover = if high {
            rgb(40, 40, 40)
        } else {
            mix(self.surface, self.text, 0.16)
        };
        let line = if high { 2.0 } else { 1.0 };
        v.override_text_color = high.then_some(self.text);
        v.weak_text_color = Some(self.weak_text);
        v.panel_fill = self.background;
        v.window_fill = self.surface;
        v.window_stroke = Stroke::new(line, self.border);
        // The track of a bar (today's progress, a test's, a deck's states) and of a
        // scroll bar: in high contrast a grey that stands out from the black (it was black,
        // so an empty bar did not show).
        v.extreme_bg_color = if high {
            rgb(100, 100, 100)
        } else {
            mix(self.surface, self.background, 0.5)
        };
        v.text_edit_bg_color = Some(self.surface);
        v.faint_bg_color = mix(self.background, self.text, 0.05);
        v.code_bg_color = mix(self.surface, self.text, 0.06);
        v.hyperlink_color = self.accent;
        v.error_fg_color = self.wrong;
        v.warn_fg_color = self.hard;
        v.selection.bg_fill = if high {
            rgb(0, 70, 160)
        } else {
            self.accent.gamma_multiply(0.45)
        };
        v.selection.stroke = Stroke::new(line, self.text);
        let radius = CornerRadius::same(6);
        v.window_corner_radius = CornerRadius::same(10);
        v.menu_corner_radius = radius;
        let w = &mut v.widgets;
        w.noninteractive.bg_fill = self.surface;
        w.noninteractive.weak_bg_fill = self.surface;
        w.noninteractive.bg_stroke = Stroke::new(line, self.border);
        w.noninteractive.fg_stroke = Stroke::new(1.0, self.text);
        w.inactive.bg_fill = button;
        w.inactive.weak_bg_fill = button;
        w.inactive.bg_stroke = Stroke::new(line, if high { self.text } else { self.border });
        w.inactive.fg_stroke = Stroke::new(line, self.text);
        w.hovered.bg_fill = hover;
        w.hovered.weak_bg_fill = hover;
        w.hovered.bg_stroke = Stroke::new(line + 1.0, self.accent);
        w.hovered.fg_stroke = Stroke::new(line + 0.5, self.text);
        w.active.bg_fill = hover;
        w.active.weak_bg_fill = hover;
        // Keyboard focus shows as a thick accent outline.
        w.active.bg_stroke = Stroke::new(line + 1.5, self.accent);
        w.active.fg_stroke = Stroke::new(line + 0.5, self.text);
        w.open.bg_fill = hover;
        w.open.weak_bg_fill = hover;
        w.open.bg_stroke = Stroke::new(line, self.accent);
        w.open.fg_stroke = Stroke::new(line, self.text);
        for s in [
            &mut w.noninteractive,
            &mut w.inactive,
            &mut w.hovered,
            &mut w.active,
            &mut w.open,
        ] {
            s.corner_radius = radius;
        }
        v
    }
}

/// Sets visuals, spacing and zoom for `settings`. Cheap; called when settings change.
pub fn apply(ctx: &egui::Context, settings: &ProfileSettings) {
    let palette = Palette::of(settings.theme);
    let egui_theme = if settings.theme == Theme::Light {
        egui::Theme::Light
    } else {
        egui::Theme::Dark
    };
    ctx.set_theme(egui_theme);
    ctx.set_visuals_of(egui_theme, palette.visuals());
    ctx.style_mut_of(egui_theme, |s| {
        s.spacing.button_padding = egui::vec2(8.0, 4.0);
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        // Scroll bars take their own room in every scroll area: egui's floating bar is
        // drawn over the content, and the end of long lines (a practice test's score
        // page at 200 %) was under it.
        s.spacing.scroll = egui::style::ScrollStyle::solid();
    });
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(PALETTE_ID), settings.theme));
    ctx.set_zoom_factor(f32::from(settings.font_scale_pct) / 100.0);
}

const PALETTE_ID: &str = "quizdeck-theme";

/// The palette of the theme in use.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    let theme = ui
        .ctx()
        .data(|d| d.get_temp::<Theme>(egui::Id::unique(PALETTE_ID)));
    Palette::of(theme.unwrap_or(if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }))
}

/// Colour for "right" feedback in the current theme.
pub fn right_color(ui: &egui::Ui) -> Color32 {
    palette(ui).right
}

/// Colour for "wrong" feedback in the current theme.
pub fn wrong_color(ui: &egui::Ui) -> Color32 {
    palette(ui).wrong
}

/// Colour of a rating (Again, Hard, Good, Easy) in the current theme.
pub fn rating_color(ui: &egui::Ui, rating: Rating) -> Color32 {
    palette(ui).rating(rating)
}

/// A button in the accent colour: the screen's one primary action.
pub fn primary_button(ui: &egui::Ui, text: impl Into<String>, size: f32) -> egui::Button<'static> {
    let p = palette(ui);
    egui::Button::new(
        egui::RichText::new(text.into())
            .size(size)
            .strong()
            .color(p.on_accent),
    )
    .fill(p.accent)
}

/// Marks a focused [`primary_button`]: egui's focus outline is the accent colour, as is
/// the button's fill, so a ring in the text colour shows where the keyboard is (drawn
/// inside the button, where no scroll area clips it).
pub fn primary_focus_ring(ui: &egui::Ui, r: &egui::Response) {
    if r.has_focus() {
        ui.painter().rect_stroke(
            r.rect,
            4.0,
            egui::Stroke::new(3.0, ui.visuals().strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let ch = |x: u8| {
                let x = f32::from(x) / 255.0;
                if x <= 0.03928 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
        };
        let (x, y) = (lum(a) + 0.05, lum(b) + 0.05);
        x.max(y) / x.min(y)
    }

    #[test]
    fn every_theme_is_readable_on_a_projector() {
        for p in [&LIGHT, &DARK, &HIGH_CONTRAST] {
            for bg in [p.background, p.surface] {
                assert!(contrast(p.text, bg) >= 7.0, "{:?} text", p.theme);
                assert!(contrast(p.weak_text, bg) >= 4.5, "{:?} weak text", p.theme);
                for (name, c) in [
                    ("right", p.right),
                    ("wrong", p.wrong),
                    ("again", p.again),
                    ("hard", p.hard),
                    ("good", p.good),
                    ("easy", p.easy),
                ] {
                    assert!(contrast(c, bg) >= 4.5, "{:?} {name}", p.theme);
                }
            }
            assert!(
                contrast(p.on_accent, p.accent) >= 4.5,
                "{:?} accent",
                p.theme
            );
        }
    }

    /// In high contrast a bar's empty track stands out from the background as WCAG asks of
    /// a control's parts (3:1), and the good colour that fills it from the track.
    #[test]
    fn a_bars_track_shows_in_high_contrast() {
        let p = &HIGH_CONTRAST;
        let track = p.visuals().extreme_bg_color;
        assert!(contrast(track, p.background) >= 3.0);
        assert!(contrast(p.good, track) >= 2.0);
        assert!(contrast(p.text, track) >= 4.5);
    }
}
