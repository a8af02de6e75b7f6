#!/usr/bin/env python3
"""The default knowledge base passes data/schema/kb.schema.json under python-jsonschema's
2020-12 validator too (the loader uses valijson's draft 7), and a broken copy fails both."""
import copy, json, pathlib, subprocess, sys, tempfile

import jsonschema

crampx, root = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((root / "data/schema/kb.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
kb = json.loads(subprocess.run([crampx, "kb", "dump"], capture_output=True, check=True).stdout)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(kb))
for e in errors:
    print("/" + "/".join(map(str, e.absolute_path)), e.message[:200])

broken = copy.deepcopy(kb)
broken["causes"][0]["prior"] = 1.5
broken["findings"][0]["scope"] = "sometimes"
python_rejects = not jsonschema.Draft202012Validator(schema).is_valid(broken)
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(broken, f)
crampx_rejects = subprocess.run([crampx, "kb", "validate", f.name], capture_output=True).returncode == 2
print(f"default kb: {len(errors)} problems; broken copy rejected by python-jsonschema: {python_rejects}, "
      f"by crampx: {crampx_rejects}")
sys.exit(0 if not errors and python_rejects and crampx_rejects else 1)
