/// The JavaScript that runs a translated program on Node's loop and reports
/// it: each program's count of pending timers and immediates (to know when it
/// is over, where Node would exit), the exact clock kept beside the real one,
/// and `run`, which prints the oracle's marker lines. Part of the helpers
/// every Node translation carries (`NodePrelude`).
enum NodeLoopHelpers {
  static let text = #"""
    // ---- what keeps a program alive ----
    // Node's process lives while the loop has active handles (a pending timer or immediate).
    // Many programs run one after the other in one process here, so each counts its own:
    // `alive.handles` is the number of its timers and immediates not yet run. When it falls
    // to 0, a check runs at the next turn of the loop (after the microtasks have drained):
    // if it is still 0, the program is over, exactly where Node would exit.

    const alive = { handles: 0, idle: null };

    function armed() { alive.handles += 1; }

    function fired() {
      alive.handles -= 1;
      if (alive.handles === 0) setImmediate(checkIdle);
    }

    function checkIdle() {
      if (alive.handles === 0 && alive.idle !== null) {
        const idle = alive.idle;
        alive.idle = null;
        idle();
      }
    }

    // ---- the ideal clock ----
    // Real time drifts: each wakeup is late by up to a millisecond, more on a busy machine, and
    // a loop that wakes late runs every due timer of one delay's list before the next list's,
    // so lateness can reorder callbacks. The helpers keep the time each callback should run at
    // on an exact clock (a timer at its maker's time plus its delay, whole milliseconds, at
    // least 1; an immediate at its maker's time; block and work add their time). They note
    // `late` when a callback runs after one due later than it (the real order left the exact
    // one), and `tie` when two pending timers of different lists fall due at the same moment,
    // or an immediate is queued at the moment a pending timer falls due: Node's order there
    // depends on real instants. `hops` counts the timers in a row that led to the running
    // callback (each can add up to a millisecond of real lateness); `callbacks` counts the
    // timers and immediates of the run (each takes real time the exact clock does not count).

    const ideal = {
      now: 0,
      last: 0,
      hops: 0,
      callbacks: 0,
      late: false,
      tie: false,
      pending: new Set(),

      reset() {
        this.now = 0;
        this.last = 0;
        this.hops = 0;
        this.callbacks = 0;
        this.late = false;
        this.tie = false;
        this.pending.clear();
      },

      timer(us) {
        const delay = Math.max(1, Math.ceil(us / 1000)) * 1000;
        const timer = { deadline: this.now + delay, delay, born: this.now, hops: this.hops + 1 };
        this.callbacks += 1;
        for (const other of this.pending) {
          const sameList = other.delay === delay && other.born === timer.born;
          if (!sameList && other.deadline === timer.deadline) this.tie = true;
        }
        this.pending.add(timer);
        return timer;
      },

      fire(timer) {
        this.pending.delete(timer);
        this.settle(timer.deadline);
        this.hops = timer.hops;
      },

      immediate() {
        this.callbacks += 1;
        for (const other of this.pending) if (other.deadline === this.now) this.tie = true;
        return this.now;
      },

      /** A callback due at `at` starts. */
      settle(at) {
        if (at < this.last) this.late = true;
        this.last = Math.max(this.last, at);
        this.now = Math.max(this.now, at);
      },
    };

    // ---- running a program ----

    /** Runs `main` and reports between the oracle's marker lines: `##oracle start NAME`,
     *  the printed lines, `##oracle ideal NAME US HOPS/CALLBACKS FLAGS` (when main returned
     *  on the ideal clock, after HOPS timers in a row, CALLBACKS macrotasks in all; FLAGS `late`, `tie` or `-`, see `ideal`), then `##oracle end NAME MICROSECONDS` (when main
     *  returned, real time) once nothing of the program is left, or `##oracle stuck NAME` if
     *  the loop ran dry before main returned (Node would exit with code 0 there), or
     *  `##oracle panic NAME`. */
    function run(name, main, emit) {
      return new Promise((done) => {
        printLine = emit.line;
        emit.start(name);
        let outcome = null;
        let idealEnd = null;
        let hops = 0;
        alive.handles = 0;
        alive.idle = null;
        // main starts inside a timer callback: libuv has just updated its cached loop time
        // (timers run first in a loop turn), so the timers main arms start from the moment
        // `start` is read, and an immediate main queues runs before any timer main arms (from
        // the main script, a 1 ms timer and an immediate race: Node's famous setTimeout(0)
        // versus setImmediate order depends on how long the process took to start).
        setTimeout(() => {
          // Armed only now: a check the previous program left queued must not end this one.
          alive.idle = () => {
            const flags = [ideal.late ? "late" : "", ideal.tie ? "tie" : ""].filter((f) => f).join(",") || "-";
            emit.ideal(name, idealEnd ?? "stuck", `${hops}/${ideal.callbacks}`, flags);
            emit.end(name, outcome ?? "stuck");
            done();
          };
          ideal.reset();
          const start = performance.now();
          main().then(
            () => {
              outcome = Math.round((performance.now() - start) * 1000);
              idealEnd = ideal.now;
              hops = ideal.hops;
            },
            (error) => {
              outcome = "panic";
              console.error(`${name}: ${error?.stack ?? error}`);
            },
          );
          // Nothing armed (a main that finishes or hangs at once): check after this turn.
          setImmediate(checkIdle);
        }, 0);
      });
    }

    /** Marker lines printed as they come (a single program). */
    const printNow = {
      start: (name) => console.log(`##oracle start ${name}`),
      line: (line) => console.log(line),
      ideal: (name, end, hops, flags) => console.log(`##oracle ideal ${name} ${end} ${hops} ${flags}`),
      end: (name, outcome) => console.log(markerEnd(name, outcome)),
    };

    function markerEnd(name, outcome) {
      if (typeof outcome === "number") return `##oracle end ${name} ${outcome}`;
      return `##oracle ${outcome} ${name}`;
    }
    """#
}
