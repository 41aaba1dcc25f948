/// .av sources that more than one test runs: the go model's test, the
/// real-Go test and the threads model's test judge the same program, so it is
/// written once here and none can drift from the others.
public enum SharedSources {
  /// Two goroutines each spin 30 ms of CPU: Go's sysmon preempts each after
  /// 10 ms, so the slices alternate and `b` finishes first, at 60 ms.
  public static let twoSpinners = """
    async fn spin(name) {
        work(30ms)
        print("{name} done")
    }
    async fn main() {
        let a = spawn spin("a")
        let b = spawn spin("b")
        await a
        await b
    }
    """
}
