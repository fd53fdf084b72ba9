"""The actor knowledge base: data integrity, alias resolution, relations over time, patterns."""
import json
from datetime import date
from pathlib import Path

import pytest

from warlog.actors import ACTOR_DIR, AMBIGUOUS_FILE, KnowledgeBase, normalise
from warlog.errors import DataError

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
ROUNDUP_DAY = date(2017, 11, 3)


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


def ids_of(kb, *texts, **kwargs):
    return {text: (kb.match(text, **kwargs).id if kb.match(text, **kwargs) else None) for text in texts}


# --- the shipped data ------------------------------------------------------------------------

def test_at_least_150_hand_written_actors(kb):
    hand_written = [a for a in kb if not a.generated]
    assert len(hand_written) >= 150
    assert len(kb) > len(hand_written) + 190 * 3  # military, police, government per state


def test_every_shipped_id_is_unique():
    seen = {}
    for path in sorted(ACTOR_DIR.glob("*.jsonl")):
        if path == AMBIGUOUS_FILE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("//"):
                continue
            record = json.loads(line)
            if "id" in record:
                assert record["id"] not in seen, f"{path.name}:{number} repeats {seen.get(record['id'])}"
                seen[record["id"]] = f"{path.name}:{number}"


def test_every_alias_names_one_actor_unless_listed_as_ambiguous(kb):
    assert kb.collisions() == {}


def test_every_actor_has_a_known_kind_and_type(kb):
    for actor in kb:
        assert actor.type is None or 1 <= actor.type <= 8, actor.id
        assert actor.name in actor.aliases


def test_heads_of_state_or_government_cover_2014_to_2018(kb):
    heads = ("President", "Prime Minister", "King", "Emir", "Chancellor", "Supreme Leader", "Premier",
             "Queen", "Sultan", "Chairman")
    countries = ["IRQ", "SYR", "TUR", "IRN", "ISR", "PSE", "LBN", "JOR", "EGY", "LBY", "YEM", "SAU",
                 "ARE", "QAT", "AFG", "PAK", "RUS", "USA", "GBR", "FRA", "DEU", "CHN"]
    for day in (date(2014, 7, 1), date(2016, 7, 1), date(2018, 7, 1)):
        for code in countries:
            holders = [
                a.id for a in kb if a.kind == "person" for p in a.positions
                if p.country == code and p.active(day) and p.title.startswith(heads)
            ]
            assert holders, f"nobody leads {code} on {day}"


# --- aliases ---------------------------------------------------------------------------------

@pytest.mark.parametrize("expected, variants", [
    ("isis", ["Da'esh", "Da\u2019esh", "Daesh", "DAESH", "ISIS", "ISIL", "IS", "Islamic State",
              "the Islamic State group", "Islamic State of Iraq and the Levant", "ISIS fighters"]),
    ("pmu", ["Hashd al-Shaabi", "al-Hashd al-Shaabi", "al-Hashd ash-Sha\u2019abi", "Hashd ash-Sha'abi",
             "PMU", "PMF", "Popular Mobilisation Forces", "Popular Mobilization Units", "the Hashd"]),
    ("badr", ["Badr Corps", "Badr Organisation", "Badr Organization", "the Badr Organization"]),
    ("kataib-hezbollah", ["Kata\u2019ib Hezbollah", "Kataib Hizballah", "Kata'ib Hizbollah"]),
    ("hezbollah", ["Hezbollah", "Hizbollah", "Hizballah", "Lebanon's Hezbollah", "Hezbollah fighters"]),
    ("irgc", ["IRGC", "Islamic Revolutionary Guard Corps", "Revolutionary Guards",
              "Iran's Revolutionary Guards"]),
    ("cts", ["Golden Division", "Iraqi Golden Division", "Iraqi Counter-Terrorism Service",
             "Iraq's Counter Terrorism Service"]),
    ("isis-sinai", ["ISIS-Sinai", "Wilayat Sinai", "Sinai Province"]),
    ("houthis", ["Houthis", "Ansar Allah", "Houthi rebels"]),
])
def test_spellings_resolve_to_one_actor(kb, expected, variants):
    assert set(ids_of(kb, *variants).values()) == {expected}


def test_lowercase_is_is_not_the_islamic_state(kb):
    assert kb.match("is") is None
    assert kb.match("IS fighters").id == "isis"


