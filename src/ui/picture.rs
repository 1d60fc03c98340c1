//! Card pictures on screen (study, the editor's preview and map, Locate cards): read and
//! decoded off the interface thread, a placeholder meanwhile, the reason shown when a
//! picture cannot be.

use super::theme::wrong_color;
use crate::tr;
use egui::RichText;

/// Reads and decodes the picture `rel` of a deck whose folder is `dir` (None: a bundled
/// deck), or the built-in map of that name when the folder has no such file; `missing`
/// says why a bundled deck's picture that is not a built-in map cannot be shown.
pub fn read(
    dir: Option<&std::path::Path>,
    rel: &str,
    missing: String,
) -> Result<crate::picture::Picture, String> {
    match dir {
        Some(dir) => crate::picture::load(dir, rel)
            .or_else(|e| match dir.join(rel).exists() {
                true => Err(e),
                false => crate::deck::bundled::picture(rel).map_err(|_| e),
            })
            .map_err(|e| crate::i18n::message(&e.message())),
        None => crate::deck::bundled::picture(rel).map_err(|_| missing),
    }
}

/// A card picture ready to show, or why it cannot be.
pub enum PictureView {
    /// Being read and decoded in the background (a placeholder is shown).
    Loading,
    /// Decoded pixels; uploaded to the GPU on first draw.
    Ready(egui::ColorImage, Option<egui::TextureHandle>),
    /// The picture could not be loaded (shown as text instead).
    Failed(String),
}

impl PictureView {
    /// Reads and decodes the picture `rel` of a deck whose folder is `dir` (None: a deck
    /// with no folder, `no_folder` says why it is not shown), or the built-in map of that
    /// name when the folder has no such file.
    pub fn load(dir: Option<&std::path::Path>, rel: &str, no_folder: &str) -> PictureView {
        let missing = tr!("study-picture-no-folder", picture = rel, why = no_folder);
        PictureView::from(read(dir, rel, missing))
    }
}

impl From<Result<crate::picture::Picture, String>> for PictureView {
    /// Decoded pixels ready to show, or why the picture cannot be.
    fn from(loaded: Result<crate::picture::Picture, String>) -> PictureView {
        match loaded {
            Ok(p) => PictureView::Ready(
                egui::ColorImage::from_rgba_unmultiplied(
                    [p.width as usize, p.height as usize],
                    &p.rgba,
                ),
                None,
            ),
            Err(e) => PictureView::Failed(e),
        }
    }
}

impl std::fmt::Debug for PictureView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureView::Ready(image, texture) => write!(
                f,
                "Ready({}x{}, uploaded: {})",
                image.size[0],
                image.size[1],
                texture.is_some()
            ),
            PictureView::Failed(why) => write!(f, "Failed({why})"),
            PictureView::Loading => write!(f, "Loading"),
        }
    }
}

/// Draws a card picture (a placeholder while it loads, the reason when it cannot show).
pub fn picture_ui(ui: &mut egui::Ui, view: &mut PictureView) {
    match view {
        PictureView::Ready(image, texture) => {
            let tex = texture.get_or_insert_with(|| {
                ui.ctx()
                    .load_texture("card-picture", image.clone(), egui::TextureOptions::LINEAR)
            });
            let max = egui::vec2(ui.available_width().min(640.0), 360.0);
            ui.add(
                egui::Image::new(&*tex)
                    .max_size(max)
                    .alt_text(tr!("study-card-picture")),
            );
        }
        PictureView::Failed(why) => {
            ui.colored_label(wrong_color(ui), why.as_str());
        }
        PictureView::Loading => {
            // A placeholder of the usual size, so the card does not jump when it arrives.
            let size = egui::vec2(ui.available_width().min(320.0), 180.0);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
            super::spinner::paint_spinner(
                ui,
                egui::Rect::from_center_size(rect.center(), egui::vec2(24.0, 24.0)),
            );
            ui.add_space(2.0);
            ui.label(RichText::new(crate::tr!("study-loading-picture")).weak());
        }
    }
}

/// Keeps every texture's side to the largest picture's
/// ([`quizdeck_core::picture::MAX_SIDE_PX`]), below what the graphics allow when they allow
/// more. egui makes its font atlas as wide as the largest texture: 16,384 pixels with
/// Mesa's software renderer, 2 MB for its first strip of glyphs, kept twice (egui's copy
/// and the driver's). At 4,096 the glyphs take a quarter of the width and about a quarter
/// of the memory; no picture a deck may hold is refused.
pub(crate) fn cap_texture_side(raw_input: &mut egui::RawInput) {
    let most = quizdeck_core::picture::MAX_SIDE_PX as usize;
    if let Some(side) = &mut raw_input.max_texture_side {
        *side = (*side).min(most);
    }
}

#[cfg(test)]
mod tests {
    /// A texture side above the largest picture's is brought down to it; a smaller one,
    /// or none said, is kept.
    #[test]
    fn textures_are_kept_to_the_largest_pictures_side() {
        let side = |s: Option<usize>| {
            let mut raw = egui::RawInput {
                max_texture_side: s,
                ..Default::default()
            };
            super::cap_texture_side(&mut raw);
            raw.max_texture_side
        };
        assert_eq!(side(Some(16_384)), Some(4096));
        assert_eq!(side(Some(4096)), Some(4096));
        assert_eq!(side(Some(2048)), Some(2048));
        assert_eq!(side(None), None);
    }
}
