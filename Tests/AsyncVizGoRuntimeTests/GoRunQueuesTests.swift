import AsyncVizGoRuntime
import Testing

@Suite struct GoRunQueuesTests {
  /// With one P, the last goroutine started runs first when the spawner
  /// blocks; the ones before it run in the order they were started.
  @Test func theLastGoroutineStartedRunsFirst() {
    var q = GoRunQueues(procs: 1)
    for g in 1...3 { q.put(g, on: 0, next: true) }
    #expect(q.ps[0].runnext == 3)
    #expect(q.ps[0].local == [1, 2])
    #expect(q.next(on: 0) == 3)
    #expect(q.next(on: 0) == 1)
    #expect(q.next(on: 0) == 2)
    #expect(q.next(on: 0) == nil)
  }

  /// Two timers that fire in one pass both ready their goroutine into
  /// runnext: they run in reverse order.
  @Test func twoGoroutinesReadiedTogetherRunInReverseOrder() {
    var q = GoRunQueues(procs: 1)
    q.put(7, on: 0, next: true)
    q.put(8, on: 0, next: true)
    #expect(q.next(on: 0) == 8)
    #expect(q.next(on: 0) == 7)
  }

  @Test func aFullLocalQueueMovesHalfToTheGlobalQueue() {
    var q = GoRunQueues(procs: 1)
    for g in 0..<GoRunQueues.localCapacity { q.put(g, on: 0, next: false) }
    q.put(1000, on: 0, next: false)
    #expect(q.global == Array(0..<128) + [1000])
    #expect(q.ps[0].local == Array(128..<256))
  }

  /// Every 61st schedtick takes the global queue first, so a local queue
  /// that keeps refilling cannot starve it; runnext does not count.
  @Test func theGlobalQueueIsCheckedEvery61Ticks() {
    var q = GoRunQueues(procs: 1)
    q.putGlobal(99)
    // schedtick is 0: the very first schedule looks at the global queue.
    q.put(1, on: 0, next: false)
    #expect(q.next(on: 0) == 99)
    q.putGlobal(98)
    var order: [Int] = []
    for g in 2...70 { q.put(g, on: 0, next: false) }
    q.put(500, on: 0, next: true)
    while let g = q.next(on: 0) { order.append(g) }
    // runnext first (no tick), then local 1..60 (ticks 1..60), then at tick 61 the global one.
    #expect(Array(order.prefix(62)) == [500] + Array(1...60) + [98])
    #expect(order.count == 72)
  }

  @Test func anEmptyPTakesABatchFromTheGlobalQueue() {
    var q = GoRunQueues(procs: 2)
    for g in 1...7 { q.putGlobal(g) }
    // schedtick 0: the fairness check takes one.
    #expect(q.next(on: 1) == 1)
    #expect(q.ps[1].local.isEmpty)
    // Then a batch of 6 / 2 + 1 = 4: one to run, three to the local queue.
    #expect(q.next(on: 1) == 2)
    #expect(q.ps[1].local == [3, 4, 5])
    #expect(q.global == [6, 7])
  }

  @Test func stealingTakesHalfAndRunsTheLastTaken() {
    var q = GoRunQueues(procs: 2)
    for g in 1...5 { q.put(g, on: 0, next: false) }
    #expect(q.steal(into: 1, from: 0, victimRunning: true) == 3)
    #expect(q.ps[1].local == [1, 2])
    #expect(q.ps[0].local == [4, 5])
    var r = GoRunQueues(procs: 2)
    r.put(9, on: 0, next: true)
    #expect(r.steal(into: 1, from: 0, victimRunning: true) == nil)
    #expect(r.steal(into: 1, from: 0, victimRunning: false) == 9)
  }
}
