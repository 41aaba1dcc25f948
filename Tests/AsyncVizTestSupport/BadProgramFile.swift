import Foundation
import Testing

/// A program that must be rejected, kept as a `.av` file in a folder next to
/// the test that walks it (as rustc keeps its UI tests): the file's first
/// line is a comment saying where and why, as in
///
///     # error 3:11: cannot await an integer
///
/// The position counts that first line, so it is the one `asyncviz run`
/// reports for the file; the message is a fragment the error must contain.
/// A learner can run any of the files and read the error it gives.
public struct BadProgramFile: Sendable, CustomTestStringConvertible {
  /// Where and why the program must be rejected.
  public struct Expected: Sendable {
    /// 1-based line, counting the header.
    public let line: Int
    /// 1-based column, in Unicode scalars (a tab is one).
    public let column: Int
    /// A fragment of the error's message.
    public let message: String
  }

  /// The path below the folder, as "semantic/await-of-an-integer.av".
  public let name: String
  /// The file.
  public let url: URL
  /// The file's bytes, as the compiler reads them (they may be invalid UTF-8).
  public let bytes: [UInt8]
  /// What the header says, or nil when the first line is not such a header.
  public let expected: Expected?

  public var testDescription: String { name }

  /// The file's text, decoded leniently as the compiler does.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Every `.av` file below `folder` (next to the file at `filePath`), by name;
  /// none when the folder cannot be read (the tests that count them fail then).
  public static func all(in folder: String, filePath: String = #filePath) -> [BadProgramFile] {
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folder)
    let names = FileManager.default.subpaths(atPath: root.path) ?? []
    return names.filter { $0.hasSuffix(".av") }.sorted().compactMap { name in
      let url = root.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
      return BadProgramFile(name: name, url: url, bytes: Array(data))
    }
  }

  init(name: String, url: URL, bytes: [UInt8]) {
    self.name = name
    self.url = url
    self.bytes = bytes
    let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    self.expected = Self.parse(header.hasSuffix("\r") ? String(header.dropLast()) : header)
  }

  /// "# error 3:11: cannot await an integer".
  static func parse(_ header: String) -> Expected? {
    let prefix = "# error "
    guard header.hasPrefix(prefix) else { return nil }
    let rest = header.dropFirst(prefix.count)
    let parts = rest.split(separator: ":", maxSplits: 2)
    guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]), parts[2].hasPrefix(" ")
    else { return nil }
    return Expected(line: line, column: column, message: String(parts[2].dropFirst()))
  }

  /// Line `n` (1-based) as a diagnostic shows it: any line ending ends it, and
  /// invalid UTF-8 is decoded leniently; empty past the end.
  public func sourceLine(_ n: Int) -> String {
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    return n <= lines.count ? String(lines[n - 1]) : ""
  }
}
