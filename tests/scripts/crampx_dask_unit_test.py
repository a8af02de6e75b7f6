#!/usr/bin/python3
"""The parts of scripts/crampx-dask that need no Dask. blocks.py cuts inputs where
crampx's line reader does: every line in exactly one block, in order, numbered from 1,
whatever the chunking; a last line without '\n' is still a line; an overlong line is cut
but stays one (too long) line. line_numbers.py numbers a block's answers as one run over
the whole input would.

    crampx_dask_unit_test.py SOURCE_DIR"""
import io
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.join(sys.argv.pop(1) if len(sys.argv) > 1 else ".", "scripts"))
from crampx_dask.blocks import read_blocks  # noqa: E402
from crampx_dask.line_numbers import renumber  # noqa: E402


def lines_of(data):
    """The lines crampx reads from data, each with '\n'."""
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    return [p + b"\n" for p in parts]


class Blocks(unittest.TestCase):
    def check(self, data, block_lines, block_bytes, chunk, line_cap=1 << 30):
        blocks = list(read_blocks(io.BytesIO(data), block_lines, block_bytes, line_cap=line_cap, chunk=chunk))
        joined = b"".join(b.data for b in blocks)
        self.assertEqual(joined, b"".join(lines_of(data)))
        line = 1
        for b in blocks:
            self.assertEqual(b.first_line, line)
            self.assertEqual(b.lines, b.data.count(b"\n"))
            self.assertTrue(b.data.endswith(b"\n"))
            self.assertLessEqual(b.lines, block_lines)
            self.assertGreaterEqual(b.lines, 1)
            if b.lines > 1:
                self.assertLessEqual(len(b.data), block_bytes)
            line += b.lines
        return blocks

    def test_every_line_once_in_order_whatever_the_chunks(self):
        rng = random.Random(7)
        for _ in range(300):
            lines = [bytes(rng.choice(b"ab {}\r\t") for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(0, 60))]
            data = b"\n".join(lines) + (b"\n" if rng.random() < 0.5 else b"")
            self.check(data, rng.randrange(1, 10), rng.randrange(1, 200), rng.randrange(1, 50))

    def test_blocks_hold_block_lines_lines(self):
        data = b"".join(b'{"id":%d}\n' % i for i in range(1000))
        blocks = self.check(data, 300, 1 << 20, 4096)
        self.assertEqual([b.lines for b in blocks], [300, 300, 300, 100])
        self.assertEqual([b.first_line for b in blocks], [1, 301, 601, 901])

    def test_a_last_line_without_newline_and_empty_lines(self):
        blocks = self.check(b"a\n\n\nb", 2, 100, 1)
        self.assertEqual([b.data for b in blocks], [b"a\n\n", b"\nb\n"])

    def test_a_line_longer_than_block_bytes_goes_alone(self):
        blocks = self.check(b"x\n" + b"y" * 50 + b"\nz\n", 10, 8, 7)
        self.assertEqual([b.data for b in blocks], [b"x\n", b"y" * 50 + b"\n", b"z\n"])

    def test_an_overlong_line_is_cut_and_stays_one_line(self):
        data = b"a\n" + b"L" * 100 + b"\nb\n" + b"M" * 30
        blocks = list(read_blocks(io.BytesIO(data), 10, 1 << 20, line_cap=20, chunk=8))
        out = b"".join(b.data for b in blocks).split(b"\n")
        self.assertEqual(out[0], b"a")
        self.assertTrue(out[1].startswith(b"L") and 20 <= len(out[1]) < 100)
        self.assertEqual(out[2], b"b")
        self.assertTrue(out[3].startswith(b"M") and 20 <= len(out[3]) < 30)
        self.assertEqual(sum(b.lines for b in blocks), 4)

    def test_empty_input_has_no_block(self):
        self.assertEqual(list(read_blocks(io.BytesIO(b""), 5, 100)), [])


class LineNumbers(unittest.TestCase):
    def test_each_line_s_own_number_is_shifted(self):
        block = (b'{"schema":"s","id":"a\\\\","line":1,"causes":[{"line":9}],"input":"\\"line\\":3"}\n'
                 b'{"schema":"s","id":null,"line":2,"error":{"code":"invalid_json"}}\n')
        self.assertEqual(renumber(block, 2, 1001),
                         b'{"schema":"s","id":"a\\\\","line":1001,"causes":[{"line":9}],"input":"\\"line\\":3"}\n'
                         b'{"schema":"s","id":null,"line":1002,"error":{"code":"invalid_json"}}\n')

    def test_the_first_block_and_output_without_numbers_are_kept(self):
        block = b'{"id":1,"line":1}\n'
        self.assertIs(renumber(block, 1, 1), block)
        plain = b'{"id":1,"causes":[],"triage":"consult","error":null}\n'
        self.assertIs(renumber(plain, 1, 40001), plain)

    def test_a_line_without_its_number_is_refused(self):
        self.assertIsNone(renumber(b'{"line":1}\n{"id":2}\n', 2, 5))


if __name__ == "__main__":
    unittest.main()
