#!/usr/bin/env bash
# Writes the size-scaled corpus (worst-case inputs of 1, 4 and 10 MiB per target, from
# `quizdeck_core::fuzzing::size_scaled`) into fuzz/corpus-large/<target>/ (not kept in git),
# and the seeds of targets that have no corpus yet into fuzz/corpus/<target>/.
# Then fuzz from them with large inputs allowed, e.g.:
#   ./run.sh deck_check 120 -max_len=10485760 corpus-large/deck_check
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --test tests write_fuzz_corpora -- --ignored --exact \
    suite::fuzz_regressions::write_fuzz_corpora
