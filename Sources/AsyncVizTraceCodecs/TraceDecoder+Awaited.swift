import AsyncVizTrace

extension TraceDecoder {
  /// Reads an `awaiting` text back into what it names, so that writing the
  /// event again gives the same text (`Awaited.label(in:)`):
  /// a fixed word ("sleep"), "join #N", "RESOURCE.OP" of an `io_send` read
  /// before, "CHANNEL.send" / "CHANNEL.recv", else the text as it is.
  ///
  /// The strings interned are the ones `Trace.withCanonicalStrings` interns
  /// for the case, in the same order, so that a read trace equals its
  /// recorded trace in canonical form.
  mutating func awaited(_ bytes: UnsafeBufferPointer<UInt8>) -> Awaited {
    if bytes.isEmpty { return .nothing }
    for fixed in Awaited.worded {
      if let word = fixed.word, bytesEqual(bytes, word) { return fixed }
    }
    if let task = Self.joinedTask(String(decoding: bytes, as: UTF8.self)) { return .joinHandle(task) }
    if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
      let name = UnsafeBufferPointer(rebasing: bytes[..<dot])
      let op = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
      if let resource = interner.find(name), let opID = interner.find(op),
        resourceOps.contains(Self.pairKey(resource, opID))
      {
        return .resourceCall(resource: resource, op: opID)
      }
      if op.elementsEqual("send".utf8) { return .channelSend(channel: interner.intern(name)) }
      if op.elementsEqual("recv".utf8) { return .channelRecv(channel: interner.intern(name)) }
    }
    return .other(interner.intern(bytes))
  }

  /// The task of "join #N" when N is written as `Awaited.joinHandle` writes it.
  private static func joinedTask(_ text: String) -> TaskID? {
    guard text.hasPrefix("join #"), let n = UInt32(text.dropFirst(6)), text == "join #\(n)" else {
      return nil
    }
    return TaskID(n)
  }

  /// One number for a (resource, op) pair of string ids.
  static func pairKey(_ resource: StringID, _ op: StringID) -> Int64 {
    Int64(resource.rawValue) << 32 | Int64(UInt32(bitPattern: op.rawValue))
  }
}
