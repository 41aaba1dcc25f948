// Header-only access to the Linux calls Glibc's Swift module does not expose
// (platform-notes.md): epoll, eventfd, ppoll, and prctl (variadic in
// C, so not importable: wrapped below).
//
// No _GNU_SOURCE here: it changes the field names of fd_set, and a clean build
// of a Swift file importing both this module and Glibc then fails with
// "'fds_bits' from module 'CEpoll' is not present in definition of 'fd_set'
// in module 'SwiftGlibc'". Everything used is declared without it except
// ppoll, declared below exactly as glibc declares it.
#ifndef ASYNCVIZ_CEPOLL_SHIM_H
#define ASYNCVIZ_CEPOLL_SHIM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <sys/syscall.h>

extern int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask);

/// Sets the calling thread's timer slack (how late the kernel may fire its
/// timeouts to batch wakeups; 50 us by default). The peer thread uses 1 ns so
/// answers leave at their deadline.
static inline int cepoll_set_timer_slack(unsigned long nanoseconds) {
  return prctl(PR_SET_TIMERSLACK, nanoseconds, 0UL, 0UL, 0UL);
}

/// Blocks every signal in the calling thread, so process-directed signals
/// (SIGINT, SIGUSR1, ...) go to the program's own threads, not to a helper.
static inline int cepoll_block_all_signals(void) {
  sigset_t all;
  sigfillset(&all);
  return pthread_sigmask(SIG_BLOCK, &all, NULL);
}
/// The CPU the calling thread runs on now (getcpu(2)), or -1.
static inline int cepoll_current_cpu(void) {
  unsigned cpu = 0;
  if (syscall(SYS_getcpu, &cpu, (void *)0, (void *)0) != 0) return -1;
  return (int)cpu;
}
#endif
