/// The Go helpers every translated program uses, printed after the program
/// so that the program comes first. Written for this translation: each piece
/// says which .av construct it stands for. Standard library only.
enum GoPrelude {
  /// The package clause and imports.
  static let header = """
    package main

    import (
    	"fmt"
    	"os"
    	"reflect"
    	"runtime"
    	"strings"
    	"syscall"
    	"time"
    )
    """

  /// The helpers.
  static let helpers = #"""
    // Value is a value of the .av program. The language is dynamically typed, so
    // a variable holds one of: int64, string, time.Duration, Unit, None or a list
    // ([]Value). show prints each exactly as asyncviz does.
    type Value = any

    // Unit is (), what a fn without return and sleep give.
    type Unit struct{}

    // None is none, what timeout gives when the time runs out first.
    type None struct{}

    var unit Value = Unit{}
    var none Value = None{}

    func show(v Value) string {
    	switch x := v.(type) {
    	case Unit:
    		return "()"
    	case None:
    		return "none"
    	case int64:
    		return fmt.Sprint(x)
    	case string:
    		return x
    	case time.Duration:
    		us := x.Microseconds()
    		if us != 0 && us%1_000_000 == 0 {
    			return fmt.Sprintf("%ds", us/1_000_000)
    		}
    		if us%1_000 == 0 {
    			return fmt.Sprintf("%dms", us/1_000)
    		}
    		return fmt.Sprintf("%dus", us)
    	case []Value:
    		parts := make([]string, len(x))
    		for i, item := range x {
    			parts[i] = show(item)
    		}
    		return "[" + strings.Join(parts, ", ") + "]"
    	}
    	panic(fmt.Sprintf("not a .av value: %#v", v))
    }

    // eq is ==: same kind and equal data.
    func eq(a, b Value) bool { return reflect.DeepEqual(a, b) }

    // item is list[i].
    func item(v Value, i int) Value { return v.([]Value)[i] }

    // count is the whole number in repeat n, for i in a..b and self_wake(n).
    func count(v Value) int64 { return v.(int64) }

    // dur is the duration in sleep(d), timeout(d, f), block(d) and work(d).
    func dur(v Value) time.Duration { return v.(time.Duration) }

    func list(items ...Value) Value { return items }

    // reply is what a resource answers: the request echoed, shortened to 20
    // characters with its parentheses closed (asyncviz's ResourceSpec.reply).
    func reply(resource, op, request string) Value {
    	runes := []rune(request)
    	if len(runes) <= 20 {
    		return fmt.Sprintf("%s.%s(%s)", resource, op, request)
    	}
    	kept := string(runes[:20])
    	open := strings.Count(kept, "(") - strings.Count(kept, ")")
    	if open < 0 {
    		open = 0
    	}
    	return fmt.Sprintf("%s.%s(%s...%s)", resource, op, kept, strings.Repeat(")", open))
    }

    // Handle is what spawn gives: the goroutine's result, ready when done is closed.
    type Handle struct {
    	done  chan struct{}
    	value Value
    }

    // spawn is `spawn f()`: go f(), its result kept for whoever waits on the handle.
    func spawn(f func() Value) *Handle {
    	h := &Handle{done: make(chan struct{})}
    	go func() {
    		h.value = f()
    		close(h.done)
    	}()
    	return h
    }

    // Wait is `await h`: a receive that parks the goroutine until f has returned.
    func (h *Handle) Wait() Value {
    	<-h.done
    	return h.value
    }

    // start runs f on a new goroutine and gives the channel its result arrives on.
    // The channel has room for the result, so a goroutine nobody waits for any
    // more (a select's loser) still finishes: Go cannot cancel it.
    func start(f func() Value) chan Value {
    	c := make(chan Value, 1)
    	go func() { c <- f() }()
    	return c
    }

    // join is `join(a, b, ...)`: each future on its own goroutine, the results in order.
    func join(fs ...func() Value) Value {
    	cs := make([]chan Value, len(fs))
    	for i, f := range fs {
    		cs[i] = start(f)
    	}
    	out := make([]Value, len(fs))
    	for i, c := range cs {
    		out[i] = <-c
    	}
    	return out
    }

    // timeout is `timeout(d, f)`: f on its own goroutine against a timer; none if
    // the timer fires first (f goes on running: nothing cancels it).
    func timeout(d time.Duration, f func() Value) Value {
    	c := start(f)
    	select {
    	case v := <-c:
    		return v
    	case <-time.After(d):
    		return none
    	}
    }

    // sleep is `sleep(d)` where its () is used: the goroutine parks on a timer.
    func sleep(d time.Duration) Value {
    	time.Sleep(d)
    	return unit
    }

    // yieldNow is `yield_now()`: runtime.Gosched puts the goroutine on the global run queue.
    func yieldNow() Value {
    	runtime.Gosched()
    	return unit
    }

    // send is `C.send(v)`: waits while the channel is full (backpressure).
    func send(c chan Value, v Value) Value {
    	c <- v
    	return unit
    }

    // block is `block(d)`: a blocking system call (nanosleep). The goroutine's
    // thread stays in the kernel; the runtime hands its P to another thread, so
    // other goroutines go on running.
    func block(d time.Duration) {
    	ts := syscall.NsecToTimespec(d.Nanoseconds())
    	for syscall.Nanosleep(&ts, &ts) != nil {
    	}
    }

    // work is `work(d)`: d of CPU work. It spins on the clock and counts only the
    // time it runs: the runtime preempts a goroutine that runs for more than 10 ms,
    // and the time another goroutine then runs (a gap in the clock) is not work done.
    func work(d time.Duration) {
    	last := time.Now()
    	for d > 0 {
    		now := time.Now()
    		if step := now.Sub(last); step < 100*time.Microsecond {
    			d -= step
    		}
    		last = now
    	}
    }

    // lostWaker is `lost_waker()`: Go has no wakers; the nearest is a goroutine
    // waiting on something that never happens. It parks forever.
    func lostWaker() Value {
    	select {}
    }

    // selfWake is `self_wake(n)`: the goroutine gives up its turn n times.
    func selfWake(n Value) Value {
    	for i := int64(0); i < count(n); i++ {
    		runtime.Gosched()
    	}
    	return unit
    }

    var _ = os.Stderr
    """#
}
