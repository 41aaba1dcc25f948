/// Prints a .av program as a tokio program (current_thread runtime; paused
/// clock unless the program blocks or works on the CPU). docs/translate.md
/// gives the mapping construct by construct.
public struct RustTranslator: ProgramTranslator {
  /// Makes a translator.
  public init() {}

  /// The whole program: a header saying how to build it, the translated
  /// declarations, `main` running the .av `main` as the `block_on` future and
  /// printing the end time, then the helpers.
  public func translate(_ shape: ProgramShape) throws(TranslationError) -> String {
    let body = try items(shape)
    let invocation = "asyncviz translate \(shape.name) --to rust"
    var out = """
      //! \(shape.name).av as a tokio program (printed by `\(invocation)`).
      //!
      //! Build it with cargo; Cargo.toml needs:
      //!     [dependencies]
      //!     tokio = { version = "1", features = ["rt", "time", "macros", "sync", "test-util"] }
      //!

      """
    out += clockNote(shape).split(separator: "\n", omittingEmptySubsequences: false).map { "//! \($0)" }
      .joined(separator: "\n")
    out += "\n#![allow(unused, unreachable_code)]\n\n" + RustPrelude.imports + "\n\n" + body + "\n"
    let flavor =
      shape.usesRealClock ? "flavor = \"current_thread\"" : "flavor = \"current_thread\", start_paused = true"
    let clock = shape.usesRealClock ? "real" : "virtual"
    out += """
      /// tokio's `block_on` runs this future on the current thread: the .av `main`
      /// is polled by the scheduler loop itself, and when it returns the runtime
      /// drops every task still alive.
      #[tokio::main(\(flavor))]
      async fn main() {
          let start = Instant::now();
          \(RustNames().main)().await;
          eprintln!("ended at {} us (\(clock) time)", start.elapsed().as_micros());
      }

      // ---- helpers: the .av values and built-ins in Rust ----


      """
    out += RustPrelude.helpers + "\n"
    return out
  }

  /// The program's declarations alone (resources, channels, async fns, with
  /// the .av `main` as `av_main`, `RustNames().main`), for a project that holds many programs.
  public func items(_ shape: ProgramShape) throws(TranslationError) -> String {
    var emitter = RustEmitter(shape: shape)
    return try emitter.program()
  }

  /// Why the clock is paused or real, for the header.
  func clockNote(_ shape: ProgramShape) -> String {
    if shape.usesRealClock {
      return """
        This program calls block() or work(), which hold the thread: tokio's paused clock
        would not move during them, so it runs on the real clock. The end time it prints
        is real time, a little later than asyncviz's virtual time.
        """
    }
    return """
      The runtime is tokio's current_thread scheduler with its clock paused: time is
      virtual and jumps to the next timer when every task waits, as on asyncviz's sim
      backend, so the end time printed to stderr is exact.
      """
  }
}
