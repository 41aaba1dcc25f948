import AsyncVizExamples
import AsyncVizGoRuntime
import AsyncVizLang
import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace
import AsyncVizTraceCodecs
import Testing

/// Compiles `text` as "test.av", failing the test with the rendered error.
func compile(_ text: String, name: String = "test.av") throws -> CompiledProgram {
  do {
    return try CompiledProgram.compile(SourceFile(name: name, text: text))
  } catch {
    Issue.record("unexpected diagnostic:\n\(error.rendered)")
    throw error
  }
}

/// The diagnostic compiling `text` as the file `name` gives, or nil if it compiles.
func diagnostic(_ text: String, name: String = "bad.av") -> Diagnostic? {
  do {
    _ = try CompiledProgram.compile(SourceFile(name: name, text: text))
    return nil
  } catch {
    return error
  }
}

/// Runs a compiled program on the simulated backend to its end.
func runSim(_ program: CompiledProgram, maxSteps: UInt32 = 100_000) -> (Runtime, RunEnd) {
  let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions(maxSteps: maxSteps))
  let end = runtime.run()
  return (runtime, end)
}

/// Runs `program` on the simulated backend and encodes its trace.
func encodedRun(_ program: CompiledProgram, _ options: RuntimeOptions, _ limits: Limits) -> (RunEnd, [UInt8])
{
  let runtime = program.makeRuntime(backend: SimBackend(), options: options, limits: limits)
  let end = runtime.run()
  return (end, TraceJSONWriter.encode(runtime.trace))
}

/// Compiles and runs `text`.
func runText(_ text: String) throws -> (Trace, RunEnd) {
  let (runtime, end) = runSim(try compile(text))
  return (runtime.trace, end)
}

/// Compiles and runs `text` under `model` on the simulated backend (the go
/// model with one P, the threads model on its default CPUs).
func runText(_ text: String, model: RuntimeModel) throws -> (Trace, RunEnd) {
  let run = try compile(text).makeRun(model: model, options: RuntimeOptions())
  let end = run.run()
  return (run.trace, end)
}

/// A demo by name, compiled.
func demoProgram(_ name: String) throws -> CompiledProgram {
  let demo = try #require(DemoCatalog.named(name))
  return try compile(demo.source, name: "\(name).av")
}

extension Trace {
  /// The lines the program printed, with the time each was printed.
  var printed: [(tUs: Int64, text: String)] {
    events.compactMap { e in
      if case .output(_, let text) = e.payload { return (e.tUs, string(text)) }
      return nil
    }
  }

  /// Only the printed text.
  var printedText: [String] { printed.map(\.text) }

  /// Events of one kind, by the trace's name for it.
  func events(_ kind: String) -> [TraceEvent] { events.filter { $0.payload.kindName == kind } }

  /// A compact transcript for failure messages: "step t kind task".
  var transcript: String {
    events.map { e in
      "\(e.step) \(e.tUs) \(e.payload.kindName) \(e.payload.task.map { label($0) } ?? "")"
    }.joined(separator: "\n")
  }
}
