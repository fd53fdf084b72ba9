"""Fixtures of the web tests: one store ingested from examples/ (plus an article full of markup),
one real `warlog serve` on a free port over it, and one headless Chromium, each for the whole
session; every test opens its own pages."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from warlog.ingest import ingest
from warlog.store import Store

from .browser import Browser, missing

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"
HOSTILE = HERE / "fixtures" / "hostile.jsonl"
TOKEN = "test-token-5b1f"
START_LIMIT = 60  # seconds to wait for the server to answer before giving up


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, extractor) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.db"
    with Store(path) as store:
        report = ingest([EXAMPLES, HOSTILE], store, published=date(2016, 10, 28), extractor=extractor)
    assert report.documents == 13 and not report.skipped
    return path


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
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + START_LIMIT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"warlog serve stopped: {self.proc.stderr.read()}")
            try:
                with urllib.request.urlopen(self.url + "/api/stats", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"warlog serve did not answer on {self.url}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()


@pytest.fixture(scope="session")
def server(web_store):
    s = Server(web_store, token=TOKEN)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    problem = missing()
    if problem:
        pytest.fail(problem)
    b = Browser()
    yield b
    b.close()


@pytest.fixture
def page(browser):
    p = browser.page()
    yield p
    p.close()
