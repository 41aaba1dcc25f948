// The C baseline of the epoll ping-pong benchmark. It does per round trip
// what the Swift runtime does: two epoll_wait calls, two reads, two writes.
// End A sends a byte; end B echoes every byte it reads; A counts a round trip
// per echo and sends the next byte.
#include "cepoll_bench.h"

#include <stdint.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int watch(int epfd, int fd) {
  struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET, .data.fd = fd};
  return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

double cepoll_bench_ping_pong(long round_trips) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0) return -1;
  int a = fds[0], b = fds[1];
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  double result = -1;
  if (epfd < 0) goto close_pair;
  if (watch(epfd, a) != 0 || watch(epfd, b) != 0) goto close_all;

  const char byte = 'x';
  char buffer[64];
  struct epoll_event events[8];
  long done = 0;
  double start = seconds_now();
  if (write(a, &byte, 1) != 1) goto close_all;
  while (done < round_trips) {
    int n = epoll_wait(epfd, events, 8, -1);
    if (n < 0) goto close_all;
    for (int i = 0; i < n; i++) {
      int fd = events[i].data.fd;
      // A read shorter than the buffer drained the socket (edge-triggered).
      ssize_t got = read(fd, buffer, sizeof buffer);
      if (got <= 0) goto close_all;
      if (fd == a) {
        done += got;
        if (done < round_trips && write(a, &byte, 1) != 1) goto close_all;
      } else if (write(b, buffer, (size_t)got) != got) {
        goto close_all;
      }
    }
  }
  result = seconds_now() - start;
close_all:
  close(epfd);
close_pair:
  close(a);
  close(b);
  return result;
}
