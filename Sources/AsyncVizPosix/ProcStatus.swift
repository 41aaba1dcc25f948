#if canImport(Glibc)
  import Glibc
#endif

/// Fields of /proc/self/status, as the kernel counts them.
public enum ProcStatus {
  /// A field as a number ("Threads:", or "VmHWM:" in kB), or nil.
  public static func field(_ name: String, pid: Int32? = nil) -> Int? {
    let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard text.hasPrefix(name) else { continue }
      let digits = text.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }.prefix { $0.isNumber }
      return Int(digits)
    }
    return nil
  }
}
