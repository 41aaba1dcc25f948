import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTranslate
import Foundation

/// One model's run for real, as `compare --real` measures it: the program
/// run by `asyncviz measure` in a child process of its own (rust: tasks on
/// the epoll backend; threads: real pthreads), or node: the translated
/// program (`asyncviz translate --to node`) run by Node itself, its
/// resources the timers the translation makes of them, or go: the Go
/// translation built with `go build` and its binary run; figures taken from the
/// kernel: context switches from wait4()'s rusage; peak resident size
/// (VmHWM) and OS threads from /proc (the child's own reading, or the
/// parent's samples each millisecond, whichever is higher).
struct RealRun: Equatable {
  let model: RuntimeModel
  let end: End
  let peakRSSBytes: Int
  let osThreads: Int
  let switches: ContextSwitches

  /// The models that have a real run here.
  static let measured: [RuntimeModel] = [.rust, .node, .threads, .go]

  /// Runs `program` (a demo name or a file, as given) under `model` in a
  /// child process; `arguments` are passed on (`--set`, `--max-steps`).
  static func measure(_ program: String, model: RuntimeModel, arguments: [String]) throws(CLIError) -> RealRun
  {
    guard let me = ChildMeasure.executablePath else {
      throw CLIError("error: compare --real: cannot find this program's own executable (/proc/self/exe)")
    }
    let child: ChildMeasure.Figures
    do {
      child = try ChildMeasure.run(me, ["measure", program, "--model", model.rawValue] + arguments)
    } catch {
      throw CLIError("error: compare --real: \(error.message)")
    }
    guard child.status == 0 else {
      let why = child.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      throw CLIError(
        why.isEmpty
          ? "error: compare --real: the \(model.rawValue) run exited with status \(child.status)" : why)
    }
    guard let data = child.stdout.data(using: .utf8),
      let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let end = o["end"] as? String, let endUs = o["end_us"] as? Int
    else {
      throw CLIError("error: compare --real: the \(model.rawValue) run printed no figures: \(child.stdout)")
    }
    return RealRun(
      model: model, end: End(reason: end, us: Int64(endUs)),
      peakRSSBytes: max(o["peak_rss_bytes"] as? Int ?? 0, child.peakRSSBytes),
      osThreads: max(o["os_threads"] as? Int ?? 0, child.sampledThreads), switches: ContextSwitches(child))
  }

  /// `file` translated to JavaScript and run by `node` in a child process;
  /// nil when node is not installed. The end is the translation's own
  /// `##oracle end` line (microseconds from its start to its last timer).
  static func measureNode(_ file: SourceFile, overrides: [String: Int64]) throws(CLIError) -> RealRun? {
    guard let node = NodeRunner.findNode() else { return nil }
    let script: String
    do {
      script = try NodeTranslator().translate(try ProgramShape.read(file, overrides: overrides))
    } catch {
      throw CLIError("error: compare --real: cannot translate to node: \(error)")
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asyncviz-real-\(getpid())-\(file.programName).js")
    defer { try? FileManager.default.removeItem(at: path) }
    let child: ChildMeasure.Figures
    do {
      try Data(script.utf8).write(to: path)
      child = try ChildMeasure.run(node.path, [path.path])
    } catch let error as BackendError {
      throw CLIError("error: compare --real: \(error.message)")
    } catch {
      throw CLIError("error: compare --real: cannot write \(path.path): \(error)")
    }
    return translated(.node, child, endIn: child.stdout)
  }

  /// `file` translated to Go, built by `go build` in a temporary folder
  /// (removed after the run) and the built binary run in a child process, so
  /// that only the program is measured, not `go run`'s own process; GOMAXPROCS
  /// is Go's default (the number of CPUs) unless the environment sets it. Nil
  /// when go is not installed. The end is the translation's `##oracle end`
  /// line, which Go's translation prints on stderr.
  static func measureGo(_ file: SourceFile, overrides: [String: Int64]) throws(CLIError) -> RealRun? {
    guard let go = GoRunner.findGo() else { return nil }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asyncviz-real-\(getpid())-\(file.programName)-go")
    defer { try? FileManager.default.removeItem(at: folder) }
    let child: ChildMeasure.Figures
    do {
      let source = try GoTranslator().translate(try ProgramShape.read(file, overrides: overrides))
      let binary = try GoRunner.buildProgram(source, in: folder, go: go)
      child = try ChildMeasure.run(binary.path, [])
    } catch let error as BackendError {
      throw CLIError("error: compare --real: \(error.message)")
    } catch {
      throw CLIError("error: compare --real: cannot translate or build for go: \(error)")
    }
    return translated(.go, child, endIn: child.stderr)
  }

  /// A translated program's run: completed when it exited 0 and printed its
  /// `##oracle end NAME MICROSECONDS` line (microseconds from its start to main's return).
  private static func translated(_ model: RuntimeModel, _ child: ChildMeasure.Figures, endIn output: String)
    -> RealRun
  {
    let endLine = output.split(separator: "\n").last { $0.hasPrefix("##oracle end ") }
    let endUs = endLine.flatMap { $0.split(separator: " ").last }.flatMap { Int64($0) }
    let reason = child.status == 0 && endUs != nil ? "completed" : "exit \(child.status)"
    return RealRun(
      model: model, end: End(reason: reason, us: endUs ?? 0), peakRSSBytes: child.peakRSSBytes,
      osThreads: child.sampledThreads, switches: ContextSwitches(child))
  }

  /// 10001 as "10,001".
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// The figures as JSON, for `compare --format json`.
  var json: [String: Any] {
    [
      "end": end.reason, "end_us": end.us, "peak_rss_bytes": peakRSSBytes, "os_threads": osThreads,
      "voluntary_switches": switches.voluntary, "involuntary_switches": switches.involuntary,
    ]
  }
}

extension RealRun {
  /// How the run ended, as the child saw it ("completed", "exit 1"), and
  /// when (wall clock, from the child's start of the run).
  struct End: Equatable {
    let reason: String
    let us: Int64

    /// "50.123 ms (completed)".
    var text: String { "\(DurationText.instant(us)) (\(reason))" }
  }

  /// The context switches of a run, from wait4()'s rusage: a thread that
  /// blocks gives up its CPU (voluntary); the scheduler takes it back from
  /// one that ran out its time slice (involuntary).
  struct ContextSwitches: Equatable {
    let voluntary: Int
    let involuntary: Int

    init(_ child: ChildMeasure.Figures) {
      voluntary = child.voluntarySwitches
      involuntary = child.involuntarySwitches
    }

    /// "3,200 + 12": voluntary + involuntary.
    var text: String { "\(RealRun.grouped(voluntary)) + \(RealRun.grouped(involuntary))" }
  }
}
