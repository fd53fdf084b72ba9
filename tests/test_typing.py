"""ACLED event typing, tolls and the event-type model, on sentences and training files we wrote."""
import json

import pytest

import warlog
from warlog.errors import DataError
from warlog.events import classify
from warlog.train import label_of, read_examples

FRIDAY = "2020-05-08"


def events_of(text, published=FRIDAY):
    return [e.to_dict() for e in warlog.extract(text, published=published)]


def typed(text):
    """(event type, sub-event type) of every event of the text that has an ACLED type."""
    return [(e["acled_event_type"], e["acled_sub_event_type"]) for e in events_of(text) if e["acled_event_type"]]


# --- rules -------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Dozens of traders staged a demonstration outside the central market in Kano on Monday.",
     ("Protests", "Peaceful protest")),
    ("A protest was held in Lahore on Tuesday after the closure of a textile mill.", ("Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Friday.",
     ("Protests", "Protest with intervention")),
    ("Residents of Tulkarm set fire to a tax office on Thursday night.", ("Riots", "Mob violence")),
    ("Two groups of villagers clashed over grazing land near Gumla on Sunday, injuring nine people.",
     ("Riots", "Mob violence")),
    ("Rebels fired mortars and small arms at army positions near Pisky on Monday.", ("Battles", "Armed clash")),
    ("Rebels fired mortars at army positions near Pisky on Monday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Observers counted 40 explosions/shots/bursts involving small arms and machine guns near Marinka on Sunday.",
     ("Battles", "Armed clash")),
    ("Militia fighters fired mortar shells and machine guns at residential streets of Taiz on Friday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Several hundred nurses at a hospital in Tver took part in an unsanctioned protest over unpaid bonuses.",
     ("Protests", "Peaceful protest")),
    ("Two rival clans engaged in fierce clashes near Datu Piang on Sunday.", ("Battles", "Armed clash")),
    ("Gunmen shot dead an off-duty police officer outside his home in Irapuato on Friday.",
     ("Violence against civilians", "Attack")),
    ("Gunmen shot dead a police officer at a checkpoint in Irapuato on Friday.", ("Battles", "Armed clash")),
    ("Monitors recorded 14 explosions near Avdiivka on Wednesday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Separatist fighters fired grenade launchers at army trenches outside Zolote.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Gunmen killed four farmers in the village of Kutaru on Saturday.", ("Violence against civilians", "Attack")),
    ("Unidentified armed men shot dead a shopkeeper in Bunia on Tuesday.", ("Violence against civilians", "Attack")),
    ("Armed men took three aid workers hostage near Kidal on Monday.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Troops exchanged artillery fire with rebels near Marib on Tuesday.", ("Battles", "Armed clash")),
    ("The army set up a new base near the village of Tillia on Monday.",
     ("Strategic developments", "Headquarters or base established")),
])
def test_rules_give_the_acled_type_a_coder_would(text, expected):
    assert expected in typed(text)


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a protest with no protest verb
    ("Residents banged pots on their balconies in Mosul on Tuesday night.",
     ("Protests", "Peaceful protest")),
    ("Taxi drivers staged a motorcade through central Izmir on Sunday to demand fuel subsidies.",
     ("Protests", "Peaceful protest")),
    ("Dozens of nurses gathered outside the health ministry in Amman on Monday, demanding back pay.",
     ("Protests", "Peaceful protest")),
    ("Farmers formed a human chain along the highway near Multan on Friday.", ("Protests", "Peaceful protest")),
    ("Students chanted slogans outside the university gate in Peshawar on Wednesday.", ("Protests", "Peaceful protest")),
    ("Jobless graduates blocked the railway tracks near Gafsa on Thursday.", ("Protests", "Peaceful protest")),
    # a date range in a purpose phrase is no habit: "for not paying wages for months"
    ("Workers of a brick kiln held a protest in Sukkur on Monday for not being paid their wages for months.",
     ("Protests", "Peaceful protest")),
    # ceasefire monitors counting shots: an exchange of fire, with no side named
    ("On Tuesday the monitors recorded 25 shots and bursts of fire from small arms near Pivdenne.",
     ("Battles", "Armed clash")),
    ("The observers counted 9 bursts of fire involving rifles near Travneve.", ("Battles", "Armed clash")),
    ("The observers counted 9 bursts of fire involving heavy machine guns near Travneve.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # heavy weapons and small arms fired at homes and streets, not at the other side: shelling
    ("Militia fighters fired mortar rounds and machine guns at residential streets of Marib city on Friday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # the victims are fighters or men of rank, though the parse or the noun hides it
    ("Army troops killed 4 IS militants near the Hamrin mountains on Sunday.", ("Battles", "Armed clash")),
    ("Unknown gunmen shot dead an army lieutenant outside his unit in Daraa on Monday.", ("Battles", "Armed clash")),
    # a suspect killed in a police raid is a civilian to ACLED
    ("A robbery suspect was killed during a police raid in the Tondo district of Manila on Sunday.",
     ("Violence against civilians", "Attack")),
    # police in a scuffle with unarmed people: a riot, not a battle
    ("A clash broke out between police and street vendors at the central bus station in Lusaka on Monday.",
     ("Riots", "Mob violence")),
    ("Migrants clashed with border guards at a crossing near Lesbos on Saturday.", ("Riots", "Mob violence")),
    ("Israeli troops and Palestinian gunmen exchanged fire in Jenin on Monday.", ("Battles", "Armed clash")),
    # men who open fire are gunmen, not a mob
    ("Two men opened fire on a grocery store in Culiacan on Friday, wounding the owner.",
     ("Violence against civilians", "Attack")),
    # strategic developments
    ("Soldiers recovered a cache of rifles and ammunition in a forest near Ukhrul on Tuesday.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Settlers cut down 40 olive trees belonging to farmers near Salfit on Saturday.",
     ("Strategic developments", "Looting/property destruction")),
    ("Tribal fighters established new fortifications east of Marib on Thursday.",
     ("Strategic developments", "Change to group/activity")),
    ("Government and rebel commanders exchanged prisoners near Taiz on Sunday.", ("Strategic developments", "Agreement")),
    ("Members of a drug cartel handed out food parcels to families in Apatzingan on Monday.",
     ("Strategic developments", "Change to group/activity")),
    ("The government released 80 rebel prisoners from the central jail in Juba on Thursday.",
     ("Strategic developments", "Other")),
    ("Police imposed a three-day curfew on the old city of Jos on Sunday.",
     ("Strategic developments", "Change to group/activity")),
    ("Two militants threw a grenade at a police post in Sopore on Friday.", ("Explosions/Remote violence", "Grenade")),
    ("Soldiers raped two women in a village near Walikale on Tuesday.", ("Violence against civilians", "Sexual violence")),
    ("Gunmen on a motorbike shot dead a money changer in Quetta on Monday.", ("Violence against civilians", "Attack")),
    ("A taxi driver was shot dead in his car in Acapulco on Saturday.", ("Violence against civilians", "Attack")),
    ("Youths threw petrol bombs at a police station in Durban on Monday.", ("Riots", "Mob violence")),
    ("Soldiers seized two boats carrying fuel near Puerto Ayacucho on Friday.",
     ("Strategic developments", "Looting/property destruction")),
])
def test_events_without_the_obvious_verb_still_get_the_acled_type(text, expected):
    assert expected in typed(text)


