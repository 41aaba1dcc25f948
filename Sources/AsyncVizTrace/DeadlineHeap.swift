import HeapModule

/// What is due at moments of a runtime model's virtual clock, earliest
/// first; two values due at the same moment come out in the order they went
/// in. Each model names its own: the node model's `setTimeout`s, each go P's
/// timer heap, the threads model's timeline.
public struct DeadlineHeap<Value> {
  /// A value and when it is due; `seq` orders equal deadlines by arrival.
  @usableFromInline
  struct Entry: Comparable {
    @usableFromInline var deadlineUs: Int64
    @usableFromInline var seq: UInt64
    @usableFromInline var value: Value

    @inlinable
    init(deadlineUs: Int64, seq: UInt64, value: Value) {
      self.deadlineUs = deadlineUs
      self.seq = seq
      self.value = value
    }

    @inlinable
    static func < (a: Entry, b: Entry) -> Bool { (a.deadlineUs, a.seq) < (b.deadlineUs, b.seq) }

    /// `seq` is unique: it alone tells entries apart.
    @inlinable
    static func == (a: Entry, b: Entry) -> Bool { a.seq == b.seq }
  }

  @usableFromInline var heap = Heap<Entry>()
  @usableFromInline var nextSeq: UInt64 = 0

  /// An empty heap.
  @inlinable
  public init() {}

  /// Whether nothing is due, ever.
  @inlinable
  public var isEmpty: Bool { heap.isEmpty }

  /// The earliest deadline.
  @inlinable
  public var nextDeadline: Int64? { heap.min?.deadlineUs }

  /// Adds `value`, due at `deadlineUs`.
  @inlinable
  public mutating func insert(_ value: Value, at deadlineUs: Int64) {
    nextSeq += 1
    heap.insert(Entry(deadlineUs: deadlineUs, seq: nextSeq, value: value))
  }

  /// The earliest value if it is due by `us`, taken out.
  @inlinable
  public mutating func popDue(by us: Int64) -> Value? {
    guard let first = heap.min, first.deadlineUs <= us else { return nil }
    return heap.removeMin().value
  }

  /// The earliest value and its deadline, taken out.
  @inlinable
  public mutating func popFirst() -> (deadlineUs: Int64, value: Value)? {
    heap.popMin().map { ($0.deadlineUs, $0.value) }
  }
}
