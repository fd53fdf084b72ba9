"""Removal of non-article matter: closing appeals, share prompts, comment sections, link lists.

The rules live in data/en/boilerplate.jsonl, one JSON object a line:
  id            stable name, shown in debug logs
  pattern       a regular expression, matched case-insensitively
  scope         "tail": the paragraph where it matches and everything after it is cut;
                "line": a line the pattern matches as a whole is dropped, wherever it is
  min_position  (tail only, default 0.6) how far into the text, as a share of its length,
                a marker must be to count; only markers that never occur in article prose
                (comment-form text) get a lower value
  why           what the rule is for

Being wrong here loses article text, so tail markers are conservative: they count only at the
start of a paragraph (or after a short greeting such as "Hi, how's it going?") and only near
the end of the text. Cutting repeats on what is left, so a long comment section that pushes a
closing appeal above the threshold still goes once the comments are cut.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_jsonl
from ..errors import DataError, Errors

logger = logging.getLogger(__name__)

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "en" / "boilerplate.jsonl"
DEFAULT_MIN_POSITION = 0.6
_SCOPES = ("tail", "line")
# A short lead-in sentence a closing appeal may open with ("Hi, how's it going? Thanks for reading").
_LEAD_IN_RE = re.compile(r"(?:(?i:hi|hello|hey|dear|greetings)\b[^\n]{0,40}?[.!?]|[^\n.!?]{1,40}[!?])\s+")
# The previous line ends a paragraph when it is blank or ends a sentence.
_PARAGRAPH_END_RE = re.compile(r"(?:^\s*|[.!?:;\"”’')\]…])\s*$")


@dataclass(frozen=True)
class Rule:
    id: str
    scope: str
    regex: re.Pattern
    min_position: float
    why: str


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> tuple[Rule, ...]:
    """Read and check the rules file; a malformed line raises DataError naming it."""
    rules = []
    seen = set()
    for n, d in read_jsonl(path):
        try:
            for key in ("id", "pattern", "scope", "why"):
                if not isinstance(d.get(key), str) or not d[key]:
                    raise ValueError(f"missing or empty field {key!r}")
            if d["scope"] not in _SCOPES:
                raise ValueError(f"scope {d['scope']!r} is not one of {', '.join(_SCOPES)}")
            if d["id"] in seen:
                raise ValueError(f"duplicate id {d['id']!r}")
            min_position = float(d.get("min_position", DEFAULT_MIN_POSITION))
            if not 0 <= min_position < 1:
                raise ValueError(f"min_position {min_position} is not in [0, 1)")
            regex = re.compile(d["pattern"], re.IGNORECASE)
            if regex.match(""):
                raise ValueError("pattern matches the empty string, so it would match everywhere")
        except (ValueError, re.error) as e:
            raise DataError(Errors.E301.format(path=path, line=n, detail=e)) from e
        seen.add(d["id"])
        rules.append(Rule(d["id"], d["scope"], regex, min_position, d["why"]))
    return tuple(rules)


def remove_boilerplate(text: str, rules: tuple[Rule, ...] | None = None) -> str:
    """`text` (normalised) without boilerplate lines and without its boilerplate tail."""
    rules = load_rules() if rules is None else rules
    line_rules = [r for r in rules if r.scope == "line"]
    tail_rules = [r for r in rules if r.scope == "tail"]

    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        rule = next((r for r in line_rules if stripped and r.regex.fullmatch(stripped)), None)
        if rule:
            logger.debug("boilerplate line dropped by %s: %r", rule.id, stripped[:80])
            continue
        kept.append(line)
    text = "\n".join(kept)

    while True:
        cut = _tail_start(text, tail_rules)
        if cut is None:
            return text
        text = text[:cut].rstrip()


def _tail_start(text: str, tail_rules: list[Rule]) -> int | None:
    """Offset of the first line that opens a boilerplate tail, or None."""
    if not tail_rules:
        return None
    length = len(text)
    earliest = min(r.min_position for r in tail_rules) * length
    lines = text.split("\n")
    offset = 0
    prev = ""
    for i, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if i == 0 or start < earliest or not line.strip() or not _PARAGRAPH_END_RE.search(prev):
            prev = line
            continue
        prev = line
        body = line.lstrip()
        starts = [0]
        lead = _LEAD_IN_RE.match(body)
        if lead:
            starts.append(lead.end())
        for rule in tail_rules:
            if start < rule.min_position * length:
                continue
            if any(rule.regex.match(body, pos) for pos in starts):
                logger.debug("boilerplate tail cut by %s at %d: %r", rule.id, start, body[:80])
                return start
    return None
