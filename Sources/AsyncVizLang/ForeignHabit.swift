/// Something a Rust, JavaScript or Go programmer types out of habit, found
/// where a program was rejected, and the asyncviz spelling that replaces it.
///
/// The parser's own message ("expected the end of the line, found `.`") is
/// true but does not help someone who wrote `x.await`; this names what they
/// meant. It reads only the rejected line's text at the error's column, so
/// it applies alike to errors from the lexer, the parser and the resolver,
/// and a habit is only named where the program already failed.
enum ForeignHabit: Equatable {
  /// `x.await` (Rust).
  case postfixAwait
  /// `;` at the end of a statement (Rust, JS).
  case semicolon
  /// `tokio::spawn`, `tokio::time::sleep` ... (Rust paths); the path as written.
  case path(String)
  /// `join!`, `println!` ... (Rust macros); the macro's name.
  case macro(String)
  /// `go f()` (Go).
  case goStatement
  /// `x := 5` (Go).
  case shortDeclaration
  /// `const x = ...`, `var x = ...` (JS, Go).
  case constOrVar
  /// `let mut x` (Rust).
  case mutableLet
  /// `async move { ... }` or `async { ... }` (Rust).
  case asyncBlock
  /// `Promise.all`, `Promise.race` ... (JS); the method.
  case promise(String)
  /// `f.then(...)` (JS).
  case then
  /// `f()?` (Rust).
  case questionMark
  /// `ch <- v`, `<-ch` (Go).
  case channelArrow
  /// `setTimeout`, `setImmediate`, `time.Sleep` (JS, Node, Go); the name as written.
  case timerFunction(String)
  /// `console.log`, `fmt.Println` (JS, Go); the name as written.
  case printFunction(String)
  /// `function`, `async function`, `func`, `def` at the top level.
  case functionKeyword

  /// The habit at `column` (1-based, in Unicode scalars) of `line`, if any.
  static func find(in line: String, at column: Int) -> ForeignHabit? {
    let scalars = Array(line.unicodeScalars)
    let at = max(0, min(column - 1, scalars.count))
    let rest = String(String.UnicodeScalarView(scalars[at...]))
    let before = String(String.UnicodeScalarView(scalars[..<at]))
    let wordBefore = trailingWord(before)
    let wordHere = leadingWord(rest)
    let lead = before.drop { $0 == " " || $0 == "\t" }

    if rest.hasPrefix(".await") { return .postfixAwait }
    if rest.hasPrefix(".then(") { return .then }
    if rest.hasPrefix(":=") { return .shortDeclaration }
    if rest.hasPrefix("::") { return .path(pathText(wordBefore + rest)) }
    if rest.hasPrefix("<-") { return .channelArrow }
    if rest.hasPrefix("!"), !wordBefore.isEmpty { return .macro(wordBefore) }
    if rest.hasPrefix("?") { return .questionMark }
    if rest.hasPrefix(";") { return .semicolon }
    // `Promise.all(a, b)` fails at `Promise` (no such resource), `Promise.all([a, b])` at `[`.
    if wordHere == "Promise" || (rest.hasPrefix("[") && before.contains("Promise.")),
      let method = promiseMethod(in: before + rest)
    {
      return .promise(method)
    }
    if wordHere == "async", ["move", "{"].contains(where: { rest.dropFirst(5).trimmed.hasPrefix($0) }) {
      return .asyncBlock
    }
    if ["function", "func", "def"].contains(wordHere) { return .functionKeyword }
    if ["setTimeout", "setInterval", "setImmediate"].contains(wordHere) { return .timerFunction(wordHere) }
    if wordHere == "time", rest.hasPrefix("time.Sleep") { return .timerFunction("time.Sleep") }
    if wordHere == "console", rest.hasPrefix("console.log") { return .printFunction("console.log") }
    if wordHere == "fmt", rest.hasPrefix("fmt.Print") { return .printFunction("fmt.Println") }
    if !wordHere.isEmpty {
      if lead.trimmed == "go" { return .goStatement }
      if ["const", "var"].contains(lead.trimmed) { return .constOrVar }
      if lead.trimmed == "let mut" || (wordBefore == "let" && wordHere == "mut") { return .mutableLet }
    }
    return nil
  }

