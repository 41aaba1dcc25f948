/// Where tokio's current_thread `block_on` loop is between two steps
/// (`CoreGuard::block_on` in tokio's runtime/scheduler/current_thread.rs):
///
/// ```
/// loop {                                   // .top
///     if woken { poll main; return if Ready }
///     for _ in 0..event_interval {         // .tasks(polls)
///         match pop_task() {
///             Some(task) => task.run(),
///             None => { park or park_yield; continue 'outer }
///         }
///     }
///     park_yield                           // the event_interval turn
/// }
/// ```
///
/// Transitions: `top -> tasks(0)` (after polling main, or at once when it
/// was not woken); `tasks(n) -> tasks(n + 1)` (a task poll);
/// `tasks(n) -> top` (a driver turn: the queue was empty, or n reached
/// event_interval).
enum SchedulerLoop: Equatable {
  /// At the top of the outer loop: main is polled if it was woken.
  case top
  /// In the inner loop, after `polls` task polls.
  case tasks(polls: Int)
}
