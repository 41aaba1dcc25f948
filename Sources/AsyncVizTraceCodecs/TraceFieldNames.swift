import AsyncVizTrace
import AsyncVizTraceState

/// The keys an event object may have, as bits of a presence mask (64 bits:
/// a key past the 32nd would shift out of a 32-bit mask and share bit 0
/// with no key, so that it was neither required nor checked for repeats).
enum EventField: UInt8, CaseIterable {
  case seq, step, tUs, kind, task, parent, name, cause, position, result, line, awaiting, fd, interest
  case timeoutUs, readiness, deadlineUs, by, fromTask, resource, op, text, durUs, code, message, note
  case label
  case phase, job, cpu
  // Go's scheduler: a P's and an M's index, a run queue slot, a wait reason.
  case p, m, slot, reason
  // A node or go timer's purpose.
  case purpose

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
    case .label: "label"
    case .phase: "phase"
    case .job: "job"
    case .cpu: "cpu"
    case .p: "p"
    case .m: "m"
    case .slot: "slot"
    case .reason: "reason"
    case .purpose: "purpose"
    }
  }

  /// This field's bit.
  @inline(__always) var bit: UInt64 { 1 << UInt64(rawValue) }

  /// The field whose key is `bytes` (by length, then the common keys first).
  /// Each key is spelled once, in `key`; a key listed under the wrong length
  /// is never found, which the reader's tests of every event kind would show.
  static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> EventField? {
    switch bytes.count {
    case 1:
      if bytesEqual(bytes, p.key) { return .p }
      if bytesEqual(bytes, m.key) { return .m }
    case 2:
      if bytesEqual(bytes, fd.key) { return .fd }
      if bytesEqual(bytes, by.key) { return .by }
      if bytesEqual(bytes, op.key) { return .op }
    case 3:
      if bytesEqual(bytes, seq.key) { return .seq }
      if bytesEqual(bytes, job.key) { return .job }
      if bytesEqual(bytes, cpu.key) { return .cpu }
    case 4:
      if bytesEqual(bytes, step.key) { return .step }
      if bytesEqual(bytes, kind.key) { return .kind }
      if bytesEqual(bytes, task.key) { return .task }
      if bytesEqual(bytes, tUs.key) { return .tUs }
      if bytesEqual(bytes, note.key) { return .note }
      if bytesEqual(bytes, line.key) { return .line }
      if bytesEqual(bytes, name.key) { return .name }
      if bytesEqual(bytes, text.key) { return .text }
      if bytesEqual(bytes, code.key) { return .code }
      if bytesEqual(bytes, slot.key) { return .slot }
    case 5:
      if bytesEqual(bytes, cause.key) { return .cause }
      if bytesEqual(bytes, label.key) { return .label }
      if bytesEqual(bytes, phase.key) { return .phase }
    case 6:
      if bytesEqual(bytes, result.key) { return .result }
      if bytesEqual(bytes, parent.key) { return .parent }
      if bytesEqual(bytes, durUs.key) { return .durUs }
      if bytesEqual(bytes, reason.key) { return .reason }
    case 7:
      if bytesEqual(bytes, message.key) { return .message }
      if bytesEqual(bytes, purpose.key) { return .purpose }
    case 8:
      if bytesEqual(bytes, position.key) { return .position }
      if bytesEqual(bytes, awaiting.key) { return .awaiting }
      if bytesEqual(bytes, interest.key) { return .interest }
      if bytesEqual(bytes, resource.key) { return .resource }
    case 9:
      if bytesEqual(bytes, readiness.key) { return .readiness }
      if bytesEqual(bytes, fromTask.key) { return .fromTask }
    case 10:
      if bytesEqual(bytes, timeoutUs.key) { return .timeoutUs }
    case 11:
      if bytesEqual(bytes, deadlineUs.key) { return .deadlineUs }
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
