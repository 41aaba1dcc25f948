import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

extension CompiledProgram {
  /// Node's event loop with `main` as its first macrotask (nothing has run
  /// yet): the node model of this program, on virtual time.
  public func makeNodeLoop(options: RuntimeOptions, limits: Limits = Limits()) -> EventLoop {
    let info = ProgramInfo(name: source.programName, source: source.text, backend: .sim, model: .node)
    let loop = EventLoop(program: info, maxSteps: options.maxSteps, tracing: options.tracing)
    let run = ProgramRun(functions: functions, resources: resources, channels: [], limits: limits)
    let host = NodeRun(
      loop: loop, run: run, channels: channels.map { NodeChannel(name: $0.name, capacity: $0.capacity) },
      maxTasks: options.maxTasks)
    loop.keepAlive = host
    host.start(main: main)
    return loop
  }
}
