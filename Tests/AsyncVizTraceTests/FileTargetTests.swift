import AsyncVizTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

#if canImport(Glibc)
  import Glibc
#endif

/// An export through a symbolic link writes the link's target and keeps the link.
@Test func aSymlinkIsFollowedAndKept() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let trace = Workloads.trace("db-then-service")
  try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
  try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/real/real.json"))
  // Two levels, the second relative: link.json -> hop.json -> real/real.json.
  #expect(symlink("real/real.json", folder + "/hop.json") == 0)
  #expect(symlink(folder + "/hop.json", folder + "/link.json") == 0)
  try TraceJSONWriter.write(trace, to: folder + "/link.json")
  #expect(fileType(folder + "/link.json") == S_IFLNK)
  #expect(fileType(folder + "/hop.json") == S_IFLNK)
  #expect(
    try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/real/real.json")))
      == TraceJSONWriter.encode(trace))
  // No temporary file is left in either folder.
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["real.json"])
  #expect(
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["hop.json", "link.json", "real"])
}

/// A dangling link gets its target created; the link stays.
@Test func aDanglingSymlinkCreatesItsTarget() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let trace = Workloads.trace("db-then-service")
  #expect(symlink("new.json", folder + "/link.json") == 0)
  try ChromeTraceWriter.write(trace, to: folder + "/link.json")
  #expect(fileType(folder + "/link.json") == S_IFLNK)
  #expect(
    try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/new.json"))) == ChromeTraceWriter.encode(trace)
  )
  // A link loop is an error, not a hang.
  #expect(symlink("b", folder + "/a") == 0)
  #expect(symlink("a", folder + "/b") == 0)
  #expect(message { try TraceJSONWriter.write(trace, to: folder + "/a") }.hasSuffix("symbolic links"))
}

/// A FIFO is written into (a reader gets the bytes), not replaced by a file.
@Test func aFIFOIsWrittenInto() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let fifo = folder + "/pipe"
  try #require(mkfifo(fifo, 0o600) == 0)
  let received = Received()
  let done = DispatchSemaphore(value: 0)
  let reader = Thread {
    let fd = open(fifo, O_RDONLY)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while fd >= 0 {
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { break }
      received.bytes.withLock { $0 += buffer[..<n] }
    }
    if fd >= 0 { close(fd) }
    done.signal()
  }
  reader.start()
  let trace = Workloads.trace("db-then-service")
  try TraceJSONWriter.write(trace, to: fifo)
  done.wait()
  #expect(received.bytes.withLock { $0 } == TraceJSONWriter.encode(trace))
  #expect(fileType(fifo) == S_IFIFO)
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe"])
}

/// /dev/null takes the bytes and stays a device; /dev/full reports a full disk and stays a device.
@Test func devicesAreWrittenNeverReplaced() throws {
  let trace = Workloads.trace("db-then-service")
  try TraceJSONWriter.write(trace, to: "/dev/null")
  #expect(fileType("/dev/null") == S_IFCHR)
  #expect(
    message { try ChromeTraceWriter.write(trace, to: "/dev/full") }
      == "/dev/full: error: cannot write the trace: no space left on the device")
  #expect(fileType("/dev/full") == S_IFCHR)
}

/// `/dev/stdout`-like paths name an inherited descriptor, which is duplicated, not reopened.
@Test func descriptorPathsAreRecognized() throws {
  #expect(try TraceFileTarget.resolve("/dev/stdout") == .inherited(fd: 1))
  #expect(try TraceFileTarget.resolve("/proc/self/fd/2") == .inherited(fd: 2))
  var pipeFds: [Int32] = [0, 0]
  try #require(pipe(&pipeFds) == 0)
  defer { close(pipeFds[0]) }
  #expect(try TraceFileTarget.resolve("/dev/fd/\(pipeFds[1])") == .inherited(fd: pipeFds[1]))
  let trace = Workloads.trace("db-then-service")
  let expected = TraceJSONWriter.encode(trace)
  // The pipe's buffer (64 KiB) holds the whole small trace, so no reader is needed.
  try #require(expected.count < 60_000)
  try TraceJSONWriter.write(trace, to: "/dev/fd/\(pipeFds[1])")
  close(pipeFds[1])
  var got: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = read(pipeFds[0], &buffer, buffer.count)
    if n <= 0 { break }
    got += buffer[..<n]
  }
  #expect(got == expected)
}

/// Messages say what really went wrong.
@Test func targetErrorsAreExplained() {
  let trace = Workloads.trace("db-then-service")
  #expect(
    message { try TraceJSONWriter.write(trace, to: "") }
      == ": error: cannot write the trace: an empty path is not a file name")
  // /proc exists but refuses new files (ENOENT): said so, not "does not exist"
  // nor the temporary file's errno.
  let proc = message { try TraceJSONWriter.write(trace, to: "/proc/t.json") }
  #expect(
    proc.hasPrefix("/proc/t.json: error: cannot write the trace: the folder /proc cannot hold a new file"))
  #expect(!proc.contains("does not exist"))
  #expect(!proc.contains("temporary"))
}

/// Bytes a reader thread received.
private final class Received: Sendable {
  let bytes = Mutex<[UInt8]>([])
}

/// The file type bits of `path` itself (not following a link); 0 when absent.
private func fileType(_ path: String) -> mode_t {
  var info = stat()
  return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// The message of the error `body` throws, or "no error".
private func message(_ body: () throws -> Void) -> String {
  do {
    try body()
    return "no error"
  } catch {
    return String(describing: error)
  }
}
