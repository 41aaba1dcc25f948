import Foundation
import Testing

/// Whole-screen snapshots kept in Goldens/ next to this file. With
/// ASYNCVIZ_RECORD=1 the file is rewritten and the test fails, so that a
/// recording never passes silently.
enum GoldenFile {
  static func directory(_ filePath: String) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
  }

  static func check(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory(filePath).appendingPathComponent(name)
    let text = actual.hasSuffix("\n") ? actual : actual + "\n"
    if ProcessInfo.processInfo.environment["ASYNCVIZ_RECORD"] == "1" {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded \(name): unset ASYNCVIZ_RECORD and run again", sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden \(name): run with ASYNCVIZ_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if expected != text {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = text.split(separator: "\n", omittingEmptySubsequences: false)
      let row = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
      let want = row < a.count ? String(a[row]) : "<end>"
      let got = row < b.count ? String(b[row]) : "<end>"
      Issue.record(
        "\(name) differs at row \(row):\n want: \(want)\n  got: \(got)\n\(text)",
        sourceLocation: sourceLocation)
    }
  }
}
