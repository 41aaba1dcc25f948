import AsyncVizRuntime
import CEpoll
import Glibc
import HeapModule
import Synchronization

/// The remote ends of every resource connection of one backend, served by
/// one thread: it reads each request, computes the reply with
/// `ResourceSpec.reply(op:argument:)` (so outputs equal the sim's), and
/// writes it at the request's send time plus the latency, then closes its
/// end. Pending answers wait in a heap ordered by deadline, so a thousand
/// concurrent requests cost a thousand heap entries, not a thousand threads.
///
/// The executor thread hands jobs over through `inbox` and wakes the peer
/// through the eventfd `feed`; the peer sleeps in `ppoll` on that eventfd
/// with the next deadline as timeout.
///
/// A dropped request closes its remote end at once, on the executor thread
/// (`cancel`), not when its answer falls due: a timeout loser of a 5 s
/// resource would otherwise hold a socket for 5 s, and a loop of such
/// timeouts runs out of descriptors. Ownership rule that makes this safe:
/// a peer-side fd is open exactly while its job id is in `Inbox.open`, and
/// only the thread that removes it, holding the lock, uses or closes it
/// (the peer reads and writes it under the lock too). So the fd is never
/// closed twice, and the peer never writes to an fd number that was closed
/// and reused by a newer connection. No acknowledgement is needed: when
/// `cancel` returns, both ends are closed.
final class PeerServer: Sendable {
  /// What the executor thread hands over.
  struct Inbox {
    /// Connections not yet taken by the peer thread.
    var jobs: [PeerJob] = []
    /// Peer-side fds still open, by job id: from `submit` until answered,
    /// hung up, cancelled or stopped.
    var open: [Int: Int32] = [:]
    /// Set once by `stop`; the peer then closes everything and exits.
    var stopping = false

    /// Removes and closes every peer-side fd still open.
    mutating func closeAll() {
      for fd in open.values { Syscall.close(fd) }
      open.removeAll()
      jobs.removeAll()
    }
  }

  /// The eventfd the peer thread sleeps on; owned (and closed) by the backend,
  /// which closes it only after the peer thread has been joined.
  let feed: Int32
  /// The hand-over point, the only state both threads touch.
  let inbox = Mutex(Inbox())

  init(feed: Int32) { self.feed = feed }

  /// Queues a connection for the peer thread and wakes it. Only the first
  /// job of a batch signals: the peer takes the whole inbox when it wakes,
  /// so a thousand requests sent in a row cost one wake-up, not a thousand
  /// context switches in the middle of the executor's polls.
  /// From the call on, the job's fd is the server's: if the wake-up fails,
  /// the job is cancelled (its fd closed) before the error is thrown.
  func submit(_ job: PeerJob) throws(BackendError) {
    let wasEmpty = inbox.withLock { box in
      let empty = box.jobs.isEmpty
      box.jobs.append(job)
      box.open[job.id] = job.fd
      return empty
    }
    guard wasEmpty else { return }
    do {
      try Syscall.signal(eventFD: feed)
    } catch {
      cancel(job: job.id)
      throw error
    }
  }

  /// Closes the remote end of a dropped request now, whatever the peer
  /// thread is doing; does nothing if the peer already answered or hung up.
  /// The peer skips the job's pending answer later (its id is gone).
  func cancel(job id: Int) {
    inbox.withLock { box in
      if let fd = box.open.removeValue(forKey: id) { Syscall.close(fd) }
    }
  }

  /// Number of peer-side fds still open (answers not yet written).
  var openConnections: Int { inbox.withLock { $0.open.count } }

  /// Asks the peer thread to close every connection it holds and exit.
  func requestStop() {
    inbox.withLock { $0.stopping = true }
    try? Syscall.signal(eventFD: feed)
  }

  /// The peer thread's loop; returns when stopped (or if its wait fails,
  /// after closing every connection, so waiting tasks see the connection end).
  func run() {
    _ = cepoll_block_all_signals()
    _ = cepoll_set_timer_slack(1)
    var schedule = Heap<ScheduledAnswer<Int>>()
    var order = 0
    while true {
      try? Syscall.drain(eventFD: feed)
      let (jobs, stopping) = inbox.withLock { box in
        if box.stopping { box.closeAll() }
        let taken = box.jobs
        box.jobs = []
        return (taken, box.stopping)
      }
      if stopping { return }
      for job in jobs {
        if let answer = serve(job, order: order) { schedule.insert(answer) }
        order += 1
      }
      deliverEverythingDue(&schedule)
      do {
        _ = try Syscall.pollReadable(feed, deadlineNs: schedule.min?.atNs)
      } catch {
        // Stop as if asked: the next turn closes every connection and returns.
        inbox.withLock { $0.stopping = true }
      }
    }
  }

  /// Writes every answer due by now before the thread sleeps again, reading
  /// the clock again whenever the next answer is not due by the last reading:
  /// answers due together leave together, one write right after another, and
  /// the executor usually sees them in one ready list (not always: it may wake
  /// between two writes; see docs/epoll-backend.md).
  private func deliverEverythingDue(_ schedule: inout Heap<ScheduledAnswer<Int>>) {
    var now = Monotonic.nanoseconds()
    while let next = schedule.min {
      if next.atNs > now {
        now = Monotonic.nanoseconds()
        if next.atNs > now { return }
      }
      _ = schedule.removeMin()
      deliver(next)
    }
  }

  /// Reads the request of `job` and returns the answer to send later, or nil
  /// when the connection is closed now (hang-up, an unreadable request, or
  /// already cancelled). The read is non-blocking and the request is already
  /// there, so holding the lock for it is short.
  private func serve(_ job: PeerJob, order: Int) -> ScheduledAnswer<Int>? {
    inbox.withLock { box -> ScheduledAnswer<Int>? in
      guard let fd = box.open[job.id] else { return nil }
      guard let payload = readRequest(fd), let request = WireFormat.parseRequest(payload),
        job.behaviour == .answer
      else {
        box.open[job.id] = nil
        Syscall.close(fd)
        return nil
      }
      let reply = job.resource.reply(op: request.op, argument: request.argument)
      return ScheduledAnswer(
        atNs: job.answerAtNs, order: order, recipient: job.id, bytes: WireFormat.answer(reply))
    }
  }

  /// The request's payload. The task side wrote the whole frame before
  /// submitting the job, so it is all there; anything else is malformed.
  private func readRequest(_ fd: Int32) -> [UInt8]? {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while WireFormat.decode(buffer) == nil {
      let r = chunk.withUnsafeMutableBytes { p in
        Result { () throws(BackendError) in try Syscall.read(fd, into: p) }
      }
      guard case .success(.done(let n)) = r, n > 0 else { return nil }
      buffer.append(contentsOf: chunk[0..<n])
    }
    return WireFormat.decode(buffer)
  }

  /// Writes an answer and closes the peer's end.
  /// A cancelled job's answer is skipped: its fd was closed by `cancel`, and
  /// the number may already belong to a newer connection.
  private func deliver(_ answer: ScheduledAnswer<Int>) {
    inbox.withLock { box in
      guard let fd = box.open.removeValue(forKey: answer.recipient) else { return }
      try? Syscall.sendAll(fd, answer.bytes)
      Syscall.close(fd)
    }
  }
}
