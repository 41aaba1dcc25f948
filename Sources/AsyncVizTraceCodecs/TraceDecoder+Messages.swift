import AsyncVizTrace

/// How an error message shows what the file holds: a byte, a value's kind,
/// a piece of text (escaped: a message must not drive the terminal).
extension TraceDecoder {
  /// `'x'`, or `byte 0x9f` for what cannot be shown.
  static func describe(byte b: UInt8) -> String {
    b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : String(format16: b)
  }

  /// Text from the file, shown in a message: in quotes, with control
  /// characters escaped (a message must not drive the terminal) and cut to
  /// 40 characters.
  static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var text = ""
    for (n, scalar) in String(decoding: bytes, as: UTF8.self).unicodeScalars.enumerated() {
      if n == 40 {
        text += "..."
        break
      }
      if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
        text += scalar.escaped(asASCII: true)
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return "\"\(text)\""
  }

  /// What kind of JSON value starts with `b`, for "must be X, found Y".
  static func describe(valueStart b: UInt8) -> String {
    switch b {
    case UInt8(ascii: "\""): "a string"
    case UInt8(ascii: "{"): "an object"
    case UInt8(ascii: "["): "an array"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
    case UInt8(ascii: "n"): "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
    default: describe(byte: b)
    }
  }
}

extension String {
  /// "byte 0x9f".
  init(format16 b: UInt8) {
    let hex = Array("0123456789abcdef")
    self = "byte 0x\(hex[Int(b >> 4)])\(hex[Int(b & 15)])"
  }
}
