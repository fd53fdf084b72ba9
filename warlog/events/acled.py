"""ACLED event type and sub-event type of an event, from its class, means and the types of its actors.

Order matters and follows ACLED's codebook: territory changes first (who gained it decides
government vs non-state), then the weapon (an airstrike on civilians is still
Explosions/Remote violence), then who was hit (civilians: Violence against civilians; armed
actors on both sides: Battles; crowds and unorganised groups: Riots). Verbal and cooperative
events have no ACLED type. `Cues` holds what the sentence says beyond the event's own roles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .lexicon import DATA, Lexicon

ARMED = {1, 2, 3, 4, 8}
HEAVY = {"shelling", "launched", "grenade"}  # with small arms beside them, an exchange is a clash
STATE = 1


@lru_cache(maxsize=1)
def table() -> dict:
    with (DATA / "acled.json").open(encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Cues:
    """What the sentence around an event says that its roles do not."""

    means: frozenset = frozenset()  # every means named in the event's phrases, not just the first
    intervention: bool = False  # police dispersed, arrested, fired tear gas (verbs, or the weapons)
    violence: bool = False  # stones thrown, fires set, property smashed
    lethal: bool = False  # shot, killed, live fire
    plural: bool = False  # the trigger is a plural noun: "57 explosions"
    crowd: bool = False  # the doers are people named by a plain noun: "villagers", "a group of people"
    people_hit: bool = False  # its objects are people or homes of no armed type: "killed 4 youths", "a village"
    mutual: bool = False  # fire went both ways: "exchanged artillery fire", "in both directions"
    military: bool = False  # its object is a military one: "fired at the positions of", "attacked a checkpoint"
    off_duty: bool = False  # its victims are soldiers or police off duty or no longer serving: civilians to ACLED
    ranks: bool = False  # its objects are named by a rank or post of armed service: "a lieutenant", "a policewoman"
    at_place: bool = False  # fire aimed at a place, not at a side: "fired mortars and machine guns at residential areas"
    people_side: bool = False  # a side is people by a plain or national noun: "shopkeepers", "Palestinians", "migrants"
    gunfire: bool = False  # guns were used: "opened fire", "shot", "a rifle" (not "fired workers")
    restriction: bool = False  # the event is a curfew, lockdown or ban on movement: "extended the curfew"


def cues_of(sent: Span, trigger: Token, means: frozenset, actor_toks: list[Token], patient_toks: list[Token],
            lex: Lexicon, kb) -> Cues:
    words = table()["cues"]
    own = _own_clause(trigger, words)
    lemmas = [t.lemma_.lower() for t in sent if t.i in own]
    text = " ".join(lemmas)
    verbs = {t.lemma_.lower() for t in sent if t.pos_ == "VERB" and t.i in own}
    intervention = bool(verbs & set(words["intervention_verbs"])) or any(
        f" {w} " in f" {text} " for w in words["intervention_phrases"])
    violence = any(f" {w} " in f" {text} " for w in (*lex.words["protest_violence"], *words["violence_words"]))
    lethal = bool(verbs & set(words["lethal_verbs"])) or any(f" {w} " in f" {text} " for w in words["lethal_phrases"])

    def typed(tok: Token) -> int | None:
        info = kb.head_noun_info(tok.lemma_.lower()) if kb is not None else None
        return info.type if info else None

    def people(tok: Token) -> bool:
        if tok.like_num or tok.lemma_.lower() in words["collective_heads"]:
            for p in tok.children:  # "a group of people", "dozens of youths", "a group of gunmen"
                if p.dep_ == "prep" and p.lower_ == "of":
                    return any(people(o) for o in p.children if o.dep_ == "pobj")
        if any(c.lemma_.lower() in words["armed_modifiers"] for c in tok.children if c.dep_ in ("amod", "compound")):
            return False  # "armed men", "unidentified persons": an armed group ACLED cannot name
        return tok.lemma_.lower() in words["crowd_heads"] or typed(tok) == 7

    def unarmed(tok: Token) -> bool:
        """A victim who is no armed actor and no military target: "owners", "a deacon", "a village"."""
        if tok.like_num:  # "killed 3 IS militants" parsed with the number as head: judge the noun
            nouns = [c for c in tok.children if c.pos_ in ("NOUN", "PROPN") and c.i > tok.i]
            if not nouns:  # "killed 3 IS militants" parsed with "IS" as a verb: the next noun is who
                nouns = [t for t in tok.doc[tok.i + 1:tok.i + 4] if t.pos_ == "NOUN" and t.dep_ != "compound"][:1]
            return all(unarmed(n) for n in nouns) if nouns else True
        if people(tok) or tok.lemma_.lower() in words["civilian_targets"]:
            return True
        if tok.ent_type_ == "NORP" and tok.dep_ != "amod" and typed(tok) is None:
            return True  # "fired at a Palestinian", "two Afghans were wounded": people by nationality
        lemma = tok.lemma_.lower()
        return tok.pos_ == "NOUN" and typed(tok) is None and lemma not in words["armed_ranks"] and tok.ent_type_ not in ("GPE", "LOC", "FAC", "ORG", "NORP") \
            and lemma not in words["military_targets"] and lemma not in words["combatant_words"] \
            and lemma not in words["weapon_words"] and not lex.means_of([lemma]) and not lex.is_("territory_words", lemma)
    def off_duty(tok: Token) -> bool:  # "an off-duty policeman", "a soldier (off-duty)", "a former officer"
        return any(c.dep_ in ("amod", "compound", "appos") and "".join(t.lower_ for t in c.subtree) in words["off_duty_modifiers"]
                   for c in tok.children)
    crowd = bool(actor_toks) and all(people(t) for t in actor_toks)
    people_hit = any(unarmed(t) for t in patient_toks)
    whole = " ".join(t.lemma_.lower() for t in sent)
    mutual = any(f" {w} " in f" {whole} " for w in words["mutual_phrases"])
    military = any(t.lemma_.lower() in words["military_objects"] for t in patient_toks)
    off = any(off_duty(t) for t in patient_toks) and all(off_duty(t) or unarmed(t) for t in patient_toks)
    ranks = any(t.lemma_.lower() in words["armed_ranks"] for t in patient_toks)
    at_place = any(t.dep_ == "pobj" and t.head.lower_ in words["aim_preps"] and t.head.head.i == trigger.i
                   and (t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in words["place_targets"])
                   for t in sent if t.i in own)
    people_side = any(people(t) or t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") for t in (*actor_toks, *patient_toks))
    gunfire = "firearms" in means or "shoot" in verbs or " open fire " in f" {text} "
    return Cues(means, intervention, violence, lethal, trigger.tag_ == "NNS", crowd, people_hit, mutual, military, off,
                ranks, at_place, people_side, gunfire,
                any(t.lemma_.lower() in words["restriction_words"] for t in (trigger, *trigger.children)))


def _own_clause(trigger: Token, words: dict) -> set[int]:
    """The tokens that tell what happened in the event itself, not why: the clause of the trigger
    (or of the verb that carries a noun trigger) and its conjoined verbs, without purpose and cause
    phrases ("demanding the arrest of ...", "against looted funds") or clauses on its nouns."""
    root = trigger
    if trigger.pos_ != "VERB" and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and trigger.head.pos_ in ("VERB", "AUX"):
        root = trigger.head  # "staged a protest", "a protest was held"
    keep: set[int] = set()
    todo = [root]
    while todo:
        tok = todo.pop()
        keep.add(tok.i)
        for c in tok.children:
            lemma = c.lemma_.lower()
            if c.dep_ in ("acl", "relcl", "ccomp", "xcomp", "csubj") or lemma in words["purpose_words"] \
                    or c.dep_ == "prep" and lemma in words["cause_preps"]:
                continue
            todo.append(c)
    return keep


def classify(cls: str, means: str | None, actor_types: list[int | None], patient_types: list[int | None],
             lex: Lexicon, sentence_lemmas: set[str], noun: bool = False,
             cues: Cues | None = None) -> tuple[str | None, str | None]:
    cues = cues or Cues(means=frozenset({means} if means else ()))
    actors = {t for t in actor_types if t}
    patients = {t for t in patient_types if t}
    if cls == "territory":
        if STATE in actors:
            return "Battles", "Government regains territory"
        if actors & {2, 3, 4}:
            return "Battles", "Non-state actor overtakes territory"
        return "Battles", "Armed clash"
    if cls in ("attack", "fight", "raid") and means and lex.means[means]["acled"]:
        heavy = means in HEAVY or means in ("bomb", "shelling") and cues.plural and noun
        small_arms = "firearms" in cues.means and (patients & ARMED or cues.military
                                                   or not (patients or cues.people_hit or cues.at_place))
        if heavy and (cls == "fight" or cues.mutual or small_arms):
            return "Battles", "Armed clash"  # "exchanged artillery fire", "fired mortars and small arms at positions"
        if means == "bomb" and cues.plural and noun:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"  # "57 explosions near ..."
        return tuple(lex.means[means]["acled"])
    if cls in ("fight", "attack") and 6 in patients and not actors & {5, 6}:
        # force used on protesters: by the state, ACLED's excessive force; by others, an attack
        if STATE in actors:
            return "Protests", "Excessive force against protesters"
        return "Violence against civilians", "Attack"
    protest = bool(sentence_lemmas & set(table()["cues"]["protest_words"]))
    if cls == "attack" and cues.gunfire and (cues.crowd or 5 in actors) and not protest and 6 not in actors:
        return "Violence against civilians", "Attack"  # "two men on a motorcycle opened fire": gunmen, not a mob
    if cls == "riot" or (cls in ("fight", "attack", "loot") and actors & {5, 6}):
        # stones thrown at a demonstration, or by demonstrators, make it a violent one; else a mob
        return "Riots", "Violent demonstration" if protest or 6 in actors else "Mob violence"
    if cls == "protest":
        if cues.lethal and (actors | patients) & {STATE}:
            return "Protests", "Excessive force against protesters"
        if cues.violence and not cues.intervention:
            return "Riots", "Violent demonstration"
        if cues.intervention:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if cls in ("fight", "attack", "raid", "loot") and cues.crowd and not actors & ARMED:
        # villagers, residents, "a group of people": a mob, not an armed group; at a protest, a violent one
        return "Riots", "Violent demonstration" if protest else "Mob violence"
    if cls == "fight" and (actors | patients) and not (actors | patients) & ARMED:
        return "Riots", "Mob violence"  # "two groups of villagers clashed"
    sides = actors | patients
    if cls == "fight" and sides & {STATE, 8} and not sides & {2, 3, 4} and (7 in sides or cues.people_side) \
            and not (cues.lethal or cues.mutual or cues.gunfire):
        # police or troops in a scuffle with shopkeepers, migrants or a crowd: ACLED's riot, not a battle
        return "Riots", "Violent demonstration" if protest else "Mob violence"
    if cls == "fight" and actors & ARMED and patients == {7}:
        return "Violence against civilians", "Attack"  # "killed 2 civilians during an incursion"
    if cls in ("attack", "raid"):
        if 5 in actors:
            return "Riots", "Mob violence"
        if 7 in patients and not patients & ARMED or cues.off_duty and not cues.mutual:
            return "Violence against civilians", "Attack"
        if patients & ARMED or cues.military or cues.ranks:
            return "Battles", "Armed clash"
        if cues.people_hit:
            return "Violence against civilians", "Attack"  # "gunmen killed 4 youths", "a suspect killed in a police raid"
        if cls == "raid" and actors & ARMED:
            return "Battles", "Armed clash"
        if actors & ARMED and not patients:
            return "Battles", "Armed clash"  # "ISIS attacked Kirkuk": the defenders go unnamed
        if noun and cues.plural and "firearms" in cues.means and not (actors or patients):
            return "Battles", "Armed clash"  # "40 shots of small arms near the line": an exchange observers counted
        if not actors and not patients:
            # "a man was shot dead in his shop": no one named on either side, a killing of a civilian to ACLED
            return ("Violence against civilians", "Attack") if cues.lethal and not noun else (None, None)
        return "Violence against civilians", "Attack"
    if cls == "coerce" and cues.restriction:
        return "Strategic developments", "Change to group/activity"  # a curfew or lockdown imposed by those in power
    if cls == "aid" and actors & {2, 3, 4}:
        return "Strategic developments", "Change to group/activity"  # a rebel group or militia hands out food: a new activity
    if cls == "agree" and not (noun or (actors | patients) & ARMED):
        return None, None  # "agreed to meet" is not ACLED's Agreement; a ceasefire or a deal between armed actors is
    default = table()["class_defaults"].get(cls)
    return tuple(default) if default else (None, None)


def class_of(event_type: str, sub_event_type: str | None) -> str | None:
    """The event class a model's label stands for (an event found by the model alone)."""
    by = table()["label_classes"]
    return by.get(sub_event_type or "") or by.get(event_type)


