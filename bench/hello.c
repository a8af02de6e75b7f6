/* The floor for process start-up: what starting any process costs (docs/PERFORMANCE.md). */
#include <stdio.h>

int main(void) {
  puts("hello");
  return 0;
}
