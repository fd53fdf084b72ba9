"""PLOVER typing beyond violence: the trigger lexicon's verbal and cooperative types, with the
source and target read off the parse. Sentences of our own about real or invented states."""
import pytest

import warlog
from warlog.documents import read_text
from warlog.pipeline import default_extractor

pytestmark = pytest.mark.slow
PUBLISHED = "2019-06-14"


def events(text):
    return [e.to_dict() for e in warlog.extract(text, published=PUBLISHED)]


def names(refs):
    return " | ".join(f"{r.get('name')} {r.get('canonical') or ''}" for r in refs).lower()


def one(text, plover_type):
    evs = events(text)
    found = [e for e in evs if e["plover_type"] == plover_type]
    assert found, f"no {plover_type} in {[(e['trigger']['text'], e['plover_type']) for e in evs]}"
    return found[0]


@pytest.mark.parametrize("text,plover_type,source,target", [
    # signing a formal agreement is SUPPORT (CAMEO 057), agreeing to do something AGREE (03)
    ("Jordan and Qatar signed a trade agreement in Amman on Tuesday.", "SUPPORT", "jordan", "qatar"),
    ("Israel agreed to let fuel trucks into Gaza.", "AGREE", "israel", None),
    ("Egypt offered to host a new round of negotiations between Hamas and Fatah.", "AGREE", "egypt", None),
    ("Turkey held talks with Iranian officials in Ankara on Monday.", "CONSULT", "turk", "iran"),
    ("Oman restored full diplomatic ties with Qatar on Monday.", "SUPPORT", "oman", "qatar"),
    ("The Lebanese government welcomed the Saudi decision to lift its travel warning.", "SUPPORT", "leban", "saudi"),
    ("Kuwait sent 40 tonnes of medical aid to Yemen.", "AID", "kuwait", "yemen"),
    ("The Iraqi government accepted the demands of the protesters in Basra.", "CONCEDE", "iraq", None),
    ("Iran freed two Kuwaiti fishermen on Thursday.", "RETREAT", "iran", "fishermen"),
    ("Bahrain lifted its travel ban on Qatar on Tuesday.", "RETREAT", "bahrain", "qatar"),
    ("Tunisia called on Libya to release the detained diplomats.", "REQUEST", "tunisia", "libya"),
    ("Israel accused Iran of smuggling rockets into Gaza.", "ACCUSE", "israel", "iran"),
    ("The UN will investigate the airstrike on the hospital in Idlib.", "ACCUSE", "un", None),
    ("Russia vetoed the resolution drafted by France.", "REJECT", "russia", "france"),
    ("Turkey threatened to cut off water supplies to northern Syria.", "THREATEN", "turk", None),
    # imposing sanctions or an embargo is COERCE (PLOVER's table: CAMEO 163); cutting ties SANCTION
    ("The United States imposed new sanctions on Iran on Monday.", "COERCE", "united states", "iran"),
    ("Bahrain recalled its ambassador from Lebanon.", "SANCTION", "bahrain", "leban"),
    ("Turkey sent troops and tanks to the Syrian border.", "MOBILIZE", "turk", None),
    ("Egyptian police jailed three journalists in Cairo.", "COERCE", "police", "journalist"),
])
def test_each_type_with_its_sides(text, plover_type, source, target):
    e = one(text, plover_type)
    assert source in names(e["actors"]), e["actors"]
    if target is not None:
        assert target in names(e["recipients"]), e["recipients"]


def test_a_constrained_lemma_keeps_its_other_meaning():
    # "strike a deal" is an agreement; "strike a base" an attack
    assert one("Israel struck a deal with Hamas on Monday.", "SUPPORT")
    assert one("Israeli jets struck a Hamas base in Gaza.", "ASSAULT")
    # "lift" types only what can be lifted: "lifted the wounded" is no event
    assert not [e for e in events("Rescuers lifted the wounded from the rubble in Aleppo.") if e["plover_type"] == "RETREAT"]


def test_the_target_named_inside_the_object():
    # "condemned an attack by X": CAMEO's coders, and ours, take X as the target
    e = one("Jordan condemned an attack by Israeli settlers near Nablus.", "ACCUSE")
    assert "israel" in names(e["recipients"])
    e = one("Egypt welcomed the resumption of talks between Israel and Hamas.", "SUPPORT")
    assert "israel" in names(e["recipients"]) and "hamas" in names(e["recipients"])


