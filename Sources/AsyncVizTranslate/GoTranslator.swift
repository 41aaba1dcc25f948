/// Prints a .av program as a Go program (goroutines on Go's scheduler,
/// standard library only). docs/translate.md gives the mapping construct by
/// construct.
public struct GoTranslator: ProgramTranslator {
  /// Makes a translator.
  public init() {}

  /// The whole program: a header saying how to build and run it, the
  /// translated declarations, `main` running the .av `main` and printing the
  /// end time (the oracle's end marker, on stderr), then the helpers.
  public func translate(_ shape: ProgramShape) throws(TranslationError) -> String {
    let body = try items(shape, prefix: "")
    var out = """
      // \(shape.name).av as a Go program (printed by `asyncviz translate \(shape.name) --to go`).
      //
      // Build and run it with Go's standard library only, on one P as asyncviz's go model shows:
      //     GO111MODULE=off go build -o prog main.go && GOMAXPROCS=1 ./prog
      //
      // Goroutines run on Go's scheduler in real time: time.Sleep parks a goroutine on
      // a timer, a channel operation parks it until a peer comes, and the runtime runs
      // another. The end time goes to stderr on the line
      // `##oracle end \(shape.name) MICROSECONDS` (real time).

      """
    out += GoPrelude.header + "\n\n" + body + "\n"
    out += """
      func main() {
      \tbegin := time.Now()
      \t\(GoNames(prefix: "").main)()
      \tfmt.Fprintf(os.Stderr, "##oracle end %s %d\\n", \(GoEmitter.literal(shape.name)), time.Since(begin).Microseconds())
      }

      // ---- helpers: the .av values and built-ins in Go ----


      """
    out += GoPrelude.helpers + "\n"
    return out
  }

  /// The program's declarations alone, every package-level name starting with
  /// `prefix`, for one file that holds many programs (the oracle).
  public func items(_ shape: ProgramShape, prefix: String) throws(TranslationError) -> String {
    var emitter = GoEmitter(shape: shape, names: GoNames(prefix: prefix))
    return try emitter.program()
  }
}
