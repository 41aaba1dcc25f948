import ArgumentParser

/// The `asyncviz` command line: parses, runs the chosen command, and maps
/// every failure to a message and an exit code: 0 success,
/// 1 the program ended abnormally but the trace is complete, 2 bad usage or
/// bad input. ArgumentParser's own usage errors (64 by default) become 2.
public enum AsyncVizCLI {
  /// Runs the command line and returns the process exit code.
  public static func main(_ arguments: [String]) -> Int32 {
    do {
      var command = try AsyncVizCommand.parseAsRoot(arguments)
      try command.run()
      return 0
    } catch let error as CLIError {
      printError(error.message)
      return error.code
    } catch let error as ExitCode {
      return error.rawValue
    } catch {
      let code = AsyncVizCommand.exitCode(for: error)
      let message = AsyncVizCommand.fullMessage(for: error)
      if code == .success {
        print(message)
        return 0
      }
      printError(message)
      return 2
    }
  }
}

/// The root command: only groups the subcommands.
struct AsyncVizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "asyncviz",
    abstract: "Watch async tasks being scheduled, step by step: tokio, Node, Go and one thread per task.",
    discussion: """
      Inside runs a small Rust-style runtime (futures, wakers, a run queue, a reactor over \
      epoll and timers), and models of Node's event loop, Go's scheduler and one OS thread \
      per task, each checked against the real runtime it claims to be.

      Start with:  asyncviz demo db-then-service
      Then try:    asyncviz list,  asyncviz show NAME,  asyncviz run FILE.av
      Then quiz:   asyncviz quiz db-then-service   (predict each step, then see)
      The NO_COLOR environment variable (set and not empty) turns colours off, as --no-color does.
      """,
    version: AsyncVizVersion.current,
    subcommands: [
      ListCommand.self, ShowCommand.self, DemoCommand.self, RunCommand.self, ReplayCommand.self,
      ExportCommand.self, CompareCommand.self, QuizCommand.self, TranslateCommand.self, GenerateCommand.self,
      MeasureCommand.self,
    ]
  )
}
