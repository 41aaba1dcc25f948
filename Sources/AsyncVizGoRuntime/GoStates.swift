import AsyncVizTrace

/// A goroutine's state, in the runtime's words (`_Grunnable`, `_Grunning`,
/// `_Gwaiting` with a wait reason, `_Gsyscall`, `_Gdead`; runtime/runtime2.go).
public enum GoStatus: Sendable, Equatable {
  /// On a run queue (or a P's runnext).
  case runnable
  /// On a P, its code running (or spinning on the CPU for `work`).
  case running
  /// Parked by `gopark`: why.
  case waiting(GoWaitReason)
  /// In a blocking system call, on an M without a P once sysmon took it.
  case syscall
  /// Returned (`goexit`).
  case dead
}

/// What a P is doing, seen from the scheduler (`_Pidle`, `_Prunning`,
/// `_Psyscall`; runtime/runtime2.go), with the model's split of running
/// into "its M looks for work", "a goroutine's code runs" and "a goroutine
/// spins on the CPU until a time".
public enum GoPState: Sendable, Equatable {
  /// Its M runs `schedule`/`findRunnable` now.
  case scheduling
  /// Goroutine `g`'s code runs now (zero virtual time).
  case running(g: Int)
  /// Goroutine `g` does CPU work (`work(D)`) until `untilUs`.
  case spinning(g: Int, untilUs: Int64)
  /// Its M is in a system call with goroutine `g` (`_Psyscall`) and sysmon
  /// has not taken the P yet.
  case syscall(g: Int)
  /// `_Pidle`: nothing to run; its M is parked (in the netpoller, until the next timer).
  case idle
}

/// What an M (an OS thread) is doing.
public enum GoMState: Sendable, Equatable {
  /// Running P `p` (looking for work or running a goroutine).
  case running(p: Int)
  /// In a blocking system call for goroutine `g` until `untilUs`, holding P `p` until sysmon takes it.
  case syscall(g: Int, untilUs: Int64, p: Int?)
  /// Parked (`stopm`): no P.
  case idle
}

/// One goroutine.
struct GoG {
  /// Its id in the trace.
  var task: TaskID
  /// What runs it.
  var body: any GoBody
  var status: GoStatus = .runnable
  /// CPU work still to do before its code goes on (what preemption left).
  var cpuLeftUs: Int64 = 0
}

/// One P's per-run state beside its run queues (kept in `GoRunQueues`).
public struct GoProc: Sendable, Equatable {
  public internal(set) var state: GoPState = .idle
  /// The M that holds it, if any.
  public internal(set) var m: Int?
  /// When its current time slice began (the last `execute` not from runnext):
  /// sysmon preempts a goroutine 10 ms after that.
  var sliceStartUs: Int64 = 0
  /// When its goroutine's current stretch of CPU work began.
  var spinStartUs: Int64 = 0
}

/// What a goroutine's code does: run from where it stopped until it parks,
/// yields, returns, or starts CPU work or a system call (each through a
/// call on the scheduler). The go model's goroutines implement it.
public protocol GoBody: AnyObject {
  /// Runs the goroutine's code now, on the scheduler's current P.
  func run()
}
