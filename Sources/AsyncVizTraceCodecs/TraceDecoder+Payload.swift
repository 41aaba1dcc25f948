import AsyncVizTrace
import AsyncVizTraceState

extension TraceDecoder {
  /// Checks the event's place in the sequence and appends it.
  mutating func appendEvent(_ v: EventValues, _ payload: EventPayload, at start: Int64) throws(TraceReadError)
  {
    let index = events.count
    guard v.seq == Int64(index) else {
      throw fail(
        "\"seq\" is \(v.seq) but this is event \(index): events are out of order or missing", at: start)
    }
    if index > 0 {
      // The last event's stamps alone: its payload is not needed.
      let step = events.step(at: index - 1)
      let tUs = events.time(at: index - 1)
      if v.step < Int64(step) { throw fail("\"step\" goes back from \(step) to \(v.step)", at: start) }
      if v.tUs < tUs { throw fail("\"t_us\" goes back from \(tUs) to \(v.tUs)", at: start) }
    }
    if v.kind == .spawn { spawnNames.append((index, v.name)) }
    if events.count == events.capacity { growEvents() }
    events.append(TraceEvent(step: UInt32(truncatingIfNeeded: v.step), tUs: v.tUs, payload: payload))
  }

  /// Makes room for more events. With the file's size known, the room is
  /// projected from the bytes per event so far (plus 2%), so that the array
  /// is reallocated about once and ends near its final size: memory stays
  /// near the size of the decoded events instead of doubling past it.
  @inline(never)
  mutating func growEvents() {
    let count = events.count
    var target = max(1024, count * 2)
    if let size = window.fileSize, count >= 256, window.offset > 0 {
      let projected = Double(count) * Double(size) / Double(window.offset) * 1.02
      if projected > Double(count) && projected < Double(Int32.max) {
        target = max(count + 1024, Int(projected))
      }
    }
    events.reserveCapacity(target)
  }
}
