"""Reading warlog's JSON Lines data files (actors, place aliases, triggers, boilerplate rules),
shipped or supplied by a user, with one-line errors that name the file and line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .errors import DataError, Errors

COMMENTS = ("#", "//")


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each record; blank lines and lines starting with # or // are
    comments. Raises DataError for a missing or unreadable file and for a line that is not one
    JSON object."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(Errors.E107.format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Errors.E109.format(path=path, detail=exc)) from exc
    for number, raw in enumerate(lines, 1):
        raw = raw.strip()
        if not raw or raw.startswith(COMMENTS):
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataError(Errors.E301.format(path=path, line=number,
                                               detail=f"invalid JSON: {exc.msg} at column {exc.colno}")) from None
        if not isinstance(record, dict):
            raise DataError(Errors.E301.format(path=path, line=number, detail="expected one JSON object per line"))
        yield number, record
