/// The JavaScript helpers every Node translation uses, printed after the
/// program. Written for this translation: each piece says which .av construct
/// it stands for and which Node mechanism carries it (docs/translate.md).
enum NodePrelude {
  /// The values, the built-ins and the per-program bookkeeping.
  static let helpers = #"""
    "use strict";

    // ---- the .av values ----

    /** `()`, the value of a fn without `return`, and `none`, a timeout that expired. */
    const UNIT = Symbol("()");
    const NONE = Symbol("none");

    /** A duration (microseconds), printed as .av prints it. */
    class Dur {
      constructor(us) { this.us = us; }
    }
    const dur = (us) => new Dur(us);

    /** A value as asyncviz prints it. */
    function show(v) {
      if (v === UNIT) return "()";
      if (v === NONE) return "none";
      if (v instanceof Dur) {
        if (v.us !== 0 && v.us % 1000000 === 0) return `${v.us / 1000000}s`;
        if (v.us % 1000 === 0) return `${v.us / 1000}ms`;
        return `${v.us}us`;
      }
      if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
      return String(v);
    }

    /** `==`: same kind and value; lists item by item. */
    function eq(a, b) {
      if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
      if (a instanceof Dur && b instanceof Dur) return a.us === b.us;
      return a === b;
    }

    /** `list[i]`. */
    function item(list, i) {
      if (!Array.isArray(list)) throw new Error(`${show(list)} is not a list`);
      return list[i];
    }

    /** The whole number of `repeat n` and `for i in a..b`. */
    function int(v) {
      if (typeof v !== "number") throw new Error(`${show(v)} is not a whole number`);
      return v;
    }

    /** The microseconds of a duration argument. */
    function micros(v) {
      if (!(v instanceof Dur)) throw new Error(`${show(v)} is not a duration`);
      return v.us;
    }

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

    // ---- the built-ins ----

    /** `print(v)`: where the lines go is the runner's choice (see `run`). */
    let printLine = (line) => console.log(line);
    function print(v) { printLine(show(v)); return UNIT; }

    /** `sleep(d)`: setTimeout; Node fires it in the timers phase (a delay under 1 ms is 1 ms). */
    function sleep(us) {
      return new Promise((resolve) => {
        armed();
        const timer = ideal.timer(us);
        setTimeout(() => { ideal.fire(timer); fired(); resolve(UNIT); }, us / 1000);
      });
    }

    /** `yield_now()`: give the loop one turn; the continuation waits for the check phase. */
    function yieldNow() {
      return new Promise((resolve) => {
        armed();
        const born = ideal.immediate();
        setImmediate(() => { ideal.settle(born); fired(); resolve(UNIT); });
      });
    }

    /** `join(a, b, ...)`: Promise.all; the promises started when they were made. */
    function join(...futures) { return Promise.all(futures); }

    /** `select(a, b, ...)`: Promise.race giving `[index, value]`. The losers are not
     *  cancelled: they run on, and their prints and timers still happen. */
    function select(...futures) { return Promise.race(futures.map((f, i) => f.then((v) => [i, v]))); }

    /** `timeout(d, f)`: f raced with a timer; `none` if the timer wins. Neither is
     *  cancelled: the timer keeps the process alive until it fires. */
    function timeout(us, future) { return Promise.race([future, sleep(us).then(() => NONE)]); }

    /** `lost_waker()`: a promise that nothing ever settles. */
    function lostWaker() { return new Promise(() => {}); }

    /** `self_wake(n)`: gives the loop a turn n times (setImmediate), then is done. */
    async function selfWake(n) {
      for (let i = 0; i < n; i++) await yieldNow();
      return UNIT;
    }

    /** `block(d)`: a blocking call; the only JS thread sleeps and nothing else runs. */
    const blocker = new Int32Array(new SharedArrayBuffer(4));
    function block(us) {
      Atomics.wait(blocker, 0, 0, us / 1000);
      ideal.now += us;
      return UNIT;
    }

    /** `work(d)`: CPU work on the JS thread for d. */
    function work(us) {
      const end = performance.now() + us / 1000;
      while (performance.now() < end) {}
      ideal.now += us;
      return UNIT;
    }

    /** The text a resource request sends: the arguments shown, joined by ", ". */
    function request(...args) { return args.map(show).join(", "); }

    /** What a resource answers: the request echoed, shortened to 20 characters with its
     *  parentheses closed (asyncviz's `ResourceSpec.reply`). */
    function reply(resource, op, text) {
      const chars = Array.from(text);
      if (chars.length <= 20) return `${resource}.${op}(${text})`;
      const kept = chars.slice(0, 20).join("");
      const opens = Array.from(kept).filter((c) => c === "(").length;
      const closes = Array.from(kept).filter((c) => c === ")").length;
      return `${resource}.${op}(${kept}...${")".repeat(Math.max(0, opens - closes))})`;
    }

    /** `channel NAME capacity N`: a bounded queue of promises. `send` settles at once
     *  while there is room (or a receiver waits), else when a receiver makes room;
     *  `recv` settles at once with the oldest value, else when a value is sent. Waiters
     *  are served first come, first served. Never closed. */
    class Channel {
      constructor(capacity) {
        this.capacity = capacity;
        this.items = [];
        this.receivers = [];
        this.senders = [];
      }

      send(value) {
        if (this.receivers.length > 0) {
          this.receivers.shift()(value);
          return Promise.resolve(UNIT);
        }
        if (this.items.length < this.capacity) {
          this.items.push(value);
          return Promise.resolve(UNIT);
        }
        return new Promise((resolve) => this.senders.push({ value, resolve }));
      }

      recv() {
        if (this.items.length > 0) {
          const value = this.items.shift();
          if (this.senders.length > 0) {
            const sender = this.senders.shift();
            this.items.push(sender.value);
            sender.resolve(UNIT);
          }
          return Promise.resolve(value);
        }
        if (this.senders.length > 0) {
          const sender = this.senders.shift();
          sender.resolve(UNIT);
          return Promise.resolve(sender.value);
        }
        return new Promise((resolve) => this.receivers.push(resolve));
      }
    }

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
