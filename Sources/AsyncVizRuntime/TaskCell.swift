/// Type-erased storage of one task's future, polled by the executor.
///
/// The erasure is done with functions formed in `TaskCell.make`, which is
/// `@inlinable`: the caller's module specializes it for the concrete future,
/// so a poll is one indirect call into specialized code. A generic subclass
/// would dispatch through its vtable to the unspecialized generic body, where
/// every `Poll<F.Output>` goes through runtime metadata: measured 3x slower.
///
/// The functions capture nothing (the cell hands them its storage), so they
/// need no heap context each: a task is this object plus one allocation
/// (its future and its output) instead of six (about 150 bytes less per
/// task, and no context to retain per poll). tokio's task is likewise one
/// allocation: a header (state, vtable pointer, queue link), then the future
/// or its output, then a trailer (the join waker).
@usableFromInline
final class TaskCell {
  /// The future and its output (an `OutputBox<F>`).
  @usableFromInline let output: AnyObject
  /// Polls the future once; true when it finished (its output is then stored).
  @usableFromInline let pollFuture: (AnyObject, inout Context) -> Bool
  /// Releases an unfinished future (Rust's drop); safe to call after it finished.
  @usableFromInline let cancelFuture: (AnyObject, inout Context) -> Void

  @usableFromInline
  init(
    output: AnyObject, poll: @escaping (AnyObject, inout Context) -> Bool,
    cancel: @escaping (AnyObject, inout Context) -> Void
  ) {
    self.output = output
    self.pollFuture = poll
    self.cancelFuture = cancel
  }

  /// Polls the future once; true when it finished.
  @inline(__always)
  func poll(_ cx: inout Context) -> Bool { pollFuture(output, &cx) }

  /// Drops the future if it has not finished.
  func cancel(_ cx: inout Context) { cancelFuture(output, &cx) }

  /// Wraps `future` in a cell.
  @inlinable
  static func make<F: Future>(_ future: F) -> TaskCell {
    TaskCell(
      output: FutureBox(future),
      poll: { object, cx in
        // Unchecked: `output` is always the `FutureBox<F>` made just above.
        let box = unsafeDowncast(object, to: FutureBox<F>.self)
        // The executor never polls a finished task, so no `finished` check here.
        switch box.future.poll(&cx) {
        case .ready(let value):
          box.finish(value)
          return true
        case .pending:
          return false
        }
      },
      cancel: { object, cx in
        let box = unsafeDowncast(object, to: FutureBox<F>.self)
        guard !box.finished else { return }
        box.finished = true
        box.future.cancel(&cx)
      })
  }
}
