// asyncviz-bench: the speed figures the issues ask for, measured in one run
// (never in tests: the machines are shared and noisy). Build with
// `swift build -c release --product asyncviz-bench` and pin it to one core:
// `taskset -c 0 .build/release/asyncviz-bench [executor|...]`.
// `once off|on|av` runs the yield workload once and nothing else, for
// callgrind (instructions per resumption), and prints its wall-clock and CPU
// rates (then, for off and on, the run's page faults and system CPU seconds);
// `once timers|ctimers|pingpong|cpingpong`
// runs one epoll workload alone; `ui-rust`, `ui-node`, `ui-go` or `ui-threads` runs
// that model's view figures alone (for a profiler).
let arguments = Array(CommandLine.arguments.dropFirst())
let once = arguments.first == "once"
// `view-child [FILE]`: one measured process of the viewmemory benchmark.
let child =
  arguments.first == "view-child" || arguments.first == "threads-child" || arguments.first == "rust-child"
let selected = Set(arguments)
func wants(_ name: String) -> Bool { !once && !child && (selected.isEmpty || selected.contains(name)) }

if once { runYieldOnce(arguments.dropFirst().first ?? "off") }
if arguments.first == "view-child" { runViewChild(arguments.dropFirst().first) }
if arguments.first == "threads-child" { runThreadsChild(arguments.dropFirst().first) }
if arguments.first == "rust-child" { runRustChild(arguments.dropFirst().first) }
if wants("executor") { runYieldBenchmarks() }
if wants("queue") { runQueueBenchmarks() }
if wants("epoll") { runEpollBenchmarks() }
if wants("ui") || (!once && !child && selected.contains { $0.hasPrefix("ui-") }) { runUIBenchmarks() }
if wants("traceio") { runTraceIOBenchmarks() }
if wants("scale") { runScaleBenchmarks() }
if wants("viewmemory") { runViewMemoryBenchmarks() }
if wants("reactor") { runReactorScaleBenchmarks() }
if wants("threads") { runThreadsBenchmarks() }
