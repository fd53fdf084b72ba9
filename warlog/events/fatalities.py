"""How many died: counts attached to the victims of a fatal event, as low/best/high.

"killing 6 civilians" -> 6; "at least 16 police officers" -> 16 as a floor; "Two people, a
militant and a police officer, were killed" -> 2; "a policeman was killed" -> 1; "dozens" ->
the vague-number table of cues.json; "no casualties were reported" -> 0; nothing said -> None.
Counts of coordinated victims add up ("3 soldiers and 2 civilians" -> 5).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from spacy.tokens import Span, Token

from ..record import Fatalities
from .lexicon import DATA, Lexicon

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
ONE_DETS = ("a", "an", "one", "the", "this", "that")
INJURY_VERBS = ("injure", "wound", "hurt", "maim")
CLAUSES = ("ccomp", "conj", "advcl", "parataxis", "relcl", "acl", "xcomp", "cc", "punct")


def number_value(tok: Token, lex: Lexicon) -> tuple[int, int, int] | None:
    """(low, best, high) of a number token, or None. Years are not counts."""
    text = tok.lower_
    if _DIGITS.match(text):
        value = int(text.replace(",", ""))
        if tok.ent_type_ == "DATE" or 1900 <= value <= 2100 and tok.ent_type_ != "CARDINAL" or _day_of_month(tok):
            return None
        return value, value, value
    if text in lex.number_words and (tok.like_num or text == "both"):  # not "a": "a policeman" is counted elsewhere
        v = lex.number_words[text]
        # "a hundred", "two thousand"
        for c in tok.children:
            if c.dep_ in ("compound", "quantmod", "nummod") and c.lower_ in lex.number_words and c.i < tok.i:
                v *= lex.number_words[c.lower_] if lex.number_words[c.lower_] < v else 1
        return v, v, v
    if text in lex.vague_numbers:
        low, best, high = lex.vague_numbers[text]
        return low, best, high
    return None


@lru_cache(maxsize=1)
def _months() -> frozenset:
    with (DATA / "dates.json").open(encoding="utf-8") as f:
        return frozenset(json.load(f)["months"])


def _day_of_month(tok: Token) -> bool:
    """"4 May", "May 4": a date the entity recogniser missed, not a count."""
    doc = tok.doc
    near = [doc[i].lower_.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return int(tok.text.replace(",", "")) <= 31 and any(w in _months() for w in near)


def _bounded(tok: Token, value: tuple[int, int, int], lex: Lexicon) -> tuple[int, int, int]:
    """Apply "at least" / "up to" modifiers found just before the number."""
    low, best, high = value
    doc = tok.doc
    # "between 2 and 4", "2 to 4", "2-4": the lower end is the best (ACLED's conservative reading)
    for a, b in ((tok.i - 2, tok.i), (tok.i, tok.i + 2)):
        if a >= 0 and b < len(doc) and doc[a + 1].lower_ in ("to", "-", "and", "or") and doc[a].like_num and doc[b].like_num:
            ends = [number_value(doc[i], lex) for i in (a, b)]
            if all(ends) and ends[0][1] < ends[1][1]:
                return ends[0][1], ends[0][1], ends[1][1]
    before = doc[max(tok.i - 3, 0):tok.i].text.lower()
    if any(before.endswith(w) for w in lex.floor_words):
        return low, best, max(high, best)
    if any(before.endswith(w) for w in lex.ceiling_words):
        return min(low, best), best, high
    return low, best, high


def dies(tok: Token) -> bool:
    """A violent verb that says its victim died: "shot dead", "beaten to death", "stabbed to death"."""
    return any(c.lower_ == "dead" or c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children)
               for c in tok.children)


def _unquantified(head: Token, lex: Lexicon) -> tuple[tuple[int, int, int], str] | None:
    """"a number of fighters", "an unknown number of soldiers": the vague-number table's value."""
    if head.lemma_.lower() != "number" or not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    kind = next((f"{c.lower_} number" for c in head.children if c.dep_ == "amod"), "a number of")
    value = lex.vague_numbers.get(kind)
    return (tuple(value), kind) if value else None


