import AsyncVizExamples
import AsyncVizQuiz
import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// The answer a question's kind asks for, read from the raw events of the
/// trace here, without the rules' code: the check that every question's
/// correct answer is what the run did.
func answerFromEvents(_ question: QuizQuestion, in trace: Trace) -> QuizAnswer? {
  let next = trace.events.filter { $0.step == question.askedAtStep + 1 }.map(\.payload)
  var polled: TaskID? {
    for case .pollStart(let task) in next { return task }
    return nil
  }
  switch question.kind {
  case .nextPoll:
    return polled.map { .task($0) }
  case .reactorWakes:
    var woken: [TaskID] = []
    for case .wake(let task, _, _, _) in next where !woken.contains(task) { woken.append(task) }
    return .tasks(woken)
  case .pollResult:
    guard let polled else { return nil }
    for case .pollEnd(let task, let result, let line, let awaiting) in next where task == polled {
      return result == .ready ? .poll(.ready, .nothing, line: 0) : .poll(.pending, awaiting, line: line)
    }
    return nil
  case .endClock:
    return trace.end.map { .time($0.tUs) }
  case .wakeSource:
    // Who wakes the polled task next, after the poll's step; no one if nothing does.
    guard let polled else { return nil }
    let after = trace.events.drop { $0.step <= question.askedAtStep + 1 }.map(\.payload)
    for case .wake(let task, let by, _, _) in after where task == polled { return .wakeBy(by.name) }
    return .wakeBy("nobody")
  case .runEnd:
    guard let end = trace.end else { return nil }
    let dropped = trace.events.contains { if case .taskDrop = $0.payload { true } else { false } }
    if end.reason == .completed { return .ending(dropped ? .dropped : .completed) }
    return end.reason == .stuck ? .ending(.stuck) : end.reason == .maxSteps ? .ending(.maxSteps) : nil
  case .firstOutput:
    for case .output(_, let text) in trace.events.map(\.payload) { return .line(trace.string(text)) }
    return nil
  }
}

@Suite struct QuestionAnswerTests {
  @Test(arguments: DemoCatalog.all.map(\.name))
  func everyDemoYieldsFiveQuestionsWhoseAnswersTheTraceGives(_ name: String) {
    let trace = DemoTraces.trace(named: name)
    let questions = QuestionGenerator.candidates(for: TraceHistory(trace: trace))
    #expect(questions.count >= 5, "\(name): \(questions.count) questions")
    for question in questions {
      let expected = answerFromEvents(question, in: trace)
      #expect(
        expected != nil, "\(name) step \(question.askedAtStep): the trace does not answer \(question.prompt)")
      #expect(question.answer == expected, "\(name) step \(question.askedAtStep): \(question.prompt)")
      #expect((3...4).contains(question.choices.count))
      // Exactly one answer means what the trace gives, and every answer says why.
      #expect(question.choices.filter { $0.value == expected }.count == 1)
      #expect(question.choices.allSatisfy { !$0.reason.isEmpty && !$0.text.isEmpty })
      if case .impossible = question.answer { Issue.record("a trap is marked correct: \(question.prompt)") }
    }
  }

  @Test(arguments: DemoCatalog.all.map(\.name))
  func everyDemoAsksSeveralKinds(_ name: String) {
    let questions = QuestionGenerator.candidates(for: TraceHistory(trace: DemoTraces.trace(named: name)))
    #expect(Set(questions.map(\.kind)).count >= 3, "\(name): \(Set(questions.map(\.kind)))")
  }

  @Test func theEndClockOfDbThenServiceIsNeitherTheSumNorTheLongestWait() throws {
    let trace = DemoTraces.trace(named: "db-then-service")
    let questions = QuestionGenerator.candidates(for: TraceHistory(trace: trace))
    let clock = try #require(questions.first { $0.kind == .endClock })
    // Three handlers each wait 40 ms for db, then 25 ms for svc.
    #expect(clock.answer == .time(65_000))
    #expect(Set(clock.choices.map(\.value)) == [.time(65_000), .time(195_000), .time(40_000), .time(0)])
  }

  @Test func theEndClockOfALazyFutureIsTheSumOfItsWaitsInTurn() throws {
    let trace = DemoTraces.trace(named: "lazy-future")
    let questions = QuestionGenerator.candidates(for: TraceHistory(trace: trace))
    let clock = try #require(questions.first { $0.kind == .endClock })
    // main sleeps 50 ms, then awaits the lookup, whose 30 ms query leaves only then.
    #expect(clock.answer == .time(80_000))
    let right = clock.choices[clock.correct]
    #expect(right.reason.contains("one before it had ended") && right.reason.contains("their sum"))
    #expect(!right.reason.contains("at the same time"))
  }

  @Test func theNextPollTrapIsTheTaskQueuedLast() throws {
    let trace = DemoTraces.trace(named: "db-then-service")
    let questions = QuestionGenerator.candidates(for: TraceHistory(trace: trace))
    // After step 5 the reactor has woken #2, #3 and #4 in that order.
    let next = try #require(questions.first { $0.kind == .nextPoll && $0.askedAtStep == 5 })
    #expect(next.answer == .task(TaskID(2)))
    #expect(
      next.choices.contains { $0.value == .task(TaskID(4)) && $0.reason.contains("first in, first out") })
  }

  @Test func everyCandidateOfDbThenServiceAsWritten() {
    let history = TraceHistory(trace: DemoTraces.trace(named: "db-then-service"))
    var lines: [String] = []
    for question in QuestionGenerator.candidates(for: history) {
      lines.append("[\(question.kind.rawValue)] step \(question.askedAtStep) -> \(question.revealStep)")
      lines.append(question.prompt)
      for i in question.choices.indices {
        lines.append("  \(i == question.correct ? "*" : " ") \(QuizText.choiceLine(question, i))")
        lines.append("      \(question.choices[i].reason)")
      }
      lines.append("")
    }
    Golden.check(lines.joined(separator: "\n"), named: "db-then-service.questions.txt")
  }
}

