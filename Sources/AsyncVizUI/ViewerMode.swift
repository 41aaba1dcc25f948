/// The viewer's play state. Transitions (see `ViewerModel.handle`):
/// `paused -> playing` (space), `playing -> paused` (space, or the run's end
/// reached while playing, or a manual step), `paused | playing -> help`
/// (`?`, remembering whether it was playing), `help -> paused | playing`
/// (any key closes the help and resumes what was interrupted).
public enum ViewerMode: Equatable, Sendable {
  /// Waiting for keys.
  case paused
  /// Stepping forward at the chosen speed.
  case playing
  /// The help overlay shows; play is suspended meanwhile.
  case help(resumePlaying: Bool)

  /// The word the header shows.
  public var name: String {
    switch self {
    case .paused: "paused"
    case .playing: "playing"
    case .help(let resume): resume ? "playing (help)" : "paused"
    }
  }

  /// After space.
  func togglePlay() -> ViewerMode {
    switch self {
    case .paused: .playing
    case .playing: .paused
    case .help: self
    }
  }

  /// After `?`.
  func openHelp() -> ViewerMode {
    switch self {
    case .paused: .help(resumePlaying: false)
    case .playing: .help(resumePlaying: true)
    case .help: self
    }
  }

  /// After closing the help.
  func closeHelp() -> ViewerMode {
    if case .help(let resume) = self { return resume ? .playing : .paused }
    return self
  }

  /// After the run's end was reached, or a manual step.
  func stop() -> ViewerMode {
    switch self {
    case .playing: .paused
    case .help: .help(resumePlaying: false)
    case .paused: self
    }
  }
}
