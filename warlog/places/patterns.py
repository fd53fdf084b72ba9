"""Recognition patterns: place names as English news writes them, for the dictionary matcher.

Made once at build time and stored in the index (`Gazetteer.patterns()` reads them back).
Which places: data/places/patterns.json. Which forms never: data/places/stop_forms.txt
(common English words and given names that are also place names), forms shorter than three
characters, acronyms, and forms with digits or brackets. Each form maps to the place with the
best context-free score; the resolver still weighs every homonym in context.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .normalise import ARTICLES, LETTERS, SUN_LETTERS
from .scoring import FEATURE_LABEL, POPULATED, prior

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʿʾ`´ʼʻ′ʹ"})
_ALLOWED = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]*)*$")


def load_settings() -> dict:
    with open(DATA_DIR / "patterns.json", encoding="utf-8") as f:
        return json.load(f)


def load_stop_forms() -> set[str]:
    """Casefolded forms that never become patterns ('#' starts a comment). Words are
    separated by spaces; a form of several words is written with underscores (new_town)."""
    out = set()
    with open(DATA_DIR / "stop_forms.txt", encoding="utf-8") as f:
        for line in f:
            for word in line.split("#", 1)[0].split():
                out.add(word.replace("_", " ").casefold())
    return out


def fold(text: str) -> str:
    """Diacritics off, case kept: 'Diyarbakır' -> 'Diyarbakir'."""
    out = []
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(c):
            continue
        low = c.lower()
        repl = LETTERS.get(low)
        if repl is not None:
            out.append(repl.upper() if c != low else repl)
        else:
            out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def surface_forms(name: str) -> set[str]:
    """The ways English news writes `name`: as given, without diacritics or apostrophes, and
    with its Arabic article as 'al-', 'Al-', 'Al ', assimilated to a sun letter ('al-Raqqa' ->
    'ar-Raqqa') or dropped ('Al Qa'im' -> 'Qaim', 'al-Qa'im'...)."""
    name = " ".join(name.translate(_APOSTROPHES).split())
    base = {name, fold(name)}
    base |= {f.replace("'", "") for f in base}
    forms = set()
    for f in base:
        forms.add(f)
        m = re.match(r"^([A-Za-z]{2,3})[ \-](.+)$", f)
        if m and m.group(1).lower() in ARTICLES:
            art, rest = m.group(1), m.group(2)
            if len(rest) < 3:  # 'Al Ta' is a fragment, not a name
                continue
            rest = rest[0].upper() + rest[1:]
            forms |= {rest, f"al-{rest}", f"Al-{rest}", f"Al {rest}",
                      f"{art.capitalize()} {rest}", f"{art.capitalize()}-{rest}", f"{art.lower()}-{rest}"}
            # the article as said before a sun letter, whichever way the source spelt it
            sun = next((s for s in SUN_LETTERS if rest.lower().startswith(s)), None)
            if sun is not None and art.lower() != f"a{sun}":
                forms |= {f"a{sun}-{rest}", f"A{sun}-{rest}"}
    return forms


def _acceptable(form: str, stop: set[str], edges: set[str], min_length: int, is_country: bool,
                ours: bool = False) -> bool:
    if len(form) < min_length or not _ALLOWED.match(form):
        return False
    if form.isupper() and not is_country:
        return False
    first = form[0]
    if not first.isupper():
        # Only a lowercase article may start a form: 'al-Bukamal' mid-sentence.
        if not re.match(r"^[a-z]{2,3}-[A-Z]", form):
            return False
    words = form.replace("-", " ").split()
    # 'State of', 'City of': what is left of an official name once its place was cut off.
    if len(words) > 1 and (words[0].casefold() in edges or words[-1].casefold() in edges):
        return False
    # Our own aliases were chosen by hand: the stop list guards against the sources' names.
    if ours:
        return True
    if form.casefold() in stop:
        return False
    # A phrase made only of stop words ('Of The') is no name.
    return not (len(words) > 1 and all(w.casefold() in stop for w in words))


def generate_patterns(places: list[dict], raw_names: dict[int, list[tuple[str, int]]]
                      ) -> dict[str, tuple[str, int]]:
    """form -> (label, pid), one best place for each form."""
    settings = load_settings()
    stop = load_stop_forms()
    focus = set(settings["focus_countries"])
    anglophone = set(settings["anglophone_countries"])
    min_pop = settings["min_population"]
    anglo_pop = settings["anglophone_min_population"]
    min_len = settings["min_length"]
    edges = {w.casefold() for w in settings["edge_words"]}
    best: dict[str, tuple[float, str, int]] = {}
    for p in places:
        feature = p["feature"]
        ours = p.get("_ours", False)
        if ours and not p.get("_patterns", True):
            continue
        # Our places offer all their names, except a gazetteer subdivision we only gave names
        # to ('Ky.' for Kentucky): its GeoNames alternates stay out, as for any subdivision.
        unit_ref = ours and p.get("_ref") and feature in ("admin1", "region")
        if feature in ("country", "continent") or (ours and not unit_ref):
            kinds = (0, 1, 2, 3)
        elif feature == "admin1" or feature == "region":
            kinds = (0, 1, 2)
        elif feature in POPULATED:
            pop = p["population"]
            if p["country2"] in focus:
                kinds = (0, 1, 2, 3)
            elif pop < (anglo_pop if p["country2"] in anglophone else min_pop):
                continue
            else:
                kinds = (0, 1, 2)
        else:
            continue
        label = p.get("_label") or FEATURE_LABEL.get(feature, "GPE")
        is_country = feature == "country"
        for name, kind in raw_names.get(p["pid"], ()):
            if kind not in kinds:
                continue
            score, _ = prior(kind, False, False, feature, p["population"])
            if ours:
                score += 100.0  # a curated entry always owns its forms
            elif feature == "country":
                score += 50.0
            for form in surface_forms(name):
                if not _acceptable(form, stop, edges, min_len, is_country, ours and kind == 0):
                    continue
                old = best.get(form)
                if old is None or score > old[0]:
                    best[form] = (score, label, p["pid"])
    return {form: (label, pid) for form, (_s, label, pid) in best.items()}
