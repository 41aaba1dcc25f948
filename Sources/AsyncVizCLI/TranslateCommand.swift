import ArgumentParser
import AsyncVizLang
import AsyncVizTranslate

/// `asyncviz translate NAME|FILE.av --to rust|node|go`: the same program for a real runtime.
struct TranslateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "translate",
    abstract: "Print a demo or program as a runnable program for a real runtime (tokio, Node or Go).",
    discussion: "The mapping of each construct is in docs/translate.md.")

  @Argument(help: "A demo name or a .av file.")
  var program: String

  @Option(help: "The runtime to write for.")
  var to: TranslationTarget

  @OptionGroup var constants: ConstantOptions

  func run() throws {
    let (file, _) = try ProgramLoader.demoOrFile(program)
    let text: String
    do {
      let shape = try ProgramShape.read(file, overrides: try constants.overrides())
      try constants.check(declared: shape.syntax.constants.map(\.name))
      text = try to.translator.translate(shape)
    } catch let error as Diagnostic {
      throw CLIError(error.rendered)
    } catch let error as CLIError {
      throw error
    } catch let error as TranslationError {
      throw CLIError(
        Diagnostic(file, at: error.location, "cannot translate to \(to.rawValue): \(error.message)").rendered)
    }
    print(text, terminator: "")
  }
}

extension TranslationTarget: ExpressibleByArgument {}