def test_a_noun_event_under_a_trigger_verb_is_one_event():
    evs = events("Yemen's government and the Houthis signed a ceasefire agreement in Stockholm.")
    assert [e["plover_type"] for e in evs] == ["SUPPORT"]
    # declaring a ceasefire alone is a retreat (CAMEO 0871)
    assert one("The Houthis declared a unilateral ceasefire on Sunday.", "RETREAT")["plover_mode"] == "ceasefire"


def test_background_years_ago_is_no_event():
    evs = events("Qatar restored ties with Chad, two years after protesters burned its embassy in N'Djamena.")
    assert [e["plover_type"] for e in evs] == ["SUPPORT"]


def test_invented_states_act_through_their_agents(tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text("GONDOR [GON]\nARNOR [ARN]\n", encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("GOVERNMENT [~GOV]\nSOLDIER [~MIL]\n", encoding="utf-8")
    doc = read_text("The Arnor government condemned an attack by Gondor soldiers.", published=PUBLISHED)
    found = default_extractor((str(actors), str(agents))).extract(doc)
    accuse = [e.to_dict() for e in found if e.plover_type == "ACCUSE"][0]
    assert [a["actor_id"] for a in accuse["actors"]] == ["cameo-arn"]
    assert [r["actor_id"] for r in accuse["recipients"]] == ["cameo-gon"]


def test_a_promise_is_agree_and_a_refusal_reject():
    # PLOVER: announcing that one will yield or help is AGREE; saying one will not is REJECT
    e = one("Iran will release the British tanker next week, its foreign minister said.", "AGREE")
    assert "iran" in names(e["actors"])
    e = one("Poland will not accept the quota set by Brussels.", "REJECT")
    assert "poland" in names(e["actors"])
    assert one("Iran released the British tanker on Friday.", "RETREAT")


def test_unknown_sides_of_a_verbal_event_are_kept_as_written():
    e = one("The harbour master denied entry to the cargo ship on Monday.", "REJECT")
    assert "harbour master" in names(e["actors"]) and e["actors"][0]["actor_id"] is None


def test_a_conditional_promise_or_announced_restriction_is_a_threat():
    e = one("Kenya will withdraw its troops from Somalia unless donors pay their salaries.", "THREATEN")
    assert "kenya" in names(e["actors"])
    assert one("The interior ministry will extend the curfew in Tripoli until Friday.", "THREATEN")


def test_what_a_protest_demands_is_part_of_the_protest():
    evs = events("Hundreds of nurses staged demonstrations in Beirut on Monday to demand unpaid wages.")
    assert [e["plover_type"] for e in evs] == ["PROTEST"]


def test_blocking_entries_keep_idioms_out():
    assert not events("The ministry said it would meet the deadline for the new budget on Friday.")
    assert not [e for e in events("Cuba sent doctors to Sierra Leone to fight the cholera outbreak.") if e["plover_type"] == "ASSAULT"]


def test_what_is_refused_or_asked_is_part_of_the_refusal_or_request():
    assert [e["plover_type"] for e in events("Egypt refused to lift the ban on Qatari flights.")] == ["REJECT"]
    evs = events("Britain urged Iran to release the tanker.")
    assert [e["plover_type"] for e in evs] == ["REQUEST"]
    assert "iran" in names(evs[0]["recipients"]) and "iran" not in names(evs[0]["actors"])


def test_returning_something_is_a_retreat_but_returning_fire_is_not():
    e = one("Italy returned a looted Roman statue to Libya on Monday.", "RETREAT")
    assert e["plover_mode"] == "return" and "libya" in names(e["recipients"])
    assert not [e for e in events("Kurdish fighters returned fire near Sinjar.") if e["plover_type"] == "RETREAT"]


def test_agents_of_a_named_state_in_their_phrase(tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text("GONDOR [GON]\nARNOR [ARN]\nMORDOR [MOR]\n", encoding="utf-8")
    doc = read_text("Lawmakers in Arnor and Gondor warned Mordor on Monday.", published=PUBLISHED)
    found = default_extractor((str(actors),)).extract(doc)
    warn = [e.to_dict() for e in found if e.plover_type == "THREATEN"][0]
    assert {a["actor_id"] for a in warn["actors"]} == {"cameo-arn", "cameo-gon"}
    assert [r["actor_id"] for r in warn["recipients"]] == ["cameo-mor"]


def test_a_verbal_noun_event_needs_someone_doing_it():
    assert not [e for e in events("A visit to Damascus is on the agenda for next month.") if e["plover_type"] == "CONSULT"]
    assert one("Erdogan's visit to Moscow began on Sunday.", "CONSULT")


@pytest.mark.parametrize("text,plover_type,source,target", [
    # a call for sanctions against X rallies opposition to X (CAMEO 113): ACCUSE, X the target
    ("Several European governments called for sanctions against Belarus on Monday.", "ACCUSE", "europe", "belarus"),
    # opposing a state is disapproval; opposing a plan is a rejection
    ("Algeria was opposed by Morocco at the summit in Addis Ababa.", "ACCUSE", "morocco", "algeria"),
    ("Hungary opposed the migration plan of the Commission.", "REJECT", "hungary", None),
    # troops sent as peacekeepers are aid (CAMEO 074), other troops a show of force
    ("Nepal is sending 800 peacekeepers to the UN mission in Lebanon.", "AID", "nepal", None),
    # who is told to act is the target of a demand; who is given something, of aid
    ("Germany demanded that Turkey release the two journalists.", "REQUEST", "germany", "turk"),
    ("Norway gave Jordan 20 million dollars of aid for the refugee camps.", "AID", "norway", "jordan"),
    # a scathing attack is words, human shields violence, an alert a show of force
    ("The Iraqi prime minister launched a scathing attack on Kuwait on Sunday.", "ACCUSE", "iraq", "kuwait"),
    ("The militants used villagers as human shields near Marawi.", "ASSAULT", "militant", "villager"),
    ("Indian troops remained on high alert along the border with Pakistan.", "MOBILIZE", "india", None),
    ("The new ambassador of Chile presented his credentials to the president of Peru.", "CONSULT", "chile", "peru"),
    ("A court in Ankara found the former mayor guilty of espionage on Monday.", "ACCUSE", "court", None),
    ("The Colombian government opened peace talks with the ELN rebels in Havana.", "CONSULT", "colombia", "eln"),
    ("Uganda opened its borders to refugees fleeing the fighting in South Sudan.", "AID", "uganda", "refugee"),
    ("The Thai army imposed martial law across the country on Tuesday.", "COERCE", "thai", None),
    # a call to a named leader is a phone call (CONSULT), a call on someone an appeal
    ("King Abdullah called Egyptian President Abdel Fattah al-Sisi on Sunday.", "CONSULT", "abdullah", "sisi"),
    # agreeing to a deal concludes it, as signing one does (CAMEO 057)
    ("Kenya and Uganda agreed to a new trade deal on Friday.", "SUPPORT", "kenya", "uganda"),
    # "still" makes violence a pattern, not a stance held now
    ("Cyprus still refuses to recognise the Turkish Cypriot administration.", "REJECT", "cyprus", None),
])
def test_arguments_retype_the_trigger(text, plover_type, source, target):
    e = one(text, plover_type)
    assert source in names(e["actors"]), e["actors"]
    if target is not None:
        assert target in names(e["recipients"]), e["recipients"]


def test_an_infinitive_that_describes_a_noun_is_no_event():
    assert not events("Officials admitted that Kabul is not an easy city to visit this winter.")
    assert one("He was the first Saudi minister to visit Baghdad since 1990.", "CONSULT")


def test_a_verbal_attack_is_not_violence():
    evs = events("The opposition leader launched a blistering attack on the finance minister in parliament.")
    assert [e["plover_type"] for e in evs] == ["ACCUSE"]
    assert one("Gunmen launched an attack on a police station in Arish.", "ASSAULT")


def test_a_condemned_attack_is_the_topic_of_the_condemnation():
    # what a judgement is about is told elsewhere; its doer is the judgement's target
    evs = events("Jordan condemned the attack by Israeli settlers on a village near Nablus.")
    assert [e["plover_type"] for e in evs] == ["ACCUSE"] and "israel" in names(evs[0]["recipients"])


def test_a_date_is_no_argument_of_a_trigger():
    # "called on Saturday" is no call on anyone
    assert not [e for e in events("The president called on Saturday.") if e["plover_type"] == "REQUEST"]
    assert one("The president called on Saturday for calm in Beirut.", "REQUEST")
