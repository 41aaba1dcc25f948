/// How the go and threads models name the units they start for the futures
/// of `join`, `select` and `timeout` (a goroutine or a thread per future),
/// so that the narration can tell such a helper from a unit the program
/// spawned: under rust there is no helper at all (the combinator polls its
/// futures inside the awaiting task), and the notes say so.
public enum HelperUnits {
  /// The combinators that start helpers.
  static let combinators = ["join", "select", "timeout"]
  /// The prefix of a helper thread's name.
  static let threadPrefix = "helper: "

  /// A helper goroutine's name: "select[1]", or "select[1] fetch" when the
  /// future is a call of async fn `fetch`, "join[0] wait #3" for a handle.
  public static func goroutine(_ combinator: String, _ index: Int, runs what: String?) -> String {
    what.map { "\(combinator)[\(index)] \($0)" } ?? "\(combinator)[\(index)]"
  }

  /// A helper thread's name: "helper: db.query".
  public static func thread(for future: String) -> String { threadPrefix + future }

  /// Whether a unit of a `model` trace named `name` is such a helper. A
  /// program's own names cannot contain "[" or ":", so none is taken for one.
  public static func isHelper(named name: String, in model: RuntimeModel) -> Bool {
    switch model {
    case .go: combinators.contains { name.hasPrefix("\($0)[") }
    case .threads: name.hasPrefix(threadPrefix)
    case .rust, .node: false
    }
  }
}
