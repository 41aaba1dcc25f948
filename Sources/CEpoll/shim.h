// Header-only access to the Linux calls Glibc's Swift module does not expose
// (platform-notes.md): epoll, eventfd, timerfd, pipe2.
#ifndef ASYNCVIZ_CEPOLL_SHIM_H
#define ASYNCVIZ_CEPOLL_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#endif
