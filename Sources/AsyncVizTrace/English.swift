/// The small pieces of English grammar the messages, notes and panels
/// share, written once so that every "1 events" is fixed in one place.
public enum English {
  /// `n` and the noun, in the plural unless `n` is 1: "1 task", "3 tasks",
  /// "2 context switches" (`plural`, for a noun that takes more than an "s").
  public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(self.noun(noun, n, plural: plural))"
  }

  /// The noun alone, as `count` would write it beside `n`.
  public static func noun(_ noun: String, _ n: Int, plural: String? = nil) -> String {
    n == 1 ? noun : plural ?? noun + "s"
  }
}
