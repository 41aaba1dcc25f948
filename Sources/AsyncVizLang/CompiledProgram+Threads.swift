import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

extension CompiledProgram {
  /// The simulated kernel with main's thread created (nothing has run yet):
  /// the threads model of this program on `cpus` CPUs, on virtual time.
  public func makeKernel(
    options: RuntimeOptions, cpus: Int = KernelCosts.defaultCPUs, limits: Limits = Limits()
  )
    -> Kernel
  {
    let info = ProgramInfo(name: source.programName, source: source.text, backend: .sim, model: .threads)
    let kernel = Kernel(program: info, cpus: cpus, maxSteps: options.maxSteps, tracing: options.tracing)
    let run = ProgramRun(functions: functions, resources: resources, channels: [], limits: limits)
    let host = ThreadsRun(
      kernel: kernel, run: run,
      channels: channels.map { ThreadChannel(name: $0.name, capacity: $0.capacity) },
      maxThreads: options.maxTasks)
    kernel.keepAlive = host
    host.start(main: main)
    return kernel
  }
}
