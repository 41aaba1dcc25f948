import AsyncVizTrace
import AsyncVizTraceState

// Each event kind's JSON form in one place: its fields (checked by the
// reader), how the writer writes them, how the reader makes the payload.
// A new kind's codec is one case in each of the three switches below.

extension EventKind {
  /// "a" or "an", for messages.
  var article: String { [.ioSend, .output].contains(self) ? "an" : "a" }

  /// The kind's own fields (besides seq, step, t_us, kind, note); for
  /// `wake`, `fd` and `from_task` are checked separately.
  var fields: [EventField] {
    switch self {
    case .spawn: [.task, .parent, .name]
    case .schedule: [.task, .cause, .position]
    case .pollStart, .complete, .timerFire, .wakerClone, .wakerDrop, .deferWake, .taskDrop: [.task]
    case .pollEnd: [.task, .result, .line, .awaiting]
    case .register: [.task, .fd, .interest]
    case .deregister: [.fd]
    case .reactorWait: [.timeoutUs]
    case .reactorReady: [.fd, .readiness]
    case .timerSet, .timerCancel: [.task, .deadlineUs]
    case .wake: [.task, .by]
    case .ioSend: [.task, .fd, .resource, .op]
    case .output: [.task, .text]
    case .block: [.task, .durUs]
    case .lint: [.task, .code, .message]
    case .futureMade, .futurePolled: [.task, .line, .label]
    case .phase: [.phase]
    case .microtaskQueue, .microtaskRun: [.task, .job]
    case .immediateQueue, .immediateRun, .callPush: [.task]
    case .callPop: [.task, .line, .awaiting]
    case .threadRun, .threadReady: [.task, .cpu]
    case .threadStop: [.task, .cpu, .line, .awaiting]
    case .goRunqPut: [.task, .p, .slot]
    case .goExecute: [.task, .p, .m]
    case .goPark: [.task, .line, .reason]
    case .goSyscall: [.task, .m, .durUs]
    case .goSyscallExit: [.task, .m, .p]
    case .goHandoff: [.p, .m]
    case .goPreempt: [.task, .p]
    case .goIdle: [.p]
    }
  }

  /// Presence masks of the required fields, by kind.
  static let requiredMasks: [UInt64] = allCases.map { kind in
    kind.fields.reduce(
      EventField.seq.bit | EventField.step.bit | EventField.tUs.bit | EventField.kind.bit
        | EventField.note.bit
    ) {
      $0 | $1.bit
    }
  }

  /// The kind named `bytes`.
  static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> EventKind? {
    for k in allCases where bytesEqual(bytes, k.name) { return k }
    return nil
  }
}

