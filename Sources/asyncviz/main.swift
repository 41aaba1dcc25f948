import AsyncVizCLI

#if canImport(Glibc)
  import Glibc
#endif

// The executable stays thin: everything lives in AsyncVizCLI so tests can drive it.
exit(AsyncVizCLI.main(Array(CommandLine.arguments.dropFirst())))
