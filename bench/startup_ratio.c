/* startup_ratio: the wall time of starting a command against a baseline command,
 * measured interleaved.
 *
 *   startup_ratio RUNS BASELINE [ARGS...] -- COMMAND [ARGS...]
 *
 * hyperfine times all runs of one command, then all runs of the next; on a shared
 * virtual machine the host's load drifts between those blocks by more than the
 * difference being measured (a C hello-world's median moved from 0.42 to 0.60 ms
 * between runs of bench/perf.sh). Here each round starts both commands back to back,
 * alternating which goes first, so drift falls on both alike. Each start is timed as
 * hyperfine -N times it: from spawning the process (posix_spawn, no shell, output to
 * /dev/null) to reaping it. Prints the medians, their ratio, and the quartiles of the
 * per-round ratio. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* One start of argv, in milliseconds; exits on a failed spawn or a failed command. */
static double run_once(char **argv, const posix_spawn_file_actions_t *io) {
  pid_t pid;
  int status;
  const double start = now_ms();
  if (posix_spawn(&pid, argv[0], io, NULL, argv, environ) != 0) {
    fprintf(stderr, "startup_ratio: cannot start %s\n", argv[0]);
    exit(2);
  }
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    fprintf(stderr, "startup_ratio: %s failed\n", argv[0]);
    exit(2);
  }
  return now_ms() - start;
}

static int by_value(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The q-quantile of v[0..n), sorting v. */
static double quantile(double *v, int n, double q) {
  qsort(v, (size_t)n, sizeof *v, by_value);
  return v[(int)(q * (n - 1) + 0.5)];
}

int main(int argc, char **argv) {
  int split = 0;
  for (int i = 2; i < argc; ++i) {
    if (strcmp(argv[i], "--") == 0) split = i;
  }
  const int runs = argc > 1 ? atoi(argv[1]) : 0;
  if (runs < 1 || split < 3 || split + 1 >= argc) {
    fprintf(stderr, "usage: startup_ratio RUNS BASELINE [ARGS...] -- COMMAND [ARGS...]\n");
    return 2;
  }
  argv[split] = NULL;
  char **base = argv + 2, **cmd = argv + split + 1;

  posix_spawn_file_actions_t io;
  posix_spawn_file_actions_init(&io);
  posix_spawn_file_actions_addopen(&io, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);

  double *tb = malloc(sizeof(double) * (size_t)runs), *tc = malloc(sizeof(double) * (size_t)runs);
  double *ratio = malloc(sizeof(double) * (size_t)runs);
  if (!tb || !tc || !ratio) return 2;
  for (int i = 0; i < 50; ++i) { /* warm the page cache and the branch predictors */
    run_once(base, &io);
    run_once(cmd, &io);
  }
  for (int i = 0; i < runs; ++i) {
    if (i % 2 == 0) {
      tb[i] = run_once(base, &io);
      tc[i] = run_once(cmd, &io);
    } else {
      tc[i] = run_once(cmd, &io);
      tb[i] = run_once(base, &io);
    }
    ratio[i] = tc[i] / tb[i];
  }
  const double mb = quantile(tb, runs, 0.5), mc = quantile(tc, runs, 0.5);
  const double r25 = quantile(ratio, runs, 0.25), r50 = quantile(ratio, runs, 0.5), r75 = quantile(ratio, runs, 0.75);
  printf("baseline_median_ms=%.3f command_median_ms=%.3f ratio_of_medians=%.2f round_ratio_p25=%.2f "
         "round_ratio_median=%.2f round_ratio_p75=%.2f runs=%d\n",
         mb, mc, mc / mb, r25, r50, r75, runs);
  free(tb);
  free(tc);
  free(ratio);
  posix_spawn_file_actions_destroy(&io);
  return 0;
}
