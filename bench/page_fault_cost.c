/* page_fault_cost: what a first touch of memory costs on this machine.
 *
 *   page_fault_cost FILE
 *
 * A one-query process spends much of its start-up taking page faults: one per fresh
 * page of heap, stack and written data, one per 64 KiB window of its binary that it
 * reads (the kernel maps the cached neighbours of a faulting file page with it). This
 * times both kinds, on 64 MiB of fresh anonymous memory and on FILE (the crampx binary)
 * mapped read-only, and prints microseconds per fault: the unit docs/PERFORMANCE.md
 * counts start-up in. The file should be in the page cache (run it once first). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: page_fault_cost FILE\n");
    return 2;
  }
  const size_t page = 4096, window = 65536, anon_size = (size_t)64 << 20;
  char *anon = mmap(NULL, anon_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  const int fd = open(argv[1], O_RDONLY);
  struct stat st;
  if (anon == MAP_FAILED || fd < 0 || fstat(fd, &st) != 0 || (size_t)st.st_size < window) {
    fprintf(stderr, "page_fault_cost: cannot map memory or read %s\n", argv[1]);
    return 2;
  }
  madvise(anon, anon_size, MADV_NOHUGEPAGE); /* one fault per 4 KiB page, as a process's heap takes them */
  volatile char *fresh = anon;
  double t = now_us();
  for (size_t i = 0; i < anon_size; i += page) fresh[i] = 1;
  const double anon_us = (now_us() - t) / (double)(anon_size / page);

  const size_t file_size = (size_t)st.st_size & ~(window - 1);
  const volatile char *file = mmap(NULL, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (file == MAP_FAILED) {
    fprintf(stderr, "page_fault_cost: cannot map %s\n", argv[1]);
    return 2;
  }
  unsigned sum = 0;
  t = now_us();
  for (size_t i = 0; i < file_size; i += window) sum += (unsigned char)file[i];
  const double window_us = (now_us() - t) / (double)(file_size / window);
  printf("anonymous_page_fault_us=%.2f file_window_fault_us=%.2f file_windows=%zu checksum=%u\n", anon_us,
         window_us, file_size / window, sum & 1u);
  return 0;
}
