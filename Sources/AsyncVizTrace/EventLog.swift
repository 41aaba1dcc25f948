/// A trace's events, stored packed: each read gives a `TraceEvent` value.
///
/// A traced run's speed is bound by the fresh memory its events take, not by
/// the instructions that write them (docs/decisions.md, "Tracing on: where a
/// traced resumption goes"): 40-byte events held the executor to 7.7 M
/// resumptions a second. Here an event takes an 8-byte slot (its kind, task
/// and small fields, `EventSlot`), its step and time are kept once per run of
/// events that share them (`RunColumn`), and the rare payload whose fields do
/// not fit a slot is kept whole in a side table. Reading an event unpacks
/// it; iterating reads the steps and times run by run.
///
/// Two logs are equal exactly when their events are: packing is a function
/// of the payload and runs start only where a value changes, so equal events
/// are stored as equal arrays.
public struct EventLog: Sendable, Equatable {
  @usableFromInline var slots: [EventSlot] = []
  /// The payloads that do not fit a slot, in event order.
  @usableFromInline var spilled: [EventPayload] = []
  @usableFromInline var steps = RunColumn<UInt32>()
  @usableFromInline var times = RunColumn<Int64>()

  /// An empty log.
  @inlinable public init() {}

  /// Appends an event; steps and times must not decrease (`Trace.events`).
  /// Inlined into each recording site, where the payload's kind is known
  /// and packing it folds to a few stores.
  @inline(__always) @inlinable
  public mutating func append(_ event: TraceEvent) {
    let index = slots.count
    steps.append(event.step, at: index)
    times.append(event.tUs, at: index)
    if let slot = EventSlot(packing: event.payload) {
      slots.append(slot)
    } else {
      appendSpilled(event.payload)
    }
  }

  /// `append`'s rare case: a payload kept whole in the side table.
  @inlinable @inline(never)
  mutating func appendSpilled(_ payload: EventPayload) {
    slots.append(EventSlot(spilledAt: spilled.count))
    spilled.append(payload)
  }

  /// The payload of event `index`, without its step and time.
  @inlinable
  public func payload(at index: Int) -> EventPayload {
    let slot = slots[index]
    return slot.isSpilled ? spilled[Int(slot.word)] : slot.unpack()
  }

  /// The step of event `index`.
  @inlinable
  public func step(at index: Int) -> UInt32 { steps.value(at: index) }

  /// The time of event `index`.
  @inlinable
  public func time(at index: Int) -> Int64 { times.value(at: index) }

  /// Makes room for `count` events in all: their slots, and a step for
  /// every second event (a scheduling action records at least two). Room
  /// not written to costs address space only, so the guess can be generous;
  /// times and spilled payloads grow as needed.
  public mutating func reserveCapacity(_ count: Int) {
    slots.reserveCapacity(count)
    steps.reserveCapacity(runs: count / 2)
  }

  /// The number of events there is room for without growing the slots.
  public var capacity: Int { slots.capacity }

  /// Bytes the log's arrays hold, by capacity.
  public var storedBytes: Int {
    slots.capacity * MemoryLayout<EventSlot>.stride + spilled.capacity * MemoryLayout<EventPayload>.stride
      + steps.storedBytes + times.storedBytes
  }

  /// Keeps the first `count` events only.
  public mutating func truncate(to count: Int) {
    guard count < slots.count else { return }
    // The first spilled slot past the end says how many payloads stay.
    if let firstDropped = slots[count...].first(where: \.isSpilled) {
      spilled.removeSubrange(Int(firstDropped.word)...)
    }
    slots.removeSubrange(count...)
    steps.truncate(toEvents: count)
    times.truncate(toEvents: count)
  }

  /// Equal when the events are.
  public static func == (a: Self, b: Self) -> Bool {
    a.slots == b.slots && a.spilled == b.spilled && a.steps == b.steps && a.times == b.times
  }

  /// Reads events in order from `start`, each run's step and time looked up once.
  @inlinable
  public func makeIterator(from start: Int) -> Iterator { Iterator(self, from: start) }

  /// Reads events in order, each run's step and time looked up once.
  public struct Iterator: IteratorProtocol {
    @usableFromInline let log: EventLog
    @usableFromInline var index: Int
    @usableFromInline var stepRun = 0
    @usableFromInline var stepEnd = 0
    @usableFromInline var timeRun = 0
    @usableFromInline var timeEnd = 0

    @inlinable
    init(_ log: EventLog, from start: Int) {
      self.log = log
      index = Swift.max(0, start)
      if index < log.slots.count {
        stepRun = log.steps.run(holding: index)
        stepEnd = log.steps.end(ofRun: stepRun)
        timeRun = log.times.run(holding: index)
        timeEnd = log.times.end(ofRun: timeRun)
      }
    }

    @inlinable
    public mutating func next() -> TraceEvent? {
      let at = index
      guard let (step, time) = nextStamp() else { return nil }
      return TraceEvent(step: step, tUs: time, payload: log.payload(at: at))
    }

    /// The next event's step and time, from the runs `next()` is in.
    @inlinable
    mutating func nextStamp() -> (step: UInt32, tUs: Int64)? {
      guard index < log.slots.count else { return nil }
      if index >= stepEnd {
        stepRun += 1
        stepEnd = log.steps.end(ofRun: stepRun)
      }
      if index >= timeEnd {
        timeRun += 1
        timeEnd = log.times.end(ofRun: timeRun)
      }
      index += 1
      return (log.steps.value(ofRun: stepRun), log.times.value(ofRun: timeRun))
    }
  }
}