extension TraceJSONWriter {
  /// The kind and its fields, after `"t_us":N` and before `"note"`.
  static func writeFields(of payload: EventPayload, in trace: Trace, into out: inout JSONBytes) {
    switch payload {
    case .spawn(let task, let parent):
      head(",\"kind\":\"spawn\",\"task\":", task, &out)
      out.raw(",\"parent\":")
      out.int(parent.map { Int64($0.rawValue) })
      out.raw(",\"name\":")
      out.quoted(trace.task(task)?.name ?? "")
    case .schedule(let task, let cause, let position):
      head(",\"kind\":\"schedule\",\"task\":", task, &out)
      out.raw(cause == .spawn ? ",\"cause\":\"spawn\",\"position\":" : ",\"cause\":\"wake\",\"position\":")
      out.int(Int64(position))
    case .pollStart(let task):
      head(",\"kind\":\"poll_start\",\"task\":", task, &out)
    case .pollEnd(let task, let result, let line, let awaiting):
      head(",\"kind\":\"poll_end\",\"task\":", task, &out)
      out.raw(result == .ready ? ",\"result\":\"ready\",\"line\":" : ",\"result\":\"pending\",\"line\":")
      out.int(line == 0 ? nil : Int64(line))
      out.raw(",\"awaiting\":")
      writeAwaited(awaiting, in: trace, to: &out)
    case .complete(let task):
      head(",\"kind\":\"complete\",\"task\":", task, &out)
    case .register(let task, let fd, let interest):
      head(",\"kind\":\"register\",\"task\":", task, &out)
      out.raw(",\"fd\":")
      out.int(Int64(fd))
      out.raw(interest == .read ? ",\"interest\":\"read\"" : ",\"interest\":\"write\"")
    case .deregister(let fd):
      out.raw(",\"kind\":\"deregister\",\"fd\":")
      out.int(Int64(fd))
    case .reactorWait(let timeout):
      out.raw(",\"kind\":\"reactor_wait\",\"timeout_us\":")
      out.int(timeout)
    case .reactorReady(let fd, let readiness):
      out.raw(",\"kind\":\"reactor_ready\",\"fd\":")
      out.int(Int64(fd))
      out.raw(readiness == .read ? ",\"readiness\":\"read\"" : ",\"readiness\":\"write\"")
    case .timerSet(let task, let deadline, let purpose):
      head(",\"kind\":\"timer_set\",\"task\":", task, &out)
      out.raw(",\"deadline_us\":")
      out.int(deadline)
      if let purpose { word(",\"purpose\":\"", purpose.word, &out) }
    case .timerFire(let task):
      head(",\"kind\":\"timer_fire\",\"task\":", task, &out)
    case .timerCancel(let task, let deadline):
      head(",\"kind\":\"timer_cancel\",\"task\":", task, &out)
      out.raw(",\"deadline_us\":")
      out.int(deadline)
    case .wake(let task, let by, let fd, let from):
      writeWake(task, by: by, fd: fd, from: from, into: &out)
    case .wakerClone(let task):
      head(",\"kind\":\"waker_clone\",\"task\":", task, &out)
    case .wakerDrop(let task):
      head(",\"kind\":\"waker_drop\",\"task\":", task, &out)
    case .ioSend(let task, let fd, let resource, let op):
      head(",\"kind\":\"io_send\",\"task\":", task, &out)
      out.raw(",\"fd\":")
      out.int(Int64(fd))
      out.raw(",\"resource\":")
      out.quoted(trace.string(resource))
      out.raw(",\"op\":")
      out.quoted(trace.string(op))
    case .output(let task, let text):
      head(",\"kind\":\"output\",\"task\":", task, &out)
      out.raw(",\"text\":")
      out.quoted(trace.string(text))
    case .block(let task, let dur, let line):
      head(",\"kind\":\"block\",\"task\":", task, &out)
      out.raw(",\"dur_us\":")
      out.int(dur)
      // Optional (added later): a trace without it still reads.
      if line != 0 { number(",\"line\":", line, &out) }
    case .lint(let task, let code, let detail):
      head(",\"kind\":\"lint\",\"task\":", task, &out)
      out.raw(",\"code\":\"")
      out.raw(code.word)
      out.raw("\",\"message\":")
      out.quoted(trace.string(detail))
    case .deferWake(let task):
      head(",\"kind\":\"defer\",\"task\":", task, &out)
    case .taskDrop(let task):
      head(",\"kind\":\"task_drop\",\"task\":", task, &out)
    case .futureMade(let task, let line, let label):
      head(",\"kind\":\"future_made\",\"task\":", task, &out)
      number(",\"line\":", line, &out)
      out.raw(",\"label\":")
      out.quoted(trace.string(label))
    case .futurePolled(let task, let line, let label):
      head(",\"kind\":\"future_polled\",\"task\":", task, &out)
      number(",\"line\":", line, &out)
      out.raw(",\"label\":")
      out.quoted(trace.string(label))
    case .phase(let phase):
      word(",\"kind\":\"phase\",\"phase\":\"", phase.word, &out)
    case .microtaskQueue(let task, let job):
      head(",\"kind\":\"microtask_queue\",\"task\":", task, &out)
      word(",\"job\":\"", job.word, &out)
    case .microtaskRun(let task, let job):
      head(",\"kind\":\"microtask_run\",\"task\":", task, &out)
      word(",\"job\":\"", job.word, &out)
    case .immediateQueue(let task):
      head(",\"kind\":\"immediate_queue\",\"task\":", task, &out)
    case .immediateRun(let task):
      head(",\"kind\":\"immediate_run\",\"task\":", task, &out)
    case .callPush(let task):
      head(",\"kind\":\"call_push\",\"task\":", task, &out)
    case .callPop(let task, let line, let awaiting):
      head(",\"kind\":\"call_pop\",\"task\":", task, &out)
      writeLineAndAwaiting(line, awaiting, in: trace, into: &out)
    case .threadRun(let task, let cpu):
      head(",\"kind\":\"thread_run\",\"task\":", task, &out)
      number(",\"cpu\":", cpu, &out)
    case .threadReady(let task, let cpu):
      head(",\"kind\":\"thread_ready\",\"task\":", task, &out)
      number(",\"cpu\":", cpu, &out)
    case .threadStop(let task, let cpu, let line, let awaiting):
      head(",\"kind\":\"thread_stop\",\"task\":", task, &out)
      number(",\"cpu\":", cpu, &out)
      writeLineAndAwaiting(line, awaiting, in: trace, into: &out)
    case .goRunqPut(let task, let p, let slot):
      head(",\"kind\":\"go_runq_put\",\"task\":", task, &out)
      number(",\"p\":", p, &out)
      word(",\"slot\":\"", slot.word, &out)
    case .goExecute(let task, let p, let m):
      head(",\"kind\":\"go_execute\",\"task\":", task, &out)
      number(",\"p\":", p, &out)
      number(",\"m\":", m, &out)
    case .goPark(let task, let line, let reason):
      head(",\"kind\":\"go_park\",\"task\":", task, &out)
      out.raw(",\"line\":")
      out.int(line == 0 ? nil : Int64(line))
      word(",\"reason\":\"", reason.word, &out)
    case .goSyscall(let task, let m, let dur):
      head(",\"kind\":\"go_syscall\",\"task\":", task, &out)
      number(",\"m\":", m, &out)
      out.raw(",\"dur_us\":")
      out.int(dur)
    case .goSyscallExit(let task, let m, let p):
      head(",\"kind\":\"go_syscall_exit\",\"task\":", task, &out)
      number(",\"m\":", m, &out)
      number(",\"p\":", p, &out)
    case .goHandoff(let p, let m):
      number(",\"kind\":\"go_handoff\",\"p\":", p, &out)
      number(",\"m\":", m, &out)
    case .goPreempt(let task, let p):
      head(",\"kind\":\"go_preempt\",\"task\":", task, &out)
      number(",\"p\":", p, &out)
    case .goIdle(let p):
      number(",\"kind\":\"go_idle\",\"p\":", p, &out)
    }
  }

