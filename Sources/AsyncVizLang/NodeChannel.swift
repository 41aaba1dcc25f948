import AsyncVizNodeRuntime
import AsyncVizTrace

/// `channel NAME capacity N` under the node model: the translation's
/// promise-based bounded queue. `send` gives a fulfilled promise while there
/// is room (or a receiver waits, which it fulfills), else a pending one
/// fulfilled when a receiver makes room; `recv` gives a fulfilled promise of
/// the oldest value, else a pending one fulfilled by the next send. Waiters
/// are served first come, first served. Never closed.
final class NodeChannel {
  let name: String
  let capacity: Int
  private var items: [Value] = []
  private var receivers: [Promise<Value>] = []
  private var senders: [(value: Value, promise: Promise<Value>)] = []

  init(name: String, capacity: Int) {
    self.name = name
    self.capacity = capacity
  }

  func send(_ value: Value, run: NodeRun, by task: TaskID) -> Promise<Value> {
    let awaited = Awaited.channelSend(channel: run.name(name))
    if !receivers.isEmpty {
      run.resolve(receivers.removeFirst(), with: value, for: task)
      return Promise(loop: run.loop, fulfilled: .unit, awaited: awaited)
    }
    if items.count < capacity {
      items.append(value)
      return Promise(loop: run.loop, fulfilled: .unit, awaited: awaited)
    }
    let promise = Promise<Value>(loop: run.loop, awaited: awaited)
    senders.append((value, promise))
    return promise
  }

  func recv(run: NodeRun, by task: TaskID) -> Promise<Value> {
    let awaited = Awaited.channelRecv(channel: run.name(name))
    if !items.isEmpty {
      let value = items.removeFirst()
      if !senders.isEmpty {
        let sender = senders.removeFirst()
        items.append(sender.value)
        sender.promise.fulfill(.unit)
      }
      return Promise(loop: run.loop, fulfilled: value, awaited: awaited)
    }
    if !senders.isEmpty {
      let sender = senders.removeFirst()
      sender.promise.fulfill(.unit)
      return Promise(loop: run.loop, fulfilled: sender.value, awaited: awaited)
    }
    let promise = Promise<Value>(loop: run.loop, awaited: awaited)
    receivers.append(promise)
    return promise
  }
}
