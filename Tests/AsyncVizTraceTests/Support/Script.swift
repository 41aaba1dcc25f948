import AsyncVizRuntime
import AsyncVizTrace

/// One statement of a test program, the native counterpart of a .av line.
/// `line` numbers come from the position in the script (first op: line 1).
indirect enum Op {
  /// `await RESOURCE.OP(ARG)`.
  case call(ResourceSpec, String, String)
  /// `await sleep(D)`.
  case sleep(Int64)
  /// `await yield_now()`.
  case yieldNow
  /// `print(TEXT)`.
  case print(String)
  /// `block(D)`.
  case block(Int64)
  /// `work(D)`.
  case work(Int64)
  /// `spawn NAME { ops }`; the handle is kept for `joinSpawned`.
  case spawn(String, [Op])
  /// Awaits every handle spawned so far, in order.
  case joinSpawned
  /// `await join(A, B, ...)`.
  case join([Op])
  /// `await select(A, B, ...)`.
  case select([Op])
  /// `await timeout(D, F)`.
  case timeout(Int64, Op)
  /// `await CHANNEL.send(V)`.
  case send(Channel<Int>, Int)
  /// `await CHANNEL.recv()`.
  case recv(Channel<Int>)
  /// `await lost_waker()`.
  case lostWaker
  /// `await self_wake(N)`.
  case selfWake(Int)
  /// Wakes itself forever (for the step limit).
  case spin
}

/// A future that runs `ops` one after the other, like the body of an async fn.
struct Script: Future {
  /// The statements; `pc` is the next one to start.
  let ops: [Op]
  /// Index of the statement being run.
  private var pc = 0
  /// The future of the statement being awaited.
  private var current: (any Future<Void>)?
  /// Handles of tasks this script spawned.
  private var handles: [JoinHandle<Void>] = []

  init(_ ops: [Op]) { self.ops = ops }

  mutating func poll(_ cx: inout Context) -> Poll<Void> {
    while pc < ops.count {
      if current == nil {
        guard let made = start(ops[pc], &cx) else {
          pc += 1
          continue
        }
        current = made
      }
      guard var future = current else { break }
      let result = future.poll(&cx)
      current = future
      guard case .ready = result else {
        cx.suspend(on: .nothing, line: Int32(pc + 1))
        return .pending
      }
      current = nil
      pc += 1
    }
    return .ready(())
  }

  mutating func cancel(_ cx: inout Context) {
    if var future = current { future.cancel(&cx) }
    current = nil
  }

  /// Runs a plain statement at once (nil), or makes the future of an await.
  private mutating func start(_ op: Op, _ cx: inout Context) -> (any Future<Void>)? {
    switch op {
    case .print(let text):
      cx.output(text)
      return nil
    case .block(let us):
      cx.block(us)
      return nil
    case .work(let us):
      cx.work(us)
      return nil
    case .spawn(let name, let body):
      handles.append(cx.spawn(name, Script(body)))
      return nil
    case .joinSpawned:
      return JoinAll(handles.map { $0 as any Future<Void> })
        .discarded()
    default:
      return Script.future(of: op)
    }
  }

  /// The future of an await statement (nil for plain statements).
  static func future(of op: Op) -> any Future<Void> {
    switch op {
    case .call(let resource, let name, let argument):
      ResourceCall(resource: resource, op: name, argument: argument).discarded()
    case .sleep(let us): Sleep(durationUs: us)
    case .yieldNow: YieldNow()
    case .join(let children): JoinAll(children.map { future(of: $0) }).discarded()
    case .select(let children): SelectFirst(children.map { future(of: $0) }).discarded()
    case .timeout(let us, let inner): Timeout(durationUs: us, Script([inner])).discarded()
    case .send(let channel, let value): channel.send(value)
    case .recv(let channel): channel.recv().discarded()
    case .lostWaker: LostWaker()
    case .selfWake(let n): SelfWake(count: n)
    case .spin: Spin()
    default: Script([op])
    }
  }
}

/// Wakes itself and returns Pending forever.
struct Spin: Future {
  mutating func poll(_ cx: inout Context) -> Poll<Void> {
    cx.wakeSelf()
    return .pending
  }
}

/// A future whose output is thrown away (an `await` used as a statement).
struct Discarded<F: Future>: Future {
  /// The wrapped future.
  var inner: F

  mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if case .ready = inner.poll(&cx) { return .ready(()) }
    return .pending
  }

  mutating func cancel(_ cx: inout Context) { inner.cancel(&cx) }
}

extension Future {
  /// This future with its output thrown away.
  func discarded() -> Discarded<Self> { Discarded(inner: self) }
}
