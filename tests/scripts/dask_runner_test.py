#!/usr/bin/python3
"""scripts/crampx-dask on a real Dask cluster, against one `crampx explain --jsonl` run.

    dask_runner_test.py CRAMPX SOURCE_DIR WORK_DIR cluster|faults|local

cluster: a dask-scheduler and two dask-worker processes on 127.0.0.1; 50,000 records
         with bad lines, --brief and full reports, --kb and the binary shipped, several
         inputs with --output-dir and stdin, refusals.
faults:  the same cluster with a crampx that logs each block and runs slowly; Ctrl-C
         cancels the cluster's work and exits 130; a worker killed part way through a
         run loses nothing.
local:   a local cluster (--workers 2), a closed output pipe.
Every comparison is byte for byte, exit status included. Exits 77 (skipped) only when
Dask is not installed."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dask_cluster import Cluster, dask_missing  # noqa: E402
from stream_corpus import write_corpus  # noqa: E402

RECORDS = 50_000
TIMEOUT = 600  # seconds any one run may take on a loaded machine before the test fails


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def single(crampx, options, data):
    """One crampx process: (exit status, stdout)."""
    p = subprocess.run([crampx, "explain", "--jsonl", *options], input=data, capture_output=True, timeout=TIMEOUT)
    return p.returncode, p.stdout


def runner(source, args, stdin=b"", **kw):
    p = subprocess.run(["/usr/bin/python3", os.path.join(source, "scripts", "crampx-dask"), *args],
                       input=stdin, capture_output=True, timeout=TIMEOUT, **kw)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def same(name, expected, got):
    """Compares (status, bytes) pairs; on a difference says where."""
    (want_code, want), (code, out) = expected, got
    if out != want:
        want_lines, lines = want.split(b"\n"), out.split(b"\n")
        first = next((i for i, (a, b) in enumerate(zip(want_lines, lines)) if a != b), min(len(want_lines), len(lines)))
        raise Failed(f"{name}: output differs from one crampx run at line {first + 1} "
                     f"({len(lines) - 1} lines, expected {len(want_lines) - 1}):\n"
                     f"  expected {want_lines[first][:300] if first < len(want_lines) else b'(end)'}\n"
                     f"  got      {lines[first][:300] if first < len(lines) else b'(end)'}")
    check(code == want_code, f"{name}: exit status {code}, one crampx run gives {want_code}")
    print(f"ok: {name}: {len(out):,} bytes in {len(out.splitlines()):,} lines identical, exit {code}")


def bin_dir(work, crampx):
    """A folder holding `crampx` for the workers' PATH."""
    folder = os.path.join(work, "bin")
    os.makedirs(folder, exist_ok=True)
    link = os.path.join(folder, "crampx")
    if not os.path.exists(link):
        os.symlink(crampx, link)
    return folder


