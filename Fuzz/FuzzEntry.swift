// The libFuzzer entry point over the .av front end and a bounded run.
// Not a SwiftPM target: Fuzz/build.sh compiles it with -sanitize=fuzzer
// against the library objects (docs/development.md, "Fuzzing").
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceCodecs
import Glibc

/// Whether ASYNCVIZ_FUZZ_DEFAULTS=1 asks for the default limits (slower
/// inputs, but what a user gets: finds runs that are bounded only in theory).
let fuzzDefaults = getenv("ASYNCVIZ_FUZZ_DEFAULTS").map { String(cString: $0) == "1" } ?? false

/// Small limits, so one input runs in milliseconds and the fuzzer explores
/// breadth; the code paths are the same as with the defaults. The step
/// limit stays small in both modes: it is the one bound already proven.
let fuzzOptions = fuzzDefaults ? RuntimeOptions(maxSteps: 2_000) : RuntimeOptions(maxSteps: 400, maxTasks: 64)
/// Tests/AsyncVizLangTests/FuzzCorpusTests.swift uses the same small values.
let fuzzLimits =
  fuzzDefaults
  ? Limits()
  : Limits(
    instructionsPerPoll: 2_000, instructionsPerRun: 20_000, textBytesPerRun: 64 * 1024, outputLinesPerRun: 200
  )

/// Arbitrary bytes as a program: either a diagnostic whose position lies
/// inside the file, or a run that ends, twice, with byte-identical traces.
/// Any other outcome traps, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let program: CompiledProgram
  do {
    let file = try SourceFile(name: "fuzz.av", bytes: bytes)
    program = try CompiledProgram.compile(file)
  } catch {
    checkPosition(error, bytes)
    return 0
  }
  let first = run(program)
  let second = run(program)
  if first != second { fatalError("two runs of one program gave different traces") }
  return 0
}

func run(_ program: CompiledProgram) -> [UInt8] {
  let runtime = program.makeRuntime(backend: SimBackend(), options: fuzzOptions, limits: fuzzLimits)
  let end = runtime.run()
  if end.steps > fuzzOptions.maxSteps { fatalError("ran \(end.steps) steps, past max-steps") }
  return TraceJSONWriter.encode(runtime.trace)
}

/// The line must exist and the column must be on it (or just past its end).
func checkPosition(_ d: Diagnostic, _ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  guard d.line >= 1, d.line <= max(1, lines.count) else { fatalError("line \(d.line) outside the file") }
  guard d.column >= 1, d.column <= d.sourceLine.unicodeScalars.count + 1 else {
    fatalError("column \(d.column) outside line \(d.line) (\(d.sourceLine.unicodeScalars.count) scalars)")
  }
  _ = d.rendered
}