@pytest.mark.parametrize("text, expected, country", [
    ("Iraqi forces", "military-irq", "IRQ"),
    ("the Iraqi army", "military-irq", "IRQ"),
    ("Iraqi security forces", "military-irq", "IRQ"),
    ("the Syrian army", "military-syr", "SYR"),
    ("regime forces", "military-syr", "SYR"),
    ("Syrian Arab Army", "military-syr", "SYR"),
    ("Assad's forces", "military-syr", "SYR"),
    ("Turkish police", "police-tur", "TUR"),
    ("Egyptian police officers", "police-egy", "EGY"),
    ("American soldiers", "military-usa", "USA"),
    ("U.S. forces", "military-usa", "USA"),
    ("Iranian border guards", "iran-border-guard", "IRN"),
    ("Iraqi Interior Ministry", "interior-ministry-irq", "IRQ"),
    ("the State Department", "foreign-ministry-usa", "USA"),
])
def test_state_forces_resolve_with_their_country(kb, text, expected, country):
    actor = kb.match(text)
    assert (actor.id, actor.country, actor.type) == (expected, country, 1)


def test_iranian_border_guards_are_police(kb):
    guard = kb.match("Iranian border guards")
    assert [p.id for p in kb.parents(guard.id, ROUNDUP_DAY)] == ["police-irn"]
    assert guard.acled_name.startswith("Police Forces of Iran")


def test_hashd_al_shaabi_is_not_another_hashd(kb):
    assert kb.match("Hashd al-Shaabi").id == "pmu"
    assert kb.match("Hashd al-Shabi").id == "pmu"  # misspelt: fuzzy, but still the PMU
    assert kb.match("Hashd al-Watani").id == "hashd-al-watani"
    assert kb.match("Hashd al-Ashairi").id == "tribal-mobilization"


def test_fuzzy_matching_fixes_typos_but_never_crosses_countries_or_lengths(kb):
    assert kb.match("Javaz Zarif").id == "javad-zarif"
    assert kb.match("Hezbolah").id == "hezbollah"
    assert kb.match("Iraqi Revolutionary Guards") is None
    assert kb.match("Baghdad") is None  # not Abu Bakr al-Baghdadi
    assert kb.match("Iraqi Kurdistan") is None  # not the Kurdistan 24 channel


def test_titles_and_country_words_are_peeled_off_people(kb):
    found = ids_of(kb, "Iranian President Hassan Rouhani", "Israeli Prime Minister Benjamin Netanyahu",
                   "White House Press Secretary Sarah Huckabee Sanders", "Ayatollah Khamenei",
                   "Deputy Secretary of State Antony Blinken", "French President Emmanuel Macron")
    assert found == {
        "Iranian President Hassan Rouhani": "hassan-rouhani",
        "Israeli Prime Minister Benjamin Netanyahu": "benjamin-netanyahu",
        "White House Press Secretary Sarah Huckabee Sanders": "sarah-huckabee-sanders",
        "Ayatollah Khamenei": "ali-khamenei",
        "Deputy Secretary of State Antony Blinken": "antony-blinken",
        "French President Emmanuel Macron": "emmanuel-macron",
    }


def test_identities_are_not_countries_or_armed_groups(kb):
    assert kb.country_of_adjective("Kurdish") is None
    assert kb.match("Kurdish").kind == "ethnic_group"
    assert kb.match("Kurdish fighters") is None  # needs a country to choose
    assert kb.match("Kurdish fighters", country="SYR").id == "ypg"
    assert kb.match("Iraqi Kurdish forces").id == "peshmerga"


def test_ambiguous_aliases_are_settled_by_country_date_or_default(kb):
    assert kb.match("Ansar al-Islam").id == "ansar-al-islam"
    assert kb.match("Ansar al-Islam", ROUNDUP_DAY, country="EGY").id == "ansar-al-islam-egypt"
    assert kb.match("ISF") is None
    assert kb.match("ISF", country="LBN").id == "police-lbn"
    assert kb.match("ISI", date(2010, 1, 1), country="IRQ").id == "islamic-state-of-iraq"
    assert kb.match("the coalition", country="SYR").id == "us-led-coalition"
    assert kb.match("coalition warplanes", country="YEM").id == "saudi-led-coalition"


def test_capitalised_lebanese_forces_is_the_party(kb):
    assert kb.match("Lebanese Forces").id == "lebanese-forces-party"
    assert kb.match("Lebanese forces").id == "military-lbn"


def test_country_names_stand_for_their_governments(kb):
    assert ids_of(kb, "Iran", "the United States", "US", "us") == {
        "Iran": "government-irn", "the United States": "government-usa", "US": "government-usa", "us": None}


