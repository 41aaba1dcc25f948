import AsyncVizTrace
import AsyncVizTraceState

/// What a cell shows, by meaning; the terminal backend picks colours and
/// attributes for each role (and a monochrome rendering when it has no colour).
public enum StyleRole: UInt8, Sendable, CaseIterable {
  /// Ordinary text.
  case text
  /// Secondary text: labels, line numbers, "-".
  case dim
  /// Panel borders.
  case border
  /// Panel titles.
  case title
  /// The header bar.
  case header
  /// Key names in the footer and the help.
  case key
  /// The status line.
  case status
  /// A status that needs attention (stuck, max-steps, an error).
  case warning
  /// The source line of the selected task.
  case highlight
  /// A suspension marker in the source, the selection arrow.
  case marker
  /// A task state: ready.
  case ready
  /// A task state: polling.
  case polling
  /// A task state: pending.
  case pending
  /// A task state: done.
  case done
  /// A task state: stuck.
  case stuck
  /// A lint beside a task or in a note.
  case lint

  /// The role of a task status word.
  public static func of(_ status: TaskStatus) -> StyleRole {
    switch status {
    case .ready: .ready
    case .polling: .polling
    case .pending: .pending
    case .done, .dropped: .done
    case .stuck: .stuck
    }
  }
}

/// The look of one cell: a role plus emphasis.
public struct CellStyle: Hashable, Sendable {
  /// What the cell means.
  public var role: StyleRole
  /// Bold text.
  public var bold: Bool
  /// Reverse video (the selected task's row).
  public var reverse: Bool

  /// A style of `role`.
  public init(_ role: StyleRole, bold: Bool = false, reverse: Bool = false) {
    self.role = role
    self.bold = bold
    self.reverse = reverse
  }

  /// Plain text.
  public static let plain = CellStyle(.text)
}
