"""The command line of scripts/crampx-dask: options, the cluster, exit statuses."""
import argparse
import logging
import os
import signal
import sys
import time
import warnings

USAGE = "crampx-dask [OPTIONS] [INPUT...] [-- MORE-CRAMPX-EXPLAIN-OPTIONS]"
DESCRIPTION = """Answers JSON Lines records with `crampx explain --jsonl` on a Dask cluster: the output is
byte for byte what one `crampx explain --jsonl` run with the same options writes, and the
exit status is its status (0 something explained, 1 nothing recognized, 2 a bad line or
an error, 130 interrupted). Without --scheduler, a local cluster starts and stops with the run."""

# Lines per block: about 0.1 s of --brief work on one core and 0.4 s of full reports,
# so that the scheduler's cost per block stays far below 5% of the work (docs/PERFORMANCE.md).
DEFAULT_BLOCK_LINES = 20_000
DEFAULT_BLOCK_BYTES = 16 << 20


def parse(argv):
    ours, extra = argv, []
    if "--" in argv:
        cut = argv.index("--")
        ours, extra = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(prog="crampx-dask", usage=USAGE, description=DESCRIPTION)
    p.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT",
                   help="JSON Lines files or globs; - (the default) for stdin")
    where = p.add_argument_group("the cluster")
    where.add_argument("--scheduler", metavar="ADDRESS", help="join a running cluster (tcp://HOST:PORT)")
    where.add_argument("--workers", type=positive, metavar="N",
                       help="without --scheduler: start a local cluster of N worker processes (default: one per CPU)")
    where.add_argument("--threads-per-worker", type=positive, default=1, metavar="N",
                       help="threads of each local worker, each running one block at a time (default 1)")
    where.add_argument("--crampx", default="crampx", metavar="PROGRAM",
                       help="the crampx the workers run: a name on their PATH or a path they can see (default crampx)")
    where.add_argument("--upload", metavar="FILE", help="ship this crampx binary to every worker and run it")
    out = p.add_argument_group("input and output")
    out.add_argument("--output-dir", metavar="DIR",
                     help="write each input's answers to DIR/its file name (default: all on stdout, in order)")
    out.add_argument("--block-lines", type=positive, default=DEFAULT_BLOCK_LINES, metavar="N",
                     help=f"lines per block, the unit of work and of retry (default {DEFAULT_BLOCK_LINES})")
    out.add_argument("--block-bytes", type=positive, default=DEFAULT_BLOCK_BYTES, metavar="N",
                     help=f"at most this many bytes per block (default {DEFAULT_BLOCK_BYTES})")
    out.add_argument("--window", type=positive, metavar="N",
                     help="blocks out on the cluster at once (default: two per worker thread)")
    out.add_argument("--stats", action="store_true", help="print records, blocks, retries and records/s on stderr")
    c = p.add_argument_group("crampx explain options (passed on)")
    c.add_argument("--brief", action="store_true", help="only id, top causes, triage level and error")
    c.add_argument("--top", type=positive, metavar="N", help="number of causes shown")
    c.add_argument("-j", "--jobs", type=positive, metavar="N", help="crampx worker threads per block (default 1)")
    c.add_argument("--kb", metavar="FILE", help="a knowledge base file, shipped to every worker")
    c.add_argument("--answer", action="append", default=[], metavar="FINDING=ANSWER",
                   help="an answer applied to every record (repeatable)")
    c.add_argument("--no-typo-repair", action="store_true", help="do not correct misspelled words")
    args = p.parse_args(ours)
    args.extra = extra
    if args.scheduler and args.workers:
        p.error("--workers starts a local cluster; with --scheduler the cluster has its own workers")
    return args


