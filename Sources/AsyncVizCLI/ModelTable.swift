import AsyncVizLang
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Foundation

/// The table `asyncviz compare` prints: a column per model, a row per fact,
/// then a paragraph on the differences that matter; or the same as JSON.
struct ModelTable {
  let program: String
  let cpus: Int
  let facts: [ModelFacts]
  /// The real runs (`compare --real`), in the order of `facts`; empty without `--real`.
  var real: [RealRun] = []

  /// `program` run under each of `models` on the sim backend: the facts
  /// both `compare` and the view's compare table show, made in one place.
  static func simulated(
    _ program: CompiledProgram, named name: String, models: [RuntimeModel], cpus: Int, maxSteps: UInt32
  ) throws -> ModelTable {
    var facts: [ModelFacts] = []
    for model in models {
      var options = try RunOptions.parse([])
      options.model = model
      options.cpus = cpus
      options.maxSteps = maxSteps
      let run = try options.makeRun(for: program)
      _ = run.run()
      facts.append(ModelFacts(of: run.trace))
    }
    return ModelTable(program: name, cpus: cpus, facts: facts)
  }

  /// How a model's output compares with another's (the table: the first
  /// model's; the footer under a model's transcript: rust's).
  enum OutputMatch: String {
    case same
    /// The same lines in another order.
    case reordered
    case different

    /// How `lines` compare with `other`.
    init(_ lines: [String], comparedWith other: [String]) {
      if lines == other {
        self = .same
      } else {
        self = lines.sorted() == other.sorted() ? .reordered : .different
      }
    }
  }

  func match(_ f: ModelFacts) -> OutputMatch {
    guard let first = facts.first else { return .same }
    return OutputMatch(f.lines, comparedWith: first.lines)
  }

  /// The output cell: the line count for the first model, else how it compares.
  func outputCell(_ f: ModelFacts) -> String {
    guard let first = facts.first, f.model != first.model else {
      return English.count(f.lines.count, "line")
    }
    switch match(f) {
    case .same: return "same"
    case .reordered:
      let i = f.lines.indices.first { f.lines[$0] != first.lines[$0] } ?? 0
      return "reordered from line \(i + 1)"
    case .different:
      let extra = f.lines.count - first.lines.count
      return extra > 0 ? "\(extra) more" : extra < 0 ? "\(-extra) fewer" : "other lines"
    }
  }

  private func endCell(_ f: ModelFacts) -> String {
    if let main = f.mainEndUs { return DurationText.instant(main) }
    return f.end.name
  }

  private func units(_ f: ModelFacts) -> String {
    let word: String
    switch f.model {
    case .rust: word = "task"
    case .node: word = "call"
    case .threads: word = "thread"
    case .go: word = "goroutine"
    }
    return English.count(f.peakUnits, word)
  }

  private func memoryCell(_ f: ModelFacts) -> String {
    guard let bytes = f.memoryBytes else { return "not measured" }
    let resident = KernelCosts.bytesText(bytes)
    guard let reserved = f.reservedBytes else { return resident }
    return "\(resident) + \(KernelCosts.bytesText(reserved)) reserved"
  }

  /// The rows of the table: a label and a cell per model (what `text`
  /// prints, and what the full-screen view's compare table shows).
  var rows: [CompareTable.Row] {
    let rows: [(String, (ModelFacts) -> String)] = [
      ("main returns at", endCell),
      ("end", { $0.end.name }),
      ("output", outputCell),
      ("steps", { "\($0.steps)" }),
      ("peak concurrent units", units),
      ("OS threads", { $0.osThreads.map(String.init) ?? "-" }),
      ("memory (model)", memoryCell),
      ("context switches", { "\($0.contextSwitches)" }),
      ("runs / wakes", { "\($0.polls) / \($0.wakes)" }),
    ]
    return rows.map { row in CompareTable.Row(label: row.0, cells: facts.map { row.1($0) }) }
  }

  /// The table as the full-screen view draws it (`c`): the same heading,
  /// rows and paragraph as `text`, one type for both.
  var compareTable: CompareTable {
    CompareTable(title: heading, models: facts.map(\.model), rows: rows, summary: paragraph)
  }

