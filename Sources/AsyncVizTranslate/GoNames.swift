/// Go spellings of .av names: a name that Go reserves or predeclares, or that
/// the translation's helpers use, gets a trailing `_` (`type` becomes
/// `type_`), so the output compiles.
struct GoNames {
  /// Go's keywords, the predeclared identifiers a program could shadow by
  /// accident, the imported packages and the helpers of `GoPrelude`.
  static let taken: Set<String> = [
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
    "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
    "switch", "type", "var",
    "any", "append", "bool", "byte", "cap", "close", "complex", "copy", "delete", "error", "false", "float64",
    "imag", "int", "int64", "iota", "len", "make", "new", "nil", "panic", "print", "println", "real",
    "recover", "rune", "string", "true", "uint",
    "fmt", "os", "reflect", "runtime", "strings", "syscall", "time", "main",
    "Value", "Unit", "None", "Handle", "unit", "none", "show", "eq", "item", "count", "dur", "spawn",
    "start", "join", "timeout", "sleep", "yieldNow", "send", "block", "work", "reply", "lostWaker",
    "selfWake", "avMain", "list",
  ]

  /// The Go name of a variable or parameter.
  static func local(_ name: String) -> String {
    taken.contains(name) || name.hasPrefix("av") ? name + "_" : name
  }

  /// The Go name of an async fn of the program (`main` is `avMain`).
  static func function(_ name: String, prefix: String) -> String {
    name == "main" ? prefix + "avMain" : prefix + local(name)
  }

  /// `db.query` as `dbQuery`.
  static func resourceFunction(_ op: ResourceOperation, prefix: String, functions: Set<String>) -> String {
    var name = prefix + op.resource + op.operation.prefix(1).uppercased() + op.operation.dropFirst()
    while functions.contains(name) || taken.contains(name) { name += "Op" }
    return name
  }

  /// The Go name of a channel's package-level variable (`jobs` as `jobsCh`).
  static func channel(_ name: String, prefix: String) -> String { prefix + name + "Ch" }

  /// The Go name of a constant (`requests` as `requestsConst`).
  static func constant(_ name: String, prefix: String) -> String { prefix + name + "Const" }
}
