import AsyncVizRuntime
import AsyncVizTestPrograms
import Testing

@testable import AsyncVizTrace

/// Payloads of every kind, each with field values at the edges of what a
/// slot holds (and past them, so that spilling is exercised too).
private func samplePayloads() -> [EventPayload] {
  let tasks = [TaskID(1), TaskID(0xFFFE), TaskID(0xFFFF), TaskID(UInt32.max)]
  let numbers: [Int32] = [-2, -1, 0, 1, 254, 255, 0xFFFE, 0xFFFF, Int32.max, Int32.min]
  let strings = [
    StringID(0), StringID(7), StringID(0xFFFF), StringID(0x10000), StringID(1 << 24), StringID(-1),
  ]
  let longs: [Int64] = [0, 1, -1, Int64(UInt32.max), Int64(UInt32.max) + 1, .max, .min]
  let awaits: [Awaited] =
    [.nothing, .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake, .joinHandle(TaskID(3))]
    + [.resourceCall(resource: StringID(1), op: StringID(2)), .channelSend(channel: StringID(4))]
    + [.channelRecv(channel: StringID(5)), .other(StringID(6))]
  var p: [EventPayload] = []
  for t in tasks {
    p += [
      .pollStart(task: t), .complete(task: t), .timerFire(task: t), .wakerClone(task: t), .wakerDrop(task: t),
    ]
    p += [.deferWake(task: t), .taskDrop(task: t), .immediateQueue(task: t), .immediateRun(task: t)]
    p += [.callPush(task: t), .spawn(task: TaskID(2), parent: t), .spawn(task: t, parent: nil)]
    p += [.wake(task: TaskID(2), by: .task, fd: nil, fromTask: t)]
    p +=
      strings.map { .output(task: t, text: $0) } + strings.map { .lint(task: t, code: .longPoll, detail: $0) }
  }
  for n in numbers {
    p += ScheduleCause.allCases.map { .schedule(task: TaskID(5), cause: $0, position: n) }
    p += PollResult.allCases.flatMap { r in
      awaits.map { .pollEnd(task: TaskID(5), result: r, line: n, awaiting: $0) }
    }
    p += awaits.map { .callPop(task: TaskID(5), line: n, awaiting: $0) }
    p += Interest.allCases.map { .register(task: TaskID(5), fd: n, interest: $0) }
    p += Interest.allCases.map { .reactorReady(fd: n, readiness: $0) }
    p += [.deregister(fd: n), .threadRun(task: TaskID(5), cpu: n), .threadReady(task: TaskID(5), cpu: n)]
    p += awaits.map { .threadStop(task: TaskID(5), cpu: n, line: 12, awaiting: $0) }
    p += [.threadStop(task: TaskID(5), cpu: 3, line: n, awaiting: .sleep)]
    p += WakeSource.allCases.flatMap { by in
      [
        .wake(task: TaskID(6), by: by, fd: nil, fromTask: nil),
        .wake(task: TaskID(6), by: by, fd: n, fromTask: nil),
      ]
        + [.wake(task: TaskID(6), by: by, fd: n, fromTask: TaskID(2))]
    }
    p += GoRunSlot.allCases.map { .goRunqPut(task: TaskID(7), p: n, slot: $0) }
    p += [.goExecute(task: TaskID(7), p: n, m: 3), .goExecute(task: TaskID(7), p: 1, m: n)]
    p += GoWaitReason.allCases.map { .goPark(task: TaskID(7), line: n, reason: $0) }
    p += [.goSyscallExit(task: TaskID(7), m: n, p: 1), .goSyscallExit(task: TaskID(7), m: 2, p: n)]
    p += [.goHandoff(p: n, m: 4), .goHandoff(p: 0, m: n), .goPreempt(task: TaskID(7), p: n), .goIdle(p: n)]
    p += [
      .futureMade(task: TaskID(8), line: n, label: StringID(3)),
      .futurePolled(task: TaskID(8), line: n, label: .empty),
    ]
    p += [
      .block(task: TaskID(8), durUs: 100, line: n),
      .ioSend(task: TaskID(8), fd: n, resource: StringID(1), op: StringID(2)),
    ]
    p += [.goSyscall(task: TaskID(8), m: n, durUs: 5)]
  }
  for l in longs {
    p += [.reactorWait(timeoutUs: l), .timerCancel(task: TaskID(9), deadlineUs: l)]
    p +=
      [.timerSet(task: TaskID(9), deadlineUs: l, purpose: nil)]
      + TimerPurpose.allCases.map {
        .timerSet(task: TaskID(9), deadlineUs: l, purpose: $0)
      }
  }
  p += [.reactorWait(timeoutUs: nil)] + LoopPhase.allCases.map { .phase($0) }
  p += MicrotaskJob.allCases.flatMap {
    [.microtaskQueue(task: TaskID(4), job: $0), .microtaskRun(task: TaskID(4), job: $0)]
  }
  return p
}

