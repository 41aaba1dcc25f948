import AsyncVizTrace
import AsyncVizTraceState

/// Interns strings read from a file by their UTF-8 bytes, so that the same
/// text read a million times (an `awaiting` like "yield_now") is hashed, not
/// turned into a `String` each time.
struct StringInterner {
  /// The table, in order of first appearance; index 0 is "".
  private(set) var strings: [String] = []
  /// The bytes of each entry of `strings`.
  private var keys: [[UInt8]] = []
  /// Open-addressing hash slots holding indexes into `strings`, -1 when empty;
  /// a power of two in size, at most half full.
  private var slots: [Int32] = Array(repeating: -1, count: 64)

  /// A table holding "" at id 0, as a recorder's does.
  init() { _ = intern("") }

  /// The id of `text`.
  mutating func intern(_ text: String) -> StringID {
    var copy = text
    return copy.withUTF8 { intern($0) }
  }

  /// The id of the string with these (valid UTF-8) bytes, adding it if new.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> StringID {
    let (found, i) = lookup(bytes)
    if let found { return found }
    let id = Int32(strings.count)
    strings.append(String(decoding: bytes, as: UTF8.self))
    keys.append(Array(bytes))
    slots[i] = id
    if strings.count * 2 > slots.count { rehash() }
    return StringID(id)
  }

  /// The id of the string with these bytes if it is in the table (nothing is added).
  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> StringID? { lookup(bytes).found }

  /// The string's id if present, else the empty slot where it would go.
  private func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: StringID?, slot: Int) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = slots[i]
      if found < 0 { return (nil, i) }
      if keys[Int(found)].withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return (StringID(found), i) }
      i = (i + 1) & mask
    }
  }

  private mutating func rehash() {
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (id, key) in keys.enumerated() {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
      var i = Int(truncatingIfNeeded: hash) & mask
      while slots[i] >= 0 { i = (i + 1) & mask }
      slots[i] = Int32(id)
    }
  }
}
