import AsyncVizRuntime
import AsyncVizTrace
import Testing

private func program() -> ProgramInfo { ProgramInfo(name: "t", source: "", backend: .sim) }

private func count(_ trace: Trace, _ match: (EventPayload) -> Bool) -> Int {
  trace.events.filter { match($0.payload) }.count
}

private func count(_ trace: Trace, _ kind: EventKind) -> Int { count(trace) { $0.kind == kind } }

/// Stores its waker with a shared box, then finishes on the next poll.
private final class WakerBox {
  var waker: Waker?
}

private struct Parks: Future {
  let box: WakerBox
  var parked = false
  mutating func poll(_ cx: inout Context) -> Poll<Int> {
    if parked { return .ready(7) }
    parked = true
    box.waker = cx.storeWaker()
    return .pending
  }
}

/// Wakes a stored waker twice: once while the target waits, once after it finished.
private struct WakesTwice: Future {
  let box: WakerBox
  var round = 0
  mutating func poll(_ cx: inout Context) -> Poll<Void> {
    round += 1
    if round == 1, let w = box.waker {
      cx.wake(w)
      cx.wakeSelf()
      return .pending
    }
    if round == 2, let w = box.waker {
      // The first wake consumed the stored waker; this models a buggy peer
      // keeping a copy. The target is done by now: the wake must change nothing.
      cx.wake(w)
    }
    return .ready(())
  }
}

@Test func aWakeAfterCompletionIsIgnored() {
  let box = WakerBox()
  let rt = Runtime(program: program())
  rt.spawn("parks", Parks(box: box))
  rt.spawn("waker", WakesTwice(box: box))
  #expect(rt.run().reason == .completed)
  // parks: spawn + one wake; the second wake found it done.
  let parksSchedules = count(rt.trace) {
    if case .schedule(let t, _, _) = $0 { t == TaskID(1) } else { false }
  }
  #expect(parksSchedules == 2)
  let parksPolls = count(rt.trace) { if case .pollStart(let t) = $0 { t == TaskID(1) } else { false } }
  #expect(parksPolls == 2)
  #expect(rt.state(of: TaskID(1)) == .done)
}

@Test func selectCancelsTheLoserAndItsTimer() {
  struct Race: Future {
    var select = SelectFirst<Void>([Sleep(durationUs: 10_000), Sleep(durationUs: 2_000)])
    mutating func poll(_ cx: inout Context) -> Poll<Int> { select.poll(&cx).map { $0.index } }
  }
  let rt = Runtime(program: program())
  let h = rt.spawn("race", Race())
  let end = rt.run()
  #expect(end.reason == .completed)
  #expect(end.tUs == 2_000)
  #expect(rt.output(of: h.task, as: Int.self) == 1)
  #expect(count(rt.trace, .timerFire) == 1)
  #expect(count(rt.trace, .wakerDrop) == 1)
  // The loser's timer (due at 10 ms) leaves the queue by a timer_cancel that
  // names it, recorded right before the drop of its waker.
  let cancels = rt.trace.events.indices.filter {
    if case .timerCancel = rt.trace.events[$0].payload { true } else { false }
  }
  #expect(cancels.count == 1)
  if let i = cancels.first {
    #expect(rt.trace.events[i].payload == .timerCancel(task: h.task, deadlineUs: 10_000))
    #expect(rt.trace.events[i].tUs == 2_000)
    #expect(rt.trace.events[i + 1].payload == .wakerDrop(task: h.task))
  }
}

@Test func timeoutGivesNilWhenTheDeadlineWins() {
  let rt = Runtime(program: program())
  let slow = rt.spawn(
    "guarded",
    Timeout(
      durationUs: 5_000,
      ResourceCall(resource: ResourceSpec(name: "db", latencyUs: 40_000), op: "q", argument: "")))
  let end = rt.run()
  #expect(end.reason == .completed)
  #expect(end.tUs == 5_000)
  let out = rt.output(of: slow.task, as: Optional<Result<String, BackendError>>.self)
  #expect(out == .some(.none))
  // The cancelled request's fd left the interest list.
  #expect(count(rt.trace, .deregister) == 1)
}

