import AsyncVizLang
import AsyncVizTranslate
import Testing

// A constant (`const jobs = 3`) is declared once in each translation and
// used by its name where the .av program uses it (a range, `repeat`, a
// channel's capacity, a value); `--set` gives the declaration its value.
// That the translations run as the models do is the oracles' part (the
// many-requests demo has a constant).

private let source = """
  const jobs = 3
  channel done capacity jobs
  async fn main() {
      for i in 0..jobs {
          await done.send(jobs)
      }
      repeat jobs {
          await done.recv()
      }
  }
  """

@Test func rustDeclaresTheConstantAndUsesItsName() throws {
  let rust = try RustTranslator().translate(source: source)
  #expect(rust.contains("const JOBS: i64 = 3;"))
  #expect(rust.contains("Channel::new(JOBS as usize)"))
  #expect(rust.contains("for i in 0..JOBS {"))
  #expect(rust.contains("Value::Int(JOBS)"))
}

@Test func nodeDeclaresTheConstantAndUsesItsName() throws {
  let js = try NodeTranslator().translate(source: source)
  #expect(js.contains("const JOBS = 3;"))
  #expect(js.contains("new Channel(JOBS)"))
  #expect(js.contains("< JOBS;"))
}

@Test func goDeclaresTheConstantAndUsesItsName() throws {
  let go = try GoTranslator().translate(source: source)
  #expect(go.contains("const jobsConst = 3"))
  #expect(go.contains("make(chan Value, jobsConst)"))
  #expect(go.contains("< int64(jobsConst);"))
}

@Test func anOverrideIsTheDeclaredValue() throws {
  let file = SourceFile(name: "c.av", text: source)
  let rust = try RustTranslator().translate(ProgramShape.read(file, overrides: ["jobs": 7]))
  #expect(rust.contains("const JOBS: i64 = 7;"))
}