def test_country_adjectives(kb):
    assert {w: kb.country_of_adjective(w) for w in ("Iraqi", "U.S.", "American", "British", "Saudi",
                                                     "Emirati", "Britons", "us", "Turkmen")} == {
        "Iraqi": "IRQ", "U.S.": "USA", "American": "USA", "British": "GBR", "Saudi": "SAU",
        "Emirati": "ARE", "Britons": "GBR", "us": None, "Turkmen": None}


def test_state_force_lookup(kb):
    assert kb.state_force("IRQ").name == "Military Forces of Iraq"
    assert kb.state_force("tr", "police").id == "police-tur"
    assert kb.state_force("XXX") is None


# --- relations over time ---------------------------------------------------------------------

def test_memberships_by_date(kb):
    assert [a.id for a in kb.parents("kataib-hezbollah", date(2016, 3, 1))] == ["pmu"]
    assert kb.parents("kataib-hezbollah", date(2013, 3, 1)) == []
    assert {a.id for a in kb.parents("ypg", date(2016, 3, 1))} == {"pyd", "sdf"}
    assert [a.id for a in kb.parents("ypg", date(2014, 9, 1))] == ["pyd"]
    assert "kataib-hezbollah" in {a.id for a in kb.children("pmu", ROUNDUP_DAY)}


def test_renamings_by_date(kb):
    for start in ("jabhat-al-nusra", "jabhat-fateh-al-sham", "hts"):
        assert kb.current_name(start, date(2015, 6, 1)).id == "jabhat-al-nusra"
        assert kb.current_name(start, date(2016, 11, 1)).id == "jabhat-fateh-al-sham"
        assert kb.current_name(start, date(2017, 3, 1)).id == "hts"
    assert kb.current_name("ansar-bayt-al-maqdis", ROUNDUP_DAY).id == "isis-sinai"
    assert kb.current_name("isis", date(2005, 1, 1)).id == "aqi"


def test_positions_and_types_of_people(kb):
    velayati = kb.get("ali-akbar-velayati")
    held = [p for p in velayati.positions if p.active(ROUNDUP_DAY)]
    assert [p.org for p in held] == ["iran-supreme-leader-office"]
    assert kb.acled_type("hadi-al-amiri", ROUNDUP_DAY) == 3  # Badr's leader
    assert kb.acled_type("ali-khamenei", ROUNDUP_DAY) == 1


def test_acled_names_follow_the_period_and_the_country(kb):
    assert kb.acled_name("military-irq", date(2017, 10, 20)) == "Military Forces of Iraq (2014-2018)"
    assert kb.acled_name("military-irq", date(2019, 1, 1)) == "Military Forces of Iraq (2018-)"
    assert kb.acled_name("police-tur", ROUNDUP_DAY) == "Police Forces of Turkey (2016-)"
    assert kb.acled_name("military-usa", ROUNDUP_DAY) == "Military Forces of the United States (2017-2021)"
    assert kb.acled_name("isis", country="SYR") == "Islamic State (Syria)"
    assert kb.acled_name("sdf") == "QSD: Syrian Democratic Forces"


def test_head_nouns_type_unnamed_actors(kb):
    assert kb.head_noun("militant") == (3, "Unidentified Armed Group")
    assert kb.head_noun("gunmen") == (3, "Unidentified Armed Group")
    assert kb.head_noun("rebels")[0] == 2
    assert kb.head_noun("tribesmen")[0] == 4
    assert kb.head_noun("protesters") == (6, "Protesters")
    assert kb.head_noun("villagers") == (7, "Civilians")
    assert kb.head_noun("police officers") == (1, "Police Forces")
    assert kb.head_noun_info("troops").state_kind == "military"
    assert kb.head_noun("spokesman") is None


# --- patterns --------------------------------------------------------------------------------

def test_patterns_tag_names_not_ordinary_words(kb):
    patterns = {surface: (label, aid) for surface, label, aid in kb.patterns()}
    assert len(patterns) == len(kb.patterns())  # one actor per surface form
    assert patterns["ISIS"] == ("ORG", "isis")
    assert patterns["Kataib Hezbollah"] == ("ORG", "kataib-hezbollah")  # apostrophe dropped
    assert patterns["Al-Nusra"] == ("ORG", "jabhat-al-nusra")  # sentence-initial capital
    assert patterns["Iraqi Army"] == ("ORG", "military-irq")  # title case of a generated alias
    assert patterns["Ali Akbar Velayati"] == ("PERSON", "ali-akbar-velayati")
    assert patterns["Kurdish"] == ("NORP", "kurds")
    assert patterns["Iranian border guards"] == ("ORG", "iran-border-guard")
    assert patterns["Lebanese Forces"] == ("ORG", "lebanese-forces-party")
    for word in ("IS", "is", "regime forces", "the regime", "RT", "WHO", "Kurdish forces"):
        assert word not in patterns


