/// How the screen is drawn, from the command line's flags.
public struct ViewOptions: Sendable, Equatable {
  /// `--ascii`: no Unicode box drawing or arrows.
  public var ascii: Bool
  /// Colours (false for `--no-color`; the terminal backend also turns them
  /// off on a terminal without colours). Panels mark state with words and
  /// arrows as well, so nothing depends on colour alone.
  public var color: Bool

  /// Where `e` writes the trace, for the help to say (nil: not known in advance).
  public var exportPath: String?
  /// What the status line shows first (the compiler's warnings), until a key clears it.
  public var notice: String?
  /// Set: the view opens with prediction on (`asyncviz quiz`).
  public var prediction: PredictionOptions?

  /// Options; the defaults are Unicode and colour.
  public init(ascii: Bool = false, color: Bool = true, exportPath: String? = nil, notice: String? = nil) {
    self.ascii = ascii
    self.color = color
    self.exportPath = exportPath
    self.notice = notice
  }

  /// The glyph set for these options.
  public var glyphs: Glyphs { ascii ? .ascii : .unicode }
}
