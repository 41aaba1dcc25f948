import AsyncVizGoRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// A .av program running under the go model: the compiled code and the
/// run's budgets (shared with every model), Go's scheduler, and what each
/// construct is in Go, as `asyncviz translate --to go` writes it
/// (docs/translate.md): `await f()` a plain call on the same goroutine,
/// `spawn` `go f()`, join/select/timeout helper goroutines and a `select`.
final class GoRun {
  unowned let sched: GoScheduler
  let run: ProgramRun
  /// This run's channels.
  let channels: [GoChan]
  /// The most goroutines that may be alive when one more is spawned.
  let maxTasks: Int

  init(sched: GoScheduler, run: ProgramRun, channels: [GoChan], maxTasks: Int) {
    self.sched = sched
    self.run = run
    self.channels = channels
    self.maxTasks = maxTasks
  }

  /// Whether one more spawned goroutine stays within the task limit.
  var canSpawn: Bool { sched.liveGoroutines < maxTasks }

  /// main's goroutine: runtime.main calls main.main on it.
  func start(main index: Int) {
    sched.onRun = { [run] in run.budget.pointee.startPoll(run.limits) }
    let g = Goroutine(host: self, bottom: GoCodeFrame(code: run.functions[index], args: []))
    sched.start(main: run.functions[index].name, body: g)
    g.task = TaskID(1)
  }

  /// `spawn(func() Value { ... })`: `go` a goroutine that runs `work` and
  /// closes its handle's `done`.
  func spawn(_ work: Value, name: String) -> GoHandle {
    let h = GoHandle()
    let g = Goroutine(host: self, bottom: GoHelperFrame(work: work, target: .handle(h)))
    g.task = sched.go(name, body: g)
    h.task = g.task
    return h
  }

  /// `start(f)`: `go func() { c <- f() }()` with a one-slot channel `c`.
  func start(_ work: Value, name: String) -> GoChan {
    let c = GoChan(name: name, capacity: 1)
    let g = Goroutine(host: self, bottom: GoHelperFrame(work: work, target: .channel(c)))
    g.task = sched.go(name, body: g)
    return c
  }

  /// A run-time error: the line is printed like output; the run ends `error`.
  func fail(_ line: String?, on g: Goroutine) {
    sched.fail()
    if let line { sched.record(.output(task: g.task, text: sched.intern(line))) }
  }

  /// `print`, `block` and `work`: `.success(true)` when the goroutine stopped
  /// running (a system call, CPU work); its code goes on after it.
  func runPlain(_ call: PlainCall, _ argument: Value, on g: Goroutine) -> Result<Bool, FrameError> {
    switch (call, argument) {
    case (.print, _):
      let refused = run.printLine(argument) { sched.record(.output(task: g.task, text: sched.intern($0))) }
      return refused.map { .failure($0) } ?? .success(false)
    case (.block, .duration(let us)):
      guard us > 0 else { return .success(false) }
      sched.record(.block(task: g.task, durUs: us, line: 0))  // the go frame does not pass its line yet
      g.pending = .unit
      sched.syscall(us)
      return .success(true)
    case (.work, .duration(let us)):
      guard us > 0 else { return .success(false) }
      g.pending = .unit
      sched.work(us)
      return .success(true)
    default: return .failure(FrameError("`\(call.rawValue)` needs a duration, not \(argument.display)"))
    }
  }

}
