import AsyncVizGoRuntime
import AsyncVizTrace

/// A `select` parked on several channels (`selectgo`): the first channel to
/// hand it a value wins; the others skip it.
final class GoSelect {
  var done = false
  /// What each case gives: case `i`'s value becomes `wrap(i, v)`.
  let wrap: (Int, Value) -> Value
  init(wrap: @escaping (Int, Value) -> Value) { self.wrap = wrap }
}

/// A Go channel (`hchan`, runtime/chan.go): a ring buffer of `capacity`,
/// and the goroutines parked to receive (`recvq`) and to send (`sendq`),
/// first come first served. A send to a parked receiver hands the value over
/// directly and readies it into the sender's runnext (`send` -> `goready`);
/// a receive from a full buffer with a parked sender moves that sender's
/// value in and readies it. Never closed (the .av language has no close).
final class GoChan {
  let name: String
  let capacity: Int
  private(set) var buffer: [Value] = []
  private var recvq: [(g: Goroutine, select: GoSelect?, index: Int)] = []
  private var sendq: [(g: Goroutine, value: Value)] = []

  init(name: String, capacity: Int) {
    self.name = name
    self.capacity = capacity
  }

  /// `c <- v` (`chansend`): true if done without parking.
  func send(_ v: Value, by g: Goroutine?, run: GoRun, line: Int32) -> Bool {
    while !recvq.isEmpty {
      let r = recvq.removeFirst()
      if let select = r.select {
        if select.done { continue }
        select.done = true
        r.g.pending = select.wrap(r.index, v)
      } else {
        r.g.pending = v
      }
      run.sched.ready(r.g.task)
      return true
    }
    if buffer.count < capacity {
      buffer.append(v)
      return true
    }
    guard let g else { return false }
    sendq.append((g, v))
    g.pending = .unit
    run.sched.park(.chanSend, line: line)
    return false
  }

  /// A send that never parks (`select { case c <- v: default: }`, time.After's `sendTime`).
  func trySend(_ v: Value, run: GoRun) { _ = send(v, by: nil, run: run, line: 0) }

  /// `<-c` (`chanrecv`): the value, or nil after parking `g` (its value arrives as `pending`).
  func recv(by g: Goroutine, run: GoRun, line: Int32) -> Value? {
    if let ready = take(run: run) { return ready }
    recvq.append((g, nil, 0))
    run.sched.park(.chanReceive, line: line)
    return nil
  }

  /// A value ready now, if any (moving a parked sender's value in).
  func take(run: GoRun) -> Value? {
    if !sendq.isEmpty {
      let s = sendq.removeFirst()
      var v = s.value
      if capacity > 0 {
        v = buffer.removeFirst()
        buffer.append(s.value)
      }
      run.sched.ready(s.g.task)
      return v
    }
    if !buffer.isEmpty { return buffer.removeFirst() }
    return nil
  }

  /// Parks a select's case on this channel.
  func enqueue(_ g: Goroutine, select: GoSelect, index: Int) { recvq.append((g, select, index)) }
}
