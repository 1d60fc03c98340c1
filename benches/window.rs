//! The real program's window, timed from outside (issue 14: "the window shows within
//! 100 ms whatever is still loading").
//!
//! Each run starts the release program as a student does and waits, as an X client of
//! its own, for the X server to report the program's window mapped (shown): the time is
//! taken from just before the process is started, so the process's start (the dynamic
//! linker, X11, the GL stack) counts, and so do the first frame's painting and the
//! buffer swap, which eframe does before it shows the window. The program's own
//! `QUIZDECK_TIMING` figures (from its `main`, the first frame counted when its pass
//! ends) are printed beside it.
//!
//! Needs an X display: `Xvfb :77 -screen 0 1280x800x24 & DISPLAY=:77 cargo bench --bench
//! window`. Without one it says so and does nothing.
//!
//! * `QD_BINS`: `name=path,name=path` (default: this build's `quizdeck`): the programs,
//!   run alternately, one to one.
//! * `QD_GL`: `name,name`: the programs of `QD_BINS` run with `QUIZDECK_RENDERER=gl`
//!   (eframe's OpenGL window; by default the window is drawn by the processor), so the
//!   same build can be timed both ways.
//! * `QD_DATA`: the data folder each program starts on, copied once for each program so
//!   that two builds never share a deck cache (default: the `collection` bench's big
//!   collection if it was built, else a new folder with the bundled decks).
//! * `QD_RUNS` (default 12) runs of each program; `QD_HOLD` seconds (default 1.5) each
//!   runs before it is ended (its profile open and its figures counted).

#[cfg(target_os = "linux")]
fn main() {
    linux::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("window: measured on Linux under X only");
}

#[cfg(target_os = "linux")]
mod linux {
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};
    use x11rb::connection::Connection;
    use x11rb::protocol::Event;
    use x11rb::protocol::xproto::{ChangeWindowAttributesAux, ConnectionExt, EventMask};

    /// One program under test.
    struct Program {
        name: String,
        bin: PathBuf,
        /// Run with `QUIZDECK_RENDERER=gl` (`QD_GL`).
        gl: bool,
        data: tempfile::TempDir,
        /// Milliseconds from the start of the process to its window mapped.
        mapped: Vec<f64>,
    }

    pub(super) fn main() {
        if std::env::var_os("DISPLAY").is_none() {
            println!(
                "window: no X display; run under Xvfb, e.g. `Xvfb :77 -screen 0 1280x800x24 & \
                 DISPLAY=:77 cargo bench --bench window`"
            );
            return;
        }
        let runs: usize = env_or("QD_RUNS", 12);
        let hold = Duration::from_secs_f64(env_or("QD_HOLD", 1.5));
        let source = data_source();
        let mut programs: Vec<Program> = bins()
            .into_iter()
            .map(|(name, bin)| {
                let data = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
                if let Some(source) = &source {
                    copy_dir(source, data.path());
                }
                Program {
                    gl: std::env::var("QD_GL").is_ok_and(|list| list.split(',').any(|n| n == name)),
                    name,
                    bin,
                    data,
                    mapped: Vec::new(),
                }
            })
            .collect();
        println!(
            "window: {} run(s) of each program, alternated, data {}",
            runs,
            source
                .as_deref()
                .map_or("new (bundled decks)".into(), |p| p.display().to_string())
        );
        // A first start of each program, not counted: the first start after a build
        // (files not yet in the page cache) and the first open of its data (the deck
        // cache written).
        for p in &programs {
            let _ = start_once(p, hold);
        }
        for run in 1..=runs {
            for p in &mut programs {
                match start_once(p, hold) {
                    Ok((ms, said)) => {
                        println!(
                            "  {run:>3} {:<12} window shown {ms:>6.1} ms   {said}",
                            p.name
                        );
                        p.mapped.push(ms);
                    }
                    Err(e) => println!("  {run:>3} {:<12} {e}", p.name),
                }
            }
        }
        for p in &mut programs {
            let v = &mut p.mapped;
            if v.is_empty() {
                continue;
            }
            v.sort_by(f64::total_cmp);
            let pct = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
            println!(
                "{:<12} window shown: p50 {:.1} ms, p99 {:.1} ms, min {:.1}, max {:.1}; \
                 within 100 ms in {} of {}",
                p.name,
                pct(0.5),
                pct(0.99),
                v[0],
                v[v.len() - 1],
                v.iter().filter(|&&ms| ms <= 100.0).count(),
                v.len()
            );
        }
    }

    /// Starts the program once; the milliseconds to its window mapped and what it said
    /// of its own timing.
    fn start_once(p: &Program, hold: Duration) -> Result<(f64, String), String> {
        let (conn, screen) = x11rb::connect(None).map_err(|e| e.to_string())?;
        let root = conn.setup().roots[screen].root;
        conn.change_window_attributes(
            root,
            &ChangeWindowAttributesAux::new().event_mask(EventMask::SUBSTRUCTURE_NOTIFY),
        )
        .map_err(|e| e.to_string())?
        .check()
        .map_err(|e| e.to_string())?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            while let Ok(event) = conn.wait_for_event() {
                if let Event::MapNotify(_) = event {
                    let _ = tx.send(Instant::now());
                    return;
                }
            }
        });
        let started = Instant::now();
        let mut child = Command::new(&p.bin)
            .env("QUIZDECK_DATA", p.data.path())
            .env("QUIZDECK_TIMING", "1")
            .env("QUIZDECK_RENDERER", if p.gl { "gl" } else { "software" })
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{}: {e}", p.bin.display()))?;
        let mapped = rx.recv_timeout(Duration::from_secs(20));
        std::thread::sleep(hold);
        let _ = child.kill();
        let mut said = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = err.read_to_string(&mut said);
        }
        let _ = child.wait();
        // The ended process's memory is given back before the next one starts.
        std::thread::sleep(Duration::from_millis(500));
        let said = said.lines().collect::<Vec<_>>().join("; ");
        match mapped {
            Ok(at) => Ok(((at - started).as_secs_f64() * 1000.0, said)),
            Err(_) => Err(format!("no window within 20 s ({said})")),
        }
    }

    /// The programs of `QD_BINS`, or this build's.
    fn bins() -> Vec<(String, PathBuf)> {
        match std::env::var("QD_BINS") {
            Ok(list) => list
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|pair| match pair.split_once('=') {
                    Some((name, path)) => (name.to_string(), PathBuf::from(path)),
                    None => (pair.to_string(), PathBuf::from(pair)),
                })
                .collect(),
            Err(_) => vec![("quizdeck".into(), env!("CARGO_BIN_EXE_quizdeck").into())],
        }
    }

    /// `QD_DATA`, or the `collection` bench's collection once it is built.
    fn data_source() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("QD_DATA") {
            return Some(dir.into());
        }
        let built = Path::new(env!("CARGO_TARGET_TMPDIR")).join("collection-100k-70k-1m-v1");
        built.join("ready").exists().then_some(built)
    }

    fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
}
