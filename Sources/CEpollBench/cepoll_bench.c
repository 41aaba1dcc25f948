// The C baseline of the epoll ping-pong benchmark. It does per round trip
// what the Swift runtime does: two epoll_wait calls, two reads, two writes.
// End A sends a byte; end B echoes every byte it reads; A counts a round trip
// per echo and sends the next byte.
#include "cepoll_bench.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
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

// The C baseline of the timers benchmark: the same deadlines as the Swift
// run's sleeps (the i-th at its arming time plus (i+1)/count of longest_us),
// in a binary min-heap, each due one taken off when an epoll_pwait2 on an
// empty set returns: what a runtime must at least do, without its tasks.
static void sift_up(int64_t *heap, long i) {
  while (i > 0) {
    long parent = (i - 1) / 2;
    if (heap[parent] <= heap[i]) break;
    int64_t t = heap[parent];
    heap[parent] = heap[i];
    heap[i] = t;
    i = parent;
  }
}

static void sift_down(int64_t *heap, long n, long i) {
  for (;;) {
    long least = i, left = 2 * i + 1, right = left + 1;
    if (left < n && heap[left] < heap[least]) least = left;
    if (right < n && heap[right] < heap[least]) least = right;
    if (least == i) return;
    int64_t t = heap[least];
    heap[least] = heap[i];
    heap[i] = t;
    i = least;
  }
}

static int64_t nanoseconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

double cepoll_bench_timers(long count, long longest_us) {
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return -1;
  int64_t *heap = malloc(sizeof(int64_t) * (size_t)count);
  double result = -1;
  if (heap == NULL) goto close_epoll;
  int64_t start = nanoseconds_now();
  for (long i = 0; i < count; i++) {
    heap[i] = nanoseconds_now() + (int64_t)longest_us * (i + 1) / count * 1000;
    sift_up(heap, i);
  }
  long left = count;
  struct epoll_event events[1];
  while (left > 0) {
    int64_t now = nanoseconds_now();
    if (heap[0] <= now) {
      heap[0] = heap[--left];
      sift_down(heap, left, 0);
      continue;
    }
    struct timespec wait = {(heap[0] - now) / 1000000000, (heap[0] - now) % 1000000000};
    if (epoll_pwait2(epfd, events, 1, &wait, NULL) < 0 && errno != EINTR) goto free_heap;
  }
  result = (double)(nanoseconds_now() - start) / 1e9;
free_heap:
  free(heap);
close_epoll:
  close(epfd);
  return result;
}
