/// One character cell of the screen.
///
/// A wide character (two columns) is stored in its first cell; the second
/// holds the `continuation` scalar 0 with the same style, so each row always
/// has exactly `width` cells.
public struct Cell: Equatable, Sendable {
  /// The character (a Unicode scalar value); 0 marks the right half of a wide one.
  public var scalar: UInt32
  /// Its style.
  public var style: CellStyle

  /// A cell showing `character`.
  public init(_ character: Unicode.Scalar, _ style: CellStyle = .plain) {
    self.scalar = character.value
    self.style = style
  }

  init(raw: UInt32, style: CellStyle) {
    self.scalar = raw
    self.style = style
  }

  /// A blank cell.
  public static let blank = Cell(" ")

  /// Whether this is the right half of a wide character.
  public var isContinuation: Bool { scalar == 0 }

  /// The character, or nil for a continuation cell.
  public var character: Unicode.Scalar? { scalar == 0 ? nil : Unicode.Scalar(scalar) }
}
