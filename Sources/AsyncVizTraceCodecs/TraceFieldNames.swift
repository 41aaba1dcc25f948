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

  /// The field whose key is `bytes`.
  @inline(__always)
  static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> EventField? {
    guard bytes.count < byLength.count else { return nil }
    for field in byLength[bytes.count] where bytesEqual(bytes, field.key) { return field }
    return nil
  }

  /// The fields grouped by the length of their key, built from `key` so that
  /// each key is spelled once: a key is compared only with those of its length.
  private static let byLength: [[EventField]] = {
    var table: [[EventField]] = []
    for field in allCases {
      let n = field.key.utf8CodeUnitCount
      while table.count <= n { table.append([]) }
      table[n].append(field)
    }
    return table
  }()
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
