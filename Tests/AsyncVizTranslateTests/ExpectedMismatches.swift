import Foundation

/// The cases known to disagree with a real runtime, read from its list file
/// (ExpectedMismatches.txt for tokio):
/// one name per line, then `#` and why. The list exists so the branch can
/// land before the model follows tokio; it must shrink to empty. The test
/// fails if a listed case agrees (remove it) or an unlisted one disagrees.
struct ExpectedMismatches {
  /// The tokio list's header.
  static let header = """
    # Programs whose asyncviz run (rust model, sim backend) disagrees with real tokio today.
    # One name per line, then why (the tokio rule the model does not follow yet). The
    # differential test (TokioOracleTests) fails if a listed program agrees or an unlisted one
    # disagrees. Once the rust model follows tokio's current_thread rules this list is empty.
    # ASYNCVIZ_RECORD=1 swift test --filter TokioOracleTests rewrites it (and fails the run).

    """

  /// Listed names with their reasons.
  var reasons: [String: String] = [:]

  static func load(from file: URL) -> ExpectedMismatches {
    var list = ExpectedMismatches()
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "#", maxSplits: 1)
      let name = parts[0].trimmingCharacters(in: .whitespaces)
      if name.isEmpty { continue }
      list.reasons[name] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    }
    return list
  }

  /// Rewrites the file with `entries` (name, reason), keeping the header.
  static func record(_ entries: [(String, String)], to file: URL, header: String) throws {
    var text = header
    for (name, reason) in entries { text += "\(name)  # \(reason)\n" }
    try text.write(to: file, atomically: true, encoding: .utf8)
  }
}
