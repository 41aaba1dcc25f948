import AsyncVizTrace
import AsyncVizTraceState

/// Where each event sits on the Chrome trace's time axis, in nanoseconds.
///
/// A poll on the sim backend takes no virtual time, and a real poll often
/// takes less than the clock's microsecond; slices of zero width would hide
/// polls and make "inside the next poll" meaningless. So every step gets a
/// width of its own, `stepWidthNs` (or more for a step with very many
/// events), added on top of the trace's clock, and the events of a step are
/// spread evenly across it. Display time = `t_us` x 1000 + the widths of the
/// steps before + the event's place in its step. Order is kept strictly;
/// times drift from the trace's clock by 1 us per step (the true `t_us` is in
/// each event's args). See docs/trace-format.md.
///
/// Display times are 128-bit: the reader accepts any `t_us` up to Int64.max,
/// and in nanoseconds, plus the steps' widths, that does not fit in 64 bits.
struct ChromeTimeline {
  /// The width given to each step.
  static let stepWidthNs: Int64 = 1000

  /// Display time of each event, by `seq`.
  private(set) var times: [Int128]
  /// Display time of the end of each event's step (after its last event), by `seq`.
  private(set) var stepEnds: [Int128]

  /// Lays out every event of `trace`.
  init(_ trace: Trace) {
    let events = trace.events
    times = Array(repeating: 0, count: events.count)
    stepEnds = Array(repeating: 0, count: events.count)
    var base: Int128 = 0
    var first = 0
    while first < events.count {
      var last = first
      while last + 1 < events.count && events.step(at: last + 1) == events.step(at: first) { last += 1 }
      let n = Int128(last - first + 1)
      let width = max(Int128(ChromeTimeline.stepWidthNs), n + 1)
      let spacing = width / (n + 1)
      for (k, i) in (first...last).enumerated() {
        times[i] = Int128(events.time(at: i)) * 1000 + base + Int128(k) * spacing
      }
      let end = Int128(events.time(at: last)) * 1000 + base + n * spacing
      for i in first...last { stepEnds[i] = end }
      base += width
      first = last + 1
    }
  }

  /// A time strictly inside the slice that starts with event `i` and lasts to its step's end.
  func inside(_ i: Int) -> Int128 { times[i] + max(1, (stepEnds[i] - times[i]) / 2) }
}
