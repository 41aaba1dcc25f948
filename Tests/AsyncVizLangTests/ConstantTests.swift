import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

// `const NAME = 1000` and `--set NAME=VALUE`: a constant is its value
// wherever it is used (ranges, repeat, capacity, string interpolation).

private func outputs(_ text: String, overrides: [String: Int64] = [:]) throws -> (Trace, [String]) {
  let program = try CompiledProgram.compile(SourceFile(name: "c.av", text: text), overrides: overrides)
  let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
  runtime.run()
  let trace = runtime.trace
  return (
    trace, trace.events.compactMap { if case .output(_, let t) = $0.payload { trace.string(t) } else { nil } }
  )
}

private let counted = """
  const jobs = 3
  channel done capacity jobs
  async fn worker(i) {
      await done.send(i)
  }
  async fn main() {
      for i in 0..jobs {
          spawn worker(i)
      }
      repeat jobs {
          let v = await done.recv()
          print("got {v} of {jobs}")
      }
  }
  """

@Test func aConstantIsItsValueWhereverItIsUsed() throws {
  let (withConstant, lines) = try outputs(counted)
  #expect(lines == ["got 0 of 3", "got 1 of 3", "got 2 of 3"])
  // The same program with the number written out runs event for event the same.
  let written = counted.replacingOccurrences(of: "const jobs = 3\n", with: "\n")
    .replacingOccurrences(of: "{jobs}", with: "3").replacingOccurrences(of: "jobs", with: "3")
  let (literal, _) = try outputs(written)
  #expect(withConstant.events == literal.events)
}

@Test func anOverrideReplacesTheWrittenValue() throws {
  let (_, lines) = try outputs(counted, overrides: ["jobs": 5])
  #expect(lines.count == 5 && lines.last == "got 4 of 5")
  let program = try CompiledProgram.compile(SourceFile(name: "c.av", text: counted), overrides: ["jobs": 5])
  #expect(program.constants.map(\.name) == ["jobs"] && program.constants.map(\.value) == [5])
}

// A bad constant (not a whole number, shadowed, declared twice, a capacity
// of 0) is one of the bad-program files: BadPrograms/*/const-*.av.
