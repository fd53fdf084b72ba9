"""PETRARCH/TABARI actor and agent dictionaries read as warlog actors (warlog/petrarch_dicts.py),
on small dictionaries about invented states written for these tests."""
import json
from datetime import date

import pytest
from click.testing import CliRunner

from warlog import petrarch_dicts
from warlog.actors import KnowledgeBase
from warlog.cli import cli
from warlog.errors import DataError

ACTORS = """\
<!-- INVENTED STATES FOR TESTS -->
<!-- a comment
     over two lines -->
VELDORIA [VLD]
+VELDORIAN
VELDORIAN_TROOPS [VLDMIL]  # the army
KARSH_REPUBLIC [KRS] ; an old-style comment
+KARSH

MARSHAL_OTTO_BREN
\t[KRSMIL < 20150101]
\t[KRSGOV > 20150102]

PRIOR_ILSE_VANTER [TRN]
\t[TRNREB 950101-20091231]
ABBESS_MIRA_DOUN
\t[TRNREB<20091231]
\t[TRNGOV 20100101-141231]
NAMELESS_ONE [---]
KARSH [TRN]
WEST_ISLES [VLD/KRS]
IRAQ [IRQ]
U.N._OBSERVERS [IGOUNO]
"""

AGENTS = """\
<!-- agents -->
!ENVOY! = ENVOY, ENVOYS, EMISSARY
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
CUSTOMS_!ENVOY! [~GOVCUS]
SEA!ENVOY! [~GOV]
PIKEMAN {} [~MIL]
ABBOT [~REL] # a cleric
SMUGGLER [~CRM]
LIGHTKEEPER [NGO~]
SOLDIER [~REB]
"""


@pytest.fixture
def dictionaries(tmp_path):
    actors, agents = tmp_path / "invented.actors.txt", tmp_path / "invented.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def test_entries_become_one_actor_per_code(dictionaries):
    book = petrarch_dicts.read(dictionaries[0], countries={"IRQ"})
    records = {rec["id"]: rec for _, rec in book.actors}
    assert set(records) == {"cameo-vld", "cameo-vldmil", "cameo-krs", "cameo-krsgov", "cameo-trn",
                            "cameo-vld-krs", "cameo-irq", "cameo-igouno", "cameo-trngov"}
    vld = records["cameo-vld"]
    assert vld["name"] == "Veldoria" and {"Veldoria", "Veldorian", "VELDORIAN"} <= set(vld["aliases"])
    assert vld["country"] is None and vld["kind"] == "government" and vld["type"] == 1
    troops = records["cameo-vldmil"]
    assert troops["kind"] == "state_force" and {"Veldorian Troops", "Veldorian troops"} <= set(troops["aliases"])
    assert records["cameo-irq"]["country"] == "IRQ"  # the first three letters are an ISO3 code
    assert records["cameo-igouno"]["kind"] == "international" and "U.N. Observers" in records["cameo-igouno"]["aliases"]


def test_codes_dates_and_null_entries(dictionaries):
    book = petrarch_dicts.read(dictionaries[0])
    # no default: the code of the latest period; a default wins over dated codes
    assert book.codes["MARSHAL OTTO BREN"] == "KRSGOV"
    assert book.codes["PRIOR ILSE VANTER"] == "TRN"
    assert book.codes["ABBESS MIRA DOUN"] == "TRNGOV"  # six-digit dates: 141231 is 2014
    assert "NAMELESS ONE" not in book.codes  # the null code is not coded
    assert book.codes["KARSH"] == "KRS"  # a phrase coded twice keeps its first code
    assert petrarch_dicts.code_of("cameo-krsgov") == "KRSGOV" and petrarch_dicts.code_of("military-irq") is None


