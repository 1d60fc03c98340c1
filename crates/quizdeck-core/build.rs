//! Embeds the bundled decks (`decks/*.ron`) in the binary, so the app works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The manifest folder as Cargo gives it when the script runs (not when it was compiled):
    // a build folder moved or shared between checkouts must still find this checkout's decks.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../decks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = files_with(&dir, "ron");
    assert!(
        !files.is_empty(),
        "no bundled deck (*.ron) found in {}",
        dir.display()
    );
    let mut out = String::from(
        "/// Bundled deck files: (file name, text).\npub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("deck.ron");
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
    // The pictures of the bundled decks (`decks/maps/*.png`), by their path relative to
    // the deck folder, as the cards name them.
    let maps = dir.join("maps");
    println!("cargo:rerun-if-changed={}", maps.display());
    let pictures = files_with(&maps, "png");
    out.push_str(
        "/// Bundled deck pictures: (path relative to the deck folder, PNG bytes).\npub static PICTURES: &[(&str, &[u8])] = &[\n",
    );
    for f in &pictures {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("map.png");
        let _ = writeln!(
            out,
            "    (\"maps/{name}\", include_bytes!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_decks.rs");
    std::fs::write(dest, out).expect("write bundled deck list");
}

/// The files of `dir` with the extension `ext`, sorted (none when it cannot be read).
fn files_with(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
