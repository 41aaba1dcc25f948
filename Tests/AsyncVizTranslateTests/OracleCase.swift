import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Foundation

/// One program the differential test runs on both sides: a demo, a
/// generated program or a regression.
struct OracleCase {
  /// The name the oracle binary and the expected-mismatch list use.
  var name: String
  /// How to get it again (a seed, a file).
  var origin: String
  var shape: ProgramShape
  /// The .av source, as the shape keeps it.
  var source: String { shape.source.text }
  /// The compiled program (the model's side), compiled once with the shape.
  var program: CompiledProgram { shape.program }

  /// Every demo.
  static func demos() throws -> [OracleCase] {
    try DemoCatalog.all.map { demo in
      try make(name: demo.name, origin: "demo \(demo.name)", file: demo.sourceFile)
    }
  }

  /// The generated programs for `seeds`; `seedVariable` replays one.
  static func generated(_ seeds: [UInt64], seedVariable: String) throws -> [OracleCase] {
    let generator = ProgramGenerator()
    return try seeds.map { seed in
      let g = generator.generate(seed: seed)
      return try make(
        name: g.name, origin: "seed \(seed) (\(seedVariable)=\(seed) replays it)",
        file: SourceFile(name: "\(g.name).av", text: g.source))
    }
  }

  /// The .av files of the regression folder.
  static func regressions() throws -> [OracleCase] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Regressions")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return try files.filter { $0.hasSuffix(".av") }.sorted().map { file in
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let name = "regression-" + file.dropLast(3)
      return try make(name: name, origin: "Regressions/\(file)", file: SourceFile(name: file, text: text))
    }
  }

  private static func make(name: String, origin: String, file: SourceFile) throws -> OracleCase {
    OracleCase(name: name, origin: origin, shape: try ProgramShape.read(file))
  }

  /// How much later than the model a real-clock run may end: tokio's timer
  /// wheel rounds each deadline up to the next millisecond, and polls and
  /// blocking calls take real time. A paused clock is exact.
  var slackUs: Int64 { shape.usesRealClock ? 20_000 : 0 }
}
