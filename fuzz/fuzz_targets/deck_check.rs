//! Fuzz target: see `quizdeck::fuzzing::deck_check`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::deck_check(data));
