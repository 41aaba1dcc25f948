import AsyncVizLang

/// Writes one program's declarations and statements as JavaScript for Node.
/// Every .av future is a promise: an async fn call or a resource request
/// starts at once (Node's async functions are eager), so the translation
/// needs no kinds except to name things. Expressions are in
/// NodeEmitter+Expressions.swift.
struct NodeEmitter: SourceEmitter {
  static let indentUnit = "  "
  let shape: ProgramShape
  let names = NodeNames()
  var lines: [String] = []
  var depth = 0
  /// The variables in scope, innermost block last: .av name to JavaScript name.
  var scopes: [[String: String]] = []
  /// JavaScript names taken in the fn being written (a `let` that shadows gets a fresh one,
  /// since JavaScript refuses a second `let` of a name in one block and reads an inner
  /// `let x = f(x)`'s own, not yet initialised, x).
  var taken: Set<String> = []

  /// A comment of several lines continues each with ` *  `, as the preludes' comments do.
  static func docComment(_ text: String) -> String { "/** " + text.replacing("\n", with: "\n *  ") + " */" }

  static let channelNote = "shared by every async fn, never closed."

  static func channelDeclaration(_ name: String, capacity: String) -> String {
    "const \(name) = new Channel(\(capacity));"
  }

  static func constantDeclaration(_ name: String, _ value: Int64) -> String { "const \(name) = \(value);" }

  static func resourceNote(_ quote: String, answering latency: String) -> String {
    """
    \(quote) the request
    leaves when called; the answer, echoing it, comes \(latency) later.
    A timer stands in for the socket.
    """
  }

  static func resourceHead(_ name: String) -> String { "async function \(name)(text) {" }

  func resourceBody(latencyUs: Int64, resource: String, operation: String) -> [String] {
    ["await sleep(\(latencyUs));", "return reply(\(resource), \(operation), text);"]
  }

  mutating func function(_ fn: FunctionDecl) throws(TranslationError) {
    taken = NodeNames.reserved
    scopes = [[:]]
    var params: [String] = []
    for p in fn.params { params.append(bind(p.name)) }
    if fn.name == "main" { line(Self.mainDoc) }
    line("async function \(functionName(fn.name))(\(params.joined(separator: ", "))) {")
    depth += 1
    try block(fn.body)
    closeFunction(fn.body, unitReturn: "return UNIT;")
  }

  /// A fresh JavaScript name for the .av variable `name` in the innermost block.
  mutating func bind(_ name: String) -> String {
    let base = names.local(name)
    var js = base
    var n = 2
    while taken.contains(js) {
      js = "\(base)_\(n)"
      n += 1
    }
    taken.insert(js)
    scopes[scopes.count - 1][name] = js
    return js
  }

  /// The JavaScript name of a visible .av variable.
  func variable(_ name: String) -> String? {
    for scope in scopes.reversed() { if let js = scope[name] { return js } }
    return nil
  }

  /// A loop counter's name, never one a .av name can have (those get `_` after `av_`).
  mutating func counter() -> String {
    var n = 1
    while taken.contains("av_i\(n)") { n += 1 }
    taken.insert("av_i\(n)")
    return "av_i\(n)"
  }

  mutating func block(_ body: [Statement]) throws(TranslationError) {
    for s in body { try statement(s) }
  }

  private mutating func statement(_ s: Statement) throws(TranslationError) {
    switch s.kind {
    case .let(let name, _, let value):
      var js = try expression(value)
      if case .await = value.kind { js = String(js.dropFirst().dropLast()) }
      line("let \(bind(name)) = \(js);")
    case .expression(let e):
      line(try expressionStatement(e))
    case .return(let e):
      var js = try e.map { v throws(TranslationError) in try expression(v) } ?? "UNIT"
      if case .await = e?.kind { js = String(js.dropFirst().dropLast()) }
      line("return \(js);")
    case .repeat(let count, let body):
      let i = counter()
      line("for (let \(i) = 0; \(i) < \(try integer(count)); \(i)++) {")
      try nested(body)
      line("}")
    case .for(let name, _, let from, let to, let body):
      let low = try integer(from)
      let high = try integer(to)
      scopes.append([:])
      let js = bind(name)
      line("for (let \(js) = \(low); \(js) < \(high); \(js)++) {")
      try nested(body, entered: true)
      line("}")
    case .if:
      try ifStatement(s, prefix: "")
    }
  }

  private mutating func ifStatement(_ s: Statement, prefix: String) throws(TranslationError) {
    guard case .if(let lhs, let op, let rhs, let then, let otherwise) = s.kind else { return }
    let test = "eq(\(try expression(lhs)), \(try expression(rhs)))"
    line("\(prefix)if (\(op == .equal ? test : "!" + test)) {")
    try nested(then)
    if let otherwise {
      if otherwise.count == 1, case .if = otherwise[0].kind {
        try ifStatement(otherwise[0], prefix: "} else ")
        return
      }
      line("} else {")
      try nested(otherwise)
    }
    line("}")
  }

  private mutating func nested(_ body: [Statement], entered: Bool = false) throws(TranslationError) {
    if !entered { scopes.append([:]) }
    depth += 1
    try block(body)
    depth -= 1
    scopes.removeLast()
  }
}
