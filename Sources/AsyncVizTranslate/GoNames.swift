/// Go spellings of .av names: a name that Go reserves or predeclares, or that
/// the translation's helpers use, gets a trailing `_` (`type` becomes
/// `type_`), so the output compiles. Every package-level name starts with
/// `prefix`, so that many programs can share one file.
struct GoNames: TargetNames {
  /// Put before every package-level name (empty for a program alone in its file).
  let prefix: String
  /// The .av `main` (a name starting with `av` is the translation's own).
  var main: String { prefix + "avMain" }

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
  func local(_ name: String) -> String {
    Self.taken.contains(name) || name.hasPrefix("av") ? name + "_" : name
  }

  /// The Go name of an async fn of the program.
  func function(_ name: String) -> String { prefix + local(name) }

  /// `db.query` as `dbQuery`.
  func resourceFunction(_ op: ResourceOperation, functions: Set<String>) -> String {
    var name = prefix + op.resource + op.operation.prefix(1).uppercased() + op.operation.dropFirst()
    while functions.contains(name) || Self.taken.contains(name) { name += "Op" }
    return name
  }

  /// The Go name of a channel's package-level variable (`jobs` as `jobsCh`).
  func channel(_ name: String) -> String { prefix + name + "Ch" }

  /// The Go name of a constant (`requests` as `requestsConst`).
  func constant(_ name: String) -> String { prefix + name + "Const" }
}
