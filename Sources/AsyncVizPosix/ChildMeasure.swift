import AsyncVizRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program in a child process of its own and measures it from the
/// kernel's side: its context switches from wait4()'s rusage, its peak
/// resident size (VmHWM) and thread count sampled from /proc/PID/status
/// while it runs. A child of its own, so that none of the parent's memory
/// or threads is mixed into the figures.
///
/// Not ru_maxrss: a spawned child's ru_maxrss includes its parent's
/// resident size. posix_spawn starts the child on the parent's memory
/// (vfork), and exec records that old memory's high-water mark in the
/// child's rusage (Linux fs/exec.c, `exec_mmap` calling
/// `setmax_mm_hiwater_rss`): a 47 MiB parent made a 32 MiB child read 47.
public enum ChildMeasure {
  /// What one child run measured, and what it printed.
  public struct Figures: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    /// The exit status (or 128 + the signal that killed it).
    public var status: Int32
    /// The highest VmHWM /proc/PID/status showed (sampled each millisecond;
    /// VmHWM only grows, so the last sample misses at most the last millisecond).
    public var peakRSSBytes: Int
    public var voluntarySwitches: Int
    public var involuntarySwitches: Int
    /// The most threads /proc/PID/status showed while it ran (sampled each millisecond).
    public var sampledThreads: Int
    public var seconds: Double
  }

  /// The path of the running executable (/proc/self/exe).
  public static var executablePath: String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Runs `path` with `arguments` (stdin from /dev/null; stdout and stderr
  /// captured, which must stay small: they are read after the exit), and
  /// waits for it.
  public static func run(_ path: String, _ arguments: [String]) throws(BackendError) -> Figures {
    let out = try Self.temporaryFile()
    let err = try Self.temporaryFile()
    defer {
      Syscall.close(out)
      Syscall.close(err)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, out, 1)
    posix_spawn_file_actions_adddup2(&actions, err, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid = pid_t()
    let start = Monotonic.nanoseconds()
    let code = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard code == 0 else { throw BackendError(Syscall.describe("posix_spawn \(path)", errno: code)) }
    var status: Int32 = 0
    var usage = rusage()
    var threads = 0
    var peakKiB = 0
    while true {
      let r = wait4(pid, &status, WNOHANG, &usage)
      if r == pid { break }
      if r < 0 && errno != EINTR { throw BackendError(Syscall.describe("wait4", errno: errno)) }
      threads = max(threads, ProcStatus.field("Threads:", pid: pid) ?? 0)
      peakKiB = max(peakKiB, ProcStatus.field("VmHWM:", pid: pid) ?? 0)
      usleep(1_000)
    }
    let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
    // WIFEXITED / WEXITSTATUS are macros: the low 7 bits are the signal, 0 for an exit.
    let signal = status & 0x7f
    return Figures(
      stdout: Self.contents(out), stderr: Self.contents(err),
      status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
      peakRSSBytes: peakKiB * 1024, voluntarySwitches: usage.ru_nvcsw,
      involuntarySwitches: usage.ru_nivcsw, sampledThreads: threads, seconds: seconds)
  }

  /// An unnamed file (unlinked at once) for a child's output.
  private static func temporaryFile() throws(BackendError) -> Int32 {
    var template = Array("/tmp/asyncviz-measure-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { throw BackendError(Syscall.describe("mkstemp", errno: errno)) }
    unlink(template)
    return fd
  }

  /// Everything written to `fd`, from its start.
  private static func contents(_ fd: Int32) -> String {
    lseek(fd, 0, SEEK_SET)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        bytes += chunk[0..<n]
      } else if n == 0 || errno != EINTR {
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
