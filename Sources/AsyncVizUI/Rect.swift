/// A rectangle of cells: columns `x..<x+width`, rows `y..<y+height`.
public struct Rect: Equatable, Sendable, CustomStringConvertible {
  /// Left column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Columns (>= 0).
  public var width: Int
  /// Rows (>= 0).
  public var height: Int

  /// Makes a rectangle; negative sizes become 0.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// One past the right column.
  public var maxX: Int { x + width }
  /// One past the bottom row.
  public var maxY: Int { y + height }

  /// The inside of a box drawn on this rectangle's edge.
  public var interior: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

  public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
