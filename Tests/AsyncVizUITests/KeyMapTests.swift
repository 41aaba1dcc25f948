import AsyncVizUI
import Testing

@Test func designKeysMapToTheirActions() {
  let expected: [(InputKey, ViewerAction)] = [
    (.character(" "), .togglePlay),
    (.character("n"), .stepForward), (.right, .stepForward), (.character("l"), .stepForward),
    (.character("b"), .stepBack), (.left, .stepBack), (.character("h"), .stepBack),
    (.character("g"), .first), (.home, .first), (.character("G"), .last), (.end, .last),
    (.character("+"), .faster), (.character("-"), .slower),
    (.tab, .nextTask), (.backTab, .previousTask), (.escape, .follow),
    (.character("e"), .export), (.character("?"), .toggleHelp),
    (.character("q"), .quit), (.interrupt, .quit), (.resize, .resize),
  ]
  for (key, action) in expected {
    #expect(KeyMap.action(for: key, in: .paused) == action, "\(key)")
    #expect(KeyMap.action(for: key, in: .playing) == action, "\(key)")
  }
  #expect(KeyMap.action(for: .character("x"), in: .paused) == nil)
  #expect(KeyMap.action(for: .other(999), in: .paused) == nil)
}

@Test func inTheHelpAnyKeyClosesItButQuitStillQuits() {
  let help = ViewerMode.help(resumePlaying: false)
  #expect(KeyMap.action(for: .character("n"), in: help) == .closeHelp)
  #expect(KeyMap.action(for: .character("?"), in: help) == .closeHelp)
  #expect(KeyMap.action(for: .escape, in: help) == .closeHelp)
  #expect(KeyMap.action(for: .character("q"), in: help) == .quit)
  #expect(KeyMap.action(for: .interrupt, in: help) == .quit)
  #expect(KeyMap.action(for: .resize, in: help) == .resize)
}

@Test func theHelpExplainsEveryKeyOfTheFooter() {
  let help = KeyMap.helpLines(glyphs: .unicode).map(\.keys).joined(separator: " ")
  for word in ["space", "n", "b", "g", "G", "+", "tab", "e", "?", "q"] {
    #expect(help.contains(word))
  }
}

@Test func theHelpSaysWhereExportWritesWhenItIsKnown() {
  let known = KeyMap.helpLines(glyphs: .unicode, exportPath: "db-then-service.trace.json")
  #expect(
    known.first { $0.keys == "e" }?.meaning == "export the trace to JSON, in db-then-service.trace.json")
  let unknown = KeyMap.helpLines(glyphs: .unicode)
  #expect(unknown.first { $0.keys == "e" }?.meaning.contains("the path is shown below") == true)
}