def count_of(head: Token, lex: Lexicon) -> tuple[tuple[int, int, int], str] | None:
    """The number attached to a victims noun, with the words it came from."""
    vague = _unquantified(head, lex)
    if vague:
        return vague
    if head.like_num or head.lower_ in lex.vague_numbers:  # "dozens (of civilians)", "12 (were killed)"
        value = number_value(head, lex)
        if value:
            return _bounded(head, value, lex), head.text
    for c in head.children:
        if c.dep_ in ("nummod", "quantmod", "amod", "det") and c.i < head.i:
            value = number_value(c, lex)
            if value:
                return _bounded(c, value, lex), f"{c.text} {head.text}"
    if head.tag_ in ("NN", "NNP") and head.lemma_.lower() not in ("people",):
        # "a policeman was killed", "killed a civilian", "the officer ... were killed", "his son", a named person
        if head.tag_ == "NNP" or any(c.dep_ == "det" and c.lower_ in ONE_DETS or c.dep_ == "poss" for c in head.children):
            return (1, 1, 1), head.text
    return None


def fatalities_of(victims: list[Token], sent: Span, lex: Lexicon, fatal: bool) -> Fatalities | None:
    text = sent.text.lower()
    if any(p in text for p in lex.words["no_casualties"]):
        return Fatalities(0, 0, 0, "no casualties")
    low = best = high = 0
    said = []
    if fatal:
        seen = set()
        for v in victims:
            if _attempted(v, lex):  # "tried to kill the suspect": no one died
                continue
            for t in (v, *v.conjuncts):
                if t.i in seen:
                    continue
                seen.add(t.i)
                got = count_of(t, lex)
                if got:
                    (lo, be, hi), words = got
                    mixed = _with_hurt(t, lex) if not vague(Fatalities(lo, be, hi, words), lex) else None
                    if mixed:  # "7 militants were killed and wounded": half of them dead; "killed or captured": maybe none
                        lo, be = 0, be // 2 if mixed == "and" else 0
                        words += f" (killed {mixed} hurt)"
                    low, best, high = low + lo, best + be, high + hi
                    said.append(words)
        extra = _in_addition(sent, lex)
        if said and extra:  # "In addition to the bomber, five people were killed": six dead
            (lo, be, hi), words = extra
            low, best, high = low + lo, best + be, high + hi
            said.append(words)
    if not said:
        got = _toll_in(sent, lex)
        if got is None:
            return None
        (low, best, high), words = got
        said.append(words)
    return _shared(Fatalities(low, best, high, "; ".join(said)), sent, lex)


def vague(f: Fatalities, lex: Lexicon) -> bool:
    """The toll is only words with no number in them: "dozens", "an unknown number of"."""
    keys = tuple(lex.vague_numbers)
    return bool(f.text) and all(any(p == k or p.startswith(k + " ") for k in keys)
                                for p in f.text.lower().split("; "))


def replaces(old: Fatalities | None, new: Fatalities | None, lex: Lexicon) -> bool:
    """Whether a toll told again for an event already told replaces the one it has: the larger
    does, except that a count never gives way to a word with no number ("six soldiers were
    killed ... an unknown number of assailants were also killed": six) and always replaces one
    ("executed an unknown number of civilians ... 12 were killed across the three events")."""
    if new is None:
        return False
    if old is None:
        return True
    if vague(old, lex) != vague(new, lex):
        return vague(old, lex)
    return new.best > old.best


