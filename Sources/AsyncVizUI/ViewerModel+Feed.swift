/// How the viewer takes in what its feed records: a live run one step at a
/// time (kept one step ahead), a run to its end, or a file read in slices
/// between keys; and the history's indexing while the view waits.
extension ViewerModel {
  /// One step forward, recording one more with the feed at the end; false
  /// when there is no next step.
  mutating func forward(_ feed: any TraceFeed) -> Bool {
    if step < history.lastStep {
      go(to: step + 1)
      lookAhead(feed)
      return true
    }
    guard canGrow(feed) else { return false }
    let before = history.lastStep
    // One advance records one step; a second try covers a feed that first
    // records only the run's end.
    for _ in 0..<2 where history.lastStep == before && feed.isLive {
      if !record(feed, { feed.advance() }) { break }
    }
    guard history.lastStep > before else {
      refresh()
      return false
    }
    go(to: step + 1)
    lookAhead(feed)
    return true
  }

  /// Keeps a live run one step ahead of the view: the runtime only learns
  /// that nothing can run (the run's end, and why) when asked for one more
  /// step, and the viewer must say why the run ended as soon as it shows the
  /// last step, not one key later.
  mutating func lookAhead(_ feed: any TraceFeed) {
    guard step == history.lastStep, canGrow(feed) else { return }
    _ = record(feed) { feed.advance() }
    // Only the end was recorded: the state shown is now the final one.
    if step == history.lastStep && history.isComplete { refresh() }
  }

  func canGrow(_ feed: any TraceFeed) -> Bool { isLive && feed.isLive }

  /// Runs a live feed to its end.
  mutating func runToEnd(_ feed: any TraceFeed) {
    record(feed) {
      var n = 0
      while feed.isLive && n < Self.runToEndLimit {
        if !feed.advance() { break }
        n += 1
      }
    }
  }

  /// Runs `advance` (the feed's recording) and brings the history up to date
  /// with the feed; the history lets go of the trace meanwhile, so that a
  /// live feed appends to arrays nobody else holds (events held once).
  mutating func record<R>(_ feed: any TraceFeed, _ advance: () -> R) -> R {
    let result = history.record(advance, thenSyncWith: { feed.trace })
    isLive = feed.isLive
    isReading = feed.isReading
    readProgress = feed.readProgress
    indexOutput()
    keepEndState()
    return result
  }

  /// Reads the next slice of a file still being read (what the main loop
  /// does between keys). The step shown was the last one read, or the run's
  /// end just arrived: its events may have grown, so it is recomputed.
  public mutating func readMore(_ feed: any TraceFeed) {
    guard isReading else { return }
    let last = history.lastStep
    _ = record(feed) { feed.advance() }
    if step >= last || history.isComplete { refresh() }
  }

  /// Adds the output events recorded since the last call to `outputEvents`.
  mutating func indexOutput() {
    let events = history.trace.events
    var i = outputIndexed
    while i < events.count {
      if case .output = events.payload(at: i) { outputEvents.append(i) }
      i += 1
    }
    outputIndexed = events.count
    timeline.extend(with: history.trace)
  }

  /// Keeps `endState` once the run has ended: at once (one replay of what
  /// is not indexed yet), then again from the history's own last state when
  /// the indexing reaches the end, which shares its arrays (a 125,000-thread
  /// run's would be held twice).
  mutating func keepEndState() {
    guard history.isComplete, endState == nil || history.isFullyIndexed && !endStateIsIndexed else { return }
    endState = history.state(atStep: history.lastStep)
    endStateIsIndexed = history.isFullyIndexed
  }

  /// Whether events are left to index (`indexMore` while waiting for a key).
  public var isIndexing: Bool { !history.isFullyIndexed }

  /// Indexes the next events of the history (about 65,536: a few tens of
  /// milliseconds), so that a jump anywhere later costs one checkpoint's restore.
  public mutating func indexMore() {
    history.index(upTo: history.indexedEvents + 65_536)
    keepEndState()
  }
}
