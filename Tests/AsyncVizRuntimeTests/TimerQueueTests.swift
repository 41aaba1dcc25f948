import AsyncVizTrace
import Testing

@testable import AsyncVizRuntime

/// The timing wheel against the plainest correct queue: every armed timer in
/// an array, the earliest found by (deadline, insertion order). Random arms,
/// cancels, deadline queries and pops with a clock that only moves forward,
/// over deadlines that land on every level, in the `early` heap (armed
/// before the wheel's base time after a query moved it ahead of now), and
/// past the wheel's reach.
private struct ReferenceQueue {
  var armed: [(deadline: Int64, id: Int)] = []

  var next: (deadline: Int64, id: Int)? {
    armed.min { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
  }

  mutating func pop(now: Int64) -> (deadline: Int64, id: Int)? {
    guard let first = next, first.deadline <= now else { return nil }
    armed.removeAll { $0.id == first.id }
    return first
  }
}

@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
func theTimingWheelFiresInDeadlineThenInsertionOrder(seed: UInt64) {
  // A seeded generator, so a failure repeats.
  var rng = SeededRandom(seed: seed)
  var wheel = TimerQueue()
  var reference = ReferenceQueue()
  var now: Int64 = 0
  var fired = 0
  // Spans that reach each level, and beyond the wheel (64^6 µs).
  let spans: [Int64] = [3, 64, 4_096, 262_144, 16_777_216, 1 << 36, 1 << 40, Int64.max / 4]
  for _ in 0..<6_000 {
    switch rng.int(0...9) {
    case 0...3:
      let span = rng.pick(spans)
      // Some deadlines repeat exactly, to check ties break by insertion.
      let deadline = rng.int(0...3) == 0 ? now + 5 : now + Int64(rng.int(1...Int(span)))
      let task = TaskID(UInt32(rng.int(1...50)))
      let id = wheel.arm(deadlineUs: deadline, waker: Waker(task: task))
      reference.armed.append((deadline, id.rawValue))
    case 4 where !reference.armed.isEmpty:
      let victim = rng.pick(reference.armed)
      #expect(wheel.cancel(TimerID(rawValue: victim.id)) == victim.deadline)
      reference.armed.removeAll { $0.id == victim.id }
    case 5, 6:
      #expect(wheel.nextDeadline() == reference.next?.deadline)
    default:
      // Step the clock: to the next deadline (what the sim does), a little, or not at all.
      switch rng.int(0...2) {
      case 0: now = max(now, reference.next?.deadline ?? now)
      case 1: now += Int64(rng.int(0...99))
      default: break
      }
      while let expected = reference.pop(now: now) {
        let got = wheel.popDue(nowUs: now)
        #expect(got?.id.rawValue == expected.id && got?.deadlineUs == expected.deadline)
        fired += 1
      }
      #expect(wheel.popDue(nowUs: now) == nil)
    }
    #expect(wheel.armedCount == reference.armed.count)
  }
  // Drain what is left, far timers included, in order.
  while let expected = reference.next {
    #expect(wheel.nextDeadline() == expected.deadline)
    _ = reference.pop(now: expected.deadline)
    #expect(wheel.popDue(nowUs: expected.deadline)?.id.rawValue == expected.id)
    fired += 1
  }
  #expect(wheel.nextDeadline() == nil)
  #expect(fired > 1_000)
}
