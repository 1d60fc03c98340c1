//! The big collection of issue 14, end to end: 100k cards, 70k item states, 1M answers
//! of history, default settings (automatic snapshots every 1,000 records, in the
//! background).
//!
//! * `answer`: an answer through the real path (next item → `Deck::card` → preview →
//!   `Session::answer` → store (fsync) → queue), interleaved one to one with a bare
//!   append + fdatasync of a line of the same size to another file in the same folder;
//!   p50 and p99 of both, their ratios, and the thread CPU of both (the kernel's part of
//!   write + fdatasync is thread CPU too).
//! * `open`: the app opening the profile and drawing its first frame (headless egui),
//!   then until the library's figures (computed in the background) are shown, with the
//!   deck cache warm and cold; the process's RSS with the collection open (run `-- open`
//!   alone for a memory figure of opening only). With `QD_FRESH=1`, one warm open only,
//!   the first thing the process does (its memory all fresh, as at a student's start of
//!   the app and as Anki's side is measured).
//! * `figures`: the library's figures counted in one pass (one thread, two threads),
//!   alternated with today's queue built over every item as they were counted before.
//! * `browse`: one item's history (`Store::item_history`) at 1M answers, against the
//!   full history read it replaces.
//! * `today`: what the library and a session start read on the interface thread: today's
//!   answers by deck and phase (`session::today`, from the recent answers and the
//!   archive's tail) and the statistics' figures from the states, interleaved with the
//!   full history read they replaced; then the statistics' background part (the whole
//!   history read and its figures), i.e. when the history's charts appear.
//! * `test`: a practice test of 20 and of 200 questions generated from the 100k-card deck
//!   (what "Start" does), and a match game's pairs picked from it.
//!
//! Custom harness (percentiles of interleaved pairs are not what criterion reports).
//! The collection is built once under `target/tmp/` and reused. Run with
//! `cargo bench --bench collection` (`-- answer`, `-- open` or `-- browse` for one part;
//! `QD_PAIRS=N` sets the number of answer pairs, 3000 by default).

