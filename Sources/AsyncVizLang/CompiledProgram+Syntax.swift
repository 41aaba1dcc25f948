extension CompiledProgram {
  /// The syntax tree of `file` after every check `compile` makes, for tools
  /// that read a program rather than run it (the translators to tokio, Node
  /// and Go). Throws the same first error as `compile`; a program that
  /// `compile` accepts gives its tree here.
  public static func checkedSyntax(_ file: SourceFile) throws(Diagnostic) -> (
    program: CompiledProgram, syntax: Program
  ) {
    let program = try compile(file)
    return (program, try Parser.parse(file))
  }
}

extension CompiledProgram {
  /// "40ms", "1s", "250us": a duration as programs write it, the same text a
  /// duration value prints (the translators quote the source in comments).
  public static func durationSource(_ us: Int64) -> String { Value.durationText(us) }
}
