import ArgumentParser
import AsyncVizLang

/// `--set NAME=VALUE`: runs a program with another value for one of its
/// top-level constants (`const requests = 1000`), without editing it:
/// `asyncviz compare many-requests --set requests=10000`.
struct ConstantOptions: ParsableArguments {
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Give a constant of the program (const NAME = 1000) another value; repeatable.",
      valueName: "NAME=VALUE"))
  var assignments: [String] = []

  /// The largest value `--set` gives: a constant counts requests, tasks or
  /// loop turns, and a million of any is past what a run can show.
  static let largest: Int64 = 1_000_000

  /// The assignments by name; a malformed one or a value out of range is exit 2.
  func overrides() throws(CLIError) -> [String: Int64] {
    var values: [String: Int64] = [:]
    for assignment in assignments {
      guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
        throw CLIError("error: --set \(assignment): write NAME=VALUE, such as --set requests=10000")
      }
      let name = String(assignment[..<eq])
      let text = String(assignment[assignment.index(after: eq)...])
      let outOfRange = CLIError("error: --set \(name)=\(text): the value must be from 0 to \(Self.largest)")
      guard let value = Int64(text) else {
        // Digits too many for a 64-bit number are still a whole number: the range is what is wrong.
        let digits = text.drop { $0 == "-" || $0 == "+" }
        if text.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
          throw outOfRange
        }
        throw CLIError(
          "error: --set \(name)=\(text): a constant is a whole number, such as --set \(name)=10000")
      }
      guard (0...Self.largest).contains(value) else { throw outOfRange }
      values[name] = value
    }
    return values
  }

  /// Refuses a name `program` does not declare as a constant.
  func check(_ program: CompiledProgram) throws(CLIError) {
    try check(declared: program.constants.map(\.name))
  }

  /// Refuses a name that is not among `declared`, the program's constants.
  func check(declared: [String]) throws(CLIError) {
    for name in try overrides().keys.sorted() where !declared.contains(name) {
      let known =
        declared.isEmpty
        ? "it declares none; add one at the top level, such as const \(name) = 10"
        : "its constants: \(declared.joined(separator: ", "))"
      throw CLIError("error: --set \(name): the program has no constant `\(name)`; \(known)")
    }
  }

  /// Compiles `file` with these values, refusing an unknown name.
  func compile(_ file: SourceFile) throws(CLIError) -> CompiledProgram {
    let program = try ProgramLoader.compile(file, overrides: try overrides())
    try check(program)
    return program
  }
}
