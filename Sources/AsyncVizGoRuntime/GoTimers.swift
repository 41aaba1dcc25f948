import AsyncVizTrace
import HeapModule

/// One P's timer heap (`p.timers`, runtime/time.go): `time.Sleep`'s timer
/// and `time.After`'s, each with the function the timer runs when due
/// (`goroutineReady`, `sendTime`). A heap by `when`; two timers with the same
/// `when` run in the order they were added (Go's 4-ary heap does not promise
/// that; the model's programs avoid equal `when`s in real Go, where
/// nanotime() differs between two calls anyway).
struct GoTimers {
  struct Entry: Comparable {
    var whenUs: Int64
    var seq: UInt64
    static func < (a: Entry, b: Entry) -> Bool { (a.whenUs, a.seq) < (b.whenUs, b.seq) }
  }

  /// A timer's function and whom it is for (in the trace).
  struct Action {
    var task: TaskID
    var fire: () -> Void
  }

  private var heap = Heap<Entry>()
  private var actions: [UInt64: Action] = [:]

  /// The earliest `when`.
  var nextWhen: Int64? { heap.min?.whenUs }

  mutating func add(whenUs: Int64, seq: UInt64, _ action: Action) {
    heap.insert(Entry(whenUs: whenUs, seq: seq))
    actions[seq] = action
  }

  /// The earliest timer if it is due by `now`, taken out.
  mutating func popDue(by now: Int64) -> Action? {
    guard let first = heap.min, first.whenUs <= now else { return nil }
    heap.removeMin()
    return actions.removeValue(forKey: first.seq)
  }
}