@Suite struct LessonQuestionTests {
  @Test(arguments: DemoCatalog.all.map(\.name))
  func aLessonsQuestionsAreAskedWithTheTracesAnswer(_ name: String) {
    let trace = DemoTraces.trace(named: name)
    let history = TraceHistory(trace: trace)
    let lesson = LessonQuestions.named(name)
    let questions = QuestionGenerator.candidates(for: history, lesson: lesson)
    for written in lesson {
      let asked = questions.first { $0.prompt == written.prompt }
      #expect(asked?.fromLesson == true, "\(name): the lesson's question is not asked: \(written.prompt)")
      if let asked { #expect(asked.answer == answerFromEvents(asked, in: trace)) }
    }
    // A lesson's question takes the place of the rule's, it does not add one.
    #expect(questions.count == QuestionGenerator.candidates(for: history).count)
  }

  @Test func aLessonQuestionTheRunDisagreesWithIsNeverAsked() throws {
    let history = TraceHistory(trace: DemoTraces.trace(named: "join-concurrent"))
    var mistaken = try #require(LessonQuestions.named("join-concurrent").first)
    swap(&mistaken.right, &mistaken.wrong[0])  // claims 65 ms: the run ends at 40 ms
    let questions = QuestionGenerator.candidates(for: history, lesson: [mistaken])
    #expect(!questions.contains { $0.prompt == mistaken.prompt })
    #expect(questions.contains { $0.kind == .endClock && $0.answer == .time(40_000) })
  }
}

/// The rules speak tokio's scheduler: a node or go run of the same demo gets
/// no question (a question in tokio's words about Node's loop would be false),
/// while its rust run gets many.
@Test func onlyRustRunsAreAsked() {
  #expect(
    !QuestionGenerator.candidates(for: TraceHistory(trace: DemoTraces.trace(named: "db-then-service")))
      .isEmpty)
  #expect(
    QuestionGenerator.candidates(for: TraceHistory(trace: DemoTraces.nodeTrace(named: "db-then-service")))
      .isEmpty)
  #expect(
    QuestionGenerator.candidates(for: TraceHistory(trace: DemoTraces.goTrace(named: "db-then-service")))
      .isEmpty)
}
