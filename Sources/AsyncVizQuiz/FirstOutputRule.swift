import AsyncVizTrace

/// "Which line prints first?": asked before the run starts, when the run
/// prints at least two different lines.
enum FirstOutputRule: RunRule {
  static func questions(in run: QuizRun) -> [QuizQuestion] {
    var lines: [(index: Int, task: TaskID, text: String)] = []
    for (i, event) in run.trace.events.enumerated() {
      if case .output(let task, let text) = event.payload {
        let line = run.trace.string(text)
        if !lines.contains(where: { $0.text == line }) { lines.append((i, task, line)) }
      }
    }
    guard let first = lines.first, lines.count >= 2 else { return [] }
    let right = QuizChoice.line(
      first.text,
      because: "\(run.label(first.task)) prints it first, at \(run.when(first.index)): it is the first "
        + "print the executor's polls reach.")
    // The last line first (the furthest from the truth), then the others in order.
    let others = [lines[lines.count - 1]] + lines.dropFirst().dropLast()
    let wrong = others.map { line in
      var why = "It prints later, at \(run.when(line.index)), by \(run.label(line.task))"
      if line.task.rawValue < first.task.rawValue {
        why +=
          "; \(run.label(line.task)) was created before \(run.label(first.task)), but was not polled to its print first"
      }
      return QuizChoice.line(line.text, because: why + ".")
    }
    let last = run.trace.events.step(at: first.index)
    let prompt = "Before the run starts: which line does the program print first?"
    return [
      QuizQuestion(
        .firstOutput, askedAt: 0, reveal: last, prompt: prompt, right: right, wrong: Array(wrong.prefix(3)))
    ]
  }
}
