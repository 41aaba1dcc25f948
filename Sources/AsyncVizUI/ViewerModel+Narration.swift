extension ViewerModel {
  /// Keeps `notesPage` within the current step's notes as the narration
  /// pane of a `width` x `height` screen shows them (the main loop calls it
  /// after each action: only the frame's size says how many rows there are).
  /// A `]` past the last page of the notes made, on a step that has more,
  /// makes more (twice as many) instead of stopping: every note of a step
  /// of thousands of events can be read, and only a reader who pages that
  /// far pays for them.
  public mutating func fitNotesScroll(width: Int, height: Int) {
    guard let layout = ScreenLayout.make(width: width, height: height, model: self) else { return }
    var last = NarrationPanel.maxPage(self, rect: layout.narration)
    while notesPage > last && narrationZoomed, let current = recentNotes.first, canNarrateMore(current) {
      currentNotesLimit = min(currentNotesLimit * 2, Self.maxNotesPerStep)
      refresh()
      last = NarrationPanel.maxPage(self, rect: layout.narration)
    }
    notesPage = min(notesPage, last)
  }

  /// Whether `]` can make more of `entry`'s notes (see `fitNotesScroll`).
  func canNarrateMore(_ entry: StepNarration) -> Bool {
    entry.omitted > 0 && entry.step == step && currentNotesLimit < Self.maxNotesPerStep
  }
}
