import AsyncVizRuntime

/// A connection handed to the peer thread: the remote end of one request.
struct PeerJob: Sendable {
  /// What the remote end does with the request.
  enum Behaviour: Sendable {
    /// Answer after the resource's latency, then close.
    case answer
    /// Close without answering, as soon as the request is read (a server
    /// that crashed or dropped the connection).
    case hangUp
  }

  /// Unique within a backend (fd numbers are reused; ids never are).
  let id: Int
  /// The peer-side fd of the socketpair; see `PeerServer` for who closes it.
  let fd: Int32
  /// The server this connection reaches.
  let resource: ResourceSpec
  /// When to answer (CLOCK_MONOTONIC ns): the request's send time plus latency.
  let answerAtNs: Int64
  /// Answer or hang up.
  let behaviour: Behaviour
}
