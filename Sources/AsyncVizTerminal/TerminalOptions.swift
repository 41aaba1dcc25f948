import AsyncVizUI

/// How the full-screen view is drawn, from the command line.
public struct TerminalOptions: Sendable, Equatable {
  /// `--ascii`: no Unicode box drawing (also forced when the locale is not UTF-8).
  public var ascii: Bool
  /// false for `--no-color`; a terminal without colours is monochrome anyway.
  public var color: Bool
  /// Where `e` writes the trace, if known in advance (the help says it).
  public var exportPath: String?

  /// Options; the defaults are Unicode, colour, no fixed export path.
  public init(ascii: Bool = false, color: Bool = true, exportPath: String? = nil) {
    self.ascii = ascii
    self.color = color
    self.exportPath = exportPath
  }

  /// The view's options.
  var view: ViewOptions { ViewOptions(ascii: ascii, color: color, exportPath: exportPath) }
}
