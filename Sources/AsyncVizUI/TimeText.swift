/// Times as the panels print them (the same rule as the notes': exact, in
/// the shortest form for durations, three decimals for clock readings).
enum TimeText {
  /// "40 ms", "1.500 ms", "200 us".
  static func duration(_ us: Int64) -> String {
    if us < 0 { return "-" + duration(-max(us, -Int64.max)) }
    if us % 1000 == 0 { return "\(us / 1000) ms" }
    if us < 1000 { return "\(us) us" }
    return instant(us)
  }

  /// "40.000 ms".
  static func instant(_ us: Int64) -> String {
    if us < 0 { return "-" + instant(-max(us, -Int64.max)) }
    let frac = us % 1000
    let pad = frac < 10 ? "00" : frac < 100 ? "0" : ""
    return "\(us / 1000).\(pad)\(frac) ms"
  }
}
