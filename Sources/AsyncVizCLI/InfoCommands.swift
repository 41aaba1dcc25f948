import ArgumentParser
import AsyncVizExamples

/// `asyncviz list`: every demo with its one-line summary.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the demos, one per line: NAME  summary.")

  func run() throws {
    print(Self.table(), terminator: "")
  }

  /// Every demo, one per line: NAME (padded) and its summary.
  static func table() -> String {
    let width = DemoCatalog.all.map(\.name.count).max() ?? 0
    var text = ""
    for demo in DemoCatalog.all {
      let pad = String(repeating: " ", count: width - demo.name.count)
      text += "\(demo.name)\(pad)  \(demo.summary)\n"
    }
    return text
  }
}

/// `asyncviz show NAME`: the demo's program source, to copy and edit.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print a demo's program source (to copy and edit).")

  @Argument(help: "The demo's name (see 'asyncviz list').")
  var name: String

  func run() throws {
    let (file, _) = try ProgramLoader.demo(named: name)
    print(file.text, terminator: file.text.hasSuffix("\n") ? "" : "\n")
  }
}
