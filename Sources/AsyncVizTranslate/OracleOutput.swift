/// The marker lines an oracle program prints around each program's output,
/// the same for every target (a tokio binary today; Node and Go scripts can
/// print the same): `##oracle start NAME`, the program's lines, then
/// `##oracle end NAME MICROSECONDS`, `##oracle stuck NAME` or `##oracle panic NAME`.
public enum OracleOutput {
  /// Reads `##oracle start NAME`, the program's lines, then `##oracle end NAME US`
  /// (or `stuck NAME`, `panic NAME`).
  public static func parse(_ output: String) -> [String: ProgramOutcome] {
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
}