  /// What was compared and how: "db-then-service (sim backend, virtual time;
  /// threads on 2 CPUs)".
  var heading: String {
    "\(program) (sim backend, virtual time; threads on \(English.count(cpus, "CPU")))"
  }

  /// The table and the paragraph.
  var text: String {
    var text = "asyncviz compare: \(heading)\n\n"
    text += columns(rows)
    text += "\n" + paragraph + "\n"
    if !real.isEmpty { text += realText }
    return text
  }

  /// A header line of the models' names, then each row's label and cells,
  /// every column as wide as its widest cell (the last one left ragged).
  private func columns(_ rows: [CompareTable.Row]) -> String {
    let labelWidth = rows.map(\.label.count).max() ?? 0
    let widths = facts.indices.map { i in
      max(facts[i].model.rawValue.count, rows.map { $0.cells[i].count }.max() ?? 0)
    }
    func line(_ label: String, _ values: [String]) -> String {
      var text = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      for (i, v) in values.enumerated() {
        text +=
          "   " + (i == values.count - 1 ? v : v.padding(toLength: widths[i], withPad: " ", startingAt: 0))
      }
      return text + "\n"
    }
    return line("", facts.map(\.model.rawValue)) + rows.map { line($0.label, $0.cells) }.joined()
  }

  /// The real run of `model`, if it was measured.
  func realRun(_ model: RuntimeModel) -> RealRun? { real.first { $0.model == model } }

  /// The real runs' table and a sentence on what they measured.
  var realText: String {
    let rows: [(String, (RealRun) -> String)] = [
      ("run ends at", { $0.end.text }),
      ("peak RSS", { KernelCosts.bytesText(Int64($0.peakRSSBytes)) }),
      ("OS threads (peak)", { RealRun.grouped($0.osThreads) }),
      ("context switches", { $0.switches.text }),
    ]
    let cells = rows.map { row in
      CompareTable.Row(label: row.0, cells: facts.map { realRun($0.model).map(row.1) ?? "not measured" })
    }
    var text =
      "\nreal runs, wall clock, each in a child process of its own: rust's tasks on the epoll backend\n"
    text += "and threads as real pthreads (tracing off), node and go as the translated program on Node\n"
    text += "and built by go build; peak RSS (VmHWM) and threads from /proc, context switches (voluntary +\n"
    text += "involuntary) from wait4:\n\n"
    text += columns(cells)
    if let threads = realRun(.threads), let rust = realRun(.rust) {
      text +=
        "\nFor real, threads peaked at \(KernelCosts.bytesText(Int64(threads.peakRSSBytes))) resident on "
      text +=
        "\(RealRun.grouped(threads.osThreads)) OS threads, rust at \(KernelCosts.bytesText(Int64(rust.peakRSSBytes))) "
      text +=
        "on \(RealRun.grouped(rust.osThreads)); threads made \(RealRun.grouped(threads.switches.voluntary)) voluntary "
      text +=
        "\(English.noun("context switch", threads.switches.voluntary, plural: "context switches")), rust \(RealRun.grouped(rust.switches.voluntary)).\n"
    }
    // A learner reads across the columns; the processes differ in what they
    // cost before their first task (asyncviz's Swift runtime and interpreter
    // are most of rust's figure for a small program), so say what to compare.
    if realRun(.rust) != nil && real.count > 1 {
      text += "rust and threads run inside asyncviz's own process (its Swift runtime and interpreter"
      text += " are\nmost of rust's memory for a small program), node and go as programs of their own:"
      text += " compare how\neach column grows with the number of tasks (--set) rather than the totals"
      text += " across columns.\n"
    }
    let unmeasured = facts.map(\.model).filter { realRun($0) == nil }.map(\.rawValue)
    if !unmeasured.isEmpty {
      text += "\(Self.names(unmeasured)) \(unmeasured.count == 1 ? "is" : "are") not run for real here.\n"
    }
    return text
  }

  /// "rust", "rust and go", "rust, node and go".
  static func names(_ models: [String]) -> String {
    guard let last = models.last, models.count > 1 else { return models.first ?? "" }
    return models.dropLast().joined(separator: ", ") + " and " + last
  }

