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
