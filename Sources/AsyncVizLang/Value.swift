import AsyncVizGoRuntime
import AsyncVizNodeRuntime
import AsyncVizRuntime

/// A value of a running .av program.
///
/// Futures are values too, and lazy: holding one does nothing. A future can
/// be used once (awaited, joined, passed on), as in Rust where awaiting moves
/// it; `FutureBox` enforces that at run time, the type checker before.
enum Value {
  case unit
  case none
  case int(Int64)
  case string(String)
  case duration(Int64)
  /// What `join` gives (outputs in argument order) and `select` gives ([index, value]).
  case list([Value])
  case future(FutureBox)
  /// A spawned task's join handle; awaiting it waits for the task's output.
  /// Boxed: the runtime's `JoinHandle` (a task id and a waker) is 32 bytes
  /// and made every `Value` 33 (a stride of 40); the next largest payload,
  /// a `String`, makes it 17 (a stride of 24), for every local, stack slot
  /// and list item, and each copy moves fewer words.
  case handle(TaskHandle)
  /// Under the node model, every future and join handle: a promise, made
  /// (and started) where the program made the future.
  case promise(Promise<Value>)
  /// Under the threads model, every future and join handle: a call not yet
  /// made (run by whichever thread awaits it) or a thread already running it.
  case thread(ThreadFuture)
  /// Under the go model, a future kept for later: a closure called where it is awaited.
  case goFunc(GoFunc)
  /// Under the go model, a spawned goroutine's handle.
  case goHandle(GoHandle)

  /// How `print` and `{name}` show the value. A list's text stops soon
  /// after `Limits.maxStringBytes`, which callers then refuse as too long:
  /// a big nested list would otherwise take long to show.
  var display: String {
    if case .string(let s) = self { return s }
    var text = ""
    write(into: &text, limit: Limits.maxStringBytes + 1)
    return text
  }

  /// The height of the tallest future this value holds (0: none), through
  /// lists; a list holds at most `Limits.maxListValues` values.
  var futureHeight: Int {
    switch self {
    case .future(let box): box.height
    case .list(let items): items.map(\.futureHeight).reduce(0, max)
    default: 0
    }
  }

  /// Appends the value's text to `text` unless `text` already has `limit` bytes.
  private func write(into text: inout String, limit: Int) {
    guard text.utf8.count < limit else { return }
    switch self {
    case .unit: text += "()"
    case .none: text += "none"
    case .int(let n): text += "\(n)"
    case .string(let s): text += s
    case .duration(let us): text += Value.durationText(us)
    case .list(let items):
      text += "["
      for (i, item) in items.enumerated() {
        if i > 0 { text += ", " }
        item.write(into: &text, limit: limit)
        if text.utf8.count >= limit { return }
      }
      text += "]"
    case .future(let box): text += "<future \(box.label)>"
    case .handle(let h): text += "<task #\(h.handle.task.rawValue)>"
    // What Node prints for a promise in a template literal (String(promise)).
    case .promise: text += "[object Promise]"
    case .thread(let f): text += f.label
    // What Go's %v prints for a func value and a pointer: an address; asyncviz names them.
    case .goFunc: text += "<func>"
    case .goHandle(let h): text += "<goroutine #\(h.task.rawValue)>"
    }
  }

  /// Adds the number of values in this one (itself and, for a list, its
  /// items, recursively) to `count`; false as soon as it passes `limit`, so
  /// the walk is short even over a list that shares its items many times.
  func countValues(_ count: inout Int, limit: Int) -> Bool {
    count += 1
    guard count <= limit else { return false }
    if case .list(let items) = self {
      for item in items where !item.countValues(&count, limit: limit) { return false }
    }
    return true
  }

  /// "40ms", "1s", "250us": durations as programs write them.
  static func durationText(_ us: Int64) -> String {
    if us != 0 && us % 1_000_000 == 0 { return "\(us / 1_000_000)s" }
    if us % 1_000 == 0 { return "\(us / 1_000)ms" }
    return "\(us)us"
  }

  /// `==` in an `if`: equal data of the same kind. Futures and handles are
  /// never equal (the type checker rejects comparing them).
  static func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.unit, .unit), (.none, .none): true
    case (.int(let x), .int(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.duration(let x), .duration(let y)): x == y
    case (.list(let xs), .list(let ys)): xs.count == ys.count && zip(xs, ys).allSatisfy { equal($0, $1) }
    default: false
    }
  }

  /// The value of a literal.
  init(_ constant: Constant) {
    switch constant {
    case .int(let n): self = .int(n)
    case .string(let s): self = .string(s)
    case .duration(let us): self = .duration(us)
    case .none: self = .none
    case .unit: self = .unit
    }
  }
}

/// A future held as a value. Using it takes it out, so a second use finds
/// the box empty instead of polling a future twice.
final class FutureBox {
  /// What made it ("handler", "db.query"), for messages.
  let label: String
  /// The future's height (`LangFuture.height`), kept after it is taken.
  let height: Int
  /// The line where a future kept in a local was made (its `future_made`);
  /// 0 for one made only to be passed on at once (no event: it was never
  /// kept unpolled).
  let line: Int32
  /// The future; nil once taken.
  private var future: LangFuture?
  /// Whether the `future_polled` of a kept future was recorded.
  var reported = false

  init(_ future: LangFuture, label: String, line: Int32 = 0) {
    self.future = future
    self.label = label
    self.line = line
    height = future.height
  }

  /// Whether the future was taken (awaited, or given to join, select or timeout).
  var isTaken: Bool { future == nil }

  /// The future, the first time only.
  func take() -> LangFuture? {
    defer { future = nil }
    return future
  }
}

/// A spawned task's join handle held as a value (see `Value.handle`). It is
/// never polled here: awaiting it polls a copy in a `LangFuture`, and a
/// handle can be awaited once (the type checker sees to it).
final class TaskHandle {
  let handle: JoinHandle<Value>
  init(_ handle: JoinHandle<Value>) { self.handle = handle }
}
