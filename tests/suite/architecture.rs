//! Architecture rules that must keep holding: the domain never imports egui or eframe,
//! only the scheduling adapter names the `fsrs` crate, `anyhow` stays in `main.rs`, and the
//! domain never reads the clock.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// (path relative to the package, text without `//` comments)
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 5, "found too few source files: {files:?}");
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text: String = std::fs::read_to_string(&p)
                .unwrap()
                .lines()
                .map(|l| match l.find("//") {
                    Some(i) => &l[..i],
                    None => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            (rel, text)
        })
        .collect()
}

fn offenders(allowed: impl Fn(&str) -> bool, patterns: &[&str]) -> Vec<String> {
    sources()
        .into_iter()
        .filter(|(rel, _)| !allowed(rel))
        .filter_map(|(rel, text)| {
            patterns
                .iter()
                .find(|p| text.contains(*p))
                .map(|p| format!("{rel} uses {p}"))
        })
        .collect()
}

fn is_ui(rel: &str) -> bool {
    rel.starts_with("src/ui/") || rel == "src/ui.rs" || rel == "src/main.rs"
}

#[test]
fn domain_modules_never_import_egui() {
    let bad = offenders(is_ui, &["egui", "eframe"]);
    assert!(bad.is_empty(), "egui/eframe outside src/ui/: {bad:?}");
}

#[test]
fn the_check_itself_can_fail() {
    // The scanner must see a use of egui where there is one.
    let found = offenders(|rel| !rel.starts_with("src/ui/"), &["egui"]);
    let has_ui = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/ui")
        .exists();
    assert_eq!(!found.is_empty(), has_ui, "{found:?}");
}

#[test]
fn only_the_adapter_names_the_fsrs_crate() {
    let bad = offenders(
        |rel| rel == "src/schedule/fsrs_adapter.rs",
        &["fsrs::", "use fsrs"],
    );
    assert!(bad.is_empty(), "fsrs outside its adapter: {bad:?}");
}

#[test]
fn anyhow_stays_in_main() {
    let bad = offenders(|rel| rel == "src/main.rs", &["anyhow"]);
    assert!(bad.is_empty(), "anyhow outside main.rs: {bad:?}");
}

#[test]
fn the_domain_never_reads_the_clock() {
    let bad = offenders(
        is_ui,
        &[
            "Utc::now()",
            "Local::now()",
            "SystemTime::now()",
            "Instant::now()",
        ],
    );
    assert!(bad.is_empty(), "clock read in the domain: {bad:?}");
}
