"""Text normalisation: every character offset in warlog refers to the text this returns.

The rules are deterministic and idempotent: normalise_text(normalise_text(x)) == normalise_text(x).
Curly quotes and dashes are kept as written; the NLP stage deals with them.
"""
from __future__ import annotations

import re
import unicodedata

# Line and paragraph separators that are not "\n" (NEL, VT, FF, LS, PS).
_BREAKS = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_BREAK_RE = re.compile("|".join(re.escape(b) for b in _BREAKS))
_TRAILING_SPACE_RE = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")


def _char_fix(ch: str) -> str | None:
    """What a character becomes: None to keep it, "" to drop it, or a replacement."""
    if ch == "\n" or ch == " ":
        return None
    if ch == "\t":
        return " "
    cat = unicodedata.category(ch)
    if cat == "Zs":  # NBSP, thin, em, ideographic... spaces
        return " "
    if cat in ("Cc", "Cf", "Cs"):  # controls, zero-width and format marks (soft hyphen, BOM, bidi), lone surrogates
        return ""
    return None


def normalise_text(text: str) -> str:
    """Normalise `text`: NFC, "\\n" line breaks, plain spaces, no invisible characters,
    no trailing spaces, paragraphs separated by exactly one blank line, stripped."""
    text = _BREAK_RE.sub(lambda m: _BREAKS[m.group()], text)
    # Classes built from the characters this text holds: far faster than str.translate on non-ASCII text.
    fixes: dict[str, list[str]] = {}
    for ch in set(text):
        fix = _char_fix(ch)
        if fix is not None:
            fixes.setdefault(fix, []).append(ch)
    for fix, chars in fixes.items():
        text = re.sub("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", fix, text)
    # NFC after the removals: dropping a format mark can bring a base letter and its accent together.
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def normalise_line(text: str) -> str:
    """A one-line field (title, publisher): normalised, every run of whitespace one space."""
    return " ".join(normalise_text(text).split())
