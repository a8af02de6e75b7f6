#!/usr/bin/env python3
"""Writes the start-up symbol order the linker lays out crampx with (src/startup_symbols.txt).

A one-query process spends much of its time taking page faults: each first touch of a
64 KiB window of the binary is a fault, and the code and tables of one `explain` are
spread over the whole 10 MB file. Listing every function and table that start-up
touches, in the order it first touches them, lets lld place them side by side
(--symbol-ordering-file), so one query touches a few windows instead of dozens
(docs/PERFORMANCE.md has the measurements).

    bench/startup_order.py BUILD_DIR > src/startup_symbols.txt
    bench/startup_order.py --check BUILD_DIR src/startup_symbols.txt

Runs BUILD_DIR/crampx on a few typical one-query invocations under valgrind's lackey
tool, which prints every instruction fetch and data access; maps each address to the
symbol that holds it (nm); prints the symbols in first-touch order. valgrind's virtual CPU
has no AVX-512, so glibc's string functions run their AVX2 variants under it; the EVEX
variants a machine with AVX-512 runs natively are listed beside them.

Symbols renamed since the file was written are skipped by the linker (the layout degrades,
nothing breaks). --check prints how much of the list BUILD_DIR/crampx still has and how far
apart its listed functions lie, and fails when under 90% of the list is present: time to
rewrite it (ctest runs the check; bench/perf.sh prints it). Writing needs valgrind
(scripts/install-deps --bench); checking only nm.
"""
import bisect
import os
import re
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
        if size and start not in table:  # aliases share an address: any name moves the section
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


def with_native_variants(order, names):
    """`order` with, after each AVX2 variant of a glibc string function (__memchr_avx2),
    the EVEX variants of the same function (__memchr_evex) that the binary holds."""
    out = []
    for name in order:
        out.append(name)
        m = re.match(r"(__[a-z0-9]+_)(avx2|avx)_", name + "_")
        if m:
            out += sorted(n for n in names if n.startswith(m.group(1) + "evex") and "_rtm" not in n)
    return out


def write(build_dir):
    binary = os.path.join(build_dir, "crampx")
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
    order = with_native_variants(order, {r[2] for r in rows})
    print("# Symbols one-query crampx runs touch, in first-touch order: lld places them")
    print("# together (src/CMakeLists.txt). Written by bench/startup_order.py; do not edit.")
    print("\n".join(dict.fromkeys(order)))  # a local name in several files once: lld moves them all


def check(build_dir, list_file):
    listed = [l.strip() for l in open(list_file) if l.strip() and not l.startswith("#")]
    out = subprocess.run(["nm", "-S", "--defined-only", os.path.join(build_dir, "crampx")],
                         check=True, capture_output=True, text=True).stdout
    present = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            present.setdefault(parts[3], (int(parts[0], 16), int(parts[1], 16), parts[2] in "TtWw"))
    found = [present[n] for n in listed if n in present]
    code = [(a, n) for a, n, is_code in found if is_code]
    span = (max(a + n for a, n in code) - min(a for a, n in code)) if code else 0
    share = len(found) / len(listed) if listed else 0
    print(f"Start-up layout: {len(found)} of the {len(listed)} listed symbols are in this binary "
          f"({share:.0%}); its {len(code)} listed functions, {sum(n for _, n in code) / 1024:.0f} KiB "
          f"of code, lie within {span / 1024:.0f} KiB.")
    if share < 0.9:
        print("startup_order: the list is out of date: bench/startup_order.py BUILD_DIR > "
              "src/startup_symbols.txt", file=sys.stderr)
        return 1
    return 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    if len(sys.argv) != 2:
        sys.exit("usage: bench/startup_order.py BUILD_DIR > src/startup_symbols.txt\n"
                 "       bench/startup_order.py --check BUILD_DIR src/startup_symbols.txt")
    write(sys.argv[1])


if __name__ == "__main__":
    main()
