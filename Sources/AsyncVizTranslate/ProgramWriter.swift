import AsyncVizTrace

/// The text of one generated program (see `ProgramGenerator`).
struct ProgramWriter {
  var random: SeededRandom
  private var lines: [String] = []
  private var depth = 0
  private var labels = 0
  private var variables = 0
  /// Resources: name and latency in ms.
  private var resources: [(name: String, ms: Int)] = []
  /// Helper fns written so far (callable by the ones after them), with what they take.
  private var helpers: [(name: String, parameter: Parameter)] = []

  /// What a helper fn takes: nothing, a number `n` it prints, or a future `f` it awaits.
  private enum Parameter {
    case none
    case number
    case future
  }
  /// Durations in ms used so far by sleeps and timeouts, to keep them distinct.
  private var usedMs: Set<Int> = []

  init(random: SeededRandom) { self.random = random }

  private static let resourceNames = ["db", "svc", "cache", "api", "disk"]
  private static let operations = ["get", "query", "call", "fetch"]

  mutating func program() -> String {
    var latencies = [11, 17, 23, 31, 43, 53, 67, 79]
    for name in Self.resourceNames.prefix(random.int(1...3)) {
      let ms = latencies.remove(at: random.int(0...latencies.count - 1))
      resources.append((name, ms))
      usedMs.insert(ms)
      line("resource \(name) latency \(ms)ms")
    }
    let channel = random.chance(40)
    var items = 0
    if channel {
      items = random.int(2...5)
      line("channel jobs capacity \(random.int(1...3))")
    }
    line("")
    if channel {
      function("producer", parameter: .none) { w in
        w.line("for i in 0..\(items) {")
        w.nested { w in
          w.line("await jobs.send(i)")
          w.print("sent {i}")
          if w.random.chance(50) { w.line("await \(w.sleepCall())") }
        }
        w.line("}")
      }
      function("consumer", parameter: .none) { w in
        w.line("repeat \(items) {")
        w.nested { w in
          let v = w.fresh()
          w.line("let \(v) = await jobs.recv()")
          if w.random.chance(50) {
            let r = w.fresh()
            w.line("let \(r) = await \(w.resourceCall("{\(v)}"))")
            w.print("consumed {\(r)}")
          } else {
            w.print("received {\(v)}")
          }
        }
        w.line("}")
      }
    }
    let count = random.int(1...3)
    let names = (0..<count).map { "step\($0 + 1)" }.reversed()
    for name in names {
      let parameter: Parameter = random.chance(20) ? .future : random.chance(60) ? .number : .none
      function(name, parameter: parameter) { w in
        if parameter == .future {
          w.body(statements: w.random.int(0...1), loops: 0)
          let v = w.fresh()
          w.line("let \(v) = await f")
          w.print("awaited its argument {\(v)}")
        }
        if parameter == .number { w.print("called with {n}") }
        w.body(statements: w.random.int(1...3), loops: 1)
      }
      helpers.append((name, parameter))
    }
    function("main", parameter: .none) { w in
      var handles: [String] = []
      if channel {
        let p = w.fresh()
        let c = w.fresh()
        w.line("let \(p) = spawn producer()")
        w.line("let \(c) = spawn consumer()")
        handles += [p, c]
      }
      for _ in 0..<w.random.int(1...3) {
        if w.random.chance(50) {
          let h = w.fresh()
          w.line("let \(h) = spawn \(w.helperCall())")
          handles.append(h)
        } else {
          w.statement(loops: 1)
        }
      }
      w.body(statements: w.random.int(0...2), loops: 1)
      for h in handles where w.random.chance(85) { w.line("await \(h)") }
      w.print("main done")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private mutating func function(_ name: String, parameter: Parameter, _ body: (inout ProgramWriter) -> Void)
  {
    let list: String
    switch parameter {
    case .none: list = ""
    case .number: list = "n"
    case .future: list = "f"
    }
    line("async fn \(name)(\(list)) {")
    nested(body)
    line("}")
    line("")
  }

  private mutating func body(statements: Int, loops: Int) {
    for _ in 0..<statements { statement(loops: loops) }
  }

  /// One statement (a loop holds one or two more).
  private mutating func statement(loops: Int) {
    switch random.int(0...9) {
    case 0, 1:
      let v = fresh()
      line("let \(v) = await \(resourceCall("req \(label())"))")
      print("got {\(v)}")
    case 2:
      line("await \(sleepCall())")
      print("slept")
    case 3:
      line("await yield_now()")
      print("yielded")
    case 4:
      let v = fresh()
      line("let \(v) = await join(\(futureCall()), \(futureCall()))")
      print("joined {\(v)}")
    case 5:
      let v = fresh()
      line("let \(v) = await select(\(futureCall()), \(futureCall()))")
      print("selected {\(v)}")
    case 6:
      let v = fresh()
      line("let \(v) = await timeout(\(distinctMs())ms, \(futureCall()))")
      print("timeout gave {\(v)}")
    case 7 where !helpers.isEmpty:
      if random.chance(50) {
        line("await \(helperCall())")
      } else {
        let h = fresh()
        line("let \(h) = spawn \(helperCall())")
        body(statements: random.int(0...1), loops: 0)
        line("await \(h)")
      }
    case 8 where loops > 0:
      if random.chance(50) {
        line("repeat \(random.int(1...3)) {")
        nested { w in w.body(statements: w.random.int(1...2), loops: loops - 1) }
      } else {
        let i = fresh()
        line("for \(i) in 0..\(random.int(1...3)) {")
        nested { w in
          w.print("round {\(i)}")
          w.body(statements: w.random.int(1...2), loops: loops - 1)
        }
      }
      line("}")
    case 9 where random.chance(50):
      // Made now, awaited later: tokio fixes a sleep's or a timeout's deadline
      // at the call, and an async fn or a request starts only when polled.
      let f = fresh()
      line("let \(f) = \(random.chance(50) ? futureCall() : "timeout(\(distinctMs())ms, \(futureCall()))")")
      print("made a future")
      line("await \(sleepCall())")
      let v = fresh()
      line("let \(v) = await \(f)")
      print("awaited later {\(v)}")
    default:
      print("note")
    }
  }

  /// A future for join, select or timeout.
  private mutating func futureCall() -> String {
    switch random.int(0...4) {
    case 0, 1: resourceCall("part \(label())")
    case 2: sleepCall()
    case 3 where !helpers.isEmpty: helperCall()
    default: resourceCall("alt \(label())")
    }
  }

  private mutating func resourceCall(_ argument: String) -> String {
    let r = random.pick(resources)
    return "\(r.name).\(random.pick(Self.operations))(\"\(argument)\")"
  }

  /// A sleep; now and then `sleep(0ms)`, which tokio finds ready at its first poll.
  private mutating func sleepCall() -> String {
    random.chance(8) ? "sleep(0ms)" : "sleep(\(distinctMs())ms)"
  }

  private mutating func helperCall() -> String {
    let h = random.pick(helpers)
    switch h.parameter {
    case .none: return "\(h.name)()"
    case .number: return "\(h.name)(\(random.int(1...9)))"
    case .future:
      // Not another helper: that could nest futures without bound.
      return random.chance(50) ? "\(h.name)(\(resourceCall("arg \(label())")))" : "\(h.name)(\(sleepCall()))"
    }
  }

  /// A duration in ms at least 5 ms from every latency and duration used before.
  private mutating func distinctMs() -> Int {
    for _ in 0..<50 {
      let ms = random.int(2...90)
      if usedMs.allSatisfy({ abs($0 - ms) >= 5 }) {
        usedMs.insert(ms)
        return ms
      }
    }
    let ms = (usedMs.max() ?? 0) + 5
    usedMs.insert(ms)
    return ms
  }

  private mutating func print(_ text: String) { line("print(\"\(label()) \(text)\")") }

  /// A label unique in the program, so every printed line says where it came from.
  private mutating func label() -> String {
    labels += 1
    return "L\(labels)"
  }

  private mutating func fresh() -> String {
    variables += 1
    return "v\(variables)"
  }

  private mutating func nested(_ body: (inout ProgramWriter) -> Void) {
    depth += 1
    body(&self)
    depth -= 1
  }

  private mutating func line(_ text: String) {
    lines.append(text.isEmpty ? "" : String(repeating: "    ", count: depth) + text)
  }
}
