import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import Foundation
import Testing

/// One golden trace per demo, next to this file in Goldens/NAME.trace.json.
///
/// `ASYNCVIZ_RECORD=1 swift test` rewrites the files and fails on purpose, so
/// a recording run can never pass silently.
private let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Goldens")

@Test(arguments: DemoCatalog.all.map(\.name))
func demoTraceMatchesItsGolden(name: String) throws {
  let program = try demoProgram(name)
  let (_, bytes) = encodedRun(program, RuntimeOptions(), Limits())
  #expect(encodedRun(program, RuntimeOptions(), Limits()).1 == bytes, "two runs of \(name) differ")
  let url = goldenFolder.appendingPathComponent("\(name).trace.json")
  if ProcessInfo.processInfo.environment["ASYNCVIZ_RECORD"] == "1" {
    try Data(bytes).write(to: url)
    Issue.record("recorded \(url.path); unset ASYNCVIZ_RECORD and run again")
    return
  }
  guard let golden = FileManager.default.contents(atPath: url.path) else {
    Issue.record("no golden at \(url.path); run ASYNCVIZ_RECORD=1 swift test to create it")
    return
  }
  if [UInt8](golden) != bytes {
    let new = url.deletingPathExtension().appendingPathExtension("actual.json")
    try? Data(bytes).write(to: new)
    Issue.record("\(name) trace differs from its golden; compare with: diff \(url.path) \(new.path)")
  }
}
