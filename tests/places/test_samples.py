"""The places the two sample reports in ../shared/samples name: each is recognised by the
patterns in the reports themselves (skipped when ../shared is absent), and each resolves to the
right place in reports of our own that use the same names (those run everywhere)."""
from pathlib import Path

import ahocorasick
import pytest

from warlog.places import Context, Toponym

from warlog.places.scoring import haversine_km

from .conftest import km

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"

pytestmark = [pytest.mark.slow]

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
        "Damascus countryside": ("admin1", "SYR"), "Middle East": ("region", None),
        "US": ("country", "USA"), "America": ("country", "USA"),
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
        "Anbar": ("admin1", "IRQ"), "Sinai": ("region", "EGY"), "Quneitra province": ("admin1", "SYR"),
        "Middle East": ("region", None), "Caspian": ("water", None), "China": ("country", "CHN"),
        "US": ("country", "USA"), "U.S.": ("country", "USA"), "America": ("country", "USA"),
        "Syria": ("country", "SYR"), "Iraq": ("country", "IRQ"), "Israel": ("country", "ISR"),
        "Egypt": ("country", "EGY"), "Libya": ("country", "LBY"), "Russia": ("country", "RUS"),
        "United States": ("country", "USA"), "Iran": ("country", "IRN"),
    },
}


# Phrases the matcher and geoparse see in parts: their head word is what they find.
HEADS = {"Damascus countryside": "Damascus", "Quneitra province": "Quneitra"}


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


@pytest.mark.shared
@pytest.mark.parametrize("sample", sorted(PLACES))
def test_sample_places_are_recognised_and_resolved(gazetteer, automaton, sample):
    path = SAMPLES / sample
    if not path.exists():
        pytest.skip(f"{path} is absent")
    from warlog.nlp.normalise import straighten

    text = straighten(path.read_text(encoding="utf-8"))
    found = {form for _s, _e, form in _matches(automaton, text)}
    # Short country names are spaCy's to find: as patterns they would match too much.
    ner_only = {"US", "U.S.", "America"}
    missing = [n for n in PLACES[sample] if n not in ner_only and HEADS.get(n, n) not in found]
    assert not missing, f"not recognised: {missing}"

    names = list(PLACES[sample])
    tops = [Toponym(n, 0, len(n)) for n in names]
    countries = list(dict.fromkeys(v[1] for v in PLACES[sample].values() if v[0] == "country"))
    for name, expected, r in zip(names, PLACES[sample].values(), gazetteer.resolve(tops, Context(countries))):
        assert r is not None, name
        if isinstance(expected[0], str):
            assert (r.place.feature, r.place.country3) == expected, name
        else:
            assert km(r.place, *expected) < 30, (name, r.place)


# Reports of our own (invented, in the samples' settings) that name every place of PLACES.
OWN_REPORTS = {
    "from-mosul-to-aleppo.txt": (
        "Iraqi brigades pushed into western Mosul on Sunday while Syrian army units shelled the old "
        "quarters of Aleppo. Oil tankers left Kirkuk for Baghdad under escort, and a convoy bound for "
        "Rutbah was ambushed in Anbar, halfway between Fallujah and the Jordanian border. Christian "
        "families returned to Bartila, east of the front, and the governor of Ninawa met them there. "
        "Militia commanders who had fought in Tikrit and Ramadi flew to Tehran for talks.\n"
        "In Syria, government troops broke the siege of Deir Ezzor and moved on towards Raqqa; "
        "opposition media call the city Raqqah. Shelling hit Ghouta and the Damascus countryside, "
        "while fighters from Lebanon guarded the shrine at Sayyidah Zainab south of Damascus. Rebels "
        "were bussed from Daraya and Homs to Idlib. Hama was quiet. Kurdish-led forces held Manbij "
        "and Tal Abyad.\n"
        "Diplomats in Moscow and Washington traded blame. Pilgrims from Pakistan, Afghanistan and "
        "Yemen were stranded in Mecca after Saudi Arabia closed a crossing with Iraq, and Iran, "
        "Turkey, Germany and China offered to mediate. Analysts said the United States had lost "
        "influence across the Middle East, and that few in America still followed the war; Russia "
        "and the US both claimed progress."
    ),
    "middle-east-update-2017-11-03.txt": (
        "Syrian troops and allied militias entered Deir Ezzor on Thursday and pressed on towards "
        "al-Bukamal, while Iraqi forces crossed from Qaim in Anbar. Raqqa was still being cleared "
        "of mines. In Beirut and Damascus, officials welcomed the advance; in Washington the "
        "Pentagon said U.S. advisers were not involved, and the US envoy blamed Iran.\n"
        "Turkish police detained dozens of suspects in Diyarbakır and Ankara. A truck attack in "
        "Manhattan and a raid in London were claimed by the same group.\n"
        "Israel demolished two homes in East Jerusalem. Police in Jerusalem said the suspects had "
        "crossed from the Golan. A car bomb struck Hader, a Druze village in Quneitra province.\n"
        "Egypt sent more troops to the Sinai after an attack on a checkpoint, and Libya said militants "
        "had fled Derna. Russia and Iran held drills in the Caspian, officials in Moscow said; China and the United States "
        "called for calm across the Middle East, and America asked Iraq and Syria to talk."
    ),
}


_AREA_CLASS = {"L": "region", "H": "water", "T": "mountain"}  # our own areas have no GeoNames id


def _kind(gazetteer, row) -> str:
    if row["geonames_id"] is None:
        return _AREA_CLASS.get(row["feature_class"], "?")
    return gazetteer.by_geonames_id(row["geonames_id"]).feature


@pytest.mark.parametrize("sample", sorted(OWN_REPORTS))
def test_every_sample_place_resolves_in_a_report_of_our_own(extractor, sample):
    import warlog

    text = OWN_REPORTS[sample]
    rows = {}
    for r in warlog.geoparse(text, extractor=extractor):
        rows.setdefault(r["text"], r)
    wrong = []
    for name, expected in PLACES[sample].items():
        assert name in text, f"the report must use {name!r}"
        row = rows.get(name) or rows.get(HEADS.get(name, name))
        if row is None or row["lat"] is None or row["kind"] != "name":
            wrong.append((name, "not found" if row is None else row["kind"]))
        elif isinstance(expected[0], str):
            got = (_kind(extractor.gazetteer, row), row["country"])
            if got != expected:
                wrong.append((name, got))
        elif haversine_km(row["lat"], row["lon"], *expected) >= 30:
            wrong.append((name, row["name"]))
    assert not wrong, wrong
