/// The backend's open resource connections, by task-side fd. An fd is here
/// from `connect` to `close` (or `shutdown`), so the backend knows which fds
/// are connections (whose answers `receive` decodes) and which the program owns.
struct ConnectionTable {
  /// Connections by task-side fd.
  private(set) var byFd: [Int32: Connection] = [:]

  var isEmpty: Bool { byFd.isEmpty }

  subscript(fd: Int32) -> Connection? { byFd[fd] }

  mutating func open(fd: Int32, resource: String) {
    byFd[fd] = Connection(resource: resource)
  }

  /// Appends bytes read from the connection.
  mutating func append(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
    byFd[fd]?.received.append(contentsOf: bytes)
  }

  /// Forgets a connection; true if it was one.
  mutating func remove(_ fd: Int32) -> Bool {
    byFd.removeValue(forKey: fd) != nil
  }

  /// Forgets every connection and returns their fds.
  mutating func removeAll() -> [Int32] {
    let fds = Array(byFd.keys)
    byFd = [:]
    return fds
  }
}