def protest_turn(sent: Span, lex: Lexicon, own: bool = False) -> tuple[str, str] | None:
    """What a sentence after a peaceful protest says became of it: police stepped in ("Police
    dispersed the crowd", "They were arrested", "26 were arrested") or the crowd turned violent
    ("The demonstrators burnt tyres", "Tyres were burnt"). None when it speaks of neither, or of
    neither the crowd nor the police. `own`: the protest is told in this sentence, so only verbs
    count, not words that may be its grievance ("against the use of tear gas")."""
    words = table()["cues"]
    who = set(words["turn_subjects"])

    def roles(verb: Token) -> set[str]:
        out = set()
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                out.add(c.lemma_.lower())
            elif c.dep_ == "agent":
                out |= {o.lemma_.lower() for o in c.children if o.dep_ == "pobj"}
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            out |= {c.lemma_.lower() for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        return out

    text = " " + " ".join(t.lemma_.lower() for t in sent) + " "
    acts = [(t.lemma_.lower(), roles(t)) for t in sent if t.pos_ == "VERB"]
    # a passive with no agent: "Tyres were burnt", "26 were arrested" (by the crowd, by the police: unsaid);
    # for arrests, of several people, not "he was arrested in March" (the grievance) or "activists who were detained"
    passive = [t for t in sent if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl")
               and any(c.dep_ == "auxpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children)]
    unsaid = {t.lemma_.lower() for t in passive}
    many = {t.lemma_.lower() for t in passive if any(c.dep_ == "nsubjpass" and (
        c.like_num or c.tag_ == "NNS" or c.lower_ in lex.vague_numbers or c.lemma_.lower() in who) for c in t.children)}
    if any(v in words["intervention_verbs"] and (r & who or v in many) for v, r in acts) or not own and (
            {t.lemma_.lower() for t in sent} & who and any(f" {w} " in text for w in words["intervention_phrases"])):
        return "Protests", "Protest with intervention"
    violent = set(lex.words["protest_violence"]) | set(words["violence_words"])
    if any(v in violent and (r & who or v in unsaid) for v, r in acts):
        return "Riots", "Violent demonstration"
    return None