@Test func joinAllTakesTheLongerLatency() {
  let db = ResourceSpec(name: "db", latencyUs: 40_000)
  let svc = ResourceSpec(name: "svc", latencyUs: 25_000)
  let rt = Runtime(program: program())
  let h = rt.spawn(
    "both",
    JoinAll<Result<String, BackendError>>([
      ResourceCall(resource: db, op: "query", argument: "a"),
      ResourceCall(resource: svc, op: "call", argument: "b"),
    ]))
  let end = rt.run()
  #expect(end.tUs == 40_000)
  let out = rt.output(of: h.task, as: [Result<String, BackendError>].self)
  #expect(out?.count == 2)
  if let out, case .success(let first) = out[0] { #expect(first == "db.query(a)") }
}

@Test func aFullChannelMakesTheSenderWait() {
  struct Producer: Future {
    let channel: Channel<Int>
    var sent = 0
    var pending: ChannelSend<Int>?
    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      while sent < 3 {
        var send = pending ?? channel.send(sent)
        guard case .ready = send.poll(&cx) else {
          pending = send
          return .pending
        }
        pending = nil
        sent += 1
      }
      return .ready(())
    }
  }
  struct Consumer: Future {
    let channel: Channel<Int>
    var got: [Int] = []
    var recv: ChannelRecv<Int>?
    mutating func poll(_ cx: inout Context) -> Poll<[Int]> {
      while got.count < 3 {
        var r = recv ?? channel.recv()
        guard case .ready(let v) = r.poll(&cx) else {
          recv = r
          return .pending
        }
        recv = nil
        got.append(v)
      }
      return .ready(got)
    }
  }
  let channel = Channel<Int>(name: "jobs", capacity: 1)
  let rt = Runtime(program: program())
  rt.spawn("producer", Producer(channel: channel))
  let c = rt.spawn("consumer", Consumer(channel: channel))
  #expect(rt.run().reason == .completed)
  #expect(rt.output(of: c.task, as: [Int].self) == [0, 1, 2])
  // The producer was woken by the consumer (backpressure released).
  let producerWokenByTask = count(rt.trace) {
    if case .wake(let t, .task, _, let from) = $0 { t == TaskID(1) && from == TaskID(2) } else { false }
  }
  #expect(producerWokenByTask >= 1)
}

/// Counts the polls of the future it wraps, in a box shared by every child.
private final class PollCounter {
  var polls = 0
}

private struct Counted<F: Future>: Future {
  let counter: PollCounter
  var inner: F
  mutating func poll(_ cx: inout Context) -> Poll<F.Output> {
    counter.polls += 1
    return inner.poll(&cx)
  }
  mutating func cancel(_ cx: inout Context) { inner.cancel(&cx) }
}

/// `n` sleeps of distinct lengths, each child counted, each giving `()`.
private func countedSleeps(_ n: Int, _ counter: PollCounter) -> [any Future<Void>] {
  (0..<n).map { i in Counted(counter: counter, inner: Sleep(durationUs: Int64(1000 * (i + 1)))) }
}

/// Runs the future `make` builds around `counter` as the only task, to
/// completion, and gives how many child polls that took.
private func childPolls<F: Future>(
  _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ make: (PollCounter) -> F
) -> Int {
  let counter = PollCounter()
  let rt = Runtime(program: program())
  rt.spawn(name, make(counter))
  #expect(rt.run().reason == .completed, sourceLocation: sourceLocation)
  return counter.polls
}

/// A join or select polls every child once, then only the children woken
/// since: N children woken one at a time cost 2N child polls, not N^2,
/// whatever the combinator and however it nests.
@Test(arguments: [1, 10, 200, 3000])
func aJoinPollsOnlyTheChildrenThatWereWoken(n: Int) {
  #expect(childPolls("join") { JoinAll(countedSleeps(n, $0)) } == 2 * n)
}

@Test(arguments: [2, 50, 1000])
func aJoinOfJoinsPollsOnlyTheWokenLeaves(n: Int) {
  // Two inner joins, each of n sleeps, inside an outer join; a leaf's wake
  // must reach the outer join's right child and the inner join's right leaf.
  let polls = childPolls("outer") { counter in
    let inner: [any Future<[Void]>] = [
      JoinAll(countedSleeps(n, counter)), JoinAll(countedSleeps(n, counter)),
    ]
    return JoinAll(inner)
  }
  #expect(polls == 4 * n)
}

@Test(arguments: [2, 100, 2000])
func aSelectPollsOnlyTheWokenChildAndCancelsTheRest(n: Int) {
  // Child 0 yields n times (each wake is its own) before finishing; the sleeps never fire.
  let polls = childPolls("select") { counter in
    SelectFirst([Counted(counter: counter, inner: SelfWake(count: n))] + countedSleeps(n, counter))
  }
  // First poll: every child (n + 1); then n more polls of child 0 alone.
  #expect(polls == (n + 1) + n)
}
