import AsyncVizRuntime

extension CompiledProgram {
  /// `compile`'s program and the syntax tree it was compiled from, for tools
  /// that read a program as well as run it (the translators to tokio, Node
  /// and Go, whose differential tests run the same program): one parse for
  /// both. Throws the same first error as `compile`.
  public static func checkedSyntax(_ file: SourceFile) throws(Diagnostic) -> (
    program: CompiledProgram, syntax: Program
  ) {
    if let tooLong = file.sizeDiagnostic() { throw tooLong }
    let syntax = try Parser.parse(file)
    let bound = try Resolver.resolve(file, syntax)
    let warnings = try TypeChecker.check(file, bound)
    let program = CompiledProgram(
      source: file,
      warnings: warnings.sorted { $0.location < $1.location },
      resources: bound.resources.map { ResourceSpec(name: $0.name, latencyUs: $0.latencyUs) },
      channels: bound.channels,
      functions: Compiler.compile(bound),
      main: bound.main)
    return (program, syntax)
  }
}

extension CompiledProgram {
  /// "40ms", "1s", "250us": a duration as programs write it, the same text a
  /// duration value prints (the translators quote the source in comments).
  public static func durationSource(_ us: Int64) -> String { Value.durationText(us) }
}
