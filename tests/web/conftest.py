"""Fixtures of the web tests: one store ingested from examples/ (plus an article full of markup),
one real `warlog serve` on a free port over it, and one headless Chromium, each for the whole
session; every test opens its own pages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warlog.ingest import ingest
from warlog.store import Store

from .browser import Browser, missing
from .server import Server

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"
HOSTILE = HERE / "fixtures" / "hostile.jsonl"
TOKEN = "test-token-5b1f"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, extractor) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.db"
    with Store(path) as store:
        report = ingest([EXAMPLES, HOSTILE], store, published=date(2016, 10, 28), extractor=extractor)
    assert report.documents == 15 and not report.skipped
    return path


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
