import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestSupport
import Testing

/// One golden trace per demo, next to this file in Goldens/NAME.trace.json
/// (`ASYNCVIZ_RECORD=1` rewrites them and fails on purpose, see `Golden`).
@Test(arguments: DemoCatalog.all.map(\.name))
func demoTraceMatchesItsGolden(name: String) throws {
  let program = try demoProgram(name)
  let (_, bytes) = encodedRun(program, RuntimeOptions(), Limits())
  #expect(encodedRun(program, RuntimeOptions(), Limits()).1 == bytes, "two runs of \(name) differ")
  Golden.check(bytes, named: "\(name).trace.json")
}
