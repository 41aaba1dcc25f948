/// The JavaScript helpers every Node translation uses, printed after the
/// program. Written for this translation: each piece says which .av construct
/// it stands for and which Node mechanism carries it (docs/translate.md).
enum NodePrelude {
  /// The values, the built-ins, then the per-program bookkeeping (`NodeLoopHelpers`).
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
    """# + "\n\n" + NodeLoopHelpers.text
}
