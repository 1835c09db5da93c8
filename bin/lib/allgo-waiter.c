/*
 * allgo-waiter: the process of a warm job container (issue #20), under the container's init. It
 * waits, doing nothing, until the server hands it a job's argument vector in the file "argv" of
 * its control folder (the first argument, a read-only mount). The file holds the arguments, each
 * ended by a NUL byte; the server writes it aside and renames it into place, so that it is whole
 * when it appears. No shell is involved.
 *
 * With a second argument, the server's report socket (a Unix socket in the read-only folder), the
 * waiter stays the program's parent: it relays the program's standard output and error to its own
 * (the container's, which the engine logs), counting the bytes; once the program exited, it ends
 * every other process of the container, as the container's end would, reads the rest of the
 * output, and reports the exit to the socket, "exit <code> <bytes relayed>", before it exits with
 * the program's code. The server then knows the job ended without waiting for the engine, and
 * that the engine's log of it is whole once it holds that many bytes. A program killed by a signal
 * is not reported, nor one whose container lost a process to the OOM killer (the engine says what
 * happened then); the waiter then exits as the init would, with 128 + the signal. Without the
 * socket, it becomes the program (execvp).
 *
 * Static (gcc -static), no libc of the image needed. Exit codes of its own: 127 when the program
 * cannot be found, 126 when it cannot be run, 125 for a hand-over that went wrong.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGV_BYTES (4 << 20)
#define RELAY_BUFFER (64 << 10)

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

static void write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, bytes, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return; /* the engine's side closed: the output goes nowhere, as the program's would */
    bytes += n;
    length -= (size_t)n;
  }
}

/* Copies what the pipe holds now to fd; closes the pipe at its end (sets it to -1). */
static void relay(int *pipe_fd, int fd, char *buffer, unsigned long long *total) {
  ssize_t n = read(*pipe_fd, buffer, RELAY_BUFFER);
  if (n > 0) {
    write_all(fd, buffer, (size_t)n);
    *total += (unsigned long long)n;
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    close(*pipe_fd);
    *pipe_fd = -1;
  }
}

/*
 * Ends every process of the container but the init and this one, as the container's end would;
 * true once none is left. Only inside a container: the waiter is then the init's child and not
 * root (the job's user), so that nothing outside its PID namespace can be signalled.
 */
static int end_the_rest(void) {
  if (getppid() != 1 || getuid() == 0) return 0;
  for (int attempt = 0; attempt < 2000; attempt++) {
    if (kill(-1, SIGKILL) < 0 && errno == ESRCH) return 1;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    usleep(1000);
  }
  return 0;
}

/*
 * Whether the kernel killed no process of the container for want of memory, as its memory cgroup
 * counts (v2, then v1): the engine calls such a job out of memory, whatever its exit code, and only
 * the engine tells it then. False when the count cannot be read.
 */
static int no_oom_kill(void) {
  static const char *const files[] = {"/sys/fs/cgroup/memory.events",
                                      "/sys/fs/cgroup/memory/memory.oom_control"};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    FILE *f = fopen(files[i], "re");
    if (!f) continue;
    char line[128];
    unsigned long long kills;
    int found = 0, none = 0;
    while (fgets(line, sizeof line, f)) {
      if (sscanf(line, "oom_kill %llu", &kills) == 1) {
        found = 1;
        none = kills == 0;
      }
    }
    fclose(f);
    if (found) return none;
  }
  return 0;
}

/* Tells the server the program's exit, through its socket: one line, "exit <code> <bytes>". */
static void report(const char *socket_path, int code, unsigned long long total) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(socket_path) >= sizeof address.sun_path) return;
  strcpy(address.sun_path, socket_path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  if (connect(fd, (struct sockaddr *)&address, sizeof address) == 0) {
    char line[64];
    int length = snprintf(line, sizeof line, "exit %d %llu\n", code, total);
    write_all(fd, line, (size_t)length);
  }
  close(fd);
}

static int run_as_child(char **args, const char *socket_path) {
  int out[2], err[2];
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) return -1;
  if (sigprocmask(SIG_BLOCK, &chld, NULL) < 0) return -1;
  int signals = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
  pid_t child = signals < 0 ? -1 : fork();
  if (child < 0) {
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    return -1;
  }
  if (child == 0) {
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    execvp(args[0], args);
    int code = errno == ENOENT ? 127 : 126;
    fprintf(stderr, "allgo: %s: %s\n", args[0], strerror(errno));
    _exit(code);
  }
  close(out[1]);
  close(err[1]);
  char *buffer = malloc(RELAY_BUFFER);
  if (!buffer) _exit(125);
  unsigned long long total = 0;
  int status = 0, ended = 0;
  while (!ended) {
    struct pollfd fds[3] = {
        {.fd = out[0], .events = POLLIN}, {.fd = err[0], .events = POLLIN},
        {.fd = signals, .events = POLLIN}};
    if (poll(fds, 3, -1) < 0 && errno != EINTR) _exit(125);
    if (fds[0].revents) relay(&out[0], STDOUT_FILENO, buffer, &total);
    if (fds[1].revents) relay(&err[0], STDERR_FILENO, buffer, &total);
    if (fds[2].revents) {
      struct signalfd_siginfo info;
      while (read(signals, &info, sizeof info) > 0) {
      }
      ended = waitpid(child, &status, WNOHANG) == child;
    }
  }
  int alone = end_the_rest();
  /*
   * The rest of the output: to its end once everyone who could write the pipes is gone, else what
   * they hold now.
   */
  while (out[0] >= 0 || err[0] >= 0) {
    struct pollfd fds[2] = {{.fd = out[0], .events = POLLIN}, {.fd = err[0], .events = POLLIN}};
    if (poll(fds, 2, alone ? 1000 : 0) <= 0) break;
    if (fds[0].revents) relay(&out[0], STDOUT_FILENO, buffer, &total);
    if (fds[1].revents) relay(&err[0], STDERR_FILENO, buffer, &total);
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  int code = WEXITSTATUS(status);
  if (alone && out[0] < 0 && err[0] < 0 && no_oom_kill()) report(socket_path, code, total);
  return code;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: allgo-waiter <control folder> [<report socket>]\n");
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
  if (argc == 3) {
    int code = run_as_child(args, argv[2]);
    if (code >= 0) return code;
    /* No pipe, signal or process to spare: the program runs in the waiter's place, unreported. */
  }
  execvp(args[0], args);
  return fail(args[0], errno == ENOENT ? 127 : 126);
}
