import CNcursesw
import Glibc
import Synchronization

/// The last termination signal received (0: none). A signal handler may only
/// touch lock-free state; the main loop polls this after each wait.
private let receivedSignal = Atomic<Int32>(0)

/// The handlers that were installed before ours for the crash signals,
/// indexed by signal number. Written only by `SignalGuard.install` before
/// any of our handlers is in place, read only by the crash handler: no race.
nonisolated(unsafe) private let previousCrashActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

/// Signals that end the viewer cleanly: the loop restores the terminal and returns.
private let terminationSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT]
/// Signals of a crash: the terminal is restored, the previous handler
/// (Swift's backtracer) runs, then the process dies of the signal.
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Installs and removes the process's signal handlers for the full-screen view.
///
/// Termination signals only set a flag, without SA_RESTART, so a blocking
/// `wget_wch` returns ERR/EINTR and the loop can `endwin()` and return.
/// Crash signals call `endwin()`, then the previous handler with the same
/// signal info and context (so a real fault's backtrace prints, on a restored
/// terminal), then re-raise the signal with the default disposition: a
/// handler that returns (a `kill -SEGV` from outside does not fault again)
/// must not let the viewer carry on reading keys.
enum SignalGuard {
  /// The termination handlers before ours, to restore on exit. Touched only
  /// by `install` and `uninstall`, on the viewer's one thread, never by a handler.
  nonisolated(unsafe) private static var savedTermination: [Int32: sigaction] = [:]

  static func install() {
    _ = receivedSignal.load(ordering: .relaxed)  // initialise the global before any handler can read it
    receivedSignal.store(0, ordering: .relaxed)
    // A parent may have started us with these blocked (the mask is inherited):
    // then a resize or a kill would never reach the loop.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for sig in terminationSignals + [SIGWINCH] { sigaddset(&wanted, sig) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    for sig in terminationSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in receivedSignal.store(sig, ordering: .relaxed) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0  // no SA_RESTART: the blocking read must return
      var old = sigaction()
      sigaction(sig, &action, &old)
      savedTermination[sig] = old
    }
    installAlternateStack()
    for sig in crashSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { sig, info, context in
        endwin()
        SignalGuard.callPrevious(sig, info, context)
        SignalGuard.dieOf(sig)
      }
      sigemptyset(&action.sa_mask)
      // On the alternate stack: a stack overflow's SIGSEGV has no stack left
      // to run a handler on, and the terminal would stay in raw mode.
      action.sa_flags = SA_SIGINFO | Int32(SA_ONSTACK)
      sigaction(sig, &action, previousCrashActions + Int(sig))
    }
  }

  /// Gives this thread (the one that runs the program and draws) a signal
  /// stack of its own, once, unless it already has one (Swift's backtracer
  /// may install one). Never freed: it must outlive every handler call.
  private static func installAlternateStack() {
    var current = stack_t()
    if sigaltstack(nil, &current) == 0 && current.ss_flags & Int32(SS_DISABLE) == 0 && current.ss_sp != nil {
      return
    }
    let size = 256 * 1024
    guard let memory = malloc(size) else { return }
    var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
    if sigaltstack(&stack, nil) != 0 { free(memory) }
  }

  /// Runs the crash handler that was installed before ours, if any (not
  /// SIG_DFL or SIG_IGN, which are the values 0 and 1).
  private static func callPrevious(
    _ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
  ) {
    let previous = previousCrashActions[Int(sig)]
    if previous.sa_flags & SA_SIGINFO != 0 {
      if let handler = previous.__sigaction_handler.sa_sigaction,
        unsafeBitCast(handler, to: Int.self) > 1
      {
        handler(sig, info, context)
      }
    } else if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) > 1
    {
      handler(sig)
    }
  }

  /// Re-raises `sig` with the default disposition, so the process ends the
  /// way the signal says (exit status 128 + sig, a core dump if enabled).
  private static func dieOf(_ sig: Int32) -> Never {
    var fallback = sigaction()
    sigemptyset(&fallback.sa_mask)
    sigaction(sig, &fallback, nil)  // a zeroed handler is SIG_DFL
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, sig)
    // The signal is blocked while its handler runs: unblocking delivers it now.
    raise(sig)
    pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    // Unreachable unless the default action is to ignore or stop, which no crash signal has.
    _exit(128 + sig)
  }

  /// Puts back the handlers that were there before `install`.
  static func uninstall() {
    for sig in crashSignals { sigaction(sig, previousCrashActions + Int(sig), nil) }
    for (sig, old) in savedTermination {
      var action = old
      sigaction(sig, &action, nil)
    }
    savedTermination = [:]
  }

  /// The termination signal received since `install`, if any.
  static var pending: Int32? {
    let sig = receivedSignal.load(ordering: .relaxed)
    return sig == 0 ? nil : sig
  }
}
