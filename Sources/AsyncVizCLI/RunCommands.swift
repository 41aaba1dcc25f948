import ArgumentParser
import AsyncVizLang
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizUI

/// `asyncviz demo NAME`: run a canned demo.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Run a canned demo (see 'asyncviz list').")

  @Argument(help: "The demo's name, e.g. db-then-service (none: list the demos).")
  var name: String?

  @OptionGroup var session: SessionOptions

  func run() throws {
    // With no name, say which demos there are instead of a usage error: the
    // command a learner types first should teach the next one.
    guard let name else {
      print("Pick a demo:  asyncviz demo NAME  (start with db-then-service)\n")
      print(ListCommand.table(), terminator: "")
      return
    }
    try session.run(inputs: []) { try ProgramLoader.demo(named: name).0 }
  }
}

/// `asyncviz run FILE.av`: run your own program.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run your own .av program.")

  @Argument(help: "The program file (see 'asyncviz show NAME' for examples).")
  var file: String

  @OptionGroup var session: SessionOptions

  func run() throws {
    try session.run(inputs: [file]) { try ProgramLoader.file(at: file).0 }
  }
}

/// `asyncviz replay TRACE.json`: open a saved trace.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay", abstract: "Open a saved trace in the front end (or print it with --plain).")

  @Argument(help: "A trace written by 'asyncviz export' or --export.")
  var trace: String

  @OptionGroup var options: DisplayOptions

  func run() throws {
    try options.checkExport(inputs: [trace])
    if options.wantsTranscript {
      let loaded: Trace
      do {
        loaded = try TraceJSONReader.read(path: trace)
      } catch {
        throw CLIError("\(error)")
      }
      try TranscriptPrinter.print(loaded)
      try options.exportIfAsked(loaded, inputs: [trace])
      // As for `demo --plain`: a run that ended stuck or at the step limit is exit 1.
      try ExitCode.unlessCompleted(loaded.end?.reason)
      return
    }
    // The view opens on the first steps while the rest of the file is read
    // between keys; a problem found later closes it, and is printed here
    // with the terminal restored (exit 2), as one found before it opened.
    let feed: FileTraceFeed
    do {
      feed = try FileTraceFeed(path: trace)
    } catch {
      throw CLIError("\(error)")
    }
    do {
      try options.view(feed, inputs: [trace])
    } catch {
      if let failure = feed.failure { throw CLIError("\(failure)") }
      throw error
    }
    guard options.exportPath != nil else { return }
    // Quitting before the end left the rest unread: --export needs it all.
    do {
      try options.exportIfAsked(try feed.finish(), inputs: [trace])
    } catch let error as TraceReadError {
      throw CLIError("\(error)")
    }
  }
}

/// `asyncviz export (NAME|FILE.av) -o OUT.json`: run without a UI and write the trace.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Run a demo or program to its end and write the trace.")

  @Argument(help: "A demo name or a .av file.")
  var program: String

  @Option(name: .shortAndLong, help: "The file to write ('-': standard output).")
  var output: String

  @Option(help: "asyncviz (the trace format) or chrome (for ui.perfetto.dev).")
  var format: TraceFormat = .asyncviz

  @Flag(help: "Replace the output even if it exists and is not a trace asyncviz wrote.")
  var force = false

  @OptionGroup var options: RunOptions

  /// `-o -` is standard output, as for most tools that write a file; what
  /// it already holds is the shell's choice (`>>`), so only an input is refused there.
  private var target: (path: String, name: String, force: Bool) {
    output == "-" ? ("/dev/stdout", "standard output", true) : (output, output, force)
  }

  func run() throws {
    let target = self.target
    try OutputGuard.check(target.path, inputs: [program], force: target.force)
    let (file, _) = try ProgramLoader.demoOrFile(program)
    let program = try options.constants.compile(file)
    ProgramLoader.printWarnings(program)
    let runtime = try options.makeRun(for: program)
    let end = runtime.run()
    try TraceExporter.write(runtime.trace, to: target.path, format: format)
    // On stderr, so `-o - | jq` sees only the trace.
    printError(
      "wrote \(target.name): \(English.count(runtime.trace.events.count, "event")), \(English.count(Int(end.steps), "step")), "
        + "ended \(end.reason.name)")
    try ExitCode.unlessCompleted(end.reason)
  }
}
