import Foundation

/// Builds a `GoProject` with Go's toolchain (GOPATH mode, standard library
/// only, nothing downloaded) and runs its programs, turning the marker lines
/// back into one `ProgramOutcome` per program.
public struct GoRunner: Sendable {
  /// The project.
  public let project: GoProject
  /// The go executable.
  public let go: URL

  /// Why the oracle cannot run on this machine, or nil if it can.
  public static func unavailableReason() -> String? {
    findGo() == nil ? "go is not installed (apt-get install golang-go)" : nil
  }

  /// go on PATH, or where Debian's golang-go puts it.
  public static func findGo() -> URL? {
    ChildProcess.find("go", also: ["/usr/lib/go/bin"])
  }

  /// A runner for `project` using `go`.
  public init(project: GoProject, go: URL) {
    self.project = project
    self.go = go
  }

  /// `go build`; throws with the compiler's messages when it fails.
  public func build() throws {
    try Self.build(go, in: project.directory, output: "oracle")
  }

  /// Builds `directory/main.go` into `directory/output` (GOPATH mode, nothing downloaded).
  static func build(_ go: URL, in directory: URL, output: String) throws {
    var env = ProcessInfo.processInfo.environment
    env["GO111MODULE"] = "off"
    env["GOFLAGS"] = ""
    if env["HOME"] == nil { env["GOCACHE"] = directory.appendingPathComponent("cache").path }
    let result = try ChildProcess(
      executable: go, arguments: ["build", "-o", output, "main.go"], directory: directory, environment: env
    ).run()
    if result.status != 0 {
      throw OracleError("go build failed (exit \(result.status)):\n\(result.stderr)")
    }
  }

  /// Writes one translated program (`GoTranslator.translate`) as `directory/main.go`
  /// and builds it; gives the binary, `directory/prog`, to be run by the caller
  /// (`compare --real` measures that process alone, not `go run`'s).
  public static func buildProgram(_ source: String, in directory: URL, go: URL) throws -> URL {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try source.write(to: directory.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
    try build(go, in: directory, output: "prog")
    return directory.appendingPathComponent("prog")
  }

  /// Writes one translated program (`GoTranslator.translate`) as `directory/main.go`,
  /// builds it and runs it with GOMAXPROCS=1, as its header says; gives its
  /// exit status, standard output and standard error, and how often the kernel
  /// took a CPU from it (`ChildProcess.Result.involuntarySwitches`).
  public static func runProgram(_ source: String, in directory: URL, go: URL) throws -> (
    status: Int32, stdout: String, stderr: String, involuntarySwitches: Int
  ) {
    let prog = try buildProgram(source, in: directory, go: go)
    var env = ProcessInfo.processInfo.environment
    env["GOMAXPROCS"] = "1"
    let result = try ChildProcess(executable: prog, arguments: [], directory: directory, environment: env)
      .run()
    return (result.status, result.stdout, result.stderr, result.involuntarySwitches)
  }

  /// Runs the named programs (each in a process of its own, see `GoProject`).
  public func run(_ names: [String]) throws -> [String: ProgramOutcome] {
    if names.isEmpty { return [:] }
    let result = try ChildProcess(
      executable: project.directory.appendingPathComponent("oracle"), arguments: names,
      directory: project.directory, environment: ProcessInfo.processInfo.environment
    ).run()
    let outcomes = OracleOutput.parse(result.stdout)
    if result.status != 0 || outcomes.count != Set(names).count {
      throw OracleError(
        "the Go oracle ran \(outcomes.count) of \(names.count) programs (exit \(result.status)):\n\(result.stderr)"
      )
    }
    return outcomes
  }
}
