#!/usr/bin/env python3
"""Validates real crampx outputs against data/schema/report.schema.json with a real
JSON Schema 2020-12 validator (Debian's python3-jsonschema).

usage: validate_reports.py CRAMPX_BINARY SCHEMA_DIR
Exit 1 with every violation found."""
import json, subprocess, sys

import jsonschema

crampx, schema_dir = sys.argv[1], sys.argv[2]
schema = json.load(open(f"{schema_dir}/report.schema.json"))
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)

TEXTS = [
    "my calves lock up at night after long runs in the heat, no weakness",
    "I stepped on a rusty nail and now my jaw is stiff and I can't open my mouth",
    "muscle twitching all over and my hands are getting weaker, trouble swallowing",
    "my muscles hurt",
    "I have a cough and a fever",
    "crampng in my calfs at nihgt?",
    "maybe my eyelid twitches, my mother has myotonic dystrophy, I used to get cramps as a child",
    "",
    "\x1b[31mcramps\x1b[0m \u00e9t\u00e9",
    "calf cramps at night, my calf is swollen and red and I have kidney disease",
]
STREAM = "\n".join([
    json.dumps({"id": 1, "text": TEXTS[0]}),
    json.dumps({"id": "b", "text": TEXTS[1], "answers": {"night_time": "no"}}),
    "plain text line about a charley horse",
    "{bad json",
    json.dumps({"id": 3, "text": 7}),
    json.dumps([1, 2]),
    "",
    json.dumps({"id": 4.5, "text": TEXTS[4]}),
]) + "\n"

def run(args, stdin=""):
    p = subprocess.run([crampx] + args, input=stdin.encode(), capture_output=True)
    return p.stdout.decode()

outputs = []
for text in TEXTS:
    outputs.append(("explain --json " + repr(text[:30]), run(["explain", "--json", text])))
    outputs.append(("explain --json --answer", run(["explain", "--json", text, "--answer", "night_time=yes"])))
for flags in (["--jsonl"], ["--jsonl", "--brief"], ["--jsonl", "-j", "2"]):
    for n, line in enumerate(run(["explain"] + flags, STREAM).splitlines()):
        outputs.append((f"explain {' '.join(flags)} line {n + 1}", line))

failures = 0
for name, out in outputs:
    try:
        doc = json.loads(out)
    except json.JSONDecodeError as e:
        print(f"{name}: not JSON: {e}")
        failures += 1
        continue
    for err in validator.iter_errors(doc):
        print(f"{name}: {'/'.join(map(str, err.absolute_path))}: {err.message[:300]}")
        failures += 1
print(f"{len(outputs)} outputs validated, {failures} problems")
sys.exit(1 if failures else 0)
