import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Testing

/// How the translator tests give a translator a program: a .av text or a
/// demo's name, read and checked the way `asyncviz translate` reads them.
extension ProgramTranslator {
  /// The translation of a .av text (named t.av in messages).
  func translate(source text: String) throws -> String {
    try translate(ProgramShape.read(SourceFile(name: "t.av", text: text)))
  }

  /// The translation of the demo `name` (a missing demo fails the test).
  func translate(demo name: String) throws -> String {
    try translate(ProgramShape.read(try #require(DemoCatalog.named(name)).sourceFile))
  }
}

/// Programs more than one translator's tests translate, each checking its
/// own language's spelling of the same thing.
enum TranslatorPrograms {
  /// A select between a resource call and a sleep, then a timeout that fires.
  static let selectAndTimeout = """
    resource slow latency 80ms
    async fn main() {
        let first = await select(slow.fetch("report"), sleep(50ms))
        let late = await timeout(30ms, slow.fetch("x"))
        print("{first} {late}")
    }
    """
}
