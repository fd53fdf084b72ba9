"""`warlog eval`: warlog scored on real, independently annotated data (../shared/eval).

Each dataset has its own scorer module with the same contract:

    NAME = "acled"                         # its name on the command line
    TITLE = "..."                          # what the report calls it
    FILES = ("acled/....csv",)             # relative to the data folder: files or folders,
                                           # or absolute paths to data that ships with warlog
    def score(paths: list[Path], runner: Runner) -> list[Section]

A scorer feeds text to warlog through the Runner (or the public geoparse API) and compares the
output records with gold, so every figure measures what a user gets. The figures, their floors
(eval/floors.json) and the report formats live in floors.py and report.py.
"""
from __future__ import annotations

import importlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..errors import Errors, InputError
from .core import Figure, Runner, Section

__all__ = ["SCORERS", "Figure", "Runner", "Section", "Outcome", "scorer", "missing_files", "bundled", "run"]

log = logging.getLogger(__name__)

# The order of the report: event datasets first, then coding test suites, our own labelled
# modality set, then places and entities.
SCORERS = ("acled", "gtd", "ucdp", "petrarch", "plover", "plv", "conflibert", "modality", "geo", "re3d")


def scorer(name: str) -> ModuleType:
    if name not in SCORERS:
        raise InputError(Errors.E401.format(name=name, known=", ".join(SCORERS)))
    return importlib.import_module(f"{__name__}.{name}")


def missing_files(module: ModuleType, data: Path) -> list[Path]:
    # an absolute entry (bundled data) stays itself under `data / f`
    return [data / f for f in module.FILES if not (data / f).exists()]


def bundled(module: ModuleType) -> bool:
    """A scorer whose data ships with warlog runs without a data folder."""
    return all(Path(f).is_absolute() for f in module.FILES)


@dataclass
class Outcome:
    """What one `warlog eval` run measured: sections in order, seconds per dataset, and the
    datasets that could not run because their files are missing."""

    sections: list[Section] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def figures(self) -> dict[str, tuple[Section, Figure]]:
        return {s.qualified(f): (s, f) for s in self.sections for f in s.figures}


def run(names, data: Path, runner: Runner) -> Outcome:
    outcome = Outcome()
    for name in names:
        module = scorer(name)
        missing = missing_files(module, data)
        if missing:
            outcome.skipped[name] = f"missing {', '.join(str(p) for p in missing)}"
            log.warning("eval %s skipped: %s", name, outcome.skipped[name])
            continue
        started = time.perf_counter()
        outcome.sections += module.score([data / f for f in module.FILES], runner)
        outcome.seconds[name] = time.perf_counter() - started
    return outcome
