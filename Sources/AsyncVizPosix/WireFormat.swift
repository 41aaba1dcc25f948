/// The bytes on a resource connection. Each message is a frame: a 4-byte
/// little-endian payload length, then the UTF-8 payload. A request's payload
/// is `op`, a NUL byte, then the argument; an answer's is the reply text.
///
/// A stream socket may deliver a frame in pieces, so the reader accumulates
/// bytes until `decode` finds a whole frame.
enum WireFormat {
  /// Bytes of the length prefix.
  static let headerSize = 4

  /// A frame carrying `payload`.
  static func frame(_ payload: [UInt8]) -> [UInt8] {
    let n = UInt32(payload.count)
    var bytes: [UInt8] = [UInt8(n & 0xff), UInt8((n >> 8) & 0xff), UInt8((n >> 16) & 0xff), UInt8(n >> 24)]
    bytes.reserveCapacity(headerSize + payload.count)
    bytes.append(contentsOf: payload)
    return bytes
  }

  /// The request frame for `op(argument)`.
  static func request(op: String, argument: String) -> [UInt8] {
    frame(Array(op.utf8) + [0] + Array(argument.utf8))
  }

  /// The answer frame carrying `reply`.
  static func answer(_ reply: String) -> [UInt8] { frame(Array(reply.utf8)) }

  /// The payload of the first frame in `buffer`, or nil while it is incomplete.
  static func decode(_ buffer: [UInt8]) -> [UInt8]? {
    guard buffer.count >= headerSize else { return nil }
    let n = Int(buffer[0]) | Int(buffer[1]) << 8 | Int(buffer[2]) << 16 | Int(buffer[3]) << 24
    guard buffer.count >= headerSize + n else { return nil }
    return Array(buffer[headerSize..<headerSize + n])
  }

  /// Splits a request payload into its op and argument (nil if malformed).
  static func parseRequest(_ payload: [UInt8]) -> (op: String, argument: String)? {
    guard let nul = payload.firstIndex(of: 0) else { return nil }
    return (
      String(decoding: payload[..<nul], as: UTF8.self), String(decoding: payload[(nul + 1)...], as: UTF8.self)
    )
  }
}
