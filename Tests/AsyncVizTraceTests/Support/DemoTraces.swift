import AsyncVizTrace
import Foundation

/// The demos' golden traces, recorded by the language module's tests
/// (Tests/AsyncVizLangTests/Goldens/NAME.trace.json): real exports of every
/// canned demo, read here with the trace reader.
enum DemoTraces {
  /// The folder of the language module's goldens.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("AsyncVizLangTests/Goldens")

  /// The paths of the demo traces, sorted.
  static func paths() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".trace.json") }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }
}
