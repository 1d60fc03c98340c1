//! The command line against hostile files at full size and special files: pipes refused
//! without blocking, `-o` through links and to standard output, diagnostics capped and
//! `check --json` still valid JSON, spreadsheets over the cap refused before reading.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs quizdeck in `dir`; fails the test (killing the child) if it takes over 20 s.
fn quizdeck_in(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run quizdeck");
    let start = Instant::now();
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Output {
                status,
                stdout: out.join().unwrap(),
                stderr: err.join().unwrap(),
            };
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            panic!("quizdeck {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo")
        .arg(p)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_blocking() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("deck.ron");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let o = quizdeck_in(d.path(), &["check", "deck.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stdout).contains("named pipe"),
        "{}",
        text(&o.stdout)
    );
    let o = quizdeck_in(
        d.path(),
        &[
            "import",
            "deck.ron",
            "--deck-id",
            "x",
            "--title",
            "X",
            "-o",
            "out.ron",
        ],
    );
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("named pipe"),
        "{}",
        text(&o.stderr)
    );
    assert!(!d.path().join("out.ron").exists());
    let o = quizdeck_in(d.path(), &["check", "/dev/zero"]);
    assert!(text(&o.stdout).contains("a device"), "{}", text(&o.stdout));
}

#[cfg(unix)]
#[test]
fn output_goes_through_links_to_standard_output_and_never_replaces_a_pipe() {
    let d = tempfile::tempdir().unwrap();
    let id = quizdeck::deck::bundled::check_all()
        .into_iter()
        .find_map(|c| c.deck)
        .expect("a bundled deck")
        .id;
    let id = id.as_str();
    std::fs::create_dir(d.path().join("real")).unwrap();
    std::os::unix::fs::symlink("real/deck.json", d.path().join("link.json")).unwrap();
    let o = quizdeck_in(d.path(), &["export", id, "-o", "link.json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let link = std::fs::symlink_metadata(d.path().join("link.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let written = std::fs::read_to_string(d.path().join("real/deck.json")).unwrap();
    assert!(written.contains(id));
    for name in ["-", "/dev/stdout"] {
        let o = quizdeck_in(d.path(), &["export", id, "-o", name]);
        assert!(o.status.success(), "{name}: {}", text(&o.stderr));
        assert_eq!(text(&o.stdout), written, "{name}");
    }
    let fifo = d.path().join("pipe");
    if mkfifo(&fifo) {
        let o = quizdeck_in(d.path(), &["export", id, "-o", "pipe"]);
        assert!(!o.status.success());
        assert!(
            text(&o.stderr).contains("not a regular file"),
            "{}",
            text(&o.stderr)
        );
        let t = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_fifo(&t),
            "the pipe is still there"
        );
    }
}

#[test]
fn check_json_of_a_deck_with_thousands_of_errors_is_capped_and_valid() {
    let d = tempfile::tempdir().unwrap();
    let mut deck = String::from("Deck(format: 1, id: \"many\", title: \"Many\", cards: [\n");
    for i in 0..3000 {
        deck.push_str(&format!(
            "    Card(id: \"c{i}\", kind: Basic(front: \"Question {i}\", back: \"\")),\n"
        ));
    }
    deck.push_str("])\n");
    std::fs::write(d.path().join("a.ron"), &deck).unwrap();
    std::fs::write(
        d.path().join("b.ron"),
        deck.replace("\"many\"", "\"many-b\""),
    )
    .unwrap();
    let o = quizdeck_in(d.path(), &["check", "--json", "a.ron", "b.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    for f in files {
        let diags = f["diagnostics"].as_array().unwrap();
        assert_eq!(diags.len(), 1001);
        let last = diags.last().unwrap();
        assert_eq!(last["code"], "more-problems");
        assert!(
            last["message"]
                .as_str()
                .unwrap()
                .starts_with("2000 more errors and 0 more warnings"),
            "{last}"
        );
    }
    let o = quizdeck_in(d.path(), &["check", "a.ron"]);
    let out = text(&o.stdout);
    assert_eq!(out.matches("error[empty-text]").count(), 1000);
    assert!(out.contains("error[more-problems]"));
}

#[test]
fn a_spreadsheet_over_the_cap_is_refused_before_reading() {
    let d = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(d.path().join("big.csv")).unwrap();
    f.set_len(quizdeck::import_export::MAX_CSV_BYTES + 1)
        .unwrap(); // sparse
    let o = quizdeck_in(
        d.path(),
        &[
            "import",
            "big.csv",
            "--deck-id",
            "x",
            "--title",
            "X",
            "-o",
            "out.ron",
        ],
    );
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("limited to 16 MiB"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn two_decks_with_one_id_are_a_warning_and_the_library_says_which_file_won() {
    let d = tempfile::tempdir().unwrap();
    let deck = |id: &str, front: &str| {
        format!(
            "Deck(format: 1, id: \"{id}\", title: \"T\", cards: [\n    Card(id: \"a\", kind: Basic(front: \"{front}\", back: \"b\")),\n])\n"
        )
    };
    std::fs::write(d.path().join("a.ron"), deck("same", "one")).unwrap();
    std::fs::write(d.path().join("b.ron"), deck("same", "two")).unwrap();
    let bundled = quizdeck::deck::bundled::check_all()
        .into_iter()
        .find(|c| c.deck.is_some())
        .unwrap();
    let bundled_id = bundled.deck.as_ref().unwrap().id.as_str().to_owned();
    // A teacher's fixed edition of a bundled deck: a newer version, which the library uses.
    let newer = bundled.deck.as_ref().unwrap().version + 1;
    std::fs::write(
        d.path().join("c.ron"),
        deck(&bundled_id, "three").replace("title:", &format!("version: {newer}, title:")),
    )
    .unwrap();
    // The bundled deck's own source file is not a rival.
    std::fs::write(d.path().join("d.ron"), &bundled.text).unwrap();
    let o = quizdeck_in(d.path(), &["check", "a.ron", "b.ron", "c.ron"]);
    assert!(o.status.success(), "warnings only");
    let out = text(&o.stdout);
    assert_eq!(
        out.matches("warning[duplicate-deck-id]").count(),
        2,
        "{out}"
    );
    assert!(out.contains("also used by a.ron"), "{out}");
    assert!(out.contains("b.ron:1:"), "{out}");
    assert!(out.contains("bundled deck"), "{out}");
    let o = quizdeck_in(d.path(), &["check", "d.ron"]);
    assert!(
        !text(&o.stdout).contains("duplicate-deck-id"),
        "{}",
        text(&o.stdout)
    );

    std::fs::remove_file(d.path().join("d.ron")).unwrap();
    let lib = quizdeck::library::Library::load(Some(d.path()));
    let notes: Vec<String> = lib.notes.iter().map(|n| n.english()).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("replaces the bundled deck"))
    );
    let two = notes.iter().find(|n| n.contains("Two deck files")).unwrap();
    let used = lib
        .decks
        .iter()
        .find(|x| x.deck.id.as_str() == "same")
        .unwrap();
    let quizdeck::library::DeckOrigin::Imported(p) = &used.origin else {
        panic!("imported")
    };
    assert!(two.contains(&format!("{} is used", p.display())), "{two}");
}

#[test]
fn profiles_are_found_by_exact_name_first_and_ambiguity_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().to_str().unwrap();
    for name in ["Änna", "anna"] {
        let o = quizdeck_in(d.path(), &["--data-dir", data, "profiles", "create", name]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let o = quizdeck_in(
        d.path(),
        &["--data-dir", data, "profiles", "create", "ANNA"],
    );
    assert!(!o.status.success(), "unique regardless of case");
    assert!(
        text(&o.stderr).contains("already exists"),
        "{}",
        text(&o.stderr)
    );
    let profiles = quizdeck::store::Profiles::new(d.path());
    assert_eq!(profiles.find("anna").unwrap().display_name, "anna");
    assert_eq!(profiles.find("Änna").unwrap().slug, "anna");
    assert_eq!(profiles.find("anna-2").unwrap().display_name, "anna");
    match profiles.find("ÄNNA") {
        Err(quizdeck::store::StoreError::AmbiguousProfile { candidates, .. }) => {
            assert_eq!(candidates.len(), 2, "{candidates:?}")
        }
        other => panic!("{other:?}"),
    }
    // A teacher can report and export while the student's window holds the profile.
    let info = profiles.find("anna").unwrap();
    let (held, _) =
        quizdeck::store::Store::open(&info.dir, &Default::default(), chrono::Utc::now()).unwrap();
    assert!(!held.read_only());
    let o = quizdeck_in(
        d.path(),
        &[
            "--data-dir",
            data,
            "report",
            "--profile",
            "anna",
            "-o",
            "r.csv",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(d.path().join("r.csv").is_file());
    let o = quizdeck_in(
        d.path(),
        &[
            "--data-dir",
            data,
            "progress",
            "export",
            "--profile",
            "anna",
            "-o",
            "p.qdp",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = quizdeck_in(
        d.path(),
        &[
            "--data-dir",
            data,
            "report",
            "--profile",
            "ÄNNA",
            "-o",
            "x.csv",
        ],
    );
    assert!(
        text(&o.stderr).contains("several profiles"),
        "{}",
        text(&o.stderr)
    );
    drop(held);
}
