"""Mentions in a parsed paragraph: actors, places and dates, each tied to its tokens.

Actors come from the dictionary matcher (knowledge-base aliases), from NER spans the knowledge
base can resolve, and from head nouns the knowledge base types ("militants", "protesters",
"Iranian border guards"). Places come from the matcher and NER (GPE, LOC, FAC); a nationality
(NORP) is never a place. Dates are NER DATE spans, resolved later against the publication date.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .record import ActorRef

ACTOR_LABELS = {"ORG", "PERSON", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that head a place description rather than name it: "Quneitra province", "the Idlib countryside".
PLACE_HINTS = {"province", "governorate", "countryside", "city", "district", "region", "border", "town",
               "village", "suburbs", "outskirts", "area", "neighbourhood", "neighborhood"}
DIRECTIONS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west", "central",
              "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower"}


@dataclass
class Mention:
    kind: str  # actor | place | date
    start: int  # token index in the paragraph doc
    end: int
    text: str
    char_start: int  # offsets in the document text
    char_end: int
    actor: ActorRef | None = None
    toponym: int | None = None  # index into Mentions.toponyms (document-wide)
    hint: str | None = None
    label: str | None = None  # NER or matcher label


@dataclass
class Mentions:
    """All mentions of one paragraph, indexed by token."""

    doc: Doc
    offset: int  # character offset of the paragraph in the document text
    items: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, m: Mention) -> None:
        self.items.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def of_kind(self, kind: str, span: Span | None = None) -> list[Mention]:
        out = [m for m in self.items if m.kind == kind]
        if span is not None:
            out = [m for m in out if span.start <= m.start < span.end]
        return out


def _actor_ref(kb, text: str, kb_id: str | None, span: tuple[int, int], on=None) -> ActorRef | None:
    """The knowledge base's actor for a mention (its ACLED type on the publication date), or None."""
    if kb_id and kb_id.startswith("actor:") and kb.get(kb_id[6:]) is not None:
        actor = kb.get(kb_id[6:])
        return ActorRef(name=text, actor_id=actor.id, canonical=actor.name, type=kb.acled_type(actor.id, on),
                        country=actor.country, span=span)
    ref = kb.ref(text.strip('"\''), on, span=span)
    return ref if ref.actor_id else None


def _place_hint(ent: Span) -> str | None:
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in PLACE_HINTS:
        return doc[ent.end].lower_
    if ent.start > 0 and doc[ent.start - 1].lower_ in DIRECTIONS:
        return doc[ent.start - 1].lower_
    return None


LOCATIVE = {"in", "at", "near", "outside", "around", "into", "from", "towards", "toward", "to", "across", "inside"}


def _looks_like_place(ent: Span, gazetteer) -> bool:
    """An ORG or PERSON span the knowledge base does not know, after "in"/"near"/"at", that the
    gazetteer does know: spaCy's small model often labels Arabic town names so ("in al-Shirqat")."""
    if gazetteer is None or ent.start == 0 or ent.doc[ent.start - 1].lower_ not in LOCATIVE:
        return False
    return bool(gazetteer.candidates(ent.text, limit=1))


def add_place(ms: Mentions, ent: Span, span: tuple[int, int], toponyms: list, label: str,
              actor: ActorRef | None = None, text: str | None = None) -> None:
    """A place mention over `ent`, and its toponym appended to the document's list. `text` is
    the toponym as written when it differs from the tokens' text (a span given by a caller)."""
    from .places import Toponym

    hint = _place_hint(ent)
    text = ent.text if text is None else text
    toponyms.append(Toponym(text=text, start=span[0], end=span[1], hint=hint))
    ms.add(Mention("place", ent.start, ent.end, text, *span, toponym=len(toponyms) - 1, hint=hint,
                   actor=actor, label=label))


@lru_cache(maxsize=1)
def _compound_rules() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    path = Path(__file__).resolve().parent / "data" / "places" / "compounds.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    spaced, glued = "|".join(data["spaced"]), "|".join(data["glued"])
    word = r"[A-Z][a-z'\u2019]+"
    link = rf"(?:-(?:{glued})-| (?:{spaced})[ -]|[ -])"
    phrase = re.compile(rf"(?<![\w-]){word}(?:{link}{word})+(?![\w-])")
    return phrase, frozenset(data["spaced"]) | frozenset(data["glued"]), frozenset(data["heads"])