def test_agents_become_head_nouns(dictionaries):
    nouns = petrarch_dicts.read(dictionaries[1]).head_nouns
    assert nouns["harbour master"] == (1, "Government", "government")
    assert nouns["harbour masters"] == nouns["harbour master"]  # the irregular plural
    assert {"customs envoy", "customs envoys", "customs emissary"} <= set(nouns)  # the substitution set
    assert {"seaenvoy", "seaemissary"} <= set(nouns)  # no "_": joined, as in CONGRESS!PERSON!
    assert nouns["pikeman"] == (1, "Military Forces", "military") and "pikemen" not in nouns
    assert nouns["abbot"][:2] == (7, "Civilians") and nouns["smuggler"][:2] == (3, "Unidentified Armed Group")
    assert nouns["lightkeeper"][:2] == (7, "Aid Workers")  # NGO~: the sector before the actor's code


def test_knowledge_base_loads_dictionaries_beside_jsonl(dictionaries, tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"id": "liwa-test", "name": "Liwa al-Tajriba", "kind": "armed_group",
                                "type": 3, "country": "SYR"}) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load([str(p) for p in (*dictionaries, mine)])
    assert kb.match("Veldorian troops").id == "cameo-vldmil"
    assert kb.match("Karsh").id == "cameo-krs"
    assert kb.match("Liwa al-Tajriba").id == "liwa-test"
    assert kb.head_noun("harbour masters") == (1, "Government")
    assert kb.head_noun("soldiers") == (1, "Military Forces")  # warlog's own head nouns keep theirs
    assert kb.match("Iraq").id == "cameo-irq"  # a user's dictionary wins over the shipped actors


def test_detection_by_suffix_and_content(tmp_path):
    dictionary = tmp_path / "dictionary"  # no suffix: read by content
    dictionary.write_text("# actors\nVELDORIA [VLD]\n", encoding="utf-8")
    records = tmp_path / "records"
    records.write_text('// ours\n{"id": "x-1", "name": "X", "kind": "armed_group"}\n', encoding="utf-8")
    assert petrarch_dicts.is_dictionary(dictionary) and not petrarch_dicts.is_dictionary(records)
    assert petrarch_dicts.is_dictionary(tmp_path / "a.txt") and not petrarch_dicts.is_dictionary(tmp_path / "a.jsonl")
    listed = tmp_path / "records.txt"  # our records in a .txt file: the content decides
    listed.write_text(records.read_text(encoding="utf-8"), encoding="utf-8")
    assert not petrarch_dicts.is_dictionary(listed)


@pytest.mark.parametrize("text, line, words", [
    ("VELDORIA [VLD\n", 1, "expected PHRASE [CODE]"),
    ("+VELDORIAN\n", 1, "before any entry"),
    ("VELDORIA [VLD]\n+VELDORIAN [VLDGOV]\n", 2, "synonym"),
    ("VELDORIA\n\t[VLD after 1995]\n", 2, "date restriction"),
    ("VELDORIA\n\t[VLD < 1995010]\n", 2, "digits"),
    ("VELDORIA\n\t[VLD < 19951301]\n", 2, "bad date"),
])
def test_malformed_dictionary_names_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        KnowledgeBase.load([str(path)])
    message = str(error.value)
    assert "broken.txt" in message and f"line {line}" in message and words in message


def test_missing_dictionary_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        petrarch_dicts.read(tmp_path / "absent.txt")


@pytest.mark.slow
def test_extract_codes_the_dictionary_actors(dictionaries, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Veldorian troops attacked Karsh border posts on Tuesday, killing three guards.\n\n"
                      "Marshal Otto Bren accused Veldoria of planning the raid.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(report), "--actors", str(dictionaries[0]), "--actors",
                                      str(dictionaries[1]), "--published", "2018-04-05"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    coded = {(e["plover_type"], e["actors"][0]["actor_id"], e["recipients"][0]["actor_id"]) for e in events}
    assert ("ASSAULT", "cameo-vldmil", "cameo-krs") in coded
    assert ("ACCUSE", "cameo-krsgov", "cameo-vld") in coded
    assert date.fromisoformat(events[0]["published_at"][:10]) == date(2018, 4, 5)
