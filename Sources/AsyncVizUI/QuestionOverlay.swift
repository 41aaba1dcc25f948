import AsyncVizQuiz

/// The prediction overlay. A question sits at the bottom of the screen, so
/// that the panels the learner predicts from stay in view; its answer fills
/// a larger box: the verdict, the narration of the step it was about, and
/// why each other answer was wrong.
enum QuestionOverlay {
  /// One line of the box and how it is drawn.
  private typealias Line = (text: String, style: CellStyle)

  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer) {
    guard let prediction = cx.model.prediction, let shown = prediction.shown else { return }
    switch shown {
    case .asking(let i):
      drawQuestion(prediction, i, cx, into: &buffer)
    case .revealed(let i, let chosen):
      drawAnswer(prediction, i, chosen: chosen, cx, into: &buffer)
    }
  }

  private static func drawQuestion(
    _ prediction: Prediction, _ i: Int, _ cx: PanelContext, into buffer: inout CellBuffer
  ) {
    let question = prediction.plan.questions[i]
    let width = buffer.width
    let textWidth = width - 4
    var lines: [Line] = TextWrap.lines(question.prompt, width: textWidth).map {
      ($0, CellStyle(.text, bold: true))
    }
    for c in question.choices.indices {
      lines += hanging(QuizText.choiceLine(question, c), width: textWidth).map { ($0, .plain) }
    }
    let last = QuizText.letter(question.choices.count - 1)
    lines.append(
      (
        "a-\(last) or 1-\(question.choices.count): answer   Esc: skip   p: stop predicting   q: quit",
        CellStyle(.dim)
      ))
    let height = min(lines.count + 2, buffer.height - 2)
    let rect = Rect(x: 0, y: max(0, buffer.height - 2 - height), width: width, height: height)
    let title = "Predict: question \(i + 1) of \(prediction.plan.questions.count)"
    fill(rect, title: title, lines: lines, cx, into: &buffer)
  }

  private static func drawAnswer(
    _ prediction: Prediction, _ i: Int, chosen: Int, _ cx: PanelContext, into buffer: inout CellBuffer
  ) {
    let question = prediction.plan.questions[i]
    let width = buffer.width
    let textWidth = width - 4
    let verdict = QuizText.verdict(question, chosen: chosen)
    let style = CellStyle(chosen == question.correct ? .done : .warning, bold: true)
    var lines: [Line] = TextWrap.lines(verdict[0], width: textWidth).map { ($0, style) }
    lines += verdict.dropFirst().flatMap { TextWrap.lines($0, width: textWidth) }.map { ($0, .plain) }
    lines.append(("What the run did (step \(question.revealStep)):", CellStyle(.title, bold: true)))
    for note in QuizText.narration(question, history: cx.model.history, limit: 4) {
      lines += hanging(note, width: textWidth, indent: 2).map { ($0, .plain) }
    }
    lines.append(("The other answers:", CellStyle(.title, bold: true)))
    for reason in QuizText.otherReasons(question) {
      lines += hanging(reason, width: textWidth).map { ($0, .plain) }
    }
    let footer = "\(prediction.score.summary[0])   any key: go on   p: stop predicting   q: quit"
    let room = buffer.height - 4
    if lines.count + 1 > room {
      lines = Array(lines.prefix(room - 2)) + [("...", CellStyle(.dim))]
    }
    lines.append((footer, CellStyle(.dim)))
    let height = lines.count + 2
    let rect = Rect(x: 0, y: max(0, (buffer.height - 2 - height) / 2), width: width, height: height)
    fill(rect, title: "Predict: the answer", lines: lines, cx, into: &buffer)
  }

  /// `text` wrapped, its continuation lines indented past "a) ".
  private static func hanging(_ text: String, width: Int, indent: Int = 3) -> [String] {
    let wrapped = TextWrap.lines(text, width: width)
    guard let first = wrapped.first else { return [] }
    if wrapped.count == 1 { return [first] }
    let rest = TextWrap.lines(wrapped.dropFirst().joined(separator: " "), width: width - indent)
    return [first] + rest.map { String(repeating: " ", count: indent) + $0 }
  }

  private static func fill(
    _ rect: Rect, title: String, lines: [Line], _ cx: PanelContext, into buffer: inout CellBuffer
  ) {
    buffer.fill(rect)
    buffer.box(rect, title: title, glyphs: cx.glyphs)
    let inner = rect.interior
    for (row, line) in lines.prefix(inner.height).enumerated() {
      buffer.write(line.text, x: inner.x + 1, y: inner.y + row, style: line.style, limit: inner.maxX - 1)
    }
  }
}
