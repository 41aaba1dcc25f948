import AsyncVizUI
import CNcursesw
import Glibc

/// The terminal, through ncursesw: opened with `newterm` (not `initscr`, which
/// exits the process on a bad TERM), drawn to with runs of changed cells,
/// read with `wget_wch`. `close()` restores the terminal; it must be called
/// on every way out.
final class CursesScreen {
  /// Why the terminal cannot be used, in words for stderr.
  struct Unusable: Error {
    let message: String
  }

  /// The curses screen.
  private let screen: OpaquePointer
  /// The standard window of that screen.
  private let window: UnsafeMutablePointer<WINDOW>
  /// Colours and attributes per style.
  let palette: CursesPalette
  /// Whether the locale is UTF-8 (if not, only ASCII can be drawn).
  let unicode: Bool
  /// Set once closed; closing twice is harmless.
  private var closed = false

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: CursesPalette, unicode: Bool
  ) {
    self.screen = screen
    self.window = window
    self.palette = palette
    self.unicode = unicode
  }

  /// Opens the terminal named by TERM in full-screen mode.
  static func open(color: Bool) -> Result<CursesScreen, Unusable> {
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      return .failure(
        Unusable(
          message:
            "TERM is not set, so the terminal type is unknown; set TERM (e.g. xterm-256color) or use --plain")
      )
    }
    // Box drawing needs a UTF-8 locale; fall back to C.UTF-8 when the user's is not.
    setlocale(LC_ALL, "")
    if av_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    let unicode = av_locale_is_utf8() != 0
    guard let screen = av_newterm(nil) else {
      return .failure(
        Unusable(
          message:
            "unknown terminal type '\(term)' (TERM); set TERM to a type this system knows, or use --plain"))
    }
    guard av_has_cursor_addressing() != 0, let window = av_stdscr() else {
      endwin()
      delscreen(screen)
      return .failure(
        Unusable(
          message:
            "terminal type '\(term)' cannot move the cursor, so a full-screen view is impossible; use --plain"
        ))
    }
    _ = raw()  // Ctrl-C and Ctrl-Z arrive as keys, not signals
    _ = noecho()
    _ = nonl()
    _ = keypad(window, true)
    _ = intrflush(window, false)
    _ = leaveok(window, true)
    _ = curs_set(0)
    _ = set_escdelay(25)
    let palette = CursesPalette(wanted: color)
    _ = wclear(window)
    return .success(CursesScreen(screen: screen, window: window, palette: palette, unicode: unicode))
  }

  /// The current size in cells (updated by ncurses before KEY_RESIZE arrives).
  var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

  /// Draws the runs and shows the result.
  func draw(_ runs: [CellRun]) {
    var text: [wchar_t] = []
    for run in runs {
      let (attr, pair) = palette.look(run.style)
      _ = wattr_set(window, attr, pair, nil)
      text.removeAll(keepingCapacity: true)
      for scalar in run.text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
      text.append(0)
      _ = mvwaddnwstr(window, Int32(run.row), Int32(run.column), text, Int32(text.count - 1))
    }
    _ = wrefresh(window)
  }

  /// Forgets what is on the screen so that the next frame repaints every cell
  /// (after a resize, the terminal's contents are unknown).
  func invalidate() {
    _ = clearok(window, true)
    _ = werase(window)
  }

  /// Waits for a key up to `timeoutMs` (negative: forever). nil on timeout
  /// or when a signal interrupted the wait.
  func readKey(timeoutMs: Int) -> InputKey? {
    wtimeout(window, Int32(clamping: timeoutMs))
    var value: wint_t = 0
    let status = wget_wch(window, &value)
    guard status != ERR else { return nil }
    return KeyDecoder.decode(status: status, value: UInt32(value))
  }

  /// Leaves full-screen mode: the normal screen, echo and line mode come back.
  func close() {
    guard !closed else { return }
    closed = true
    _ = curs_set(1)
    endwin()
    delscreen(screen)
  }
}
