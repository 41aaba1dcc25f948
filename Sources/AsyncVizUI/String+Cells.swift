extension String {
  /// The string cut to `width` columns, with `ellipsis` when it had to be cut.
  func fitted(_ width: Int, ellipsis: String) -> String {
    guard width > 0 else { return "" }
    if CharWidth.of(self) <= width { return self }
    let room = width - CharWidth.of(ellipsis)
    guard room > 0 else { return String(repeating: ".", count: width) }
    var out = ""
    var used = 0
    for ch in self {
      let w = CharWidth.of(String(ch))
      if used + w > room { break }
      out.append(ch)
      used += w
    }
    return out + ellipsis
  }

  /// Left-aligned in `width` columns (cut if longer).
  func padded(_ width: Int) -> String {
    let w = CharWidth.of(self)
    return w >= width ? self : self + String(repeating: " ", count: width - w)
  }

  /// Right-aligned in `width` columns.
  func leftPadded(_ width: Int) -> String {
    let w = CharWidth.of(self)
    return w >= width ? self : String(repeating: " ", count: width - w) + self
  }
}
