import AsyncVizTrace

/// The top line: program, step k / n, virtual time, backend, play state and speed.
///
/// When the line is too narrow (a long program name, a real backend's
/// "real" time) whole fields are dropped, least important first, so no word
/// is ever cut: the step and the play state stay longest.
enum HeaderPanel {
  /// One field of the header and when it goes: fields with a lower `drop`
  /// are removed first.
  struct Field {
    var text: String
    var drop: Int
    var bold = false
  }

  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.fill(rect, style: CellStyle(.header))
    var (left, help) = fields(cx)
    // Drop fields until the line fits: one space before, two between, and
    // "? help" right-aligned with two spaces before it.
    func width() -> Int {
      let fieldsWidth = left.map { CharWidth.of($0.text) }.reduce(0, +) + 2 * max(0, left.count - 1)
      return 1 + fieldsWidth + (help.map { 2 + CharWidth.of($0.text) + 1 } ?? 1)
    }
    while width() > rect.width {
      let leftLowest = left.indices.min { left[$0].drop < left[$1].drop }
      if let h = help, leftLowest.map({ h.drop < left[$0].drop }) ?? true {
        help = nil
      } else if let i = leftLowest, left.count > 1 {
        left.remove(at: i)
      } else {
        break
      }
    }
    var x = rect.x + 1
    for field in left {
      x =
        buffer.write(
          field.text, x: x, y: rect.y, style: CellStyle(.header, bold: field.bold), limit: rect.maxX) + 2
    }
    if let help {
      buffer.writeRight(help.text + " ", end: rect.maxX, y: rect.y, style: CellStyle(.header, bold: true))
    }
  }

  /// The fields left to right, and the right-aligned help hint.
  static func fields(_ cx: PanelContext) -> (left: [Field], help: Field?) {
    let model = cx.model
    let steps: String
    if model.isReading {
      // The steps read so far; the file's length is known only at its end.
      steps = "step \(model.step)/\(model.history.lastStep)+ " + ViewerModel.readingText(model.readProgress)
    } else if model.history.isComplete || !model.isLive {
      steps = "step \(model.step)/\(model.history.lastStep)"
    } else {
      // A live run's length is not known until it ends.
      steps = "step \(model.step) (live)"
    }
    let real = cx.trace.program.backend == .sim ? "" : " real"
    let speed = model.speed == 1 ? "1 step/s" : "\(model.speed) steps/s"
    let left = [
      Field(text: "asyncviz", drop: 1, bold: true),
      Field(text: cx.trace.program.name, drop: 5),
      Field(
        // rust is the default and goes unnamed, unless the view can switch
        // models (m): then the model is a choice made here, and is named.
        text: cx.trace.program.model == .rust && model.access == .traceOnly
          ? "backend \(cx.trace.program.backend.rawValue)"
          : "\(cx.trace.program.model.rawValue), backend \(cx.trace.program.backend.rawValue)",
        drop: 2),
      Field(text: steps, drop: 9, bold: true),
      Field(text: "t = \(DurationText.instant(cx.state.nowUs))\(real)", drop: 6),
      Field(text: model.mode.name, drop: 7),
      Field(text: speed, drop: 3),
    ]
    return (left, Field(text: "? help", drop: 4))
  }
}
