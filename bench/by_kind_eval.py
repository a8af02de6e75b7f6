#!/usr/bin/python3
"""Ranking on an evaluation file, by kind of text and for the causes beyond the thirteen groups.

    bench/by_kind_eval.py FILE.jsonl [--crampx build/crampx] [--kb PATH]

FILE holds one JSON object a line with `id`, `text`, `expected` (cause ids, best first; empty
when out of scope), `red_flag` and `kind` (first_person, clinical, other_cause, lookalike ...),
as ../shared/eval/devset.jsonl does. Runs `crampx explain --jsonl --brief` once over all texts
and prints, for each kind, top-1 (the top cause is one the source names), top-1 by group (the
top cause or the group it is filed under is one the source names), top-3 and red-flag recall (urgent or emergency); then, for every text whose first expected id is a cause beyond
the thirteen groups (meta.required_causes): a lookalike, or a cause under a group or none, whether that id is first and in the top three, overall and per id.
bench/vignette_eval gives the overall figures; this is the breakdown.
"""
import argparse
import collections
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--crampx", default="build/crampx")
    ap.add_argument("--kb")
    ap.add_argument("--misses", action="store_true", help="list the new-cause texts not ranked first")
    args = ap.parse_args()
    base = [args.crampx] + (["--kb", args.kb] if args.kb else [])
    rows = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    dump = json.loads(subprocess.run(base + ["kb", "dump"], check=True, capture_output=True).stdout)
    groups = set(dump["meta"].get("required_causes", []))
    added = {c["id"] for c in dump["causes"]} - groups
    group_of = {c["id"]: c.get("category", c["id"]) for c in dump["causes"]}
    stream = "".join(json.dumps({"id": i, "text": r["text"]}) + "\n" for i, r in enumerate(rows))
    out = subprocess.run(base + ["explain", "--jsonl", "--brief", "--top", "3"], input=stream.encode(),
                         capture_output=True).stdout.decode()
    answers = [json.loads(line) for line in out.splitlines()]
    if len(answers) != len(rows):
        sys.exit(f"by_kind_eval: {len(rows)} texts but {len(answers)} answers")

    kinds = collections.defaultdict(collections.Counter)
    per_id = collections.defaultdict(collections.Counter)
    misses = []
    for row, ans in zip(rows, answers):
        expected = row.get("expected") or []
        ranked = [c["id"] for c in ans.get("causes", [])]
        k = kinds[row.get("kind", "?")]
        k["n"] += 1
        if expected:
            k["in_scope"] += 1
            k["top1"] += bool(ranked) and ranked[0] in expected
            # By the thirteen groups, as a pipeline that counts by group sees it: a cause under
            # a group the source names counts (dialysis cramps for electrolyte_imbalance).
            k["group_top1"] += bool(ranked) and (ranked[0] in expected or group_of.get(ranked[0]) in expected)
            k["top3"] += any(e in ranked[:3] for e in expected)
        else:
            k["out_ok"] += not ranked
        if row.get("red_flag"):
            k["flags"] += 1
            k["flags_caught"] += ans.get("triage") in ("urgent", "emergency")
        if expected and expected[0] in added:
            p = per_id[expected[0]]
            p["n"] += 1
            p["first"] += bool(ranked) and ranked[0] == expected[0]
            p["top3"] += expected[0] in ranked[:3]
            if not ranked or ranked[0] != expected[0]:
                misses.append(f"{row.get('id')} expected {expected[0]} got {', '.join(ranked) or 'nothing'} ({ans.get('triage')})")

    def pct(a, b):
        return f"{a}/{b}" if b else "-"
    print(f"{'kind':<14} {'texts':>5} {'top1':>7} {'group':>7} {'top3':>7} {'out_of_scope':>12} {'red_flags':>9}")
    for name in sorted(kinds):
        k = kinds[name]
        print(f"{name:<14} {k['n']:>5} {pct(k['top1'], k['in_scope']):>7} {pct(k['group_top1'], k['in_scope']):>7} "
              f"{pct(k['top3'], k['in_scope']):>7} "
              f"{pct(k['out_ok'], k['n'] - k['in_scope']):>12} {pct(k['flags_caught'], k['flags']):>9}")
    total = collections.Counter()
    for p in per_id.values():
        total.update(p)
    print(f"\nnew causes and lookalikes (expected first): {total['n']} texts, first {pct(total['first'], total['n'])}, "
          f"top3 {pct(total['top3'], total['n'])}")
    for cid in sorted(per_id):
        p = per_id[cid]
        print(f"  {cid:<28} first {pct(p['first'], p['n']):>5}  top3 {pct(p['top3'], p['n']):>5}")
    if args.misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
