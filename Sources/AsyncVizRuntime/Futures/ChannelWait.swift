import AsyncVizTrace
import DequeModule

/// What a channel future keeps while it waits: its waker in one of the
/// channel's waiter lists, and the channel's interned name. Sending and
/// receiving wait the same way, on opposite lists.
struct ChannelWait {
  /// The waker stored in the list while waiting.
  private var waiting: Waker?
  /// The channel's interned name, set on the first Pending poll (interned once, not per poll).
  private(set) var name: StringID = .empty

  /// Stores this task's waker at the back of `list` unless it is still there
  /// (a wake pops it, so a woken task that must wait again stores a new one).
  mutating func park(in list: inout Deque<Waker>, channel: String, _ cx: inout Context) {
    if waiting == nil || !list.contains(where: { $0 == waiting }) {
      let w = cx.storeWaker()
      waiting = w
      list.append(w)
    }
    if name == .empty { name = cx.intern(channel) }
  }

  /// Takes the stored waker out of `list` and drops it (the wait is over, or
  /// cancelled); a waker a wake already popped was consumed by that wake.
  mutating func leave(_ list: inout Deque<Waker>, _ cx: inout Context) {
    guard let w = waiting else { return }
    waiting = nil
    if let k = list.firstIndex(of: w) {
      list.remove(at: k)
      cx.dropWaker(w)
    }
  }
}
