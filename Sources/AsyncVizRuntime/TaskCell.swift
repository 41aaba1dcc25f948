/// Type-erased storage of one task's future, polled by the executor: the
/// root of `OutputBox<T>` and `FutureBox<F>`, so that a task's future, its
/// output and the functions that poll it are one object.
///
/// The erasure is done with functions formed in `TaskCell.make`, which is
/// `@inlinable`: the caller's module specializes it for the concrete future,
/// so a poll is one indirect call into specialized code. A method overridden
/// by the generic subclass would dispatch through its vtable to the
/// unspecialized generic body, where every `Poll<F.Output>` goes through
/// runtime metadata: measured 3x slower.
///
/// The functions capture nothing (they are handed the cell), so they need
/// no heap context: a task's future is one allocation, not six as when each
/// closure captured the future's storage (about 200 bytes less per task, and
/// no context to retain per poll). tokio's task is likewise one allocation:
/// a header (state, vtable pointer, queue link), then the future or its
/// output, then a trailer (the join waker).
@usableFromInline
class TaskCell {
  /// Polls the future once (`cancel` false; true when it finished, its output
  /// then stored), or releases an unfinished future, Rust's drop (`cancel`
  /// true; safe after it finished). One function, not two: 16 bytes less per task.
  @usableFromInline let run: (TaskCell, inout Context, _ cancel: Bool) -> Bool

  @usableFromInline
  init(run: @escaping (TaskCell, inout Context, _ cancel: Bool) -> Bool) {
    self.run = run
  }

  /// Polls the future once; true when it finished.
  @inline(__always)
  final func poll(_ cx: inout Context) -> Bool { run(self, &cx, false) }

  /// Drops the future if it has not finished.
  final func cancel(_ cx: inout Context) { _ = run(self, &cx, true) }

  /// Wraps `future` in a cell.
  @inlinable
  static func make<F: Future>(_ future: F) -> TaskCell {
    FutureBox(future) { cell, cx, cancel in
      // Unchecked: the function is only ever handed the box it was made with.
      let box = unsafeDowncast(cell, to: FutureBox<F>.self)
      if cancel {
        guard !box.finished else { return false }
        box.finished = true
        box.future.cancel(&cx)
        return false
      }
      // The executor never polls a finished task, so no `finished` check here.
      switch box.future.poll(&cx) {
      case .ready(let value):
        box.finish(value)
        return true
      case .pending:
        return false
      }
    }
  }
}
