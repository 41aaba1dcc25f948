import Foundation

/// Writes many translated programs into one Node script and runs them with
/// `node`, one after the other in one process (a program starts when the
/// previous one has nothing left: no timer, no immediate), turning the
/// marker lines back into one `ProgramOutcome` per program.
public struct NodeRunner: Sendable {
  /// The folder the script is written to.
  public let directory: URL
  /// The node executable.
  public let node: URL

  /// A runner writing into `directory` and running `node`.
  public init(directory: URL, node: URL) {
    self.directory = directory
    self.node = node
  }

  /// Why the oracle cannot run on this machine, or nil if it can.
  public static func unavailableReason() -> String? {
    findNode() == nil ? "node is not installed (not on PATH)" : nil
  }

  /// node on PATH.
  public static func findNode() -> URL? {
    ChildProcess.find("node", pathWhenUnset: "/usr/local/bin:/usr/bin:/bin")
  }

  /// The script holding `entries` (each a program's name and its `NodeTranslator.items`):
  /// `node oracle.js NAME...` runs the named ones in order.
  public static func script(_ entries: [(name: String, items: String)]) -> String {
    var out = NodePrelude.helpers + "\n\n// ---- the programs ----\n\nconst programs = new Map();\n\n"
    for entry in entries {
      let literal = entry.name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
      out += "programs.set(\"\(literal)\", () => {\n"
      out += entry.items.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
      out += "  return \(NodeNames().main);\n});\n\n"
    }
    out += """
      // A program's uncaught error ends this process; the runner goes on with the rest in a new one.
      (async () => {
        for (const name of process.argv.slice(2)) {
          const make = programs.get(name);
          if (make === undefined) {
            console.log(`##oracle unknown ${name}`);
            continue;
          }
          await run(name, make(), printNow);
        }
      })();

      """
    return out
  }

  /// Writes the script for `entries` as oracle.js in the folder.
  public func write(_ entries: [(name: String, items: String)]) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(Self.script(entries).utf8).write(to: directory.appendingPathComponent("oracle.js"))
  }

  /// One program's run on Node.
  public struct Run: Sendable {
    /// What it printed and how it ended (real time).
    public var outcome: ProgramOutcome
    /// When main returned on the ideal clock (see the helpers' `ideal`), nil if it did not.
    public var idealEndUs: Int64?
    /// The timers in a row that led to main's return.
    public var hops = 0
    /// The timers and immediates the program ran.
    public var callbacks = 0
    /// A callback ran after one due later than it: lateness reordered the run.
    public var late = false
    /// Two wakeups fell due too close together for Node's order to be fixed.
    public var tie = false
  }

  /// Reads the marker lines: `OracleOutput`'s, and `##oracle ideal NAME US HOPS/CALLBACKS FLAGS`.
  public static func parse(_ output: String) -> [String: Run] {
    var runs: [String: Run] = [:]
    for (name, outcome) in OracleOutput.parse(output) { runs[name] = Run(outcome: outcome) }
    for line in output.split(separator: "\n") where line.hasPrefix("##oracle ideal ") {
      let words = line.split(separator: " ")
      guard words.count >= 6 else { continue }
      let name = words[2..<(words.count - 3)].joined(separator: " ")
      let flags = words[words.count - 1].split(separator: ",")
      runs[name]?.idealEndUs = Int64(words[words.count - 3])
      let counts = words[words.count - 2].split(separator: "/")
      runs[name]?.hops = counts.first.flatMap { Int($0) } ?? 0
      runs[name]?.callbacks = counts.last.flatMap { Int($0) } ?? 0
      runs[name]?.late = flags.contains("late")
      runs[name]?.tie = flags.contains("tie")
    }
    return runs
  }

  /// Runs the named programs in order; a program that ends the process
  /// (an uncaught error) counts as a panic and the rest go to a new process.
  public func run(_ names: [String]) throws -> [String: Run] {
    var outcomes: [String: Run] = [:]
    var left = names[...]
    while let first = left.first {
      let result = try ChildProcess(
        executable: node, arguments: ["oracle.js"] + Array(left), directory: directory,
        environment: ProcessInfo.processInfo.environment
      ).run()
      let parsed = Self.parse(result.stdout)
      for (name, outcome) in parsed { outcomes[name] = outcome }
      let done = left.prefix { parsed[$0] != nil }.count
      left = left.dropFirst(done)
      if done < names.count, let crashed = left.first, result.status != 0 {
        outcomes[crashed] = Run(
          outcome: ProgramOutcome(lines: [], end: .failed("node exited \(result.status)")))
        left = left.dropFirst()
      } else if done == 0 {
        throw OracleError("node ran nothing for \(first) (exit \(result.status)):\n\(result.stderr)")
      }
    }
    return outcomes
  }
}
