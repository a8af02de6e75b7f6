#!/usr/bin/python3
"""The README's GNU parallel recipe ("Many records, many machines"), run here with the
local machine as its one ssh login (`--sshlogin :`, which GNU parallel runs without ssh):
its output must be byte for byte one crampx run's, also when a block's crampx is killed
(GNU parallel runs the block again). Exits 77 (skipped) where GNU parallel
is not installed (scripts/install-deps installs it).

    parallel_recipe_test.py CRAMPX WORK_DIR"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stream_corpus import write_corpus  # noqa: E402


# The recipe as the README gives it, with ':' for the machines' logins and smaller blocks.
RECIPE = ["parallel", "--pipe", "--keep-order", "--block", "256k", "--retries", "3", "--sshlogin", ":",
          "crampx explain --jsonl --brief; [ $? -le 2 ]"]

# A crampx whose first run is killed after it has written part of its answers.
DIES_ONCE = """#!/bin/sh
if mkdir "{marker}" 2>/dev/null; then
  head -c 100000 | "{crampx}" explain --jsonl --brief
  kill -9 $$
fi
exec "{crampx}" "$@"
"""


def run(recipe, corpus, path, work):
    with open(corpus, "rb") as f:
        return subprocess.run(recipe, stdin=f, capture_output=True, cwd=work,
                              env={**os.environ, "PATH": path + os.pathsep + os.environ["PATH"]})


def check(name, p, want):
    if p.stdout != want or p.returncode != 0:
        print(f"FAILED: {name}: exit {p.returncode}, {len(p.stdout)} bytes, one crampx run writes {len(want)}; "
              f"stderr {p.stderr.decode(errors='replace')[:500]}")
        sys.exit(1)
    print(f"ok: {name}: {len(want):,} bytes identical to one crampx run, exit 0")


def main():
    crampx, work = os.path.abspath(sys.argv[1]), os.path.join(os.path.abspath(sys.argv[2]), "parallel_recipe")
    if shutil.which("parallel") is None:
        print("SKIPPED: GNU parallel is not installed (Debian package parallel; scripts/install-deps installs it)")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "records.jsonl")
    write_corpus(20_000, corpus)
    with open(corpus, "rb") as f:
        want = subprocess.run([crampx, "explain", "--jsonl", "--brief"], stdin=f, capture_output=True).stdout
    check(" ".join(RECIPE), run(RECIPE, corpus, os.path.dirname(crampx), work), want)

    dying = os.path.join(work, "dying")
    os.makedirs(dying)
    with open(os.path.join(dying, "crampx"), "w") as f:
        f.write(DIES_ONCE.replace("{marker}", os.path.join(work, "died")).replace("{crampx}", crampx))
    os.chmod(os.path.join(dying, "crampx"), 0o755)
    check("the same with a crampx killed part way through its first block", run(RECIPE, corpus, dying, work), want)
    if not os.path.isdir(os.path.join(work, "died")):
        print("FAILED: the dying crampx never ran")
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
