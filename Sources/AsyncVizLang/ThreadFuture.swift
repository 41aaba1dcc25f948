import AsyncVizTrace

/// A future under the threads model. Threaded code has no futures: a call
/// is made when it is awaited, by the awaiting thread, as a plain call; so
/// a future held as a value is the call not yet made. `spawn` (and `join`,
/// `select`, `timeout`, on helper threads) makes it a thread at once; then
/// awaiting it is pthread_join.
final class ThreadFuture {
  enum State {
    /// The call, not made yet.
    case unmade(FutureRecipe, [Value])
    /// Running (or run) on its own thread.
    case thread(TaskID)
    /// Made by an await already (a future is used once).
    case used
  }

  var state: State
  /// What made it, for messages ("db.query", "worker").
  let name: String

  init(_ recipe: FutureRecipe, _ args: [Value], name: String) {
    state = .unmade(recipe, args)
    self.name = name
  }

  init(thread: TaskID, name: String) {
    state = .thread(thread)
    self.name = name
  }

  /// How `print` shows it.
  var label: String {
    if case .thread(let id) = state { return "<thread #\(id.rawValue)>" }
    return "<future \(name)>"
  }
}
