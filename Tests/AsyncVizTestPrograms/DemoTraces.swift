import AsyncVizExamples
import AsyncVizGoRuntime
import AsyncVizLang
import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace
import Foundation

/// The canned demos as tests and benchmarks use them: run on the sim
/// backend as `asyncviz demo` does, or read from the language module's
/// golden traces (real exports of every demo).
public enum DemoTraces {
  /// The complete trace of the demo `name`.
  public static func trace(named name: String) -> Trace {
    let runtime = self.runtime(named: name)
    runtime.run()
    return runtime.trace
  }

  /// The complete trace of the demo `name` under `model` (the go model with
  /// one P, the threads model with its default CPUs).
  public static func trace(named name: String, model: RuntimeModel) -> Trace {
    trace(of: compiled(name), model: model, options: RuntimeOptions(), limits: Limits())
  }

  /// The complete trace of the demo `name` under `model` with its constants
  /// set (`--set requests=N`): a bigger run of the same program.
  public static func trace(named name: String, model: RuntimeModel, constants: [String: Int64]) -> Trace {
    guard let demo = DemoCatalog.named(name) else { preconditionFailure("no demo named \(name)") }
    do {
      let program = try CompiledProgram.compile(demo.sourceFile, overrides: constants)
      return trace(of: program, model: model, options: RuntimeOptions(), limits: Limits())
    } catch {
      preconditionFailure("demo \(name) does not compile with \(constants): \(error)")
    }
  }

  /// The complete trace of `program` under `model` on the sim backend, with
  /// `options` and `limits` (a benchmark's big runs raise both).
  public static func trace(
    of program: CompiledProgram, model: RuntimeModel, options: RuntimeOptions, limits: Limits
  ) -> Trace {
    let run = program.makeRun(model: model, options: options, limits: limits)
    run.run()
    return run.trace
  }

  /// The demo `name` compiled, ready to step (nothing has run yet).
  public static func runtime(named name: String) -> Runtime {
    compiled(name).makeRuntime(backend: SimBackend(), options: RuntimeOptions())
  }

  /// The complete trace of the demo `name` under the go model with `procs` Ps.
  public static func goTrace(named name: String, procs: Int = 1) -> Trace {
    let sched = compiled(name).makeGoScheduler(options: RuntimeOptions(), procs: procs)
    sched.run()
    return sched.trace
  }

  /// The complete trace of the demo `name` under the node model.
  public static func nodeTrace(named name: String) -> Trace {
    let loop = compiled(name).makeNodeLoop(options: RuntimeOptions())
    loop.run()
    return loop.trace
  }

  /// The complete trace of the demo `name` under the threads model (2 CPUs).
  public static func threadsTrace(named name: String) -> Trace {
    let kernel = compiled(name).makeKernel(options: RuntimeOptions())
    kernel.run()
    return kernel.trace
  }

  /// The demo `name`, compiled: a name not in the catalog, or a demo that
  /// does not compile, is a bug in the caller or the catalog.
  private static func compiled(_ name: String) -> CompiledProgram {
    guard let demo = DemoCatalog.named(name) else { preconditionFailure("no demo named \(name)") }
    do {
      return try CompiledProgram.compile(demo.sourceFile)
    } catch {
      preconditionFailure("demo \(name) does not compile: \(error)")
    }
  }

  /// Every demo's name, in teaching order.
  public static var names: [String] { DemoCatalog.all.map(\.name) }

  /// The folder of the demos' golden traces (Tests/AsyncVizLangTests/Goldens).
  public static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("AsyncVizLangTests/Goldens")

  /// The paths of the demos' golden traces, sorted.
  public static func goldenPaths() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: goldenFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".trace.json") }.sorted().map {
      goldenFolder.appendingPathComponent($0).path
    }
  }
}
