import AsyncVizTrace

/// What a frame of a goroutine did when it ran.
enum GoAdvance {
  /// It returned this value to the frame below.
  case returned(Value)
  /// It pushed a frame (a call) that runs now.
  case pushed
  /// The goroutine stopped running: it parked, yielded, or started CPU work
  /// or a system call. Its next turn goes on where it stopped.
  case stopped
}

/// A frame of a goroutine's stack: a call of an async fn (`GoCodeFrame`) or
/// one of the translation's helpers that waits more than once (join's
/// receives, self_wake's Gosched calls, a helper goroutine's body).
protocol GoFrame: AnyObject {
  /// Runs the frame; `input` is the value it was waiting for (a callee's
  /// result, a received value), nil when it starts.
  func advance(_ g: Goroutine, _ input: Value?) -> GoAdvance
}
