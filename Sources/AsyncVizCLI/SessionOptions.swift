import ArgumentParser
import AsyncVizLang

/// What `demo` and `run` share: how to run the program and how to show it,
/// and the steps from a source to a session. The two commands differ only in
/// how they find the source.
struct SessionOptions: ParsableArguments {
  @OptionGroup var display: DisplayOptions
  @OptionGroup var options: RunOptions

  /// Refuses a bad `--export` path, then loads, compiles and runs the source
  /// (an abnormal end is thrown as its exit code). `inputs` are the files the
  /// command reads, which `--export` must not overwrite.
  func run(inputs: [String], load: () throws -> SourceFile) throws {
    try display.checkExport(inputs: inputs)
    let program = try options.constants.compile(try load())
    ProgramLoader.printWarnings(program)
    try Session(program: program, options: options, display: display, inputs: inputs).run()
  }
}
