/// Edit distances for "did you mean" suggestions.
public enum EditDistance {
  /// The optimal string alignment distance: insertions, deletions,
  /// substitutions and swaps of two neighbours each cost 1 ("hadnler" is
  /// one edit from "handler").
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var before = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { best = min(best, before[j - 2] + 1) }
        current[j] = best
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[y.count]
  }

  /// The candidate closest to `name`, if it is close enough to be a likely
  /// typo: by default at most a third of the name's length (and at least
  /// one edit). Ties go to the earlier candidate.
  public static func closest(to name: String, among candidates: [String], limit: Int? = nil) -> String? {
    let length = name.unicodeScalars.count
    // The distance takes time proportional to the product of the lengths: a
    // hostile program's thousand-character names get no suggestion.
    guard length <= maxNameLength else { return nil }
    let limit = limit ?? max(1, length / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let other = candidate.unicodeScalars.count
      // Lengths further apart than the limit cannot be within it.
      guard other <= maxNameLength, abs(other - length) <= limit else { continue }
      let d = distance(name, candidate)
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// Names longer than this get no suggestion (nor suggest themselves).
  static let maxNameLength = 64

  /// "; did you mean `x`?" or "".
  static func suggestion(for name: String, among candidates: [String], limit: Int? = nil) -> String {
    closest(to: name, among: candidates, limit: limit).map { "; did you mean `\($0)`?" } ?? ""
  }
}
