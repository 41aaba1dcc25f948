import HeapModule

/// The kernel's timed events, earliest first, then in the order they were
/// set: the ends of CPUs' computations and the timed wake-ups (nanosleep,
/// a reply arriving on a socket, a futex wait's timeout).
struct Timeline {
  enum Kind {
    case wake(thread: Int, token: UInt64)
    case chunkEnd(cpu: Int, token: UInt64)
  }

  private struct Entry: Comparable {
    var atUs: Int64
    var seq: UInt64
    static func < (a: Entry, b: Entry) -> Bool { (a.atUs, a.seq) < (b.atUs, b.seq) }
    static func == (a: Entry, b: Entry) -> Bool { a.seq == b.seq }
  }

  private var heap = Heap<Entry>()
  private var kinds: [UInt64: Kind] = [:]
  private var nextSeq: UInt64 = 0

  var isEmpty: Bool { heap.isEmpty }

  mutating func add(at us: Int64, _ kind: Kind) {
    nextSeq += 1
    heap.insert(Entry(atUs: us, seq: nextSeq))
    kinds[nextSeq] = kind
  }

  /// The earliest event, taken out.
  mutating func next() -> (atUs: Int64, kind: Kind)? {
    guard let first = heap.popMin(), let kind = kinds.removeValue(forKey: first.seq) else { return nil }
    return (first.atUs, kind)
  }
}
