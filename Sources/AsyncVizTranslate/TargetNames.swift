/// A target language's spellings of the names a translation declares: the
/// program's variables, async fns, resource operations' fns, channels and
/// constants. Each language keeps its own reserved words and style; the
/// rules that are the same in all three (which name `main` gets, an
/// operation's fn never taking an async fn's name) are in `SourceEmitter`.
protocol TargetNames {
  /// The name the program's `main` gets, so that the target's own entry
  /// point (a `main` of its own, or a runner) can start it.
  var main: String { get }
  /// The target name of a variable or parameter.
  func local(_ name: String) -> String
  /// The target name of an async fn other than `main`.
  func function(_ name: String) -> String
  /// The target name of the fn standing for `op`, none of `functions`.
  func resourceFunction(_ op: ResourceOperation, functions: Set<String>) -> String
  /// The target name of a channel.
  func channel(_ name: String) -> String
  /// The target name of a constant.
  func constant(_ name: String) -> String
}

extension TargetNames {
  /// An async fn is named as a variable is, where the language has no reason to differ.
  func function(_ name: String) -> String { local(name) }
}
