//! Architecture rules that must keep holding: the engine crate (`crates/quizdeck-core`)
//! has no egui or eframe dependency and never names them, only the scheduling adapter names
//! the `fsrs` crate, `anyhow` stays in the binary, the engine never reads the clock, no
//! source file grows over about 800 lines of code without its reason at the top, and
//! `ARCHITECTURE.md` has a row for every module file and none for a file that is gone.

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

/// The engine crate's folder, relative to the repository root.
const CORE: &str = "crates/quizdeck-core";

/// (path relative to the repository root, text without `//` comments), for the app's
/// `src/` and the engine's `crates/quizdeck-core/src/`.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join(CORE).join("src"), &mut files);
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

/// Everything outside the engine crate: the app's interface, the command line, the binary.
fn is_app(rel: &str) -> bool {
    !rel.starts_with(CORE)
}

#[test]
fn the_engine_crate_has_no_ui_dependency() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(CORE)
            .join("Cargo.toml"),
    )
    .unwrap();
    let deps: Vec<&str> = manifest
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter(|l| l.contains("egui") || l.contains("eframe") || l.contains("winit"))
        .collect();
    assert!(
        deps.is_empty(),
        "the engine crate depends on the UI: {deps:?}"
    );
}

#[test]
fn engine_modules_never_name_egui() {
    let bad = offenders(is_app, &["egui", "eframe"]);
    assert!(bad.is_empty(), "egui/eframe named in the engine: {bad:?}");
}

#[test]
fn the_check_itself_can_fail() {
    // The scanner must see a use of egui where there is one (the app's interface).
    let found = offenders(|rel| !rel.starts_with("src/ui/"), &["egui"]);
    let has_ui = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/ui")
        .exists();
    assert_eq!(!found.is_empty(), has_ui, "{found:?}");
}

#[test]
fn only_the_adapter_names_the_fsrs_crate() {
    let bad = offenders(
        |rel| rel == "crates/quizdeck-core/src/schedule/fsrs_adapter.rs",
        &["fsrs::", "use fsrs"],
    );
    assert!(bad.is_empty(), "fsrs outside its adapter: {bad:?}");
}

#[test]
fn anyhow_stays_in_the_binary() {
    let bad = offenders(
        |rel| rel == "src/main.rs" || rel.starts_with("src/cli/"),
        &["anyhow"],
    );
    assert!(bad.is_empty(), "anyhow outside the binary: {bad:?}");
}

#[test]
fn the_engine_never_reads_the_clock() {
    let bad = offenders(
        is_app,
        &[
            "Utc::now()",
            "Local::now()",
            "SystemTime::now()",
            "Instant::now()",
        ],
    );
    assert!(bad.is_empty(), "clock read in the domain: {bad:?}");
}

/// Lines of code in `text` (comments already removed): lines that are not blank, before
/// the file's unit tests (`#[cfg(test)]` then `mod tests`).
fn code_lines(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let end = (lines.windows(2))
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod tests"))
        .unwrap_or(lines.len());
    lines[..end].iter().filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn no_source_file_is_over_800_lines_of_code_without_its_reason_at_the_top() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut big = Vec::new();
    let mut counted_large = 0;
    for (rel, text) in sources() {
        let n = code_lines(&text);
        // "About 800": a little room so a file near the limit does not fail on one edit.
        if n <= 850 {
            continue;
        }
        counted_large += 1;
        let raw = std::fs::read_to_string(root.join(&rel)).unwrap();
        let head: String = raw.lines().take(40).collect::<Vec<_>>().join("\n");
        if !head.contains("Why one file over 800 lines") {
            big.push(format!("{rel}: {n} lines of code"));
        }
    }
    // The count itself works: `fuzzing.rs` (its reason at its top) is over the limit.
    assert!(counted_large >= 1, "the line count found no large file");
    assert!(
        big.is_empty(),
        "split these by concern, or say why at the top: {big:?}"
    );
}

/// The paths in the first column of `ARCHITECTURE.md`'s tables (`` | `path` | … ``).
fn architecture_rows() -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(path, _)| path.to_owned()))
        .collect()
}

#[test]
fn architecture_md_has_a_row_for_every_module_file_and_no_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = architecture_rows();
    // The engine's rows name files from its `src/` (and its `build.rs`), the app's from
    // the repository root; a tool's row names a folder.
    let exists = |row: &str| {
        root.join(CORE).join("src").join(row).exists()
            || root.join(CORE).join(row).exists()
            || root.join(row).exists()
    };
    let gone: Vec<&String> = rows.iter().filter(|r| !exists(r)).collect();
    let missing: Vec<String> = sources()
        .into_iter()
        .map(|(rel, _)| rel)
        .filter(|rel| {
            let engine = rel.strip_prefix(&format!("{CORE}/src/"));
            !rows.iter().any(|r| Some(r.as_str()) == engine || r == rel)
        })
        .collect();
    assert!(rows.len() > 50, "found too few rows: {rows:?}");
    assert!(
        missing.is_empty(),
        "module files without their line in ARCHITECTURE.md: {missing:?}"
    );
    assert!(
        gone.is_empty(),
        "ARCHITECTURE.md names files that do not exist: {gone:?}"
    );
}