def scenario_cluster(crampx, source, work, corpus):
    path = {"PATH": bin_dir(work, crampx) + ":/usr/bin:/bin"}
    with Cluster(work, ["a", "b"], env={"a": path, "b": path}) as cluster:
        at = ["--scheduler", cluster.address]
        data = open(corpus, "rb").read()

        # 50,000 records, --brief, the binary on the workers' PATH.
        options = ["--brief", "--top", "3"]
        code, out, err = runner(source, [*at, "--block-lines", "2000", *options, corpus])
        check(not err, f"unexpected stderr: {err}")
        same("50,000 records --brief --top 3", single(crampx, options, data), (code, out))

        # Full reports on the first 1,200 records, with options passed on and after --.
        head = b"\n".join(data.split(b"\n")[:1200]) + b"\n"
        options = ["--answer", "night_time=yes", "-j", "2"]
        code, out, err = runner(source, [*at, "--block-lines", "300", *options, "-", "--", "--no-typo-repair"],
                                stdin=head)
        same("1,200 full reports from stdin, --answer, -j 2, -- --no-typo-repair",
             single(crampx, [*options, "--no-typo-repair"], head), (code, out))

        # The binary and a knowledge base shipped; several inputs to --output-dir, an empty
        # one and stdin among them; exit 0 as one run over all of them gives.
        inputs = os.path.join(work, "inputs")
        os.makedirs(inputs, exist_ok=True)
        good = b"".join(line + b"\n" for line in data.split(b"\n")[:3000] if is_good(line))
        off_topic = b'{"id": 1, "text": "what is the capital of France"}\nhello\n'
        files = {"good.jsonl": good, "empty.jsonl": b""}
        for name, content in files.items():
            with open(os.path.join(inputs, name), "wb") as f:
                f.write(content)
        kb = os.path.join(source, "tests", "fixtures", "mini_kb.json")
        out_dir = os.path.join(work, "out")
        options = ["--kb", kb, "--brief"]
        code, _, err = runner(source, [*at, "--upload", crampx, "--crampx", "no-such-crampx", "--block-lines", "500",
                                       "--output-dir", out_dir, *options, os.path.join(inputs, "*.jsonl"), "-"],
                              stdin=off_topic)
        check(code == 0, f"shipped binary and kb: exit {code} (expected 0: something was explained): {err}")
        for name, content in {**files, "stdin.jsonl": off_topic}.items():
            want_code, want = single(crampx, options, content)
            with open(os.path.join(out_dir, name), "rb") as f:
                same(f"--upload --kb, --output-dir: {name}", (want_code, want), (want_code, f.read()))
        check(not [n for n in os.listdir(out_dir) if n.endswith(".part")], "a .part file was left behind")
        code, out, err = runner(source, [*at, "--upload", crampx, *options, os.path.join(inputs, "empty.jsonl"), "-"],
                                stdin=off_topic)
        same("nothing recognized in any input", single(crampx, options, off_topic), (code, out))

        # Refusals: stated once, exit 2, nothing half done.
        code, out, err = runner(source, [*at, "--crampx", "no-such-crampx", corpus])
        check(code == 2 and "no-such-crampx is not on the PATH" in err and not out,
              f"a crampx missing on the workers: exit {code}, stderr {err!r}")
        print("ok: a crampx the workers do not have: exit 2:", err.strip().splitlines()[0])
        bad_kb = os.path.join(work, "bad_kb.json")
        with open(bad_kb, "w") as f:
            f.write("{ not json")
        code, out, err = runner(source, [*at, "--kb", bad_kb, corpus])
        want_code, _ = single(crampx, ["--kb", bad_kb], b"")
        check(code == want_code == 2 and "crampx: error:" in err and not out,
              f"a bad knowledge base: exit {code}, stderr {err!r}")
        print("ok: a bad knowledge base: exit 2:", err.strip().splitlines()[0])
        check(cluster.workers() == ["a", "b"], "a worker left during the run")


def is_good(line):
    """A record crampx explains (with the fixture's knowledge base too)."""
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return (isinstance(record, dict) and isinstance(record.get("id"), (int, str)) and "answers" not in record
            and isinstance(record.get("text"), str) and record["text"].startswith("my"))


SLOW_CRAMPX = """#!/bin/sh
# crampx, slowed down, logging each block's start and end: the faults scenario's probe.
echo "start $CRAMPX_TEST_WORKER $$" >> "$CRAMPX_TEST_LOG"
sleep 0.1
"{crampx}" "$@"
status=$?
echo "end $CRAMPX_TEST_WORKER $$" >> "$CRAMPX_TEST_LOG"
exit $status
"""


def read_log(path):
    try:
        with open(path) as f:
            return [line.split() for line in f if line.strip()]
    except FileNotFoundError:
        return []


def wait_for(what, condition, seconds=TIMEOUT):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise Failed(f"timed out waiting for {what}")
        time.sleep(0.02)


