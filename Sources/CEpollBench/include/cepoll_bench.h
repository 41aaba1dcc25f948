// The C baselines of the epoll benchmarks (docs/epoll-backend.md): the same
// ping-pong exchange as the Swift runtime's, and the same timers, written
// directly against epoll.
#ifndef ASYNCVIZ_CEPOLL_BENCH_H
#define ASYNCVIZ_CEPOLL_BENCH_H

/// Exchanges a 1-byte message `round_trips` times over a non-blocking
/// AF_UNIX socketpair, both ends in one edge-triggered epoll set, on the
/// calling thread. Returns the elapsed seconds, or a negative value if a
/// system call failed (errno tells which).
double cepoll_bench_ping_pong(long round_trips);

/// Waits out `count` deadlines, the i-th armed at its own clock reading plus
/// (i+1)/count of `longest_us` microseconds, kept in a binary min-heap and
/// taken off as epoll_pwait2 on an empty set times out. Returns the elapsed
/// seconds from the first arming to the last deadline taken, or a negative
/// value if a system call failed.
double cepoll_bench_timers(long count, long longest_us);

#endif
