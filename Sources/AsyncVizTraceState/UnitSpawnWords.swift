import AsyncVizTrace

/// A model's words for the note of a spawn that makes a unit of the OS's or
/// runtime's own (a goroutine, an OS thread), where rust makes a task, or
/// nothing at all for a future of join, select or timeout.
struct UnitSpawnWords: Sendable {
  /// The model whose helper units' names the note recognises (`HelperUnits`).
  var model: RuntimeModel
  /// After the first unit's label (it has no parent).
  var first: StaticString
  /// Between the parent's label and the new unit's.
  var verb: StaticString
  /// What the new unit costs: each text, then a size in bytes (the model's
  /// costs, which the costs line and compare charge).
  var costs: [(StaticString, Int64)]
  /// The end of the note for a helper unit of join, select or timeout.
  var helper: StaticString
  /// The end for a unit the program started itself.
  var plain: StaticString
}

extension NoteSink where Self: ~Copyable {
  /// The go and threads notes of a spawn, in the model's `words`: the first
  /// unit, or "#1 main runs `go` for #2 worker", what the new unit costs, and
  /// what rust does instead, which differs for a helper unit.
  mutating func unitSpawn(_ task: TaskID, by parent: TaskID?, _ words: UnitSpawnWords, in trace: Trace) {
    guard let parent else {
      label(task, in: trace)
      text(words.first)
      return
    }
    label(parent, in: trace)
    text(words.verb)
    label(task, in: trace)
    for (what, bytes) in words.costs {
      text(what)
      string(KernelCosts.bytesText(bytes))
    }
    let helper = HelperUnits.isHelper(named: trace.task(task)?.name ?? "", in: words.model)
    text(helper ? words.helper : words.plain)
  }
}
