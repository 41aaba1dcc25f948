import AsyncVizLang
import Testing

/// A program that must be rejected, and exactly where and why.
struct BadProgram: Sendable, CustomTestStringConvertible {
  var label: String
  var source: String
  var line: Int
  var column: Int
  /// A fragment the message must contain.
  var message: String

  var testDescription: String { label }
}

private let header = "resource db latency 40ms\nchannel jobs capacity 2\n"

/// One program per class of error (the classes docs/language.md lists), lexical and syntactic ones first.
let syntaxErrors: [BadProgram] = [
  BadProgram(
    label: "missing expression", source: "async fn main() {\n    let x =\n}\n",
    line: 2, column: 12, message: "expected an expression, found the end of the line"),
  BadProgram(
    label: "unterminated string", source: "async fn main() {\n    print(\"hello)\n}\n",
    line: 2, column: 11, message: "unterminated string"),
  BadProgram(
    label: "backslash at the end of the line", source: "async fn main() {\n    print(\"a\\\n}\n",
    line: 2, column: 11, message: "unterminated string"),
  BadProgram(
    label: "unknown escape", source: "async fn main() {\n    print(\"a\\q\")\n}\n",
    line: 2, column: 13, message: "unknown escape `\\q`"),
  BadProgram(
    label: "unterminated interpolation", source: "async fn main() {\n    print(\"a {b\")\n}\n",
    line: 2, column: 14, message: "unterminated `{` in a string"),
  BadProgram(
    label: "unterminated block at end of file", source: "async fn main() {\n    print(\"x\")\n",
    line: 1, column: 17, message: "unterminated block: this `{` is never closed"),
  BadProgram(
    label: "unterminated block before the next fn",
    source: "async fn a() {\n    repeat 2 {\n        print(\"x\")\n}\nasync fn main() {\n}\n",
    line: 1, column: 14, message: "unterminated block"),
  BadProgram(
    label: "unclosed call", source: "async fn main() {\n    print(\"x\"\n",
    line: 2, column: 10, message: "this `(` is never closed"),
  BadProgram(
    label: "two statements on a line", source: "async fn main() {\n    let x = 1 2\n}\n",
    line: 2, column: 15, message: "expected the end of the line, found `2`"),
  BadProgram(
    label: "unexpected character", source: "async fn main() {\n    let x = 1 + 2\n}\n",
    line: 2, column: 15, message: "unexpected character `+`"),
  BadProgram(
    label: "unknown duration unit", source: "async fn main() {\n    await sleep(5min)\n}\n",
    line: 2, column: 17, message: "unknown duration unit `min`"),
  BadProgram(
    label: "integer too large", source: "async fn main() {\n    repeat 99999999999999999999 {\n    }\n}\n",
    line: 2, column: 12, message: "number is too large"),
  BadProgram(
    label: "negative duration", source: "async fn main() {\n    await sleep(-5ms)\n}\n",
    line: 2, column: 17, message: "a duration cannot be negative (-5ms)"),
  BadProgram(
    label: "absurd duration", source: "async fn main() {\n    await sleep(7200s)\n}\n",
    line: 2, column: 17, message: "7200s is too long for a duration: at most 1 hour"),
  BadProgram(
    label: "resource without latency", source: "resource db\nasync fn main() {\n}\n",
    line: 1, column: 10, message: "resource `db` has no latency: write `resource db latency 40ms`"),
  BadProgram(
    label: "latency without unit", source: "resource db latency 40\nasync fn main() {\n}\n",
    line: 1, column: 21, message: "a latency needs a unit"),
  BadProgram(
    label: "negative latency", source: "resource db latency -1ms\nasync fn main() {\n}\n",
    line: 1, column: 21, message: "a latency cannot be negative"),
  BadProgram(
    label: "absurd latency", source: "resource db latency 5000s\nasync fn main() {\n}\n",
    line: 1, column: 21, message: "too long for a latency"),
  BadProgram(
    label: "channel without capacity", source: "channel jobs\nasync fn main() {\n}\n",
    line: 1, column: 9, message: "channel `jobs` has no capacity"),
  BadProgram(
    label: "channel of capacity 0", source: "channel jobs capacity 0\nasync fn main() {\n}\n",
    line: 1, column: 23, message: "capacity must be at least 1"),
  BadProgram(
    label: "fn without async", source: "fn main() {\n}\n",
    line: 1, column: 1, message: "every function is async here: write `async fn main(...)`"),
  BadProgram(
    label: "statement at top level", source: "print(\"x\")\nasync fn main() {\n}\n",
    line: 1, column: 1, message: "expected `async fn`, `resource`, `channel` or `const` at the top level"),
  BadProgram(
    label: "assignment in a condition", source: "async fn main() {\n    if 1 = 1 {\n    }\n}\n",
    line: 2, column: 10, message: "use `==` to compare"),
  BadProgram(
    label: "reserved word as a name", source: "async fn main() {\n    let await = 1\n}\n",
    line: 2, column: 9, message: "`await` is a reserved word"),
]

