//! Integration tests, compiled as one binary. Each module says what belongs in it.

mod suite {
    mod architecture;
    mod cli;
    mod roundtrip;
}
