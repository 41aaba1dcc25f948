/// What the lints count about one task, beside its `TaskSlot`. A lint is an
/// event, seen only in the trace, so the runtime keeps these counters (and
/// judges the lints) only when tracing is on: with tracing off a task's
/// bookkeeping is its 16-byte slot alone, and a poll updates none of them.
struct LintCounters {
  /// Number of polls started.
  var polls: UInt32 = 0
  /// Number of wakes that queued or targeted the task (all sources).
  var wakes: UInt32 = 0
  /// Wakes the task gave itself during its own poll.
  var selfWakes: UInt32 = 0
  /// Of `selfWakes`, those given in polls that did almost no work (busy
  /// polling); a yield after a real chunk of work is not counted.
  var busySelfWakes: UInt32 = 0
  /// `selfWakes` as last judged by the lints (the rest came in this poll).
  var judgedSelfWakes: UInt32 = 0
  /// Lints already reported for this task (one bit per `LintCode`), so each fires once.
  var lintsFired: UInt8 = 0
  /// Time the current poll started, for the long-poll and never-yielded lints.
  var pollStartUs: Int64 = 0
}
