/// Rust spellings of .av names: a name that Rust reserves, or that the
/// translation itself uses, gets a trailing `_` (`type` becomes `type_`), so
/// the output compiles and `{name}` still works inside `format!`, which takes
/// no raw identifiers.
struct RustNames: TargetNames {
  /// The .av `main` (a name starting with `av_` is the translation's own).
  let main = "av_main"

  /// Rust's keywords (strict and reserved, 2021 edition) and the names the
  /// translation's own code uses in the program's scope.
  static let taken: Set<String> = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async",
    "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try", "union",
    // The translation's helpers and the std/tokio names it brings into scope.
    "Value", "Channel", "Duration", "Instant", "Future", "JoinHandle", "sleep", "timeout", "yield_now",
    "unit", "or_none", "joined", "work", "lost_waker", "self_wake", "av_main", "std",
    "tokio", "vec", "println", "format", "main", "LazyLock", "mpsc", "Mutex", "Box", "Pin", "String",
    "Option", "Some", "None", "Ok", "Err", "Result",
  ]

  /// The Rust name of a variable, parameter or fn.
  func local(_ name: String) -> String {
    Self.taken.contains(name) || name.hasPrefix("av_") ? name + "_" : name
  }

  /// The Rust name of the async fn standing for `resource.operation`.
  func resourceFunction(_ op: ResourceOperation, functions: Set<String>) -> String {
    var name = "\(op.resource)_\(op.operation)"
    while functions.contains(name) || Self.taken.contains(name) { name += "_op" }
    return name
  }

  /// The Rust name of a channel's static.
  func channel(_ name: String) -> String { name.uppercased() }

  /// The Rust name of a constant (`requests` as `REQUESTS`; the parser
  /// keeps constants' names apart from channels').
  func constant(_ name: String) -> String { name.uppercased() }
}
