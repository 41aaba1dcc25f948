import AsyncVizTrace

/// Awaits another task's output, as in tokio's `JoinHandle`: awaiting it does
/// not run the task (it already runs on its own), it only waits for the end.
public struct JoinHandle<T>: Future {
  public typealias Output = T
  /// The awaited task.
  public let task: TaskID
  /// The stored waker while waiting: `idle -> waiting -> idle` (woken or done).
  private var waiting: Waker?

  @usableFromInline init(task: TaskID) { self.task = task }

  public mutating func poll(_ cx: inout Context) -> Poll<T> {
    let i = task.index
    if cx.core.pointee.slots[i].state == .done {
      // Our stored waker (if any) was consumed by the completion wake.
      waiting = nil
      // The output stays in the cell. A .av program cannot await a handle twice
      // (the type checker rejects it, as Rust does: the await moves the
      // handle); native code that polls again gets the same value.
      guard let box = cx.core.pointee.slots[i].cell.takeUnretainedValue() as? OutputBox<T>,
        let value = box.value
      else {
        // Only native code can get here: a handle is typed by the spawned future's output.
        preconditionFailure("join handle of \(task) does not match its task's output type")
      }
      return .ready(value)
    }
    if waiting == nil {
      let w = cx.storeWaker()
      waiting = w
      cx.core.pointee.joinWaiters[task, default: []].append(w)
    }
    cx.suspend(on: .joinHandle(task), line: 0)
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    guard let w = waiting else { return }
    waiting = nil
    if var list = cx.core.pointee.joinWaiters[task], let k = list.firstIndex(of: w) {
      list.remove(at: k)
      cx.core.pointee.joinWaiters[task] = list.isEmpty ? nil : list
      cx.dropWaker(w)
    }
  }
}
