import AsyncVizLang
import Testing

/// A line a Rust, JS or Go programmer writes out of habit, inside `main`, and
/// the asyncviz spelling the error must name, at the place it must name it.
struct HabitCase: Sendable, CustomTestStringConvertible {
  var line: String
  /// 1-based column of the error on that line.
  var column: Int
  var advice: String
  var testDescription: String { line }
}

private let habits: [HabitCase] = [
  HabitCase(
    line: "let x = sleep(10ms).await", column: 20, advice: "asyncviz writes `await x` (Rust writes `x.await`)"
  ),
  HabitCase(line: "await sleep(10ms);", column: 18, advice: "drop the `;`"),
  HabitCase(
    line: "tokio::spawn(f())", column: 6,
    advice: "asyncviz writes `spawn f()` (tokio writes `tokio::spawn(f())`)"),
  HabitCase(
    line: "await tokio::time::sleep(5ms)", column: 12,
    advice: "`sleep` is a built-in called by its plain name, as in `sleep(...)` (not `tokio::time::sleep`)"),
  HabitCase(line: "await join!(f(), f())", column: 11, advice: "(not `join!`)"),
  HabitCase(line: "println!(\"hi\")", column: 8, advice: "asyncviz writes `print(\"...\")` (not `println!`)"),
  HabitCase(line: "go f()", column: 4, advice: "asyncviz writes `spawn f()` (Go writes `go f()`)"),
  HabitCase(line: "x := f()", column: 3, advice: "asyncviz writes `let x = ...` (Go writes `x := ...`)"),
  HabitCase(
    line: "const x = 5", column: 7,
    advice: "asyncviz writes `let x = ...` (not `const` or `var`; `const NAME = 10` is for the top level)"),
  HabitCase(line: "let mut x = 5", column: 9, advice: "asyncviz has no `mut`"),
  HabitCase(line: "let h = async move { f() }", column: 9, advice: "asyncviz has no async blocks"),
  HabitCase(
    line: "let v = await Promise.all([f(), f()])", column: 27,
    advice: "asyncviz writes `join(a, b)` (JS writes `Promise.all([a, b])`)"),
  HabitCase(
    line: "let v = await Promise.race(f(), f())", column: 15,
    advice: "asyncviz writes `select(a, b)` (JS writes `Promise.race([a, b])`)"),
  HabitCase(line: "let v = f().then(print)", column: 12, advice: "asyncviz has no `.then`"),
  HabitCase(line: "await f()?", column: 10, advice: "asyncviz has no `?`"),
  HabitCase(
    line: "jobs <- 5", column: 6, advice: "asyncviz writes `await jobs.send(v)` and `await jobs.recv()`"),
  HabitCase(
    line: "setTimeout(10ms)", column: 1, advice: "asyncviz writes `await sleep(10ms)` (not `setTimeout`)"),
  HabitCase(
    line: "setImmediate()", column: 1,
    advice: "asyncviz writes `await yield_now()` (Node writes `setImmediate`)"),
  HabitCase(line: "time.Sleep(10ms)", column: 1, advice: "(not `time.Sleep`)"),
  HabitCase(
    line: "console.log(\"hi\")", column: 1, advice: "asyncviz writes `print(\"...\")` (not `console.log`)"),
  HabitCase(line: "fmt.Println(\"hi\")", column: 1, advice: "(not `fmt.Println`)"),
]

@Test(arguments: habits)
func aForeignHabitGetsTheAsyncvizSpelling(_ habit: HabitCase) throws {
  let source = "channel jobs capacity 2\nasync fn f() {\n}\nasync fn main() {\n\(habit.line)\n}\n"
  let found = try #require(diagnostic(source))
  #expect(found.line == 5)
  #expect(found.column == habit.column)
  #expect(found.message.contains(habit.advice), "\(found.message)")
}

@Test(arguments: ["function main() {\n}\n", "func main() {\n}\n", "async function main() {\n}\n"])
func aForeignFunctionKeywordGetsAsyncFn(_ source: String) throws {
  let found = try #require(diagnostic(source))
  #expect(
    found.message == "asyncviz writes `async fn name() { ... }` (JS writes `async function`, Go `func`)")
}

/// Only a line that failed is reworded, and only at the habit: the same
/// words inside a string, or an error elsewhere on such a line, keep the
/// parser's own message.
@Test func aHabitIsNamedOnlyWhereTheProgramFailed() throws {
  let fine = "async fn main() {\n  print(\"x.await; go f() Promise.all([a])\")\n}\n"
  #expect(diagnostic(fine) == nil)
  let elsewhere = "async fn main() {\n  print(\"Promise.all([a])\") extra\n}\n"
  let found = try #require(diagnostic(elsewhere))
  #expect(found.message == "expected the end of the line, found `extra`")
}
