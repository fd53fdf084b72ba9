"""The PETRARCH scorer on tiny suites in the coders' record formats (written for these tests,
about invented states), with hand-built event dicts for the comparison and the real extractor
for one end-to-end run."""
import pytest

from warlog.evaluation import petrarch
from warlog.evaluation.coding import cameo_to_plover
from warlog.evaluation.core import Runner

# The validation-suite layout: comments, a header, self-closing EventCoding, a parse after the
# text, and markup that is not well-formed XML (a bare & and an unclosed tag in a comment).
VALIDATE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- Records for tests. Use <Sentence ... evaluate="false"> to skip one & say why. -->
<Environment><Actorfile>invented.actors.txt</Actorfile></Environment>
<Sentences>
<Sentence category="DEMO" date="20180403" id="T-01" evaluate="true">
<!-- an attack -->
<EventCoding eventcode="190" sourcecode="VLDMIL" targetcode="KRS" />
<Text>
Veldorian troops attacked Karsh border posts on Tuesday,
killing three guards.
</Text>
<Parse>
1	Veldorian	Veldorian	ADJ	JJ	_	2	amod	_	_
</Parse></Sentence>

<Sentence category="DEMO" date="20180405" id="T-02" evaluate="true">
<EventCoding eventcode="112" sourcecode="KRSGOV" targetcode="VLD" />
<Text>
Marshal Otto Bren accused Veldoria of planning the raid.
</Text>
</Sentence>

<Sentence category="DEMO" date="20180405" id="T-03" evaluate="true">
<EventCoding eventcode="010" sourcecode="TRN" targetcode="---" />
<Text>
Tarnhold said on Monday that it would study the proposal.
</Text>
</Sentence>

<Sentence category="DEMO" date="20180405" id="T-04" evaluate="true">
<EventCoding noevents="True" />
<Text>
The weather in Tarnhold was mild for the season.
</Text>
</Sentence>

