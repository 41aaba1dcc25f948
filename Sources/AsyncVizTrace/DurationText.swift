/// Durations and clock readings in the words notes and transcripts use.
///
/// The runtime has its own `formatMicros` for lint messages; the trace module
/// cannot depend on the runtime, and a replayed file must read exactly like a
/// live run, so the trace keeps its own copy of the rule (the same output).
public enum DurationText {
  /// "40 ms", "1.500 ms", "200 us": a length of time, exact, in its shortest form.
  public static func duration(_ us: Int64) -> String {
    var sink = StringNoteSink()
    sink.duration(us)
    return sink.result
  }

  /// "40.000 ms": a point on the trace's clock, always with three decimals so
  /// that the step lines of a transcript line up.
  public static func instant(_ us: Int64) -> String {
    var sink = StringNoteSink()
    sink.instant(us)
    return sink.result
  }
}
