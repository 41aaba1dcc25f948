import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// The task table and the task detail speak each model's words: no polls,
/// wakers or Pending under node, go and threads, and what a task waits on
/// is what that runtime waits on (a goroutine in IO wait is parked in the
/// netpoller, not asleep on a timer).
@Suite struct ModelWordsTests {
  /// The 160x50 view of `trace` at `step` with task `task` selected (the
  /// task detail shows from 160 columns).
  func detailScreen(_ trace: Trace, atStep step: UInt32, selecting task: TaskID) -> String {
    var model = ViewerModel(feed: SavedTraceFeed(trace: trace))
    model.jump(to: step)
    let feed = SavedTraceFeed(trace: trace)
    for _ in 0..<trace.tasks.count where model.selected != task { _ = model.handle(.nextTask, feed: feed) }
    #expect(model.selected == task)
    return ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions()).text
  }

  /// The lines of the task table and the task detail (the narration and the
  /// source may quote other models on purpose).
  func taskLines(_ screen: String) -> [Substring] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    // The left box of each row down to the source: the task table.
    let table = lines.dropFirst(2).prefix { $0.hasPrefix("│") }.map {
      $0.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first ?? ""
    }
    // The right box from the task detail's title down.
    let titles = ["┌ Task #", "┌ Goroutine #", "┌ Thread #", "┌ Async call #"]
    let detail = lines.drop { line in !titles.contains { line.contains($0) } }.dropFirst().prefix {
      !$0.contains("└") || $0.contains("│")
    }
    .map { $0.split(separator: "│", omittingEmptySubsequences: false).dropLast().last ?? "" }
    return table + detail
  }

  @Test func aGoroutineInIOWaitIsParkedInTheNetpollerAndItsReplyIsNoSleep() {
    let trace = DemoTraces.goTrace(named: "db-then-service")
    let history = TraceHistory(trace: trace)
    // The first step after which a goroutine is parked in IO wait.
    var found: (step: UInt32, task: TaskID)?
    for step in 0...history.lastStep where found == nil {
      let state = history.state(atStep: step)
      if let g = state.go.netpoller.first { found = (step, g) }
    }
    guard let (step, g) = found else {
      Issue.record("no goroutine ever waits in the netpoller")
      return
    }
    let state = history.state(atStep: step)
    let timer = state.reactor.timers.first { $0.task == g }
    #expect(timer?.purpose == .latency)
    let text = detailScreen(trace, atStep: step, selecting: g)
    let lines = taskLines(text).joined(separator: "\n")
    #expect(lines.contains("IO wait, parked in the netpoller"), "\(text)")
    let due = DurationText.instant(timer?.deadlineUs ?? -1)
    #expect(lines.contains("reply due at \(due) (sim: a timer)"), "\(text)")
    #expect(!lines.contains("sleep:"))
    #expect(!lines.contains(": -"))
  }

  @Test func theTaskTableAndDetailUseEachModelsWords() {
    let banned: [RuntimeModel: [String]] = [
      .go: [
        "polls", "polling", "pending", "wakers", "JoinHandle", "busy", "idle", "not polled", "spawned",
        "root task",
      ],
      .threads: [
        "polls", "polling", "pending", "wakers", "JoinHandle", "busy", "idle", "not polled", "spawned",
        "root task",
      ],
      .node: [
        "polls", "polling", "pending", "wakers", "JoinHandle", "busy", "idle", "not polled", "spawned",
        "root task",
      ],
    ]
    for (model, words) in banned {
      let trace = DemoTraces.trace(named: "db-then-service", model: model)
      let history = TraceHistory(trace: trace)
      for step in stride(from: UInt32(0), through: history.lastStep, by: 3) {
        for task in trace.tasks.prefix(2) where history.state(atStep: step).task(task.id) != nil {
          let text = detailScreen(trace, atStep: step, selecting: task.id)
          let lines = taskLines(text).joined(separator: "\n")
          for word in words {
            #expect(!lines.contains(word), "\(model) step \(step) says \(word):\n\(lines)")
          }
        }
      }
    }
  }

  /// Every step of every demo but the big one, with the task each step
  /// selects by default: the table and the detail never use Rust's words.
  @Test(arguments: [
    "lazy-future", "join-concurrent", "timers", "select-timeout", "channel-pipeline",
    "spawn-vs-await", "blocking-the-executor", "lost-waker", "self-wake",
  ])
  func noDemoShowsRustWordsUnderTheOtherModels(_ name: String) {
    let banned = [
      "polls", "polling", "pending", "wakers", "JoinHandle", "busy", "idle", "not polled", "done", "spawned",
      "root task",
    ]
    for model in [RuntimeModel.go, .threads, .node] {
      let trace = DemoTraces.trace(named: name, model: model)
      var viewer = ViewerModel(feed: SavedTraceFeed(trace: trace))
      for step in 0...viewer.history.lastStep {
        viewer.jump(to: step)
        let text = ScreenRenderer.render(viewer, width: 160, height: 50, options: ViewOptions()).text
        let lines = taskLines(text).joined(separator: "\n")
        for word in banned where lines.contains(word) {
          Issue.record("\(name) under \(model), step \(step), says \(word):\n\(lines)")
        }
      }
    }
  }

  @Test func eachModelNamesItsStatesAndCounters() {
    func screen(_ trace: Trace, atStep step: UInt32) -> String {
      detailScreen(trace, atStep: step, selecting: TaskID(1))
    }
    let go = screen(DemoTraces.goTrace(named: "db-then-service"), atStep: 5)
    #expect(go.contains("runs wakes"))
    #expect(go.contains("chan receive L23"))
    #expect(go.contains(" waiting "))
    #expect(go.contains("┌ Goroutines (4)") && go.contains("┌ Goroutine #1 main"))
    #expect(go.contains("created   at 0.000 ms (main goroutine)"))
    let threads = screen(DemoTraces.threadsTrace(named: "db-then-service"), atStep: 6)
    #expect(threads.contains("runs wakes"))
    #expect(threads.contains("pthread_join #2 L23"))
    #expect(threads.contains("line 23: futex: pthread_join #2"))
    #expect(threads.contains(" blocked "))
    #expect(threads.contains("┌ Threads (4)") && threads.contains("┌ Thread #1 main"))
    #expect(threads.contains("created   at 0.000 ms (main thread)"))
    let node = screen(DemoTraces.nodeTrace(named: "db-then-service"), atStep: 6)
    #expect(node.contains("runs resumes"))
    #expect(node.contains("promise #2 L23"))
    #expect(node.contains("line 23: the promise of #2"))
    #expect(node.contains("#2 handler to settle ("))
    #expect(node.contains(" awaiting "))
    #expect(node.contains("┌ Async calls (4)") && node.contains("┌ Async call #1 main"))
    #expect(node.contains("called    at 0.000 ms by the harness"))
  }

  /// A goroutine readied from its park and an async call resumed from its
  /// await are counted as wakes (they read 0 under go and node before).
  @Test func goAndNodeCountTheirWakeups() {
    for model in [RuntimeModel.go, .node] {
      let trace = DemoTraces.trace(named: "db-then-service", model: model)
      let state = TraceReducer.finalState(of: trace)
      // Each handler waits twice (db, then svc) and is woken after each.
      for task in state.tasks where trace.task(task.id)?.name == "handler" {
        #expect(task.wakes == 2, "\(model) #\(task.id.rawValue) wakes \(task.wakes)")
      }
    }
  }

  /// On a real threads run (`--backend epoll`) the kernel panel's memory is
  /// still the model's accounting, not a measurement: it says so.
  @Test func aRealThreadsRunsMemoryIsTheModels() {
    func wide(_ trace: Trace) -> String {
      var model = ViewerModel(feed: SavedTraceFeed(trace: trace))
      model.jump(to: 6)
      return ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions()).text
    }
    var trace = DemoTraces.threadsTrace(named: "db-then-service")
    let sim = wide(trace)
    trace.program.backend = .epoll
    let real = wide(trace)
    let memory = { (text: String) in
      text.split(separator: "\n").first { $0.contains("│ memory ") }.map(String.init) ?? ""
    }
    #expect(!memory(sim).contains("(model)"))
    #expect(memory(real).contains("virtual (model)"), "\(memory(real))")
  }
}
