/// A count and its noun, singular for one: "1 line", "2 lines", "1 context
/// switch". `plural` is for the nouns that take more than an "s".
func counted(_ n: some BinaryInteger, _ noun: String, plural: String? = nil) -> String {
  n == 1 ? "1 \(noun)" : "\(n) \(plural ?? noun + "s")"
}
