import AsyncVizExamples
import AsyncVizLang
import AsyncVizTrace
import Foundation

/// Turns what the user named (a demo, or a .av file) into a compiled program,
/// with the command line's error messages (exit code 2).
enum ProgramLoader {
  /// A demo by name; an unknown name gets the closest known one suggested.
  static func demo(named name: String) throws(CLIError) -> (SourceFile, displayName: String) {
    guard let demo = DemoCatalog.named(name) else {
      var message = "error: unknown demo '\(name)'."
      if let close = DemoCatalog.closest(to: name) { message += " Did you mean '\(close)'?" }
      message += "\nRun 'asyncviz list' to see every demo."
      throw CLIError(message)
    }
    return (demo.sourceFile, demo.name)
  }

  /// A program file; missing, unreadable, a folder, or not UTF-8 is exit 2.
  static func file(at path: String) throws(CLIError) -> (SourceFile, displayName: String) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CLIError("\(path): error: no such file")
    }
    if isDirectory.boolValue { throw CLIError("\(path): error: is a directory, not a .av program") }
    let data = try readPrefix(path)
    let file: SourceFile
    do {
      file = try SourceFile(name: path, bytes: [UInt8](data))
    } catch {
      throw CLIError(error.rendered)
    }
    let base = (path as NSString).lastPathComponent
    let name = base.hasSuffix(".av") ? String(base.dropLast(3)) : base
    return (file, name)
  }

  /// At most `Limits.maxSourceBytes` of the file: one byte more means it is
  /// too big, and nothing past that is read (a huge file or an endless FIFO
  /// is refused at once instead of being read whole into memory).
  static func readPrefix(_ path: String) throws(CLIError) -> Data {
    let limit = Limits.maxSourceBytes
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CLIError("\(path): error: cannot read the file (permission denied?)")
    }
    defer { try? handle.close() }
    var data = Data()
    while data.count <= limit {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: limit + 1 - data.count)
      } catch {
        throw CLIError("\(path): error: cannot read the file (\(error.localizedDescription))")
      }
      guard let chunk, !chunk.isEmpty else { return data }
      data.append(chunk)
    }
    // Where it goes past the limit, in the checker's words for a smaller file.
    let line = 1 + data.prefix(limit).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    // The size on disk, when that is what went past (a FIFO's is 0).
    let onDisk = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    let bytes = onDisk.flatMap { $0 > limit ? $0 : nil }
    throw CLIError("\(path):\(line):1: error: \(SourceFile.tooLong(bytes: bytes))")
  }

  /// A demo name or a file path, as `export` takes: paths end in .av or contain a slash.
  static func demoOrFile(_ argument: String) throws(CLIError) -> (SourceFile, displayName: String) {
    if argument.hasSuffix(".av") || argument.contains("/")
      || DemoCatalog.named(argument) == nil
        && FileManager.default.fileExists(atPath: argument)
    {
      return try file(at: argument)
    }
    return try demo(named: argument)
  }

  /// Prints the compiler's warnings on stderr, as a compiler does
  /// (`FILE:LINE:COL: warning: ...`, the line, a caret); the program still runs.
  static func printWarnings(_ program: CompiledProgram) {
    for warning in program.warnings { printError(warning.rendered) }
  }

  /// The status line's first message in the full-screen view: the first
  /// warning, and how many there are.
  static func notice(_ program: CompiledProgram) -> String? {
    guard let first = program.warnings.first else { return nil }
    let more =
      program.warnings.count > 1 ? " (and \(English.count(program.warnings.count - 1, "more warning")))" : ""
    return "warning: line \(first.line): \(first.message)\(more)"
  }

  /// Compiles, turning a diagnostic into its rendered message.
  static func compile(_ file: SourceFile, overrides: [String: Int64] = [:]) throws(CLIError)
    -> CompiledProgram
  {
    do {
      return try CompiledProgram.compile(file, overrides: overrides)
    } catch {
      throw CLIError(error.rendered)
    }
  }
}
