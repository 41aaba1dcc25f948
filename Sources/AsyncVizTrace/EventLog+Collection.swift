/// The log reads as an array of `TraceEvent` values: readers index it, slice
/// it and iterate it as they did the array it replaced.
extension EventLog: RandomAccessCollection {
  public typealias Index = Int
  public typealias Indices = Range<Int>

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { slots.count }
  @inlinable public var count: Int { slots.count }
  @inlinable public var isEmpty: Bool { slots.isEmpty }

  /// Event `index`, unpacked, with its step and time.
  @inlinable
  public subscript(index: Int) -> TraceEvent {
    TraceEvent(step: step(at: index), tUs: time(at: index), payload: payload(at: index))
  }

  @inlinable
  public func makeIterator() -> Iterator { Iterator(self, from: 0) }
}

/// Built, extended and cut like an array. Appending is the fast path (the
/// recorder's, the decoder's, a live view catching up); replacing events in
/// the middle (tests do) rewrites every event after them.
extension EventLog: RangeReplaceableCollection {
  public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with events: C)
  where C.Element == TraceEvent {
    let tail = range.upperBound < count ? Array(makeIterator(from: range.upperBound).sequence) : []
    truncate(to: range.lowerBound)
    append(contentsOf: events)
    append(contentsOf: tail)
  }

  /// Appends in order, reserving nothing: the default reserves room for
  /// every batch, and a live view appends a small batch each frame (an
  /// exact reservation each time would copy the log over and over).
  public mutating func append<S: Sequence>(contentsOf events: S) where S.Element == TraceEvent {
    for event in events { append(event) }
  }
}

extension EventLog: ExpressibleByArrayLiteral {
  public init(arrayLiteral events: TraceEvent...) {
    self.init()
    append(contentsOf: events)
  }
}

extension EventLog.Iterator {
  /// The rest of the events, as a sequence.
  public var sequence: IteratorSequence<Self> { IteratorSequence(self) }
}