mod common;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use common::big_deck;
use quizdeck::ids::{DeckId, ItemKey};
use quizdeck::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry, Settings};
use quizdeck::session::Session;
use quizdeck::store::{OpenMode, OpenOptions, Store};
use quizdeck::ui::QuizApp;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The system allocator, counting the allocations made by each thread (the answer
/// path's allocations are reported per answer).
struct Counting;

thread_local! {
    static ALLOCATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as the caller promised for `layout`.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from `alloc`/`realloc` above with this layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as the caller promised.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations() -> u64 {
    ALLOCATIONS.with(|n| n.get())
}

const CARDS: usize = 100_000;
const STATES: usize = 70_000;
const ANSWERS: usize = 1_000_000;

fn base() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn offset() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn key(i: usize) -> ItemKey {
    ItemKey::new("big", format!("c{i}"), 0)
}

fn state(i: usize, at: DateTime<Utc>, reps: u32) -> ItemState {
    // Three in four are due by `base()`, the rest later.
    let ivl = 1 + (i % 60) as i64;
    let due = if i.is_multiple_of(4) {
        base() + TimeDelta::days(ivl)
    } else {
        base() - TimeDelta::hours((i % 500) as i64)
    };
    ItemState {
        phase: Phase::Review,
        step: 0,
        memory: Some(Memory {
            stability_days: ivl as f32,
            difficulty: 5.0 + (i % 5) as f32 / 2.0,
        }),
        due,
        last_review: Some(at),
        interval_days: ivl as u32,
        reps,
        lapses: (i % 3) as u32,
        leech: false,
        suspended: false,
    }
}

/// The data folder with one profile holding the collection (built once).
fn collection() -> (PathBuf, PathBuf) {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("collection-100k-70k-1m-v1");
    let ready = data.join("ready");
    let now = base();
    if !ready.exists() {
        let _ = std::fs::remove_dir_all(&data);
        eprintln!("building the collection (once)…");
        let t0 = Instant::now();
        // A first start asks for a name: the profile is made as "Skip" makes it.
        quizdeck::store::Profiles::new(&data)
            .create("Student", now)
            .unwrap();
        let profile = profile_dir(&data);
        let src = data.join("big.ron");
        std::fs::write(&src, quizdeck::deck::to_ron(&big_deck(CARDS))).unwrap();
        quizdeck::library::import_deck(&src, &profile.join("decks")).unwrap();
        std::fs::remove_file(&src).unwrap();
        let opts = OpenOptions {
            mode: OpenMode::ReadWrite,
            snapshot_every: usize::MAX,
        };
        let (mut store, _) = Store::open(&profile, &opts, now).unwrap();
        let mut written = 0;
        let mut round = 0u32;
        while written < ANSWERS {
            let n = STATES.min(ANSWERS - written);
            let at0 = now - TimeDelta::days(400) + TimeDelta::days(i64::from(round) * 25);
            let batch = (0..n)
                .map(|i| {
                    let k = key(i);
                    let at = at0 + TimeDelta::seconds(i as i64);
                    let before = store.state(&k).cloned();
                    let entry = ReviewEntry {
                        key: k,
                        rating: if i.is_multiple_of(10) {
                            Rating::Again
                        } else {
                            Rating::Good
                        },
                        at,
                        duration_ms: 4000,
                        phase: before.as_ref().map_or(Phase::New, |b| b.phase),
                    };
                    (entry, before, state(i, at, round + 1))
                })
                .collect();
            store.record_answers(batch, at0).unwrap();
            written += n;
            round += 1;
        }
        store.close(now - TimeDelta::days(1)).unwrap();
        let (store, _) = Store::open(&profile, &OpenOptions::default(), now).unwrap();
        store.compact_history().unwrap();
        drop(store);
        std::fs::write(&ready, b"").unwrap();
        eprintln!("built in {:.1?}", t0.elapsed());
    }
    let profile = profile_dir(&data);
    (data, profile)
}

fn profile_dir(data: &Path) -> PathBuf {
    let profiles = data.join("profiles");
    std::fs::read_dir(&profiles)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("a profile")
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// The CPU time of the clock `_clock` (this thread's, or every thread's of the process);
/// zero where there is no such clock.
#[cfg(unix)]
fn cpu_clock(_clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(_clock, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn cpu_clock(_clock: i32) -> Duration {
    Duration::ZERO
}

/// This thread's CPU time so far.
fn thread_cpu() -> Duration {
    #[cfg(unix)]
    return cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID);
    #[cfg(not(unix))]
    return cpu_clock(0);
}

/// The CPU time of every thread of the process so far.
fn process_cpu() -> Duration {
    #[cfg(unix)]
    return cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID);
    #[cfg(not(unix))]
    return cpu_clock(0);
}

/// The number in the environment variable `name`, or `default`.
fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn answer_path(profile: &Path) {
    let pairs = env_count("QD_PAIRS", 3000);
    // A copy of the profile, so every run starts from the same collection.
    let work = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let copy = work.path().join("p");
    copy_dir(profile, &copy);
    let now0 = base();
    let lib = quizdeck::library::Library::load(Some(&copy.join("decks")));
    let deck = &lib.get(&DeckId::new("big")).unwrap().deck;
    let (mut store, _) = Store::open(&copy, &OpenOptions::default(), now0).unwrap();
    let settings = Settings {
        new_per_day: 100_000,
        reviews_per_day: 1_000_000,
        deck_new_per_day: 100_000,
        deck_reviews_per_day: 1_000_000,
        ..Settings::default()
    };
    let items = deck.items();
    let mut session = Session::start(items, &store, &settings, now0, offset()).unwrap();
    let journal = store.paths().journal.clone();
    let bare_path = work.path().join("bare.log");
    let mut bare = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&bare_path)
        .unwrap();
    let mut line_len = 114;
    // The kernel's floor for a durable line: the same line written over zeros already on
    // disk (the file does not grow, so fdatasync has no metadata to write), also synced.
    let zero_path = work.path().join("zeroed.log");
    let zero_len = (pairs as u64 + 1) * 512;
    let mut zeroed = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&zero_path)
        .unwrap();
    zeroed.write_all(&vec![0u8; zero_len as usize]).unwrap();
    zeroed.sync_all().unwrap();
    let (mut t_bare, mut t_ans, mut cpu) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpu_bare = Vec::new();
    let (mut t_zero, mut cpu_zero) = (Vec::new(), Vec::new());
    // Each answer's CPU less the bare line's just before it, in nanoseconds.
    let mut own = Vec::new();
    let (mut user, mut system) = (Vec::new(), Vec::new());
    let mut allocs = Vec::new();
    let mut snapshots = 0;
    for n in 0..pairs {
        let now = now0 + TimeDelta::seconds(n as i64 * 7);
        // The bare baseline: one line of the journal's line length, appended and synced.
        let mut line = vec![b'x'; line_len - 1];
        line.push(b'\n');
        let c0 = thread_cpu();
        let t = Instant::now();
        bare.write_all(&line).unwrap();
        bare.sync_data().unwrap();
        t_bare.push(t.elapsed());
        cpu_bare.push(thread_cpu() - c0);

        let c0 = thread_cpu();
        let t = Instant::now();
        write_at(&zeroed, &line, n as u64 * 512);
        zeroed.sync_data().unwrap();
        t_zero.push(t.elapsed());
        cpu_zero.push(thread_cpu() - c0);

        let before_len = std::fs::metadata(&journal).map_or(0, |m| m.len());
        let a0 = allocations();
        let (u0, s0) = thread_user_system();
        let c0 = thread_cpu();
        let t = Instant::now();
        let item = session.next(now).expect("an item is due");
        let card = deck.card(&item.key.card).expect("the card");
        black_box(card);
        let preview = session.preview(&item.key, &store, now, offset());
        black_box(&preview);
        let rating = if n.is_multiple_of(10) {
            Rating::Again
        } else {
            Rating::Good
        };
        let a = session
            .answer(&mut store, &item.key, rating, 3000, None, now, offset())
            .unwrap();
        t_ans.push(t.elapsed());
        cpu.push(thread_cpu() - c0);
        own.push(
            cpu[cpu.len() - 1].as_nanos() as i128 - cpu_bare[cpu_bare.len() - 1].as_nanos() as i128,
        );
        let (u1, s1) = thread_user_system();
        user.push(u1 - u0);
        system.push(s1 - s0);
        allocs.push(allocations() - a0);
        assert!(a.unsaved.is_none());
        if store.snapshot_running() {
            snapshots += 1;
        }
        let after_len = std::fs::metadata(&journal).map_or(0, |m| m.len());
        if after_len > before_len && after_len - before_len < 400 {
            line_len = (after_len - before_len) as usize;
        }
    }
    store.wait_for_snapshot();
    assert!(store.snapshot_error().is_none());
    let (b50, b99) = (pct(&mut t_bare, 0.5), pct(&mut t_bare, 0.99));
    let (a50, a99) = (pct(&mut t_ans, 0.5), pct(&mut t_ans, 0.99));
    let (c50, c99) = (pct(&mut cpu, 0.5), pct(&mut cpu, 0.99));
    let cmean = cpu.iter().sum::<Duration>() / cpu.len() as u32;
    let (cb50, cb99) = (pct(&mut cpu_bare, 0.5), pct(&mut cpu_bare, 0.99));
    println!(
        "answer: {pairs} interleaved pairs, journal line {line_len} bytes, automatic snapshots \
         on (seen running after {snapshots} answers)"
    );
    println!("  bare append+fdatasync  p50 {b50:>10.1?}  p99 {b99:>10.1?}");
    println!("  answer, real path      p50 {a50:>10.1?}  p99 {a99:>10.1?}");
    println!(
        "  ratio                  p50 {:>9.2}×  p99 {:>9.2}×",
        a50.as_secs_f64() / b50.as_secs_f64(),
        a99.as_secs_f64() / b99.as_secs_f64()
    );
    println!("  answer CPU (thread)    p50 {c50:>10.1?}  p99 {c99:>10.1?}  mean {cmean:.1?}");
    // The kernel's part of write + fdatasync is thread CPU too: the bare line's CPU is
    // what any durable answer costs; the difference is the program's own.
    println!("  bare CPU (thread)      p50 {cb50:>10.1?}  p99 {cb99:>10.1?}");
    own.sort_unstable();
    let own_at = |q: f64| own[((own.len() - 1) as f64 * q).round() as usize] as f64 / 1000.0;
    println!(
        "  answer less bare, CPU  p50 {:>8.1}µs  p99 {:>8.1}µs  (each answer's less the bare \
         line's before it: the program's own part)",
        own_at(0.5),
        own_at(0.99)
    );
    let (z50, z99) = (pct(&mut t_zero, 0.5), pct(&mut t_zero, 0.99));
    let (cz50, cz99) = (pct(&mut cpu_zero, 0.5), pct(&mut cpu_zero, 0.99));
    println!(
        "  over zeroes+fdatasync  p50 {z50:>10.1?}  p99 {z99:>10.1?}  CPU p50 {cz50:.1?}  p99 \
         {cz99:.1?}  (the same line over zeroes already on disk: the kernel's floor)"
    );
    // getrusage(RUSAGE_THREAD) splits the thread's CPU into user and kernel time, but
    // counts in scheduler ticks: the means over all answers are what is exact.
    let mean = |v: &[Duration]| v.iter().sum::<Duration>() / v.len() as u32;
    println!(
        "  answer CPU by part     user mean {:.1?}, kernel (system) mean {:.1?}",
        mean(&user),
        mean(&system)
    );
    allocs.sort_unstable();
    println!(
        "  allocations per answer p50 {}, p99 {}, max {}",
        allocs[allocs.len() / 2],
        allocs[(allocs.len() - 1) * 99 / 100],
        allocs[allocs.len() - 1]
    );
}

/// Writes `bytes` at `offset` of `file`.
fn write_at(file: &std::fs::File, bytes: &[u8], offset: u64) {
    #[cfg(unix)]
    std::os::unix::fs::FileExt::write_all_at(file, bytes, offset).unwrap();
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < bytes.len() {
            done += std::os::windows::fs::FileExt::seek_write(
                file,
                &bytes[done..],
                offset + done as u64,
            )
            .unwrap();
        }
    }
}

