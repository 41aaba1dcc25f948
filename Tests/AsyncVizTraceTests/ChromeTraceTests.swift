import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

/// One Chrome trace event, as the tests look at it.
private struct ChromeEvent {
  let ph: String
  let name: String
  let tid: Int
  let pid: Int
  /// Microseconds.
  let ts: Double
  let dur: Double?
  let id: Int?
  let bp: String?
  let args: [String: Any]

  init?(_ object: Any) {
    guard let o = object as? [String: Any], let ph = o["ph"] as? String, let name = o["name"] as? String,
      let pid = o["pid"] as? Int, let tid = o["tid"] as? Int
    else { return nil }
    self.ph = ph
    self.name = name
    self.pid = pid
    self.tid = tid
    ts = (o["ts"] as? NSNumber)?.doubleValue ?? -1
    dur = (o["dur"] as? NSNumber)?.doubleValue
    id = o["id"] as? Int
    bp = o["bp"] as? String
    args = o["args"] as? [String: Any] ?? [:]
  }

  /// Whether `t` lies strictly inside this slice.
  func strictlyContains(_ t: Double) -> Bool { t > ts && t < ts + (dur ?? 0) }
  /// The trace event this Chrome event came from.
  var seq: Int? { args["seq"] as? Int }
}

/// Parses an export.
private func export(_ trace: Trace) throws -> [ChromeEvent] {
  let object = try JSONSerialization.jsonObject(with: Data(ChromeTraceWriter.encode(trace)))
  let top = try #require(object as? [String: Any])
  let list = try #require(top["traceEvents"] as? [Any])
  let events = list.compactMap(ChromeEvent.init)
  try #require(events.count == list.count, "an event without ph, name, pid or tid")
  return events
}

@Test(arguments: Workloads.names)
func chromeExportsFollowTheRules(_ name: String) throws {
  try checkChromeRules(Workloads.trace(name))
}

@Test func everyDemoExportFollowsTheChromeRules() throws {
  let paths = DemoTraces.goldenPaths()
  #expect(paths.count >= 11, "the demos' golden traces are missing from \(DemoTraces.goldenFolder.path)")
  for path in paths { try checkChromeRules(TraceJSONReader.read(path: path)) }
}

