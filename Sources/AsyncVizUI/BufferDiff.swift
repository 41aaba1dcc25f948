/// The difference between two frames: the changed cells only.
public enum BufferDiff {
  /// The runs that turn `old` into `new`; every cell of `new` when `old` is
  /// nil or of another size (after a resize the screen is redrawn whole).
  public static func runs(from old: CellBuffer?, to new: CellBuffer) -> [CellRun] {
    let full = old.map { $0.width != new.width || $0.height != new.height } ?? true
    var runs: [CellRun] = []
    for y in 0..<new.height {
      var x = 0
      while x < new.width {
        let cell = new[x, y]
        guard full || cell != old?[x, y] || changedContinuation(old, new, x, y) else {
          x += 1
          continue
        }
        // A change in the right half of a wide character redraws the whole character.
        var start = x
        if cell.isContinuation && x > 0 { start = x - 1 }
        var run = CellRun(row: y, column: start, style: new[start, y].style, text: "", width: 0)
        var c = start
        while c < new.width {
          let here = new[c, y]
          let changed = full || here != old?[c, y] || changedContinuation(old, new, c, y)
          if c > start && (!changed || here.style != run.style) && !here.isContinuation { break }
          if let ch = here.character { run.text.unicodeScalars.append(ch) }
          c += 1
        }
        run.width = c - start
        if run.width > 0 { runs.append(run) }
        x = c
      }
    }
    return runs
  }

  /// A narrow cell replacing the first half of an old wide one: the old
  /// right half must be redrawn too.
  private static func changedContinuation(_ old: CellBuffer?, _ new: CellBuffer, _ x: Int, _ y: Int) -> Bool {
    guard let old, x > 0 else { return false }
    return old[x, y].isContinuation && !new[x, y].isContinuation
  }
}
