"""A real Dask cluster for tests: `dask-scheduler` and `dask-worker` processes on
127.0.0.1, on ports the system picks, each in a process group of its own (so that a
worker can be killed with everything it started, as when its machine goes away)."""
import json
import os
import signal
import subprocess
import sys
import time

START_SECONDS = 120  # a loaded machine starts Python slowly


class Cluster:
    def __init__(self, folder, workers, env=None):
        """workers: names; env: name -> extra environment of that worker."""
        self.folder = folder
        self.file = os.path.join(folder, "scheduler.json")
        self.procs = {}
        self.logs = []
        try:
            self.procs["scheduler"] = self._start("scheduler", [
                "/usr/bin/dask-scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                "--scheduler-file", self.file], {})
            self.address = self._wait_for_file()
            for name in workers:
                self.procs[name] = self._start(name, [
                    "/usr/bin/dask-worker", self.address, "--name", name, "--nthreads", "1",
                    "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                    "--local-directory", os.path.join(folder, "worker-" + name)], (env or {}).get(name, {}))
            self.wait_for_workers(len(workers))
        except BaseException:
            self.stop()
            raise

    def _start(self, name, argv, env):
        log = open(os.path.join(self.folder, name + ".log"), "wb")
        self.logs.append(log)
        return subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, **env})

    def _wait_for_file(self):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.procs["scheduler"].poll() is not None:
                raise RuntimeError("dask-scheduler exited: " + self.log("scheduler"))
            try:
                with open(self.file) as f:
                    return json.load(f)["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.1)
        raise RuntimeError("dask-scheduler did not start: " + self.log("scheduler"))

    def workers(self):
        """Names of the workers the scheduler has now."""
        import distributed
        with distributed.Client(self.address, timeout=30) as client:
            return sorted(w["name"] for w in client.scheduler_info()["workers"].values())

    def wait_for_workers(self, n):
        deadline = time.monotonic() + START_SECONDS
        while len(self.workers()) < n:
            for name, p in self.procs.items():
                if p.poll() is not None:
                    raise RuntimeError(f"{name} exited: " + self.log(name))
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {self.workers()} of {n} workers joined")
            time.sleep(0.2)

    def scheduler_tasks(self):
        """How many tasks the scheduler holds, of every client."""
        import distributed
        with distributed.Client(self.address, timeout=30) as client:
            return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))

    def kill(self, name):
        """SIGKILL to the process and everything it started: a machine that died."""
        os.killpg(self.procs[name].pid, signal.SIGKILL)
        self.procs[name].wait()

    def log(self, name):
        with open(os.path.join(self.folder, name + ".log"), "rb") as f:
            return f.read().decode("utf-8", "replace")[-4000:]

    def stop(self):
        for p in self.procs.values():
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs.values():
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        for log in self.logs:
            log.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()


def dask_missing():
    """Why Dask cannot run here, or None."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return f"Dask is not installed for {sys.executable} (python3-distributed; scripts/install-deps installs it)"
    for tool in ("/usr/bin/dask-scheduler", "/usr/bin/dask-worker"):
        if not os.access(tool, os.X_OK):
            return f"{tool} is missing (python3-distributed)"
    return None
