/// Why a goroutine is parked, in the words `runtime.Stack` and `go tool
/// trace` use (Go 1.19 runtime/runtime2.go, `waitReasonStrings`).
public enum GoWaitReason: UInt8, Sendable, CaseIterable, TraceWord {
  /// `<-c` on a channel with nothing to receive (a handle's `done`, a helper's result).
  case chanReceive
  /// `c <- v` on a full channel.
  case chanSend
  /// A `select` with no case ready (select / timeout helpers).
  case select
  /// `select {}`: waits for nothing, forever (lost_waker).
  case selectNoCases
  /// `time.Sleep`: on its P's timer heap.
  case sleep
  /// Waiting for a socket in the netpoller (a resource call).
  case ioWait

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .chanReceive: "chan receive"
    case .chanSend: "chan send"
    case .select: "select"
    case .selectNoCases: "select (no cases)"
    case .sleep: "sleep"
    case .ioWait: "IO wait"
    }
  }
}

/// Where `runqput` (or `globrunqput`) put a runnable goroutine.
public enum GoRunSlot: UInt8, Sendable, CaseIterable, TraceWord {
  /// The P's `runnext`: runs next, inheriting the time slice.
  case runnext
  /// The tail of the P's 256-slot local run queue.
  case local
  /// The tail of the global run queue (Gosched, preemption, a syscall's return without a P).
  case global

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .runnext: "runnext"
    case .local: "local"
    case .global: "global"
    }
  }
}
