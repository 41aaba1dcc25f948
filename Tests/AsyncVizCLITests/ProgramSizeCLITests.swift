import Foundation
import Testing

// A program file is read up to the limit plus one byte, never whole: a
// huge file is refused at once, whatever its size.

/// A sparse file of `size` bytes (no disk used) after a short valid start.
private func sparseProgram(_ size: Int64) throws -> URL {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("big.av")
  try "async fn main() {\n}\n#".write(to: file, atomically: true, encoding: .utf8)
  let handle = try FileHandle(forWritingTo: file)
  try handle.truncate(atOffset: UInt64(size))
  try handle.close()
  return file
}

@Test(arguments: [Int64(1 << 20) + 1, Int64(1) << 30, Int64(8) << 30, Int64(1) << 40])
func aFileOverTheLimitIsRefusedWithoutReadingItWhole(_ size: Int64) throws {
  let file = try sparseProgram(size)
  for command in [["run", file.path, "--plain"], ["export", file.path, "-o", "/dev/null"]] {
    let r = try CLIRunner.run(command)
    #expect(r.code == 2)
    #expect(
      r.stderr.contains("error: the program is \(size) bytes long, more than the 1048576"), "\(r.stderr)")
  }
}

@Test func aFileExactlyAtTheLimitIsRead() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("full.av")
  let head = "async fn main() {\n    print(\"ok\")\n}\n"
  let filler = 1 << 20 - head.utf8.count - 2
  try (head + "#" + String(repeating: "x", count: filler) + "\n").write(
    to: file, atomically: true, encoding: .utf8)
  #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == 1 << 20)
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 0, "\(r.stderr.prefix(300))")
}
