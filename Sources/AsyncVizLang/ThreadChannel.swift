import AsyncVizThreadsRuntime
import AsyncVizTrace

/// `channel NAME capacity N` under the threads model: a bounded queue
/// guarded by a mutex, with two condition variables (not full, not empty).
/// A sender finding it full waits on "not full" (a futex); a receiver
/// finding it empty waits on "not empty". Simplified for teaching: a
/// signalled waiter is handed its value (or its slot) at the signal, so it
/// never finds the condition false again when it runs; the mutex is never
/// contended in virtual time (each critical section takes no time).
final class ThreadChannel {
  let name: String
  let capacity: Int
  private var items: [Value] = []
  private var receivers: [ThreadRunner] = []
  private var senders: [(value: Value, runner: ThreadRunner)] = []

  init(name: String, capacity: Int) {
    self.name = name
    self.capacity = capacity
  }

  func send(_ value: Value, by runner: ThreadRunner, in run: ThreadsRun) -> Made {
    if !receivers.isEmpty {
      let receiver = receivers.removeFirst()
      receiver.resume = { value }
      run.kernel.wake(receiver.task)
      return .value(.unit)
    }
    if items.count < capacity {
      items.append(value)
      return .value(.unit)
    }
    senders.append((value, runner))
    runner.resume = { .unit }
    return .action(.block(line: runner.line, awaiting: .channelSend(channel: run.name(name)), afterUs: nil))
  }

  func recv(by runner: ThreadRunner, in run: ThreadsRun) -> Made {
    if !items.isEmpty {
      let value = items.removeFirst()
      if !senders.isEmpty {
        let sender = senders.removeFirst()
        items.append(sender.value)
        run.kernel.wake(sender.runner.task)
      }
      return .value(value)
    }
    if !senders.isEmpty {
      let sender = senders.removeFirst()
      run.kernel.wake(sender.runner.task)
      return .value(sender.value)
    }
    receivers.append(runner)
    return .action(.block(line: runner.line, awaiting: .channelRecv(channel: run.name(name)), afterUs: nil))
  }
}
