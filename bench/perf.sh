#!/bin/sh
# The whole-process performance figures of docs/PERFORMANCE.md, each beside its
# baseline, in one run on one machine:
#   1. cold start: `crampx explain --json` against a C hello-world (hyperfine medians,
#      then the two interleaved by bench/startup_ratio);
#   2. streaming: 200,000 NegEx sentences as {"id", "text"} records through
#      `explain --jsonl` (full and --brief, -j 1 and -j 2), against `wc -l` reading
#      the same file; peak RSS over 200,000 and over 1,000,000 records; -j 2 against
#      two -j 1 processes at once, the two cores' ceiling (bench/two_cores.py);
#   3. the text stage alone (bench/text_stage) against ripgrep's multi-literal
#      search (`rg -F -i -f` with every phrase of the lexicon) over the same text;
#   4. linearity: the text stage on 1 MB and 10 MB of text (micro_bench).
#
#   bench/perf.sh [BUILD_DIR]          (Release build; needs hyperfine, ripgrep, GNU time)
#   CRAMPX_PERF_DROP_CACHES=1 bench/perf.sh    (as root: drop the page cache before the cold start)
#   CRAMPX_NEGEX=FILE.tsv bench/perf.sh        (the sentences to cycle; by default the NegEx dev
#                                              set of the evaluation data when it lies beside the
#                                              clone, else bench/negex_sample.tsv)
#
# Prints a Markdown report on stdout; scratch files go to a temporary directory.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
for tool in hyperfine rg /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "perf.sh: needs $tool (scripts/install-deps --bench)" >&2; exit 2; }
done
negex=${CRAMPX_NEGEX:-../shared/eval/negex/negex-annotations-dev.tsv}
[ -n "${CRAMPX_NEGEX:-}" ] || [ -f "$negex" ] || negex=bench/negex_sample.tsv
[ -f "$negex" ] || { echo "perf.sh: no sentences at $negex" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
crampx=$build/crampx

# Inputs: the NegEx sentences cycled into records, the same sentences as plain lines, and
# every phrase of the lexicon (labels and phrases of all findings) for ripgrep.
python3 - "$negex" "$tmp" <<'EOF'
import csv, json, sys
rows = [r[2] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))[1:]]
out = sys.argv[2]
def cycle(n):
    return (rows[i % len(rows)] for i in range(n))
with open(f"{out}/records.jsonl", "w") as f:
    for i, t in enumerate(cycle(200000)):
        f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(f"{out}/records_1m.jsonl", "w") as f:
    for i, t in enumerate(cycle(1000000)):
        f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(f"{out}/sentences.txt", "w") as f:
    for t in cycle(200000):
        f.write(t + "\n")
EOF
"$crampx" kb dump | python3 -c '
import json, sys
kb = json.load(sys.stdin)
phrases = set()
for f in kb["findings"]:
    phrases.add(f["label"].lower())
    phrases.update(p.lower() for p in kb["lexicon"][f["id"]]["phrases"])
print("\n".join(sorted(phrases)))' > "$tmp/phrases.txt"

median() {  # median seconds of command N (0-based) in a hyperfine JSON export
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'])" "$1" "$2"
}
rss() {  # peak RSS in KiB of a command reading stdin from $1
  input=$1; shift
  /usr/bin/time -f %M "$@" < "$input" 2>&1 >/dev/null | tail -1
}

echo "# crampx performance run"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(g++ --version | head -1)"
echo
echo "Sentences: $(basename "$negex"), $(($(wc -l < "$negex") - 1)) of them, cycled."
echo

