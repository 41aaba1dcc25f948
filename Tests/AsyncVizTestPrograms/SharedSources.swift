/// .av sources that more than one test runs (the go and threads models'
/// tests and real Go; the language's limits and the command line's runaway
/// runs; the epoll backend and the descriptor limit): each is written once
/// here, so the tests that judge it cannot drift apart.
public enum SharedSources {
  /// Two goroutines each spin 30 ms of CPU: Go's sysmon preempts each after
  /// 10 ms, so the slices alternate and `b` finishes first, at 60 ms.
  public static let twoSpinners = """
    async fn spin(name) {
        work(30ms)
        print("{name} done")
    }
    """ + MainFn.spawnsThenAwaits("spin", named: "a", "b")

  /// A task that loops without ever reaching an await that waits: the poll
  /// budget stops it at line 3, and main, which awaits it, goes on. The
  /// language's limit test and the command line's runaway test run it.
  public static let busyLoop = """
    async fn spin() {
        repeat 1000000000 {
            work(1us)
        }
        print("never")
    }
    async fn main() {
        let h = spawn spin()
        await h
        print("main goes on")
    }
    """

  /// Main spawns without bound: the task limit refuses the spawn at line 6
  /// and main stops there. The language's budget test and the command
  /// line's runaway test run it, each with a limit of its own.
  public static let endlessSpawner = """
    async fn f() {
        await sleep(1s)
    }
    async fn main() {
        repeat 1000000000 {
            spawn f()
        }
        print("not reached")
    }
    """

  /// Programs that drop requests to a resource 10 s slow, far slower than
  /// the run: `timeouts` timeouts that lose, `selects` selects whose two slow
  /// calls lose, `joins` joins of four calls dropped whole by a timeout of
  /// `joinTimeoutMs`. Each prints "done" at its end. The epoll tests check
  /// that a dropped request closes both ends of its connection at once; the
  /// command line's test runs them under a small descriptor limit.
  public static func requestDroppers(timeouts: Int, selects: Int, joins: Int, joinTimeoutMs: Int) -> [(
    name: String, source: String
  )] {
    [
      (
        "timeout losers",
        "resource slow latency 10s\nasync fn main() {\n    for i in 0..\(timeouts) {\n"
          + "        let r = await timeout(1ms, slow.get(i))\n    }\n    print(\"done\")\n}\n"
      ),
      (
        "select losers",
        "resource slow latency 10s\nresource fast latency 1ms\nasync fn main() {\n    for i in 0..\(selects) {\n"
          + "        let r = await select(fast.get(i), slow.get(i), slow.put(i))\n    }\n    print(\"done\")\n}\n"
      ),
      (
        "joins dropped by timeouts",
        "resource slow latency 10s\nasync fn main() {\n    for i in 0..\(joins) {\n"
          + "        let r = await timeout(\(joinTimeoutMs)ms, join(slow.a(i), slow.b(i), slow.c(i), slow.d(i)))\n"
          + "    }\n    print(\"done\")\n}\n"
      ),
    ]
  }
}
