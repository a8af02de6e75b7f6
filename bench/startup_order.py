#!/usr/bin/env python3
"""Writes the start-up symbol order the linker lays out crampx with (src/startup_symbols.txt).

A one-query process spends much of its time taking page faults: each first touch of a
64 KiB window of the binary is a fault, and the code and tables of one `explain` are
spread over the whole 10 MB file. Listing every function and table that start-up
touches, in the order it first touches them, lets lld place them side by side
(--symbol-ordering-file), so one query touches a few windows instead of dozens
(docs/PERFORMANCE.md has the measurements).

    bench/startup_order.py BUILD_DIR > src/startup_symbols.txt

Runs BUILD_DIR/crampx on a few typical one-query invocations under valgrind's lackey
tool, which prints every instruction fetch and data access; maps each address to the
symbol that holds it (nm); prints the symbols in first-touch order. Symbols renamed since
the file was written are skipped by the linker (the layout degrades, nothing breaks);
bench/perf.sh reports how much of the list the current binary still has, and this
script rewrites it. Needs valgrind (scripts/install-deps --bench).
"""
import bisect
import os
import subprocess
import sys
import tempfile

# One query each, as a shell loop would run them: the JSON, text and Markdown reports,
# a short text, a text that is not about cramps, and a two-record stream.
RUNS = [
    (["explain", "--json", "my calves lock up at night after long runs in the heat, no weakness"], None),
    (["explain", "my calves lock up at night after long runs in the heat, no weakness"], None),
    (["explain", "--markdown", "calf cramps when I swim, no weakness"], None),
    (["explain", "--json", "calf cramps"], None),
    (["explain", "--json", "my printer jams"], None),
    (["explain", "--jsonl"], b'{"id": 1, "text": "cramps at night"}\n{"id": 2, "text": "twitching eyelid"}\n'),
]


def symbols(binary):
    """(start addresses, [(start, end, name)]) of the binary's sized symbols, by address."""
    out = subprocess.run(["nm", "-S", "--defined-only", binary], check=True,
                         capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) != 4 or parts[2] in "aA":  # absolute symbols name no bytes
            continue
        start, size, name = int(parts[0], 16), int(parts[1], 16), parts[3]
        if size and start not in table:  # aliases share an address: the first name does
            table[start] = (start, start + size, name)
    rows = sorted(table.values())
    return [r[0] for r in rows], rows


def touched_addresses(binary, args, stdin):
    """Every address one run fetches or accesses, in order (valgrind lackey)."""
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "lackey.log")
        subprocess.run(["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-file={log}",
                        binary, *args], input=stdin or b"", stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        with open(log) as f:
            for line in f:
                if line.startswith("=="):
                    continue
                parts = line.split()
                if len(parts) == 2:
                    yield int(parts[1].split(",")[0], 16)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench/startup_order.py BUILD_DIR > src/startup_symbols.txt")
    binary = os.path.join(sys.argv[1], "crampx")
    starts, rows = symbols(binary)
    seen, order = set(), []
    for args, stdin in RUNS:
        for address in touched_addresses(binary, args, stdin):
            i = bisect.bisect_right(starts, address) - 1
            if i < 0 or address >= rows[i][1] or i in seen:
                continue
            seen.add(i)
            order.append(rows[i][2])
    if not order:
        sys.exit("startup_order: no symbols touched (is valgrind installed?)")
    print("# Symbols one-query crampx runs touch, in first-touch order: lld places them")
    print("# together (src/CMakeLists.txt). Written by bench/startup_order.py; do not edit.")
    print("\n".join(order))


if __name__ == "__main__":
    main()
