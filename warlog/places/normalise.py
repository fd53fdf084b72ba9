"""Place-name keys: the forms under which the gazetteer files and finds a name.

Three keys, from strict to loose, all built by rules in data/places/transliteration.json:

- `normalise`: casefolded, no diacritics, no apostrophes or ayn/hamza signs, hyphens and dots
  as spaces ("Al Qa'im" -> "al qaim", "Diyarbakır" -> "diyarbakir").
- `bare`: `normalise` without Arabic articles ("al-Bukamal" -> "bukamal",
  "Deir Ezzor" and "Deir ez-Zor" -> "deir zor").
- `skeleton`: consonant classes only, the last resort for romanisations that differ in their
  vowels ("Dayr az Zawr" and "Deir al-Zour" -> "dr zr").
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "places" / "transliteration.json"


def _load_rules(path: Path = RULES_PATH) -> dict:
    with open(path, encoding="utf-8") as f:
        rules = json.load(f)
    letters = {k: v for k, v in rules["letters"].items() if not k.startswith("_")}
    marks = rules["dropped_marks"]["chars"]
    table = {ord(k): v for k, v in letters.items()}
    table.update({ord(c): None for c in marks})
    # Hyphens, dots and other punctuation separate words; keep letters, digits and spaces.
    glued = rules["glued_article"]
    skel = rules["skeleton"]
    return {
        "table": table,
        "articles": frozenset(rules["articles"]["words"]),
        "glued": re.compile(
            "^[%s](%s)\\1" % (glued["vowels"], "|".join(glued["sun_letters"]))
        ),
        "glued_min": glued["min_length"],
        "sun": tuple(glued["sun_letters"]),
        "digraphs": list(skel["digraphs"].items()),
        "skel_letters": skel["letters"],
        "vowels": frozenset(skel["vowels"]),
        "glides": frozenset(skel["glides"]),
    }


_RULES = _load_rules()
ARTICLES: frozenset[str] = _RULES["articles"]
# Letters the article assimilates to ('ar-Raqqa', 'ash-Shaddadi'); digraphs first.
SUN_LETTERS: tuple[str, ...] = ("sh", "th", "dh") + _RULES["sun"]
# Letters NFKD leaves whole, with their plain Latin spelling: {'ı': 'i', 'ø': 'o', ...}
LETTERS: dict[str, str] = {chr(k): v for k, v in _RULES["table"].items() if v is not None}
_NON_WORD = re.compile(r"[^\w ]+|_")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Casefold, strip diacritics and apostrophes, turn punctuation into spaces, collapse spaces."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_RULES["table"])
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _unglue(token: str) -> str:
    """'ezzor' -> 'zor': an assimilated article written onto its word."""
    if len(token) >= _RULES["glued_min"]:
        m = _RULES["glued"].match(token)
        if m:
            return token[1 + len(m.group(1)):]
    return token


def bare_tokens(tokens: list[str]) -> list[str]:
    """Drop article words that precede another word, and glued articles after the first word."""
    articles = _RULES["articles"]
    out = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if tok in articles and i < last:
            continue
        out.append(_unglue(tok) if i > 0 else tok)
    return out


def bare(name: str) -> str:
    """The normalised name without Arabic articles: "Al Bukamal" -> "bukamal"."""
    return " ".join(bare_tokens(normalise(name).split()))


def _skeleton_token(token: str) -> str:
    for pair, repl in _RULES["digraphs"]:
        token = token.replace(pair, repl)
    vowels, glides, letters = _RULES["vowels"], _RULES["glides"], _RULES["skel_letters"]
    # A final -ah/-eh is a spelling of the feminine ending: Raqqah = Raqqa.
    if len(token) > 2 and token[-1] == "h" and token[-2] in vowels:
        token = token[:-1]
    out = []
    for i, c in enumerate(token):
        # w and y come and go with the vowels around them (Huwayjah, Hawija).
        if i > 0 and (c in vowels or c in glides):
            continue
        mapped = letters.get(c, c)
        if not out or out[-1] != mapped:
            out.append(mapped)
    return "".join(out)


def skeleton(name: str) -> str:
    """Consonant skeleton of the article-less name: "Dayr az Zawr" -> "dr zr"."""
    return " ".join(_skeleton_token(t) for t in bare(name).split())


def keys(name: str) -> tuple[str, str]:
    """(normalised, article-less) forms; equal when the name has no article."""
    norm = normalise(name)
    return norm, " ".join(bare_tokens(norm.split()))