def _with_hurt(victim: Token, lex: Lexicon) -> str | None:
    """"and" when one count is told of the dead and the hurt together ("7 militants were killed and
    wounded", "killing and injuring 20"), "or" when of the dead or the hurt or captured ("were killed,
    injured or captured"); None when the count is of the dead alone."""
    verb = victim.head
    if verb.pos_ != "VERB":
        return None
    group = {verb, *verb.conjuncts, *(c for c in verb.children if c.dep_ == "advcl")}
    group |= {c for g in list(group) for c in g.conjuncts}
    own = ("nsubj", "nsubjpass", "dobj")
    # next to the killing and with no words of its own: "killed and wounded", not "killed ... and three were injured"
    hurt = [g for g in group if g.lemma_.lower() in INJURY_VERBS and abs(g.i - verb.i) <= 3
            and not any(c.dep_ in (*own, "auxpass", "aux") and c.i != victim.i for c in g.children)]
    if not hurt or not any(g.lemma_.lower() in ("kill", "die") for g in group):
        return None
    return "or" if any(c.dep_ == "cc" and c.lower_ == "or" for g in group for c in g.children) else "and"


def _attempted(victim: Token, lex: Lexicon) -> bool:
    """The victim of a killing only attempted or intended: "attempted to kill a suspect", "plotted to
    assassinate the governor"."""
    verb = victim.head
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.words["attempt_verbs"]


def attackers_only(victims: list[Token], lex: Lexicon, doers: list[str] = ()) -> bool:
    """The dead are the attackers already told: "the assailants", "both gunmen", "all five attackers",
    or attackers under the word that named the doers (`doers`: "Assailants attacked ... killing six
    assailants")."""
    named = {w.lower().rstrip("s") for d in doers for w in d.split()[-1:]}
    dead = [t for v in victims for t in (v, *v.conjuncts)]
    return bool(dead) and all(
        t.lemma_.lower() in lex.cues["perpetrator_nouns"]["words"] and (
            t.lemma_.lower() in named or any(c.lower_ in ("the", "both", "all", "these", "those") for c in t.children))
        for t in dead)


def added(first: Fatalities | None, more: Fatalities) -> Fatalities:
    """Two tolls of different dead in one incident, summed."""
    if first is None:
        return more
    return Fatalities(first.low + more.low, first.best + more.best, first.high + more.high,
                      f"{first.text}; {more.text}")


