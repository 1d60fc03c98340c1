//! Integration tests, compiled as one binary. Each module says what belongs in it.

mod suite {
    mod architecture;
    mod cli;
    mod deck_lint;
    mod exam;
    mod fuzz_regressions;
    mod hostile;
    mod progress_report;
    mod quiz_gen;
    mod roundtrip;
    mod schedule_properties;
    mod schedule_queue;
    mod schedule_reference;
    mod schedule_revlog;
    mod store_api;
    mod store_recovery;
    mod ui;
}
