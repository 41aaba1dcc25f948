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
    let home = ProcessInfo.processInfo.environment["HOME"].map { [$0 + "/.cargo/bin"] } ?? []
    return ChildProcess.find("cargo", also: home + ["/root/.cargo/bin"])
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
      let parsed = OracleOutput.parse(result.stdout)
      for (name, outcome) in parsed { outcomes[name] = outcome }
      let done = left.prefix { parsed[$0] != nil }.count
      if done == 0 {
        throw OracleError("the oracle ran nothing (exit \(result.status)):\n\(result.stderr)")
      }
      left = left.dropFirst(done)
    }
    return outcomes
  }

  /// Runs `executable ARGS` in the project's folder (see `ChildProcess`), returning its status and outputs.
  static func execute(_ executable: URL, _ arguments: [String], in directory: URL, extraPath: String?) throws
    -> ChildProcess.Result
  {
    var env = ProcessInfo.processInfo.environment
    if let extraPath {
      env["PATH"] = extraPath + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    }
    return try ChildProcess(
      executable: executable, arguments: arguments, directory: directory, environment: env
    ).run()
  }
}

/// The oracle could not build or run.
public struct OracleError: Error, CustomStringConvertible, Sendable {
  public var description: String

  init(_ description: String) { self.description = description }
}
