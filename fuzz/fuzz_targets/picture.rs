//! Fuzz target: see `quizdeck::fuzzing::picture`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::picture(data));
