import AsyncVizTrace

/// A job of V8's microtask queue (a promise reaction or a thenable job):
/// what the trace says of it, and the code it runs.
struct Microtask {
  /// The async fn it is for.
  var task: TaskID
  /// What it does.
  var job: MicrotaskJob
  /// The code.
  var run: () -> Void
}

/// A callback libuv's loop runs as a macrotask (a timer or an immediate):
/// the async fn that asked for it and the code.
struct Macrotask {
  /// The async fn that armed it.
  var task: TaskID
  /// The code.
  var run: () -> Void
}
