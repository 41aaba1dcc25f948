import Foundation

/// Builds a `TokioProject` with cargo and runs its programs, turning the
/// marker lines back into one `ProgramOutcome` per program.
public struct TokioRunner: Sendable {
  /// The project.
  public let project: TokioProject
  /// The cargo executable.
  public let cargo: URL

  /// Why the oracle cannot run on this machine, or nil if it can.
  public static func unavailableReason(registry: String = "/usr/share/cargo/registry") -> String? {
    if findCargo() == nil {
      return "cargo is not installed (not on PATH, nor in ~/.cargo/bin or /root/.cargo/bin)"
    }
    let crates = (try? FileManager.default.contentsOfDirectory(atPath: registry)) ?? []
    if !crates.contains(where: { $0.hasPrefix("tokio-1.") }) {
      return "tokio is not in \(registry) (apt-get install librust-tokio-dev)"
    }
    return nil
  }

  /// cargo on PATH, or where rustup puts it.
  public static func findCargo() -> URL? {
    let env = ProcessInfo.processInfo.environment
    var dirs = (env["PATH"] ?? "").split(separator: ":").map(String.init)
    if let home = env["HOME"] { dirs.append(home + "/.cargo/bin") }
    dirs.append("/root/.cargo/bin")
    for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/cargo") {
      return URL(fileURLWithPath: dir + "/cargo")
    }
    return nil
  }

  /// A runner for `project` using `cargo`.
  public init(project: TokioProject, cargo: URL) {
    self.project = project
    self.cargo = cargo
  }

  /// `cargo build`; throws with cargo's messages when it fails.
  public func build() throws {
    let result = try Self.execute(
      cargo, ["build", "--offline", "--quiet"], in: project.directory,
      extraPath: cargo.deletingLastPathComponent().path)
    if result.status != 0 {
      throw OracleError("cargo build failed (exit \(result.status)):\n\(result.stderr)")
    }
  }

  /// Runs the named programs; a stuck program ends its process, so the rest
  /// go to a new one.
  public func run(_ names: [String]) throws -> [String: ProgramOutcome] {
    let binary = project.directory.appendingPathComponent("target/debug/oracle")
    var outcomes: [String: ProgramOutcome] = [:]
    var left = names[...]
    while !left.isEmpty {
      let result = try Self.execute(binary, Array(left), in: project.directory, extraPath: nil)
      let parsed = Self.parse(result.stdout)
      for (name, outcome) in parsed { outcomes[name] = outcome }
      let done = left.prefix { parsed[$0] != nil }.count
      if done == 0 {
        throw OracleError("the oracle ran nothing (exit \(result.status)):\n\(result.stderr)")
      }
      left = left.dropFirst(done)
    }
    return outcomes
  }

  /// Reads `##oracle start NAME`, the program's lines, then `##oracle end NAME US`
  /// (or `stuck NAME`, `panic NAME`).
  static func parse(_ output: String) -> [String: ProgramOutcome] {
    var outcomes: [String: ProgramOutcome] = [:]
    var current: String?
    var lines: [String] = []
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("##oracle ") else {
        if current != nil { lines.append(String(line)) }
        continue
      }
      let words = line.split(separator: " ", maxSplits: 2)
      guard words.count >= 3 else { continue }
      let rest = String(words[2])
      switch words[1] {
      case "start":
        current = rest
        lines = []
      case "end":
        guard let space = rest.lastIndex(of: " "), let us = Int64(rest[rest.index(after: space)...]) else {
          continue
        }
        outcomes[String(rest[..<space])] = ProgramOutcome(lines: lines, end: .finished(us: us))
        current = nil
      case "stuck":
        outcomes[rest] = ProgramOutcome(lines: lines, end: .stuck)
        current = nil
      case "panic":
        outcomes[rest] = ProgramOutcome(lines: lines, end: .failed("panicked"))
        current = nil
      default: continue
      }
    }
    return outcomes
  }

  static func execute(_ executable: URL, _ arguments: [String], in directory: URL, extraPath: String?) throws
    -> (
      status: Int32, stdout: String, stderr: String
    )
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let extraPath {
      var env = ProcessInfo.processInfo.environment
      env["PATH"] = extraPath + ":" + (env["PATH"] ?? "/usr/bin:/bin")
      process.environment = env
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes to their ends before waiting, so a full pipe never blocks the child.
    let errData = ReadAll(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), errData.wait())
  }
}

/// Reads a pipe to its end on a thread of its own.
private final class ReadAll: @unchecked Sendable {
  // Written once by the reading thread before the semaphore is signalled, read after waiting on it.
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func wait() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}

/// The oracle could not build or run.
public struct OracleError: Error, CustomStringConvertible, Sendable {
  public var description: String

  init(_ description: String) { self.description = description }
}
