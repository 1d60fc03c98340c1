//! Fuzz target: see `quizdeck_core::fuzzing::package`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| quizdeck_core::fuzzing::scratch_dir("package"))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck_core::fuzzing::package(data, scratch()));