def scenario_faults(crampx, source, work, corpus):
    slow = os.path.join(work, "slow")
    os.makedirs(slow, exist_ok=True)
    with open(os.path.join(slow, "crampx"), "w") as f:
        f.write(SLOW_CRAMPX.replace("{crampx}", crampx))
    os.chmod(os.path.join(slow, "crampx"), 0o755)
    log = os.path.join(work, "blocks.log")
    env = {name: {"PATH": slow + ":/usr/bin:/bin", "CRAMPX_TEST_WORKER": name, "CRAMPX_TEST_LOG": log}
           for name in ("a", "b")}
    data = open(corpus, "rb").read()
    options = ["--brief"]
    expected = single(crampx, options, data)
    script = os.path.join(source, "scripts", "crampx-dask")
    with Cluster(work, ["a", "b"], env=env) as cluster:
        at = ["--scheduler", cluster.address, "--block-lines", "1000", *options]

        # Ctrl-C: exit 130, and the cluster's queue empties (the blocks running finish).
        p = subprocess.Popen(["/usr/bin/python3", script, *at, corpus], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        wait_for("a first block", lambda: read_log(log))
        p.send_signal(signal.SIGINT)
        try:
            _, err = p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            raise Failed("Ctrl-C did not stop the runner within 60 s")
        check(p.returncode == 130, f"Ctrl-C: exit {p.returncode}, expected 130: {err.decode()}")
        wait_for("the scheduler to drop the cancelled blocks", lambda: cluster.scheduler_tasks() == 0, 30)
        time.sleep(1.0)
        started = len([e for e in read_log(log) if e[0] == "start"])
        time.sleep(1.5)
        later = len([e for e in read_log(log) if e[0] == "start"])
        check(later == started, f"blocks still started after Ctrl-C ({started}, then {later})")
        print(f"ok: Ctrl-C: exit 130, the scheduler holds no task, {started} of 50 blocks were started")

        # A worker killed while it runs a block: its blocks (running, and done but not yet
        # fetched) run again on the other worker; the output is still complete and identical.
        os.remove(log)
        out_path = os.path.join(work, "killed.out")
        with open(out_path, "wb") as out:
            p = subprocess.Popen(["/usr/bin/python3", script, *at, "--stats", corpus], stdout=out,
                                 stderr=subprocess.PIPE)

            def b_busy():
                events = read_log(log)
                ends = [e for e in events if e[:2] == ["end", "b"]]
                running = {e[2] for e in events if e[:2] == ["start", "b"]} - {e[2] for e in ends}
                return len(ends) >= 3 and running
            wait_for("worker b to finish three blocks and start another", b_busy)
            cluster.kill("b")
            still_running = p.poll() is None
            _, err = p.communicate(timeout=TIMEOUT)
        err = err.decode("utf-8", "replace")
        check(still_running, "the run ended before the worker was killed")
        with open(out_path, "rb") as f:
            same("50,000 records --brief with worker b killed part way through", expected, (p.returncode, f.read()))
        events = read_log(log)
        starts = [e for e in events if e[0] == "start"]
        b_blocks = len([e for e in starts if e[1] == "b"])
        check(len(starts) > 50, f"{len(starts)} block runs for 50 blocks: nothing was run again")
        check(cluster.workers() == ["a"], f"workers after the kill: {cluster.workers()}")
        print(f"ok: worker b ran {b_blocks} blocks before it was killed; {len(starts) - 50} blocks ran again "
              f"on worker a; {err.strip().splitlines()[-1] if err.strip() else ''}")


def scenario_local(crampx, source, work, corpus):
    data = open(corpus, "rb").read()
    options = ["--brief", "--top", "2"]
    code, out, err = runner(source, ["--workers", "2", "--crampx", crampx, "--block-lines", "5000", *options, corpus])
    same("50,000 records on a local cluster of 2 workers", single(crampx, options, data), (code, out))

    # A reader that goes away after one line: the run stops quietly, as crampx does.
    script = os.path.join(source, "scripts", "crampx-dask")
    p = subprocess.Popen(["/usr/bin/python3", script, "--workers", "1", "--crampx", crampx, "--block-lines", "100",
                          "--brief", corpus], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()
    _, err = p.communicate(timeout=TIMEOUT)
    check(first.startswith(b"{") and p.returncode == 0 and b"Traceback" not in err,
          f"a closed output pipe: exit {p.returncode}, stderr {err.decode()!r}")
    print("ok: a closed output pipe ends the run quietly with exit 0")


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("cluster", "faults", "local"):
        sys.exit(__doc__)
    crampx, source, work, scenario = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    missing = dask_missing()
    if missing:
        print(f"SKIPPED: {missing}")
        sys.exit(77)
    work = os.path.join(os.path.abspath(work), "dask_" + scenario)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "corpus.jsonl")
    write_corpus(RECORDS, corpus)
    start = time.monotonic()
    try:
        {"cluster": scenario_cluster, "faults": scenario_faults, "local": scenario_local}[scenario](
            crampx, source, work, corpus)
    except Failed as e:
        print(f"FAILED: {e}")
        sys.exit(1)
    print(f"passed in {time.monotonic() - start:.1f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