/// Every rule of the Chrome export (docs/trace-format.md).
private func checkChromeRules(_ trace: Trace) throws {
  let events = try export(trace)
  #expect(Set(events.map(\.pid)) == [1], "one process")
  // One named lane per task, plus the executor and the reactor.
  let names = Dictionary(
    events.filter { $0.ph == "M" && $0.name == "thread_name" }.map {
      ($0.tid, $0.args["name"] as? String ?? "")
    },
    uniquingKeysWith: { a, _ in a })
  #expect(names.count == trace.tasks.count + 2)
  #expect(names[1] == "executor")
  #expect(names[2]?.hasPrefix("reactor") == true)
  for task in trace.tasks { #expect(names[Int(task.id.rawValue) + 2] == trace.label(task.id)) }
  // Each poll is one X slice with a positive duration on its task's lane.
  let polls = events.filter { $0.ph == "X" && $0.tid > 2 && $0.name.hasPrefix("poll") }
  let pollStarts = trace.events.indices.filter {
    if case .pollStart = trace.events[$0].payload { true } else { false }
  }
  #expect(polls.count == pollStarts.count)
  #expect(polls.allSatisfy { ($0.dur ?? 0) > 0 })
  let pollBySeq = Dictionary(polls.compactMap { p in p.seq.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
  for i in pollStarts {
    guard case .pollStart(let task) = trace.events[i].payload else { continue }
    #expect(pollBySeq[i]?.tid == Int(task.rawValue) + 2, "poll at seq \(i)")
  }
  // Slices of one lane never overlap, except a blocking call inside its poll.
  let slicesByLane = Dictionary(grouping: events.filter { $0.ph == "X" }, by: \.tid)
  for (lane, all) in slicesByLane {
    let slices = all.filter { !$0.name.hasPrefix("blocking") }.sorted { $0.ts < $1.ts }
    for (a, b) in zip(slices, slices.dropFirst()) {
      #expect(a.ts + (a.dur ?? 0) < b.ts, "lane \(lane) overlaps")
    }
  }
  try checkFlows(trace, events, polls: pollBySeq, slices: slicesByLane)
  // Reactor turns as slices on the reactor's lane; registrations and timer fires as instants.
  let waits = trace.events.filter { if case .reactorWait = $0.payload { true } else { false } }
  #expect(events.filter { $0.ph == "X" && $0.tid == 2 }.count == waits.count)
  let registers = trace.events.filter { if case .register = $0.payload { true } else { false } }
  #expect(events.filter { $0.ph == "i" && $0.name.hasPrefix("register fd") }.count == registers.count)
  let fires = trace.events.filter { if case .timerFire = $0.payload { true } else { false } }
  #expect(events.filter { $0.ph == "i" && $0.name.hasPrefix("timer fires") }.count == fires.count)
  try checkCounters(trace, events)
}

/// Every wake that has a later poll of its task is one s/f pair with a
/// numeric id; s inside a slice of the waker's lane, f (bp e) strictly inside
/// the woken task's next poll.
private func checkFlows(
  _ trace: Trace, _ events: [ChromeEvent], polls: [Int: ChromeEvent], slices: [Int: [ChromeEvent]]
) throws {
  let starts = events.filter { $0.ph == "s" }
  let startBySeq = Dictionary(
    starts.compactMap { s in s.seq.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
  let finishes = Dictionary(
    events.filter { $0.ph == "f" }.compactMap { f in f.id.map { ($0, f) } }, uniquingKeysWith: { a, _ in a })
  #expect(Set(starts.compactMap(\.id)).count == starts.count, "flow ids are unique")
  // The next poll_start of each task after each event, found back to front.
  var nextPoll: [TaskID: Int] = [:]
  var wakes: [(seq: Int, next: Int)] = []
  for i in trace.events.indices.reversed() {
    switch trace.events[i].payload {
    case .pollStart(let task): nextPoll[task] = i
    case .wake(let task, _, _, _): if let next = nextPoll[task] { wakes.append((i, next)) }
    default: break
    }
  }
  for (i, next) in wakes {
    guard case .wake(let task, let by, _, let from) = trace.events[i].payload else { continue }
    let s = try #require(startBySeq[i], "no flow for the wake at seq \(i)")
    let f = try #require(s.id.flatMap { finishes[$0] }, "no finish for the flow of seq \(i)")
    #expect(f.bp == "e")
    #expect(f.tid == Int(task.rawValue) + 2)
    let poll = try #require(polls[next])
    #expect(poll.strictlyContains(f.ts), "the flow of seq \(i) ends outside the next poll")
    let wakerLane =
      switch by {
      case .reactor, .timer, .deferred: 2
      case .task: Int(from?.rawValue ?? 0) + 2
      case .own: Int(task.rawValue) + 2
      }
    #expect(s.tid == wakerLane)
    let holder = slices[s.tid]?.first { $0.strictlyContains(s.ts) }
    #expect(holder != nil, "the flow of seq \(i) starts outside any slice of its lane")
  }
  #expect(starts.count == wakes.count)
}

/// The counters follow the reducer's run queue and its tasks in status pending.
private func checkCounters(_ trace: Trace, _ events: [ChromeEvent]) throws {
  let queue = events.filter { $0.ph == "C" && $0.name == "run queue" }
  let pending = events.filter { $0.ph == "C" && $0.name == "pending tasks" }
  #expect(!queue.isEmpty && !pending.isEmpty)
  var state = TraceState()
  var queueValues: [Int] = []
  var pendingValues: [Int] = []
  for i in trace.events.indices {
    TraceReducer.apply(trace.events, upTo: i + 1, to: &state)
    // Counted from the tasks, not from the state's own counter.
    let pendingNow = state.tasks.count { $0.status == .pending }
    #expect(pendingNow == state.pendingCount)
    if queueValues.last != state.runQueue.count { queueValues.append(state.runQueue.count) }
    if pendingValues.last != pendingNow { pendingValues.append(pendingNow) }
  }
  #expect(queue.compactMap { $0.args["ready"] as? Int } == queueValues)
  #expect(pending.compactMap { $0.args["pending"] as? Int } == pendingValues)
  #expect(queueValues.last == 0 || trace.end?.reason != .completed)
}

@Test func chromeTimesKeepTheTraceOrderAndItsClock() throws {
  let trace = Workloads.trace("db-then-service")
  let events = try export(trace)
  let withSeq = events.filter { $0.seq != nil && $0.ph != "f" }.sorted { $0.seq ?? 0 < $1.seq ?? 0 }
  for (a, b) in zip(withSeq, withSeq.dropFirst()) where a.seq != b.seq { #expect(a.ts < b.ts) }
  // Display time = t_us + 1 us per step before, plus less than 1 us inside the step.
  for e in withSeq {
    let seq = try #require(e.seq)
    let event = trace.events[seq]
    let base = Double(event.tUs) + Double(event.step)
    #expect(e.ts >= base && e.ts < base + 1, "seq \(seq): ts \(e.ts)")
    #expect(e.args["t_us"] as? Int == Int(event.tUs))
  }
  let text = String(decoding: ChromeTraceWriter.encode(trace), as: UTF8.self)
  #expect(text.contains(#""name":"poll -> pending (db.query, line 1)""#))
  #expect(text.contains(#""name":"simulated epoll_wait (timeout none) -> ready: fd 5""#))
}

@Test func chromeWriteIsSafe() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let trace = Workloads.trace("timers")
  try ChromeTraceWriter.write(trace, to: folder + "/c.json")
  #expect(
    try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/c.json"))) == ChromeTraceWriter.encode(trace))
  #expect(throws: TraceWriteError.self) { try ChromeTraceWriter.write(trace, to: folder + "/missing/c.json") }
}
