"""The runner's inputs (files, globs, '-' for stdin) and their outputs (stdout, or one
file per input in a folder, written as NAME.part and renamed when it is complete)."""
import glob
import os
import sys

from .blocks import Block, read_blocks


class UsageError(Exception):
    pass


class OutputClosed(Exception):
    """The reader of stdout went away (`| head`): stop, quietly, as crampx does."""


def expand_inputs(patterns):
    """Files in the order given; a glob's matches in sorted order. A pattern that names
    no file is an error, not an empty input."""
    paths = []
    for pattern in patterns:
        if pattern == "-" or os.path.exists(pattern):
            paths.append(pattern)
            continue
        matches = sorted(glob.glob(pattern))
        if not matches:
            raise UsageError(f"no such file: {pattern}")
        paths.extend(matches)
    if paths.count("-") > 1:
        raise UsageError("stdin ('-') can be read only once")
    return paths


class StdoutOutput:
    """Every input's answers on stdout, one input after another."""

    def write(self, data):
        try:
            sys.stdout.buffer.write(data)
        except BrokenPipeError:
            self._closed()

    def close(self):
        try:
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            self._closed()

    def _closed(self):
        # What is still buffered, and Python's own flush at exit, go to /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise OutputClosed()


class FileOutput:
    """One input's answers, in FOLDER/NAME.part until all are written."""

    def __init__(self, path):
        self.path = path
        self.part = path + ".part"
        self.file = None

    def write(self, data):
        if self.file is None:
            self.file = open(self.part, "wb")
        self.file.write(data)

    def close(self):
        if self.file is None:
            self.file = open(self.part, "wb")  # an empty input has an empty output
        self.file.close()
        os.replace(self.part, self.path)


def output_paths(inputs, folder):
    """FOLDER/basename of each input ('stdin.jsonl' for '-'); two inputs with one name are an error."""
    names = ["stdin.jsonl" if p == "-" else os.path.basename(p) for p in inputs]
    seen = set()
    for name, path in zip(names, inputs):
        if name in seen:
            raise UsageError(f"two inputs would both write {os.path.join(folder, name)} ({path} is the second)")
        seen.add(name)
    return [os.path.join(folder, n) for n in names]


def jobs(inputs, outputs, block_lines, block_bytes):
    """(output, block) pairs over every input in order. An empty input still gets one
    empty block, so that it has its output and counts in the exit status as crampx
    would count it."""
    for path, output in zip(inputs, outputs):
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
        try:
            empty = True
            for block in read_blocks(stream, block_lines, block_bytes):
                empty = False
                yield output, block
            if empty:
                yield output, Block(1, 0, b"")
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
