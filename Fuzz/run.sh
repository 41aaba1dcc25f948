#!/usr/bin/env bash
# Runs the fuzzer for SECONDS (default 300) on one core, seeded with the
# demos and the regression corpus. New crashes, timeouts and out-of-memory
# inputs land in .build/fuzz/artifacts/; the growing corpus in .build/fuzz/corpus/.
# Usage: Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
fuzz=.build/fuzz/release/asyncviz-fuzz
[ -x "$fuzz" ] || Fuzz/build.sh
mkdir -p .build/fuzz/corpus .build/fuzz/artifacts
cp Examples/*.av Tests/AsyncVizLangTests/FuzzCorpus/*.av .build/fuzz/corpus/ 2>/dev/null || true
"$fuzz" .build/fuzz/corpus -dict=Fuzz/av.dict -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -malloc_limit_mb=1024 -max_total_time="$seconds" -artifact_prefix=.build/fuzz/artifacts/ \
  -print_final_stats=1 "$@"
