import AsyncVizGoRuntime
import AsyncVizTrace

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