@pytest.mark.slow
def test_what_a_protest_demanded_is_not_what_happened_at_it():
    text = "Lawyers held a protest in Multan on Monday against the arrest of a colleague."
    assert typed(text) == [("Protests", "Peaceful protest")]


@pytest.mark.slow
def test_police_stepping_in_later_in_the_paragraph_makes_it_a_protest_with_intervention():
    text = ("Hundreds of residents protested in Mopti on Monday against a new land tax. "
            "Police later dispersed the crowd with tear gas.")
    first = [e for e in events_of(text) if e["trigger"]["text"] == "protested"]
    assert [(e["acled_event_type"], e["acled_sub_event_type"]) for e in first] == [
        ("Protests", "Protest with intervention")]


@pytest.mark.slow
def test_several_arrested_after_a_protest_is_an_intervention_but_an_arrest_it_protests_is_not():
    assert typed("Nurses held a demonstration outside the hospital in Bamako on Monday. Several were arrested.") \
        == [("Protests", "Protest with intervention")]
    calm = "Reporters protested in Quetta on Saturday against the arrest of their editor. He was arrested in Karachi in March."
    assert ("Protests", "Peaceful protest") in typed(calm)
    assert ("Protests", "Protest with intervention") not in typed(calm)


@pytest.mark.slow
def test_stones_thrown_after_a_protest_in_the_paragraph_make_a_violent_demonstration():
    text = ("On Tuesday, about 200 dock workers demonstrated in Mombasa over unpaid wages. Youths pelted stones "
            "at passing cars.")
    assert ("Riots", "Violent demonstration") in typed(text)
    assert ("Riots", "Mob violence") not in typed(text)


@pytest.mark.slow
def test_a_day_of_the_month_is_not_a_count_of_the_dead():
    (e,) = [e for e in events_of("Around 4 May 2020, a man was found dead beside a canal in Morelia.")
            if e["acled_event_type"]]
    assert e["fatalities"]["best"] == 1


