import Foundation
import Testing

/// Golden files: what a run must give, byte for byte, kept in the `Goldens`
/// folder next to the test file that checks them. With `ASYNCVIZ_RECORD=1`
/// the file is rewritten and the test fails, so that a recording never
/// passes silently. The one golden helper of every test target.
public enum Golden {
  /// The `Goldens` folder next to the file at `filePath`.
  public static func folder(_ filePath: String) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
  }

  /// Checks `text` against Goldens/`name` (a newline is added when missing,
  /// so that golden files end with one).
  public static func check(
    _ text: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    check(bytes, named: name, filePath: filePath, sourceLocation: sourceLocation)
  }

  /// Checks `bytes` against Goldens/`name`, exactly.
  public static func check(
    _ bytes: [UInt8], named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = folder(filePath).appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ASYNCVIZ_RECORD"] == "1" {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        Issue.record("recorded \(name): unset ASYNCVIZ_RECORD and run again", sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? Data(contentsOf: url) else {
      Issue.record(
        "missing golden \(name): run with ASYNCVIZ_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    guard Array(expected) != bytes else { return }
    let want = String(decoding: expected, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let got = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let row =
      zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
    let wantLine = row < want.count ? String(want[row]) : "<end>"
    let gotLine = row < got.count ? String(got[row]) : "<end>"
    // The whole actual output, for a diff of a large file.
    let actual = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("asyncviz-golden-actual")
      .appendingPathComponent(name)
    try? FileManager.default.createDirectory(
      at: actual.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(bytes).write(to: actual)
    let message = "\(name) differs at line \(row + 1):\n want: \(wantLine)\n  got: \(gotLine)\n"
    Issue.record("\(message)compare: diff \(url.path) \(actual.path)", sourceLocation: sourceLocation)
  }
}

/// A fresh empty folder under the temporary directory.
public func makeTemporaryFolder() -> String {
  let path = NSTemporaryDirectory() + "asyncviz-tests-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
