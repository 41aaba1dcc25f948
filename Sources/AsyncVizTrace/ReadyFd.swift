/// One entry of a wait's ready list: what the kernel (or the simulated
/// backend) reported, as the runtime receives it and as the reducer keeps it.
public struct ReadyFd: Sendable, Equatable {
  /// The file descriptor.
  public var fd: Int32
  /// What it is ready for.
  public var readiness: Interest

  /// Makes an entry.
  public init(fd: Int32, readiness: Interest) {
    self.fd = fd
    self.readiness = readiness
  }
}
