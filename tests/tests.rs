//! Integration tests, compiled as one binary. Each module says what belongs in it.

mod common;

mod suite {
    mod architecture;
    mod cli;
    mod cli_hostile;
    mod cli_interop;
    mod cli_teacher;
    mod damaged_profiles;
    mod deck_lint;
    mod exam;
    mod exam_format;
    mod fuzz_regressions;
    mod hostile;
    mod packages;
    mod progress_report;
    mod quiz_gen;
    mod roundtrip;
    mod schedule_cli;
    mod schedule_properties;
    mod schedule_queue;
    mod schedule_reference;
    mod schedule_revlog;
    mod session_clock;
    mod store_api;
    mod store_concurrency;
    mod store_faults;
    mod store_recovery;
    mod teacher_edits;
    mod ui;
    mod ui_big;
    mod ui_damaged;
    mod ui_editor;
    mod ui_i18n;
    mod ui_import;
    mod ui_library;
    mod ui_locate;
    mod ui_pickers;
    mod ui_question;
    mod ui_study;
    mod ui_teacher;
}
