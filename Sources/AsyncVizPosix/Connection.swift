/// The task side of one resource request, as the executor thread sees it,
/// from `connect` to `close`.
struct Connection {
  /// The resource's name, for error messages.
  let resource: String
  /// The peer job serving the other end; cancelled when this end closes.
  let job: Int
  /// Answer bytes read so far (a frame may arrive in pieces).
  var received: [UInt8] = []
}
