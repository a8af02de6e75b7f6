#!/usr/bin/python3
"""dask_runner: what scripts/crampx-dask costs and gains on this machine (docs/PERFORMANCE.md).

    bench/dask_runner.py CRAMPX [--records N] [--rounds R] [--blocks 250,1000,4000,16000]

Over a --brief stream of N records (tests/scripts/stream_corpus.py, bad lines included):
  1. records/s of `crampx explain --jsonl --brief -j 2` alone, and of the runner on a local
     cluster of one and of two workers (one thread each), rounds interleaved, medians; the
     runner's figure is its run (from --stats), its cluster's start-up is given apart;
  2. the overhead per block: a dask-scheduler and one single-thread dask-worker on 127.0.0.1,
     the stream cut into blocks of each size; the slope of run time against the number of
     blocks is the wall time each block adds, and the slope of the scheduler's CPU time is
     the scheduler's cost per block, against the CPU time of crampx's work per line;
  3. its parts: one `crampx explain --jsonl` on an empty input (a block's process), a no-op
     Dask task's round trip, and the runner's splitting of the input (MB/s).
Prints Markdown. Every output is checked against one crampx run, byte for byte."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SOURCE, "tests", "scripts"))
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
from dask_cluster import Cluster, dask_missing  # noqa: E402
from stream_corpus import write_corpus  # noqa: E402

RUNNER = os.path.join(SOURCE, "scripts", "crampx-dask")
STATS = re.compile(r"(\d+) records in (\d+) blocks .* in ([\d.]+) s: .* \(and ([\d.]+) s to reach the cluster\)")


def run_alone(crampx, corpus, jobs):
    """(wall seconds, CPU seconds) of one crampx over the corpus, output to /dev/null."""
    with open(corpus, "rb") as f:
        start = time.perf_counter()
        p = subprocess.Popen([crampx, "explain", "--jsonl", "--brief", "-j", str(jobs)], stdin=f,
                             stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) in (0, 1, 2)
    return wall, usage.ru_utime + usage.ru_stime


def run_runner(args, corpus, want, brief=True):
    """(run seconds, seconds to reach the cluster, blocks) from --stats; checks the output."""
    p = subprocess.run(["/usr/bin/python3", RUNNER, *args, *(["--brief"] if brief else []), "--stats", corpus],
                       capture_output=True)
    assert p.stdout == want, f"crampx-dask {' '.join(args)} differs from one crampx run: {p.stderr.decode()}"
    m = STATS.search(p.stderr.decode())
    assert m, p.stderr.decode()
    return float(m.group(3)), float(m.group(4)), int(m.group(2))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def slope(xs, ys):
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def empty_run_ms(crampx, n=200):
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run([crampx, "explain", "--jsonl", "--brief"], input=b"", capture_output=True)
    return (time.perf_counter() - start) / n * 1000


def noop_task_ms(address, n=300):
    import distributed
    with distributed.Client(address) as client:
        client.submit(int, 0, pure=False).result()
        start = time.perf_counter()
        for i in range(n):
            client.submit(int, i, pure=False).result()
        serial = (time.perf_counter() - start) / n * 1000
        start = time.perf_counter()
        client.gather(client.map(int, range(n * 10), pure=False))
        batched = (time.perf_counter() - start) / (n * 10) * 1000
    return serial, batched


def split_mb_per_s(corpus):
    from crampx_dask.blocks import read_blocks
    with open(corpus, "rb") as f:
        start = time.perf_counter()
        n = sum(b.lines for b in read_blocks(f, 20_000, 16 << 20))
    return os.path.getsize(corpus) / (time.perf_counter() - start) / 1e6, n


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("crampx")
    p.add_argument("--records", type=int, default=200_000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--blocks", default="250,1000,4000,16000")
    p.add_argument("--full-records", type=int, default=10_000, help="records for the full-report figures")
    a = p.parse_args()
    missing = dask_missing()
    if missing:
        sys.exit(missing)
    crampx = os.path.abspath(a.crampx)
    with tempfile.TemporaryDirectory(prefix="dask_runner.") as work:
        corpus = os.path.join(work, "records.jsonl")
        write_corpus(a.records, corpus)
        size = os.path.getsize(corpus)
        with open(corpus, "rb") as f:
            one = subprocess.run([crampx, "explain", "--jsonl", "--brief"], stdin=f, capture_output=True)
        want = one.stdout
        print(f"{a.records:,} records, {size / 1e6:.1f} MB in, {len(want) / 1e6:.1f} MB out (--brief); "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start\n")

        # 1. Throughput, interleaved.
        local = ["--crampx", crampx, "--block-lines", "20000"]
        times = {"j1": [], "alone": [], "w1": [], "w2": []}
        setup, cpu = [], []
        for _ in range(a.rounds):
            wall, seconds = run_alone(crampx, corpus, 1)
            times["j1"].append(wall)
            cpu.append(seconds)
            times["alone"].append(run_alone(crampx, corpus, 2)[0])
            for workers in (1, 2):
                seconds, start, _ = run_runner([*local, "--workers", str(workers)], corpus, want)
                times[f"w{workers}"].append(seconds)
                setup.append(start)
        print("| what | records/s (median) | runs |\n|---|---|---|")
        for key, label in (("j1", "`crampx explain --jsonl --brief -j 1`"),
                           ("alone", "`crampx explain --jsonl --brief -j 2`"),
                           ("w1", "crampx-dask, local cluster of 1 worker"),
                           ("w2", "crampx-dask, local cluster of 2 workers")):
            rates = sorted(a.records / t for t in times[key])
            print(f"| {label} | {statistics.median(rates):,.0f} | {', '.join(f'{r:,.0f}' for r in rates)} |")
        print(f"\nLocal cluster start-up (not in the runner's figures): median {statistics.median(setup):.2f} s\n")

        # Full reports: 30 KB a record, so the bytes dominate.
        full = os.path.join(work, "full.jsonl")
        write_corpus(a.full_records, full)
        with open(full, "rb") as f:
            want_full = subprocess.run([crampx, "explain", "--jsonl"], stdin=f, capture_output=True).stdout
        alone, dask2 = [], []
        for _ in range(max(2, a.rounds // 2)):
            start = time.perf_counter()
            with open(full, "rb") as f:
                subprocess.run([crampx, "explain", "--jsonl", "-j", "2"], stdin=f, stdout=subprocess.DEVNULL)
            alone.append(a.full_records / (time.perf_counter() - start))
            dask2.append(a.full_records / run_runner([*local, "--block-lines", "2000", "--workers", "2"], full,
                                                     want_full, brief=False)[0])
        print(f"Full reports ({a.full_records:,} records, {len(want_full) / a.full_records / 1000:.1f} KB a record): "
              f"`crampx -j 2` {statistics.median(alone):,.0f} records/s; crampx-dask on 2 local workers "
              f"(2,000-line blocks) {statistics.median(dask2):,.0f} records/s\n")

        # 2. Overhead per block, one single-thread worker, scheduler apart.
        sizes = [int(s) for s in a.blocks.split(",")]
        path = {"PATH": os.path.dirname(crampx) + ":/usr/bin:/bin"}
        with Cluster(work, ["w"], env={"w": path}) as cluster:
            sched = cluster.procs["scheduler"].pid
            rows = {s: [] for s in sizes}
            for _ in range(max(2, a.rounds // 2)):
                for s in sizes:
                    before = cpu_seconds(sched)
                    seconds, _, blocks = run_runner(["--scheduler", cluster.address, "--block-lines", str(s)],
                                                    corpus, want)
                    rows[s].append((blocks, seconds, cpu_seconds(sched) - before))
            serial, batched = noop_task_ms(cluster.address)
        blocks = [statistics.median(r[0] for r in rows[s]) for s in sizes]
        walls = [statistics.median(r[1] for r in rows[s]) for s in sizes]
        scheds = [statistics.median(r[2] for r in rows[s]) for s in sizes]
        print("| lines per block | blocks | run (s) | records/s | scheduler CPU (s) |\n|---|---|---|---|---|")
        for s, b, w, c in zip(sizes, blocks, walls, scheds):
            print(f"| {s:,} | {b:.0f} | {w:.2f} | {a.records / w:,.0f} | {c:.2f} |")
        per_block = slope(blocks, walls)
        sched_per_block = slope(blocks, scheds)
        line_wall = statistics.median(times["j1"]) / a.records  # crampx alone, one thread
        line_cpu = statistics.median(cpu) / a.records
        intercept = walls[-1] - blocks[-1] * per_block  # the run with no block overhead
        print(f"\nEach block adds {per_block * 1000:.1f} ms of wall time and {sched_per_block * 1000:.2f} ms of the "
              f"scheduler's CPU; a line costs crampx alone {line_wall * 1e6:.2f} µs of wall time "
              f"({line_cpu * 1e6:.2f} µs CPU), the runner with no block overhead (the intercept) "
              f"{intercept / a.records * 1e6:.2f} µs")
        print(f"Lines per block for the scheduler's CPU to stay under 5% of crampx's: "
              f"{sched_per_block / (0.05 * line_cpu):,.0f}; for all that a block adds to stay under 5% of "
              f"its work: {per_block / (0.05 * line_wall):,.0f}")

        # 3. Parts.
        mb, _ = split_mb_per_s(corpus)
        print(f"\nParts: crampx on an empty block {empty_run_ms(crampx):.2f} ms; a no-op Dask task "
              f"{serial:.2f} ms one at a time, {batched:.3f} ms each in a batch; the runner splits "
              f"{mb:,.0f} MB/s of input into blocks")
        print(f"Load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
