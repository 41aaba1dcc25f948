import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace

/// Traces of the canned demos, recorded on the sim backend as `asyncviz demo` does.
enum DemoTraces {
  /// The complete trace of the demo `name`.
  static func trace(named name: String) -> Trace {
    let runtime = self.runtime(named: name)
    runtime.run()
    return runtime.trace
  }

  /// The demo `name` compiled, ready to step (nothing has run yet).
  static func runtime(named name: String) -> Runtime {
    guard let demo = DemoCatalog.named(name) else { preconditionFailure("no demo named \(name)") }
    do {
      return try CompiledProgram.compile(demo.sourceFile).makeRuntime(
        backend: SimBackend(), options: RuntimeOptions())
    } catch {
      preconditionFailure("demo \(name) does not compile: \(error)")
    }
  }
}