/// The calling thread's user and system CPU time so far (getrusage; Linux).
#[cfg(target_os = "linux")]
fn thread_user_system() -> (Duration, Duration) {
    // SAFETY: an all-zero rusage is valid for getrusage to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid rusage for getrusage to fill.
    unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut ru) };
    let d = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (d(ru.ru_utime), d(ru.ru_stime))
}

#[cfg(not(target_os = "linux"))]
fn thread_user_system() -> (Duration, Duration) {
    (Duration::ZERO, Duration::ZERO)
}

fn open(data: &Path, profile: &Path) {
    let now = base();
    let cache = profile.join("decks").join(quizdeck::deck::cache::CACHE_DIR);
    let run = |label: &str, cold: bool, n: usize| {
        let mut times = Vec::new();
        let mut opened = Vec::new();
        let mut shown = Vec::new();
        let mut cards = Vec::new();
        let mut last_frames = Vec::new();
        let mut longest_frame = Duration::ZERO;
        let mut longest_cpu = Duration::ZERO;
        for _ in 0..n {
            if cold {
                let _ = std::fs::remove_dir_all(&cache);
            }
            let t = Instant::now();
            let mut app = QuizApp::new(data, Box::new(move || now), offset());
            let ctx = egui::Context::default();
            // The repaints asked for (by the app, and by its jobs as they end), as a
            // window's event loop receives them.
            let (asked, repaints) = std::sync::mpsc::channel();
            ctx.set_request_repaint_callback(move |info| {
                let _ = asked.send((Instant::now(), info.delay));
            });
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| app.ui(ui));
            times.push(t.elapsed());
            // No renderer here: the fonts' texture is dropped unused.
            out.textures_delta.clear();
            black_box(out);
            assert_eq!(app.screen_name(), "library", "{:?}", app.banner());
            // The profile is opened, then the library's figures computed, in the
            // background: a frame whenever a repaint falls due (as a window draws them:
            // at once when a job ends and wakes the app, otherwise when the delay the app
            // asked for runs out) until they are shown, timing each frame (the interface
            // thread's work).
            let mut was_loading = true;
            let mut last_frame = Duration::ZERO;
            let mut shown_at = None;
            let counted = |app: &QuizApp| !app.profile_loading() && !app.figures_pending();
            if counted(&app) {
                shown_at = Some(t.elapsed());
            }
            // Then the decks' cards, read once the library shows with its figures.
            while !counted(&app) || app.cards_reading() {
                if !wait_for_repaint(&repaints) {
                    println!("  a wait for a repaint ran out (a job's wake missed?)");
                }
                let f = Instant::now();
                let cpu = thread_cpu();
                let state = (app.profile_loading(), app.figures_pending());
                let mut out = ctx.run_ui(egui::RawInput::default(), |ui| app.ui(ui));
                let took = f.elapsed();
                let cpu = thread_cpu().saturating_sub(cpu);
                longest_frame = longest_frame.max(took);
                longest_cpu = longest_cpu.max(cpu);
                if took > Duration::from_millis(16) {
                    let (loading, counting) = state;
                    println!(
                        "  a frame of {took:.1?}, {cpu:.1?} of CPU (profile being opened: \
                         {loading}, figures being counted: {counting})"
                    );
                }
                out.textures_delta.clear();
                if was_loading && !app.profile_loading() {
                    was_loading = false;
                    opened.push(t.elapsed());
                }
                if shown_at.is_none() && counted(&app) {
                    shown_at = Some(t.elapsed());
                    last_frame = took;
                }
            }
            if was_loading {
                opened.push(t.elapsed());
            }
            shown.push(shown_at.unwrap_or_else(|| t.elapsed()));
            cards.push(t.elapsed());
            if !last_frame.is_zero() {
                last_frames.push(last_frame);
            }
            // The history read for the streak goes on in the background after the first
            // frame; let it end (untimed) so runs do not pile up on the CPU.
            app.wait_for_background();
            if !cold && shown.len() == n {
                println!("  memory with the collection open: {}", memory());
                let t = Instant::now();
                quizdeck::ui::release_free_memory();
                println!(
                    "  one more release_free_memory (malloc_trim): {:.1?}",
                    t.elapsed()
                );
            }
            // Leave the profile as it was (no snapshot: nothing was answered).
            drop(app);
        }
        let mut sorted = times.clone();
        println!(
            "open ({label}): start to first frame, {n} runs: min {:.1?}, median {:.1?}, max {:.1?}",
            pct(&mut sorted, 0.0),
            pct(&mut sorted, 0.5),
            pct(&mut sorted, 1.0)
        );
        println!(
            "  … to the profile open (library drawn; with its figures when counted as it opened): min {:.1?}, median {:.1?}, max {:.1?}",
            pct(&mut opened, 0.0),
            pct(&mut opened, 0.5),
            pct(&mut opened, 1.0)
        );
        println!(
            "  … to the library's figures shown: min {:.1?}, median {:.1?}, max {:.1?}",
            pct(&mut shown, 0.0),
            pct(&mut shown, 0.5),
            pct(&mut shown, 1.0)
        );
        println!(
            "  … to the decks' cards read (what is asked for meanwhile waits for them): min {:.1?}, median {:.1?}, max {:.1?}",
            pct(&mut cards, 0.0),
            pct(&mut cards, 0.5),
            pct(&mut cards, 1.0)
        );
        println!(
            "  … of which the frame that shows them: min {:.1?}, median {:.1?}, max {:.1?}",
            pct(&mut last_frames, 0.0),
            pct(&mut last_frames, 0.5),
            pct(&mut last_frames, 1.0)
        );
        println!(
            "  longest frame meanwhile (interface thread): {longest_frame:.1?}; \
             most CPU time of the interface thread in a frame: {longest_cpu:.1?}"
        );
    };
    // QD_FRESH=1: one open only, the first thing this process does with the collection
    // (nothing read or freed before it: the memory it takes is all fresh), as a student's
    // start of the app, and as Anki's side is measured (a fresh process each time).
    if std::env::var_os("QD_FRESH").is_some() {
        if !cache.is_dir() {
            println!("  (the deck cache is built first: run once without QD_FRESH)");
        }
        run("deck cache warm, a fresh process", false, 1);
        return;
    }
    // Where the memory goes: the RSS each part adds, in a process that has held nothing
    // larger yet (read-only: no background snapshot writer and its copy of the states;
    // with the deck cache cold the decks' figure includes checking the deck).
    let rss0 = rss_kb();
    let t = Instant::now();
    let (store, _) = Store::open(
        profile,
        &OpenOptions {
            mode: OpenMode::ReadOnly,
            snapshot_every: usize::MAX,
        },
        now,
    )
    .unwrap();
    let t_store = t.elapsed();
    let rss1 = rss_kb();
    let t = Instant::now();
    let lib = quizdeck::library::Library::load(Some(&profile.join("decks")));
    let t_decks = t.elapsed();
    let rss2 = rss_kb();
    let items = lib.items(&[]);
    let rss3 = rss_kb();
    println!(
        "  memory by part: the states (Store::open) +{} MB, the decks (cache) +{} MB, \
         every item's key +{} MB",
        rss1.saturating_sub(rss0) / 1024,
        rss2.saturating_sub(rss1) / 1024,
        rss3.saturating_sub(rss2) / 1024
    );
    println!(
        "  time by part (read-only, first run): Store::open {t_store:.1?}, the decks \
         (bundled checked, imported from the cache) {t_decks:.1?}"
    );
    drop((items, lib, store));
    // The cache as a student has it after the first start (built untimed if missing).
    drop(quizdeck::library::Library::load(Some(
        &profile.join("decks"),
    )));
    run("deck cache warm", false, 5);
    run("deck cache cold", true, 2);
}

