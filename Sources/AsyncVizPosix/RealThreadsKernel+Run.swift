import AsyncVizThreadsRuntime
import AsyncVizTrace
import Glibc

/// A program thread's code on a real pthread: it runs under the
/// interpreter lock up to each blocking point, and the blocking call itself
/// (a socket round trip, nanosleep, sched_yield, a condition-variable wait)
/// is made for real without the lock.
extension RealThreadsKernel {
  /// Runs thread `t`'s code until it exits or the run is over (called with the lock held).
  func runCode(_ t: Int) {
    let thread = threads[t]
    let task = TaskID(UInt32(t + 1))
    var dispatched = true
    while end == nil {
      if dispatched {
        recorder.step += 1
        if recorder.step >= maxSteps {
          finish(.maxSteps)
          return
        }
        record(.threadRun(task: task, cpu: cpu()))
      }
      dispatched = true
      onRunStart?()
      let action = thread.body()
      if end != nil { return }
      switch action {
      case .compute(let us):
        dispatched = false
        unlocked { Self.spin(us) }
      case .yield(let line):
        record(.threadStop(task: task, cpu: cpu(), line: line, awaiting: .yieldNow))
        record(.threadReady(task: task, cpu: cpu()))
        unlocked { _ = sched_yield() }
      case .block(let line, let awaiting, let afterUs):
        record(.threadStop(task: task, cpu: cpu(), line: line, awaiting: awaiting))
        sampleThreads()
        switch (awaiting, afterUs) {
        case (.sleep, .some(let us)), (.other, .some(let us)):
          // nanosleep for `sleep` and for a blocking call (`block`).
          unlocked { Syscall.sleep(nanoseconds: us * 1_000) }
        default:
          futexWait(thread, afterUs: afterUs)
        }
        if end != nil { return }
        record(.threadReady(task: task, cpu: cpu()))
      case .request(let line, let awaiting, let request):
        record(.threadStop(task: task, cpu: cpu(), line: line, awaiting: awaiting))
        sampleThreads()
        guard let client = thread.client ?? connect(thread) else { return }
        let reply = unlocked {
          client.call(resource: request.resource, op: request.op, argument: request.argument)
        }
        if end != nil { return }
        guard let reply else {
          refuse("the server did not answer \(request.op)")
          return
        }
        request.reply(reply)
        record(.threadReady(task: task, cpu: cpu()))
      case .exit:
        thread.exited = true
        census.exited()
        record(.complete(task: task))
        if t == 0 {
          finish(nil)
        } else {
          onThreadExit?(task)
          checkStuck()
        }
        return
      }
    }
  }

  /// The thread's socket to the server, opened at its first resource call.
  private func connect(_ thread: RealThread) -> DatagramPeer.Client? {
    do {
      let client = try DatagramPeer.Client(peer: peer)
      thread.client = client
      return client
    } catch {
      refuse(error.message)
      return nil
    }
  }

  /// Runs `body` without the interpreter lock (a blocking call, a computation).
  private func unlocked<T>(_ body: () -> T) -> T {
    pthread_mutex_unlock(gil)
    defer { pthread_mutex_lock(gil) }
    return body()
  }

  /// Waits on the thread's condition variable (a futex) until `wake`, the
  /// deadline `afterUs` from now, or the end of the run.
  private func futexWait(_ thread: RealThread, afterUs: Int64?) {
    thread.wait = .waiting(forever: afterUs == nil)
    if afterUs == nil {
      foreverWaiters += 1
      checkStuck()
    }
    var deadline = Self.deadline(afterNs: (afterUs ?? 0) * 1_000)
    while end == nil, case .waiting = thread.wait {
      if afterUs == nil {
        pthread_cond_wait(thread.cond, gil)
      } else if pthread_cond_timedwait(thread.cond, gil, &deadline) == ETIMEDOUT {
        break
      }
    }
    thread.wait = .running
  }
}
