//! `quizdeck` with no subcommand: the desktop app.

use super::*;

/// Opens the desktop app on the chosen data folder, with the class deck folders.
pub(super) fn run_gui(data_dir: Option<&Path>, decks_dir: Option<&Path>) -> Result<ExitCode> {
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let class_dirs = quizdeck::store::class_dirs_from_env(decks_dir);
    let offset = chrono::Local::now().fixed_offset().offset().to_owned();
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .with_context(|| quizdeck::tr!("cli-bad-icon"))?;
    let viewport = egui::ViewportBuilder::default()
        .with_title("quizdeck")
        .with_app_id("quizdeck")
        .with_inner_size([1100.0, 760.0])
        .with_min_inner_size([640.0, 480.0])
        .with_drag_and_drop(true)
        .with_icon(icon);
    let path = data.path.clone();
    // QUIZDECK_TIMING=1 prints the time from start to the first frame on stderr, and to
    // the first frame that shows the library with today's counts.
    let started = std::time::Instant::now();
    let timing = std::env::var_os("QUIZDECK_TIMING").is_some();
    let make = move |ctx: &egui::Context| {
        if timing {
            let ctx = ctx.clone();
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
        // The offset is read again at every frame: a daylight-saving change needs no
        // restart.
        let zone: quizdeck::ui::TimeZone = Box::new(|at: chrono::DateTime<chrono::Utc>| {
            *at.with_timezone(&chrono::Local).offset()
        });
        let app = quizdeck::ui::QuizApp::with_class_decks(&path, class_dirs, clock, offset)
            .with_time_zone(zone);
        Timed {
            app,
            started,
            said: !timing,
        }
    };
    let failed =
        |e: String| anyhow::anyhow!("{}", quizdeck::tr!("cli-the-window-could-not-be", e = e));
    // QUIZDECK_RENDERER=gl draws with OpenGL (eframe); by default the window is drawn by
    // the processor (`quizdeck::ui::window`).
    if std::env::var("QUIZDECK_RENDERER").is_ok_and(|r| r.eq_ignore_ascii_case("gl")) {
        let options = eframe::NativeOptions {
            viewport,
            ..Default::default()
        };
        eframe::run_native(
            "quizdeck",
            options,
            Box::new(move |cc| Ok(Box::new(quizdeck::ui::window::OnGl(make(&cc.egui_ctx))))),
        )
        .map_err(|e| failed(e.to_string()))?;
    } else {
        quizdeck::ui::window::run(viewport, make).map_err(|e| failed(e.to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The app, and under `QUIZDECK_TIMING` what says on stderr when a frame first shows the
/// library with today's counts (the profile open and its figures counted), from the start.
struct Timed {
    app: quizdeck::ui::QuizApp,
    started: std::time::Instant,
    said: bool,
}

impl Timed {
    fn ui(&mut self, ui: &mut egui::Ui) {
        self.app.ui(ui);
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
}

impl quizdeck::ui::window::WindowApp for Timed {
    fn ui(&mut self, ui: &mut egui::Ui) {
        Timed::ui(self, ui);
    }

    fn raw_input_hook(&mut self, raw_input: &mut egui::RawInput) {
        quizdeck::ui::window::WindowApp::raw_input_hook(&mut self.app, raw_input);
    }

    fn on_exit(&mut self) {
        self.app.shutdown();
    }
}
