import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Dispatch
import Glibc
import Synchronization
import Testing

/// Signals the no-op handler has seen (a handler may only touch atomics).
private let signalsHandled = Atomic<Int>(0)

extension EpollTests {
  /// SIGUSR1 with a handler installed without SA_RESTART, so that a blocked
  /// epoll_wait returns EINTR, is sent to the thread waiting in the reactor
  /// (and to the process) every half millisecond during a whole run: the run
  /// must give the same logical trace as the sim, and the backend must have
  /// seen and survived the interruptions.
  @Test func signalsDuringTheWaitDoNotBreakTheRun() throws {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in signalsHandled.add(1, ordering: .relaxed) }
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    var previous = sigaction()
    #expect(sigaction(SIGUSR1, &action, &previous) == 0)
    defer { sigaction(SIGUSR1, &previous, nil) }
    // Test functions run on libdispatch worker threads, which block signals;
    // the executor thread of the real program (its main thread) does not.
    var usr1 = sigset_t()
    sigemptyset(&usr1)
    sigaddset(&usr1, SIGUSR1)
    var previousMask = sigset_t()
    #expect(pthread_sigmask(SIG_UNBLOCK, &usr1, &previousMask) == 0)
    defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }

    let name = "db-then-service"
    let simTrace = Scenarios.run(name, Scenarios.steps(of: name), on: SimBackend())
    let sim = LogicalEvents(simTrace)
    // Two blocking waits (the answers) and the non-blocking one before
    // block_on polls main again.
    let simWaits = simTrace.events.filter { if case .reactorWait = $0.payload { true } else { false } }.count
    // Real time on a loaded machine can split answers that are due together
    // into two waits, so the comparison with the sim gets the same retries as
    // the other real-time tests; the signal checks must hold on every attempt.
    var matched = false
    for _ in 0..<RealTime.attempts where !matched {
      let backend = try EpollBackend()
      let target = pthread_self()
      let stop = Atomic<Bool>(false)
      let sender = DispatchSemaphore(value: 0)
      let sending = DispatchSemaphore(value: 0)
      let before = signalsHandled.load(ordering: .relaxed)
      DispatchQueue.global().async {
        var sent = 0
        while !stop.load(ordering: .relaxed) {
          pthread_kill(target, SIGUSR1)
          if sent % 8 == 0 { kill(getpid(), SIGUSR1) }
          sent += 1
          if sent == 2 { sending.signal() }
          usleep(500)
        }
        sender.signal()
      }
      // On a loaded machine the sender may start late: the run begins once it is sending, so
      // the signals fall during the run's waits rather than after its end.
      sending.wait()
      let trace = Scenarios.run(name, Scenarios.steps(of: name), on: backend)
      stop.store(true, ordering: .relaxed)
      sender.wait()

      #expect(signalsHandled.load(ordering: .relaxed) - before >= 3)
      #expect(backend.interruptedWaits > 0)
      #expect(backend.failure == nil)
      // An interrupted wait resumed instead of returning an empty list early:
      // the trace has as many reactor waits as the sim's.
      let waits = trace.events.filter { if case .reactorWait = $0.payload { true } else { false } }
      // Each reactor turn made one kernel wait, plus one more per EINTR.
      #expect(backend.waitCounts.completed == waits.count)
      #expect(backend.waitCounts.calls == waits.count + backend.interruptedWaits)
      matched = LogicalEvents(trace) == sim && waits.count == simWaits
    }
    #expect(simWaits == 3)
    #expect(matched, "the epoll run never matched the sim's logical events with \(simWaits) waits")
  }
}
