/// A horizontal run of changed cells that share one style: what a terminal
/// backend draws with one cursor move, one attribute change and one write.
public struct CellRun: Equatable, Sendable {
  /// Row.
  public var row: Int
  /// First column.
  public var column: Int
  /// The style of every cell of the run.
  public var style: CellStyle
  /// The characters (a wide one covers two columns).
  public var text: String
  /// Columns covered.
  public var width: Int

  /// Describes a run.
  public init(row: Int, column: Int, style: CellStyle, text: String, width: Int) {
    self.row = row
    self.column = column
    self.style = style
    self.text = text
    self.width = width
  }
}