  // The small fields of the node, threads and go kinds are written by these
  // two: one way to write a number (a line, a CPU, a P, an M) and one to
  // write a vocabulary word, instead of a helper per kind.

  /// A key and a small number (a line, a CPU, a P's or an M's index; -1 for none).
  private static func number(_ keys: StaticString, _ n: Int32, _ out: inout JSONBytes) {
    out.raw(keys)
    out.int(Int64(n))
  }

  /// `keys` (ending in the opening quote), a vocabulary word, the closing quote.
  private static func word(_ keys: StaticString, _ word: StaticString, _ out: inout JSONBytes) {
    out.raw(keys)
    out.raw(word)
    out.byte(UInt8(ascii: "\""))
  }

  /// `,"line":N|null,"awaiting":...`: where a unit stopped and on what (as `poll_end` writes them).
  private static func writeLineAndAwaiting(
    _ line: Int32, _ awaiting: Awaited, in trace: Trace, into out: inout JSONBytes
  ) {
    out.raw(",\"line\":")
    out.int(line == 0 ? nil : Int64(line))
    out.raw(",\"awaiting\":")
    writeAwaited(awaiting, in: trace, to: &out)
  }

  /// The kind and task keys, then the task id.
  @inline(__always)
  private static func head(_ keys: StaticString, _ task: TaskID, _ out: inout JSONBytes) {
    out.raw(keys)
    out.int(Int64(task.rawValue))
  }

  /// `awaiting`'s value: `Awaited.label(in:)` quoted (null for nothing),
  /// written piece by piece so that no text is built per event.
  private static func writeAwaited(_ awaited: Awaited, in trace: Trace, to out: inout JSONBytes) {
    switch awaited {
    case .nothing: out.raw("null")
    case .resourceCall(let resource, let op): dotted(trace.string(resource), trace.string(op), &out)
    case .joinHandle(let task):
      out.raw("\"join #")
      out.int(Int64(task.rawValue))
      out.byte(UInt8(ascii: "\""))
    case .channelSend(let channel): dotted(trace.string(channel), "send", &out)
    case .channelRecv(let channel): dotted(trace.string(channel), "recv", &out)
    case .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake:
      out.byte(UInt8(ascii: "\""))
      if let word = awaited.word { out.raw(word) }
      out.byte(UInt8(ascii: "\""))
    case .other(let text): out.quotedOrNull(trace.string(text))
    }
  }

  /// `"NAME.OP"`.
  private static func dotted(_ name: String, _ op: String, _ out: inout JSONBytes) {
    out.byte(UInt8(ascii: "\""))
    out.escaped(name)
    out.byte(UInt8(ascii: "."))
    out.escaped(op)
    out.byte(UInt8(ascii: "\""))
  }

  /// `wake`: `by`, then `fd` (reactor) or `from_task` (task).
  private static func writeWake(
    _ task: TaskID, by: WakeSource, fd: Int32?, from: TaskID?, into out: inout JSONBytes
  ) {
    head(",\"kind\":\"wake\",\"task\":", task, &out)
    switch by {
    case .reactor:
      out.raw(",\"by\":\"reactor\",\"fd\":")
      out.int(fd.map { Int64($0) })
    case .timer:
      out.raw(",\"by\":\"timer\"")
    case .task:
      out.raw(",\"by\":\"task\",\"from_task\":")
      out.int(from.map { Int64($0.rawValue) })
    case .own:
      out.raw(",\"by\":\"self\"")
    case .deferred:
      out.raw(",\"by\":\"defer\"")
    }
  }
}
