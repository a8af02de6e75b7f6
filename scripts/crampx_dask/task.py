"""What runs on a Dask worker: one block of lines through `crampx explain --jsonl`.

This module is shipped to the workers by value (cloudpickle), so a worker needs only
Python and Dask, not this repository. It answers with values, never exceptions: the
runner decides what to retry."""
import hashlib
import os
import shutil
import subprocess
import tempfile

import distributed

from .line_numbers import renumber

# What a block's run came to (the first item of run_block's answer).
DONE = "done"        # crampx answered every line: (DONE, exit status 0/1/2, output, stderr)
REFUSED = "refused"  # crampx would answer no block so (usage, knowledge base, not found): (REFUSED, message)
DIED = "died"        # this run failed (killed, cut short): (DIED, message); another may succeed


class ShipFiles(distributed.WorkerPlugin):
    """Writes files (the crampx binary, a knowledge base) into each worker's local
    directory, on every worker there is and every one that joins later."""

    def __init__(self, files):
        self.files = files  # name -> bytes
        digest = hashlib.sha256()
        for name in sorted(files):
            digest.update(name.encode() + b"\0" + files[name])
        self.name = "crampx-files-" + digest.hexdigest()[:16]

    def setup(self, worker):
        folder = os.path.join(worker.local_directory, self.name)
        os.makedirs(folder, exist_ok=True)
        for name, data in self.files.items():
            path = os.path.join(folder, name)
            part = f"{path}.{os.getpid()}.part"
            with open(part, "wb") as f:
                f.write(data)
            os.chmod(part, 0o755)
            os.replace(part, path)

    def teardown(self, worker):
        shutil.rmtree(os.path.join(worker.local_directory, self.name), ignore_errors=True)


def shipped_path(plugin_name, file_name):
    """Where ShipFiles put a file on the worker running this task."""
    return os.path.join(distributed.get_worker().local_directory, plugin_name, file_name)


def run_block(data, lines, first_line, command):
    """Runs `command` (argv; entries of the form ("shipped", plugin, name) stand for a
    shipped file's path on this worker) with the block on stdin. A block of `lines`
    lines must come back as `lines` output lines with exit status 0, 1 or 2. The block's
    first line is line first_line of its input."""
    argv = [shipped_path(*arg[1:]) if isinstance(arg, tuple) else arg for arg in command]
    if not isinstance(command[0], tuple) and os.sep not in argv[0] and shutil.which(argv[0]) is None:
        return (REFUSED, f"{argv[0]} is not on the PATH of worker {_worker_name()} (ship it with --upload FILE)")
    try:
        status, stdout, stderr = _run(argv, data)
    except OSError as e:
        return (REFUSED, f"cannot run {argv[0]} on worker {_worker_name()}: {e.strerror}")
    if status in (0, 1, 2) and stdout.count(b"\n") == lines:
        out = renumber(stdout, lines, first_line)
        if out is None:
            return (REFUSED, f"{argv[0]} on worker {_worker_name()} wrote a line without its line number")
        return (DONE, status, out, stderr)
    if status == 2 and not stdout:
        return (REFUSED, f"{argv[0]} on worker {_worker_name()} answered no line (exit status 2)"
                         + (f":\n{stderr.rstrip()}" if stderr.strip() else ""))
    why = f"killed by signal {-status}" if status < 0 else f"exit status {status}"
    answered = stdout.count(b"\n")
    detail = f": {stderr.strip()}" if stderr.strip() else ""
    return (DIED, f"{argv[0]} on worker {_worker_name()}: {why}, {answered} of {lines} lines answered{detail}")


def _run(argv, data):
    """(exit status, stdout, stderr) of argv with data on stdin. The block and its answers
    go through files in the worker's folder, not pipes: a pipe holds 64 KiB, so answers
    of tens of megabytes cost crampx and the worker a switch for every 64 KiB (three
    times slower on a busy machine)."""
    folder = distributed.get_worker().local_directory
    with tempfile.TemporaryFile(dir=folder) as stdin, tempfile.TemporaryFile(dir=folder) as stdout:
        stdin.write(data)
        stdin.seek(0)
        proc = subprocess.run(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, check=False)
        stdout.seek(0)
        return proc.returncode, stdout.read(), proc.stderr.decode("utf-8", "replace")


def _worker_name():
    worker = distributed.get_worker()
    return f"{worker.name} ({worker.address})" if worker.name != worker.address else worker.address
