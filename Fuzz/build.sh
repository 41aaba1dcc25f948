#!/usr/bin/env bash
# Builds the libFuzzer target over the .av front end and a bounded run:
# .build/fuzz/release/asyncviz-fuzz. See docs/development.md, "Fuzzing".
#
# The library targets (Trace, TraceState, TraceCodecs, Runtime, Lang and
# swift-collections) are
# compiled by SwiftPM into a build folder of their own with coverage
# instrumentation and AddressSanitizer; FuzzEntry.swift is then linked
# against their objects with libFuzzer's main. The fuzzer is not a SwiftPM
# target, so `swift build` never compiles it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz/release
for target in AsyncVizLang AsyncVizTraceCodecs; do
  swift build -c release --build-path .build/fuzz --target "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -g
done
objects=()
for module in AsyncVizTrace AsyncVizTraceState AsyncVizTraceCodecs AsyncVizRuntime AsyncVizLang \
  DequeModule HeapModule \
  InternalCollectionsUtilities ContainersPreview; do
  objects+=("$out/$module.build"/*.o)
done
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name AsyncVizFuzz \
  -I "$out/Modules" Fuzz/FuzzEntry.swift "${objects[@]}" -o "$out/asyncviz-fuzz" 2>&1 \
  | { grep -v "Cannot export local symbol .__asan" || true; }
echo "built $out/asyncviz-fuzz"
