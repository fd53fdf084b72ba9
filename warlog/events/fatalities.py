"""How many died: counts attached to the victims of a fatal event, as low/best/high.

"killing 6 civilians" -> 6; "at least 16 police officers" -> 16 as a floor; "Two people, a
militant and a police officer, were killed" -> 2; "a policeman was killed" -> 1; "dozens" ->
the vague-number table of cues.json; "no casualties were reported" -> 0; nothing said -> None.
Counts of coordinated victims add up ("3 soldiers and 2 civilians" -> 5).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..record import Fatalities
from .lexicon import Lexicon

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def number_value(tok: Token, lex: Lexicon) -> tuple[int, int, int] | None:
    """(low, best, high) of a number token, or None. Years are not counts."""
    text = tok.lower_
    if _DIGITS.match(text):
        value = int(text.replace(",", ""))
        if tok.ent_type_ == "DATE" or 1900 <= value <= 2100 and tok.ent_type_ != "CARDINAL":
            return None
        return value, value, value
    if text in lex.number_words and tok.like_num:
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


def _bounded(tok: Token, value: tuple[int, int, int], lex: Lexicon) -> tuple[int, int, int]:
    """Apply "at least" / "up to" modifiers found just before the number."""
    low, best, high = value
    doc = tok.doc
    before = doc[max(tok.i - 3, 0):tok.i].text.lower()
    if any(before.endswith(w) for w in lex.floor_words):
        return low, best, max(high, best)
    if any(before.endswith(w) for w in lex.ceiling_words):
        return min(low, best), best, high
    return low, best, high


def count_of(head: Token, lex: Lexicon) -> tuple[tuple[int, int, int], str] | None:
    """The number attached to a victims noun, with the words it came from."""
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
        # "a policeman was killed", "killed a civilian", a named person
        if head.tag_ == "NNP" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in head.children):
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
            for t in (v, *v.conjuncts):
                if t.i in seen:
                    continue
                seen.add(t.i)
                got = count_of(t, lex)
                if got:
                    (lo, be, hi), words = got
                    low, best, high = low + lo, best + be, high + hi
                    said.append(words)
    if not said:
        got = _toll_in(sent, lex)
        if got is None:
            return None
        (low, best, high), words = got
        said.append(words)
    return Fatalities(low, best, high, "; ".join(said))


def _toll_in(sent: Span, lex: Lexicon):
    """Counts stated as "N dead", "left N dead", "death toll rose to N", "N were killed"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in lex.words["fatal_nouns"] or tok.lower_ in ("dead", "killed"):
            for c in tok.subtree:
                if c.i == tok.i or c.dep_ not in ("nummod", "pobj", "dobj", "nsubj", "nsubjpass", "npadvmod", "attr", "appos"):
                    continue
                value = number_value(c, lex)
                if value:
                    return _bounded(c, value, lex), f"{c.text} {tok.text}"
            if tok.lower_ in ("dead", "killed") and tok.head.like_num:
                value = number_value(tok.head, lex)
                if value:
                    return _bounded(tok.head, value, lex), f"{tok.head.text} {tok.text}"
    return None
