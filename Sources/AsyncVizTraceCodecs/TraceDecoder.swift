import AsyncVizTrace
import AsyncVizTraceState

/// Decodes the asyncviz JSON format from a `JSONReadWindow` in one forward
/// pass, straight into `Trace` values: no JSON tree, no `Decodable`. Keys
/// may come in any order and any JSON whitespace is accepted; everything the
/// format requires is checked, and the first problem becomes a
/// `TraceReadError` naming the event and byte offset.
///
/// Scanning primitives are in `TraceDecoder+Scan.swift`, the event object in
/// `+Events`, the rest of the file's structure in `+Document`, and the checks
/// that need the whole file (task ids) in `+Checks`.
struct TraceDecoder: ~Copyable {
  /// The bytes being read.
  var window: JSONReadWindow
  /// The file's name for messages.
  let path: String
  /// The index of the event being decoded, for messages; nil outside `events`.
  var eventIndex: Int?
  /// Unescaped string bytes when a string has escapes or non-ASCII text.
  var scratch = JSONBytes(capacity: 256)
  /// A key's bytes when the window had to be refilled before its colon.
  var keyScratch = JSONBytes(capacity: 64)
  /// The string table being built: "" and the well-known strings, then the
  /// events' strings in order of first use.
  var interner = StringInterner()

  /// `program`, once read.
  var program: ProgramInfo?
  /// `tasks`, once read.
  var tasks: [TaskRecord]?
  /// Decoded events; `events.count` is the next `seq`.
  var events = EventLog()
  /// Whether `events` was read (an empty array is fine).
  var sawEvents = false
  /// `end`, once read: `.some(nil)` for a live trace's `null`.
  var end: RunEnd??
  /// The `name` of each spawn event, checked against the task table at the end.
  var spawnNames: [(event: Int, name: String)] = []
  /// The (resource, op) pairs of the `io_send` events read so far, so that an
  /// `awaiting` "db.query" reads as that resource call (`ResourceOps.key`).
  var resourceOps: Set<Int64> = []

  /// Where the top-level object's reading is (it may pause inside "events").
  var top = TopLevel()

  /// What the top-level loop has seen so far.
  struct TopLevel {
    /// No member read yet (no comma expected).
    var first = true
    /// No event read yet.
    var firstEvent = true
    var sawFormat = false
    var sawVersion = false
    /// An unknown key, reported after the object unless a Chrome key turns up first.
    var unknownKey: TraceReadError?
  }

  /// A decoder over `window`; it takes ownership of the window's memory.
  init(window: consuming JSONReadWindow, path: String) {
    self.window = window
    self.path = path
  }

  /// An error at the current position.
  func fail(_ message: String) -> TraceReadError {
    TraceReadError(path: path, message: message, event: eventIndex, byteOffset: window.offset)
  }

  /// An error at a given offset (the start of the value it is about).
  func fail(_ message: String, at offset: Int64) -> TraceReadError {
    TraceReadError(path: path, message: message, event: eventIndex, byteOffset: offset)
  }
}
