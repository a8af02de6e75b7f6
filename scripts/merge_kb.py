#!/usr/bin/env python3
"""Merge the knowledge-base files of a directory into one object and check it
against data/schema/kb.schema.json with a real JSON Schema 2020-12 validator.

usage: scripts/merge_kb.py [DIR] [--schema FILE] [--print]
Exit 0 when valid, 1 with every schema violation (as JSON pointers) otherwise.
"""
import json, pathlib, sys

def merge(directory):
    merged = {}
    for path in sorted(pathlib.Path(directory).glob("*.json")):
        with open(path, encoding="utf-8") as f:
            part = json.load(f)
        for key, value in part.items():
            if key in merged:
                sys.exit(f"{path}: top-level key '{key}' already defined by another file")
            merged[key] = value
    return merged

def main():
    args = sys.argv[1:]
    root = pathlib.Path(__file__).resolve().parent.parent
    directory = root / "data" / "kb"
    schema_path = root / "data" / "schema" / "kb.schema.json"
    show = False
    while args:
        a = args.pop(0)
        if a == "--schema":
            schema_path = pathlib.Path(args.pop(0))
        elif a == "--print":
            show = True
        else:
            directory = pathlib.Path(a)
    import jsonschema
    kb = merge(directory)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(kb), key=lambda e: list(e.absolute_path))
    for e in errors:
        pointer = "/" + "/".join(str(p) for p in e.absolute_path)
        print(f"{pointer}: {e.message}", file=sys.stderr)
    if show and not errors:
        json.dump(kb, sys.stdout, indent=2, ensure_ascii=False)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