/// Errors found after parsing: names, arity, await/spawn misuse, duplicates, types.
let semanticErrors: [BadProgram] = [
  BadProgram(
    label: "unknown name with suggestion",
    source: "async fn main() {\n    let rows = 1\n    print(rowz)\n}\n",
    line: 3, column: 11, message: "unknown name `rowz`; did you mean `rows`?"),
  BadProgram(
    label: "unknown name in a string",
    source: "async fn main(){\n    let id = 1\n    print(\"id {idd}\")\n}\n",
    line: 3, column: 16, message: "unknown name `idd`; did you mean `id`?"),
  BadProgram(
    label: "unknown function with suggestion",
    source: "async fn handler(id) {\n}\nasync fn main() {\n    await handlr(1)\n}\n",
    line: 4, column: 11, message: "unknown function `handlr`; did you mean `handler`?"),
  BadProgram(
    label: "unknown resource with suggestion",
    source: header + "async fn main() {\n    await dv.query(1)\n}\n",
    line: 4, column: 11, message: "unknown name `dv`; did you mean `db`?"),
  BadProgram(
    label: "wrong number of arguments to a built-in",
    source: "async fn main() {\n    await sleep(5ms, 6ms)\n}\n",
    line: 2, column: 11, message: "`sleep` takes 1 argument (as in sleep(5ms)), but 2 were given"),
  BadProgram(
    label: "wrong number of arguments to an async fn",
    source: "async fn handler(id) {\n}\nasync fn main() {\n    spawn handler()\n}\n",
    line: 4, column: 11, message: "`handler` takes 1 argument (id), but 0 were given"),
  BadProgram(
    label: "wrong number of arguments to send",
    source: header + "async fn main() {\n    await jobs.send()\n}\n",
    line: 4, column: 16, message: "`jobs.send` takes 1 argument (the value to send), but 0 were given"),
  BadProgram(
    label: "await of an integer", source: "async fn main() {\n    await 5\n}\n",
    line: 2, column: 11, message: "cannot await an integer"),
  BadProgram(
    label: "await of a variable holding a string",
    source: "async fn main() {\n    let s = \"x\"\n    await s\n}\n",
    line: 3, column: 11, message: "cannot await a string"),
  BadProgram(
    label: "await of a plain call", source: "async fn main() {\n    await print(\"x\")\n}\n",
    line: 2, column: 11, message: "cannot await `print(...)`: it runs at once and gives ()"),
  BadProgram(
    label: "await of an awaited value (found through a parameter)",
    source: "async fn twice(f) {\n    await f\n}\nasync fn main() {\n    await twice(3)\n}\n",
    line: 2, column: 11, message: "cannot await an integer"),
  BadProgram(
    label: "spawn of a variable", source: "async fn main() {\n    let f = sleep(1ms)\n    spawn f\n}\n",
    line: 3, column: 11, message: "spawn needs a call, as in `spawn handler(1)`"),
  BadProgram(
    label: "spawn of a plain call", source: "async fn main() {\n    spawn print(\"x\")\n}\n",
    line: 2, column: 11, message: "`print` runs at once and makes no future"),
  BadProgram(
    label: "unknown channel operation", source: header + "async fn main() {\n    await jobs.push(1)\n}\n",
    line: 4, column: 16, message: "channel `jobs` has no operation `push`"),
  BadProgram(
    label: "unknown channel operation with suggestion",
    source: header + "async fn main() {\n    await jobs.recieve()\n}\n",
    line: 4, column: 16, message: "channel `jobs` has no operation `recieve`; did you mean `recv`?"),
  BadProgram(
    label: "duplicate async fn", source: "async fn main() {\n}\nasync fn main() {\n}\n",
    line: 3, column: 10, message: "duplicate definition: `main` is already an async fn (line 1)"),
  BadProgram(
    label: "resource and fn with one name", source: header + "async fn db() {\n}\nasync fn main() {\n}\n",
    line: 3, column: 10, message: "duplicate definition: `db` is already a resource (line 1)"),
  BadProgram(
    label: "duplicate parameter", source: "async fn f(a, a) {\n}\nasync fn main() {\n}\n",
    line: 1, column: 15, message: "parameter `a` appears twice"),
  BadProgram(
    label: "a let named like a resource", source: header + "async fn main() {\n    let db = 1\n}\n",
    line: 4, column: 9, message: "`db` is already a resource (line 1)"),
  BadProgram(
    label: "a fn named like a built-in", source: "async fn sleep() {\n}\nasync fn main() {\n}\n",
    line: 1, column: 10, message: "`sleep` is a built-in name"),
  BadProgram(
    label: "no main", source: "async fn handler() {\n}\n",
    line: 3, column: 1, message: "no `async fn main()`"),
  BadProgram(
    label: "main with parameters", source: "async fn main(x) {\n}\n",
    line: 1, column: 15, message: "`main` takes no parameters"),
  BadProgram(
    label: "a resource used as a value", source: header + "async fn main() {\n    print(db)\n}\n",
    line: 4, column: 11, message: "`db` is a resource: call one of its operations"),
  BadProgram(
    label: "sleep of an integer", source: "async fn main() {\n    await sleep(5)\n}\n",
    line: 2, column: 17, message: "`sleep` needs a duration such as 5ms, but this is an integer"),
  BadProgram(
    label: "repeat a duration", source: "async fn main() {\n    repeat 5ms {\n    }\n}\n",
    line: 2, column: 12, message: "`repeat` needs a whole number of times, but this is a duration"),
  BadProgram(
    label: "join of a non-future", source: "async fn main() {\n    await join(sleep(1ms), 2)\n}\n",
    line: 2, column: 28, message: "`join` needs futures, but argument 2 is an integer"),
  BadProgram(
    label: "future awaited twice",
    source: "async fn main() {\n    let f = sleep(1ms)\n    await f\n    await f\n}\n",
    line: 4, column: 11, message: "future `f` was already awaited or passed on at line 3"),
  BadProgram(
    label: "future made outside a loop, awaited inside",
    source: "async fn main() {\n    let f = sleep(1ms)\n    repeat 2 {\n        await f\n    }\n}\n",
    line: 4, column: 15, message: "future `f` is made outside this loop but used inside it"),
  BadProgram(
    label: "comparing a future",
    source: "async fn main() {\n    let f = sleep(1ms)\n    if f == 1 {\n    }\n}\n",
    line: 3, column: 8, message: "futures cannot be compared"),
  BadProgram(
    label: "comparing different types", source: "async fn main() {\n    if 1 == \"1\" {\n    }\n}\n",
    line: 2, column: 13, message: "comparing an integer with a string: they are never equal"),
  BadProgram(
    label: "index out of range",
    source: "async fn main() {\n    let r = await join(sleep(1ms), sleep(2ms))\n    print(r[2])\n}\n",
    line: 3, column: 12, message: "index 2 is out of range: this list has 2 items"),
]

@Test(arguments: syntaxErrors + semanticErrors)
func aBadProgramIsRejectedAtTheRightPlace(_ bad: BadProgram) throws {
  let d = try #require(diagnostic(bad.source), "\(bad.label) compiled")
  #expect(d.line == bad.line, "\(d.rendered)")
  #expect(d.column == bad.column, "\(d.rendered)")
  #expect(d.message.contains(bad.message), "\(d.rendered)")
  let lines = bad.source.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLine = bad.line <= lines.count ? String(lines[bad.line - 1]) : ""
  #expect(d.sourceLine == expectedLine)
  #expect(d.caretLine == String(repeating: " ", count: bad.column - 1) + "^")
  #expect(d.rendered.hasPrefix("bad.av:\(bad.line):\(bad.column): error: "))
}

@Test func theFirstErrorInTheFileIsReportedEvenIfItIsLexical() throws {
  // A parse error on line 2 comes before a lexical error on line 3.
  let d = try #require(diagnostic("async fn main() {\n    let = 1\n    print(\"open\n}\n"))
  #expect(d.line == 2 && d.column == 9)
}