  /// What to write instead, in one sentence.
  var advice: String {
    switch self {
    case .postfixAwait: "asyncviz writes `await x` (Rust writes `x.await`)"
    case .then: "asyncviz has no `.then`: write `let v = await f` and go on on the next line"
    case .shortDeclaration: "asyncviz writes `let x = ...` (Go writes `x := ...`)"
    case .path(let path): Self.builtinAdvice(Self.lastName(path), foreign: path)
    case .macro(let name): Self.builtinAdvice(name, foreign: "\(name)!")
    case .channelArrow:
      "asyncviz writes `await jobs.send(v)` and `await jobs.recv()` (Go writes `jobs <- v` and `<-jobs`)"
    case .questionMark:
      "asyncviz has no `?`: a failed request gives a value (\"error: ...\"), not an error to pass up"
    case .semicolon: "asyncviz ends a statement at the line break: drop the `;`"
    case .promise("all"): "asyncviz writes `join(a, b)` (JS writes `Promise.all([a, b])`)"
    case .promise("race"): "asyncviz writes `select(a, b)` (JS writes `Promise.race([a, b])`)"
    case .promise(let method):
      "asyncviz has `join(a, b)` and `select(a, b)`, not `Promise.\(method)`"
    case .asyncBlock:
      "asyncviz has no async blocks (Rust's `async move { ... }`): put the code in an `async fn` and call it"
    case .functionKeyword:
      "asyncviz writes `async fn name() { ... }` (JS writes `async function`, Go `func`)"
    case .timerFunction("setImmediate"): "asyncviz writes `await yield_now()` (Node writes `setImmediate`)"
    case .timerFunction(let name): "asyncviz writes `await sleep(10ms)` (not `\(name)`)"
    case .printFunction(let name): "asyncviz writes `print(\"...\")` (not `\(name)`)"
    case .goStatement: "asyncviz writes `spawn f()` (Go writes `go f()`)"
    case .constOrVar:
      "asyncviz writes `let x = ...` (not `const` or `var`; `const NAME = 10` is for the top level)"
    case .mutableLet: "asyncviz has no `mut`: a `let` binds its name once (write `let x = ...`)"
    }
  }

  /// The advice for a Rust path or macro whose last name is `name`.
  private static func builtinAdvice(_ name: String, foreign: String) -> String {
    switch name {
    case "spawn": "asyncviz writes `spawn f()` (tokio writes `tokio::spawn(f())`)"
    case "join", "select", "sleep", "timeout", "yield_now":
      "asyncviz's `\(name)` is a built-in called by its plain name, as in `\(name)(...)` (not `\(foreign)`)"
    case "println", "print", "eprintln": "asyncviz writes `print(\"...\")` (not `\(foreign)`)"
    default:
      "asyncviz has no paths or macros (`\(foreign)`): its built-ins are plain names: spawn, sleep, join, select, timeout, yield_now, print"
    }
  }

  /// The method of a `Promise.x` written on the line, if any.
  private static func promiseMethod(in line: String) -> String? {
    guard let range = line.firstRange(of: "Promise.") else { return nil }
    let method = leadingWord(String(line[range.upperBound...]))
    return method.isEmpty ? nil : method
  }

  /// The path at the start of `text`, such as `tokio::time::sleep` of `tokio::time::sleep(5)`.
  private static func pathText(_ text: String) -> String {
    var names: [String] = []
    for part in text.split(separator: "::", omittingEmptySubsequences: false) {
      let word = leadingWord(String(part))
      if word.isEmpty { break }
      names.append(word)
      if word.count != part.count { break }
    }
    return names.joined(separator: "::")
  }

  /// The last name of a path: `sleep` of `tokio::time::sleep`.
  private static func lastName(_ path: String) -> String {
    path.split(separator: "::").last.map(String.init) ?? path
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s == "_" || (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)))
  }

  private static func leadingWord(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.prefix(while: isWordScalar)))
  }

  private static func trailingWord(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    let start = scalars.lastIndex { !isWordScalar($0) }.map { $0 + 1 } ?? 0
    return String(String.UnicodeScalarView(scalars[start...]))
  }
}

extension StringProtocol {
  /// Without spaces and tabs at either end.
  fileprivate var trimmed: String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(drop(while: blank).reversed().drop(while: blank).reversed())
  }
}

extension Diagnostic {
  /// This error reworded with the foreign habit found at its position, or
  /// unchanged when there is none (warnings are never reworded).
  func namingForeignHabit() -> Diagnostic {
    guard severity == .error, let habit = ForeignHabit.find(in: sourceLine, at: column) else { return self }
    // `const NAME = 10` is asyncviz at the top level: the parser's own
    // message about a bad constant stands; only a `const` inside a function
    // (read as a name, then "expected the end of the line") is a habit.
    if case .constOrVar = habit, !message.hasPrefix("expected the end of the line") { return self }
    return reworded(habit.advice)
  }
}
