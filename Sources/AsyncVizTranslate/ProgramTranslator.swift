import AsyncVizLang

/// A real runtime that asyncviz can print a program for.
public enum TranslationTarget: String, Sendable, CaseIterable {
  /// tokio's current_thread runtime (Rust).
  case rust
  /// Node 20: V8's promises on libuv's event loop (JavaScript).
  case node
  /// Go's runtime: goroutines on its M:N scheduler.
  case go

  /// The translator that writes for this runtime.
  public var translator: any ProgramTranslator {
    switch self {
    case .rust: RustTranslator()
    case .node: NodeTranslator()
    case .go: GoTranslator()
    }
  }
}

/// Prints a checked .av program as a runnable program for a real runtime.
///
/// Each target has one translator; they share `ProgramShape` (what every name
/// and expression is: data, a future or a join handle), so a Node or Go
/// translator only decides how each construct is written.
public protocol ProgramTranslator: Sendable {
  /// The whole program as one source file that runs on its own.
  func translate(_ shape: ProgramShape) throws(TranslationError) -> String
}

/// A program that compiles in asyncviz but has no faithful translation (for
/// example a parameter that is sometimes a future and sometimes a number).
public struct TranslationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where in the .av source the problem is.
  public var location: SourceLocation
  /// What cannot be translated and why.
  public var message: String

  /// Makes an error.
  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): cannot translate: \(message)" }
}