@pytest.mark.slow
def test_a_toll_told_in_the_next_sentence_is_the_toll_of_the_event():
    text = ("A car bomb exploded near a market in Kirkuk on Thursday. Nine people were killed and 20 others were "
            "wounded in the blast.")
    violent = [e for e in events_of(text) if e["acled_event_type"]]
    assert len(violent) == 1
    assert violent[0]["acled_sub_event_type"] == "Remote explosive/landmine/IED"
    assert violent[0]["fatalities"]["best"] == 9


@pytest.mark.slow
def test_a_toll_told_across_several_attacks_is_shared_between_them():
    text = ("A roadside bomb went off beside a minibus in Tuz Khurmatu on Sunday. At least 11 people were killed "
            "across all three attacks that morning.")
    (e,) = [e for e in events_of(text) if e["acled_event_type"]]
    assert (e["fatalities"]["low"], e["fatalities"]["best"], e["fatalities"]["high"]) == (4, 4, 11)


@pytest.mark.slow
def test_a_toll_of_one_attack_is_not_shared():
    text = "Gunmen attacked a police station in Baquba on Sunday. At least 11 people were killed in the attack."
    (e,) = [e for e in events_of(text) if e["acled_event_type"]]
    assert e["fatalities"]["best"] == 11


@pytest.mark.slow
def test_in_addition_to_the_bomber_counts_the_bomber():
    text = ("A suicide bomber blew himself up at a checkpoint in Ramadi on Monday. In addition to the bomber, "
            "five soldiers guarding the checkpoint were killed.")
    (e,) = [e for e in events_of(text) if e["acled_event_type"]]
    assert e["fatalities"]["best"] == 6


@pytest.mark.slow
def test_a_death_toll_sentence_updates_the_event_before_it():
    text = "Militants attacked a police checkpoint near Baiji on Sunday. The death toll rose to 12."
    (e,) = [e for e in events_of(text) if e["acled_event_type"]]
    assert e["fatalities"]["best"] == 12


@pytest.mark.slow
def test_a_separate_attack_elsewhere_keeps_its_own_toll():
    text = "Gunmen killed two shepherds near Kirkuk on Monday. A roadside bomb killed three soldiers in Tikrit."
    tolls = sorted(e["fatalities"]["best"] for e in events_of(text) if e["acled_event_type"])
    assert tolls == [2, 3]


# --- the model ---------------------------------------------------------------------------------

OWN = [
    ("Soldiers and rebels fought for hours near the river crossing.", "Battles|Armed clash"),
    ("Government troops clashed with insurgents outside the town.", "Battles|Armed clash"),
    ("Fighters of the militia battled an army unit on the highway.", "Battles|Armed clash"),
    ("Hundreds of nurses marched peacefully to the ministry to demand their pay.", "Protests|Peaceful protest"),
    ("Students held a sit-in at the university gate against fee increases.", "Protests|Peaceful protest"),
    ("Farmers demonstrated in the square against the price of fertiliser.", "Protests|Peaceful protest"),
    ("Artillery shells fell on the northern suburbs throughout the night.",
     "Explosions/Remote violence|Shelling/artillery/missile attack"),
    ("The army shelled villages in the valley with heavy artillery.",
     "Explosions/Remote violence|Shelling/artillery/missile attack"),
    ("Mortar rounds hit the market district in the afternoon.",
     "Explosions/Remote violence|Shelling/artillery/missile attack"),
]


def test_the_model_learns_our_own_examples_and_survives_a_round_trip(tmp_path):
    model = classify.fit(OWN, epochs=10)
    assert model.predict("Nurses marched to the ministry to demand their pay.")[:2] == ("Protests", "Peaceful protest")
    assert model.predict("Artillery shells fell on the suburbs.")[0] == "Explosions/Remote violence"
    path = tmp_path / "m.json"
    model.save(path)
    again = classify.load(path)
    assert again.labels == model.labels and again.digest == model.digest
    assert again.predict("Troops clashed with rebels near the crossing.")[:2] == ("Battles", "Armed clash")


def test_the_rules_label_breaks_a_near_tie_but_not_a_clear_verdict():
    labels = ["Battles|Armed clash", "Protests|Peaceful protest", "Riots|Mob violence"]
    model = classify.Model(labels, {"crowd": {0: 1.0, 1: 0.9, 2: -1.0}, "clash": {0: 3.0, 1: 0.0, 2: -1.0}})
    assert model.decide("a crowd")[:2] == ("Battles", "Armed clash")
    assert model.decide("a crowd", rules=("Protests", "Peaceful protest"))[:2] == ("Protests", "Peaceful protest")
    assert model.decide("a clash", rules=("Protests", "Peaceful protest"))[:2] == ("Battles", "Armed clash")
    # the paragraph counts too, at half the weight of the sentence
    assert model.decide("a crowd", paragraph="clash clash", rules=("Protests", "Peaceful protest"))[:2] == (
        "Battles", "Armed clash")


