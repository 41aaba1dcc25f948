// swift-tools-version: 6.0
import PackageDescription

// Modules by concern; dependencies point one way (docs/architecture.md):
// Trace (events, recorder) <- TraceState (reducer, history, narration,
// transcript) <- TraceCodecs (JSON, Chrome); Trace <- Runtime <- Lang <- Translate,
// Runtime <- Posix, TraceState <- UI <- Terminal, and the thin `asyncviz`
// executable wires them together.

// The collections several targets use, named once.
let deque = Target.Dependency.product(name: "DequeModule", package: "swift-collections")
let heap = Target.Dependency.product(name: "HeapModule", package: "swift-collections")
// What a test that runs the demos and checks their traces against goldens
// needs besides the module it tests (the UI's and the quiz's tests).
let demoTestKit: [Target.Dependency] = [
  "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizRuntime", "AsyncVizLang", "AsyncVizExamples",
  "AsyncVizTestPrograms", "AsyncVizTestSupport", "AsyncVizTranslate",
]

let package = Package(
  name: "asyncviz",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "asyncviz", targets: ["asyncviz"]),
    .library(name: "AsyncVizRuntime", targets: ["AsyncVizRuntime"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
  ],
  targets: [
    .target(name: "AsyncVizTrace", dependencies: [heap]),
    .target(name: "AsyncVizTraceState", dependencies: ["AsyncVizTrace", deque]),
    .target(name: "AsyncVizTraceCodecs", dependencies: ["AsyncVizTrace", "AsyncVizTraceState"]),
    // Questions generated from a trace by rules (the quiz and the view's prediction mode).
    .target(name: "AsyncVizQuiz", dependencies: ["AsyncVizTrace", "AsyncVizTraceState"]),
    .target(name: "AsyncVizRuntime", dependencies: ["AsyncVizTrace", deque, heap]),
    // Node's event loop (the node model): V8's microtask queue, libuv's phases.
    .target(name: "AsyncVizNodeRuntime", dependencies: ["AsyncVizTrace", deque]),
    // Linux's scheduler, simplified (the threads model): CPUs, run queues, time slices.
    .target(name: "AsyncVizThreadsRuntime", dependencies: ["AsyncVizTrace"]),
    .target(
      name: "AsyncVizLang",
      dependencies: [
        "AsyncVizRuntime", "AsyncVizNodeRuntime", "AsyncVizGoRuntime", "AsyncVizThreadsRuntime",
        "AsyncVizTrace",
        "AsyncVizTraceState",
      ]),
    // Prints .av programs for real runtimes (tokio first), generates programs,
    // and runs the translations as the oracle of the differential tests.
    .target(
      name: "AsyncVizTranslate",
      dependencies: [
        "AsyncVizLang", "AsyncVizNodeRuntime", "AsyncVizGoRuntime", "AsyncVizRuntime", "AsyncVizTrace",
      ]),
    // Go's scheduler (the go model): Ps, Ms, run queues, timers, sysmon.
    .target(name: "AsyncVizGoRuntime", dependencies: ["AsyncVizTrace"]),
    .target(
      name: "AsyncVizExamples",
      dependencies: ["AsyncVizLang", "AsyncVizQuiz"],
      path: "Examples",
      exclude: ["README.md"],
      resources: [
        .embedInCode("db-then-service.av"),
        .embedInCode("lazy-future.av"),
        .embedInCode("join-concurrent.av"),
        .embedInCode("many-requests.av"),
        .embedInCode("timers.av"),
        .embedInCode("select-timeout.av"),
        .embedInCode("channel-pipeline.av"),
        .embedInCode("spawn-vs-await.av"),
        .embedInCode("blocking-the-executor.av"),
        .embedInCode("lost-waker.av"),
        .embedInCode("self-wake.av"),
      ]
    ),
    .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
    .target(
      name: "AsyncVizPosix",
      dependencies: ["AsyncVizRuntime", "AsyncVizThreadsRuntime", "AsyncVizTrace", "CEpoll", heap]),
    // The C baseline of the epoll ping-pong benchmark, called by asyncviz-bench.
    .target(name: "CEpollBench", path: "Sources/CEpollBench"),
    .target(name: "AsyncVizUI", dependencies: ["AsyncVizTrace", "AsyncVizTraceState", "AsyncVizQuiz"]),
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .target(name: "AsyncVizTerminal", dependencies: ["AsyncVizUI", "AsyncVizTrace", "CNcursesw"]),
    .target(
      name: "AsyncVizCLI",
      dependencies: [
        "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizTraceCodecs", "AsyncVizRuntime", "AsyncVizLang",
        "AsyncVizExamples", "AsyncVizPosix", "AsyncVizUI", "AsyncVizTerminal", "AsyncVizTranslate",
        "AsyncVizNodeRuntime", "AsyncVizGoRuntime", "AsyncVizQuiz", "AsyncVizThreadsRuntime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "asyncviz", dependencies: ["AsyncVizCLI"]),
    .executableTarget(
      name: "asyncviz-bench",
      dependencies: [
        "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizTraceCodecs", "AsyncVizRuntime", "AsyncVizLang",
        "AsyncVizExamples", "AsyncVizPosix", "AsyncVizUI", "AsyncVizTestPrograms", "AsyncVizTranslate",
        "AsyncVizCLI", "CEpollBench", deque,
      ],
      path: "Sources/AsyncVizBench"
    ),
    // Programs shared by the tests and the benchmarks (no test framework):
    // the demos as traces, native stand-in programs.
    .target(
      name: "AsyncVizTestPrograms",
      dependencies: [
        "AsyncVizTrace", "AsyncVizRuntime", "AsyncVizLang", "AsyncVizExamples", "AsyncVizNodeRuntime",
        "AsyncVizGoRuntime", "AsyncVizThreadsRuntime",
      ],
      path: "Tests/AsyncVizTestPrograms"
    ),
    // What every test target shares: the one golden helper.
    .target(name: "AsyncVizTestSupport", path: "Tests/AsyncVizTestSupport"),
    .testTarget(
      name: "AsyncVizTraceStateTests",
      dependencies: [
        "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizRuntime", "AsyncVizTestPrograms", "AsyncVizTranslate",
      ]
    ),
    .testTarget(
      name: "AsyncVizTraceTests",
      dependencies: [
        "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizTraceCodecs", "AsyncVizRuntime",
        "AsyncVizTestPrograms",
        "AsyncVizTestSupport",
      ],
      exclude: ["Goldens", "Fuzz"]),
    .testTarget(
      name: "AsyncVizRuntimeTests",
      dependencies: ["AsyncVizRuntime", "AsyncVizTrace", "AsyncVizTestPrograms"]),
    .testTarget(
      name: "AsyncVizLangTests",
      dependencies: [
        "AsyncVizLang", "AsyncVizRuntime", "AsyncVizTrace", "AsyncVizTraceState", "AsyncVizTraceCodecs",
        "AsyncVizExamples", "AsyncVizTestSupport", "AsyncVizNodeRuntime", "AsyncVizGoRuntime",
        "AsyncVizThreadsRuntime", "AsyncVizTestPrograms",
      ],
      exclude: ["Goldens", "FuzzCorpus", "BadPrograms"]
    ),
    .testTarget(
      name: "AsyncVizPosixTests",
      dependencies: [
        "AsyncVizPosix", "AsyncVizRuntime", "AsyncVizTrace", "AsyncVizLang", "AsyncVizExamples",
        "AsyncVizNodeRuntime", "AsyncVizThreadsRuntime", "AsyncVizTestPrograms",
      ]),
    .testTarget(name: "AsyncVizUITests", dependencies: ["AsyncVizUI"] + demoTestKit, exclude: ["Goldens"]),
    .testTarget(
      name: "AsyncVizCLITests",
      dependencies: ["AsyncVizCLI", "AsyncVizTestPrograms", "AsyncVizTestSupport", "AsyncVizTranslate"],
      exclude: ["Goldens", "BadPrograms"]),
    .testTarget(
      name: "AsyncVizQuizTests", dependencies: ["AsyncVizQuiz"] + demoTestKit, exclude: ["Goldens"]),
    .testTarget(name: "AsyncVizGoRuntimeTests", dependencies: ["AsyncVizGoRuntime"]),
    .testTarget(name: "AsyncVizNodeRuntimeTests", dependencies: ["AsyncVizNodeRuntime", "AsyncVizTrace"]),
    .testTarget(
      name: "AsyncVizTranslateTests",
      dependencies: [
        "AsyncVizTranslate", "AsyncVizLang", "AsyncVizRuntime", "AsyncVizTrace", "AsyncVizExamples",
        "AsyncVizTestPrograms",
      ],
      exclude: ["Regressions", "ExpectedMismatches.txt"]),
  ],
  swiftLanguageModes: [.v6]
)
