"""`warlog serve` in a child process on a free port, as a user starts it (tests, screenshots, bench)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

START_LIMIT = 60  # seconds to wait for the server to answer before giving up


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`warlog serve` in a child process, as a user starts it."""

    def __init__(self, store: Path, token: str | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "warlog", "serve", "--store", str(store), "--port", str(self.port)]
        env = {k: v for k, v in os.environ.items() if k != "WARLOG_TOKEN"}
        if token:
            env["WARLOG_TOKEN"] = token
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe nobody reads could fill up
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + START_LIMIT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"warlog serve stopped: {self.output()}")
            try:
                with urllib.request.urlopen(self.url + "/api/stats", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline:
                    output = self.output()
                    self.stop()
                    raise RuntimeError(f"warlog serve did not answer on {self.url}: {output}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def output(self) -> str:
        """What the server wrote to stderr so far."""
        self.log.seek(0)
        return self.log.read()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
