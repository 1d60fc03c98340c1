//! Fuzz target: see `quizdeck::fuzzing::answer_check`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::answer_check(data));
