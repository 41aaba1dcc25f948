import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a command to its end with posix_spawn, its output going to files.
///
/// Not Foundation's `Process`: that keeps a socket and pipes open in this
/// process for the child's whole life, and the oracle's cargo build lasts
/// a minute or two while other tests (the epoll backend's fd-leak checks)
/// count this process's open fds. Here the files are opened in the child only.
enum Subprocess {
  /// Runs `arguments[0]` with the rest as its arguments in `directory`, with
  /// `extraPath` in front of PATH; stdout and stderr go to the two files.
  /// Returns the exit status (128 + N for a signal).
  static func run(
    _ arguments: [String], in directory: URL, extraPath: String?, stdout: URL, stderr: URL
  ) throws -> Int32 {
    // `cd` and `exec` by a shell: posix_spawn has no portable chdir.
    let script = "cd \(quoted(directory.path)) && exec " + arguments.map(quoted).joined(separator: " ")
    var environment = ProcessInfo.processInfo.environment
    if let extraPath { environment["PATH"] = extraPath + ":" + (environment["PATH"] ?? "/usr/bin:/bin") }
    let argv = ["/bin/sh", "-c", script]
    let envp = environment.map { "\($0.key)=\($0.value)" }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let flags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout.path, flags, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr.path, flags, 0o644)

    var pid: pid_t = 0
    let status = withCStrings(argv) { cArgv in
      withCStrings(envp) { cEnvp in posix_spawn(&pid, "/bin/sh", &actions, nil, cArgv, cEnvp) }
    }
    guard status == 0 else {
      throw OracleError("posix_spawn /bin/sh failed: \(String(cString: strerror(status)))")
    }
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0 {
      guard errno == EINTR else { throw OracleError("waitpid failed: \(String(cString: strerror(errno)))") }
    }
    let signal = waitStatus & 0x7F
    return signal == 0 ? (waitStatus >> 8) & 0xFF : 128 + signal
  }

  /// A word for /bin/sh, in single quotes.
  static func quoted(_ word: String) -> String { "'" + word.replacing("'", with: "'\\''") + "'" }

  /// A NULL-terminated array of C strings, valid inside `body`.
  private static func withCStrings<R>(
    _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
  ) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { buffer in
      // Never nil: the buffer holds at least the terminating nil.
      guard let base = buffer.baseAddress else { preconditionFailure("an empty argument array") }
      return body(base)
    }
  }
}
