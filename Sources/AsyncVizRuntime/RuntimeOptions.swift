/// Limits and thresholds of one run; the command line sets them.
public struct RuntimeOptions: Sendable {
  /// Whether events are recorded (benchmarks turn it off).
  public var tracing: Bool
  /// The run ends with reason `max-steps` after this many user steps.
  public var maxSteps: UInt32
  /// A poll longer than this (virtual or real microseconds) fires the
  /// never-yielded lint (a first poll) or asyncviz's own long-poll lint.
  public var longPollThresholdUs: Int64
  /// A wake count from which the self-wake lint may fire (avoids judging a task on one wake).
  public var selfWakeMinimumWakes: UInt32
  /// How many tasks may be alive (spawned and not done) at once. The runtime
  /// itself never refuses a spawn (native code may exceed it); spawners that
  /// run untrusted programs check `Context.canSpawn` and stop with a message
  /// instead, so a program that spawns without bound cannot eat the machine.
  /// 250,000 by default: a program of 100,000 tasks (docs/lessons/many-requests.md)
  /// runs, and the worst case stays near 300 MB (about 1.2 KB a traced .av task).
  public var maxTasks: Int
  /// Task polls between two driver turns when the run queue never empties
  /// (tokio's `event_interval`, 61 for the current_thread scheduler).
  public var eventInterval: Int

  /// The defaults a learner sees (the demos and docs/language.md assume them).
  public init(
    tracing: Bool = true, maxSteps: UInt32 = 100_000, longPollThresholdUs: Int64 = 10_000,
    selfWakeMinimumWakes: UInt32 = 2, maxTasks: Int = 250_000, eventInterval: Int = 61
  ) {
    self.eventInterval = max(1, eventInterval)
    self.tracing = tracing
    self.maxSteps = maxSteps
    self.longPollThresholdUs = longPollThresholdUs
    self.selfWakeMinimumWakes = selfWakeMinimumWakes
    self.maxTasks = maxTasks
  }
}
