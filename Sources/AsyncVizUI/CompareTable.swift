import AsyncVizTrace

/// The table `asyncviz compare` prints, as the view shows it (`c`): a column
/// per model, a row per fact, and the paragraph on the differences that
/// matter. The command line computes it (only it can run a program); the
/// view draws it, so both show the same facts in the same words.
public struct CompareTable: Sendable, Equatable {
  /// One fact, a cell per model in the columns' order.
  public struct Row: Sendable, Equatable {
    /// "context switches".
    public var label: String
    /// "0", "0", "11", "0".
    public var cells: [String]

    /// A row.
    public init(label: String, cells: [String]) {
      self.label = label
      self.cells = cells
    }
  }

  /// What was compared and how: "db-then-service (sim backend, virtual time;
  /// threads on 2 CPUs)".
  public var title: String
  /// The columns.
  public var models: [RuntimeModel]
  /// The facts.
  public var rows: [Row]
  /// The key differences, in a few sentences.
  public var summary: String

  /// A table.
  public init(title: String, models: [RuntimeModel], rows: [Row], summary: String) {
    self.title = title
    self.models = models
    self.rows = rows
    self.summary = summary
  }
}