/// Events over `payloads` whose steps and times change at irregular
/// intervals, some within a block of the index and some across blocks.
private func sampleEvents(_ payloads: [EventPayload]) -> [TraceEvent] {
  var step: UInt32 = 0
  var time: Int64 = 0
  return payloads.enumerated().map { i, payload in
    if i % 3 == 0 { step += 1 }
    if i % 7 == 0 { time += Int64(i % 5) }
    if i % 1_000 == 999 { step += 40_000 }
    return TraceEvent(step: step, tUs: time, payload: payload)
  }
}

@Test func everyPayloadReadsBackAsWrittenPackedOrSpilled() {
  let payloads = samplePayloads()
  let kinds = Set(payloads.map(\.kind))
  #expect(
    kinds.count == EventKind.allCases.count,
    "a kind has no sample: \(Set(EventKind.allCases).subtracting(kinds))")
  let events = sampleEvents(payloads)
  let log = EventLog(events)
  #expect(log.count == events.count)
  for (i, event) in events.enumerated() {
    #expect(log[i] == event, "event \(i)")
    #expect(log.payload(at: i) == event.payload)
  }
  #expect(Array(log) == events)
  // Both paths are taken: most samples pack, the wide ones spill.
  #expect(log.spilled.count > 0 && log.spilled.count < events.count)
  for payload in payloads {
    if let slot = EventSlot(packing: payload) { #expect(slot.unpack() == payload) }
  }
}

@Test func readingFromAnyPointGivesTheEventsFromThere() {
  let events = sampleEvents(samplePayloads())
  let log = EventLog(events)
  for start in [0, 1, 31, 32, 33, 255, 256, 257, events.count / 2, events.count - 1, events.count] {
    #expect(Array(log.makeIterator(from: start).sequence) == Array(events[start...]), "from \(start)")
  }
}

@Test func cuttingAndReplacingEventsKeepsTheRest() {
  let events = sampleEvents(samplePayloads())
  for cut in [0, 1, 300, events.count - 1] {
    var log = EventLog(events)
    log.removeLast(events.count - cut)
    #expect(Array(log) == Array(events[..<cut]))
    #expect(log == EventLog(events[..<cut]), "a cut log equals one built with fewer events (\(cut))")
    log.append(contentsOf: events[cut...])
    #expect(log == EventLog(events))
  }
  var log = EventLog(events)
  let middle = 100..<400
  log.replaceSubrange(
    middle, with: events[middle].reversed().map { TraceEvent(step: 5, tUs: 5, payload: $0.payload) })
  var expected = events
  expected.replaceSubrange(
    middle, with: events[middle].reversed().map { TraceEvent(step: 5, tUs: 5, payload: $0.payload) })
  #expect(Array(log) == expected)
}

@Test func logsAreEqualExactlyWhenTheirEventsAre() {
  let events = sampleEvents(samplePayloads())
  #expect(EventLog(events) == EventLog(events))
  for i in [0, 17, events.count - 1] {
    var other = events
    other[i].tUs += 1
    #expect(EventLog(other) != EventLog(events), "time of \(i)")
    other = events
    other[i].payload = .pollStart(task: TaskID(999))
    #expect(EventLog(other) != EventLog(events), "payload of \(i)")
  }
}

/// A traced run keeps its events packed: the yield workload (a poll's five
/// events: start, defer, end, wake, schedule, each step one poll) costs the
/// 8-byte slot plus a step run shared by the step's events (8 bytes a
/// step), about 10 bytes written per event. With the events reserved as the
/// benchmark does (the slots exactly, room for a step every second event),
/// the log's arrays hold under 14 bytes an event by capacity, however an
/// array grows. A regression to whole 40-byte events fails here.
@Test func aTracedRunStoresAnEventInFewerThanFourteenBytes() {
  let tasks = 200
  let yields = 50
  let rt = Runtime(
    program: ProgramInfo(name: "yield", source: "", backend: .sim), options: RuntimeOptions(maxSteps: .max))
  rt.reserve(events: tasks * (yields + 1) * 5 + tasks * 4)
  for _ in 0..<tasks { rt.spawn("yielder", Yielder(remaining: yields)) }
  rt.run()
  let events = rt.trace.events
  #expect(events.count > 50_000)
  #expect(events.spilled.isEmpty)
  let perEvent = Double(events.storedBytes) / Double(events.count)
  print("a traced yield run: \(perEvent) bytes per event")
  #expect(perEvent < 14, "\(perEvent) bytes per event")
}
