import Glibc

/// glibc's `pthread_getattr_np`, which Glibc's module hides (it needs
/// _GNU_SOURCE); the only way to learn a running thread's stack bounds.
@_silgen_name("pthread_getattr_np")
private func getThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>)
  -> Int32

/// Where the current thread's stack ends, so that nested polls can stop
/// before they overflow it, whatever the build (a debug build's frames are
/// several times larger), the thread (a test runner's threads have smaller
/// stacks than the main thread) or `ulimit -s`.
///
/// The depth limit stops every ordinary program long before this does, and
/// deterministically; this is the backstop for a large `--max-depth`.
struct StackGuard {
  /// The thread `floor` was computed for.
  private var thread: pthread_t?
  /// The lowest address a poll may reach (the stack grows down), with a
  /// reserve left for the error path, the backtracer and freeing futures.
  private(set) var floor: UInt = 0

  /// Room kept free below `floor`.
  static let reserve: UInt = 256 * 1024

  /// Makes `floor` right for the calling thread (cheap when it is the same
  /// thread as last time: reading a thread's stack bounds can mean reading
  /// /proc for the main thread).
  /// Inlined: it runs at every task poll. glibc's `pthread_t` is a number
  /// and its `pthread_equal` compares with `==`; calling it cost a call
  /// through the PLT per poll.
  @inline(__always)
  mutating func refresh() {
    let current = pthread_self()
    if thread == current { return }
    reread(current)
  }

  /// `refresh` on a thread other than last time's.
  private mutating func reread(_ current: pthread_t) {
    thread = current
    floor = 0
    var attributes = pthread_attr_t()
    guard getThreadAttributes(current, &attributes) == 0 else { return }
    defer { pthread_attr_destroy(&attributes) }
    var base: UnsafeMutableRawPointer?
    var size = 0
    guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return }
    floor = UInt(bitPattern: base) + min(UInt(size) / 2, StackGuard.reserve)
  }

  /// Whether the stack of the calling thread is below `floor`.
  @inline(never)
  func nearlyFull() -> Bool {
    var marker = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < floor
  }
}
