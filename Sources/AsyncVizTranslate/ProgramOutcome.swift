import AsyncVizGoRuntime
import AsyncVizLang
import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// What running a program showed from outside: the lines it printed, in
/// order, and how it ended. The differential tests compare the model's
/// outcome with the real runtime's.
public struct ProgramOutcome: Sendable, Equatable, CustomStringConvertible {
  /// How a run ended.
  public enum End: Sendable, Equatable {
    /// `main` returned at this time (microseconds since the start).
    case finished(us: Int64)
    /// `main` never returned: nothing could wake it (tokio parks forever).
    case stuck
    /// The run hit a limit or crashed; the text says which.
    case failed(String)
  }

  /// The printed lines, in order.
  public var lines: [String]
  /// How it ended.
  public var end: End

  /// Makes an outcome.
  public init(lines: [String], end: End) {
    self.lines = lines
    self.end = end
  }

  /// The model's outcome: the program run to its end on the simulated backend.
  public static func model(
    _ program: CompiledProgram, model: RuntimeModel = .rust, maxSteps: UInt32 = 1_000_000
  ) -> ProgramOutcome {
    switch model {
    case .rust: modelRun(program, maxSteps: maxSteps).outcome
    case .node: nodeRun(program, maxSteps: maxSteps).outcome
    case .go: goRun(program, maxSteps: maxSteps).outcome
    case .threads: threadsRun(program, maxSteps: maxSteps).outcome
    }
  }

  /// The threads model's outcome and trace (on the default CPUs): the end
  /// is when main's thread exited.
  public static func threadsRun(_ program: CompiledProgram, maxSteps: UInt32 = 1_000_000) -> (
    outcome: ProgramOutcome, trace: Trace
  ) {
    let kernel = program.makeKernel(options: RuntimeOptions(maxSteps: maxSteps))
    let end = kernel.run()
    return (outcome(kernel.trace, end), kernel.trace)
  }

  /// The go model's outcome and trace, with `procs` Ps: the end is main's
  /// return (the process exits there, ending every goroutine).
  public static func goRun(_ program: CompiledProgram, procs: Int = 1, maxSteps: UInt32 = 1_000_000) -> (
    outcome: ProgramOutcome, trace: Trace
  ) {
    let sched = program.makeGoScheduler(options: RuntimeOptions(maxSteps: maxSteps), procs: procs)
    let end = sched.run()
    let trace = sched.trace
    return (outcome(trace, end), trace)
  }

  /// What a finished trace shows from outside; a completed run finished at
  /// `finishedUs` (default: when the run ended).
  public static func outcome(_ trace: Trace, _ end: RunEnd, finishedUs: Int64? = nil) -> ProgramOutcome {
    let lines = trace.events.compactMap { e -> String? in
      if case .output(_, let text) = e.payload { return trace.string(text) }
      return nil
    }
    switch end.reason {
    case .completed: return ProgramOutcome(lines: lines, end: .finished(us: finishedUs ?? end.tUs))
    case .stuck: return ProgramOutcome(lines: lines, end: .stuck)
    case .maxSteps: return ProgramOutcome(lines: lines, end: .failed("max-steps"))
    case .error: return ProgramOutcome(lines: lines, end: .failed("a run-time error"))
    }
  }

  /// The node model's outcome and trace. The end is when main's promise was
  /// fulfilled (what the translation's harness reports), though the loop
  /// goes on until nothing is left, printing what the race losers print.
  public static func nodeRun(_ program: CompiledProgram, maxSteps: UInt32 = 1_000_000) -> (
    outcome: ProgramOutcome, trace: Trace
  ) {
    let loop = program.makeNodeLoop(options: RuntimeOptions(maxSteps: maxSteps))
    let end = loop.run()
    let trace = loop.trace
    return (outcome(trace, end, finishedUs: loop.mainEndUs), trace)
  }

  /// The model's outcome and the trace it was read from, for what the
  /// outcome leaves out (when each line was printed, which wakeups shared a
  /// reactor turn): one run for both.
  public static func modelRun(_ program: CompiledProgram, maxSteps: UInt32 = 1_000_000) -> (
    outcome: ProgramOutcome, trace: Trace
  ) {
    let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions(maxSteps: maxSteps))
    let end = runtime.run()
    let trace = runtime.trace
    return (outcome(trace, end), trace)
  }

  /// True if `other` is the same run: equal lines and end; on a real clock
  /// the end time may be later by up to `slackUs` (timer rounding, the cost
  /// of the polls themselves), never earlier.
  public func agrees(with other: ProgramOutcome, slackUs: Int64 = 0) -> Bool {
    guard lines == other.lines else { return false }
    if case .finished(let a) = end, case .finished(let b) = other.end {
      return b >= a && b - a <= slackUs
    }
    return end == other.end
  }

  public var description: String {
    let endText: String
    switch end {
    case .finished(let us): endText = "ended at \(us) us"
    case .stuck: endText = "stuck (main never returned)"
    case .failed(let why): endText = "failed: \(why)"
    }
    return (lines.map { "  | \($0)" } + ["  \(endText)"]).joined(separator: "\n")
  }
}
