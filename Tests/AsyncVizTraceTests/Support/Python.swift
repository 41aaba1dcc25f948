import Foundation
import Testing

/// Runs `python3 -c script args...` and returns its exit status and output.
/// A missing python3 or jsonschema package fails the calling test with a
/// message saying what to install (CI installs it with pip): never a skip.
enum Python {
  /// What to install when the validator cannot run.
  static let installHint =
    "install python3 and the jsonschema package (pip install jsonschema, or apt-get install python3-jsonschema)"

  /// The exit status and combined output of a run; nil when python3 could not be started.
  static func run(_ script: String, _ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do {
      try process.run()
    } catch {
      return nil
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Validates JSON files against the schema; returns the validator's report,
  /// recording an issue when it cannot run at all.
  static func validate(
    schema: String, files: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) -> (valid: Bool, report: String)? {
    guard let (status, output) = run(validatorScript, [schema] + files) else {
      Issue.record("cannot start python3: \(installHint)", sourceLocation: sourceLocation)
      return nil
    }
    if status == 3 || status == 127 {
      Issue.record(
        "\(output.trimmingCharacters(in: .whitespacesAndNewlines)): \(installHint)",
        sourceLocation: sourceLocation)
      return nil
    }
    return (status == 0, output)
  }

  /// Exit 0: all valid; 1: some invalid. One line "FILE: valid" per valid
  /// file, and per invalid one up to 3 lines "FILE: PATH: MESSAGE";
  /// exit 3: jsonschema missing; 2: a bad schema.
  static let validatorScript = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("python3 cannot import jsonschema")
        sys.exit(3)
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        print("bad schema:", e.message)
        sys.exit(2)
    validator = jsonschema.Draft202012Validator(schema)
    bad = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:3]:
            print(path + ":", "/".join(str(p) for p in e.absolute_path) + ":", e.message)
        if not errors:
            print(path + ": valid")
        bad = bad or bool(errors)
    sys.exit(1 if bad else 0)
    """
}
