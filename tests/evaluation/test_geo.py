"""The geoparsing scorer on tiny files in the TR-News and GeoVirus formats, with reports we wrote."""
from pathlib import Path

import pytest

from warlog.evaluation import geo
from warlog.evaluation.core import Runner

SHARED_GEO = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "geo"

TR_TEXT = ("Syrian troops retook Palmyra on Thursday after a week of fighting, the army said.\n"
           "Turkish jets struck Afrin the same day, and a bakery on Baron Street in Aleppo was shut.")
GV_TEXT = ("Health officials in Kampala confirmed two new cholera cases on Monday, and Uganda asked "
           "neighbouring Kenya for vaccines, the agency for Africa said.")


def _tr_toponym(phrase, start, gaz=None):
    end = start + len(phrase)
    if gaz is None:
        return f"<toponym><phrase>{phrase}</phrase><start>{start}</start><end>{end}</end></toponym>"
    gid, name, fclass, lat, lon = gaz
    return (f"<toponym><phrase>{phrase}</phrase><start>{start}</start><end>{end}</end>"
            f'<gaztag geonameid="{gid}"><name>{name}</name><fclass>{fclass}</fclass><fcode>PPL</fcode>'
            f'<lat>{lat}</lat><lon>{lon}</lon><country geonameid="163843">Syria</country></gaztag></toponym>')


def write_tr_news(path: Path, drift: int = 0) -> Path:
    """One article; `drift` shifts the gold offsets of the second line, as some TR-News articles do."""
    second = TR_TEXT.index("\n")
    at = lambda phrase: TR_TEXT.index(phrase) - (drift if TR_TEXT.index(phrase) > second else 0)  # noqa: E731
    toponyms = [
        _tr_toponym("Palmyra", at("Palmyra"), (163808, "Tadmur", "P", 34.56, 38.28)),
        _tr_toponym("Turkish", at("Turkish"), (298795, "Turkey", "A", 39.0, 35.0)),
        _tr_toponym("Afrin", at("Afrin"), (174186, "Afrin", "P", 36.51, 36.87)),
        _tr_toponym("Baron Street", at("Baron Street")),
        _tr_toponym("Aleppo", at("Aleppo"), (170063, "Aleppo", "P", 36.20, 37.16)),
    ]
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<articles>\n<article docid="1">\n'
        "<title>Palmyra retaken</title><url>http://example.org/1</url><domain>example.org</domain>"
        f"<dltime>2017-03-03</dltime>\n<text><![CDATA[{TR_TEXT}]]></text>\n"
        f"<toponyms>{''.join(toponyms)}</toponyms>\n</article>\n</articles>\n", encoding="utf-8")
    return path


def _gv_location(name, start, lat, lon):
    # GeoVirus offsets are one-based
    return (f"<location><name>{name}</name><start>{start + 1}</start><end>{start + len(name) + 1}</end>"
            f"<lat>{lat}</lat><lon>{lon}</lon><page>https://en.wikipedia.org/wiki/{name}</page></location>")


def write_geovirus(path: Path) -> Path:
    i = GV_TEXT.index
    # the first <location> wraps two others, as one does in the real file
    nested = ("<location>" + _gv_location("Kampala", i("Kampala"), 0.32, 32.58)
              + _gv_location("Uganda", i("Uganda"), 1.0, 32.0)
              + f"<name>Kenya</name><start>{i('Kenya') + 1}</start><end>{i('Kenya') + 6}</end>"
              "<lat>0.5</lat><lon>38.0</lon><page>https://en.wikipedia.org/wiki/Kenya</page></location>")
    africa = _gv_location("Africa", i("Africa"), 7.19, 21.09).replace("</location>", "<continent/></location>")
    path.write_text(f"<articles>\n<article><source>https://example.org/cholera</source><text>{GV_TEXT}</text>"
                    f"<locations>{nested}{africa}</locations></article>\n</articles>\n", encoding="utf-8")
    return path


# -- reading -------------------------------------------------------------------------------

def test_tr_news_gold_is_read_with_ids_and_drifting_offsets_realigned(tmp_path):
    corpus = geo.load(write_tr_news(tmp_path / "TR-News.xml", drift=3))
    assert (corpus.key, corpus.title, corpus.realigned) == ("tr_news", "TR-News", 4)  # the second line's four
    (article,) = corpus.articles
    assert article.text == TR_TEXT
    assert [(TR_TEXT[t.start:t.end], t.geonames_id) for t in article.toponyms] == [
        ("Palmyra", 163808), ("Turkish", 298795), ("Afrin", 174186), ("Baron Street", None), ("Aleppo", 170063)]
    street = article.toponyms[3]
    assert not street.located and street.lat is None


def test_geovirus_gold_is_read_one_based_nested_and_without_ids(tmp_path):
    corpus = geo.load(write_geovirus(tmp_path / "GeoVirus.xml"))
    assert (corpus.key, corpus.realigned) == ("geovirus", 4)
    (article,) = corpus.articles
    assert [GV_TEXT[t.start:t.end] for t in article.toponyms] == ["Kampala", "Uganda", "Kenya", "Africa"]
    assert all(t.located and t.geonames_id is None for t in article.toponyms)


# -- comparison by hand --------------------------------------------------------------------

def row(text, start, lat=None, lon=None, gid=None):
    return {"text": text, "start": start, "end": start + len(text), "lat": lat, "lon": lon, "geonames_id": gid}


def gold_article():
    g = geo.GoldToponym
    text = "Clashes in Alpha and Beta, then on Gamma Road."
    return geo.Article(text, [g(11, 16, "Alpha", 10.0, 20.0, 1), g(21, 25, "Beta", 30.0, 40.0, 2),
                              g(34, 44, "Gamma Road")])