def join_compounds(doc: Doc, gazetteer) -> None:
    """One entity for a place name of several words that the matcher and NER cut into pieces
    ("Ras al Ain" into Ras and Ain, "Pul-e-Charkhi" into Pul): a run of capitalised words bound
    by an article or link word, or opened by a typical first word (Abu, Tal, Ras), that covers
    a place entity. The longest start of the run the gazetteer knows wins; a run it does not
    know stays one unknown name rather than pieces resolved to namesakes far away."""
    phrase, links, heads = _compound_rules()
    ents = list(doc.ents)
    if not ents:
        return
    changed = False
    for m in phrase.finditer(doc.text):
        words = re.split(r"[ -]", m.group())
        if not (heads & {words[0]} or links & set(words[1:-1])):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or len(span) < 2:
            continue
        inside = [e for e in ents if e.start < span.end and span.start < e.end]
        if not any(e.kb_id_.startswith("place:") or not e.kb_id_ and e.label_ in PLACE_LABELS for e in inside):
            continue
        if any(e.start < span.start or e.end > span.end or e.kb_id_.startswith("actor:") and e.label_ != "NORP"
               for e in inside) or (len(inside) == 1 and len(inside[0]) == len(span)):
            continue  # an actor's name ("Abu Bakr al-Baghdadi"), or already one entity
        # the longest start of the run the gazetteer knows ("Ras al Ain" of "Ras al Ain Thursday")
        best, kb_id = span, ""
        for end in range(span.end, span.start + 1, -1):
            if not doc[end - 1].is_title or sum(t.is_title for t in doc[span.start:end]) < 2:
                continue
            known = [x for x in gazetteer.matches(doc[span.start:end].text) if x.kind <= 3]
            if known:
                best, kb_id = doc[span.start:end], f"place:{known[0].place.place_id}"
                break
        ents = [e for e in ents if not (e.start < best.end and best.start < e.end)]
        ents.append(Span(doc, best.start, best.end, label="GPE", kb_id=kb_id))
        changed = True
    if changed:
        doc.set_ents(sorted(ents, key=lambda e: e.start), default="unmodified")


def find_mentions(doc: Doc, offset: int, kb, toponyms: list, published=None, gazetteer=None) -> Mentions:
    """Collect the mentions of one paragraph. New toponyms are appended to `toponyms`
    (document-wide, so that they can be resolved together)."""
    if gazetteer is not None:
        join_compounds(doc, gazetteer)
    ms = Mentions(doc, offset)
    for ent in doc.ents:
        span = (offset + ent.start_char, offset + ent.end_char)
        kb_id = ent.kb_id_ or None
        if (kb_id or "").startswith("place:") or (not kb_id and ent.label_ in PLACE_LABELS):
            # A place can also act: "Iran helped ...", "Baghdad turned over helicopters". The
            # roles decide; the actor it would be (the knowledge base's match) rides along.
            add_place(ms, ent, span, toponyms, ent.label_, _actor_ref(kb, ent.text, None, span, published))
        elif (kb_id or "").startswith("actor:") or ent.label_ in ACTOR_LABELS:
            ref = _actor_ref(kb, ent.text, kb_id, span, published)
            if ref is None and ent.label_ != "NORP" and _looks_like_place(ent, gazetteer):
                add_place(ms, ent, span, toponyms, "GPE")
                continue
            if ref is None:
                if ent.label_ == "NORP" and ent.root.pos_ == "ADJ":
                    continue  # "Iraqi" as a modifier: a nationality, handled with head nouns
                ref = ActorRef(name=ent.text, span=span)
            ms.add(Mention("actor", ent.start, ent.end, ent.text, *span, actor=ref, label=ent.label_))
        elif ent.label_ in ("DATE", "TIME"):
            ms.add(Mention("date", ent.start, ent.end, ent.text, *span))
    for token in doc:
        if token.i + 1 < len(doc) and token.i not in ms.by_token and token.i + 1 not in ms.by_token \
                and doc[token.i + 1].pos_ == "NOUN" and not kb.head_noun_info(doc[token.i + 1].lemma_.lower()):
            short = _short_form(token, kb, offset, published)
            if short is not None:  # "IS hideouts", "an IS attack"
                ms.add(short)
    for token in doc:
        if token.i in ms.by_token or token.pos_ not in ("NOUN", "PROPN"):
            continue
        typed = kb.head_noun_info(token.lemma_.lower())
        if typed is None and token.i > 0 and doc[token.i - 1].head.i == token.i:
            typed = kb.head_noun_info(f"{doc[token.i - 1].lower_} {token.lemma_.lower()}")  # "armed group"
        if typed is None:
            continue
        if token.dep_ == "compound" and token.head.i not in ms.by_token and kb.head_noun_info(token.head.lemma_.lower()):
            continue  # "police forces", "militia fighters": one actor, named by the phrase head
        named = _named_modifier(token, ms)
        if named is not None:  # "Islamic State fighters", "Houthi rebels": the group itself
            ms.by_token[token.i] = named
            continue
        first = token.i
        while first > 0 and first > token.i - 3 and doc[first - 1].head.i == token.i \
                and doc[first - 1].dep_ in ("amod", "compound") and not doc[first - 1].text.isupper():
            first -= 1  # "IS militant snipers": the short form before the modifiers
        short = _short_form(doc[first - 1], kb, offset, published, token) if first else None
        if short is not None:  # "IS militants": a short form the parser took for a verb
            ms.add(short)
            continue
        m = _head_noun_actor(token, typed, kb, offset, ms)
        if m is not None:
            ms.add(m)
    return ms