/// Waits, as a window's event loop does, until the earliest repaint asked for (each
/// request: when it was made, and the delay asked for) falls due. A second at most:
/// false when that second ran out with no repaint asked for.
fn wait_for_repaint(repaints: &std::sync::mpsc::Receiver<(Instant, Duration)>) -> bool {
    let limit = Instant::now() + Duration::from_secs(1);
    let mut due = limit;
    loop {
        let left = due.saturating_duration_since(Instant::now());
        match repaints.recv_timeout(left) {
            Ok((at, delay)) => {
                due = due.min(at.checked_add(delay).unwrap_or(due));
                if due <= Instant::now() {
                    return true;
                }
            }
            Err(_) => return due < limit,
        }
    }
}

/// The two halves of opening a profile, each alone and repeated (`QD_RUNS`, 15 by
/// default): `Store::open` (read-only) and `Library::load` (the bundled decks and the big
/// deck from the profile's deck cache), alternated; `QD_ONLY=store` or `QD_ONLY=decks`
/// runs one of them. Wall time (min / median / max) and the process's CPU time (median:
/// every thread of the part), dropping untimed.
fn parts(profile: &Path) {
    let now = base();
    let runs = env_count("QD_RUNS", 15);
    let only = std::env::var("QD_ONLY").unwrap_or_default();
    let timed = |f: &mut dyn FnMut()| {
        let (t, cpu) = (Instant::now(), process_cpu());
        f();
        (t.elapsed(), process_cpu().saturating_sub(cpu))
    };
    let (mut stores, mut decks) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        if only != "decks" {
            let mut store = None;
            stores.push(timed(&mut || {
                let opts = OpenOptions {
                    mode: OpenMode::ReadOnly,
                    snapshot_every: usize::MAX,
                };
                store = Some(Store::open(profile, &opts, now).unwrap());
            }));
            drop(black_box(store));
        }
        if only != "store" {
            let mut lib = None;
            decks.push(timed(&mut || {
                lib = Some(quizdeck::library::Library::load(Some(
                    &profile.join("decks"),
                )));
            }));
            drop(black_box(lib));
        }
    }
    for (name, v) in [("Store::open", stores), ("Library::load", decks)] {
        if v.is_empty() {
            continue;
        }
        let (mut wall, mut cpu): (Vec<_>, Vec<_>) = v.into_iter().unzip();
        println!(
            "parts: {name}, {runs} runs: wall min {:.1?}, median {:.1?}, max {:.1?}; \
             CPU (all threads) median {:.1?}",
            pct(&mut wall, 0.0),
            pct(&mut wall, 0.5),
            pct(&mut wall, 1.0),
            pct(&mut cpu, 0.5)
        );
    }
}

