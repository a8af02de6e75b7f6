#!/bin/sh
# Every output crampx can give, written to one directory, so that a change meant to
# leave answers alone (a refactor, a speed-up) can be checked byte for byte:
#
#   bench/output_fingerprint.sh BUILD_DIR OUT_DIR     then   diff -r OUT_A OUT_B
#
# Covers explain (text, json, jsonl, --brief, markdown, --top 13) on the dev set's texts
# and on 100 NegEx sentences, a 20,000-record stream at -j 1 and -j 2, and why, show,
# list, search, graph and kb dump/stats for every cause and finding. The texts come from
# ../shared/eval when it is there (a bench tool: tests never read outside the repository);
# without it, from bench/negex_sample.tsv only.
set -eu
cd "$(dirname "$0")/.."
build=${1:?usage: bench/output_fingerprint.sh BUILD_DIR OUT_DIR}
out=${2:?usage: bench/output_fingerprint.sh BUILD_DIR OUT_DIR}
crampx=$build/crampx
mkdir -p "$out"
devset=../shared/eval/devset.jsonl
negex=../shared/eval/negex/negex-annotations-dev.tsv
[ -f "$negex" ] || negex=bench/negex_sample.tsv

# Inputs: texts one per line (dev set, then NegEx sentences), and a 20k-record stream.
/usr/bin/python3 - "$devset" "$negex" "$out" <<'EOF'
import csv, json, os, sys
devset, negex, out = sys.argv[1:4]
texts = []
if os.path.exists(devset):
    texts += [json.loads(l)["text"] for l in open(devset, encoding="utf-8") if l.strip()]
rows = [r[2] for r in list(csv.reader(open(negex, encoding="utf-8"), delimiter="\t"))[1:]]
texts += rows[:100]
with open(f"{out}/.texts", "w", encoding="utf-8") as f:
    for t in texts:
        f.write(t.replace("\n", " ") + "\n")
with open(f"{out}/.stream.jsonl", "w", encoding="utf-8") as f:
    for i in range(20000):
        f.write(json.dumps({"id": i, "text": rows[i % len(rows)]}) + "\n")
        if i % 997 == 0:
            f.write("{broken\n")
        if i % 1499 == 0:
            f.write(rows[i % len(rows)] + "\n")
EOF

run() {  # run NAME ARGS...: stdout, stderr and exit status of one command
  name=$1
  shift
  set +e
  "$crampx" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  set -e
}

n=0
while IFS= read -r text; do
  n=$((n + 1))
  run "explain_$n.text" explain --color=never -- "$text"
  run "explain_$n.json" explain --json -- "$text"
  run "explain_$n.md" explain --format markdown -- "$text"
  run "explain_$n.top13" explain --top 13 --color=never -- "$text"
done <"$out/.texts"
run stream_texts.jsonl explain --jsonl <"$out/.texts"
run stream_texts.brief explain --jsonl --brief <"$out/.texts"
run stream.j1 explain --jsonl -j 1 <"$out/.stream.jsonl"
run stream.j2 explain --jsonl -j 2 <"$out/.stream.jsonl"
run stream.brief.j1 explain --jsonl --brief -j 1 <"$out/.stream.jsonl"
run stream.brief.j2 explain --jsonl --brief -j 2 <"$out/.stream.jsonl"

for kind in causes findings mechanisms red_flags references; do
  run "list_$kind" list "$kind"
  run "list_$kind.json" list "$kind" --json
done
"$crampx" list causes --json | /usr/bin/python3 -c 'import json,sys; print("\n".join(c["id"] for c in json.load(sys.stdin)))' >"$out/.causes"
"$crampx" list findings --json | /usr/bin/python3 -c 'import json,sys; print("\n".join(c["id"] for c in json.load(sys.stdin)))' >"$out/.findings"
while IFS= read -r id; do
  run "why_$id" why --color=never "$id"
  run "why_$id.json" why --json "$id"
  run "show_$id" show "$id"
  run "graph_$id" graph "$id"
  run "graph_$id.mermaid" graph "$id" --format mermaid
done <"$out/.causes"
while IFS= read -r id; do
  run "show_$id" show "$id"
  run "show_$id.json" show --json "$id"
done <"$out/.findings"
for words in cramp "night cramps" twitching "calf pain" potasium statin myotonia "heat cramps" zzzz; do
  run "search_$words" search "$words"
  run "search_$words.json" search --json "$words"
done
run graph graph
run graph.mermaid graph --format mermaid
run kb_dump kb dump
run kb_stats kb stats
run kb_stats.json kb stats --json
rm -f "$out/.texts" "$out/.stream.jsonl" "$out/.causes" "$out/.findings"
echo "output_fingerprint: $(ls "$out" | wc -l) files in $out"
