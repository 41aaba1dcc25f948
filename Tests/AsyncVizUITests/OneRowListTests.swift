import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// A list cut to one row shows its first entry beside the count: go's
/// timers under many-requests read "+21 more" with no timer before it.
@Suite struct OneRowListTests {
  @Test func aListCutToOneRowNamesItsFirstEntry() {
    let trace = DemoTraces.goTrace(named: "many-requests")
    let history = TraceHistory(trace: trace)
    var checked = 0
    for step in stride(from: UInt32(0), through: history.lastStep, by: 40) where checked == 0 {
      let state = history.state(atStep: step)
      guard state.goTimers.count > 1 else { continue }
      let text = screen(trace, atStep: step)
      guard let line = text.split(separator: "\n").first(where: { $0.contains("│ timers ") }) else {
        continue
      }
      let cell = line.split(separator: "│", omittingEmptySubsequences: false).dropLast().last ?? ""
      #expect(cell.contains(" ms "), "step \(step): \(cell)")
      if cell.contains("\(state.goTimers.count) in all: ") { checked += 1 }
    }
    #expect(checked > 0)
  }
}
