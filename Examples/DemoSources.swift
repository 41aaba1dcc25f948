import AsyncVizLang

/// A canned example program, built into the binary.
public struct Demo: Sendable {
  /// The name users type: `asyncviz demo NAME`.
  public let name: String
  /// What it teaches, in one line: the program's first comment line.
  public let summary: String
  /// The program text.
  public let source: String

  init(name: String, bytes: [UInt8]) {
    self.name = name
    self.source = String(decoding: bytes, as: UTF8.self)
    self.summary = Demo.firstComment(of: source)
  }

  /// The program as a file named `NAME.av`, the way diagnostics, traces and
  /// the source panel name it.
  public var sourceFile: SourceFile { SourceFile(name: "\(name).av", text: source) }

  /// The text of the first line starting with `#` or `//`, without the marker.
  static func firstComment(of source: String) -> String {
    for line in source.split(whereSeparator: \.isNewline) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      for marker in ["#", "//"] where trimmed.hasPrefix(marker) {
        return String(trimmed.dropFirst(marker.count).drop { $0 == " " })
      }
    }
    return ""
  }
}

/// The canned demos, in teaching order. Their sources are compiled into the
/// binary (SwiftPM's `.embedInCode`), so the binary works wherever it is copied.
public enum DemoCatalog {
  /// Every demo, in the order `asyncviz list` shows them.
  public static let all: [Demo] = [
    Demo(name: "db-then-service", bytes: PackageResources.db_then_service_av),
    Demo(name: "lazy-future", bytes: PackageResources.lazy_future_av),
    Demo(name: "join-concurrent", bytes: PackageResources.join_concurrent_av),
    Demo(name: "many-requests", bytes: PackageResources.many_requests_av),
    Demo(name: "timers", bytes: PackageResources.timers_av),
    Demo(name: "select-timeout", bytes: PackageResources.select_timeout_av),
    Demo(name: "channel-pipeline", bytes: PackageResources.channel_pipeline_av),
    Demo(name: "spawn-vs-await", bytes: PackageResources.spawn_vs_await_av),
    Demo(name: "blocking-the-executor", bytes: PackageResources.blocking_the_executor_av),
    Demo(name: "lost-waker", bytes: PackageResources.lost_waker_av),
    Demo(name: "self-wake", bytes: PackageResources.self_wake_av),
  ]

  /// The demo called `name`, if there is one.
  public static func named(_ name: String) -> Demo? { all.first { $0.name == name } }

  /// The demo name a mistyped `name` most likely meant, for "did you mean":
  /// a name that starts with it ("join" -> "join-concurrent"), else the
  /// closest by edit distance if it is close enough to be a typo.
  public static func closest(to name: String) -> String? {
    let names = all.map(\.name)
    let lowered = name.lowercased()
    if names.contains(lowered) { return lowered }
    if lowered.count >= 3, let prefixed = names.first(where: { $0.hasPrefix(lowered) }) { return prefixed }
    return EditDistance.closest(to: lowered, among: names, limit: max(2, lowered.count / 3))
  }
}