@pytest.mark.parametrize("content, code", [
    ('{"format": "something else"}', "E508"),
    ('{"format": "warlog-event-model", "labels": ["Battles|"], "weights": {}}', "E508"),
    ('{"format": "warlog-event-model", "labels": ["A|", "B|"], "weights": {"war": {"7": 1.0}}}', "E508"),
    ("not json at all", "E508"),
])
def test_a_bad_model_file_gets_a_one_line_error(tmp_path, content, code):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=code) as err:
        classify.load(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


# --- training files ----------------------------------------------------------------------------

def test_label_names_are_acled_names_in_any_case():
    assert label_of(None, "armed clash") == "Battles|Armed clash"
    assert label_of("Protests", "Peaceful protest") == "Protests|Peaceful protest"
    assert label_of(None, "Riots|Mob violence") == "Riots|Mob violence"
    assert label_of("Battles", None) == "Battles|"
    assert label_of("Riots", "Armed clash") is None
    assert label_of(None, "gunfight") is None


def test_an_acled_style_export_and_a_jsonl_file_both_read(tmp_path):
    csv_path = tmp_path / "export.csv"
    csv_path.write_text("event_date,event_type,sub_event_type,notes,fatalities\n"
                        + "".join(f'2020-05-0{i},{label.split("|")[0]},{label.split("|")[1]},"{text}",0\n'
                                  for i, (text, label) in enumerate(OWN[:6], 1))
                        + "2020-05-07,Battles,Armed clash,,0\n", encoding="utf-8")  # a row without a note
    rows = read_examples(csv_path)
    assert len(rows) == 6 and rows[3] == (OWN[3][0], "Protests|Peaceful protest")
    jsonl = tmp_path / "mine.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": t, "label": label.split("|")[1]}) for t, label in OWN),
                     encoding="utf-8")
    assert {label for _, label in read_examples(jsonl)} == {label for _, label in OWN}


@pytest.mark.parametrize("name, content, code", [
    ("a.csv", "headline,category\nTroops clashed,Battles\n", "E503"),
    ("a.csv", "text,source\nTroops clashed,wire\n", "E504"),
    ("a.csv", "text,label\nTroops clashed,Battles\nNurses marched,Protests\n", "E505"),
    ("a.csv", "text,label\n" + "Troops clashed,Battles\n" * 5, "E506"),
    ("a.csv", "text,label\nTroops clashed,Battles\nNurses marched,Marching\n", "E507"),
    ("a.csv", "text,label\n\n", "E501"),
    ("a.jsonl", '{"text": "Troops clashed", "label": "Battles"}\n{"label": "Battles"}\n', "E502"),
    ("a.jsonl", '{"text": "Troops clashed", "label": "Battles"}\n{not json\n', "E502"),
    ("a.xlsx", "whatever", "E509"),
])
def test_a_bad_training_file_gets_a_one_line_error_naming_it(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=code) as err:
        read_examples(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


@pytest.mark.slow
def test_train_then_extract_with_the_model(tmp_path):
    from click.testing import CliRunner

    from warlog.cli import MODEL_ENV, cli

    assert MODEL_ENV == classify.MODEL_ENV
    data = tmp_path / "mine.jsonl"
    data.write_text("\n".join(json.dumps({"text": t, "label": label}) for t, label in OWN), encoding="utf-8")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "9 examples, 3 labels" in result.output and out.exists()
    report = tmp_path / "r.txt"
    report.write_text("Students held a sit-in at the university gate in Dhaka on Monday against fee increases.",
                      encoding="utf-8")
    from warlog.pipeline import Extractor
    from warlog.documents import read_path

    (doc,) = read_path(report, published=FRIDAY)
    (ev,) = Extractor(model=str(out)).extract(doc)
    assert ev.acled_sub_event_type == "Peaceful protest"
    assert ev.evidence["acled_event_type"].startswith("model mine.jsonl")


def test_a_siege_that_lasted_months_is_one_event_but_shelling_for_years_is_a_pattern():
    triggers = [e["trigger"]["text"] for e in events_of("Rebels besieged the town of Kafr Nabudah for months "
                                                       "before the army retook it in May.")]
    assert "besieged" in triggers
    triggers = [e["trigger"]["text"] for e in events_of("The rebels have shelled the capital for years.")]
    assert "shelled" not in triggers
