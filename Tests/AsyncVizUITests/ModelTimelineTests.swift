import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// The timeline draws the other models' runs from their own events: a
/// handler runs, waits for its db query (labelled in the model's words
/// where it has one), runs again. Before, only the spawn was drawn, so every
/// lane read as queued for the whole run.
@Suite struct ModelTimelineTests {
  @Test func eachModelsLanesShowRunningAndWaiting() {
    let expected: [RuntimeModel: Awaited?] = [.go: Awaited.nothing, .threads: nil, .node: nil]
    for (model, goLabel) in expected {
      let trace = DemoTraces.trace(named: "db-then-service", model: model)
      var index = TimelineIndex()
      index.extend(with: trace)
      // Task #2 is a handler under every model.
      let (segments, _) = index.lane(1, in: trace)
      let activities = segments.map(\.activity)
      #expect(activities.contains(.polling), "\(model): \(activities)")
      let waits = activities.compactMap { a -> Awaited? in
        if case .waiting(let w) = a { return w }
        return nil
      }
      #expect(waits.count == 2, "\(model): \(activities)")
      if let goLabel {
        #expect(waits.allSatisfy { $0 == goLabel })
      } else {
        #expect(waits.first.map { $0.label(in: trace) } == "db.query", "\(model): \(waits)")
      }
      // It ends: the last segment is closed by its return.
      #expect(segments.last?.endUs != .max)
    }
  }

  /// A lane draws the reducer's statuses of its task: walking every demo
  /// under `model`, each stretch of one status the reducer gives a task
  /// (waiting: on one thing) is one segment of its lane, opened and closed
  /// by the same events, and its end closes the lane. Both read the one
  /// table of status changes, `TaskTransition`; a lane that drew an event
  /// some other way would fail here.
  @Test(arguments: RuntimeModel.allCases)
  func everyDemosLanesAreTheReducersStatuses(model: RuntimeModel) {
    for demo in DemoTraces.names {
      let trace = DemoTraces.trace(named: demo, model: model)
      var index = TimelineIndex()
      index.extend(with: trace)
      var expected: [[Stretch]] = []
      var state = TraceState()
      for i in trace.events.indices {
        TraceReducer.apply(trace.events, upTo: i + 1, to: &state)
        let event = trace.events[i]
        guard let id = event.payload.task, let task = state.task(id) else { continue }
        while expected.count <= id.index { expected.append([]) }
        let activity: TimelineIndex.Activity? =
          switch task.status {
          case .ready: .ready
          case .polling: .polling
          case .pending: .waiting(task.awaiting)
          case .done, .dropped, .stuck: nil
          }
        if let last = expected[id.index].last, last.open, last.activity == activity { continue }
        if let last = expected[id.index].indices.last, expected[id.index][last].open {
          expected[id.index][last].end = (event.tUs, event.step)
        }
        if let activity { expected[id.index].append(Stretch(activity, from: event)) }
      }
      #expect(index.taskCount == expected.count, "\(model) \(demo)")
      for k in 0..<min(index.taskCount, expected.count) {
        let drawn = index.lane(k, in: trace).segments.map(Stretch.init)
        #expect(drawn == expected[k], "\(model) \(demo) task #\(k + 1)")
      }
    }
  }
}

/// A lane's segment as the test builds it from the reducer's statuses.
private struct Stretch: Equatable {
  var activity: TimelineIndex.Activity?
  var start: (tUs: Int64, step: UInt32)
  var end: (tUs: Int64, step: UInt32) = (.max, .max)
  var open: Bool { end.tUs == .max }

  init(_ activity: TimelineIndex.Activity, from event: TraceEvent) {
    self.activity = activity
    start = (event.tUs, event.step)
  }

  init(_ segment: TimelineIndex.Segment) {
    activity = segment.activity
    start = (segment.startUs, segment.startStep)
    end = (segment.endUs, segment.endStep)
  }

  static func == (a: Stretch, b: Stretch) -> Bool {
    a.activity == b.activity && a.start == b.start && a.end == b.end
  }
}
