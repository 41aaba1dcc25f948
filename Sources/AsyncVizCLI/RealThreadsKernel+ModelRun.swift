import AsyncVizLang
import AsyncVizPosix

/// `--model threads --backend epoll`: the threads run at once, not one
/// scheduling decision at a time, so its first step runs it whole.
extension RealThreadsKernel: ModelRun {
  public func advance() { run() }
}
