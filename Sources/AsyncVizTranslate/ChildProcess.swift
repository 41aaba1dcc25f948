import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to its end with its standard output and error sent to files.
///
/// Why not Foundation's `Process`: on Linux it keeps a socketpair (to watch for
/// the child's exit) and two pipes open in *this* process for as long as the
/// child runs, and a cargo build runs for a minute. Tests that count this
/// process's open descriptors (the epoll backend's leak tests) run in parallel
/// with the oracle and would see them as leaks. Here the child opens its own
/// output files (`posix_spawn` file actions), descriptors from 3 up are closed
/// in the child, and the parent only waits: it holds no descriptor while the
/// child runs.
struct ChildProcess {
  /// How the child ended and what it wrote.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// How often the kernel took a CPU from the child's threads while they
    /// could run (`ru_nivcsw`): how busy the machine was under a real-time run.
    var involuntarySwitches: Int
  }

  var executable: URL
  var arguments: [String]
  var directory: URL
  var environment: [String: String]

  /// Spawns the child, waits for it and reads its output files (then removes them).
  func run() throws -> Result {
    let stamp = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    let outPath = directory.appendingPathComponent(".child-\(stamp).out").path
    let errPath = directory.appendingPathComponent(".child-\(stamp).err").path
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    let pid = try spawn(stdoutPath: outPath, stderrPath: errPath)
    let (status, switches) = try Self.wait(for: pid)
    let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
    let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
    return Result(
      status: status, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self), involuntarySwitches: switches)
  }

  private func spawn(stdoutPath: String, stderrPath: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, flags & ~O_CLOEXEC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, flags & ~O_CLOEXEC, 0o600)
    // The child must not keep this process's sockets open (a peer would never see EOF).
    try GNUSpawnActions.closeFrom(&actions, 3)
    try GNUSpawnActions.changeDirectory(&actions, directory.path)
    let argv = [executable.path] + arguments
    let envp = environment.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let rc = withCStrings(argv) { cArgv in
      withCStrings(envp) { cEnvp in
        posix_spawn(&pid, executable.path, &actions, nil, cArgv, cEnvp)
      }
    }
    if rc != 0 {
      throw OracleError("posix_spawn \(executable.path) failed: \(String(cString: strerror(rc)))")
    }
    return pid
  }

  /// The first executable `name` in the directories of PATH (`pathWhenUnset`
  /// when PATH is not set), then in `also`, or nil: how the oracles find
  /// cargo, node and go.
  static func find(_ name: String, pathWhenUnset: String = "", also: [String] = []) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? pathWhenUnset
    let dirs = path.split(separator: ":").map(String.init) + also
    for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
      return URL(fileURLWithPath: dir + "/" + name)
    }
    return nil
  }

  /// wait4, retried on EINTR: the exit code, or 128 + the signal that ended
  /// it, and the child's involuntary context switches.
  private static func wait(for pid: pid_t) throws -> (Int32, Int) {
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      if errno != EINTR {
        throw OracleError("wait4 \(pid) failed: \(String(cString: strerror(errno)))")
      }
    }
    let signal = status & 0x7f
    return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, Int(usage.ru_nivcsw))
  }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  pointers.append(nil)
  defer { for p in pointers { free(p) } }
  return body(pointers)
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` and `..._addchdir_np`
/// (glibc 2.34 and 2.29) are declared only under `_GNU_SOURCE`, which Swift's
/// Glibc module does not define: they are looked up by name instead.
private enum GNUSpawnActions {
  typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
  typealias ChangeDirectory =
    @convention(c) (
      UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32

  static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ fd: Int32) throws {
    let call = try symbol("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self)
    try check(call(&actions, fd), "posix_spawn_file_actions_addclosefrom_np")
  }

  static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) throws {
    let call = try symbol("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self)
    try check(call(&actions, path), "posix_spawn_file_actions_addchdir_np")
  }

  private static func symbol<T>(_ name: String, as type: T.Type) throws -> T {
    guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
      throw OracleError("\(name) is missing from this C library (glibc 2.34 or later is needed)")
    }
    return unsafeBitCast(address, to: type)
  }

  private static func check(_ rc: Int32, _ name: String) throws {
    if rc != 0 { throw OracleError("\(name) failed: \(String(cString: strerror(rc)))") }
  }
}
