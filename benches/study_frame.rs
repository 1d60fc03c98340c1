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
