import AsyncVizLang
import Testing

// A line a Rust, JS or Go programmer writes out of habit inside `main` is a
// bad-program file each (BadPrograms/habits/, with the position and the
// asyncviz spelling its error must name). Here: what such a file cannot say.

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