@pytest.mark.shared
def test_patterns_find_the_actors_of_the_sample_reports(kb):
    ahocorasick = pytest.importorskip("ahocorasick")
    if not SAMPLES.exists():
        pytest.skip("../shared/samples is absent")
    automaton = ahocorasick.Automaton()
    for surface, _label, aid in kb.patterns():
        automaton.add_word(surface, (surface, aid))
    automaton.make_automaton()
    found = set()
    for path in SAMPLES.glob("*.txt"):
        text = path.read_text(encoding="utf-8").replace("\u2019", "'")
        for end, (surface, aid) in automaton.iter(text):
            start = end - len(surface) + 1
            before = text[start - 1] if start else " "
            after = text[end + 1] if end + 1 < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                found.add(aid)
    assert {"isis", "pmu", "badr", "kataib-hezbollah", "asaib-ahl-al-haq", "cts", "isof", "ypg", "pyd",
            "pkk", "sdf", "hezbollah", "irgc", "amaq", "reuters", "ali-akbar-velayati", "ali-khamenei",
            "ali-mamlouk", "reza-zarrab", "hisham-al-ashmawy", "knesset", "us-led-coalition",
            "sdny-court", "nctc", "atlantic-council", "chatham-house"} <= found


# --- user files ------------------------------------------------------------------------------

