#!/usr/bin/env python3
"""two_cores: what -j 2 gains over -j 1, against what the machine's two cores allow.

    two_cores.py ROUNDS CRAMPX RECORDS [--brief]

The ceiling is two independent `crampx explain --jsonl -j 1` processes started at once,
each over the whole file: no shared state, no locks, just the two cores with their
shared caches, memory and (on a virtual machine) the host's load. Its scaling is
2 x (one -j 1 run) / (the pair), the most any -j 2 could reach here. -j 1, -j 2 and the
pair are run interleaved, round by round, so the host's drift falls on all three.
Prints medians of wall and CPU time and both scalings."""
import contextlib
import os
import statistics
import subprocess
import sys
import time


def run(argv, records, copies):
    """Starts `copies` processes of argv at once; (wall seconds, CPU seconds per process).
    Exits when any of them fails or is killed (a crash must not pass for a fast run)."""
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(open(records, "rb")) for _ in range(copies)]
        start = time.perf_counter()
        procs = [subprocess.Popen(argv, stdin=f, stdout=subprocess.DEVNULL) for f in files]
        cpu = 0.0
        failed = None
        for p in procs:
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
            if p.returncode not in (0, 1):
                failed = p.returncode
            cpu += usage.ru_utime + usage.ru_stime
        wall = time.perf_counter() - start
    if failed is not None:
        sys.exit(f"two_cores: {' '.join(argv)} failed (exit status {failed})")
    return wall, cpu / copies


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, crampx, records = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    extra = sys.argv[4:]
    base = [crampx, "explain", "--jsonl"] + extra
    runs = {"j1": [], "j2": [], "pair": []}
    for _ in range(rounds):
        runs["j1"].append(run(base + ["-j", "1"], records, 1))
        runs["j2"].append(run(base + ["-j", "2"], records, 1))
        runs["pair"].append(run(base + ["-j", "1"], records, 2))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    print(f"j1_wall={wall['j1']:.3f} j1_cpu={cpu['j1']:.3f} j2_wall={wall['j2']:.3f} j2_cpu={cpu['j2']:.3f} "
          f"pair_wall={wall['pair']:.3f} pair_cpu_each={cpu['pair']:.3f} "
          f"j2_scaling={wall['j1'] / wall['j2']:.2f} ceiling_scaling={2 * wall['j1'] / wall['pair']:.2f} rounds={rounds}")


if __name__ == "__main__":
    main()
