/// One task's future and, once it finished, its output, in its cell: read
/// back by its join handles as the `OutputBox<T>` it also is.
@usableFromInline
final class FutureBox<F: Future>: OutputBox<F.Output> {
  /// The future, stored inline. Unchecked exclusivity: a class's `var`
  /// otherwise costs a dynamic exclusivity check per access, and only the
  /// executor touches it, one poll at a time.
  @exclusivity(unchecked) @usableFromInline var future: F

  @usableFromInline
  init(_ future: F, run: @escaping (TaskCell, inout Context, _ cancel: Bool) -> Bool) {
    self.future = future
    super.init(run: run)
  }

  /// Stores the output; the future is never polled again.
  @inlinable
  func finish(_ value: F.Output) {
    self.value = value
    finished = true
  }
}

/// Where a finished task's output waits for its join handles.
@usableFromInline
class OutputBox<T>: TaskCell {
  /// The output; set once, when the future returns Ready. Unchecked
  /// exclusivity, as `FutureBox.future`: the executor and the join handles
  /// touch it on the one executor thread, never overlapping.
  @exclusivity(unchecked) @usableFromInline var value: T?
  /// Whether the future finished (or was cancelled): it is never polled again.
  @exclusivity(unchecked) @usableFromInline var finished = false
}
