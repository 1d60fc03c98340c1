//! CPU time of one frame of the study screen with a 100k-item collection (target < 2 ms),
//! and of building the library figures when data changes. egui runs headless
//! (`Context::run_ui`, no GPU), so this is the app's own cost plus egui's layout.

use chrono::{DateTime, FixedOffset, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
mod common;

use common::big_deck;
use quizdeck::ids::DeckId;
use quizdeck::ui::{Action, QuizApp};
use std::hint::black_box;

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let deck_file = dir.path().join("big.ron");
    std::fs::write(&deck_file, quizdeck::deck::to_ron(&big_deck(100_000))).unwrap();
    let now: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
    let mut app = QuizApp::new(
        &dir.path().join("data"),
        Box::new(move || now),
        FixedOffset::east_opt(0).unwrap(),
    );
    app.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
        "Student".into(),
    )));
    app.apply(Action::Import(quizdeck::ui::import::Msg::File {
        path: deck_file,
        everyone: false,
    }));
    app.wait_for_background();
    let mut settings = app.settings();
    settings.schedule.new_per_day = 100_000;
    settings.schedule.deck_new_per_day = 100_000;
    app.apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
        Box::new(settings),
    )));
    app.apply(Action::Study(vec![DeckId::new("big")]));
    // A big session's queue is built in the background.
    app.wait_for_background();
    assert!(app.current_item().is_some());
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    // Warm up fonts and layout caches.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui));
    }
    let mut g = c.benchmark_group("ui");
    g.bench_function("study_frame_100k_items", |b| {
        b.iter(|| black_box(ctx.run_ui(input(), |ui| app.ui(ui))))
    });
    paint(&mut g, &ctx, &mut app);
    app.apply(Action::OpenBrowse);
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui));
    }
    g.bench_function("browse_frame_100k_items", |b| {
        b.iter(|| black_box(ctx.run_ui(input(), |ui| app.ui(ui))))
    });
    g.sample_size(10);
    g.bench_function("library_refresh_100k_items", |b| {
        b.iter(|| {
            app.apply(Action::BackToLibrary);
        })
    });
    g.finish();
}

/// Drawing the study screen's frame into the window's pixels at 1280×800 by the processor
/// (`ui::window::Painter`, the default window's renderer): the same frame again (nothing
/// changed: the renderer's cache), the pointer moving between two options (their hover
/// changes, as a student's mouse does), and everything drawn anew (the window one pixel
/// narrower or wider at each frame, as when it is resized). Target: a frame within 16 ms.
fn paint(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &egui::Context,
    app: &mut QuizApp,
) {
    use quizdeck::ui::window::Painter;
    let background = egui::Color32::from_rgb(245, 243, 238);
    let mut pixels = vec![0u32; 1280 * 800];
    let mut frame = |painter: &mut Painter, pixels: &mut Vec<u32>, width: usize, pointer| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(width as f32, 800.0),
            )),
            events: vec![egui::Event::PointerMoved(pointer)],
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| app.ui(ui));
        let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
        pixels.resize(width * 800, 0);
        painter.paint(
            pixels,
            [width, 800],
            background,
            &primitives,
            out.textures_delta,
            out.pixels_per_point,
        );
    };
    let mut painter = Painter::new();
    let (over_first, over_second) = (egui::pos2(320.0, 172.0), egui::pos2(320.0, 207.0));
    for _ in 0..3 {
        frame(&mut painter, &mut pixels, 1280, over_first);
    }
    g.bench_function("paint_study_frame_1280x800_unchanged", |b| {
        b.iter(|| frame(&mut painter, &mut pixels, 1280, over_first))
    });
    let mut second = false;
    g.bench_function("paint_study_frame_1280x800_hover_moves", |b| {
        b.iter(|| {
            second = !second;
            let at = if second { over_second } else { over_first };
            frame(&mut painter, &mut pixels, 1280, at)
        })
    });
    g.bench_function("paint_study_frame_1280x800_all_anew", |b| {
        b.iter(|| {
            second = !second;
            frame(
                &mut painter,
                &mut pixels,
                if second { 1279 } else { 1280 },
                over_first,
            )
        })
    });
    black_box(&pixels);
}

/// Start to first frame with the bundled decks: opening the data folder and profile,
/// checking the embedded decks, computing the library figures, and one headless frame.
/// (Window and OpenGL context creation are outside this figure.)
fn startup(c: &mut Criterion) {
    let now: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Create the profile once, as on a PC that has been used before.
    let mut first = QuizApp::new(
        &dir.path().join("data"),
        Box::new(move || now),
        FixedOffset::east_opt(0).unwrap(),
    );
    first.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
        "Student".into(),
    )));
    first.shutdown();
    let mut g = c.benchmark_group("ui");
    g.sample_size(20);
    g.bench_function("start_to_first_frame_bundled_decks", |b| {
        b.iter(|| {
            let mut app = QuizApp::new(
                &dir.path().join("data"),
                Box::new(move || now),
                FixedOffset::east_opt(0).unwrap(),
            );
            let ctx = egui::Context::default();
            let out = ctx.run_ui(egui::RawInput::default(), |ui| app.ui(ui));
            app.shutdown();
            black_box(out)
        })
    });
    g.finish();
}

criterion_group!(benches, frame, startup);
criterion_main!(benches);
