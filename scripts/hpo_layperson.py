#!/usr/bin/env python3
"""Derives crampx's table of HPO layperson phrasings (data/kb/hpo_layperson.json).

For every finding of data/kb/findings.json that carries an `hpo` id, takes the layperson
phrasings the Human Phenotype Ontology gives that term, except those excluded with a reason in
data/vocab/hpo_exclusions.json, and writes them with the HPO release they came from and the
reference its terms of use ask us to cite (hpo_2024 in data/kb/references.json). The KB
compiler reads the table like the rest of data/kb: a phrasing names its findings as their
lexicon phrases do. The table is committed: crampx never reads ../shared to build, test or
run; run this script by hand when the HPO report or a finding's `hpo` id changes.

  scripts/hpo_layperson.py [--tsv ../shared/vocab/hpo-layperson-synonyms.tsv] [--check]

--check: exit 1 when the committed table differs from what the script would write.
"""
import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "data/kb/hpo_layperson.json"
EXCLUSIONS = ROOT / "data/vocab/hpo_exclusions.json"
RELEASE = ("HPO reports/layperson-synonyms.tsv, last changed 2021-04-06, "
           "from the obophenotype/human-phenotype-ontology repository as of 2026-08-14")


def read_report(path):
    """(HP id, label, phrasing) rows of the HPO layperson-synonym report."""
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)  # the header: ?term ?term_label ?layperson
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            # A field is "text" or, in some rows, "text"@en.
            iri, label, phrasing = (p.strip().removesuffix("@en").strip('"') for p in parts)
            hp = iri.strip("<>").rsplit("/", 1)[-1].replace("_", ":")
            rows.append((hp, label, phrasing))
    return rows


def build(tsv):
    findings = json.loads((ROOT / "data/kb/findings.json").read_text())["findings"]
    by_hpo = {}
    for f in findings:
        if f.get("hpo"):
            by_hpo.setdefault(f["hpo"], []).append(f["id"])
    excluded = {(e["hpo"], e["phrase"].lower()): e["reason"]
                for e in json.loads(EXCLUSIONS.read_text())["excluded"]}
    terms = {}
    for hp, label, phrasing in read_report(tsv):
        if hp not in by_hpo:
            continue
        term = terms.setdefault(hp, {"hpo": hp, "label": label, "findings": by_hpo[hp],
                                     "phrases": [], "excluded": []})
        key = (hp, phrasing.lower())
        if key in excluded:
            term["excluded"].append({"phrase": phrasing.lower(), "reason": excluded[key]})
        elif phrasing.lower() not in term["phrases"]:
            term["phrases"].append(phrasing.lower())
    # Every id the findings carry has a term, with or without phrasings, so that the KB's
    # integrity check can tell when an id was added or changed without running this script.
    for hp, ids in by_hpo.items():
        terms.setdefault(hp, {"hpo": hp, "findings": ids, "phrases": [], "excluded": []})
    for t in terms.values():
        t["phrases"].sort()
    return {"hpo_layperson": {"release": RELEASE, "references": ["hpo_2024"],
                              "terms_of_use": "https://hpo.jax.org/license",
                              "terms": sorted(terms.values(), key=lambda t: t["hpo"])}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", default=str(ROOT.parent / "shared/vocab/hpo-layperson-synonyms.tsv"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = json.dumps(build(args.tsv), indent=2, ensure_ascii=False) + "\n"
    if args.check:
        if not TABLE.exists() or TABLE.read_text() != text:
            print(f"{TABLE}: stale; run scripts/hpo_layperson.py", file=sys.stderr)
            return 1
        return 0
    TABLE.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
