import AsyncVizTrace
import DequeModule

/// A bounded multi-producer multi-consumer channel (tokio's `mpsc::channel`
/// with several receivers allowed). `send` waits while the buffer is full
/// (backpressure); `recv` waits while it is empty. Waiters are woken in FIFO
/// order, one per item moved.
public final class Channel<T> {
  /// The name used in programs and traces.
  public let name: String
  /// Maximum buffered items; at least 1.
  public let capacity: Int
  /// Buffered items, oldest first; never more than `capacity`.
  var buffer = Deque<T>()
  /// Wakers of tasks waiting to send, oldest first.
  var sendWaiters = Deque<Waker>()
  /// Wakers of tasks waiting to receive, oldest first.
  var recvWaiters = Deque<Waker>()

  /// Makes an empty channel.
  public init(name: String, capacity: Int) {
    self.name = name
    self.capacity = max(1, capacity)
  }

  /// Items in the buffer.
  public var count: Int { buffer.count }

  /// A future that sends `value`.
  public func send(_ value: T) -> ChannelSend<T> { ChannelSend(channel: self, value: value) }

  /// A future that receives the next value.
  public func recv() -> ChannelRecv<T> { ChannelRecv(channel: self) }
}

/// Sends one value; Pending while the channel is full.
public struct ChannelSend<T>: Future {
  let channel: Channel<T>
  private var value: T?
  /// The waker in `sendWaiters` while waiting.
  private var wait = ChannelWait()

  init(channel: Channel<T>, value: T) {
    self.channel = channel
    self.value = value
  }

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if channel.buffer.count < channel.capacity, let v = value {
      value = nil
      wait.leave(&channel.sendWaiters, &cx)
      channel.buffer.append(v)
      if let r = channel.recvWaiters.popFirst() { cx.wake(r) }
      return .ready(())
    }
    wait.park(in: &channel.sendWaiters, channel: channel.name, &cx)
    cx.suspend(on: .channelSend(channel: wait.name))
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) { wait.leave(&channel.sendWaiters, &cx) }
}

/// Receives one value; Pending while the channel is empty.
public struct ChannelRecv<T>: Future {
  let channel: Channel<T>
  /// The waker in `recvWaiters` while waiting.
  private var wait = ChannelWait()

  init(channel: Channel<T>) { self.channel = channel }

  public mutating func poll(_ cx: inout Context) -> Poll<T> {
    if let v = channel.buffer.popFirst() {
      wait.leave(&channel.recvWaiters, &cx)
      if let s = channel.sendWaiters.popFirst() { cx.wake(s) }
      return .ready(v)
    }
    wait.park(in: &channel.recvWaiters, channel: channel.name, &cx)
    cx.suspend(on: .channelRecv(channel: wait.name))
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) { wait.leave(&channel.recvWaiters, &cx) }
}
