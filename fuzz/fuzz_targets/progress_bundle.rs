//! Fuzz target: see `quizdeck_core::fuzzing::progress_bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck_core::fuzzing::progress_bundle(data));
