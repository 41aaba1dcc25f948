import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

/// A .av program running under the threads model: the compiled code and the
/// run's budgets (shared with every model), the simulated kernel, and what
/// making a future means there: a plain call in the awaiting thread, a
/// thread for each spawn (pthread_create), blocking system calls for the
/// leaves (docs/models.md, "threads").
final class ThreadsRun {
  unowned let kernel: any ThreadsKernel
  let run: ProgramRun
  /// This run's channels (bounded queues with a mutex and two condition variables).
  let channels: [ThreadChannel]
  /// The most threads alive at once (`--max-tasks`).
  let maxThreads: Int
  /// Every thread's runner, by thread index.
  private(set) var runners: [ThreadRunner] = []
  /// Each thread's connection to each resource, by (thread, resource): a
  /// blocking client opens one per thread. Numbered from 3, as a process's
  /// first descriptors after stdin, stdout and stderr.
  private var sockets: [Int: Int32] = [:]

  init(kernel: any ThreadsKernel, run: ProgramRun, channels: [ThreadChannel], maxThreads: Int) {
    self.kernel = kernel
    self.run = run
    self.channels = channels
    self.maxThreads = maxThreads
  }

  /// main's thread: the process's first.
  func start(main index: Int) {
    kernel.onRunStart = { [run] in run.budget.pointee.startPoll(run.limits) }
    kernel.onThreadExit = { [unowned self] task in runnerOf(task).exited() }
    let runner = ThreadRunner(host: self)
    runner.push(run.functions[index], [])
    create(runner, name: run.functions[index].name, by: nil)
  }

  /// pthread_create for `runner`.
  @discardableResult
  func create(_ runner: ThreadRunner, name: String, by parent: TaskID?) -> TaskID {
    runners.append(runner)
    runner.task = kernel.create(name, by: parent) { [unowned runner] in runner.next() }
    return runner.task
  }

  /// `spawn f(...)`: a new thread making the call.
  func spawn(_ recipe: FutureRecipe, _ args: [Value], name: String, by parent: TaskID) -> Result<
    TaskID, FrameError
  > {
    guard kernel.liveThreads < maxThreads else {
      return .failure(
        FrameError(
          "spawn refused: \(kernel.liveThreads) threads are running, the limit (change it with --max-tasks)"))
    }
    return .success(create(helper(recipe, args), name: name, by: parent))
  }

  /// A runner that makes `recipe` as its thread function.
  func helper(_ recipe: FutureRecipe, _ args: [Value]) -> ThreadRunner {
    let runner = ThreadRunner(host: self)
    runner.start = (recipe, args)
    return runner
  }

  /// The runner of thread `task`.
  func runnerOf(_ task: TaskID) -> ThreadRunner { runners[task.index] }

  /// A run-time error: the line is printed like output; the run ends `error`.
  func fail(_ line: String?, by task: TaskID) {
    kernel.fail()
    if let line { kernel.record(.output(task: task, text: kernel.intern(line))) }
  }

  /// `print`, `block` and `work` on the calling thread: print writes now;
  /// a blocking call (`block`) puts only this thread to sleep, which is the
  /// point of threads; `work` computes on its CPU.
  func runPlain(_ call: PlainCall, _ argument: Value, by runner: ThreadRunner) -> Result<
    ThreadAction?, FrameError
  > {
    switch (call, argument) {
    case (.print, _):
      let refused = run.printLine(argument) {
        kernel.record(.output(task: runner.task, text: kernel.intern($0)))
      }
      return refused.map { .failure($0) } ?? .success(nil)
    case (.block, .duration(let us)):
      kernel.record(.block(task: runner.task, durUs: us, line: runner.line))
      return .success(.block(line: runner.line, awaiting: .other(name("a blocking call")), afterUs: us))
    case (.work, .duration(let us)):
      return .success(.compute(us))
    default:
      return .failure(FrameError("`\(call.rawValue)` needs a duration, not \(argument.display)"))
    }
  }

  /// The fd of `task`'s connection to resource `r`, opened on first use.
  func socket(_ task: TaskID, resource r: Int) -> Int32 {
    let key = task.index * run.resources.count + r
    if let fd = sockets[key] { return fd }
    let fd = Int32(3 + sockets.count)
    sockets[key] = fd
    return fd
  }

  /// An interned name (the trace's string table keeps each text once).
  func name(_ text: String) -> StringID { kernel.intern(text) }
}
