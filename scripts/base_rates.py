#!/usr/bin/python3
"""Each finding's written base rate beside the one the causes imply.

    scripts/base_rates.py [DATA_DIR] [--all] [--factor F]

A finding's base rate is P(finding | any complaint brought to crampx). The knowledge base
also says it another way: sum over causes of prior(c) * P(finding | c), over the sum of the
priors, where a cause that does not list the finding is neutral about it (P = the written
base rate). When the two disagree by more than --factor (default 1.5), the finding is listed
with how much of the prior mass lists it (coverage): where coverage is small the implied rate
mostly repeats the written one. Keep written rates close to the implied ones unless there is
a reason (a finding many people report without any cause explaining it, such as pain). Also
prints the priors, their sum and each kind's share. Reads data/kb; needs no build.
"""
import argparse
import json
import math
import os


def load(data_dir, name):
    with open(os.path.join(data_dir, name + ".json"), encoding="utf-8") as f:
        return json.load(f)[name]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", default=os.path.join(here, "..", "data", "kb"))
    ap.add_argument("--all", action="store_true", help="list every finding, not only the far ones")
    ap.add_argument("--factor", type=float, default=1.5)
    args = ap.parse_args()
    causes = load(args.data_dir, "causes")
    findings = load(args.data_dir, "findings")
    total = sum(c["prior"] for c in causes)

    print(f"priors: {len(causes)} causes, sum {total:.3f}")
    by_kind = {}
    for c in causes:
        key = c.get("kind", "cause") + (" under " + c["category"] if "category" in c else "")
        by_kind[key] = by_kind.get(key, 0) + c["prior"]
    for key, p in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        print(f"  {key:<40} {p:.3f} ({p / total:.0%})")

    print(f"\n{'finding':<32} {'written':>8} {'implied':>8} {'ratio':>6} {'coverage':>8}  listed by")
    rows = []
    for f in findings:
        b = f["base_rate"]
        implied, covered, listed = 0.0, 0.0, []
        for c in causes:
            row = next((cf for cf in c["findings"] if cf["finding"] == f["id"]), None)
            if row is None:
                implied += c["prior"] * b
            else:
                implied += c["prior"] * row["frequency"]
                covered += c["prior"]
                listed.append(c["id"])
        implied /= total
        ratio = implied / b
        if args.all or abs(math.log(ratio)) > math.log(args.factor):
            rows.append((abs(math.log(ratio)), f["id"], b, implied, ratio, covered / total, len(listed)))
    for _, fid, b, implied, ratio, coverage, n in sorted(rows, reverse=True):
        print(f"{fid:<32} {b:>8.4f} {implied:>8.4f} {ratio:>6.2f} {coverage:>8.0%}  {n} causes")


if __name__ == "__main__":
    main()
