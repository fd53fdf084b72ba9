"""How many died: tolls on invented reports, told in one sentence or across a paragraph."""
import pytest

import warlog
from warlog.events import lexicon
from warlog.events.fatalities import replaces, vague
from warlog.record import Fatalities

MONDAY = "2016-03-14"


def violent(text, published=MONDAY):
    """The events of the text with an ACLED type of political violence, in text order."""
    kinds = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
    return [e.to_dict() for e in warlog.extract(text, published=published) if e.acled_event_type in kinds]


def toll(e):
    f = e["fatalities"]
    return f and (f["low"], f["best"], f["high"])


# --- merging: the toll of one incident told over several sentences -------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text, best", [
    # the toll in a sentence of its own, with no doer: the bomb's toll
    ("A car bomb went off outside a bakery in Tuz Khurmatu on Sunday. Four people were killed and 23 were "
     "wounded.", 4),
    # the blast itself kills: "the blast" is the event already told
    ("A roadside bomb exploded beside a minibus near Samarra on Sunday. The blast killed two teachers and "
     "wounded the driver.", 2),
    ("A roadside bomb exploded beside a minibus near Samarra on Sunday. Two teachers were killed and "
     "the driver was hurt by the explosion.", 2),
    # the attackers, named again with "the", kill the victims
    ("Gunmen stormed a wedding party in a village outside Baquba on Sunday. The gunmen then killed three "
     "guests before fleeing.", 3),
])
def test_a_later_sentence_gives_the_toll_of_the_event_already_told(text, best):
    evs = violent(text)
    assert evs and evs[0]["fatalities"] is not None and evs[0]["fatalities"]["best"] == best, \
        [(e["trigger"], e["fatalities"]) for e in evs]


@pytest.mark.slow
def test_a_series_sentence_tells_no_event_of_its_own():
    text = ("A car bomb went off at a market in Hilla on Sunday, killing five shoppers. This was one of four "
            "bombings in the province that morning.")
    evs = violent(text)
    assert len(evs) == 1 and evs[0]["fatalities"]["best"] == 5


@pytest.mark.slow
def test_a_toll_across_this_and_other_attacks_is_shared():
    text = ("A bomb hidden in a cart exploded near a mosque in Kirkuk on Sunday. Nine people were killed across "
            "this and two other blasts in the city that day.")
    (e,) = violent(text)
    assert toll(e) == (3, 3, 9)


@pytest.mark.slow
def test_a_killer_elsewhere_with_a_name_of_its_own_keeps_its_toll():
    text = ("A car bomb went off outside a bakery in Tuz Khurmatu on Sunday. In Mosul, gunmen killed two "
            "shepherds.")
    tolls = [e["fatalities"] and e["fatalities"]["best"] for e in violent(text)]
    assert tolls[0] is None and 2 in tolls


@pytest.mark.slow
def test_a_stated_figure_replaces_a_vague_word():
    text = ("Rebels ambushed an army convoy north of Goma on Sunday, killing several soldiers. The death toll "
            "was later put at 4.")
    e = violent(text)[0]
    assert e["fatalities"]["best"] == 4


# --- one sentence ------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text, best", [
    ("A shopkeeper was beaten to death by a mob in Kano on Sunday.", 1),
    ("Unknown gunmen shot and killed a retired judge outside his home in Basra on Sunday.", 1),
    ("Militiamen assassinated a municipal engineer in Derna on Sunday.", 1),
    ("Apart from the bomber, three policemen were killed when a car bomb exploded at a checkpoint in Ramadi "
     "on Sunday.", 4),
    ("Troops shelled rebel positions near Kidal on Sunday, killing a number of fighters.", 10),
    ("Troops shelled rebel positions near Kidal on Sunday, killing an unknown number of fighters.", 10),
])
def test_the_toll_of_one_sentence(text, best):
    e = violent(text)[0]
    assert e["fatalities"] is not None and e["fatalities"]["best"] == best, e["fatalities"]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a range: the lower end is the best reading, the upper the high bound
    ("Gunmen fired on a minibus near Kismayo on Sunday, killing between 3 and 5 passengers.", (3, 3, 5)),
    # one count for the dead and the hurt together: half of them dead, perhaps all
    ("Eight rebels were killed and wounded during an army sweep near Beni on Sunday.", (0, 4, 8)),
    # dead, hurt or captured: none is known to be dead
    ("Six rebels were killed, injured or captured during an army sweep near Beni on Sunday.", (0, 0, 6)),
    # separate counts stay the dead's own
    ("Eight rebels were killed and three were wounded during an army sweep near Beni on Sunday.", (8, 8, 8)),
])
def test_ranges_and_counts_shared_with_the_wounded(text, expected):
    e = violent(text)[0]
    assert toll(e) == expected, e["fatalities"]


@pytest.mark.slow
def test_attackers_killed_later_add_to_the_toll():
    text = ("Three gunmen attacked a police post near Hawija on Sunday, killing two policemen. The police returned "
            "fire and killed all three gunmen.")
    evs = violent(text)
    assert len(evs) == 1 and evs[0]["fatalities"]["best"] == 5


@pytest.mark.slow
def test_an_attempted_killing_kills_no_one():
    (e, *_) = violent("A mob tried to kill a suspected thief in Jinja on Sunday, setting his shop on fire.")
    assert e["fatalities"] is None


@pytest.mark.slow
def test_an_unquantified_toll_keeps_its_range():
    e = violent("Troops shelled rebel positions near Kidal on Sunday, killing several fighters.")[0]
    low, best, high = toll(e)
    assert low < best < high and best == 10


# --- which toll wins when an event is told twice -----------------------------------------------

def test_a_count_is_never_replaced_by_a_vague_word_and_always_replaces_one():
    lex = lexicon.load()
    six = Fatalities(6, 6, 6, "six soldiers")
    dozens = Fatalities(12, 12, 99, "dozens of assailants")
    unknown = Fatalities(1, 10, 99, "unknown number")
    assert vague(dozens, lex) and vague(unknown, lex) and not vague(six, lex)
    assert not replaces(six, dozens, lex) and not replaces(six, unknown, lex)
    assert replaces(unknown, six, lex) and replaces(dozens, Fatalities(3, 3, 3, "3"), lex)
    assert replaces(six, Fatalities(8, 8, 8, "eight people"), lex)
    assert not replaces(six, Fatalities(2, 2, 2, "two guards"), lex)
    assert replaces(None, six, lex) and not replaces(six, None, lex)