def positive(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def crampx_command(args, files, plugin_name):
    """The argv each block runs; ("shipped", plugin, name) stands for a shipped file's path."""
    program = ("shipped", plugin_name, "crampx") if args.upload else args.crampx
    command = [program, "explain", "--jsonl"]
    if args.brief:
        command.append("--brief")
    if args.top:
        command += ["--top", str(args.top)]
    if args.jobs:
        command += ["-j", str(args.jobs)]
    if args.kb:
        command += ["--kb", ("shipped", plugin_name, os.path.basename(args.kb))]
    for answer in args.answer:
        command += ["--answer", answer]
    if args.no_typo_repair:
        command.append("--no-typo-repair")
    return command + args.extra


def error(message, hint=None):
    sys.stderr.write(f"crampx-dask: error: {message}\n")
    if hint:
        sys.stderr.write(f"  hint: {hint}\n")
    return 2


def main(argv):
    args = parse(argv)
    # Imported after parsing, so that --help and usage errors need no Dask.
    try:
        import distributed
    except ImportError:
        return error("Dask is not installed for this Python",
                     "apt-get install python3-distributed (Debian's Dask loads in /usr/bin/python3)")
    from . import files, line_numbers, run, task
    import cloudpickle
    for module in (task, line_numbers):
        cloudpickle.register_pickle_by_value(module)  # workers need not have this folder

    try:
        inputs = files.expand_inputs(args.inputs)
        if args.output_dir:
            os.makedirs(args.output_dir, exist_ok=True)
            outputs = [files.FileOutput(p) for p in files.output_paths(inputs, args.output_dir)]
        else:
            outputs = [files.StdoutOutput()] * len(inputs)
        shipped = {}
        if args.upload:
            shipped["crampx"] = read_file(args.upload)
        if args.kb:
            shipped[os.path.basename(args.kb)] = read_file(args.kb)
    except (files.UsageError, OSError) as e:
        return error(str(e))
    plugin = task.ShipFiles(shipped) if shipped else None
    command = crampx_command(args, shipped, plugin.name if plugin else None)

    # The blocks travel inside their tasks (so that the scheduler can rerun a task whose
    # worker died): Dask's advice to scatter large arguments does not apply here.
    warnings.filterwarnings("ignore", message="Large object of size")
    cluster = client = runner = None
    start = time.monotonic()
    try:
        try:
            if args.scheduler:
                client = distributed.Client(args.scheduler, direct_to_workers=True)
            else:
                cluster = distributed.LocalCluster(n_workers=args.workers or os.cpu_count() or 1,
                                                   threads_per_worker=args.threads_per_worker,
                                                   processes=True, dashboard_address=None,
                                                   silence_logs=logging.ERROR)
                client = distributed.Client(cluster, direct_to_workers=True)
            # Answers come straight from the workers (direct_to_workers), not through the
            # scheduler: half the hops, and the scheduler stays out of the data's way.
            if plugin:
                client.register_worker_plugin(plugin)
        except (OSError, TimeoutError) as e:
            return error(f"cannot reach the scheduler at {args.scheduler}: {e}" if args.scheduler
                         else f"cannot start a local cluster: {e}")
        runner = run.Run(client, command, window=args.window)
        ready = time.monotonic()
        try:
            code = runner.run(files.jobs(inputs, outputs, args.block_lines, args.block_bytes))
        except run.Fatal as e:
            runner.cancel()
            return error(str(e))
        except files.OutputClosed:
            runner.cancel()
            return 0
        except OSError as e:
            runner.cancel()
            return error(f"cannot read or write: {e}")
        if args.stats:
            print_stats(runner, client, ready - start, time.monotonic() - ready)
        return code
    except KeyboardInterrupt:
        # A second Ctrl-C while the cluster's work is being cancelled stops at once.
        signal.signal(signal.SIGINT, lambda *_: os._exit(130))
        sys.stderr.write("crampx-dask: interrupted; cancelling the cluster's work\n")
        if runner is not None:
            runner.cancel()
        return 130
    finally:
        if client is not None:
            if plugin and client.status == "running":
                try:
                    client.unregister_worker_plugin(plugin.name)
                except Exception:  # a worker gone meanwhile: its folder goes with it
                    pass
            client.close()
        if cluster is not None:
            cluster.close()


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def print_stats(runner, client, setup, seconds):
    threads = sum(client.nthreads().values())
    sys.stderr.write(f"crampx-dask: {runner.lines} records in {runner.blocks} blocks ({runner.retries} retried) "
                     f"in {seconds:.2f} s: {runner.lines / seconds:,.0f} records/s on {threads} worker threads "
                     f"(and {setup:.2f} s to reach the cluster)\n")
