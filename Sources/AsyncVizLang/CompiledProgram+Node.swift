import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

extension CompiledProgram {
  /// Node's event loop with `main` as its first macrotask (nothing has run
  /// yet): the node model of this program. With no `backend` it runs on
  /// virtual time and a resource's reply is a timer (as the translation
  /// writes it); with one (epoll), resources are real sockets read in the
  /// poll phase, on the real clock.
  public func makeNodeLoop(
    options: RuntimeOptions, limits: Limits = Limits(), backend: (any ReactorBackend)? = nil
  ) -> EventLoop {
    let info = ProgramInfo(
      name: source.programName, source: source.text, backend: backend?.kind ?? .sim, model: .node)
    let loop = EventLoop(program: info, maxSteps: options.maxSteps, tracing: options.tracing)
    if let backend { loop.io = BackendLoopIO(backend: backend) }
    let run = ProgramRun(functions: functions, resources: resources, channels: [], limits: limits)
    let host = NodeRun(
      loop: loop, run: run, channels: channels.map { NodeChannel(name: $0.name, capacity: $0.capacity) },
      maxTasks: options.maxTasks, backend: backend)
    loop.keepAlive = host
    host.start(main: main)
    return loop
  }
}

/// A reactor backend as the poll phase's kernel.
final class BackendLoopIO: LoopIO {
  let backend: any ReactorBackend
  init(backend: any ReactorBackend) { self.backend = backend }
  deinit { backend.shutdown() }
  var now: Int64 { backend.now }
  func pass(_ us: Int64, blocking: Bool) { backend.pass(us, blocking: blocking) }
  func waitReady(timeoutUs: Int64?) -> [Int32] { backend.wait(timeoutUs: timeoutUs).map(\.fd) }
  func shutdown() { backend.shutdown() }
}
