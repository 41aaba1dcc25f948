extension TraceJSONWriter {
  /// One event's object after `{"seq":`: seq, step, t_us, kind, task, the
  /// kind's fields, note.
  static func writeEvent(
    _ event: TraceEvent, seq: Int, in trace: Trace, context: NarrationContext, into out: inout JSONBytes
  ) {
    out.int(Int64(seq))
    out.raw(",\"step\":")
    out.int(Int64(event.step))
    out.raw(",\"t_us\":")
    out.int(event.tUs)
    switch event.payload {
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
      out.quotedOrNull(trace.string(awaiting))
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
    case .timerSet(let task, let deadline):
      head(",\"kind\":\"timer_set\",\"task\":", task, &out)
      out.raw(",\"deadline_us\":")
      out.int(deadline)
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
    case .block(let task, let dur):
      head(",\"kind\":\"block\",\"task\":", task, &out)
      out.raw(",\"dur_us\":")
      out.int(dur)
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
    }
    out.raw(",\"note\":\"")
    context.writeNote(for: event, in: trace, into: &out)
    out.raw("\"}")
  }

  /// The kind and task keys, then the task id.
  @inline(__always)
  private static func head(_ keys: StaticString, _ task: TaskID, _ out: inout JSONBytes) {
    out.raw(keys)
    out.int(Int64(task.rawValue))
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
