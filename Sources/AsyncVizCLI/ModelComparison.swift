import AsyncVizLang
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizTranslate

/// The lines a node, go or threads transcript ends with: the same program
/// under the rust model, so that what the model's rules change (node: eager
/// calls, uncancelled race losers, setTimeout's 1 ms floor, the check phase;
/// go: runnext, the P handed off during a blocking syscall, preemption;
/// threads: blocking calls that stop one thread only, context switches)
/// shows in two numbers. Rust runs with the user's `--max-steps` and
/// limits, on the sim backend, so the footer says what `--model rust` says.
enum ModelComparison {
  static func text(_ program: CompiledProgram, model trace: Trace, options: RunOptions) throws(CLIError)
    -> String
  {
    let model = trace.program.model.rawValue
    let rust = try rustOutcome(program, options: options)
    // ModelFacts reads main's end and the printed lines as `compare` does,
    // so both commands report the same numbers.
    let facts = ModelFacts(of: trace)
    let nodeLines = facts.lines
    let mainEnd = facts.mainEndUs
    var text = "\ncompared with rust (the same program under --model rust):\n"
    // A real run's times are the wall clock's; rust's here is the sim's.
    let clock = trace.program.backend == .epoll ? " (real time)" : ""
    let nodeEnd =
      mainEnd.map { "main returns at \(DurationText.instant($0)) under \(model)\(clock)" }
      ?? (facts.end == .error
        ? "main does not return under \(model) (the run ends in an error)"
        : "main never returns under \(model)")
    switch rust.end {
    case .finished(let us):
      text +=
        "  \(nodeEnd); under rust at \(DurationText.instant(us))\(clock.isEmpty ? "" : " (virtual time)").\n"
    case .stuck where mainEnd == nil && facts.end != .error:
      text += "  main never returns under \(model), nor under rust (stuck).\n"
    case .stuck: text += "  \(nodeEnd); under rust it never returns (stuck).\n"
    case .failed(let why): text += "  \(nodeEnd); under rust the run fails (\(why)).\n"
    }
    switch ModelTable.OutputMatch(nodeLines, comparedWith: rust.lines) {
    case .same:
      text += "  the output is the same, line for line.\n"
    case .reordered:
      text += "  the output has the same lines in another order.\n"
    case .different where rust.lines.count == nodeLines.count:
      text +=
        "  the output differs in its text (\(English.count(nodeLines.count, "line")) under \(model) and under rust).\n"
    case .different:
      text +=
        "  the output differs: \(English.count(nodeLines.count, "line")) under \(model), \(rust.lines.count) under rust"
      text +=
        nodeLines.count > rust.lines.count && trace.program.model != .threads
        ? " (losers of select and timeout run on under \(model)).\n" : ".\n"
    }
    if trace.events.contains(where: { if case .goHandoff = $0.payload { true } else { false } }) {
      text +=
        "  a blocking call stopped every task under rust; under go sysmon handed the P to another thread"
      text += " and the other goroutines ran on time.\n"
    }
    return text
  }

  /// `program` under `--model rust` with `options`' step limit and limits,
  /// on the sim backend (the footer compares with rust's virtual time).
  static func rustOutcome(_ program: CompiledProgram, options: RunOptions) throws(CLIError) -> ProgramOutcome
  {
    var rustOptions = options
    rustOptions.model = .rust
    rustOptions.backend = .sim
    let run = try rustOptions.makeRun(for: program)
    let end = run.run()
    return ProgramOutcome.outcome(run.trace, end)
  }
}

extension TranscriptPrinter {
  /// Prints `ModelComparison.text` after a node, go or threads transcript.
  static func printComparison(_ program: CompiledProgram, model trace: Trace, options: RunOptions)
    throws(CLIError)
  {
    try write(ModelComparison.text(program, model: trace, options: options))
  }
}
