#!/usr/bin/env python3
"""README examples, written by the binary itself so they never go stale.

A fenced block right after the line `<!-- example: generated -->` holds shell
commands, each on a line starting with `$ ` (a line ending in a backslash continues
it), and below each the output crampx prints for it. This script runs each command
with `sh` in a scratch directory (the built crampx first on PATH, 80 columns, no
colour, stdin empty) and writes the output back under the command. `$ echo $?`
prints the exit status of the command before it.

  scripts/readme_examples.py BUILD/crampx README.md           # check: exit 1 when stale
  scripts/readme_examples.py BUILD/crampx README.md --write   # regenerate

The man page (`crampx man`) is generated from the binary's command-line definition,
so it cannot go stale; the check also runs each command of its EXAMPLES section that
needs no file or pager, and fails when one is a usage error (exit 2).
"""
import os
import subprocess
import sys
import tempfile

MARKER = "<!-- example: generated -->"


def environment(binary):
    env = {
        "PATH": os.path.dirname(os.path.abspath(binary)) + os.pathsep + "/usr/bin:/bin",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "LC_ALL": "C.UTF-8",
        "HOME": tempfile.gettempdir(),
    }
    return env


def run(command, env, cwd, stdin=b""):
    done = subprocess.run(["sh", "-c", command], env=env, cwd=cwd, input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    return done.returncode, done.stdout.decode("utf-8", "replace")


def commands_of(block):
    """The commands of a block, each as its lines ("$ cmd \\", "    more")."""
    commands = []
    i = 0
    while i < len(block):
        line = block[i]
        if line.startswith("$ "):
            lines = [line]
            while lines[-1].endswith("\\") and i + 1 < len(block):
                i += 1
                lines.append(block[i])
            commands.append(lines)
        i += 1
    return commands


def regenerate(block, env, cwd):
    out = []
    status = 0
    for lines in commands_of(block):
        out.extend(lines)
        command = "\n".join(lines)[2:]
        if command.strip() == "echo $?":
            out.append(str(status))
            continue
        status, text = run(command, env, cwd)
        out.extend(text.rstrip("\n").split("\n") if text else [])
    return out


def readme(binary, path, write):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    env = environment(binary)
    result = []
    stale = []
    i = 0
    with tempfile.TemporaryDirectory() as cwd:
        while i < len(lines):
            result.append(lines[i])
            if lines[i].strip() == MARKER and i + 1 < len(lines) and lines[i + 1].startswith("```"):
                result.append(lines[i + 1])
                end = i + 2
                while end < len(lines) and not lines[end].startswith("```"):
                    end += 1
                old = lines[i + 2:end]
                new = regenerate(old, env, cwd)
                if new != old:
                    stale.append((old[0] if old else "(empty block)", old, new))
                result.extend(new)
                i = end
                continue
            i += 1
    if write:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(result))
        return 0
    for first, old, new in stale:
        print(f"{path}: stale example: {first}", file=sys.stderr)
        for a, b in zip(old + [""] * len(new), new + [""] * len(old)):
            if a != b:
                print(f"  README: {a!r}\n  binary: {b!r}", file=sys.stderr)
                break
    if stale:
        print(f"regenerate with: scripts/readme_examples.py {binary} {path} --write", file=sys.stderr)
    return 1 if stale else 0


def man_examples(binary):
    env = environment(binary)
    page = subprocess.run([binary, "man"], env=env, stdout=subprocess.PIPE, check=True).stdout.decode()
    section = page.split(".SH EXAMPLES\n", 1)[1].split(".fi\n", 1)[0]
    failures = 0
    with tempfile.TemporaryDirectory() as cwd:
        for line in section.split("\n"):
            command = line.replace("\\-", "-")
            if not command.startswith("crampx ") or any(c in command for c in "<>|"):
                continue  # needs a file, or hands its output on: shown, not run here
            status, text = run(command, env, cwd, stdin=b"my calves cramp\n")  # a reply, if it asks
            if status == 2:
                print(f"man page example fails: {command}\n{text}", file=sys.stderr)
                failures += 1
    return failures


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, path = sys.argv[1], sys.argv[2]
    write = "--write" in sys.argv[3:]
    status = readme(binary, path, write)
    if not write and man_examples(binary):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
