/// One event's payload packed in 8 bytes: its kind, the task (or another
/// 32-bit field) and up to 24 bits of small fields.
///
/// Most events of a run are a kind, a task and a few small numbers (a
/// queue position, a source line, a cause); those are packed here. A payload
/// with a field too wide for its place (a deadline, two strings, a line past
/// 65,534, a wake naming both an fd and a task) is stored whole in the
/// `EventLog`'s side table, and its slot says where (`spilled`). Packing is
/// exact: `unpack(pack(p)) == p` for every payload that packs (tested).
@usableFromInline
struct EventSlot: Sendable, Equatable {
  /// `EventKind.rawValue`, or `spilledKind`.
  @usableFromInline var kind: UInt8
  /// A small field: an enum's raw value, flags, a narrow number.
  @usableFromInline var small: UInt8
  /// A 16-bit field: a line, a position, an fd, a P or M number.
  @usableFromInline var wide: UInt16
  /// The task's raw id, or a 32-bit field of a payload without a task, or
  /// the side table's index for a spilled payload.
  @usableFromInline var word: UInt32

  /// The kind byte of a payload stored in the side table.
  @usableFromInline static var spilledKind: UInt8 { 0xFF }

  @inlinable
  init(kind: EventKind, small: UInt8 = 0, wide: UInt16 = 0, word: UInt32 = 0) {
    self.kind = kind.rawValue
    self.small = small
    self.wide = wide
    self.word = word
  }

  @inlinable
  init(spilledAt index: Int) {
    kind = Self.spilledKind
    small = 0
    wide = 0
    word = UInt32(truncatingIfNeeded: index)
  }

  /// Whether the payload is in the side table (at `word`).
  @inlinable var isSpilled: Bool { kind == Self.spilledKind }

  /// A number from -1 to 65,534 in 16 bits (stored plus one), or nil.
  @inlinable
  static func narrow16(_ value: Int32) -> UInt16? {
    value >= -1 && value < 0xFFFF ? UInt16(truncatingIfNeeded: value + 1) : nil
  }

  /// A number from -1 to 254 in 8 bits (stored plus one), or nil.
  @inlinable
  static func narrow8(_ value: Int32) -> UInt8? {
    value >= -1 && value < 0xFF ? UInt8(truncatingIfNeeded: value + 1) : nil
  }

  /// The number `narrow16` or `narrow8` stored.
  @inlinable
  static func widen(_ stored: some FixedWidthInteger) -> Int32 { Int32(stored) - 1 }

  /// A payload-free `Awaited` as a 4-bit code: 0 for `nothing`, else one
  /// past its place in `Awaited.worded` (the table `awaited(code:)` reads);
  /// nil for one that names a task or a string. A switch, not a search of
  /// the table: every traced poll's end is packed here.
  @inlinable
  static func code(of awaited: Awaited) -> UInt8? {
    switch awaited {
    case .nothing: 0
    case .sleep: 1
    case .yieldNow: 2
    case .join: 3
    case .select: 4
    case .timeout: 5
    case .lostWaker: 6
    case .selfWake: 7
    case .resourceCall, .joinHandle, .channelSend, .channelRecv, .other: nil
    }
  }

  /// The `Awaited` of a `code(of:)` (in the low four bits of `code`).
  @inlinable
  static func awaited(code: UInt8) -> Awaited {
    let place = Int(code & 0x0F) - 1
    return place >= 0 && place < Awaited.worded.count ? Awaited.worded[place] : .nothing
  }

  /// The vocabulary word (a cause, a result, a phase...) a packer stored
  /// as its raw value.
  @inlinable
  static func vocabulary<W: TraceWord>(_ raw: UInt8) -> W {
    // Only `pack` writes these bytes, from a value of the same type.
    guard let value = W(rawValue: raw) else { preconditionFailure("a packed event holds a raw value \(raw)") }
    return value
  }
}
