import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary file an export is writing (one at a time), removed if the
/// process is interrupted (SIGINT, SIGTERM, SIGHUP) before it is renamed into
/// place; and the stale ones a killed export (SIGKILL) left, removed by the
/// next export to the same name.
enum TemporaryFiles {
  /// The path being written, as a C string a signal handler may read.
  /// Written only while no handler can run on it (the flag below is clear).
  nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(
    capacity: Int(PATH_MAX) + 1)
  /// Whether `path` holds a file to remove.
  private static let active = Atomic<Bool>(false)
  /// The signals that remove the file, then end the process as they would have.
  private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Starts guarding `temporary`. A signal whose handler is the default
  /// (the process would just die) gets one that removes the file first; one
  /// that is handled already (the full-screen view sets a flag and finishes
  /// its work) is left alone.
  static func track(_ temporary: String) {
    let bytes = Array(temporary.utf8CString)
    guard bytes.count <= Int(PATH_MAX) + 1 else { return }
    active.store(false, ordering: .sequentiallyConsistent)
    bytes.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { path.update(from: base, count: buffer.count) }
    }
    active.store(true, ordering: .sequentiallyConsistent)
    for sig in signals {
      var current = sigaction()
      sigaction(sig, nil, &current)
      guard current.__sigaction_handler.sa_handler == nil else { continue }  // nil is SIG_DFL
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in
        if TemporaryFiles.active.exchange(false, ordering: .sequentiallyConsistent) {
          unlink(TemporaryFiles.path)
        }
        var fallback = sigaction()
        sigemptyset(&fallback.sa_mask)
        sigaction(sig, &fallback, nil)
        raise(sig)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(bitPattern: SA_RESETHAND)
      sigaction(sig, &action, nil)
    }
  }

  /// Stops guarding: the file was renamed or removed.
  static func untrack() { active.store(false, ordering: .sequentiallyConsistent) }

  /// Removes ".NAME.PID.N.tmp" files next to `target` whose process is gone.
  static func removeStale(for target: String) {
    let folder = TraceFileOutput.folder(of: target)
    let slash = target.lastIndex(of: "/")
    let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
    let prefix = ".\(base)."
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { continue }
      let middle = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
      guard middle.count == 2, let pid = Int32(middle[0]), Int(middle[1]) != nil, pid != getpid() else {
        continue
      }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
    }
  }
}
