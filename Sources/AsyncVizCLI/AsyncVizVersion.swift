/// The version `asyncviz --version` prints and the man page names.
public enum AsyncVizVersion {
  /// Raised by hand at each release; the trace format has its own version.
  public static let current = "0.4.0"
}
