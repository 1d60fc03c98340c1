//! Embeds the bundled decks (`decks/*.ron`) in the binary, so the app works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The manifest folder as Cargo gives it when the script runs (not when it was compiled):
    // a build folder moved or shared between checkouts must still find this checkout's decks.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../decks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_else(|e| panic!("cannot read the bundled decks in {}: {e}", dir.display()));
    files.sort();
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
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_decks.rs");
    std::fs::write(dest, out).expect("write bundled deck list");
}