/// The library's figures (`ui::jobs::OverviewInput::compute`, what the library's spinner
/// waits for) counted in one pass on one thread and on two, alternated with the way they
/// were counted before (today's queue built over every item, each deck's figures on a
/// second thread meanwhile), `QD_RUNS` each (10 by default).
fn figures(profile: &Path) {
    let now = base();
    let runs = env_count("QD_RUNS", 10);
    let opts = OpenOptions {
        mode: OpenMode::ReadOnly,
        snapshot_every: usize::MAX,
    };
    let (store, _) = Store::open(profile, &opts, now).unwrap();
    let library = std::sync::Arc::new(quizdeck::library::Library::load(Some(
        &profile.join("decks"),
    )));
    let settings = quizdeck::schedule::Settings::default();
    let answers = quizdeck::session::answers_today(&store, now, offset(), &settings).unwrap();
    let states = store.states();
    // The way before: the queue over every item, the deck figures on a second thread.
    let by_queue = || {
        std::thread::scope(|s| {
            let stats = s.spawn(|| {
                quizdeck::overview::deck_stats(&library, states, now, offset(), &settings)
            });
            let today = quizdeck::session::today_from(
                library.items(&[]),
                states,
                &answers,
                &settings,
                now,
                offset(),
            );
            let stats = stats.join().unwrap();
            quizdeck::overview::build_from(&library, stats, &today, now, offset(), &settings)
        })
    };
    let (mut queue, mut one, mut two) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        black_box(by_queue());
        queue.push(t.elapsed());
        for (two_threads, v) in [(false, &mut one), (true, &mut two)] {
            let input = quizdeck::ui::jobs::OverviewInput {
                library: library.clone(),
                states: states.clone(),
                answers: Ok(answers.clone()),
                settings: settings.clone(),
                now,
                offset: offset(),
            };
            let t = Instant::now();
            black_box(input.compute(two_threads));
            v.push(t.elapsed());
        }
    }
    for (name, v) in [
        ("today's queue built, deck figures beside it", &mut queue),
        ("one pass, one thread", &mut one),
        ("one pass, two threads", &mut two),
    ] {
        println!(
            "figures ({name}), {runs} runs: min {:.1?}, median {:.1?}, p90 {:.1?}, max {:.1?}",
            pct(v, 0.0),
            pct(v, 0.5),
            pct(v, 0.9),
            pct(v, 1.0)
        );
    }
}

