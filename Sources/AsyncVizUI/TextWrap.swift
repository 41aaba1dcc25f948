/// Splits text into lines of at most `width` columns, at spaces where it can.
enum TextWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    var used = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      var w = String(word)
      var ww = CharWidth.of(w)
      if used > 0 && used + 1 + ww > width {
        lines.append(current)
        current = ""
        used = 0
      }
      while ww > width {  // a word longer than a line is cut hard
        let head = String(w.prefix(width - used))
        current += head
        lines.append(current)
        current = ""
        used = 0
        w = String(w.dropFirst(head.count))
        ww = CharWidth.of(w)
      }
      if used > 0 {
        current += " "
        used += 1
      }
      current += w
      used += ww
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
