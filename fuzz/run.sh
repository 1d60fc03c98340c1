#!/usr/bin/env bash
# Runs one fuzz target for a while with the project's limits:
#   fuzz/run.sh <target> [seconds, default 600] [more libFuzzer flags...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on stable Rust because `-s none`
# (no sanitizer) passes no unstable flags. See docs/reliability.md (Fuzzing).
set -euo pipefail
cd "$(dirname "$0")"
target=$1
secs=${2:-600}
shift $(($# > 1 ? 2 : 1))
cargo fuzz run -s none "$target" -- \
    -max_total_time="$secs" -max_len=32768 -rss_limit_mb=2048 -timeout=10 \
    -dict="dicts/$target.dict" -print_final_stats=1 "$@"
