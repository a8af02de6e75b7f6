#!/usr/bin/env python3
"""Checks the dependency rule of docs/ARCHITECTURE.md: each folder of src/ may
include only the folders it may use, and its library (src/FOLDER/CMakeLists.txt)
may link only their libraries. Exit 1 listing every include and link that breaks it.
(The build checks the links too: each layer's library must link alone, src/CMakeLists.txt.)"""
import pathlib, re, sys

ALLOWED = {
    "base": {"base"},
    "kb": {"base", "kb"},
    "text": {"base", "kb", "text"},
    "infer": {"base", "kb", "text", "infer"},
    "report": {"base", "kb", "text", "infer", "report"},
    "compile": {"base", "kb", "text", "compile"},
    "cli": {"base", "kb", "text", "compile", "infer", "report", "cli", "embedded_kb"},
}

def check_includes(src, bad):
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

def check_links(src, bad):
    for folder, allowed in ALLOWED.items():
        path = src / folder / "CMakeLists.txt"
        if not path.exists():
            bad.append(f"{path}: missing (each layer is a library of its own)")
            continue
        text = path.read_text()
        calls = re.findall(rf"target_link_libraries\(\s*crampx_{folder}\b([^)]*)\)", text)
        if f"add_library(crampx_{folder} " not in text:
            bad.append(f"{path}: does not define the library crampx_{folder}")
        for call in calls:
            for layer in re.findall(r"\bcrampx_([a-z_]+)", call):
                if layer not in allowed:
                    bad.append(f"{path}: crampx_{folder} may not link crampx_{layer}")

def main():
    src = pathlib.Path(sys.argv[1])
    bad = []
    check_includes(src, bad)
    check_links(src, bad)
    for b in bad:
        print(b)
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
