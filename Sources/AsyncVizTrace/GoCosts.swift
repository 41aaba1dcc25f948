/// What the go model charges for goroutines. The scheduler, `compare`'s
/// memory column and the transcript's costs all read the stack size here,
/// so the three figures cannot drift apart.
public enum GoCosts {
  /// A new goroutine's stack (Go's `_StackMin`, runtime/stack.go); the go
  /// model does not grow stacks, so this is each live goroutine's share.
  public static let stackBytes: Int64 = 2048
}
