import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState

// libFuzzer harness for the trace reader (not part of the test target).
//
// Build and run from the package root (Linux; the trace modules built with
// the sanitizers into a build folder of their own, as Fuzz/build.sh does):
//   swift build -c release --build-path .build/fuzz --target AsyncVizTraceCodecs \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -g
//   swiftc -O -sanitize=fuzzer,address -parse-as-library -I .build/fuzz/release/Modules \
//     Tests/AsyncVizTraceTests/Fuzz/FuzzTraceReader.swift \
//     .build/fuzz/release/AsyncVizTrace{,State,Codecs}.build/*.o -o /tmp/fuzz-trace
//   mkdir -p /tmp/fuzz-corpus && cp Tests/AsyncVizTraceTests/Goldens/*.json /tmp/fuzz-corpus/
//   /tmp/fuzz-trace /tmp/fuzz-corpus -max_total_time=300 -max_len=4096
// Inputs that once crashed or found a bug are kept in ../Goldens/FuzzRegressions and
// replayed by FuzzRegressionTests.swift.
//
// Properties checked on every input: reading never traps; a trace that reads
// without error writes back and reads again to an equal trace, and its
// transcript and Chrome export can be produced.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTraceReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let trace = try? TraceJSONReader.decode(bytes, name: "fuzz") else { return 0 }
  let written = TraceJSONWriter.encode(trace)
  guard let again = try? TraceJSONReader.decode(written, name: "rewritten") else {
    fatalError("a trace that was read could not be read back after writing")
  }
  if again != trace { fatalError("the trace changed in a write/read round trip") }
  _ = Transcript.render(trace)
  _ = ChromeTraceWriter.encode(trace)
  return 0
}
