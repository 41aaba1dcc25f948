/// JavaScript spellings of .av names: a name JavaScript reserves, or one the
/// translation's helpers use, gets a trailing `_` (`new` becomes `new_`), as
/// does any name starting with `av_` (kept for the translation's own names).
struct NodeNames: TargetNames {
  /// The .av `main` (a name starting with `av_` is the translation's own).
  let main = "av_main"

  /// JavaScript's reserved words, the globals the translation reads and its helpers' names.
  static let reserved: Set<String> = [
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
    "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
    "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
    "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package",
    "private", "protected", "public", "await", "async", "arguments", "eval", "undefined", "NaN",
    "Infinity", "of",
    // Globals the program and its helpers use.
    "Promise", "setTimeout", "setImmediate", "console", "performance", "process", "Atomics", "Math",
    "String", "Array", "Object", "Symbol", "Error", "SharedArrayBuffer", "Int32Array", "require",
    "module", "globalThis",
    // The helpers.
    "UNIT", "NONE", "Dur", "dur", "show", "eq", "item", "int", "micros", "alive", "armed", "fired",
    "checkIdle", "printLine", "print", "sleep", "yieldNow", "join", "select", "timeout", "lostWaker",
    "selfWake", "blocker", "block", "work", "request", "reply", "Channel", "run", "printNow",
    "markerEnd", "programs", "main", "text",
  ]

  /// The JavaScript name of a variable, parameter or fn.
  func local(_ name: String) -> String {
    Self.reserved.contains(name) || name.hasPrefix("av_") ? name + "_" : name
  }

  /// The JavaScript name of the async function standing for `resource.operation`.
  func resourceFunction(_ op: ResourceOperation, functions: Set<String>) -> String {
    var name = "\(op.resource)_\(op.operation)"
    while functions.contains(name) || Self.reserved.contains(name) || name.hasPrefix("av_") { name += "_op" }
    return name
  }

  /// The JavaScript name of a channel's constant.
  func channel(_ name: String) -> String { "CHANNEL_" + name.uppercased() }

  /// The JavaScript name of a constant (`requests` as `REQUESTS`).
  func constant(_ name: String) -> String { name.uppercased() }
}
