"""The two sample reports in ../shared/samples: every place they name is recognised by the
patterns and resolves to the right place. Skipped when ../shared is absent."""
from pathlib import Path

import ahocorasick
import pytest

from warlog.places import Context, Toponym

from .conftest import km

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# Place names as the reports write them, with where they are (facts from any atlas) or,
# for countries and provinces, which unit they are.
PLACES = {
    "from-mosul-to-aleppo.txt": {
        "Mosul": (36.34, 43.13), "Aleppo": (36.20, 37.16), "Kirkuk": (35.47, 44.39),
        "Rutbah": (33.04, 40.28), "Fallujah": (33.35, 43.78), "Baghdad": (33.31, 44.37),
        "Bartila": (36.35, 43.38), "Tehran": (35.69, 51.39), "Deir Ezzor": (35.34, 40.14),
        "Damascus": (33.51, 36.29), "Raqqa": (35.95, 39.01), "Raqqah": (35.95, 39.01),
        "Ghouta": (33.55, 36.40), "Hama": (35.13, 36.75), "Manbij": (36.53, 37.95),
        "Tal Abyad": (36.70, 38.95), "Homs": (34.73, 36.71), "Daraya": (33.46, 36.24),
        "Idlib": (35.93, 36.63), "Tikrit": (34.60, 43.68), "Ramadi": (33.42, 43.30),
        "Moscow": (55.76, 37.62), "Mecca": (21.42, 39.83), "Sayyidah Zainab": (33.44, 36.34),
        "Washington": (38.90, -77.04),
        "Anbar": ("admin1", "IRQ"), "Ninawa": ("admin1", "IRQ"),
        "Damascus countryside": ("admin1", "SYR"),
        "Syria": ("country", "SYR"), "Iraq": ("country", "IRQ"), "Lebanon": ("country", "LBN"),
        "Iran": ("country", "IRN"), "Afghanistan": ("country", "AFG"), "Yemen": ("country", "YEM"),
        "Pakistan": ("country", "PAK"), "Turkey": ("country", "TUR"), "China": ("country", "CHN"),
        "Germany": ("country", "DEU"), "Saudi Arabia": ("country", "SAU"),
        "United States": ("country", "USA"), "Russia": ("country", "RUS"),
    },
    "middle-east-update-2017-11-03.txt": {
        "Deir Ezzor": (35.34, 40.14), "al-Bukamal": (34.45, 40.92), "Raqqa": (35.95, 39.01),
        "Beirut": (33.89, 35.50), "Damascus": (33.51, 36.29), "Qaim": (34.39, 40.99),
        "Diyarbakır": (37.91, 40.22), "Ankara": (39.93, 32.86), "Manhattan": (40.78, -73.97),
        "London": (51.51, -0.13), "East Jerusalem": (31.78, 35.23), "Jerusalem": (31.77, 35.21),
        "Hader": (33.27, 35.86), "Golan": (33.00, 35.78), "Derna": (32.77, 22.64),
        "Moscow": (55.76, 37.62), "Washington": (38.90, -77.04),
        "Anbar": ("admin1", "IRQ"), "Sinai": ("region", "EGY"),
        "Syria": ("country", "SYR"), "Iraq": ("country", "IRQ"), "Israel": ("country", "ISR"),
        "Egypt": ("country", "EGY"), "Libya": ("country", "LBY"), "Russia": ("country", "RUS"),
        "United States": ("country", "USA"), "Iran": ("country", "IRN"),
    },
}


def _matches(automaton, text):
    n = len(text)
    for end, (length, form) in automaton.iter(text):
        start = end - length + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < n and text[end + 1].isalnum()):
            continue
        yield start, end + 1, form


@pytest.fixture(scope="module")
def automaton(gazetteer):
    a = ahocorasick.Automaton()
    for form, _label, _pid in gazetteer.patterns():
        a.add_word(form, (len(form), form))
    a.make_automaton()
    return a


@pytest.mark.parametrize("sample", sorted(PLACES))
def test_sample_places_are_recognised_and_resolved(gazetteer, automaton, sample):
    path = SAMPLES / sample
    if not path.exists():
        pytest.skip(f"{path} is absent")
    from warlog.nlp.normalise import straighten

    text = straighten(path.read_text(encoding="utf-8"))
    found = {form for _s, _e, form in _matches(automaton, text)}
    # Phrases the matcher sees in parts: their head word is what it must find.
    heads = {"Damascus countryside": "Damascus"}
    missing = [n for n in PLACES[sample] if heads.get(n, n) not in found]
    assert not missing, f"not recognised: {missing}"

    names = list(PLACES[sample])
    tops = [Toponym(n, 0, len(n)) for n in names]
    countries = [v[1] for v in PLACES[sample].values() if v[0] == "country"]
    for name, expected, r in zip(names, PLACES[sample].values(), gazetteer.resolve(tops, Context(countries))):
        assert r is not None, name
        if isinstance(expected[0], str):
            assert (r.place.feature, r.place.country3) == expected, name
        else:
            assert km(r.place, *expected) < 30, (name, r.place)
