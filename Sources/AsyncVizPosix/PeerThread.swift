import AsyncVizRuntime
import Glibc

/// The peer server's thread, started on the first request and joined at
/// shutdown. `idle -> running -> stopped`, or `idle -> stopped`; stopped is final.
struct PeerThread {
  /// The thread's life.
  enum State {
    /// Not started: no request has been made yet.
    case idle
    /// Serving `server` on thread `handle`.
    case running(handle: pthread_t, server: PeerServer)
    /// Joined (or never started); no request can be served any more.
    case stopped
  }

  /// The current state.
  private(set) var state = State.idle

  /// The server if its thread is running, else nil.
  var running: PeerServer? {
    if case .running(_, let server) = state { server } else { nil }
  }

  /// The running server, starting its thread first if needed.
  mutating func server(feed: Int32) throws(BackendError) -> PeerServer {
    switch state {
    case .running(_, let server):
      return server
    case .stopped:
      throw BackendError("connect: the backend has been shut down")
    case .idle:
      let server = PeerServer(feed: feed)
      let handle = try Syscall.startThread { server.run() }
      state = .running(handle: handle, server: server)
      return server
    }
  }

  /// Stops and joins the thread; the peer closes every connection it holds.
  mutating func stop() {
    if case .running(let handle, let server) = state {
      server.requestStop()
      pthread_join(handle, nil)
    }
    state = .stopped
  }
}
