// The C baseline of the epoll ping-pong benchmark (docs/epoll-backend.md):
// the same exchange as the Swift runtime's, written directly against epoll.
#ifndef ASYNCVIZ_CEPOLL_BENCH_H
#define ASYNCVIZ_CEPOLL_BENCH_H

/// Exchanges a 1-byte message `round_trips` times over a non-blocking
/// AF_UNIX socketpair, both ends in one edge-triggered epoll set, on the
/// calling thread. Returns the elapsed seconds, or a negative value if a
/// system call failed (errno tells which).
double cepoll_bench_ping_pong(long round_trips);

#endif
