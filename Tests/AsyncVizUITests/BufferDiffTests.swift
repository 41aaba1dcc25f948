import AsyncVizTrace
import AsyncVizUI
import Testing

/// Applies runs to a copy of `old` the way a terminal would, by writing them.
private func replay(_ runs: [CellRun], onto old: CellBuffer) -> CellBuffer {
  var screen = old
  for run in runs { screen.write(run.text, x: run.column, y: run.row, style: run.style) }
  return screen
}

@Test func identicalFramesHaveNoRuns() {
  var b = CellBuffer(width: 20, height: 3)
  b.write("same", x: 2, y: 1)
  #expect(BufferDiff.runs(from: b, to: b).isEmpty)
}

@Test func onlyChangedCellsAreRedrawn() {
  var old = CellBuffer(width: 20, height: 3)
  old.write("step 7/23", x: 0, y: 0)
  var new = old
  new.write("8", x: 5, y: 0)
  new.write("x", x: 19, y: 2, style: CellStyle(.warning))
  let runs = BufferDiff.runs(from: old, to: new)
  #expect(runs.count == 2)
  #expect(runs[0] == CellRun(row: 0, column: 5, style: .plain, text: "8", width: 1))
  #expect(runs[1].row == 2 && runs[1].column == 19 && runs[1].style.role == .warning)
  #expect(replay(runs, onto: old) == new)
}

@Test func runsSplitWhereTheStyleChanges() {
  let old = CellBuffer(width: 10, height: 1)
  var new = old
  new.write("ab", x: 0, y: 0)
  new.write("cd", x: 2, y: 0, style: CellStyle(.ready))
  let runs = BufferDiff.runs(from: old, to: new)
  #expect(runs.map(\.text) == ["ab", "cd"])
  #expect(replay(runs, onto: old) == new)
}

@Test func aResizeRedrawsEverything() {
  var new = CellBuffer(width: 4, height: 2)
  new.write("abcd", x: 0, y: 0)
  let runs = BufferDiff.runs(from: CellBuffer(width: 3, height: 2), to: new)
  #expect(runs.reduce(0) { $0 + $1.width } == 8)
  #expect(BufferDiff.runs(from: nil, to: new).reduce(0) { $0 + $1.width } == 8)
}

@Test func wideCharacterChangesRedrawTheWholeCharacter() {
  var old = CellBuffer(width: 6, height: 1)
  old.write("a漢b", x: 0, y: 0)
  var new = old
  new.write("字", x: 1, y: 0)
  let runs = BufferDiff.runs(from: old, to: new)
  #expect(runs == [CellRun(row: 0, column: 1, style: .plain, text: "字", width: 2)])
  // Replacing a wide character by a narrow one also clears its right half.
  var narrow = old
  narrow.write("x", x: 1, y: 0)
  let r2 = BufferDiff.runs(from: old, to: narrow)
  #expect(replay(r2, onto: old) == narrow)
  #expect(r2.first?.text == "x ")
}

@Test func randomEditsReplayExactly() {
  var rng = SeededRandom(seed: 7)
  let alphabet = ["a", "b", "─", "漢", " ", "→"]
  var old = CellBuffer(width: 30, height: 8)
  for _ in 0..<50 {
    var new = old
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      let text = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
        alphabet.randomElement(using: &rng) ?? "a"
      }.joined()
      let role = StyleRole.allCases.randomElement(using: &rng) ?? .text
      new.write(
        text, x: Int.random(in: -2..<30, using: &rng), y: Int.random(in: 0..<8, using: &rng),
        style: CellStyle(role))
    }
    let runs = BufferDiff.runs(from: old, to: new)
    #expect(replay(runs, onto: old) == new)
    old = new
  }
}
