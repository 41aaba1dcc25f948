import AsyncVizGoRuntime
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

/// One goroutine of the go model: its stack of frames, run by the scheduler.
final class Goroutine: GoBody {
  unowned let host: GoRun
  /// Its id in the trace (set by `go`).
  var task = TaskID(0)
  var frames: [any GoFrame] = []
  /// The value its top frame gets when it runs next (what woke it).
  var pending: Value?

  init(host: GoRun, bottom: any GoFrame) {
    self.host = host
    frames = [bottom]
  }

  func run() {
    var input = pending
    pending = nil
    while true {
      guard let top = frames.last else {
        host.sched.exit()
        return
      }
      switch top.advance(self, input) {
      case .returned(let v):
        frames.removeLast()
        input = v
      case .pushed:
        input = nil
      case .stopped:
        return
      }
    }
  }
}

/// A helper goroutine's body (the translation's `spawn` and `start`): run
/// `work` (a future or a handle's Wait), then deliver its value: store it in
/// a handle and close `done`, or send it on a one-slot channel.
final class GoHelperFrame: GoFrame {
  enum Target {
    case handle(GoHandle)
    case channel(GoChan)
  }
  let work: Value
  let target: Target
  private var started = false

  init(work: Value, target: Target) {
    self.work = work
    self.target = target
  }

  func advance(_ g: Goroutine, _ input: Value?) -> GoAdvance {
    var value = input
    if !started {
      started = true
      switch g.host.awaitValue(work, on: g, line: 0) {
      case .returned(let v): value = v
      case .pushed: return .pushed
      case .stopped: return .stopped
      }
    }
    let v = value ?? .unit
    switch target {
    case .handle(let h): h.close(with: v, run: g.host)
    case .channel(let c): c.trySend(v, run: g.host)
    }
    return .returned(.unit)
  }
}

/// `join(fs...)`'s receives, in argument order, each parking until its helper sends.
final class GoJoinFrame: GoFrame {
  let channels: [GoChan]
  let line: Int32
  private var results: [Value] = []
  private var next = 0
  init(channels: [GoChan], line: Int32) {
    self.channels = channels
    self.line = line
  }

  func advance(_ g: Goroutine, _ input: Value?) -> GoAdvance {
    if let input { results.append(input) }
    while next < channels.count {
      let c = channels[next]
      next += 1
      guard let v = c.recv(by: g, run: g.host, line: line) else { return .stopped }
      results.append(v)
    }
    return .returned(.list(results))
  }
}

/// `self_wake(n)`: `runtime.Gosched()` n times.
final class GoSelfWakeFrame: GoFrame {
  private var left: Int
  init(_ n: Int) { left = n }

  func advance(_ g: Goroutine, _ input: Value?) -> GoAdvance {
    guard left > 0 else { return .returned(.unit) }
    left -= 1
    g.pending = .unit
    g.host.sched.gosched()
    return .stopped
  }
}
