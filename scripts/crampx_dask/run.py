"""Sends blocks to the cluster and writes their answers back in input order.

Memory is bounded: at most `window` blocks are out on the cluster (read and not yet
written), so the runner, the scheduler and the workers each hold a few blocks at a time.
Each block is a task of its own, which the scheduler reruns on another worker when the
worker holding it (running it, or keeping its answer) dies; a run of crampx that dies on
a live worker is retried here."""
import collections
import sys
import time

import distributed

from . import task

MAX_TRIES = 3             # runs of one block that died before the runner gives up
POLL_SECONDS = 2.0        # how often a wait looks at the cluster
NO_WORKERS_WARNING = 10.0  # seconds without a worker before saying so


class Fatal(Exception):
    """The run cannot go on (crampx refused, a block kept dying, the cluster failed)."""


class Status:
    """The whole run's exit status, as one crampx run over all of it would give it:
    2 if any line was bad, else 0 if any line was explained, else 1."""

    def __init__(self):
        self.bad = self.explained = False

    def add(self, code):
        self.bad |= code == 2
        self.explained |= code == 0

    def code(self):
        return 2 if self.bad else 0 if self.explained else 1


class Pending:
    __slots__ = ("seq", "output", "block", "future", "tries")

    def __init__(self, seq, output, block):
        self.seq, self.output, self.block = seq, output, block
        self.future = None
        self.tries = 0


class Run:
    """jobs: (output, block) pairs in input order; output has write(bytes) and close()."""

    def __init__(self, client, command, window=None, log=sys.stderr):
        self.client, self.command, self.log = client, command, log
        self.fixed_window = window
        self.status = Status()
        self.in_flight = collections.deque()
        self.blocks = self.lines = self.retries = 0
        self._window = 2
        self._window_checked = float("-inf")
        self._said = set()  # crampx's stderr lines already passed on

    def run(self, jobs):
        current = None
        seq = 0
        for output, block in jobs:
            while len(self.in_flight) >= self.window():
                current = self._finish_head(current)
            pending = Pending(seq, output, block)
            seq += 1
            self._submit(pending)
            self.in_flight.append(pending)
        while self.in_flight:
            current = self._finish_head(current)
        if current is not None:
            current.close()
        return self.status.code()

    def cancel(self):
        """Drops every block still out (Ctrl-C, a fatal error)."""
        futures = [p.future for p in self.in_flight if p.future is not None]
        self.in_flight.clear()
        if futures:
            self.client.cancel(futures)

    def window(self):
        """Blocks out at once: two per worker thread, so that each thread has the next
        block waiting when it finishes one. Rechecked as workers come and go."""
        if self.fixed_window:
            return self.fixed_window
        now = time.monotonic()
        if now - self._window_checked > POLL_SECONDS:
            self._window_checked = now
            self._window = max(2, 2 * sum(self.client.nthreads().values()))
        return self._window

    def _submit(self, p):
        # Earlier blocks first: the head of the queue is what the output waits for.
        p.future = self.client.submit(task.run_block, p.block.data, p.block.lines, p.block.first_line, self.command,
                                      pure=False, priority=-p.seq)

    def _finish_head(self, current):
        """Waits for the oldest block, writes its answer (or retries it); returns the
        output now being written."""
        head = self.in_flight[0]
        answer = self._result(head)
        if answer[0] == task.REFUSED:
            raise Fatal(answer[1])
        if answer[0] == task.DIED:
            head.tries += 1
            if head.tries >= MAX_TRIES:
                raise Fatal(f"the block from line {head.block.first_line} failed {head.tries} times; last: {answer[1]}")
            self.retries += 1
            self.log.write(f"crampx-dask: retrying the block from line {head.block.first_line}: {answer[1]}\n")
            self._submit(head)
            return current
        _, code, out, stderr = answer
        if head.output is not current:
            if current is not None:
                current.close()
            current = head.output
        current.write(out)
        self.status.add(code)
        self.blocks += 1
        self.lines += head.block.lines
        for line in stderr.splitlines():
            if line not in self._said:
                self._said.add(line)
                self.log.write(line + "\n")
        self.in_flight.popleft()
        head.future.release()
        return current

    def _result(self, p):
        waited = 0.0
        warned = False
        while True:
            try:
                # Wait for the task with a timeout, but fetch its answer without one: a
                # fetch cut short by a timeout is abandoned and starts again from nothing.
                distributed.wait(p.future, timeout=POLL_SECONDS)
                return p.future.result()
            except (TimeoutError, distributed.TimeoutError):
                pass
            except distributed.CancelledError as e:
                raise Fatal("the cluster cancelled a block (did the scheduler restart?)") from e
            except Exception as e:  # the scheduler gave up on it (KilledWorker) or lost it
                raise Fatal(f"the block from line {p.block.first_line} failed on the cluster: "
                            f"{type(e).__name__}: {e}") from e
            waited += POLL_SECONDS
            if not warned and waited >= NO_WORKERS_WARNING and not self.client.nthreads():
                self.log.write("crampx-dask: no workers are connected to the scheduler; waiting for one\n")
                warned = True
