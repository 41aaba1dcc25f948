/// Type-erased storage of one task's future, polled by the executor.
///
/// The erasure is done with closures formed in `TaskCell.make`, which is
/// `@inlinable`: the caller's module specializes it for the concrete future,
/// so a poll is one indirect call into specialized code. A generic subclass
/// would dispatch through its vtable to the unspecialized generic body, where
/// every `Poll<F.Output>` goes through runtime metadata: measured 3x slower.
@usableFromInline
final class TaskCell {
  /// Polls the future once; true when it finished (its output is then in `output`).
  @usableFromInline let pollFuture: (inout Context) -> Bool
  /// Releases an unfinished future (Rust's drop); safe to call after it finished.
  @usableFromInline let cancelFuture: (inout Context) -> Void
  /// Frees the future's storage; called once, from deinit.
  @usableFromInline let dispose: () -> Void
  /// An `OutputBox<F.Output>` holding the value once the future finished.
  @usableFromInline let output: AnyObject

  @usableFromInline
  init(
    poll: @escaping (inout Context) -> Bool, cancel: @escaping (inout Context) -> Void,
    dispose: @escaping () -> Void, output: AnyObject
  ) {
    self.pollFuture = poll
    self.cancelFuture = cancel
    self.dispose = dispose
    self.output = output
  }

  deinit { dispose() }

  /// Wraps `future` in a cell.
  @inlinable
  static func make<F: Future>(_ future: F) -> TaskCell {
    // The future lives behind a pointer the closures share: a `let` pointer
    // has no dynamic exclusivity checks (platform-notes.md). Safe because only
    // the executor touches it, one poll at a time, and `dispose` runs once,
    // when the cell (the closures' only owner) is destroyed.
    let storage = UnsafeMutablePointer<F>.allocate(capacity: 1)
    storage.initialize(to: future)
    let box = OutputBox<F.Output>()
    return TaskCell(
      poll: { cx in
        // The executor never polls a finished task, so no `finished` check here.
        switch storage.pointee.poll(&cx) {
        case .ready(let value):
          box.value = value
          box.finished = true
          return true
        case .pending:
          return false
        }
      },
      cancel: { cx in
        guard !box.finished else { return }
        box.finished = true
        storage.pointee.cancel(&cx)
      },
      dispose: {
        storage.deinitialize(count: 1)
        storage.deallocate()
      },
      output: box)
  }
}

/// Where a finished task's output waits for its join handles.
@usableFromInline
final class OutputBox<T> {
  /// The output; set once, when the future returns Ready.
  @usableFromInline var value: T?
  /// Whether the future finished (or was cancelled): it is never polled again.
  @usableFromInline var finished = false

  @usableFromInline init() {}
}
