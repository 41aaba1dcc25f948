import ArgumentParser
import AsyncVizLang
import AsyncVizTrace
import AsyncVizTraceState
import Foundation

/// `asyncviz compare NAME|FILE.av`: the same program under every model, in
/// one table and a short paragraph of the differences that matter.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Run a demo or program under every model and compare them in one table.")

  @Argument(help: "A demo name or a .av file.")
  var program: String

  @Option(
    help: ArgumentHelp(
      "The models, comma-separated (default: every model).",
      valueName: RuntimeModel.allCases.map(\.rawValue).joined(separator: ",")))
  var models: String?

  @Option(help: "text (a table and a paragraph) or json (for scripts).")
  var format: CompareFormat = .text

  @Option(help: "CPUs of the threads model's simulated kernel.")
  var cpus: Int = KernelCosts.defaultCPUs

  @Option(name: .customLong("max-steps"), help: "Stop a runaway program after this many steps.")
  var maxSteps: UInt32 = 100_000

  @Flag(
    help: ArgumentHelp(
      "Also run rust (epoll backend), threads (real pthreads), node (the translation on Node) and go (the translation built by go build) for real, each in a child process, and show their measured memory, threads and context switches.",
      discussion:
        "Off by default: the real runs take wall-clock time and their figures change from run to run."))
  var real = false

  @OptionGroup var constants: ConstantOptions

  mutating func validate() throws {
    if maxSteps == 0 { throw ValidationError("--max-steps must be at least 1") }
    if !(1...64).contains(cpus) { throw ValidationError("--cpus must be between 1 and 64") }
    _ = try chosenModels()
  }

  /// The models asked for, in the order given, each once.
  func chosenModels() throws(ValidationError) -> [RuntimeModel] {
    guard let models else { return RuntimeModel.allCases }
    var chosen: [RuntimeModel] = []
    for word in models.split(separator: ",", omittingEmptySubsequences: false) {
      let name = word.trimmingCharacters(in: .whitespaces)
      guard let model = RuntimeModel(rawValue: name) else {
        let known = RuntimeModel.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--models: unknown model '\(name)' (the models are \(known))")
      }
      if !chosen.contains(model) { chosen.append(model) }
    }
    return chosen
  }

  func run() throws {
    let (file, _) = try ProgramLoader.demoOrFile(program)
    let compiled = try constants.compile(file)
    var comparison = try ModelTable.simulated(
      compiled, named: file.programName, models: try chosenModels(), cpus: cpus, maxSteps: maxSteps)
    if real {
      let passed = ["--max-steps", String(maxSteps)] + constants.assignments.flatMap { ["--set", $0] }
      for model in try chosenModels() where RealRun.measured.contains(model) {
        if model == .node {
          if let node = try RealRun.measureNode(file, overrides: try constants.overrides()) {
            comparison.real.append(node)
          }
        } else if model == .go {
          if let go = try RealRun.measureGo(file, overrides: try constants.overrides()) {
            comparison.real.append(go)
          }
        } else {
          comparison.real.append(try RealRun.measure(program, model: model, arguments: passed))
        }
      }
    }
    switch format {
    case .text: Swift.print(comparison.text, terminator: "")
    case .json: Swift.print(try comparison.json())
    }
  }
}

/// How `compare` prints.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
