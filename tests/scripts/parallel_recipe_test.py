#!/usr/bin/python3
"""The README's GNU parallel recipe ("Many records, many machines"), run here with the
local machine as its one ssh login (`--sshlogin :`, which GNU parallel runs without ssh):
its output must be byte for byte one crampx run's. Exits 77 (skipped) where GNU parallel
is not installed (scripts/install-deps installs it).

    parallel_recipe_test.py CRAMPX WORK_DIR"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stream_corpus import write_corpus  # noqa: E402


def main():
    crampx, work = os.path.abspath(sys.argv[1]), os.path.join(os.path.abspath(sys.argv[2]), "parallel_recipe")
    if shutil.which("parallel") is None:
        print("SKIPPED: GNU parallel is not installed (Debian package parallel; scripts/install-deps installs it)")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "records.jsonl")
    write_corpus(20_000, corpus)
    env = {**os.environ, "PATH": os.path.dirname(crampx) + os.pathsep + os.environ["PATH"]}
    with open(corpus, "rb") as f:
        want = subprocess.run([crampx, "explain", "--jsonl", "--brief"], stdin=f, capture_output=True).stdout
    # The recipe as the README gives it, with ':' for the machines' logins and smaller blocks.
    recipe = "parallel --pipe --keep-order --block 256k --sshlogin : crampx explain --jsonl --brief"
    with open(corpus, "rb") as f:
        p = subprocess.run(recipe.split(), stdin=f, capture_output=True, env=env, cwd=work)
    blocks = (os.path.getsize(corpus) + (256 << 10) - 1) // (256 << 10)
    if p.stdout != want:
        print(f"FAILED: {recipe}: {len(p.stdout)} bytes, one crampx run writes {len(want)}; "
              f"stderr {p.stderr.decode(errors='replace')[:500]}")
        sys.exit(1)
    # Every block has a bad line, so every crampx exits 2: GNU parallel counts failed jobs.
    if not 0 < p.returncode <= blocks:
        print(f"FAILED: exit status {p.returncode}, expected the number of blocks with a bad line (1 to {blocks})")
        sys.exit(1)
    print(f"ok: {recipe}: {len(want):,} bytes identical to one crampx run; exit status {p.returncode} "
          f"(blocks whose crampx exited non-zero)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
