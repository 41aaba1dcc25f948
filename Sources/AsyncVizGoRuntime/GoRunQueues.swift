import AsyncVizTrace

/// The run queues of Go's scheduler (Go 1.19, runtime/proc.go), for the go
/// model: each P's `runnext` slot and 256-slot local queue, the global queue,
/// and the order `schedule` takes goroutines in. Goroutines are named by an
/// id; what they run and where they wait is the model's, not this type's.
///
/// Go does the same with atomics (other Ps steal concurrently); the model runs
/// one scheduling decision at a time, so plain values say the same rules.
public struct GoRunQueues: Sendable {
  /// A P's queues.
  public struct P: Sendable, Equatable {
    /// The goroutine that runs next, before the local queue (proc.go:5785 `runqput`).
    public var runnext: Int?
    /// The local run queue, head first; at most `GoRunQueues.localCapacity`.
    public var local: [Int] = []
    /// Goroutines scheduled from a queue (not from runnext): every 61st looks
    /// at the global queue first (proc.go:2536, :2605).
    public var schedtick: UInt32 = 0
  }

  /// A local run queue's slots (proc.go `runq [256]guintptr`).
  public static let localCapacity = GoCosts.localQueueCapacity

  /// The Ps, `GOMAXPROCS` of them.
  public private(set) var ps: [P]
  /// The global run queue, head first.
  public private(set) var global: [Int] = []

  /// `procs` Ps with empty queues.
  public init(procs: Int) { ps = Array(repeating: P(), count: max(1, procs)) }

  /// Sets P `p`'s schedtick: where it stands when main.main starts (see `GoScheduler.mainSchedtick`).
  public mutating func setSchedtick(_ tick: UInt32, on p: Int) { ps[p].schedtick = tick }

  /// `runqput`: with `next` (a new goroutine, `go f()`, proc.go:4101; a woken
  /// one, `ready`, proc.go:860) `g` takes P `p`'s runnext and the goroutine
  /// there moves to the tail of the local queue; otherwise `g` goes to the
  /// tail. A full local queue moves its first half, then the goroutine, to the
  /// global queue (`runqputslow`, proc.go:5819).
  public mutating func put(_ g: Int, on p: Int, next: Bool) {
    var g = g
    if next {
      let old = ps[p].runnext
      ps[p].runnext = g
      guard let old else { return }
      g = old
    }
    if ps[p].local.count < Self.localCapacity {
      ps[p].local.append(g)
      return
    }
    let half = Self.localCapacity / 2
    global.append(contentsOf: ps[p].local.prefix(half))
    global.append(g)
    ps[p].local.removeFirst(half)
  }

  /// `globrunqput`: `runtime.Gosched` (proc.go:3375) and a goroutine preempted
  /// after its 10 ms go to the tail of the global queue.
  public mutating func putGlobal(_ g: Int) { global.append(g) }

  /// What `schedule` runs next on P `p` from the queues (`findRunnable`, proc.go:2605):
  /// every 61st schedtick one goroutine from the global queue; then runnext
  /// (which inherits the time slice: schedtick does not count it); then the
  /// local queue's head; then a batch from the global queue (`globrunqget`,
  /// proc.go:5603). Nil if all are empty: then Go polls the network and steals.
  public mutating func next(on p: Int) -> Int? { take(on: p)?.g }

  /// `next(on:)`, and whether the goroutine came from runnext (`runqget`'s
  /// `inheritTime`: it runs in the time slice of the goroutine before it).
  public mutating func take(on p: Int) -> (g: Int, inheritTime: Bool)? {
    if ps[p].schedtick % GoCosts.globalQueueEvery == 0, !global.isEmpty {
      ps[p].schedtick &+= 1
      return (global.removeFirst(), false)
    }
    if let g = ps[p].runnext {
      ps[p].runnext = nil
      return (g, true)
    }
    return takeQueued(on: p).map { ($0, false) }
  }

  /// The local queue's head, else a batch from the global queue.
  private mutating func takeQueued(on p: Int) -> Int? {
    if !ps[p].local.isEmpty {
      ps[p].schedtick &+= 1
      return ps[p].local.removeFirst()
    }
    guard !global.isEmpty else { return nil }
    var n = min(global.count, global.count / ps.count + 1, Self.localCapacity / 2)
    let g = global.removeFirst()
    n -= 1
    while n > 0 {
      put(global.removeFirst(), on: p, next: false)
      n -= 1
    }
    ps[p].schedtick &+= 1
    return g
  }

  /// Whether P `p` has nothing in runnext or its local queue (`runqempty`).
  public func isEmpty(_ p: Int) -> Bool { ps[p].runnext == nil && ps[p].local.isEmpty }

  /// `runqsteal` (proc.go:5963 `runqgrab`): P `thief` takes the first half
  /// (rounded up) of P `victim`'s local queue and runs the last one taken; if
  /// that queue is empty, the victim's runnext. Go only takes a running P's
  /// runnext after a 3 µs pause, to let its owner run it: the model takes it
  /// when the victim is not running a goroutine.
  public mutating func steal(into thief: Int, from victim: Int, victimRunning: Bool) -> Int? {
    let n = ps[victim].local.count - ps[victim].local.count / 2
    if n == 0 {
      guard !victimRunning, let g = ps[victim].runnext else { return nil }
      ps[victim].runnext = nil
      ps[thief].schedtick &+= 1
      return g
    }
    var taken = Array(ps[victim].local.prefix(n))
    ps[victim].local.removeFirst(n)
    let g = taken.removeLast()
    ps[thief].local.append(contentsOf: taken)
    ps[thief].schedtick &+= 1
    return g
  }
}
