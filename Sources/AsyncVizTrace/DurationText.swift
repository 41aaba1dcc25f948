/// Durations and clock readings in the words notes, transcripts and the
/// runtime's lint messages use.
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
