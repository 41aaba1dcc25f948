import Foundation
import Testing

/// Golden files: compared byte for byte; `ASYNCVIZ_RECORD=1` rewrites them
/// and fails the test, so that recording never passes silently.
enum Golden {
  /// The folder of this target's goldens.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Goldens")

  /// Checks `bytes` against Goldens/`name`.
  static func check(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ASYNCVIZ_RECORD"] == "1" {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? Data(bytes).write(to: url)
      Issue.record("recorded \(name); run again without ASYNCVIZ_RECORD", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? Data(contentsOf: url) else {
      Issue.record("missing golden \(name); run once with ASYNCVIZ_RECORD=1", sourceLocation: sourceLocation)
      return
    }
    if Array(expected) != bytes {
      let got = String(decoding: bytes, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let want = String(decoding: expected, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let common = min(got.count, want.count)
      let line = (0..<common).first { got[$0] != want[$0] } ?? common
      let gotLine = line < got.count ? String(got[line]) : "<end>"
      let wantLine = line < want.count ? String(want[line]) : "<end>"
      Issue.record(
        "\(name) differs at line \(line + 1):\n  got:  \(gotLine)\n  want: \(wantLine)",
        sourceLocation: sourceLocation)
    }
  }

  /// Checks text against Goldens/`name`.
  static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    check(Array(text.utf8), name, sourceLocation: sourceLocation)
  }
}

/// A fresh empty folder under the temporary directory.
func makeTemporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "asyncviz-trace-tests-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