# 1. Cold start.
sentence="my calves lock up at night after long runs in the heat, no weakness"
echo "## Cold start"
echo
# The page cache holds a freshly linked or copied binary differently from one read back
# from disk. CRAMPX_PERF_DROP_CACHES=1 (as root) measures the usual state,
# read back from disk; it empties the page cache of the whole machine.
if [ "${CRAMPX_PERF_DROP_CACHES:-0}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then
  sync && echo 3 > /proc/sys/vm/drop_caches
  "$crampx" explain "$sentence" >/dev/null
  "$build/bench/hello_c" >/dev/null
  echo "Page cache dropped first: the binaries are measured as read back from disk."
else
  echo "Page cache as found: the binaries are measured as they lie in memory (CRAMPX_PERF_DROP_CACHES=1 to drop it first)."
fi
echo
# Much of a start is first touches of memory: how many page faults each process takes.
faults() { /usr/bin/time -f %R "$@" 2>&1 >/dev/null | tail -1; }
echo "Page faults: C hello-world $(faults "$build/bench/hello_c"), crampx explain --json $(faults "$crampx" explain --json "$sentence")."
echo
hyperfine -N --warmup 100 --runs 1000 --export-json "$tmp/start.json" \
  "$build/bench/hello_c" "$crampx explain --json '$sentence'" >/dev/null 2>&1
hello=$(median "$tmp/start.json" 0)
start=$(median "$tmp/start.json" 1)
start_rss=$(/usr/bin/time -f %M "$crampx" explain --json "$sentence" 2>&1 >/dev/null | tail -1)
echo "Medians of 1,000 runs (hyperfine):"
echo
echo "| command | median | ratio | peak RSS |"
echo "|---|---:|---:|---:|"
python3 -c "import sys; h,s=float(sys.argv[1]),float(sys.argv[2]); print(f'| C hello-world | {h*1e3:.3f} ms | 1.00 | |'); print(f'| crampx explain --json (one sentence) | {s*1e3:.3f} ms | {s/h:.2f} | {int(sys.argv[3])/1024:.1f} MiB |')" "$hello" "$start" "$start_rss"
echo
# The same pair interleaved (bench/startup_ratio.c): drift on a shared machine falls on both.
echo "Interleaved, 1,000 rounds of both (\`bench/startup_ratio\`), for the JSON report, the text report and a short text:"
echo
echo '```'
"$build/bench/startup_ratio" 1000 "$build/bench/hello_c" -- "$crampx" explain --json "$sentence"
"$build/bench/startup_ratio" 1000 "$build/bench/hello_c" -- "$crampx" explain "$sentence"
"$build/bench/startup_ratio" 1000 "$build/bench/hello_c" -- "$crampx" explain --json "calf cramps"
echo '```'
echo

# 2. Streaming.
rec=$tmp/records.jsonl
# Through the shell for the redirections (hyperfine subtracts the shell's own start-up).
hyperfine --warmup 1 --runs 5 --export-json "$tmp/stream.json" \
  "wc -l < $rec" \
  "$crampx explain --jsonl -j 1 < $rec > /dev/null" \
  "$crampx explain --jsonl -j 2 < $rec > /dev/null" \
  "$crampx explain --jsonl --brief -j 1 < $rec > /dev/null" \
  "$crampx explain --jsonl --brief -j 2 < $rec > /dev/null" >/dev/null 2>&1
echo "## Streaming 200,000 records (median of 5 runs, output to /dev/null)"
echo
echo "| command | median | records/s | peak RSS, 200k records | peak RSS, 1M records |"
echo "|---|---:|---:|---:|---:|"
i=0
for args in "wc -l" "explain --jsonl -j 1" "explain --jsonl -j 2" "explain --jsonl --brief -j 1" "explain --jsonl --brief -j 2"; do
  t=$(median "$tmp/stream.json" $i)
  if [ $i -eq 0 ]; then
    python3 -c "import sys; t=float(sys.argv[1]); print(f'| wc -l (reading the file) | {t:.3f} s | {200000/t:,.0f} | | |')" "$t"
  else
    # shellcheck disable=SC2086
    r1=$(rss "$rec" "$crampx" $args)
    # shellcheck disable=SC2086
    r5=$(rss "$tmp/records_1m.jsonl" "$crampx" $args)
    python3 -c "import sys; t=float(sys.argv[1]); print(f'| crampx {sys.argv[2]} | {t:.3f} s | {200000/t:,.0f} | {int(sys.argv[3])/1024:.1f} MiB | {int(sys.argv[4])/1024:.1f} MiB |')" "$t" "$args" "$r1" "$r5"
  fi
  i=$((i + 1))
done
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; m=[x['median'] for x in r]; print(f'\nScaling with two threads in the table above: full reports {m[1]/m[2]:.2f}x, brief {m[3]/m[4]:.2f}x.\n')" "$tmp/stream.json"
# -j 2 against the two cores' ceiling (two -j 1 processes at once), interleaved (bench/two_cores.py).
echo "Interleaved, 5 rounds of -j 1, -j 2 and two -j 1 processes at once (\`bench/two_cores.py\`), full and brief:"
echo
echo '```'
python3 bench/two_cores.py 5 "$crampx" "$rec"
python3 bench/two_cores.py 5 "$crampx" "$rec" --brief
echo '```'
echo

# 3. The text stage against ripgrep.
hyperfine -N --warmup 1 --runs 5 --export-json "$tmp/rg.json" \
  "rg -F -i -c -f $tmp/phrases.txt $tmp/sentences.txt" \
  "$build/bench/text_stage $tmp/sentences.txt" >/dev/null 2>&1
echo "## Text stage against ripgrep (200,000 sentences, $(wc -l < "$tmp/phrases.txt") phrases, median of 5 runs)"
echo
python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
rg, ts = r[0]['median'], r[1]['median']
print('| command | median | ratio |')
print('|---|---:|---:|')
print(f'| rg -F -i -c -f phrases.txt (find the phrases) | {rg:.3f} s | 1.00 |')
print(f'| text_stage (tokens, stems, lexicon, typos, assertion) | {ts:.3f} s | {ts/rg:.2f} |')
" "$tmp/rg.json"
echo

# 4. Linearity of the text stage: time (micro_bench, the two sizes' repetitions
# interleaved at random so that the host's drift falls on both) and instructions
# (callgrind: one warm pass over one text, the second pass of text_stage --whole 2
# minus the first), which no drift moves.
echo "## Cost against input length (text stage)"
echo
"$build/bench/micro_bench" --benchmark_filter='BM_TextStage' --benchmark_repetitions=10 \
  --benchmark_enable_random_interleaving=true --benchmark_format=json 2>/dev/null > "$tmp/linear.json"
python3 - "$tmp/sentences.txt" "$tmp" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\n", " ").encode()
for n, name in ((1 << 20, "1m"), (10 << 20, "10m")):
    with open(f"{sys.argv[2]}/text_{name}.txt", "wb") as f:
        f.write((text * (n // len(text) + 1))[:n])
EOF
instructions() {  # instructions of `text_stage --whole $2 $1`
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$build/bench/text_stage" --whole "$2" "$1" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
i1a=$(instructions "$tmp/text_1m.txt" 1); i1b=$(instructions "$tmp/text_1m.txt" 2)
i10a=$(instructions "$tmp/text_10m.txt" 1); i10b=$(instructions "$tmp/text_10m.txt" 2)
python3 - "$tmp/linear.json" "$i1a" "$i1b" "$i10a" "$i10b" <<'EOF'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
med = {b["run_name"]: b["real_time"] for b in runs if b.get("aggregate_name") == "median"}
one, ten = med["BM_TextStage/1048576"], med["BM_TextStage/10485760"]
i1 = int(sys.argv[3]) - int(sys.argv[2])
i10 = int(sys.argv[5]) - int(sys.argv[4])
print("| text | time (median of 10, micro_bench) | instructions of one pass (callgrind, text_stage --whole) |")
print("|---|---:|---:|")
print(f"| 1 MB | {one:.1f} ms | {i1 / 1e6:,.1f} M |")
print(f"| 10 MB | {ten:.1f} ms | {i10 / 1e6:,.1f} M |")
print(f"\n10 MB costs {ten / one:.2f}x 1 MB in time, {i10 / i1:.2f}x in instructions.")
EOF
