/// A key press as the terminal backend decodes it, before it means anything.
public enum InputKey: Equatable, Sendable {
  /// A printable character (or space).
  case character(Character)
  /// Arrow keys.
  case up, down, left, right
  /// Home and End.
  case home, end
  /// Page keys.
  case pageUp, pageDown
  /// Tab and Shift-Tab.
  case tab, backTab
  /// Return / Enter.
  case enter
  /// Escape.
  case escape
  /// Ctrl-C (read as a key: the terminal is in raw mode).
  case interrupt
  /// The terminal changed size.
  case resize
  /// Anything else (an unmapped function key).
  case other(Int32)
}
