import AsyncVizUI
import CNcursesw

/// Turns what `wget_wch` returned into an `InputKey`.
enum KeyDecoder {
  /// `status` is wget_wch's result (OK or KEY_CODE_YES), `value` the character or key code.
  static func decode(status: Int32, value: UInt32) -> InputKey {
    if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: value)) }
    switch value {
    case 3: return .interrupt  // Ctrl-C in raw mode
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    default:
      guard value >= 0x20, value != 0x7F, let scalar = Unicode.Scalar(value) else {
        return .other(Int32(bitPattern: value))
      }
      return .character(Character(scalar))
    }
  }

  private static func functionKey(_ code: Int32) -> InputKey {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_HOME: .home
    case KEY_END: .end
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_BTAB: .backTab
    case KEY_ENTER: .enter
    case KEY_RESIZE: .resize
    default: .other(code)
    }
  }
}
