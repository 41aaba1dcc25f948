/// The small pieces of English grammar the messages, notes and panels
/// share, written once so that every "1 events" is fixed in one place.
public enum English {
  /// `n` and the noun, in the plural unless `n` is 1: "1 task", "3 tasks".
  /// Every noun the tool counts takes a plain "s".
  public static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
