/*
 * allgo-waiter: the process of a warm job container (issue #20), under the container's init. It
 * waits, doing nothing, until the server hands it a job's argument vector in the file "argv" of
 * its folder (the first argument, a read-only mount), then becomes that program with execvp: the
 * program is then the init's child, as in a cold container, so that the container's exit code,
 * an OOM kill, a kill at a timeout or an abort are the program's. The file holds the arguments, each ended by a NUL byte; the server writes it
 * aside and renames it into place, so that it is whole when it appears. No shell is involved.
 *
 * Static (gcc -static), no libc of the image needed. Exit codes of its own: 127 when the program
 * cannot be found, 126 when it cannot be run, 125 for a hand-over that went wrong.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ARGV_BYTES (4 << 20)

static int fail(const char *what, int code) {
  fprintf(stderr, "allgo: %s: %s\n", what, strerror(errno));
  return code;
}

static char *read_all(const char *path, size_t *length) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) < 0 || st.st_size <= 0 || st.st_size > MAX_ARGV_BYTES) {
    errno = errno ? errno : EINVAL;
    close(fd);
    return NULL;
  }
  char *buffer = malloc((size_t)st.st_size + 1);
  size_t done = 0;
  while (buffer && done < (size_t)st.st_size) {
    ssize_t n = read(fd, buffer + done, (size_t)st.st_size - done);
    if (n <= 0) {
      free(buffer);
      buffer = NULL;
      break;
    }
    done += (size_t)n;
  }
  close(fd);
  if (buffer) buffer[done] = '\0';
  *length = done;
  return buffer;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: allgo-waiter <folder>\n");
    return 125;
  }
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/argv", argv[1]);
  int watch = inotify_init1(IN_CLOEXEC);
  if (watch < 0) return fail("inotify", 125);
  if (inotify_add_watch(watch, argv[1], IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
    return fail(argv[1], 125);
  }
  char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
  while (access(path, F_OK) != 0) {
    if (read(watch, events, sizeof events) < 0 && errno != EINTR) return fail("inotify", 125);
  }
  close(watch);
  size_t length;
  char *text = read_all(path, &length);
  if (!text) return fail(path, 125);
  size_t count = 0;
  for (size_t i = 0; i < length; i++) count += text[i] == '\0';
  if (count == 0 || text[length - 1] != '\0') {
    fprintf(stderr, "allgo: %s is not a NUL-separated argument vector\n", path);
    return 125;
  }
  char **args = calloc(count + 1, sizeof *args);
  if (!args) return fail("memory", 125);
  for (size_t i = 0, at = 0; i < count; i++) {
    args[i] = text + at;
    at += strlen(text + at) + 1;
  }
  execvp(args[0], args);
  return fail(args[0], errno == ENOENT ? 127 : 126);
}
