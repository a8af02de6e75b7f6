"""Cuts a JSON Lines input into blocks of whole lines, split where crampx's own line
reader splits them: at '\n', with a last line that lacks one still a line. Each block
is sent through `crampx explain --jsonl` on its own; because crampx answers every line
alone, the blocks' outputs in order are the output of one run over the whole input."""
from dataclasses import dataclass

# Longer lines are cut to this many bytes, so that the runner's memory stays bounded.
# It is above crampx's own limit on a --jsonl line (24 MiB, kMaxRecordBytes), so a cut
# line is still too long for crampx and gets the same record_too_long error record.
LINE_CAP = 32 << 20

CHUNK = 1 << 20  # bytes read at a time


@dataclass
class Block:
    first_line: int  # the number of its first line in the input, from 1
    lines: int       # how many lines it holds
    data: bytes      # its lines, each ending in '\n'


def _cut(buf, max_lines, max_bytes):
    """Where to end a block that takes the start of buf (whole lines, ending in '\n'):
    (offset, lines) for at most max_lines lines and max_bytes bytes, but one line at least."""
    by_bytes = buf.rfind(b"\n", 0, max_bytes) + 1 if len(buf) > max_bytes else len(buf)
    if by_bytes == 0:
        by_bytes = buf.find(b"\n") + 1  # one line longer than max_bytes: it goes alone
    lines = buf.count(b"\n", 0, by_bytes)
    if lines <= max_lines:
        return by_bytes, lines
    rest = buf.split(b"\n", max_lines)[-1]  # C speed: no Python loop over lines
    return len(buf) - len(rest), max_lines


def read_blocks(stream, block_lines, block_bytes, line_cap=LINE_CAP, chunk=CHUNK):
    """Yields the blocks of a binary stream in order: block_lines lines each (the last
    may hold fewer), fewer when they would pass block_bytes."""
    if block_lines < 1 or block_bytes < 1:
        raise ValueError("a block holds at least one line and one byte")
    first_line = 1
    pending = bytearray()  # whole lines not yet in a block
    tail = bytearray()     # the start of a line whose '\n' has not been read yet
    dropping = False       # the rest of an overlong line is still coming: skip it

    def take(final):
        nonlocal first_line, pending
        while pending and (final or pending.count(b"\n") >= block_lines or len(pending) >= block_bytes):
            end, lines = _cut(pending, block_lines, block_bytes)
            yield Block(first_line, lines, bytes(pending[:end]))
            first_line += lines
            del pending[:end]

    while True:
        data = stream.read(chunk)
        if not data:
            break
        start = 0
        if dropping:
            nl = data.find(b"\n")
            if nl < 0:
                continue
            dropping = False
            start = nl  # the '\n' ends the cut line in tail
        last = data.rfind(b"\n", start)
        if last < 0:
            tail += data[start:]
        else:
            pending += tail
            pending += data[start:last + 1]
            tail = bytearray(data[last + 1:])
        if len(tail) > line_cap:
            del tail[line_cap:]
            dropping = True
        yield from take(final=False)
    if tail:
        pending += tail
        pending += b"\n"
    yield from take(final=True)