<Sentence category="DATE" date="20180405" id="T-05" evaluate="false">
<!-- not implemented -->
<EventCoding eventcode="190" sourcecode="VLD" targetcode="TRN" />
<Text>
Veldoria invaded Tarnhold.
</Text>
</Sentence>
</Sentences>
</Validation>
"""

# The PETRARCH-1 unit-test layout: sentence="..." flags and EventCoding elements with a closing tag.
UNIT_TEST = """<Validation>
<Sentence date="20180405" id="U-01" category="DEMO" sentence="true">
<EventCoding sourcecode="VLDMIL" targetcode="KRS" eventcode="190"></EventCoding>
<EventCoding sourcecode="KRS" targetcode="VLD" eventcode="345"></EventCoding>
<Text>
Veldorian troops attacked Karsh border posts on Tuesday, killing three guards.
</Text>
<Parse>
(ROOT (S (NP (JJ Veldorian) (NNS troops)) (VP (VBD attacked))))
</Parse>
</Sentence>
<Sentence date="20180405" id="U-02" category="DEMO" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>
Karsh fxll apart.
</Text>
</Sentence>
</Validation>
"""

ACTORS = """<!-- invented states -->
VELDORIA [VLD]
+VELDORIAN
VELDORIAN_TROOPS [VLDMIL]
KARSH_REPUBLIC [KRS]
+KARSH
TARNHOLD [TRN]
MARSHAL_OTTO_BREN
\t[KRSMIL < 20150101]
\t[KRSGOV > 20150102]
"""

AGENTS = "HARBOUR_MASTER [~GOV]\n"


@pytest.fixture
def suite(tmp_path):
    files = {"PETR_Validate_records_2_02.xml": VALIDATE, "PETR.UnitTest.records.xml": UNIT_TEST,
             "invented.actors.txt": ACTORS, "invented.agents.txt": AGENTS}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / name for name in files]


def ref(actor_id=None, country=None):
    return {"name": "x", "actor_id": actor_id, "country": country, "span": [0, 1]}


def event(plover, actors=(), recipients=()):
    return {"plover_type": plover, "actors": list(actors), "recipients": list(recipients)}


def test_lenient_reading_of_both_layouts(suite):
    records, skipped = petrarch.load(suite[0])
    assert [r.id for r in records] == ["T-01", "T-02", "T-03", "T-04"] and skipped == 1
    first = records[0]
    assert first.text == "Veldorian troops attacked Karsh border posts on Tuesday, killing three guards."
    assert first.published.isoformat() == "2018-04-03"
    assert [(g.source, g.target, g.plover) for g in first.gold] == [("VLDMIL", "KRS", "ASSAULT")]
    statement = records[2].gold[0]
    assert statement.target is None and statement.plover is None and statement.cameo_known
    assert records[3].gold == []
    unit, skipped = petrarch.load(suite[1])
    assert [r.id for r in unit] == ["U-01"] and skipped == 1
    made_up = unit[0].gold[1]
    assert made_up.cameo == "345" and not made_up.scored and not made_up.cameo_known


def test_cameo_codes_to_plover():
    assert cameo_to_plover("190") == (True, "ASSAULT")
    assert cameo_to_plover("0871") == (True, "RETREAT") and cameo_to_plover("081") == (True, "CONCEDE")
    assert cameo_to_plover("163") == (True, "COERCE") and cameo_to_plover("1621") == (True, "SANCTION")
    assert cameo_to_plover("023") == (True, None)  # an appeal: no PLOVER type
    assert cameo_to_plover("911") == (False, None)


def test_codes_of_both_sides():
    assert petrarch.code_key("FRO/BIL/SAM") == petrarch.actor_code(ref("cameo-fro-bil-sam")) == "FRO-BIL-SAM"
    assert petrarch.code_key("---") is None and petrarch.code_key("---GOV") is None
    assert petrarch.actor_code(ref("military-irq", "IRQ")) == "IRQ" and petrarch.actor_code(ref()) is None
    compound = event("AGREE", [ref("cameo-vld"), ref("cameo-trn")], [ref("cameo-krs")])
    assert petrarch.triples(compound) == {("VLD", "KRS", "AGREE"), ("TRN", "KRS", "AGREE")}
    assert petrarch.triples(event("ACCUSE", [ref("cameo-vld")])) == {("VLD", None, "ACCUSE")}


def test_perfect_prediction_scores_one(suite):
    records, skipped = petrarch.load(suite[0])
    predicted = [
        [event("ASSAULT", [ref("cameo-vldmil")], [ref("cameo-krs")])],
        [event("ACCUSE", [ref("cameo-krsgov")], [ref("cameo-vld")])],
        [],
        [],
    ]
    sec = petrarch.section("validate", "t", [petrarch.compare(r, p) for r, p in zip(records, predicted)], skipped)
    for key in ("found", "found_full_codes", "type_found", "pair_found"):
        assert sec.figure(key).value == 1.0
    assert sec.figure("extra_per_record").value == 0.0
    assert sec.figure("gold_events").value == 2 and sec.figure("gold_statements").value == 1
    assert sec.figure("gold_not_cameo").value == 0
    assert sec.figure("records_skipped").value == 1


def test_known_wrong_prediction():
    record = petrarch.Record("W-1", "text", None, [
        petrarch.Gold("VLDMIL", "KRS", "190", "ASSAULT", True),
        petrarch.Gold("KRS", "VLD", "112", "ACCUSE", True),
        petrarch.Gold("TRN", None, "010", None, True),
    ])
    predicted = [
        event("ASSAULT", [ref("cameo-vld")], [ref("cameo-krs")]),  # the attack, by the state, not its army
        event("REJECT", [ref("cameo-krs")], [ref("cameo-vld")]),  # the right pair, the wrong type
        event("AID", [ref("cameo-trn")], [ref("cameo-krs")]),  # nothing in gold
        event("SUPPORT", [ref("cameo-trn")]),  # the statement's pair: not judged
    ]
    c = petrarch.compare(record, predicted)
    # gold 1 is found on roots only; gold 2 by its pair only; the statement is not scored
    assert (c.gold, c.statements, c.not_cameo) == (2, 1, 0)
    assert (c.found, c.found_full, c.type_found, c.pair_found) == (1, 0, 1, 2)
    assert (c.events, c.extra) == (4, 2)
    sec = petrarch.section("validate", "t", [c, petrarch.compare(petrarch.Record("W-2", "t", None), [])], 0)
    assert sec.figure("found").value == 0.5 and sec.figure("found_full_codes").value == 0.0
    assert sec.figure("extra_per_record").value == 1.0  # 2 extra events over 2 records
    assert sec.figure("found_full_codes").published == {"UD-PETRARCH": 0.6827}


@pytest.mark.slow
def test_score_with_the_suite_dictionaries(suite):
    sections = petrarch.score(suite, Runner())
    validate, unit = sections
    assert (validate.subset, unit.subset) == ("validate", "unit_test")
    assert validate.items == 4 and unit.items == 1
    # the attack and the accusation are coded with the dictionary actors, the statement and
    # the weather give no event
    assert validate.figure("found_full_codes").value == 1.0
    assert validate.figure("extra_per_record").value == 0.0
    assert unit.figure("found").value == 1.0 and unit.figure("gold_not_cameo").value == 1