def _short_form(prev: Token, kb, offset: int, published, token: Token | None = None) -> Mention | None:
    """The armed group a short all-caps form names just before a noun ("IS militants", "IS
    hideouts", "an IS attack"): such forms are never patterns (headlines in capitals), so only
    this context tags them, and not in a sentence written in capitals. With `token` (a head
    noun) the mention covers both words."""
    if not (prev.text.isupper() and prev.is_alpha and len(prev.text) <= 4) or prev.ent_type_ in ("GPE", "LOC"):
        return None
    words = [t for t in prev.sent if t.is_alpha]
    if sum(t.text.isupper() for t in words) * 2 > len(words):
        return None
    actor = kb.match(prev.text, published)
    if actor is None or actor.type not in (2, 3, 4) or prev.text not in actor.aliases:
        return None
    last = token or prev
    span = (offset + prev.idx, offset + last.idx + len(last.text))
    ref = ActorRef(name=prev.doc[prev.i:last.i + 1].text, actor_id=actor.id, canonical=actor.name,
                   type=kb.acled_type(actor.id, published), country=actor.country, span=span)
    return Mention("actor", prev.i, last.i + 1, ref.name, *span, actor=ref, label="ORG")


def _named_modifier(token: Token, ms: Mentions) -> Mention | None:
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "amod", "poss") and child.i < token.i:
            m = ms.by_token.get(child.i)
            if m is not None and m.kind == "actor" and m.actor and m.actor.actor_id and m.actor.type in (1, 2, 3, 4, 8) \
                    and (m.label != "NORP" or m.actor.type == 1 and m.actor.country is None):
                # "GNA forces", "Houthi rebels", a user's invented state's agents; not "Kurdish fighters"
                return m
    return None


def _head_noun_actor(token: Token, typed, kb, offset: int, ms: Mentions) -> Mention | None:
    """'eight Iranian border guards' -> an actor of type 1 in Iran; 'local militiamen' -> type 3."""
    inter, generic = typed.type, typed.name
    left = token
    country = None
    state_kind = typed.state_kind
    for child in token.lefts:
        if inter in (1, 3) and child.dep_ in ("compound", "amod", "nmod") and child.i not in ms.by_token:
            info = kb.head_noun_info(child.lemma_.lower())
            if info is not None and info.type == 1 and info.state_kind and inter == 1:
                state_kind, generic = info.state_kind, info.name  # "police forces", "army troops"
            elif info is not None and info.type in (2, 3, 4) and info.type != inter:
                inter, generic = info.type, info.name  # "separatist forces", "tribal militias"
        if child.dep_ == "amod" and child.lower_ == "armed" and inter == 7:
            inter, generic = 3, "Unidentified Armed Group"  # "armed individuals", "armed persons"
        if child.dep_ in ("amod", "compound", "nmod", "det") and child.i >= left.i - 3:
            if child.i in ms.by_token:
                m = ms.by_token[child.i]  # "senior US official": the place's country counts too
                if m.actor and m.actor.country:
                    country = country or m.actor.country
                continue
            if child.dep_ in ("amod", "compound", "nmod"):
                country = country or kb.country_of_adjective(child.text)
                left = min(left, child, key=lambda t: t.i)
    start = left.i
    # keep the phrase contiguous and free of other mentions
    while start < token.i and start in ms.by_token:
        start += 1
    doc = token.doc
    text = doc[start:token.i + 1].text
    span = (offset + doc[start].idx, offset + token.idx + len(token.text))
    actor_id = canonical = None
    if inter == 1 and country:
        force = kb.state_force(country, state_kind or "military")
        if force is not None:
            actor_id, canonical = force.id, force.name
    if canonical is None:
        canonical = generic
    if start < token.i:  # "regime forces", "pro-government militias": aliases that need this context
        known = kb.match(text, fuzzy=False)
        if known is not None and known.kind not in ("ethnic_group", "religious_group", "person"):
            return Mention("actor", start, token.i + 1, text, *span, label="NOUN", actor=ActorRef(
                name=text, actor_id=known.id, canonical=known.name, type=kb.acled_type(known.id),
                country=known.country, span=span))
    ref = ActorRef(name=text, actor_id=actor_id, canonical=canonical, type=inter, country=country, span=span)
    return Mention("actor", start, token.i + 1, text, *span, actor=ref, label="NOUN")
