import AsyncVizTrace
import AsyncVizTraceState

/// The keys an event object may have, as bits of a presence mask.
enum EventField: UInt8, CaseIterable {
  case seq, step, tUs, kind, task, parent, name, cause, position, result, line, awaiting, fd, interest
  case timeoutUs, readiness, deadlineUs, by, fromTask, resource, op, text, durUs, code, message, note

  /// The key in the file.
  var key: StaticString {
    switch self {
    case .seq: "seq"
    case .step: "step"
    case .tUs: "t_us"
    case .kind: "kind"
    case .task: "task"
    case .parent: "parent"
    case .name: "name"
    case .cause: "cause"
    case .position: "position"
    case .result: "result"
    case .line: "line"
    case .awaiting: "awaiting"
    case .fd: "fd"
    case .interest: "interest"
    case .timeoutUs: "timeout_us"
    case .readiness: "readiness"
    case .deadlineUs: "deadline_us"
    case .by: "by"
    case .fromTask: "from_task"
    case .resource: "resource"
    case .op: "op"
    case .text: "text"
    case .durUs: "dur_us"
    case .code: "code"
    case .message: "message"
    case .note: "note"
    }
  }

  /// This field's bit.
  @inline(__always) var bit: UInt32 { 1 << UInt32(rawValue) }

  /// The field whose key is `bytes` (by length, then the common keys first).
  static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> EventField? {
    switch bytes.count {
    case 2:
      if bytesEqual(bytes, "fd") { return .fd }
      if bytesEqual(bytes, "by") { return .by }
      if bytesEqual(bytes, "op") { return .op }
    case 3:
      if bytesEqual(bytes, "seq") { return .seq }
    case 4:
      if bytesEqual(bytes, "step") { return .step }
      if bytesEqual(bytes, "kind") { return .kind }
      if bytesEqual(bytes, "task") { return .task }
      if bytesEqual(bytes, "t_us") { return .tUs }
      if bytesEqual(bytes, "note") { return .note }
      if bytesEqual(bytes, "line") { return .line }
      if bytesEqual(bytes, "name") { return .name }
      if bytesEqual(bytes, "text") { return .text }
      if bytesEqual(bytes, "code") { return .code }
    case 5:
      if bytesEqual(bytes, "cause") { return .cause }
    case 6:
      if bytesEqual(bytes, "result") { return .result }
      if bytesEqual(bytes, "parent") { return .parent }
      if bytesEqual(bytes, "dur_us") { return .durUs }
    case 7:
      if bytesEqual(bytes, "message") { return .message }
    case 8:
      if bytesEqual(bytes, "position") { return .position }
      if bytesEqual(bytes, "awaiting") { return .awaiting }
      if bytesEqual(bytes, "interest") { return .interest }
      if bytesEqual(bytes, "resource") { return .resource }
    case 9:
      if bytesEqual(bytes, "readiness") { return .readiness }
      if bytesEqual(bytes, "from_task") { return .fromTask }
    case 10:
      if bytesEqual(bytes, "timeout_us") { return .timeoutUs }
    case 11:
      if bytesEqual(bytes, "deadline_us") { return .deadlineUs }
    default: break
    }
    return nil
  }
}

/// Whether `bytes` spell `word`.
@inline(__always)
func bytesEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
  let n = word.utf8CodeUnitCount
  guard bytes.count == n, let p = bytes.baseAddress else { return n == 0 && bytes.isEmpty }
  let w = word.utf8Start
  for i in 0..<n where p[i] != w[i] { return false }
  return true
}
