import AsyncVizRuntime
import AsyncVizTrace

/// Native stand-ins for the demos, built from the runtime's own futures, so
/// the UI can be tested on real traces without the .av compiler.
/// A task that yields `remaining` times, written as a native future: a long
/// trace from a small program (the executor and trace I/O benchmarks, and the
/// file feed's tests, share it).
public struct Yielder: Future {
  /// Yields still to do; the current one is `step`.
  public var remaining: Int
  @usableFromInline var step = YieldNow()

  // Inlinable: the executor benchmark polls it a million times, and a call
  // across the module boundary would be counted as the executor's cost.
  @inlinable public init(remaining: Int) { self.remaining = remaining }

  @inlinable public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    while remaining > 0 {
      guard case .ready = step.poll(&cx) else { return .pending }
      remaining -= 1
      step = YieldNow()
    }
    return .ready(())
  }
}

public enum NativePrograms {
  public static let db = ResourceSpec(name: "db", latencyUs: 40_000)
  public static let svc = ResourceSpec(name: "svc", latencyUs: 25_000)

  /// The article's handler: a db query, then a service call, then a print.
  public struct Handler: Future {
    enum Step {
      case start
      case querying(ResourceCall)
      case calling(ResourceCall)
    }
    let id: Int
    var step = Step.start

    /// The handler of request `id`.
    public init(id: Int) { self.id = id }

    public mutating func poll(_ cx: inout Context) -> Poll<String> {
      while true {
        switch step {
        case .start:
          step = .querying(ResourceCall(resource: NativePrograms.db, op: "query", argument: "id = \(id)"))
        case .querying(var call):
          let rows = NativePrograms.reply(&call, line: 7, &cx)
          step = .querying(call)
          guard let rows else { return .pending }
          step = .calling(ResourceCall(resource: NativePrograms.svc, op: "call", argument: rows))
        case .calling(var call):
          let reply = NativePrograms.reply(&call, line: 8, &cx)
          step = .calling(call)
          guard let text = reply else { return .pending }
          cx.output("handled \(id): \(text)")
          return .ready(text)
        }
      }
    }
  }

  /// Polls `call`: its reply ("?" for an error), or nil while it is pending
  /// (the call says what the task awaits; this adds the handler's source line).
  static func reply(_ call: inout ResourceCall, line: Int32, _ cx: inout Context) -> String? {
    guard case .ready(let result) = call.poll(&cx) else {
      cx.suspend(on: .nothing, line: line)
      return nil
    }
    return (try? result.get()) ?? "?"
  }

  /// The root task: spawns `count` handlers made by `make`, then awaits each in turn.
  public struct SpawnAll<F: Future>: Future {
    let count: Int
    let name: String
    let make: (Int) -> F
    var handles: [JoinHandle<F.Output>] = []
    var started = false

    /// Spawns tasks named `name` made by `make(1...count)`.
    public init(count: Int, name: String, make: @escaping (Int) -> F) {
      self.count = count
      self.name = name
      self.make = make
    }

    public mutating func poll(_ cx: inout Context) -> Poll<Void> {
      if !started {
        started = true
        for i in 1...count { handles.append(cx.spawn(name, make(i))) }
      }
      while var first = handles.first {
        let r = first.poll(&cx)
        handles[0] = first
        guard case .ready = r else {
          cx.suspend(on: .joinHandle(first.task), line: 14)
          return .pending
        }
        handles.removeFirst()
      }
      return .ready(())
    }
  }

  /// Source text shown by the source panel for the native db-then-service.
  public static let dbThenServiceSource = """
    # db-then-service (native stand-in)
    resource db  latency 40ms
    resource svc latency 25ms

    async fn handler(id) {
        # a request: first the database, then the service
        let rows  = await db.query("SELECT * FROM users WHERE id = {id}")
        let reply = await svc.call(rows)
        print("handled {id}: {reply}")
    }

    async fn main() {
        for i in 1..3 { spawn handler(i) }
        await all handles
    }
    """

  /// Runs `count` handlers under a root task and returns the complete trace.
  public static func dbThenService(handlers count: Int = 2, name: String = "db-then-service") -> Trace {
    let runtime = makeDbThenService(handlers: count, name: name)
    runtime.run()
    return runtime.trace
  }

  /// The same program, not yet run (for live feeds).
  public static func makeDbThenService(handlers count: Int, name: String = "db-then-service") -> Runtime {
    let rt = Runtime(program: ProgramInfo(name: name, source: dbThenServiceSource, backend: .sim))
    rt.spawn("main", SpawnAll(count: count, name: "handler") { Handler(id: $0) })
    return rt
  }

  /// A task that returns Pending and drops its waker: the run ends stuck.
  public static func lostWaker() -> Trace {
    let rt = Runtime(program: ProgramInfo(name: "lost-waker", source: "", backend: .sim))
    rt.spawn("main", SpawnAll(count: 1, name: "lost") { _ in LostWaker() })
    rt.run()
    return rt.trace
  }

  /// Many tasks that sleep and yield: a long trace with timers and self-wakes
  /// (about 11 events a round; the UI benchmark's million-event trace).
  public static func sleepers(tasks: Int, rounds: Int, maxSteps: UInt32 = 1_000_000) -> Trace {
    let rt = Runtime(
      program: ProgramInfo(name: "sleepers", source: "", backend: .sim), options: .init(maxSteps: maxSteps))
    rt.reserve(events: tasks * rounds * 13)
    rt.spawn(
      "main",
      SpawnAll(count: tasks, name: "sleeper") { i in
        Sleeper(rounds: rounds, periodUs: Int64(1_000 + (i % 7) * 250))
      })
    rt.run()
    return rt.trace
  }

  /// Sleeps and yields `rounds` times.
  public struct Sleeper: Future {
    let rounds: Int
    let periodUs: Int64
    var done = 0
    var sleep: Sleep?
    var yield: YieldNow?

    /// Sleeps `periodUs`, then yields, `rounds` times.
    public init(rounds: Int, periodUs: Int64) {
      self.rounds = rounds
      self.periodUs = periodUs
    }

    public mutating func poll(_ cx: inout Context) -> Poll<Void> {
      while done < rounds {
        if var y = yield {
          let r = y.poll(&cx)
          yield = y
          guard case .ready = r else { return .pending }
          yield = nil
          done += 1
          continue
        }
        var s = sleep ?? Sleep(durationUs: periodUs)
        let r = s.poll(&cx)
        sleep = s
        guard case .ready = r else { return .pending }
        sleep = nil
        yield = YieldNow()
      }
      return .ready(())
    }
  }
}
