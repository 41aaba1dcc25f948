import AsyncVizUI
import CNcursesw

/// Maps style roles to curses colour pairs and attributes: each task state
/// has its own colour, the selected task is in reverse video. Without colour
/// (`--no-color`, or a terminal that has none) roles are told apart by
/// bold, dim, underline and reverse alone.
struct CursesPalette {
  /// Attributes per role (index: `StyleRole.rawValue`), colour pair included.
  private var attributes: [attr_t]
  /// Colour pair per role (0: the terminal's default).
  private var pairs: [Int16]

  /// Sets up colour pairs if `wanted` and the terminal has colours.
  init(wanted: Bool) {
    let count = StyleRole.allCases.count
    attributes = Array(repeating: av_a_normal(), count: count)
    pairs = Array(repeating: 0, count: count)
    let color = wanted && has_colors() && start_color() != ERR
    if color { _ = use_default_colors() }
    for role in StyleRole.allCases {
      let i = Int(role.rawValue)
      if color, let (fg, bg) = Self.colours(role) {
        let pair = Int16(i + 1)
        _ = init_pair(pair, fg, bg)
        pairs[i] = pair
      }
      attributes[i] = color ? Self.colourAttributes(role) : Self.monochrome(role)
    }
  }

  /// The attributes and pair of a style.
  func look(_ style: CellStyle) -> (attr_t, Int16) {
    let i = Int(style.role.rawValue)
    var attr = attributes[i]
    if style.bold { attr |= av_a_bold() }
    if style.reverse { attr |= av_a_reverse() }
    return (attr, pairs[i])
  }

  /// Foreground and background (-1: the terminal's default) of a role.
  private static func colours(_ role: StyleRole) -> (Int16, Int16)? {
    let c = { (v: Int32) in Int16(v) }
    switch role {
    case .text: return nil
    case .dim: return nil
    case .border: return (c(COLOR_BLUE), -1)
    case .title: return (c(COLOR_CYAN), -1)
    case .header: return (c(COLOR_BLACK), c(COLOR_CYAN))
    case .key: return (c(COLOR_YELLOW), -1)
    case .status: return (c(COLOR_GREEN), -1)
    case .warning: return (c(COLOR_RED), -1)
    case .highlight: return (c(COLOR_BLACK), c(COLOR_YELLOW))
    case .marker: return (c(COLOR_MAGENTA), -1)
    case .ready: return (c(COLOR_YELLOW), -1)
    case .polling: return (c(COLOR_CYAN), -1)
    case .pending: return (c(COLOR_BLUE), -1)
    case .done: return (c(COLOR_GREEN), -1)
    case .stuck: return (c(COLOR_RED), -1)
    case .lint: return (c(COLOR_RED), -1)
    }
  }

  private static func colourAttributes(_ role: StyleRole) -> attr_t {
    switch role {
    case .dim: av_a_dim()
    case .stuck, .warning, .lint: av_a_bold()
    default: av_a_normal()
    }
  }

  private static func monochrome(_ role: StyleRole) -> attr_t {
    switch role {
    case .text, .ready, .pending, .border: av_a_normal()
    case .dim, .done: av_a_dim()
    case .title, .key, .marker, .polling, .status: av_a_bold()
    case .header, .highlight: av_a_reverse()
    case .warning, .lint, .stuck: av_a_bold() | av_a_underline()
    }
  }
}
