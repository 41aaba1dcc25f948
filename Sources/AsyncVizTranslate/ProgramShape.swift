import AsyncVizLang

/// A checked program read for translation: its syntax, what each name and
/// expression is (`ValueKind`), which calls recurse, and which clock it needs.
///
/// Every target's translator reads the same shape, so the analysis is done
/// once and the translations agree on what the program means.
public struct ProgramShape: Sendable {
  /// The program's name (the file name without .av).
  public let name: String
  /// The source, as written.
  public let source: SourceFile
  /// The syntax tree after every check asyncviz makes.
  public let syntax: Program
  /// The program compiled from that tree, to run the model on.
  public let program: CompiledProgram
  /// Each async fn's parameter kinds, in order, by fn name.
  public let parameterKinds: [String: [ValueKind]]
  /// The async fns' names.
  private let functions: Set<String>
  /// Pairs (caller, callee) of async fn calls that are part of a recursion
  /// (the callee can call the caller back): Rust must box these futures.
  public let recursiveCalls: Set<CallEdge>
  /// True if the program calls `block` or `work`: it needs a real clock.
  public let usesRealClock: Bool
  /// The (resource, operation) pairs the program calls, in order of first use.
  public let resourceOperations: [ResourceOperation]

  /// Checks `file` with asyncviz's compiler (its diagnostics are rethrown as
  /// they are) and reads its shape; a program that compiles but cannot be
  /// translated faithfully throws a `TranslationError`.
  /// `overrides` replace constants' values, as `--set` does.
  public static func read(_ file: SourceFile, overrides: [String: Int64] = [:]) throws -> ProgramShape {
    let (program, syntax) = try CompiledProgram.checkedSyntax(file, overrides: overrides)
    return try ProgramShape(file: file, program: program, syntax: syntax)
  }

  init(file: SourceFile, program: CompiledProgram, syntax: Program) throws(TranslationError) {
    name = file.programName
    source = file
    self.syntax = syntax
    self.program = program
    var reader = ShapeReader(syntax: syntax)
    try reader.inferParameters()
    parameterKinds = reader.parameterKinds
    functions = reader.functions
    try reader.checkValues()
    usesRealClock = reader.usesRealClock
    resourceOperations = reader.operations
    recursiveCalls = reader.recursiveCalls()
  }

  /// The kind of `e` where `scope` holds the variables.
  public func kind(of e: Expression, in scope: KindScope) -> ValueKind {
    ShapeReader.kind(of: e, in: scope, functions: functions)
  }

  /// The kind of the `index`th parameter of the async fn `fn` (data if there is none).
  public func parameterKind(of fn: String, at index: Int) -> ValueKind {
    KindScope.parameterKind(parameterKinds, fn, index)
  }

  /// A fn's parameters with their kinds, as the scope at the top of its body.
  public func scope(of fn: FunctionDecl) -> KindScope { KindScope(parametersOf: fn, kinds: parameterKinds) }

  /// The resource called `name`.
  public func resource(named name: String) -> ResourceDecl? { syntax.resources.first { $0.name == name } }

  /// The channel called `name`.
  public func channel(named name: String) -> ChannelDecl? { syntax.channels.first { $0.name == name } }

  /// True if `name` is one of the program's async fns.
  public func isFunction(_ name: String) -> Bool { functions.contains(name) }
}

extension KindScope {
  /// The scope at the top of `fn`: its parameters with their kinds in `kinds` (by fn name).
  init(parametersOf fn: FunctionDecl, kinds: [String: [ValueKind]]) {
    var top: [String: ValueKind] = [:]
    for (i, p) in fn.params.enumerated() { top[p.name] = Self.parameterKind(kinds, fn.name, i) }
    self.init(parameters: top)
  }

  /// The kind of parameter `index` of `fn` in `kinds`; data past the known ones.
  static func parameterKind(_ kinds: [String: [ValueKind]], _ fn: String, _ index: Int) -> ValueKind {
    guard let known = kinds[fn], index < known.count else { return .data }
    return known[index]
  }
}

/// An async fn calling another (by name).
public struct CallEdge: Sendable, Hashable {
  /// The fn whose body makes the call.
  public var caller: String
  /// The fn called.
  public var callee: String
}
