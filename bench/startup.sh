#!/bin/sh
# Cold start: one `crampx explain --json` process against a C hello-world, in one hyperfine run.
# usage: bench/startup.sh [BUILD_DIR]    (needs hyperfine)
set -eu
build=${1:-build}
sentence="my calves lock up at night after long runs in the heat, no weakness"
hyperfine -N --warmup 100 --runs 1000 --export-markdown /dev/stdout \
  "$build/bench/hello_c" \
  "$build/crampx explain --json '$sentence'"
