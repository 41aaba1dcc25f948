import AsyncVizLang
import AsyncVizTrace

/// What the three translators' emitters (Rust, Node, Go) share: the order of
/// a program's declarations, the text being written, line by line at an
/// indentation depth, and the names of the program's async fns and resource
/// operations. Each emitter keeps its own language's spellings; this
/// protocol holds only what is the same in all three, so a fix to order,
/// indentation or naming is made once.
protocol SourceEmitter {
  /// One level of indentation in the target language (spaces, or a tab for gofmt).
  static var indentUnit: String { get }
  /// The program being written.
  var shape: ProgramShape { get }
  /// The lines written so far.
  var lines: [String] { get set }
  /// The current indentation depth.
  var depth: Int { get set }

  /// The target language's spellings of names.
  associatedtype Names: TargetNames
  /// How this program's names are spelled.
  var names: Names { get }

  /// `text` as a doc comment in the target language, a comment line for
  /// each of its lines.
  static func docComment(_ text: String) -> String
  /// What a channel is in the target language: its doc comment's words
  /// after the .av declaration it quotes.
  static var channelNote: String { get }
  /// The target declaration (one line) of a channel with the target name
  /// `name`, holding `capacity` values at most.
  static func channelDeclaration(_ name: String, capacity: String) -> String
  /// The target declaration of a constant with the target name `name` (the uses print that name).
  static func constantDeclaration(_ name: String, _ value: Int64) -> String
  /// The constant with the target name `name` where a channel's capacity is expected.
  static func capacity(constant name: String) -> String
  /// The doc comment's text for a resource operation's fn: `quote` (the .av
  /// operation and declaration), then what the fn does in the target, for a
  /// resource that answers after `latency`, wrapped as the target's text wraps.
  static func resourceNote(_ quote: String, answering latency: String) -> String
  /// The first line of the fn `name` for a resource operation, taking the request's text.
  static func resourceHead(_ name: String) -> String
  /// The statements of a resource operation's fn: wait `latencyUs`, then
  /// answer `reply(resource, operation, request)` (`resource` and
  /// `operation` already as string literals).
  func resourceBody(latencyUs: Int64, resource: String, operation: String) -> [String]
  /// `text` as a string literal.
  func stringLiteral(_ text: String) -> String
  /// Writes an async fn, followed by a blank line.
  mutating func function(_ fn: FunctionDecl) throws(TranslationError)
}

extension SourceEmitter {
  /// The program's declarations: constants, resource operations, channels,
  /// then the async fns in source order.
  mutating func program() throws(TranslationError) -> String {
    for constant in shape.syntax.constants { self.constant(constant) }
    if !shape.syntax.constants.isEmpty { lines.append("") }
    for op in shape.resourceOperations {
      guard let resource = shape.resource(named: op.resource), let name = operationName(op) else {
        continue
      }
      resourceFunction(op, on: resource, name: name)
    }
    for channel in shape.syntax.channels { self.channel(channel) }
    for fn in shape.syntax.functions { try function(fn) }
    return finishedText()
  }

  /// A `channel`: a doc comment quoting its .av declaration, the target's, a blank line.
  mutating func channel(_ channel: ChannelDecl) {
    line(
      Self.docComment(
        "`channel \(channel.name) capacity \(Self.capacitySource(channel))`: \(Self.channelNote)"))
    line(Self.channelDeclaration(names.channel(channel.name), capacity: capacity(of: channel)))
    line("")
  }

  /// A `const`: a doc comment quoting it, then the target's.
  mutating func constant(_ constant: ConstantDecl) {
    line(Self.docComment("`const \(constant.name) = \(constant.value)`."))
    line(Self.constantDeclaration(names.constant(constant.name), constant.value))
  }

  /// The fn `name` for `op` on `resource`, followed by a blank line: a doc
  /// comment quoting the .av operation and declaration, then a body that
  /// waits the resource's latency and answers, echoing the request (in all
  /// three targets a timer stands in for the socket).
  mutating func resourceFunction(_ op: ResourceOperation, on resource: ResourceDecl, name: String) {
    let declared = CompiledProgram.durationSource(resource.latencyUs)
    let quote = "`\(op.resource).\(op.operation)(...)` (`resource \(op.resource) latency \(declared)`):"
    line(Self.docComment(Self.resourceNote(quote, answering: DurationText.duration(resource.latencyUs))))
    braced(
      Self.resourceHead(name),
      resourceBody(
        latencyUs: resource.latencyUs, resource: stringLiteral(op.resource),
        operation: stringLiteral(op.operation)))
  }

  /// The doc comment before `main`.
  static var mainDoc: String { docComment("The .av program's `main`.") }

  /// The target name of the async fn `name`: `main` gets the language's
  /// name for it, so that the target's own entry point can start it.
  func functionName(_ name: String) -> String {
    name == "main" ? names.main : names.function(name)
  }

  /// The target name of the fn standing for `op`: one that no async fn and
  /// no operation before it in the program has.
  func operationName(_ op: ResourceOperation) -> String? {
    var taken = Set(shape.syntax.functions.map { functionName($0.name) })
    for other in shape.resourceOperations {
      let name = names.resourceFunction(other, functions: taken)
      if other == op { return name }
      taken.insert(name)
    }
    return nil
  }

  /// A number as the program wrote it: the target name of the constant
  /// where it wrote a constant's name, else the digits.
  func number(_ n: some BinaryInteger, constant: String?) -> String {
    constant.map(names.constant) ?? "\(n)"
  }

  /// A channel's capacity in the target: its digits, or the constant it names.
  func capacity(of channel: ChannelDecl) -> String {
    channel.capacityConstant.map { Self.capacity(constant: names.constant($0)) } ?? "\(channel.capacity)"
  }

  /// A constant serves as a capacity as it is, where the target's channels
  /// take the constants' integer type.
  static func capacity(constant name: String) -> String { name }

  /// How a channel's capacity was written in the .av source.
  static func capacitySource(_ channel: ChannelDecl) -> String {
    channel.capacityConstant ?? String(channel.capacity)
  }

  /// `text` for inside a quoted literal, the escapes all three languages
  /// share: the backslash, the `quote`, newline, tab and return; any other
  /// control character (and a scalar `also` names) as `control` spells its code.
  static func escaped(
    _ text: String, quote: Unicode.Scalar = "\"", also: (Unicode.Scalar) -> Bool = { _ in false },
    control: (UInt32) -> String
  ) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case quote: out += "\\\(quote)"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || also(scalar) {
          out += control(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A line at the current depth; a multi-line text keeps its own relative indentation.
  mutating func line(_ text: String) {
    let pad = String(repeating: Self.indentUnit, count: depth)
    for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(piece.isEmpty ? "" : pad + piece)
    }
  }

  /// `head`, then `body` one level deeper, the closing brace and a blank line.
  mutating func braced(_ head: String, _ body: [String]) {
    line(head)
    depth += 1
    for text in body { line(text) }
    depth -= 1
    line("}")
    line("")
  }

  /// The program's text: the lines without trailing blank ones, ending in one newline.
  mutating func finishedText() -> String {
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Ends a fn whose `body` was written one level deeper: `unitReturn` unless
  /// the body's last statement is a `return`, then the closing brace and a blank line.
  mutating func closeFunction(_ body: [Statement], unitReturn: String) {
    switch body.last?.kind {
    case .return: break
    default: line(unitReturn)
    }
    depth -= 1
    line("}")
    line("")
  }
}
