"""A block's output numbered as one run over the whole input numbers it.

crampx writes each stream output line's input line number ("line"), counted from 1 in
the stream it reads; a block is a stream of its own, so its numbers are shifted here."""
import re

# An output line's own line number: its first "line" key. The pattern cannot match inside
# a JSON string (a string's '"' is escaped), and nested objects come after it.
LINE_NUMBER = re.compile(rb'^([^\n]*?)"line":(\d+)', re.MULTILINE)


def renumber(out, lines, first_line):
    """crampx numbers a block's lines from 1: number them from first_line, as one run over
    the whole input does. None when some line carries no number."""
    if first_line == 1 or b'"line":' not in out:
        return out  # the first block, or a crampx that writes no line numbers
    offset = first_line - 1
    out, n = LINE_NUMBER.subn(lambda m: b'%s"line":%d' % (m.group(1), int(m.group(2)) + offset), out)
    return out if n == lines else None
