import AsyncVizGoRuntime
import AsyncVizTrace

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
