//! Fuzz target: see `quizdeck_core::fuzzing::answer_check`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck_core::fuzzing::answer_check(data));
