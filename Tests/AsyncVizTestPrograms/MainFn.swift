/// The mains that many tests' `.av` programs end with: main spawns the
/// program's fns, then awaits each handle in order, or sleeps. Each is
/// written here one way, so a test shows only its own fns and its call says
/// what its main does. Each text begins with a line break, to follow fns
/// written in a multi-line literal (which ends without one):
///
///     """
///     async fn timer() {
///         ...
///     }
///     """ + MainFn.spawnsThenAwaits("timer", "yielder")
public enum MainFn {
  /// A main that spawns each of `fns` (fns without parameters) in order,
  /// naming each handle by its fn's first letter, then awaits the handles
  /// in the same order. `spawnsThenAwaits("timer", "yielder")`:
  ///
  ///     async fn main() {
  ///         let t = spawn timer()
  ///         let y = spawn yielder()
  ///         await t
  ///         await y
  ///     }
  public static func spawnsThenAwaits(_ fns: String...) -> String {
    let handles = fns.map { String($0.prefix(1)) }
    precondition(Set(handles).count == handles.count, "two of \(fns) begin with the same letter")
    return awaitingEach(zip(handles, fns).map { "let \($0) = spawn \($1)()" }, handles: handles)
  }

  /// A main that spawns `fn` once for each of `names`, in order, passing the
  /// name as its one argument and naming the handle by it, then awaits the
  /// handles in the same order. `spawnsThenAwaits("worker", named: "a", "b")`:
  ///
  ///     async fn main() {
  ///         let a = spawn worker("a")
  ///         let b = spawn worker("b")
  ///         await a
  ///         await b
  ///     }
  public static func spawnsThenAwaits(_ fn: String, named names: String...) -> String {
    awaitingEach(names.map { "let \($0) = spawn \(fn)(\"\($0)\")" }, handles: names)
  }

  /// A main that spawns each of `fns` (fns without parameters) in order,
  /// keeping no handle, then sleeps for `duration` (an `.av` duration such
  /// as "5ms"). `spawns("f", "g", thenSleeps: "5ms")`:
  ///
  ///     async fn main() {
  ///         spawn f()
  ///         spawn g()
  ///         await sleep(5ms)
  ///     }
  public static func spawns(_ fns: String..., thenSleeps duration: String) -> String {
    body(fns.map { "spawn \($0)()" } + ["await sleep(\(duration))"])
  }

  private static func awaitingEach(_ spawns: [String], handles: [String]) -> String {
    body(spawns + handles.map { "await \($0)" })
  }

  /// `statements` as main's body, one a line, with the four-space indentation
  /// the tests' programs use.
  private static func body(_ statements: [String]) -> String {
    "\nasync fn main() {\n" + statements.map { "    \($0)\n" }.joined() + "}"
  }
}
