import HeapModule

/// The backend's open resource connections, with the bookkeeping the wait
/// needs to report answers due together in one list: per answer group, how
/// many watched connections have not been reported yet and when the last of
/// them is due, and a heap of expected answer times.
struct ConnectionTable {
  /// What a readiness report of an fd meant.
  enum Report {
    /// Not a resource connection (an fd the program owns).
    case other
    /// A connection reported for the first time since it was (re)armed.
    case new(AnswerGroup)
    /// A second edge of a connection already reported (the peer's close
    /// after its answer): not worth another ready entry.
    case duplicate
  }

  /// Connections by task-side fd, from `open` to `remove`.
  private(set) var byFd: [Int32: Connection] = [:]
  /// Watched, unreported connections per group; no zero entries.
  private var outstanding: [AnswerGroup: Int] = [:]
  /// The latest answer time of each group with outstanding connections.
  private var latestNs: [AnswerGroup: Int64] = [:]
  /// Expected answers of watched connections, earliest first (lazily pruned).
  private var expected = Heap<ExpectedAnswer>()
  /// Serial of the next connection.
  private var nextSerial = 0

  var isEmpty: Bool { byFd.isEmpty }

  subscript(fd: Int32) -> Connection? { byFd[fd] }

  mutating func open(fd: Int32, resource: String, answerAtNs: Int64, group: AnswerGroup) {
    byFd[fd] = Connection(resource: resource, serial: nextSerial, answerAtNs: answerAtNs, group: group)
    nextSerial += 1
  }

  /// `sent -> watched`: the fd joined the interest list.
  mutating func watched(_ fd: Int32) {
    guard let c = byFd[fd], c.phase == .sent else { return }
    arm(fd, c)
    expected.insert(ExpectedAnswer(atNs: c.answerAtNs, fd: fd, serial: c.serial))
  }

  /// `watched -> reported`, when a wait reports the fd.
  mutating func reported(_ fd: Int32) -> Report {
    guard let c = byFd[fd] else { return .other }
    guard c.phase == .watched else { return c.phase == .reported ? .duplicate : .other }
    byFd[fd]?.phase = .reported
    disarm(c.group)
    return .new(c.group)
  }

  /// `reported -> watched`: a read found no complete answer; the task waits again.
  mutating func rearmed(_ fd: Int32) {
    guard let c = byFd[fd], c.phase == .reported else { return }
    arm(fd, c)
  }

  /// Appends bytes read from the connection.
  mutating func append(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
    byFd[fd]?.received.append(contentsOf: bytes)
  }

  /// Forgets a connection; true if it was one.
  mutating func remove(_ fd: Int32) -> Bool {
    guard let c = byFd.removeValue(forKey: fd) else { return false }
    if c.phase == .watched { disarm(c.group) }
    return true
  }

  /// Forgets every connection and returns their fds.
  mutating func removeAll() -> [Int32] {
    let fds = Array(byFd.keys)
    self = ConnectionTable()
    return fds
  }

  /// When the last watched, unreported connection of `group` is due; nil if none is left.
  func latestOutstanding(in group: AnswerGroup) -> Int64? {
    outstanding[group] == nil ? nil : latestNs[group]
  }

  /// The earliest expected answer of a watched connection not yet reported.
  mutating func nextUnreported() -> ExpectedAnswer? {
    while let top = expected.min {
      if let c = byFd[top.fd], c.serial == top.serial, c.phase == .watched { return top }
      _ = expected.removeMin()
    }
    return nil
  }

  private mutating func arm(_ fd: Int32, _ c: Connection) {
    byFd[fd]?.phase = .watched
    outstanding[c.group, default: 0] += 1
    latestNs[c.group] = max(latestNs[c.group] ?? c.answerAtNs, c.answerAtNs)
  }

  private mutating func disarm(_ group: AnswerGroup) {
    let left = (outstanding[group] ?? 1) - 1
    outstanding[group] = left > 0 ? left : nil
    if left <= 0 { latestNs[group] = nil }
  }
}
