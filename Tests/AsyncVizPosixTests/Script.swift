import AsyncVizRuntime
import AsyncVizTrace

/// One step of a native test program (what a .av line would do).
indirect enum Step {
  /// `await RESOURCE.op(last)`: the reply (or "error: ...") becomes `last`.
  case call(ResourceSpec, op: String)
  /// `await join(r1.get(), r2.get(), ...)`: the replies joined by "+".
  case join([ResourceSpec])
  /// `await timeout(D, RESOURCE.get())`: the reply or "timed out".
  case timeout(Int64, ResourceSpec)
  /// `await sleep(D)`.
  case sleep(Int64)
  /// `await yield_now()`.
  case yieldNow
  /// `print(last)`, prefixed.
  case print(String)
  /// `work(D)` / `block(D)` inside the poll.
  case work(Int64)
  case block(Int64)
  /// `spawn NAME` running `steps`; its handle is kept for `awaitSpawned`.
  case spawn(String, [Step])
  /// Awaits every handle spawned so far, in spawn order.
  case awaitSpawned
  /// `await CHANNEL.send(last)` / `last = await CHANNEL.recv()`.
  case send(Channel<String>)
  case recv(Channel<String>)
}

/// Maps a future's output to the `String` a script keeps.
struct Mapped<F: Future>: Future {
  var inner: F
  let transform: (F.Output) -> String

  mutating func poll(_ cx: inout Context) -> Poll<String> { inner.poll(&cx).map(transform) }
  mutating func cancel(_ cx: inout Context) { inner.cancel(&cx) }
}

/// A tiny interpreter of `Step`s: a native program whose trace both backends
/// must agree on, written without the .av language.
struct Script: Future {
  let steps: [Step]
  private var index = 0
  private var active: (any Future<String>)?
  private var last = "start"
  private var handles: [JoinHandle<String>] = []

  init(_ steps: [Step]) { self.steps = steps }

  mutating func poll(_ cx: inout Context) -> Poll<String> {
    while index < steps.count {
      if active == nil {
        active = start(steps[index], &cx)
        if active == nil {
          index += 1
          continue
        }
      }
      guard var future = active else { continue }
      let result = future.poll(&cx)
      active = future
      guard case .ready(let value) = result else { return .pending }
      last = value
      active = nil
      if case .awaitSpawned = steps[index], !handles.isEmpty { continue }
      index += 1
    }
    return .ready(last)
  }

  /// Begins a step: the future to await, or nil for a step done at once.
  private mutating func start(_ step: Step, _ cx: inout Context) -> (any Future<String>)? {
    switch step {
    case .call(let r, let op):
      return Mapped(inner: ResourceCall(resource: r, op: op, argument: last), transform: Self.text)
    case .join(let rs):
      let calls: [any Future<Result<String, BackendError>>] = rs.map {
        ResourceCall(resource: $0, op: "get", argument: last)
      }
      return Mapped(inner: JoinAll(calls)) { $0.map(Self.text).joined(separator: "+") }
    case .timeout(let us, let r):
      let call = ResourceCall(resource: r, op: "get", argument: last)
      return Mapped(inner: Timeout(durationUs: us, call)) { $0.map(Self.text) ?? "timed out" }
    case .sleep(let us):
      return Mapped(inner: Sleep(durationUs: us)) { [last] _ in last }
    case .yieldNow:
      return Mapped(inner: YieldNow()) { [last] _ in last }
    case .print(let prefix):
      cx.output("\(prefix)\(last)")
    case .work(let us):
      cx.work(us)
    case .block(let us):
      cx.block(us)
    case .spawn(let name, let body):
      handles.append(cx.spawn(name, Script(body)))
    case .awaitSpawned:
      return handles.isEmpty ? nil : handles.removeFirst()
    case .send(let channel):
      return Mapped(inner: channel.send(last)) { [last] _ in last }
    case .recv(let channel):
      return Mapped(inner: channel.recv()) { $0 }
    }
    return nil
  }

  static func text(_ r: Result<String, BackendError>) -> String {
    switch r {
    case .success(let reply): reply
    case .failure(let error): "error: \(error.message)"
    }
  }
}
