// asyncviz-bench: the speed figures the issues ask for, measured in one run
// (never in tests: the machines are shared and noisy). Build with
// `swift build -c release --product asyncviz-bench` and pin it to one core:
// `taskset -c 0 .build/release/asyncviz-bench [executor|...]`.
let selected = Set(CommandLine.arguments.dropFirst())
func wants(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

if wants("executor") { runYieldBenchmarks() }
if wants("queue") { runQueueBenchmarks() }
if wants("epoll") { runEpollBenchmarks() }
if wants("ui") { runUIBenchmarks() }
if wants("traceio") { runTraceIOBenchmarks() }
if wants("scale") { runScaleBenchmarks() }
