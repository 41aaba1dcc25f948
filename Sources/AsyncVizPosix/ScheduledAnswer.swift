/// An answer a peer thread has computed and will send at `atNs`, ordered by
/// (time, arrival order) like the runtime's timer queue. `Recipient` says
/// where it goes: a job's id for the epoll backend's peer (the job's fd, if
/// still open, is in `PeerServer.Inbox.open`), the sender's address for the
/// threads model's datagram peer.
struct ScheduledAnswer<Recipient> {
  /// When to send it (CLOCK_MONOTONIC ns).
  var atNs: Int64
  /// Order the request reached the peer; breaks ties.
  var order: Int
  /// Where it goes.
  var recipient: Recipient
  /// The answer's bytes.
  var bytes: [UInt8]
}

extension ScheduledAnswer: Comparable {
  static func < (a: Self, b: Self) -> Bool { (a.atNs, a.order) < (b.atNs, b.order) }
  static func == (a: Self, b: Self) -> Bool { a.order == b.order }
}
