import AsyncVizExamples
import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizUI
import Testing

/// Every demo's screen at every 10th step and at its last step, replayed
/// from its trace: one golden per demo, so that a change in the reducer, the
/// narration or a panel shows up as a diff of what a learner sees.
@Test(arguments: DemoCatalog.all.map(\.name))
func everyDemoScreenAtEveryTenthStep(demo: String) {
  let trace = DemoTraces.trace(named: demo)
  let feed = SavedTraceFeed(trace: trace)
  var model = ViewerModel(feed: feed)
  var text = ""
  for step in Array(stride(from: 0, to: trace.stepCount, by: 10)) + [trace.stepCount] {
    model.jump(to: step)
    text += "=== \(demo) step \(step)\n"
    text += ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions()).text
    text += "\n"
  }
  Golden.check(text, named: "every-demo/\(demo).txt")
}