  /// The key differences, in a few sentences.
  var paragraph: String {
    var sentences: [String] = []
    let ended = facts.filter { $0.mainEndUs != nil }
    if let fastest = ended.min(by: { ($0.mainEndUs ?? 0) < ($1.mainEndUs ?? 0) }),
      let slowest = ended.max(by: { ($0.mainEndUs ?? 0) < ($1.mainEndUs ?? 0) }),
      fastest.model != slowest.model, fastest.mainEndUs != slowest.mainEndUs
    {
      // Every model tied for first or last is named: "first under rust" alone
      // would read as if rust were faster than a model that ties with it.
      let first = ended.filter { $0.mainEndUs == fastest.mainEndUs }.map(\.model.rawValue)
      let last = ended.filter { $0.mainEndUs == slowest.mainEndUs }.map(\.model.rawValue)
      sentences.append(
        "main returns first under \(Self.names(first)) (\(endCell(fastest))) and last under "
          + "\(Self.names(last)) (\(endCell(slowest))).")
    } else if let first = ended.first, ended.count == facts.count {
      sentences.append("main returns at \(endCell(first)) under every model.")
    }
    // One sentence per way of ending, naming every model that ended so.
    var endings: [EndReason] = []
    for f in facts where f.mainEndUs == nil && !endings.contains(f.end) { endings.append(f.end) }
    for end in endings {
      let models = Self.names(facts.filter { $0.mainEndUs == nil && $0.end == end }.map(\.model.rawValue))
      sentences.append(
        end == .error
          ? "Under \(models) the run ends in an error, so main does not return."
          : "Under \(models) main never returns (\(end.name)).")
    }
    let differing = facts.filter { match($0) != .same }
    if differing.isEmpty {
      sentences.append("Every model prints the same lines in the same order.")
    } else if let first = facts.first {
      for f in differing {
        let how =
          match(f) == .reordered
          ? "the same lines in another order"
          : f.lines.count == first.lines.count
            ? "other text in as many lines (\(first.lines.count))"
            : "\(English.count(f.lines.count, "line")) to \(first.lines.count)"
        sentences.append(
          "Under \(f.model.rawValue) the output differs from \(first.model.rawValue)'s: \(how).")
      }
    }
    if let threads = facts.first(where: { $0.model == .threads }),
      let rust = facts.first(where: { $0.model == .rust }),
      let threadBytes = threads.memoryBytes, let rustBytes = rust.memoryBytes
    {
      var s =
        "Threads need \(English.count(threads.osThreads ?? 0, "OS thread")) and "
        + "\(English.count(threads.contextSwitches, "context switch", plural: "context switches")); "
      s +=
        "their stacks reserve \(KernelCosts.bytesText(threads.reservedBytes ?? 0)) of address space and keep "
      let verb = rust.peakUnits == 1 ? "takes" : "take"
      s += "\(KernelCosts.bytesText(threadBytes)) resident, where rust's \(units(rust)) \(verb) about "
      s += "\(KernelCosts.bytesText(rustBytes)) on one thread."
      sentences.append(s)
    }
    return sentences.joined(separator: " ")
  }

  /// The comparison as JSON, for scripts.
  func json() throws -> String {
    let models: [[String: Any]] = facts.map { f in
      var o: [String: Any] = [
        "model": f.model.rawValue, "end": f.end.name, "end_us": f.endUs, "lines": f.lines,
        "output": match(f).rawValue, "steps": Int(f.steps), "peak_units": f.peakUnits,
        "context_switches": f.contextSwitches, "polls": f.polls, "wakes": f.wakes,
      ]
      o["main_end_us"] = f.mainEndUs ?? NSNull()
      o["os_threads"] = f.osThreads ?? NSNull()
      o["memory_bytes"] = f.memoryBytes ?? NSNull()
      o["reserved_bytes"] = f.reservedBytes ?? NSNull()
      if !real.isEmpty { o["real"] = realRun(f.model)?.json ?? NSNull() }
      return o
    }
    let document: [String: Any] = ["program": program, "cpus": cpus, "models": models, "summary": paragraph]
    let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
  }
}
