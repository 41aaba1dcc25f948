import AsyncVizGoRuntime
import AsyncVizRuntime
import AsyncVizTrace

extension CompiledProgram {
  /// Go's scheduler with main's goroutine in P0's runnext (nothing has run
  /// yet): the go model of this program, on virtual time, with `procs` Ps (GOMAXPROCS).
  public func makeGoScheduler(options: RuntimeOptions, procs: Int = 1, limits: Limits = Limits())
    -> GoScheduler
  {
    let info = ProgramInfo(name: source.programName, source: source.text, backend: .sim, model: .go)
    let sched = GoScheduler(program: info, procs: procs, maxSteps: options.maxSteps, tracing: options.tracing)
    let run = ProgramRun(functions: functions, resources: resources, channels: [], limits: limits)
    let host = GoRun(
      sched: sched, run: run, channels: channels.map { GoChan(name: $0.name, capacity: $0.capacity) },
      maxTasks: options.maxTasks)
    sched.keepAlive = host
    host.start(main: main)
    return sched
  }
}