def test_user_file_adds_and_extends_actors(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        '{"id": "liwa-example", "name": "Liwa al-Mithal", "kind": "armed_group", "type": 3, '
        '"country": "SYR", "aliases": ["Example Brigade"], '
        '"memberships": [{"parent": "national-defence-forces", "from": "2014"}]}\n'
        '{"extend": "pmu", "aliases": ["Mobilisation Units of the People"]}\n',
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([str(mine)])
    assert kb.match("Example Brigade").id == "liwa-example"
    assert kb.match("Mobilisation Units of the People").id == "pmu"
    assert [a.id for a in kb.parents("liwa-example", date(2015, 1, 1))] == ["national-defence-forces"]


@pytest.mark.parametrize("lines, bad_line, words", [
    (['{"id": "ok-one", "name": "Ok", "kind": "armed_group"}', '{"id": "broken", "name": '], 2, "invalid JSON"),
    (['{"id": "ok-one", "name": "Ok", "kind": "armed_group"}', "", '["not", "an", "object"]'], 3, "object"),
    (['{"id": "x1", "name": "X", "kind": "militia"}'], 1, "kind"),
    (['{"id": "x1", "name": "X", "kind": "armed_group", "aliasses": []}'], 1, "unknown field"),
    (['{"id": "x1", "name": "X", "kind": "armed_group", "type": 9}'], 1, "type"),
    (['{"id": "x1", "name": "X", "kind": "armed_group", "country": "Iraq"}'], 1, "country"),
    (['{"id": "x1", "name": "X", "kind": "armed_group", "founded": "June 2014"}'], 1, "not a date"),
    (['{"id": "x1", "name": "X", "kind": "armed_group"}',
      '{"id": "x2", "name": "Y", "kind": "armed_group", "memberships": [{"parent": "nobody"}]}'], 2, "nobody"),
    (['{"extend": "no-such-actor", "aliases": ["Z"]}'], 1, "no-such-actor"),
])
def test_malformed_user_file_names_file_and_line(tmp_path, lines, bad_line, words):
    mine = tmp_path / "my-actors.jsonl"
    mine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        KnowledgeBase.load([str(mine)])
    message = str(error.value)
    assert "my-actors.jsonl" in message and f"line {bad_line}" in message and words in message


def test_missing_user_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        KnowledgeBase.load([str(tmp_path / "absent.jsonl")])


def test_normalise_ignores_case_accents_apostrophes_and_article_spellings():
    assert normalise("al-Hashd ash-Sha\u2019abi") == normalise("Hashd al-Shaabi") == "hashd al shaabi"
    assert normalise("Erdo\u011fan") == "erdogan"
    assert normalise("the U.S.") == "us"
    assert normalise("Iraq's army") == "iraq army"


def test_every_listed_ambiguity_is_real(kb):
    for alias, ids in kb.ambiguities().items():
        assert len(ids) >= 2, f"{alias!r} in ambiguous.jsonl is no longer shared: {ids}"


def test_ref_fills_the_record_fields(kb):
    ref = kb.ref("Kata'ib Hezbollah", ROUNDUP_DAY, span=(10, 27))
    assert (ref.actor_id, ref.canonical, ref.type, ref.country, ref.span) == (
        "kataib-hezbollah", "Kata'ib Hezbollah", 3, "IRQ", (10, 27))
    assert kb.ref("Hadi al-Amiri", ROUNDUP_DAY).type == 3
    unknown = kb.ref("the Brigade of the Northern Hills")
    assert (unknown.name, unknown.actor_id, unknown.type) == ("the Brigade of the Northern Hills", None, None)


# --- ACLED-style coded names and branches ----------------------------------------------------

def test_coded_names_resolve_through_their_parts(kb):
    found = ids_of(kb, "TTP: Tehreek-i-Taliban Pakistan", "Military Forces of Yemen (2012-) Amajid Brigade",
                   "Police Forces of Iraq (2018-) Rapid Reaction Force", "Government of Iraq (2018-)",
                   "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad")
    assert found == {
        "TTP: Tehreek-i-Taliban Pakistan": "ttp",
        "Military Forces of Yemen (2012-) Amajid Brigade": "military-yem",
        "Police Forces of Iraq (2018-) Rapid Reaction Force": "police-irq",
        "Government of Iraq (2018-)": "government-irq",
        "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad": "iswap",
    }


def test_a_bracketed_period_alone_does_not_make_a_name_known(kb):
    assert kb.match("Military Forces of Atlantis (2019-)") is None
    assert kb.match("Wolves: Mountain Wolves Brigade") is None


def test_state_forces_named_with_of(kb):
    assert ids_of(kb, "military forces of Azerbaijan", "police forces of Nigeria", "security forces of Mali") == {
        "military forces of Azerbaijan": "military-aze", "police forces of Nigeria": "police-nga",
        "security forces of Mali": "military-mli"}


def test_a_transnational_group_acts_in_a_country_through_its_branch(kb):
    assert kb.branch_in("isis", "EGY").id == "isis-sinai"
    assert kb.branch_in("isis", "AFG").id == "isis-khorasan"
    assert kb.branch_in("isis", "IRQ") is None  # no province of its own in the knowledge base
    assert kb.branch_in("isis-sinai", "EGY") is None  # only groups without a country have branches
    assert kb.branch_in("isis", "EGY", date(2013, 6, 1)) is None  # before the pledge of November 2014


def test_a_unit_counts_as_the_force_it_belongs_to(kb):
    assert [p.id for p in kb.parents("military-police-bra")] == ["military-bra"]
    assert kb.match("Military Forces of Artsakh (2007-)").id == "artsakh-defence-army"


def test_head_nouns_of_crowds_and_criminals(kb):
    assert kb.head_noun("activists") == (7, "Civilians")
    assert kb.head_noun("lawyers") == (7, "Lawyers")
    assert kb.head_noun("cartel") == (3, "Unidentified Gang")
    assert kb.head_noun("bandits") == (3, "Unidentified Armed Group")


def test_a_government_fights_with_its_armed_force(kb):
    assert kb.armed_force("government-irq").id == "military-irq"
    assert kb.armed_force("gna").id == "gna-forces"  # the one state force that belongs to it
    assert kb.armed_force("isis") is None and kb.armed_force("military-irq") is None


def test_fire_that_lands_on_one_side_of_a_front_came_from_the_other(kb):
    on = date(2019, 7, 1)
    text = "Monitors counted twelve explosions near Horlivka and heard bursts of fire."
    assert kb.front_side("UKR", text, on) == ("novorossiya-armed-forces", "military-ukr")
    assert kb.front_side(None, "shells landed near Avdiivka", on) == ("military-ukr", "novorossiya-armed-forces")
    assert kb.front_side("UKR", text, date(2013, 7, 1)) is None  # before the front existed
    assert kb.front_side("SYR", text, on) is None
    assert kb.front_side("UKR", "shelling near a village in Donetsk province", on) is None  # a province, not a side


def test_a_malformed_front_names_the_file_and_line(kb, tmp_path):
    bad = tmp_path / "fronts.jsonl"
    bad.write_text('{"front": "x", "country": "UKR", "held": {"military-ukr": ["A"], "no-such-actor": ["B"]}}\n')
    with pytest.raises(DataError, match=r"fronts.jsonl: line 1: 'no-such-actor' is not an actor id"):
        kb._load_fronts(bad)
