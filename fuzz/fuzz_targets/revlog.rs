//! Fuzz target: see `quizdeck::fuzzing::revlog`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quizdeck::fuzzing::revlog(data));
