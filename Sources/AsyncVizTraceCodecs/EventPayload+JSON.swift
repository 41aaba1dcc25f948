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
}

extension TraceDecoder {
  /// The payload of a checked event.
  func makePayload(_ v: EventValues) throws(TraceReadError) -> EventPayload {
    switch v.kind {
    case .spawn:
      return .spawn(task: v.task, parent: v.parent)
    case .schedule:
      return .schedule(task: v.task, cause: ScheduleCause(rawValue: v.word) ?? .spawn, position: v.position)
    case .pollStart:
      return .pollStart(task: v.task)
    case .pollEnd:
      return .pollEnd(
        task: v.task, result: PollResult(rawValue: v.word) ?? .pending, line: v.line ?? 0,
        awaiting: v.awaiting)
    case .complete:
      return .complete(task: v.task)
    case .register:
      return .register(task: v.task, fd: v.fd, interest: Interest(rawValue: v.word) ?? .read)
    case .deregister:
      return .deregister(fd: v.fd)
    case .reactorWait:
      return .reactorWait(timeoutUs: v.timeoutUs)
    case .reactorReady:
      return .reactorReady(fd: v.fd, readiness: Interest(rawValue: v.word) ?? .read)
    case .timerSet:
      return .timerSet(task: v.task, deadlineUs: v.deadlineUs, purpose: v.purpose)
    case .timerFire:
      return .timerFire(task: v.task)
    case .timerCancel:
      return .timerCancel(task: v.task, deadlineUs: v.deadlineUs)
    case .wake:
      let by = WakeSource(rawValue: v.word) ?? .own
      return .wake(
        task: v.task, by: by, fd: by == .reactor ? v.fd : nil,
        fromTask: by == .task ? v.fromTask : nil)
    case .wakerClone:
      return .wakerClone(task: v.task)
    case .wakerDrop:
      return .wakerDrop(task: v.task)
    case .ioSend:
      return .ioSend(task: v.task, fd: v.fd, resource: v.resource, op: v.op)
    case .output:
      return .output(task: v.task, text: v.text)
    case .block:
      return .block(task: v.task, durUs: v.durUs, line: v.line ?? 0)
    case .lint:
      return .lint(task: v.task, code: LintCode(rawValue: v.word) ?? .lostWaker, detail: v.message)
    case .deferWake:
      return .deferWake(task: v.task)
    case .taskDrop:
      return .taskDrop(task: v.task)
    case .futureMade:
      return .futureMade(task: v.task, line: v.line ?? 0, label: v.label)
    case .futurePolled:
      return .futurePolled(task: v.task, line: v.line ?? 0, label: v.label)
    case .phase:
      return .phase(LoopPhase(rawValue: v.word) ?? .timers)
    case .microtaskQueue:
      return .microtaskQueue(task: v.task, job: MicrotaskJob(rawValue: v.word) ?? .resume)
    case .microtaskRun:
      return .microtaskRun(task: v.task, job: MicrotaskJob(rawValue: v.word) ?? .resume)
    case .immediateQueue:
      return .immediateQueue(task: v.task)
    case .immediateRun:
      return .immediateRun(task: v.task)
    case .callPush:
      return .callPush(task: v.task)
    case .callPop:
      return .callPop(task: v.task, line: v.line ?? 0, awaiting: v.awaiting)
    case .threadRun:
      return .threadRun(task: v.task, cpu: v.cpu)
    case .threadReady:
      return .threadReady(task: v.task, cpu: v.cpu)
    case .threadStop:
      return .threadStop(task: v.task, cpu: v.cpu, line: v.line ?? 0, awaiting: v.awaiting)
    case .goRunqPut:
      return .goRunqPut(task: v.task, p: v.p, slot: GoRunSlot(rawValue: v.word) ?? .local)
    case .goExecute:
      return .goExecute(task: v.task, p: v.p, m: v.m)
    case .goPark:
      return .goPark(task: v.task, line: v.line ?? 0, reason: GoWaitReason(rawValue: v.word) ?? .sleep)
    case .goSyscall:
      return .goSyscall(task: v.task, m: v.m, durUs: v.durUs)
    case .goSyscallExit:
      return .goSyscallExit(task: v.task, m: v.m, p: v.p)
    case .goHandoff:
      return .goHandoff(p: v.p, m: v.m)
    case .goPreempt:
      return .goPreempt(task: v.task, p: v.p)
    case .goIdle:
      return .goIdle(p: v.p)
    }
  }
}
