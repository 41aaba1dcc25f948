/// The characters boxes and markers are drawn with: Unicode box drawing, or
/// plain ASCII for `--ascii` and for terminals without a UTF-8 locale.
public struct Glyphs: Sendable, Equatable {
  /// ─
  public var horizontal: Unicode.Scalar
  /// │
  public var vertical: Unicode.Scalar
  /// ┌
  public var topLeft: Unicode.Scalar
  /// ┐
  public var topRight: Unicode.Scalar
  /// └
  public var bottomLeft: Unicode.Scalar
  /// ┘
  public var bottomRight: Unicode.Scalar
  /// "→": the order of the run queue, a key's direction.
  public var arrow: String
  /// "←".
  public var leftArrow: String
  /// "▸": the selected task, the task polled in this step.
  public var pointer: String
  /// "◂": a task suspended at a source line.
  public var marker: String
  /// "…": something cut short.
  public var ellipsis: String
  /// "∞": an infinite wait.
  public var infinity: String

  /// Unicode box drawing.
  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    arrow: "→", leftArrow: "←", pointer: "▸", marker: "◂", ellipsis: "…", infinity: "∞")

  /// Plain ASCII.
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    arrow: "->", leftArrow: "<-", pointer: ">", marker: "<", ellipsis: "...", infinity: "inf")
}
