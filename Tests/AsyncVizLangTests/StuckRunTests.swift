import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// A task that nothing will ever wake ends the run as stuck under every model,
// and the end names that task: the verdict the transcript and the view show.

@Test(arguments: RuntimeModel.allCases)
func aTaskNothingWakesLeavesTheRunStuck(model: RuntimeModel) throws {
  let (trace, end) = try runText(
    """
    async fn main() {
        await lost_waker()
    }
    """, model: model)
  #expect(end.reason == .stuck)
  #expect(end.stuckTasks == [TaskID(1)])
  if model == .go {
    // The goroutine is parked as in `select {}`: no case can ever wake it.
    #expect(TraceReducer.finalState(of: trace).go.status(TaskID(1)) == .waiting(.selectNoCases))
  }
}
