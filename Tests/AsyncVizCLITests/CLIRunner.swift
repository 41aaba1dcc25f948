import Foundation
import Testing

/// Runs the built `asyncviz` binary, as a user would from a shell.
///
/// The binary sits next to the test bundle in SwiftPM's build folder (`swift
/// test` builds every product first), so it is found from /proc/self/exe.
struct CLIRunner {
  /// What one run produced.
  struct Result {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  /// The folder holding the `asyncviz` executable.
  static let binary: URL = {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var dir = exe.deletingLastPathComponent()
    // On Linux the test bundle is a plain executable in the products folder;
    // be lenient if it is ever nested one level deeper.
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("asyncviz")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return exe.deletingLastPathComponent().appendingPathComponent("asyncviz")
  }()

  /// Runs `asyncviz ARGS` in `directory` with stdin from /dev/null and both
  /// outputs captured (so the binary sees no terminal). `openFileLimit`
  /// sets the child's soft and hard RLIMIT_NOFILE (through util-linux's
  /// `prlimit`), so a test of running out of descriptors is fast and leaves
  /// this process's limits alone.
  /// `input`, when given, is the child's standard input (from a file, so
  /// that the child sees its end).
  static func run(
    _ arguments: [String], in directory: URL? = nil, openFileLimit: Int? = nil, input: String? = nil
  ) throws -> Result {
    let process = Process()
    if let openFileLimit {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
      process.arguments = ["--nofile=\(openFileLimit):\(openFileLimit)", binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    if let input {
      let file = try temporaryDirectory().appendingPathComponent("stdin.txt")
      try input.write(to: file, atomically: true, encoding: .utf8)
      process.standardInput = try FileHandle(forReadingFrom: file)
    }
    try process.run()
    // Read both pipes to the end before waiting, so a large transcript cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()  // written by one queue, read after group.wait()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `asyncviz ARGS` and checks that it succeeded (exit status 0; its
  /// standard error is the failure message otherwise).
  @discardableResult
  static func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Result
  {
    let result = try run(arguments)
    #expect(result.code == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    return result
  }

  /// Runs `asyncviz ARGS` and checks that it refused them as bad input: exit
  /// status 2 and `message` in its standard error.
  static func expectRefusal(
    _ arguments: [String], saying message: String, input: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try run(arguments, input: input)
    #expect(result.code == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
  }

  /// Writes `source` as the program file `name` in a fresh empty folder.
  static func program(_ source: String, named name: String = "p.av") throws -> (dir: URL, file: URL) {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent(name)
    try source.write(to: file, atomically: true, encoding: .utf8)
    return (dir, file)
  }

  /// A fresh empty folder for files a test writes.
  static func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "asyncviz-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }
}
