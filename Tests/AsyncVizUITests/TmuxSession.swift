import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tmux server on a private socket (`-S`, `-f /dev/null`: no user config),
/// driving one window of a fixed size, for end-to-end tests of the
/// full-screen viewer. Waits poll `capture-pane` every 0.1 s; nothing sleeps
/// a fixed time.
final class TmuxSession {
  /// The folder of the socket, the exported trace and the shell's reports.
  let directory: URL
  private let socket: String

  /// The built `asyncviz`, next to this test bundle: what every end-to-end test runs.
  static var asyncviz: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("asyncviz").path
  }

  /// Whether tmux can be run here.
  static var isAvailable: Bool {
    (try? TmuxSession.exec(["tmux", "-V"]))?.status == 0
  }

  /// Starts a shell in a `width` x `height` window, in a fresh folder.
  init(width: Int, height: Int) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asyncviz-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    socket = directory.appendingPathComponent("tmux.sock").path
    try tmux([
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", directory.path, "-e", "LANG=C.UTF-8",
      "-e", "TERM=xterm-256color", "-e", "SWIFT_BACKTRACE=interactive=no",
      "env PS1='$ ' bash --norc --noprofile",
    ])
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: directory)
  }

  /// Runs a tmux command on this server; throws if it fails.
  @discardableResult
  func tmux(_ args: [String]) throws -> String {
    let result = try Self.exec(["tmux", "-S", socket, "-f", "/dev/null"] + args)
    guard result.status == 0 else {
      throw TmuxError(message: "tmux \(args.joined(separator: " ")) failed: \(result.output)")
    }
    return result.output
  }

  /// Types a line into the shell.
  func type(_ line: String) throws {
    try tmux(["send-keys", "-l", line])
    try tmux(["send-keys", "Enter"])
  }

  /// Sends keys by tmux name ("n", "Left", "Space", "C-c").
  func keys(_ names: String...) throws { try tmux(["send-keys"] + names) }

  /// The text of the window.
  func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

  /// A tmux format value of the pane (e.g. "#{alternate_on}").
  func paneValue(_ format: String) throws -> String {
    try tmux(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `predicate` holds, or fails after `seconds`.
  @discardableResult
  func waitFor(_ what: String, seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if predicate(last) { return last }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw TmuxError(message: "timed out waiting for \(what); the screen was:\n\(last)")
  }

  /// `waitFor`, then waits until the screen stops changing (two captures
  /// 100 ms apart agree): a frame reaches the terminal in pieces, and a
  /// capture taken in between is half old, half new. For screens compared
  /// with a golden, never for a view that is playing.
  @discardableResult
  func waitForSettled(_ what: String, seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = try waitFor(what, seconds: seconds, predicate)
    while Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
      let again = try screen()
      if again == last && predicate(again) { return again }
      last = again
    }
    throw TmuxError(message: "the screen did not settle waiting for \(what); it was:\n\(last)")
  }

  /// Polls until a file exists in the session's folder and returns its contents.
  func waitForFile(_ name: String, seconds: Double = 15) throws -> String {
    let url = directory.appendingPathComponent(name)
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOf: url, encoding: .utf8), text.hasSuffix("\n") { return text }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw TmuxError(message: "timed out waiting for \(name); the screen was:\n\((try? screen()) ?? "")")
  }

  /// Runs a command to completion and returns its status and output.
  ///
  /// posix_spawn and waitpid rather than `Process`, whose exit monitoring
  /// stalls inside the test runner, and an empty signal mask; the output goes through a file, not a
  /// pipe: `tmux new-session` forks a server that inherits the descriptors
  /// and would keep a pipe open forever.
  static func exec(_ argv: [String]) throws -> (status: Int32, output: String) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asyncviz-exec-\(UUID().uuidString)"
    ).path
    defer { unlink(log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // The runner's threads block signals; a child would inherit that mask,
    // and a viewer started under tmux would never see SIGWINCH or SIGTERM.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
    guard spawned == 0 else { throw TmuxError(message: "cannot run \(argv[0]): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
  }
}

/// A failed tmux command or wait.
struct TmuxError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
