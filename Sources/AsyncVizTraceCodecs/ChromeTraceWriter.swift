import AsyncVizTrace
import AsyncVizTraceState

/// Writes a trace in the Chrome Trace Event Format (the JSON object form),
/// which ui.perfetto.dev and chrome://tracing open.
///
/// One process; one thread ("lane") per task, plus one for the executor and
/// one for the reactor, all named by `thread_name` metadata. Each poll is a
/// complete (`X`) slice on its task's lane (and on the executor's); each
/// reactor turn a slice on the reactor's lane; each wake a flow arrow from
/// the waker's side to the next poll of the woken task; registrations, timer
/// fires, prints and lints are instants; the run-queue length and the number
/// of pending tasks are counters. Times are in microseconds, laid out by
/// `ChromeTimeline`. docs/trace-format.md explains how to open the file.
public enum ChromeTraceWriter: TraceDocumentFormat {
  /// The lane of the executor.
  static let executorLane: Int64 = 1
  /// The lane of the reactor.
  static let reactorLane: Int64 = 2

  /// The lane of a task.
  static func lane(_ task: TaskID) -> Int64 { Int64(task.rawValue) + 2 }

  package static let bytesPerEvent = 160

  /// How every export this writer makes begins: the CLI knows a file it may
  /// replace without `--force` by it.
  public static let opening: StaticString = #"{"displayTimeUnit":"ms","otherData":{"program":"#

  /// Writes the document, calling `flush` between events.
  package static func encode<E: Error>(
    _ trace: Trace, into out: inout JSONBytes, flush: (inout JSONBytes) throws(E) -> Void
  ) throws(E) {
    out.raw(opening)
    out.quoted(trace.program.name)
    out.raw(",\"backend\":")
    out.quoted(trace.program.backend.rawValue)
    out.raw(
      ",\"clock\":\"ts = t_us plus 1 us per step, so that every poll is visible; the trace's own t_us is in args\""
    )
    out.raw("},\n\"traceEvents\":[\n")
    var emitter = ChromeEventEmitter(trace: trace)
    emitter.metadata(into: &out)
    try flush(&out)
    var state = TraceState()
    for i in trace.events.indices {
      emitter.event(i, state: &state, into: &out)
      try flush(&out)
    }
    // Every line ends with ",\n"; close with a last, harmless metadata event.
    out.raw(
      "{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":1,\"tid\":0,\"args\":{\"sort_index\":0}}\n]}\n")
  }
}
