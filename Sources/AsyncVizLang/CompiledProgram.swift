import AsyncVizRuntime
import AsyncVizTrace

/// A checked and compiled .av program, ready to run any number of times.
///
///     let program = try CompiledProgram.compile(SourceFile(name: "demo.av", text: text))
///     let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
///     runtime.run()
public struct CompiledProgram: Sendable {
  /// The program's source.
  public let source: SourceFile
  /// Problems that do not stop the program (futures never awaited), in source order.
  public let warnings: [Diagnostic]
  /// The program's resources (names and latencies), by index, in source order.
  public let resources: [ResourceSpec]
  /// The program's channels, by index; each run makes fresh ones.
  let channels: [ChannelDecl]
  /// Every async fn's code, by index.
  let functions: [FunctionCode]
  /// Index of `main` in `functions`.
  let main: Int
  /// The program's constants (`const NAME = 1000`) with the values it ran
  /// with, in source order.
  public let constants: [ConstantDecl]

  /// Parses, checks and compiles `file`. Throws the first error found;
  /// nothing about the program has run.
  /// `overrides` replace constants' written values (`--set NAME=VALUE`);
  /// a name that is not a constant of the program changes nothing (the
  /// caller checks names against `constants`).
  public static func compile(_ file: SourceFile, overrides: [String: Int64] = [:]) throws(Diagnostic)
    -> CompiledProgram
  {
    try checkedSyntax(file, overrides: overrides).program
  }

  /// `compile`, also giving the syntax tree it checked, for tools that read
  /// a program rather than run it (the translators to tokio, Node and Go).
  /// Throws the same first error as `compile`.
  public static func checkedSyntax(_ file: SourceFile, overrides: [String: Int64] = [:]) throws(Diagnostic)
    -> (
      program: CompiledProgram, syntax: Program
    )
  {
    if let tooLong = file.sizeDiagnostic() { throw tooLong }
    let syntax: Program
    let bound: BoundProgram
    let warnings: [Diagnostic]
    do {
      syntax = try Parser.parse(file, overrides: overrides)
      bound = try Resolver.resolve(file, syntax)
      warnings = try TypeChecker.check(file, bound)
    } catch {
      // `x.await` or `go f()` gets the asyncviz spelling, not just "found `.`".
      throw error.namingForeignHabit()
    }
    let program = CompiledProgram(
      source: file,
      warnings: warnings.sorted { $0.location < $1.location },
      resources: bound.resources.map { ResourceSpec(name: $0.name, latencyUs: $0.latencyUs) },
      channels: bound.channels,
      functions: Compiler.compile(bound),
      main: bound.main, constants: syntax.constants)
    return (program, syntax)
  }

  /// A runtime over `backend` with `main` as block_on's future, task 1 (nothing has run yet).
  public func makeRuntime(
    backend: any ReactorBackend, options: RuntimeOptions, limits: Limits = Limits()
  ) -> Runtime {
    let info = ProgramInfo(name: source.programName, source: source.text, backend: backend.kind)
    let runtime = Runtime(program: info, backend: backend, options: options)
    let run = ProgramRun(
      functions: functions, resources: resources,
      channels: channels.map { Channel<Value>(name: $0.name, capacity: $0.capacity) }, limits: limits)
    runtime.blockOn("main", TaskRootFuture(inner: LangFuture(.asyncFn(run.call(main, []))), run: run))
    return runtime
  }
}

extension CompiledProgram {
  /// "40ms", "1s", "250us": a duration as programs write it, the same text a
  /// duration value prints (the translators quote the source in comments).
  public static func durationSource(_ us: Int64) -> String { Value.durationText(us) }
}
