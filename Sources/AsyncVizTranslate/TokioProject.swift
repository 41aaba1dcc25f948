import Foundation

/// One cargo project holding many translated programs in one binary, so it
/// compiles once: `oracle NAME...` runs the named programs one after the
/// other, each on a fresh current_thread runtime in a thread of its own, and
/// prints their lines between marker lines (see `TokioRunner`).
///
/// It builds offline against Debian's vendored crates (`librust-tokio-dev`
/// puts tokio 1.24 under /usr/share/cargo/registry).
public struct TokioProject: Sendable {
  /// The project's folder (created if missing; its `src/main.rs` is rewritten).
  public let directory: URL
  /// Where cargo finds crates.
  public var registry = "/usr/share/cargo/registry"
  /// Real seconds a program may take before it counts as stuck (tokio parks
  /// forever when a lost waker leaves nothing to do).
  public var stuckAfterSeconds = 5

  /// A project in `directory`.
  public init(directory: URL) { self.directory = directory }

  /// Translates `programs` (each run by its name) and writes Cargo.toml,
  /// .cargo/config.toml and src/main.rs.
  public func write(_ programs: [(name: String, shape: ProgramShape)]) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: directory.appendingPathComponent("src"), withIntermediateDirectories: true)
    try fm.createDirectory(at: directory.appendingPathComponent(".cargo"), withIntermediateDirectories: true)
    try write(
      """
      [package]
      name = "oracle"
      version = "0.1.0"
      edition = "2021"

      [dependencies]
      tokio = { version = "1", features = ["rt", "time", "macros", "sync", "test-util"] }

      [profile.dev]
      debug = false
      """, to: "Cargo.toml")
    try write(
      """
      [source.crates-io]
      replace-with = "vendored"

      [source.vendored]
      directory = "\(registry)"

      [net]
      offline = true
      """, to: ".cargo/config.toml")
    try write(try mainFile(programs), to: "src/main.rs")
  }

  private func write(_ text: String, to path: String) throws {
    let url = directory.appendingPathComponent(path)
    let data = Data(text.utf8)
    // Unchanged files keep their dates, so cargo does not rebuild for nothing.
    if let old = try? Data(contentsOf: url), old == data { return }
    try data.write(to: url)
  }

  /// Module name of the `index`th program.
  static func module(_ index: Int) -> String { "program_\(index)" }

  func mainFile(_ programs: [(name: String, shape: ProgramShape)]) throws -> String {
    let translator = RustTranslator()
    var out = "#![allow(unused, unreachable_code)]\n\n"
    out += "mod prelude {\n"
    out += RustPrelude.imports.replacing("use ", with: "pub use ") + "\n\n"
    out += RustPrelude.helpers + "\n}\n\n"
    for (i, program) in programs.enumerated() {
      out += "// \(program.name)\nmod \(Self.module(i)) {\n    use super::prelude::*;\n\n"
      out += try translator.items(program.shape).split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
      out += "\n    pub async fn run() -> Value {\n        \(RustNames().main)().await\n    }\n}\n\n"
    }
    out += """
      use std::future::Future;
      use std::pin::Pin;
      use std::time::Duration;

      type Main = Pin<Box<dyn Future<Output = prelude::Value>>>;

      /// The program called `name`: its main future, and whether it needs the real clock.
      fn program(name: &str) -> Option<(fn() -> Main, bool)> {
          match name {

      """
    for (i, program) in programs.enumerated() {
      let literal = program.name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
      let realClock = program.shape.usesRealClock
      out += "        \"\(literal)\" => Some((|| Box::pin(\(Self.module(i))::run()), \(realClock))),\n"
    }
    out += """
              _ => None,
          }
      }

      /// Runs one program as `#[tokio::main(flavor = "current_thread", start_paused = true)]`
      /// would (without start_paused on the real clock), in a thread of its own so that
      /// a program that never ends can be given up on.
      fn run(name: &str) {
          let Some((main, real_clock)) = program(name) else {
              println!("##oracle unknown {name}");
              return;
          };
          println!("##oracle start {name}");
          let (done, finished) = std::sync::mpsc::channel();
          std::thread::spawn(move || {
              let mut builder = tokio::runtime::Builder::new_current_thread();
              builder.enable_all();
              if !real_clock {
                  builder.start_paused(true);
              }
              let runtime = builder.build().expect("a current_thread runtime");
              let us = runtime.block_on(async move {
                  let start = tokio::time::Instant::now();
                  main().await;
                  start.elapsed().as_micros()
              });
              done.send(us).ok();
          });
          match finished.recv_timeout(Duration::from_secs(\(stuckAfterSeconds))) {
              Ok(us) => println!("##oracle end {name} {us}"),
              Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => println!("##oracle panic {name}"),
              Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                  // The thread is parked for good; the caller starts a new process for the rest.
                  println!("##oracle stuck {name}");
                  std::process::exit(3);
              }
          }
      }

      fn main() {
          for name in std::env::args().skip(1) {
              run(&name);
          }
      }

      """
    return out
  }
}