def test_perfect_rows_score_one():
    art = gold_article()
    rows = [row("Alpha", 11, 10.0, 20.0, 1), row("Beta", 21, 30.0, 40.0, 2), row("Gamma Road", 34)]
    tally = geo.compare(art, rows, given=False)
    corpus = geo.Corpus("tr_news", "TR-News", [art])
    sec = geo.section(corpus, "end_to_end", tally)
    values = {f.key: f.value for f in sec.figures}
    assert values["toponym_precision"] == values["toponym_recall"] == values["toponym_f1"] == 1.0
    assert values["acc_161km"] == values["geonames_exact"] == values["acc_161km_or_exact"] == 1.0
    assert values["median_error_km"] == values["mean_error_km"] == values["auc_log_error"] == 0.0
    tally = geo.compare(geo.Article(art.text, art.toponyms[:2]), rows[:2], given=True)
    given = geo.section(corpus, "gold_spans", tally)
    assert {f.key: f.value for f in given.figures}["geonames_exact"] == 1.0
    assert "toponym_precision" not in {f.key for f in given.figures}


def test_known_wrong_rows_score_what_was_computed_by_hand():
    art = gold_article()
    rows = [
        row("Alpha", 11, 11.0, 20.0, 9),  # one degree north of gold: 111.2 km, the wrong id
        row("in Beta", 18),  # overlaps Beta, left unresolved
        row("Clashes", 0, 0.0, 0.0, 7),  # names nothing in gold
    ]
    tally = geo.compare(art, rows, given=False)
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 1)
    assert tally.errors[0] == pytest.approx(111.195, abs=0.01) and tally.errors[1] is None
    sec = geo.section(geo.Corpus("tr_news", "TR-News", [art]), "end_to_end", tally)
    v = {f.key: f for f in sec.figures}
    assert v["toponym_precision"].value == pytest.approx(2 / 3) and v["toponym_recall"].value == pytest.approx(2 / 3)
    assert v["toponym_f1"].value == pytest.approx(2 / 3)
    assert v["acc_161km"].value == 0.5 and v["acc_161km"].n == 2  # matched toponyms only
    assert v["median_error_km"].value == pytest.approx(111.195, abs=0.01) and v["median_error_km"].n == 1
    assert v["geonames_exact"].value == 0.0
    assert v["acc_161km_or_exact"].value == 0.5
    # the unresolved one counts as the largest error: (log 112.2 + log 20040) / 2 / log 20040
    assert v["auc_log_error"].value == pytest.approx(0.7384, abs=1e-3)
    assert v["auc_log_error"].better == "lower" and v["toponym_f1"].better == "higher"


def test_spans_match_one_to_one_by_largest_overlap():
    assert geo.match([(0, 5), (10, 20)], [(3, 12), (12, 30), (40, 41)]) == [(0, 0), (1, 1)]
    assert geo.match([(0, 10)], [(0, 2), (2, 9)]) == [(0, 1)]
    assert geo.match([(0, 4), (5, 9)], [(0, 9)]) == [(0, 0)]


# -- with the real extractor ---------------------------------------------------------------

@pytest.mark.slow
def test_score_on_tiny_corpora_gives_four_sections(tmp_path):
    paths = [write_tr_news(tmp_path / "TR-News.xml", drift=2), write_geovirus(tmp_path / "GeoVirus.xml")]
    sections = geo.score(paths, Runner())
    assert [s.subset for s in sections] == ["tr_news_end_to_end", "tr_news_gold_spans",
                                            "geovirus_end_to_end", "geovirus_gold_spans"]
    tr_e2e, tr_given, gv_e2e, gv_given = ({f.key: f for f in s.figures} for s in sections)
    # end to end: warlog finds the three towns, the street and, as TR-News asks, the demonyms
    # ('Turkish' and 'Syrian', which this small gold lacks)
    assert tr_e2e["toponym_recall"].value == 1.0 and tr_e2e["toponym_precision"].value == 5 / 6
    assert tr_e2e["geonames_exact"].value == 1.0 and tr_e2e["geonames_exact"].n == 4
    # gold spans given: all four located toponyms, the nationality as its country
    assert tr_given["geonames_exact"].value == 1.0 and tr_given["geonames_exact"].n == 4
    assert tr_given["acc_161km"].value == 1.0
    assert tr_given["acc_161km"].published == {"Mordecai 3": 0.873}
    assert tr_given["geonames_exact"].published == {"Mordecai 3": 0.843}
    assert "geonames_exact" not in gv_given and gv_given["acc_161km"].n == 4
    assert gv_e2e["toponym_recall"].value >= 0.75
    assert any("matched" in note.lower() for note in sections[0].notes)


@pytest.mark.shared
def test_the_real_corpora_read_whole():
    if not SHARED_GEO.is_dir():
        pytest.skip("../shared/eval/geo is not present")
    tr, gv = geo.load(SHARED_GEO / "TR-News.xml"), geo.load(SHARED_GEO / "GeoVirus.xml")
    assert (len(tr.articles), sum(len(a.toponyms) for a in tr.articles)) == (118, 1319)
    assert (len(gv.articles), sum(len(a.toponyms) for a in gv.articles)) == (229, 2170)
    assert (tr.realigned, gv.realigned) == (117, 2170)  # drifting offsets; one-based offsets
    for corpus in (tr, gv):
        assert all(a.text[t.start:t.end] == t.text for a in corpus.articles for t in a.toponyms)
