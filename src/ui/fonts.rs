//! Fonts: egui's default font plus a small bundled symbol font (arrows, check and cross
//! marks, shapes) as a fallback, so every string the app shows has its glyphs.

/// The bundled symbol subset of DejaVu Sans (see `assets/fonts/DejaVuSans-symbols.txt`).
const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-symbols.ttf");

/// Adds the bundled fonts to `ctx` (once per context; takes effect from the next frame).
pub fn install(ctx: &egui::Context) {
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "dejavu-symbols",
        egui::FontData::from_static(SYMBOLS),
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            })
            .collect(),
    ));
}
