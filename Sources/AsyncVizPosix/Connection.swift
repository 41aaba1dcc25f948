/// The task side of one resource request, as the executor thread sees it.
struct Connection {
  /// Where the connection is in its life. `sent -> watched -> reported`,
  /// and `reported -> watched` when a read finds the answer incomplete (the
  /// task waits for the next edge); it leaves the table when closed.
  enum Phase {
    /// The request is written; the fd is not in the interest list yet.
    case sent
    /// In the interest list, waiting for a wait to report it.
    case watched
    /// A wait has reported it readable; further edges (the peer's close
    /// right after its answer) are not reported again.
    case reported
  }

  /// The resource's name, for error messages.
  let resource: String
  /// Distinguishes connections that reuse an fd number.
  let serial: Int
  /// When the peer will answer (CLOCK_MONOTONIC ns): send time plus latency.
  let answerAtNs: Int64
  /// The answers the sim would deliver at the same virtual moment.
  let group: AnswerGroup
  /// The phase; see `Phase` for the transitions.
  var phase = Phase.sent
  /// Answer bytes read so far (a frame may arrive in pieces).
  var received: [UInt8] = []
}

/// Requests the sim answers at one virtual moment: those sent in the same
/// burst of polls (between two waits, with no `work` or `block` between them,
/// so the sim's clock stood still) to resources of equal latency.
struct AnswerGroup: Hashable {
  /// The burst: the backend counts waits and passes of time.
  var burst: Int
  /// The resource's latency; a hang-up counts as its own latency (-1), since
  /// the peer closes at once.
  var latencyUs: Int64
}

/// A watched connection's expected answer time, for the wait's coalescing
/// window (see `EpollBackend.wait`). Ordered by time, then fd.
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
