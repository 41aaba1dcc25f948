/// A per-event value that changes rarely (an event's step, its time), kept
/// once per run of equal values instead of once per event.
///
/// A traced run writes millions of events a second, and each byte an event
/// takes is fresh memory the kernel must fault in (docs/decisions.md, "Tracing
/// on: where a traced resumption goes"): a step changes once per scheduling
/// action (about five events), a sim run's time only when its clock moves.
/// Finding the value of event `i` searches only the runs that start in `i`'s
/// block of 32 events, so a lookup costs a few comparisons however long the
/// trace is.
public struct RunColumn<Value: Equatable & Sendable>: Sendable, Equatable {
  /// Events per block of the lookup index (a power of two): 32 events
  /// hold about six steps of a yield workload, so a lookup is the block's
  /// entry and three comparisons, for 4 bytes per 32 events. (At 256, the
  /// view's notes and timeline, which read events by index, were 10-20%
  /// slower to build.)
  @usableFromInline static var blockShift: Int { 5 }

  /// A value and the first event that has it.
  @usableFromInline
  struct Run: Sendable, Equatable {
    @usableFromInline var start: UInt32
    @usableFromInline var value: Value
    @inlinable init(start: UInt32, value: Value) {
      self.start = start
      self.value = value
    }
  }

  /// The runs, by ascending start; two neighbouring runs never hold equal
  /// values. One array, so that a new run is one append.
  @usableFromInline var runs: [Run] = []
  /// For each block of events, the run that holds the block's first event.
  @usableFromInline var blockRuns: [UInt32] = []
  /// The last run's value, nil before the first run: compared
  /// on every append without a bounds check.
  @usableFromInline var current: Value?

  /// An empty column.
  @inlinable public init() {}

  /// Makes room for `count` runs in all.
  public mutating func reserveCapacity(runs count: Int) { runs.reserveCapacity(count) }

  /// `blockSize - 1`: an event whose index has none of these bits set starts a block.
  @inlinable public static var blockMask: Int { (1 << blockShift) - 1 }

  /// Records `value` for event `index`, which must be the number of events
  /// recorded so far. Inlined into the recorder: most events change nothing
  /// here, and that case is two comparisons.
  @inline(__always) @inlinable
  public mutating func append(_ value: Value, at index: Int) {
    if _slowPath(current != value || index & Self.blockMask == 0) {
      appendRun(value, at: index)
    }
  }

  /// `append`'s rare case: a new run, or a new block of the lookup index.
  /// Inlinable so that callers get it specialized (a generic call would look
  /// up `Value`'s metadata each time), never inlined to keep `append` small.
  @inlinable @inline(never)
  mutating func appendRun(_ value: Value, at index: Int) {
    if current != value {
      runs.append(Run(start: UInt32(truncatingIfNeeded: index), value: value))
      current = value
    }
    if index & Self.blockMask == 0 {
      blockRuns.append(UInt32(truncatingIfNeeded: runs.count - 1))
    }
  }

  /// The run holding event `index` (an event recorded already).
  @inlinable
  public func run(holding index: Int) -> Int {
    let block = index >> Self.blockShift
    var lo = Int(blockRuns[block])
    var hi = block + 1 < blockRuns.count ? Int(blockRuns[block + 1]) : runs.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) >> 1
      if Int(runs[mid].start) <= index { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The value of event `index` (an event recorded already).
  @inlinable
  public func value(at index: Int) -> Value { runs[run(holding: index)].value }

  /// The value of run `run`.
  @inlinable
  public func value(ofRun run: Int) -> Value { runs[run].value }

  /// The first event after run `run` (`Int.max` for the last run): where a
  /// sequential reader moves to the next run.
  @inlinable
  public func end(ofRun run: Int) -> Int {
    run + 1 < runs.count ? Int(runs[run + 1].start) : .max
  }

  /// Keeps the values of the first `count` events only.
  public mutating func truncate(toEvents count: Int) {
    guard count > 0 else {
      self = Self()
      return
    }
    let last = run(holding: count - 1)
    runs.removeSubrange((last + 1)...)
    blockRuns.removeSubrange(min(blockRuns.count, (count + Self.blockMask) >> Self.blockShift)...)
    current = runs.last?.value
  }

  /// Bytes the column's arrays hold, by capacity.
  public var storedBytes: Int {
    runs.capacity * MemoryLayout<Run>.stride + blockRuns.capacity * 4
  }

  /// Equal when the same values start at the same events (the block index
  /// and `current` follow from those).
  public static func == (a: Self, b: Self) -> Bool { a.runs == b.runs }
}