/// A practice test generated from the collection's 100k-card deck, as "Start" does on
/// the interface thread: `QD_RUNS` seeds (5 by default) for 20 questions (the default)
/// and for 200 (the most a test asks).
fn test(profile: &Path) {
    let runs = env_count("QD_RUNS", 5);
    let library = quizdeck::library::Library::load(Some(&profile.join("decks")));
    let big = (library.decks.iter())
        .max_by_key(|d| d.deck.cards.len())
        .map(|d| &d.deck)
        .unwrap();
    // Times `work` once per seed and says min, median and max after `what`.
    let timed = |what: String, work: &mut dyn FnMut(u64)| {
        let mut times: Vec<Duration> = (0..runs as u64)
            .map(|seed| {
                let t = Instant::now();
                work(seed);
                t.elapsed()
            })
            .collect();
        println!(
            "{what} from {} cards, {runs} seeds: min {:.1?}, median {:.1?}, max {:.1?}",
            big.cards.len(),
            pct(&mut times, 0.0),
            pct(&mut times, 0.5),
            pct(&mut times, 1.0)
        );
    };
    for count in [20, 200] {
        let opts = quizdeck::quiz::TestOptions {
            question_count: count,
            kinds: quizdeck::quiz::QuestionKind::ALL.to_vec(),
        };
        timed(format!("test: {count} questions"), &mut |seed| {
            let test = quizdeck::quiz::generate(&[big], &opts, seed).unwrap();
            assert!(!test.questions.is_empty());
        });
    }
    timed("match game: 8 pairs".into(), &mut |seed| {
        black_box(quizdeck::match_game::pick_pairs(&[big], 8, seed));
    });
}

