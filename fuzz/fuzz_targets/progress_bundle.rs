//! Fuzz target: see `quizdeck::fuzzing::progress_bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::progress_bundle(data));
