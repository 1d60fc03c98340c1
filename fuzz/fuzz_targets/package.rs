//! Fuzz target: see `quizdeck::fuzzing::package`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

/// A folder of this process on a RAM disk when there is one (the target writes files).
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = std::path::Path::new("/dev/shm");
        let base = if base.is_dir() {
            base.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        base.join(format!("quizdeck-fuzz-package-{}", std::process::id()))
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::package(data, scratch()));
