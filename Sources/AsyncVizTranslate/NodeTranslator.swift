/// Prints a .av program as a Node 20 program: async functions over promises
/// on libuv's event loop, on the real clock. docs/translate.md gives the
/// mapping construct by construct.
public struct NodeTranslator: ProgramTranslator {
  /// Makes a translator.
  public init() {}

  /// The whole program: a header, the translated declarations, the helpers,
  /// then a call running the .av `main` between the oracle's marker lines.
  public func translate(_ shape: ProgramShape) throws(TranslationError) -> String {
    let body = try items(shape)
    let name = shape.name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    return """
      // \(shape.name).av as a Node program (printed by `asyncviz translate \(shape.name) --to node`).
      // Run it with `node FILE.js` (Node 20). Every async function call starts its body at
      // once and gives a promise; sleep is setTimeout, yield_now is setImmediate, a resource
      // request is a timer of its latency. Time is real: the end line gives, in
      // microseconds, when main returned (`##oracle end NAME US`); it comes once nothing of
      // the program is left, because Node only exits then.

      \(NodePrelude.helpers)

      // ---- the program ----

      \(body)
      run("\(name)", \(NodeNames().main), printNow);

      """
  }

  /// The program's declarations alone (resources, channels, async fns, with
  /// the .av `main` as `av_main`, `NodeNames().main`), for a script that holds many programs.
  public func items(_ shape: ProgramShape) throws(TranslationError) -> String {
    var emitter = NodeEmitter(shape: shape)
    return try emitter.program()
  }
}
