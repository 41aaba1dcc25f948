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
final class PeerServer: Sendable {
  /// What the executor thread hands over.
  struct Inbox {
    /// Connections not yet taken by the peer thread.
    var jobs: [PeerJob] = []
    /// Set once by `stop`; the peer then closes everything and exits.
    var stopping = false
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
  func submit(_ job: PeerJob) throws(BackendError) {
    let wasEmpty = inbox.withLock { box in
      let empty = box.jobs.isEmpty
      box.jobs.append(job)
      return empty
    }
    if wasEmpty { try Syscall.signal(eventFD: feed) }
  }

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
    var schedule = Heap<ScheduledAnswer>()
    var order = 0
    while true {
      try? Syscall.drain(eventFD: feed)
      let (jobs, stopping) = inbox.withLock { box in
        let taken = box.jobs
        box.jobs = []
        return (taken, box.stopping)
      }
      if stopping {
        for job in jobs { Syscall.close(job.fd) }
        while let pending = schedule.popMin() { Syscall.close(pending.fd) }
        return
      }
      for job in jobs {
        if let answer = serve(job, order: order) { schedule.insert(answer) }
        order += 1
      }
      deliverEverythingDue(&schedule)
      do {
        _ = try Syscall.pollReadable(feed, deadlineNs: schedule.min?.atNs)
      } catch {
        while let pending = schedule.popMin() { Syscall.close(pending.fd) }
        inbox.withLock { $0.stopping = true }
      }
    }
  }

  /// Writes every answer due by now before the thread sleeps again, reading
  /// the clock again whenever the next answer is not due by the last reading:
  /// answers due together leave together, one write right after another, and
  /// the executor usually sees them in one ready list (not always: it may wake
  /// between two writes; see docs/epoll-backend.md).
  private func deliverEverythingDue(_ schedule: inout Heap<ScheduledAnswer>) {
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
  /// when the connection is closed now (hang-up, or an unreadable request).
  private func serve(_ job: PeerJob, order: Int) -> ScheduledAnswer? {
    guard let payload = readRequest(job.fd), let request = WireFormat.parseRequest(payload),
      job.behaviour == .answer
    else {
      Syscall.close(job.fd)
      return nil
    }
    let reply = job.resource.reply(op: request.op, argument: request.argument)
    return ScheduledAnswer(atNs: job.answerAtNs, order: order, fd: job.fd, bytes: WireFormat.answer(reply))
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

  /// Writes an answer and closes the peer's end. A task that gave up (its
  /// fd closed by a timeout or select) makes the write fail with EPIPE: the
  /// answer is simply dropped, as a real server's would be.
  private func deliver(_ answer: ScheduledAnswer) {
    try? Syscall.sendAll(answer.fd, answer.bytes)
    Syscall.close(answer.fd)
  }
}
