/// Type-erased storage of one task's future, polled by the executor.
///
/// A class hierarchy rather than an existential so that the executor makes one
/// virtual call per poll and `JoinHandle` can find the output by casting to
/// `OutputCell<T>`.
class TaskCell {
  /// Polls the future once; true when it finished (the output is stored).
  func poll(_ cx: inout Context) -> Bool { fatalError("abstract") }
  /// Releases an unfinished future (the run was abandoned).
  func cancel(_ cx: inout Context) {}
}

/// A task cell whose finished output can be taken by a join handle.
class OutputCell<T>: TaskCell {
  /// Set when the future finishes; taken (nil again) by the first joiner.
  var output: T?
}

/// The concrete cell of a future of type `F`.
final class FutureCell<F: Future>: OutputCell<F.Output> {
  /// The future, kept behind a pointer this cell owns: a `let` pointer is not
  /// subject to dynamic exclusivity checks, which otherwise cost more than the
  /// rest of a resumption (platform-notes.md). Safe because only the executor
  /// touches it, one poll at a time, and the cell frees it in `deinit`.
  private let storage: UnsafeMutablePointer<F>
  /// Whether the future returned Ready (it must not be polled or cancelled again).
  private var finished = false

  init(_ future: F) {
    storage = .allocate(capacity: 1)
    storage.initialize(to: future)
  }

  deinit {
    storage.deinitialize(count: 1)
    storage.deallocate()
  }

  override func poll(_ cx: inout Context) -> Bool {
    switch storage.pointee.poll(&cx) {
    case .ready(let value):
      output = value
      finished = true
      return true
    case .pending:
      return false
    }
  }

  override func cancel(_ cx: inout Context) {
    guard !finished else { return }
    finished = true
    storage.pointee.cancel(&cx)
  }
}
