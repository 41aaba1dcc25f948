import AsyncVizTrace

/// How the viewer picks the task it details.
public enum TaskSelection: Equatable, Sendable {
  /// The task of each step (the one polled), so the details follow the action.
  case follow
  /// The task the user chose with tab, until Esc.
  case fixed(TaskID)
}
