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
    startThreads(on: kernel, maxThreads: options.maxTasks, limits: limits)
    return kernel
  }

  /// Main's thread created on `kernel` (nothing has run yet): the threads
  /// model of this program on any kernel, simulated or real. `maxThreads`
  /// caps the threads alive at once.
  public func startThreads(on kernel: some ThreadsKernel, maxThreads: Int, limits: Limits = Limits()) {
    let run = ProgramRun(functions: functions, resources: resources, channels: [], limits: limits)
    let host = ThreadsRun(
      kernel: kernel, run: run,
      channels: channels.map { ThreadChannel(name: $0.name, capacity: $0.capacity) },
      maxThreads: maxThreads)
    kernel.keepAlive = host
    host.start(main: main)
  }
}
