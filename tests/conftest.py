"""Shared fixtures. Cheap objects are built by hand (factories.py); the few tests that need the
spaCy model, the knowledge base and the gazetteer share one session-wide extractor."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def store(tmp_path):
    from warlog.store import Store

    s = Store(tmp_path / "events.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def extractor():
    from warlog.pipeline import Extractor

    return Extractor()


@pytest.fixture
def shared_samples():
    path = SHARED / "samples"
    if not path.is_dir():
        pytest.skip("../shared/samples is not present")
    return path
