//! `quizdeck` with no subcommand: the desktop app.

use super::*;

/// Opens the desktop app on the chosen data folder, with the class deck folders.
pub(super) fn run_gui(data_dir: Option<&Path>, decks_dir: Option<&Path>) -> Result<ExitCode> {
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let class_dirs = quizdeck::store::class_dirs_from_env(decks_dir);
    let offset = chrono::Local::now().fixed_offset().offset().to_owned();
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .with_context(|| quizdeck::tr!("cli-bad-icon"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("quizdeck")
            .with_app_id("quizdeck")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true)
            .with_icon(icon),
        ..Default::default()
    };
    let path = data.path.clone();
    // QUIZDECK_TIMING=1 prints the time from start to the first frame on stderr, and to
    // the first frame that shows the library with today's counts.
    let started = std::time::Instant::now();
    let timing = std::env::var_os("QUIZDECK_TIMING").is_some();
    eframe::run_native(
        "quizdeck",
        options,
        Box::new(move |cc| {
            if timing {
                let ctx = cc.egui_ctx.clone();
                std::thread::spawn(move || {
                    // The first frame is painted once egui reports a finished pass.
                    while ctx.cumulative_pass_nr() == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    eprintln!(
                        "{}",
                        quizdeck::tr!(
                            "cli-first-frame-after-ms",
                            value = (started.elapsed().as_millis()).to_string()
                        )
                    );
                });
            }
            let clock: quizdeck::ui::Clock = Box::new(chrono::Utc::now);
            // The offset is read again at every frame: a daylight-saving change needs
            // no restart.
            let zone: quizdeck::ui::TimeZone = Box::new(|at: chrono::DateTime<chrono::Utc>| {
                *at.with_timezone(&chrono::Local).offset()
            });
            let app = quizdeck::ui::QuizApp::with_class_decks(&path, class_dirs, clock, offset)
                .with_time_zone(zone);
            if timing {
                return Ok(Box::new(Timed {
                    app,
                    started,
                    said: false,
                }));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| {
        anyhow::anyhow!(
            "{}",
            quizdeck::tr!("cli-the-window-could-not-be", e = e.to_string())
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The app under `QUIZDECK_TIMING`: says on stderr when a frame first shows the library
/// with today's counts (the profile open and its figures counted), from the start.
struct Timed {
    app: quizdeck::ui::QuizApp,
    started: std::time::Instant,
    said: bool,
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        if !self.said
            && self.app.screen_name() == "library"
            && !self.app.profile_loading()
            && !self.app.figures_pending()
        {
            self.said = true;
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-library-counted-after-ms",
                    value = self.started.elapsed().as_millis().to_string()
                )
            );
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        eframe::App::raw_input_hook(&mut self.app, ctx, raw_input);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }
}
