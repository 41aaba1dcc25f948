/// The task side of one resource request, as the executor thread sees it.
struct Connection {
  /// Where the connection is in its life. `sent -> watched -> reported`;
  /// it leaves the table when closed, from any phase.
  enum Phase {
    /// The request is written; the fd is not in the interest list yet.
    case sent
    /// In the interest list; no wait has reported it yet.
    case watched
    /// A wait has reported it readable (edge-triggered: once per edge).
    case reported
  }

  /// The resource's name, for error messages.
  let resource: String
  /// Distinguishes connections that reuse an fd number.
  let serial: Int
  /// When the peer will answer (CLOCK_MONOTONIC ns): send time plus latency.
  let answerAtNs: Int64
  /// The phase; only moves forward.
  var phase = Phase.sent
  /// Answer bytes read so far (a frame may arrive in pieces).
  var received: [UInt8] = []
}

/// A watched connection's expected answer time, for the wait's coalescing
/// (see `EpollBackend.wait`). Ordered by time, then fd.
struct ExpectedAnswer: Comparable {
  /// When the peer answers (CLOCK_MONOTONIC ns).
  var atNs: Int64
  /// The task-side fd.
  var fd: Int32
  /// The connection's serial: an entry of a closed connection whose fd was
  /// reused must not count for the new one.
  var serial: Int

  static func < (a: ExpectedAnswer, b: ExpectedAnswer) -> Bool { (a.atNs, a.fd) < (b.atNs, b.fd) }
}