fn browse(profile: &Path) {
    let opts = OpenOptions {
        mode: OpenMode::ReadOnly,
        snapshot_every: usize::MAX,
    };
    let (store, _) = Store::open(profile, &opts, base()).unwrap();
    let mut times = Vec::new();
    let mut found = 0;
    for i in 0..300 {
        let k = key(i * 331 % STATES);
        let t = Instant::now();
        let h = store.item_history(&k).unwrap();
        times.push(t.elapsed());
        found += h.len();
    }
    println!(
        "browse: one item's history at {ANSWERS} answers, 300 items ({found} answers): p50 {:.2?}, p99 {:.2?}",
        pct(&mut times, 0.5),
        pct(&mut times, 0.99)
    );
    let t = Instant::now();
    let all = store.history().unwrap();
    let k = key(7);
    let n = all.iter().filter(|e| e.key == k).count();
    println!(
        "  the full history read it replaces: {:.2?} ({} answers, {n} for one item)",
        t.elapsed(),
        all.len()
    );
    let files = std::fs::read_dir(&store.paths().history).unwrap().count();
    println!("  history folder: {files} files");
}

fn today(profile: &Path) {
    // A copy of the profile with 300 answers given this morning: 200 of them already
    // archived by a snapshot, 100 in the journal.
    let work = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let copy = work.path().join("p");
    copy_dir(profile, &copy);
    let profile = copy.as_path();
    let now = base();
    {
        let (mut store, _) = Store::open(profile, &OpenOptions::default(), now).unwrap();
        for n in 0..300usize {
            let at = now - TimeDelta::hours(4) + TimeDelta::seconds(n as i64 * 30);
            let k = key(n * 97 % STATES);
            let before = store.state(&k).cloned();
            let entry = ReviewEntry {
                key: k,
                rating: Rating::Good,
                at,
                duration_ms: 4000,
                phase: Phase::Review,
            };
            store.record_answer(entry, before, state(n, at, 9)).unwrap();
            if n == 199 {
                store.snapshot(at).unwrap();
            }
        }
        store.wait_for_snapshot();
        drop(store);
    }
    let opts = OpenOptions {
        mode: OpenMode::ReadOnly,
        snapshot_every: usize::MAX,
    };
    let (store, _) = Store::open(profile, &opts, now).unwrap();
    let lib = quizdeck::library::Library::load(Some(&profile.join("decks")));
    let items = lib.items(&[]);
    let settings = Settings::default();
    let figures = quizdeck::session::today(&items, &store, &settings, now, offset()).unwrap();
    assert_eq!(
        figures.done.reviews, 300,
        "this morning's answers are all found"
    );
    let (mut t_today, mut t_states, mut t_full) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..20 {
        let t = Instant::now();
        black_box(quizdeck::session::today(&items, &store, &settings, now, offset()).unwrap());
        t_today.push(t.elapsed());
        let t = Instant::now();
        black_box(quizdeck::stats::from_states(
            &items,
            store.states(),
            now,
            offset(),
            settings.day_cutoff_hour,
        ));
        t_states.push(t.elapsed());
        let t = Instant::now();
        black_box(store.history().unwrap().len());
        t_full.push(t.elapsed());
    }
    println!(
        "today: session::today over {} items at {ANSWERS} answers, 20 runs: p50 {:.2?}, p99 {:.2?}",
        items.len(),
        pct(&mut t_today, 0.5),
        pct(&mut t_today, 0.99)
    );
    println!(
        "  statistics from the states (a background job from 5,000 cards, as the screen runs it): p50 {:.2?}, p99 {:.2?}",
        pct(&mut t_states, 0.5),
        pct(&mut t_states, 0.99)
    );
    println!(
        "  the full history read they replaced (interleaved): p50 {:.2?}, p99 {:.2?}",
        pct(&mut t_full, 0.5),
        pct(&mut t_full, 0.99)
    );
    // What now runs on another thread from 5,000 cards: a session's queue ("Study now"
    // over every item) and the browse index.
    let (mut t_session, mut t_index) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        black_box(Session::start(items.clone(), &store, &settings, now, offset()).unwrap());
        t_session.push(t.elapsed());
        let t = Instant::now();
        black_box(quizdeck::browse::Index::build(
            &lib,
            store.states(),
            now,
            offset(),
            settings.day_cutoff_hour,
        ));
        t_index.push(t.elapsed());
    }
    let median_max = |what: &str, v: &mut Vec<Duration>| {
        let (m, x) = (pct(v, 0.5), pct(v, 1.0));
        println!("  {what} (background job), 5 runs: median {m:.2?}, max {x:.2?}");
    };
    median_max(
        &format!("Session::start over {} items", items.len()),
        &mut t_session,
    );
    median_max("browse::Index::build", &mut t_index);
    // Browse's search, on the interface thread at every keystroke: the query as it is
    // typed, letter by letter, with the default order and the order by due date.
    let index = quizdeck::browse::Index::build(
        &lib,
        store.states(),
        now,
        offset(),
        settings.day_cutoff_hour,
    );
    let mut t_select = Vec::new();
    for sort in [
        quizdeck::browse::SortBy::Deck,
        quizdeck::browse::SortBy::Due,
    ] {
        let typed = "question number 4217";
        for n in 0..=typed.len() {
            let q = quizdeck::browse::Query {
                text: typed[..n].to_owned(),
                sort,
                ..Default::default()
            };
            let t = Instant::now();
            black_box(index.select(&q));
            t_select.push(t.elapsed());
        }
    }
    println!(
        "  browse search over {} rows, each keystroke of \"question number 4217\" (interface thread), {} runs: p50 {:.2?}, max {:.2?}",
        index.rows.len(),
        t_select.len(),
        pct(&mut t_select, 0.5),
        pct(&mut t_select, 1.0)
    );
    let mut t_bg = Vec::new();
    for _ in 0..5 {
        let reader = store.history_reader();
        let t = Instant::now();
        let h = reader.history().unwrap();
        black_box(quizdeck::stats::from_history(
            &h,
            &[],
            now,
            offset(),
            settings.day_cutoff_hour,
        ));
        t_bg.push(t.elapsed());
    }
    println!(
        "  statistics from the history (background thread), 5 runs: median {:.2?}, max {:.2?}",
        pct(&mut t_bg, 0.5),
        pct(&mut t_bg, 1.0)
    );
}

/// The resident memory of this process in kB (Linux; 0 elsewhere).
fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    (status.lines())
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Peak and current resident memory of this process (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map_or("?".to_owned(), |l| l[name.len()..].trim().to_owned())
    };
    format!(
        "RSS (VmRSS) {}, peak of the process so far (VmHWM) {}",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let p = e.path();
        let name = e.file_name();
        if name == "lock" || name == "lock-owner.txt" {
            continue;
        }
        if p.is_dir() {
            copy_dir(&p, &dst.join(name));
        } else {
            std::fs::copy(&p, dst.join(name)).unwrap();
        }
    }
}

fn main() {
    // As the program does at its start.
    quizdeck::ui::fixed_mmap_threshold();
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    let (data, profile) = collection();
    if want("answer") {
        answer_path(&profile);
    }
    if want("open") {
        open(&data, &profile);
    }
    if want("parts") {
        parts(&profile);
    }
    if want("figures") {
        figures(&profile);
    }
    if want("browse") {
        browse(&profile);
    }
    if want("today") {
        today(&profile);
    }
    if want("test") {
        test(&profile);
    }
}
