#!/usr/bin/env python3
"""Checks the dependency rule of docs/ARCHITECTURE.md: each folder of src/ may
include only the folders below it. Exit 1 listing every include that breaks it."""
import pathlib, re, sys

ALLOWED = {
    "base": {"base"},
    "kb": {"base", "kb"},
    "text": {"base", "kb", "text"},
    "infer": {"base", "kb", "text", "infer"},
    "report": {"base", "kb", "text", "infer", "report"},
    "compile": {"base", "kb", "text", "compile"},
    "cli": {"base", "kb", "text", "compile", "infer", "report", "cli"},
}

def main():
    src = pathlib.Path(sys.argv[1])
    bad = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp") or path.parent == src:
            continue
        folder = path.relative_to(src).parts[0]
        allowed = ALLOWED.get(folder)
        if allowed is None:
            bad.append(f"{path}: folder '{folder}' is not in the dependency rule")
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            m = re.match(r'\s*#\s*include\s+"([a-z_]+)/', line)
            if m and m.group(1) not in allowed:
                bad.append(f"{path}:{n}: {folder}/ may not include {m.group(1)}/")
    for b in bad:
        print(b)
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