def _shared(f: Fatalities, sent: Span, lex: Lexicon) -> Fatalities:
    """A toll told "across both attacks" or "in the three bombings" belongs to several events: each
    gets its share, rounded up, as best and floor; all of it stays possible."""
    n = _shared_by(sent, lex)
    if n < 2 or not f.best:
        return f
    return Fatalities(-(-f.low // n), -(-f.best // n), f.high, f"{f.text} across {n} events")


def _shared_by(sent: Span, lex: Lexicon) -> int:
    """How many events a sentence's toll is told across: "across both attacks" 2, "in all three
    bombings" 3, "across this and two other incidents" 3, "one of seven attacks, across which" 7."""
    nouns = lex.cues["shared_toll_nouns"]["words"]

    def count(noun: Token) -> int:
        if noun.lower_ in ("this", "that"):  # "this and two other incidents", read off the words: parsers
            return 1 + others(noun)          # often hang "incidents" elsewhere
        n = 0
        for t in (noun, *noun.conjuncts):
            if t.lemma_.lower() not in nouns:
                continue
            for c in t.children:
                if c.lower_ == "both":
                    n += 2
                    break
                value = number_value(c, lex) if c.dep_ == "nummod" else None
                if value:
                    n += value[1]
                    break
        return n

    def others(this: Token) -> int:
        """How many events "this and two other attacks", "this and a similar attack" add to this one."""
        window = this.doc[this.i + 1:min(this.i + 7, sent.end)]
        if not len(window) or window[0].lower_ != "and":
            return 0
        for t in window[1:]:
            if t.lemma_.lower() in nouns:
                counted = [number_value(w, lex) for w in window[1:t.i - this.i - 1] if w.lower_ not in ("a", "an")]
                return next((v[1] for v in counted if v), 1)
        return 0

    for tok in sent:
        if tok.dep_ != "prep" or tok.lower_ not in ("across", "in", "during", "between"):
            continue
        for o in tok.children:
            if o.dep_ != "pobj":
                continue
            if o.lower_ == "which" and tok.head.dep_ == "relcl":  # "one of seven attacks, across which ..."
                o = tok.head.head
            n = count(o)
            if n >= 2:
                return n
    return 1


def _in_addition(sent: Span, lex: Lexicon):
    """The count of "in addition to the bomber", "in addition to two assailants", "besides the
    assailant", "apart from the attacker"."""
    for tok in sent:
        if tok.lower_ == "addition" and tok.head.lower_ == "in":
            preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"]
        elif tok.lower_ in ("apart", "aside"):
            preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"]
        else:
            preps = [tok] if tok.lower_ == "besides" and tok.dep_ == "prep" else []
        for p in preps:
            for o in p.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in lex.cues["perpetrator_nouns"]["words"]:
                    return count_of(o, lex)
    return None


def toll_in(sent: Span, lex: Lexicon) -> Fatalities | None:
    """A toll a sentence states with no event of its own: "The death toll rose to 12", "2 fatalities"."""
    got = _toll_in(sent, lex)
    if got is None:
        return None
    (low, best, high), words = got
    return _shared(Fatalities(low, best, high, words), sent, lex)


def _toll_in(sent: Span, lex: Lexicon):
    """Counts stated as "N dead", "left N dead", "death toll rose to N", "N were killed"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in lex.words["fatal_nouns"] or tok.lower_ in ("dead", "killed"):
            subj = tok
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("number", "total"):
                subj = tok.head.head  # "an unknown number of fatalities coded as 10"
            if subj.dep_ in ("nsubj", "nsubjpass") and lemma in lex.words["fatal_nouns"]:
                # "the death toll rose to 12", "total fatalities are 10", "several fatalities coded as 3":
                # the number stated for the toll, before any vague word on the noun itself
                for c in subj.head.children:
                    objs = [c] if c.dep_ in ("attr", "dobj") else [o for o in c.children if o.dep_ == "pobj"] \
                        if c.dep_ == "prep" and c.lower_ in ("to", "at", "as") else []
                    for o in objs:
                        value = number_value(o, lex)
                        if value:
                            return _bounded(o, value, lex), f"{tok.text} {subj.head.text} {o.text}"
            # "X were killed and Y injured": Y is not a toll of the dead
            hurt = {t.i for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in INJURY_VERBS for t in c.subtree}
            # its own words first ("300 were reported injured, 1 killed": 1), then anywhere below it
            heads = [tok]
            if tok.dep_ in ("oprd", "xcomp", "acomp", "ccomp"):  # "left 3 fighters dead", "48 were reported killed"
                heads += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            near = [t for h in heads for c in (h.children if h is tok else (h,)) if c.dep_ not in CLAUSES
                    for t in (c, *c.children) if t.i != tok.i]
            for c in [*near, *tok.subtree]:
                if c.i in hurt or c.i == tok.i or c.dep_ not in ("nummod", "pobj", "dobj", "nsubj", "nsubjpass", "npadvmod", "attr", "appos"):
                    continue
                if c.dep_ == "nummod" and c.head.lemma_.lower() in lex.cues["shared_toll_nouns"]["words"]:
                    continue  # "across the two attacks": a count of events, not of the dead
                value = _unquantified(c, lex)
                value = value[0] if value else number_value(c, lex)
                if value:
                    low, best, high = _bounded(c, value, lex)
                    if c.dep_ == "nummod":  # "3 fighters and 1 policeman dead": every counted noun
                        for other in c.head.conjuncts:
                            more = [number_value(n, lex) for n in other.children if n.dep_ == "nummod"]
                            if more and more[0]:
                                low, best, high = low + more[0][0], best + more[0][1], high + more[0][2]
                    return (low, best, high), f"{c.text} {tok.text}"
            if tok.lower_ in ("dead", "killed") and tok.head.like_num:
                value = number_value(tok.head, lex)
                if value:
                    return _bounded(tok.head, value, lex), f"{tok.head.text} {tok.text}"
    return None
