import ArgumentParser
import AsyncVizTranslate

/// `asyncviz generate --seed N`: the differential tests' generated program N,
/// to replay a failing seed (`asyncviz generate --seed 120 > gen-120.av`, then
/// `run` or `translate` it). Hidden: a tool for developers, not a lesson.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate", abstract: "Print the generated test program of a seed.", shouldDisplay: false)

  @Option(help: "The seed (the differential tests use 1 to ASYNCVIZ_ORACLE_PROGRAMS).")
  var seed: UInt64

  func run() throws {
    print(ProgramGenerator().generate(seed: seed).source, terminator: "")
  }
}
