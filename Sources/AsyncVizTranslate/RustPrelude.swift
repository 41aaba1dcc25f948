/// The Rust helpers every translated program uses, printed after the program
/// so that the program comes first. Written for this translation: each piece
/// says which .av construct it stands for.
enum RustPrelude {
  /// The `use` lines at the top of a translated program.
  static let imports = """
    use std::fmt;
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::LazyLock;
    use std::task::{Context, Poll};
    use std::time::Duration;
    use tokio::sync::{mpsc, Mutex};
    use tokio::task::{yield_now, JoinHandle};
    use tokio::time::{sleep, timeout, Instant};
    """

  /// The helpers.
  static let helpers = #"""
    /// A value of the .av program. The language is dynamically typed (a
    /// variable may hold an integer, a string, a duration, `()`, `none` or a
    /// list), so the translation keeps one enum; `Display` prints each value
    /// exactly as asyncviz does.
    #[derive(Clone, Debug, PartialEq)]
    pub enum Value {
        Unit,
        None,
        Int(i64),
        Str(String),
        Dur(Duration),
        List(Vec<Value>),
    }

    impl fmt::Display for Value {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Value::Unit => f.write_str("()"),
                Value::None => f.write_str("none"),
                Value::Int(n) => write!(f, "{n}"),
                Value::Str(s) => f.write_str(s),
                Value::Dur(d) => {
                    let us = d.as_micros();
                    if us != 0 && us % 1_000_000 == 0 {
                        write!(f, "{}s", us / 1_000_000)
                    } else if us % 1_000 == 0 {
                        write!(f, "{}ms", us / 1_000)
                    } else {
                        write!(f, "{us}us")
                    }
                }
                Value::List(items) => {
                    f.write_str("[")?;
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{item}")?;
                    }
                    f.write_str("]")
                }
            }
        }
    }

    impl Value {
        /// `list[i]`.
        pub fn item(&self, i: usize) -> Value {
            match self {
                Value::List(items) => items[i].clone(),
                other => panic!("{other} is not a list"),
            }
        }

        /// The whole number in `repeat n`, `for i in a..b` and `self_wake(n)`.
        pub fn int(&self) -> i64 {
            match self {
                Value::Int(n) => *n,
                other => panic!("{other} is not a whole number"),
            }
        }

        /// The duration in `sleep(d)`, `timeout(d, f)`, `block(d)` and `work(d)`.
        pub fn duration(&self) -> Duration {
            match self {
                Value::Dur(d) => *d,
                other => panic!("{other} is not a duration"),
            }
        }
    }

    /// What a resource answers: the request echoed, shortened to 20
    /// characters with its parentheses closed (asyncviz's `ResourceSpec.reply`).
    pub fn reply(resource: &str, op: &str, request: &str) -> Value {
        const LIMIT: usize = 20;
        if request.chars().count() <= LIMIT {
            return Value::Str(format!("{resource}.{op}({request})"));
        }
        let kept: String = request.chars().take(LIMIT).collect();
        let open = kept.matches('(').count().saturating_sub(kept.matches(')').count());
        Value::Str(format!("{resource}.{op}({kept}...{})", ")".repeat(open)))
    }

    /// A future of `()` as a future of `Value::Unit`. The future passed in is
    /// made when `unit` is called, so `unit(sleep(d))` fixes the deadline then,
    /// as `sleep(d)` alone would.
    pub async fn unit(future: impl Future<Output = ()>) -> Value {
        future.await;
        Value::Unit
    }

    /// `timeout(d, f)`: f's value, or `none` if the time ran out first.
    pub async fn or_none(future: tokio::time::Timeout<impl Future<Output = Value>>) -> Value {
        future.await.unwrap_or(Value::None)
    }

    /// A join handle where a future is expected (in `join`, `select`, `timeout`).
    pub async fn joined(handle: JoinHandle<Value>) -> Value {
        handle.await.unwrap()
    }

    /// `work(d)`: CPU work inside the poll. It spins on the real clock (a
    /// paused clock would never move), keeping the thread busy for `d`.
    pub fn work(d: Duration) {
        let end = std::time::Instant::now() + d;
        while std::time::Instant::now() < end {
            std::hint::spin_loop();
        }
    }

    /// `channel NAME capacity N`: a bounded tokio mpsc channel of N values.
    /// Any task may receive, so the receiver sits behind a (fair, FIFO)
    /// tokio Mutex; the channel lives as long as the program, never closed.
    pub struct Channel {
        tx: mpsc::Sender<Value>,
        rx: Mutex<mpsc::Receiver<Value>>,
    }

    impl Channel {
        pub fn new(capacity: usize) -> Channel {
            let (tx, rx) = mpsc::channel(capacity);
            Channel { tx, rx: Mutex::new(rx) }
        }

        /// Waits while the channel is full (backpressure), then puts `value` in.
        pub async fn send(&self, value: Value) -> Value {
            self.tx.send(value).await.expect("the receiver lives as long as the channel");
            Value::Unit
        }

        /// Waits for the oldest value.
        pub async fn recv(&self) -> Value {
            let mut rx = self.rx.lock().await;
            rx.recv().await.expect("the sender lives as long as the channel")
        }
    }

    /// `lost_waker()`: a deliberately broken leaf future. It returns Pending
    /// without keeping the waker, so nothing can ever wake its task.
    pub struct LostWaker;

    impl Future for LostWaker {
        type Output = Value;
        fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Value> {
            Poll::Pending
        }
    }

    pub fn lost_waker() -> LostWaker {
        LostWaker
    }

    /// `self_wake(n)`: a deliberately wasteful leaf future. It wakes its own
    /// task and returns Pending n times (busy-polling), then is ready.
    pub struct SelfWake {
        left: i64,
    }

    impl Future for SelfWake {
        type Output = Value;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Value> {
            if self.left <= 0 {
                return Poll::Ready(Value::Unit);
            }
            self.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    pub fn self_wake(n: i64) -> SelfWake {
        SelfWake { left: n }
    }
    """#
}
