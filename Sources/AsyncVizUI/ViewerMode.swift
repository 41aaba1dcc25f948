/// The viewer's play state. Transitions (see `ViewerModel.handle`):
/// `paused -> playing` (space), `playing -> paused` (space, or the run's end
/// reached while playing, or a manual step), `paused | playing -> help`
/// (`?`, remembering whether it was playing), `help -> paused | playing`
/// (any key closes the help and resumes what was interrupted),
/// `paused | playing -> question` (prediction on, a question due before the
/// next step), `question(revealed: false) -> question(revealed: true)` (an
/// answer key), `question -> paused` (Esc skips, any key after the answer),
/// `paused | playing -> compare` (`c`, remembering whether it was playing),
/// `compare -> paused | playing` (`c` or Esc).
public enum ViewerMode: Equatable, Sendable {
  /// Waiting for keys.
  case paused
  /// Stepping forward at the chosen speed.
  case playing
  /// The help overlay shows; play is suspended meanwhile.
  case help(resumePlaying: Bool)
  /// A prediction question shows (or its answer, once `revealed`); play stops meanwhile.
  case question(revealed: Bool)
  /// The compare table shows; play is suspended meanwhile.
  case compare(resumePlaying: Bool)

  /// The word the header shows.
  public var name: String {
    switch self {
    case .paused: "paused"
    case .playing: "playing"
    case .help(let resume): resume ? "playing (help)" : "paused"
    case .question: "predict"
    case .compare(let resume): resume ? "playing (compare)" : "paused"
    }
  }

  /// After space.
  func togglePlay() -> ViewerMode {
    switch self {
    case .paused: .playing
    case .playing: .paused
    case .help, .question, .compare: self
    }
  }

  /// After `?`.
  func openHelp() -> ViewerMode { suspended(by: ViewerMode.help) }

  /// After closing the help.
  func closeHelp() -> ViewerMode {
    if case .help(let resume) = self { return Self.resumed(resume) }
    return self
  }

  /// After `c` opened the compare table.
  func openCompare() -> ViewerMode { suspended(by: ViewerMode.compare) }

  /// After `c` or Esc closed the compare table.
  func closeCompare() -> ViewerMode {
    if case .compare(let resume) = self { return Self.resumed(resume) }
    return self
  }

  /// The overlay `overlay` (help or compare) over paused or playing,
  /// remembering which, so that closing it resumes what it interrupted;
  /// any other mode stays as it is (one overlay at a time).
  private func suspended(by overlay: (_ resumePlaying: Bool) -> ViewerMode) -> ViewerMode {
    switch self {
    case .paused: overlay(false)
    case .playing: overlay(true)
    case .help, .question, .compare: self
    }
  }

  /// What closing an overlay goes back to.
  private static func resumed(_ resumePlaying: Bool) -> ViewerMode { resumePlaying ? .playing : .paused }

  /// After the run's end was reached, or a manual step.
  func stop() -> ViewerMode {
    switch self {
    case .playing: .paused
    case .help: .help(resumePlaying: false)
    case .compare: .compare(resumePlaying: false)
    case .paused, .question: self
    }
  }
}
