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
}
