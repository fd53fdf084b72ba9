"""Events in a sentence: triggers from the lexicon, their arguments, merged where the parse says
they are one event ("killed ... during a police raid"), then typed, located, dated and weighed.

DOCS: DESIGN.md, "Pipeline" and "The event record". Entry point: `EventFinder.find`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta

from spacy.tokens import Span, Token

from .. import countries
from ..mentions import Mention, Mentions
from ..record import STATEMENT, ActorRef, Attribution, DateValue, Event, Location
from . import acled, classify, lexicon, location
from .fatalities import INJURY_VERBS, added, attackers_only, dies, fatalities_of, replaces, toll_in, vague
from .lexicon import Lexicon, Trigger
from .modality import Modality, modality_of, tense_of
from .modality import speaker_of as modality_speaker
from .roles import Args, children as children_of, noun_args, preps, repair_stranded_subject, subject, verb_args, \
    with_conjuncts
from .sides import VIOLENT, Sides

# When frames merge, the more specific class names the event ("killed during a raid" is a raid).
CLASS_PRIORITY = ("territory", "abduct", "sexual", "riot", "protest", "fight", "raid", "intercept", "attack", "arrest",
                  "loot", "death")
ANY_ACTOR_NEEDED = {"consult", "agree", "support", "aid", "cooperate", "request", "accuse", "reject", "threaten",
                    "sanction", "mobilize", "retreat", "expel", "protest", "riot", "arrest", "blockade", "concede",
                    "coerce", "statement"}
PRECISION_BY_FEATURE = {"country": 3, "admin1": 3, "region": 3, "admin2": 2}
TARGET_PREPS = {"on", "at", "against", "among", "next to", "near", "outside", "targeting", "into", "inside"}
# Nouns that stand for the actor named after them: "fighters from the Badr Corps", "a column of
# the PMU", "positions of the YPG", "a PKK safe house".
HOLDER_NOUNS = {"fighter", "member", "element", "unit", "ranks", "safe", "house", "home", "headquarters", "office",
                "convoy", "position", "base", "column", "patrol", "checkpoint", "post", "vehicle", "camp",
                "stronghold", "hideout", "depot", "outpost", "barracks", "compound", "cell", "leader", "commander",
                "supporter", "follower", "loyalist", "partisan", "activist", "personnel"}
# Agents that stand for the state or group named in their "of"/"from"/"in" phrase.
AGENT_NOUNS = {"government", "lawmaker", "legislator", "official", "ambassador", "envoy", "diplomat", "minister",
               "authority", "soldier", "troop", "force", "police", "army", "military", "leader", "spokesman",
               "spokesperson", "delegation", "parliament", "population", "people", "citizen", "president",
               "prosecutor", "judge", "court", "negotiator", "investigator", "premier", "chancellor"}
PRONOUNS = {"it", "they", "he", "she", "we", "them", "him", "her", "its", "their", "his"}
CLAIM_VERBS = {"claim", "accept", "bear", "take", "assume", "admit"}
# determiners of a phrase that points at an event already told: "the attack", "across both attacks"
BACK_WORDS = ("the", "this", "that", "these", "those", "ensuing", "same", "both", "all")
SERIES_WORDS = ("one", "first", "second", "third", "last", "latest", "part")  # "this was one of five attacks"
RETOLD_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
# Classes of events that last: "besieged the city for months" is one siege, not a pattern.
DURATIVE = {"blockade"}
# Verbal events whose complement is what they are about ("refused to lift", "agreed to release").
COMPLEMENT_HOSTS = {"agree", "request", "reject", "threaten", "accuse", "support"}
# PLOVER types a promise turns into AGREE, and a refusal into REJECT (modality decides).
PROMISABLE = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT"}
# Cues of the actor's own commitment ("will", "is ready to", "pledged to"), not of a decision
# taken ("decided to": done), a hope or someone else's request ("urged X to").
PROMISE_CUES = {"will", "'ll", "shall", "wo", "would", "plan", "intend", "promise", "pledge", "vow", "offer", "agree", "ready",
                "prepared", "willing", "eager", "set", "about", "schedule", "prepare"}
REFUSABLE = {"AGREE", "SUPPORT", "CONSULT", "AID", "COOPERATE", "RETREAT", "CONCEDE"}
VERBAL = {"consult", "agree", "support", "aid", "cooperate", "request", "accuse", "reject", "threaten", "sanction",
          "concede", "statement"}


@dataclass
class Frame:
    trigger: Token
    entry: Trigger
    anchor: Token
    args: Args
    classes: list[str] = field(default_factory=list)
    means: str | None = None  # set when the event is built, from its own words
    fatal: bool = False
    members: list[Token] = field(default_factory=list)  # triggers merged into this frame
    victims: list[Token] = field(default_factory=list)  # who died, for fatal triggers
    by_model: bool = False  # found by the user's event-type model, not by a trigger

    @property
    def cls(self) -> str:
        for c in CLASS_PRIORITY:
            if c in self.classes:
                return c
        return self.classes[0]


@dataclass
class DocContext:
    """What the event rules need to know about the whole document."""

    doc_id: str
    text: str
    published: object  # datetime.date | None
    places: list  # Resolved | None per document toponym
    resolve_date: object  # dates.resolve
    countries: list = field(default_factory=list)  # ISO3 codes the document is about, most first
    last_date: DateValue | None = None  # the last explicit date in the current paragraph
    genre: str | None = None  # the document's genre (genre.py): opinion changes how modality reads
    previous: list = field(default_factory=list)  # the events of the sentence before, for "Which is what X said"
    paragraph: object = None  # the Mentions of the paragraph `recent` belongs to
    recent: list = field(default_factory=list)  # typed events of that paragraph so far


class EventFinder:
    def __init__(self, kb, gazetteer, lex: Lexicon | None = None, model=None):
        self.kb = kb
        self.gazetteer = gazetteer
        self.lex = lex or lexicon.load()
        self.model = model  # classify.Model: a user's event-type model, or None (the rules type events)
        self.sides = Sides(kb, self.lex)

    # --- triggers ---------------------------------------------------------------------------
    def _trigger(self, tok: Token, ms: Mentions) -> Trigger | None:
        if tok.pos_ == "VERB":
            entries = self.lex.triggers_for(tok.lemma_.lower(), "VERB")
        elif _shot_dead(tok):  # "Gunmen on a motorbike shot dead ..." parsed as a noun "shot" before a verb "dead"
            entries = self.lex.triggers_for("shoot", "VERB")
        elif tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ == "compound" or (ms is not None and tok.i in ms.by_token):
                return None  # "attack helicopters", "Battle of Mosul" as a name
            lemma = tok.lemma_.lower()
            entries = self.lex.triggers_for(lemma, "NOUN")
            if not entries and lemma.endswith("s"):
                entries = self.lex.triggers_for(lemma[:-1], "NOUN")
        else:
            return None
        for e in entries:
            if self._fits(tok, e, ms):
                return None if e.blocks else e
        return None

    def _fits(self, tok: Token, e: Trigger, ms: Mentions) -> bool:
        kids = list(tok.children)
        # a constraint may list alternatives: "dobj": "tie|relation" ("restored ties", "cut relations")
        if e.particle and not any(c.dep_ == "prt" and c.lower_ in e.particle.split("|") for c in kids):
            return False
        # the object of a passive verb is its subject: "sanctions were lifted", "ties were restored"
        if e.dobj and not any(c.dep_ in ("dobj", "obj", "nsubjpass") and _object_fits(c, e.dobj) for c in kids):
            return False
        # a date is no argument: "called on Saturday" is no call on anyone
        if e.needs_prep and not any(c.dep_ == "prep" and c.lower_ in e.needs_prep.split("|") and not _date_phrase(c)
                                    for c in kids):
            return False
        if e.with_word and not any(c.lemma_.lower() == e.with_word for k in kids for c in (k, *k.children)):
            return False
        if e.plural_only and tok.tag_ != "NNS":
            return False
        if e.needs_place and ms is not None:
            objs = [c for c in kids if c.dep_ in ("dobj", "obj", "nsubjpass")]
            if not any(self._is_place(o, ms) for o in objs):
                return False
        if e.needs_event_verb:
            head = tok.head
            ok = head.pos_ in ("VERB", "AUX") and (self.lex.is_("event_verbs", head.lemma_.lower())
                                                     or self.lex.is_("light_verbs", head.lemma_.lower()))
            ok = ok or (tok.dep_ == "pobj" and head.dep_ == "agent")
            if not ok:
                return False
        if e.roles == "intervention" and ms is not None and e.dobj is None:
            # "break up a crowd", "disperse protesters" (not "break up the Guards' grip on the economy")
            objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
            if not any(self._is_crowd(o, ms) or self.lex.is_("crowd_nouns", o.lemma_.lower()) for o in objs):
                return False
        if e.needs_crowd and ms is not None:
            subj = [c for c in kids if c.dep_ == "nsubj"]
            if not any(self._is_crowd(x, ms) for x in subj):
                return False
        if e.needs_means:
            lemmas = [c.lemma_.lower() for c in kids if c.dep_ in ("compound", "amod", "nmod")] + [tok.lemma_.lower()]
            if len(lemmas) == 1 and not any(t.lemma_.lower() in self.lex.aerial_words for t in tok.sent):
                return False
        return True

    def _is_crowd(self, tok: Token, ms: Mentions) -> bool:
        """People, a crowd or a number of them: "thousands gathered", "protesters gathered"."""
        if tok.like_num or tok.lower_ in self.lex.vague_numbers or tok.lemma_.lower() in ("thousand", "hundred", "ten", "dozen"):
            return True
        if tok.lemma_.lower() in ("number", "group", "crowd"):  # "a large number of workers gathered"
            return True
        m = ms.at(tok)
        return m is not None and m.actor is not None and m.actor.type in (5, 6, 7)

    def _is_place(self, tok: Token, ms: Mentions) -> bool:
        m = ms.at(tok)
        if m is not None:
            return m.kind == "place"
        if self.lex.is_("territory_words", tok.lemma_.lower()):
            return True
        # a place in its own name ("the town of Kidal", "Kidal airport"), not one further on ("a boat near Kidal")
        own = [c for c in tok.children if c.dep_ in ("compound", "appos", "nmod")]
        own += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return any(ms.at(c) is not None and ms.at(c).kind == "place"
                   for o in own for c in (o, *(k for k in o.children if k.dep_ in ("compound", "appos"))))

    # --- frames -----------------------------------------------------------------------------
    def frames(self, sent: Span, ms: Mentions) -> list[Frame]:
        frames = []
        repair_stranded_subject(sent)
        for tok in sent:
            e = self._trigger(tok, ms)
            if e is None:
                continue
            if tok.pos_ == "VERB" or _shot_dead(tok):
                args, anchor = verb_args(tok, e, self.lex), tok
            else:
                if self._inside_frame_noun(tok):
                    continue  # "videos of explosions", "fears of an offensive": not an event report
                args = noun_args(tok, e, self.lex)
                anchor = self._noun_anchor(tok)
                self._host_args(tok, args)
            means = None  # found from the event's own words in _event, the trigger's default last
            fatal = e.fatal or dies(tok) or _shot_dead(tok)  # "shot dead", "beaten to death"
            victims = list(args.patients) if fatal else []
            frames.append(Frame(tok, e, anchor, args, [e.cls], means, fatal, [tok], victims))
        return self._merge(frames)

    def _noun_anchor(self, noun: Token) -> Token:
        """The verb whose clause a noun event sits in, when the verb only carries it: "launched an
        offensive", "a bomb exploded", "the battle is in full swing"."""
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "attr") and head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if lemma == "be" or self.lex.is_("light_verbs", lemma) or self.lex.is_("event_verbs", lemma):
                return head
        return noun

    def _host_args(self, noun: Token, args: Args) -> None:
        """A noun event hung on a verb by a preposition takes that verb's subject as actor and its
        places: "an official went to Damascus for a meeting"; "ISIS claimed responsibility for
        the attack" (the claimant is the attacker)."""
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return
        holder = noun.head.head
        if holder.lemma_.lower() in ("responsibility", "credit") and holder.head.lemma_.lower() in ("claim", "take", "accept", "bear"):
            holder = holder.head
        elif holder.pos_ != "VERB":
            return
        if any(c.dep_ == "auxpass" for c in holder.children) or self._trigger(holder, None):
            return
        subj, passive = subject(holder)
        if not passive and not args.actors:
            args.actors += subj
        for p, o in preps(holder):
            if o.i != noun.i:
                args.places.append((o, p))

    def _inside_frame_noun(self, noun: Token) -> bool:
        """"videos of explosions", "fears of an offensive"; and "condemned the attack by X",
        "welcomed the talks": what a judgement is about is its topic, told elsewhere (its doer is the
        judgement's target)."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB":
            judged = self._trigger(head, None)
            return judged is not None and judged.cls in ("accuse", "support")
        return noun.dep_ == "pobj" and head.lower_ in ("of", "about") and self.lex.is_("frame_nouns", head.head.lemma_.lower())

    def _means_key(self, name: str) -> str | None:
        return self.lex.means_of(name.split()) or (name if name in self.lex.means else None)

    def _merge(self, frames: list[Frame]) -> list[Frame]:
        by_tok = {f.trigger.i: f for f in frames}
        merged_into: dict[int, Frame] = {}
        for f in frames:
            host = self._host(f, by_tok)
            if host is None or host is f:
                continue
            seen, h = {f.trigger.i}, host  # refuse a merge that would close a loop (a into b into a)
            while h.trigger.i in merged_into and h.trigger.i not in seen:
                seen.add(h.trigger.i)
                h = merged_into[h.trigger.i]
            if h.trigger.i not in seen:
                merged_into[f.trigger.i] = host
        out = []
        for f in frames:
            if f.trigger.i in merged_into:
                host = merged_into[f.trigger.i]
                while host.trigger.i in merged_into:  # chains: a -> b -> c
                    host = merged_into[host.trigger.i]
                if f.entry.cls == "intercept":  # who intercepted is the other side of the attack
                    host.args.patients += [t for t in f.args.actors if t not in host.args.patients]
                elif host.args.actors and f.entry.cls not in VIOLENT:
                    # "postponed their meeting", "urged Iran to release ...": the host's subject acts
                    host.args.extend(replace(f.args, actors=[]))
                else:
                    host.args.extend(f.args)
                host.classes += f.classes
                host.fatal = host.fatal or f.fatal
                host.victims += f.victims
                host.members.append(f.trigger)
            else:
                out.append(f)
        return out

    def _host(self, f: Frame, by_tok: dict[int, Frame]) -> Frame | None:
        """The frame this one is part of, if any: a noun event that is a role or a phrase of a
        verb event ("killed during a raid", "hit by a car bomb", "died during a night of
        clashes"), a participle or "when" clause of it ("exploded, killing 6"; "were killed when
        artillery shelled the town"), a relative clause on it ("the attack that killed 16"), or
        an interception of it ("fired a missile, and the Saudis say they intercepted it")."""
        if f.trigger.pos_ != "VERB" and f.anchor.i != f.trigger.i and f.anchor.i in by_tok:
            return by_tok[f.anchor.i]  # "signed an agreement", "imposed a curfew": one event, the verb's
        if f.trigger.pos_ == "VERB" and f.trigger.dep_ == "xcomp" and f.trigger.head.i in by_tok \
                and by_tok[f.trigger.head.i].entry.cls in COMPLEMENT_HOSTS \
                and f.entry.cls not in VIOLENT and f.entry.cls not in ("arrest", "loot", "riot", "protest"):
            return by_tok[f.trigger.head.i]  # "refused to lift the curfew", "urged Iran to release": what is asked or refused
        if f.trigger.pos_ != "VERB" and f.trigger.dep_ in ("dobj", "obj") and f.trigger.head.i in by_tok \
                and f.entry.cls not in VIOLENT and f.entry.cls not in ("arrest", "loot", "riot", "protest"):
            return by_tok[f.trigger.head.i]  # "postponed their meeting", "welcomed the talks": what the verb is about
        if f.trigger.pos_ != "VERB" and f.trigger.dep_ == "pobj" and f.trigger.head.head.i in by_tok \
                and f.entry.cls not in VIOLENT and f.entry.cls not in ("arrest", "loot", "riot", "protest"):
            return by_tok[f.trigger.head.head.i]  # "met X during a visit to Y": the visit is the meeting's setting
        if f.entry.cls not in VIOLENT and f.entry.cls not in ("arrest", "loot", "intercept", "riot", "protest", "request"):
            return None
        t = f.trigger
        for g in by_tok.values():
            if g is f or g.entry.cls not in VIOLENT and g.entry.cls not in ("arrest", "loot", "riot", "protest"):
                continue
            if f.entry.cls == "request" and g.entry.cls in ("protest", "riot") and t.dep_ in ("advcl", "xcomp", "acl") \
                    and t.head.i in (g.trigger.i, g.anchor.i):
                return g  # "marched to demand reforms": what the protest asks for
            if f.entry.cls == "intercept":
                objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
                if g.trigger.i < t.i and g.entry.cls == "attack" and any(
                        o.lower_ in ("it", "them") or self.lex.means_of([o.lemma_.lower()]) for o in objs):
                    return g
                continue
            if t.pos_ != "VERB":
                if t in g.args.context or t in g.args.actors or t in g.args.patients or any(t.i == p.i for p, _ in g.args.places):
                    return g
                if f.anchor.i == g.trigger.i or (g.trigger.pos_ == "VERB" and self._governs(g.trigger, t, 4)):
                    return g
            elif t.dep_ in ("relcl", "acl") and self._governs(g.trigger, t, 3):
                return g  # "the attack (in the desert) that killed 16 police officers"
            elif t.dep_ in ("advcl", "conj", "xcomp") and t.head in (g.trigger, g.anchor) and t.lemma_ != g.trigger.lemma_:
                own = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                when = any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in t.children)
                if when or not own and (t.dep_ != "conj" or f.entry.fatal or g.entry.cls in ("attack", "fight")):
                    return g
        return None

    @staticmethod
    def _governs(head: Token, tok: Token, hops: int) -> bool:
        for _ in range(hops):
            tok = tok.head
            if tok.i == head.i:
                return True
            if tok.dep_ not in ("pobj", "prep", "relcl", "acl", "compound", "amod"):
                return False
        return False

    # --- events -----------------------------------------------------------------------------
    def find(self, sent: Span, ms: Mentions, ctx: DocContext) -> list[Event]:
        events = []
        explicit = self._sentence_date(sent, ms, ctx)
        reported: dict[int, Modality] = {}  # id(event) -> its modality, when a speech act reports it
        if ctx.paragraph is not ms:
            ctx.paragraph, ctx.recent = ms, []
        frames = self.frames(sent, ms)
        if not frames and self.model is not None:
            frames = self._model_frame(sent)
        told = _told(ctx.recent)
        if not frames and told:  # "The death toll rose to 12.", "Several fatalities coded as 3."
            worded = [e for e in ctx.recent if e.fatalities is not None and vague(e.fatalities, self.lex)]
            # the figure for a toll told only in words ("killed several soldiers"), else for the event told
            _fold_into(worded[-1] if worded and told.fatalities is None else told, None, toll_in(sent, self.lex), self.lex)
        placeless = not ms.of_kind("place", sent)
        for f in frames:  # ctx.recent only grows after the loop, so `told` holds for every frame
            if f.cls == "death" and told:  # "Two men died." after the event that killed them
                victims = [v for v in f.victims if self._is_person(v, ms)]
                _fold_into(told, None, fatalities_of(victims, sent, self.lex, True), self.lex)
                continue
            ev = self._event(f, sent, ms, ctx, reported)
            if ev is None:
                continue
            hurt = f.fatal or f.trigger.lemma_.lower() in INJURY_VERBS
            if told and (self._retold(f) or placeless and hurt and self._no_doer(f, ev, sent, ms)):
                # "Eight people were killed in the attack", "Three men were killed.", "two were wounded":
                # the toll of an event told
                _fold_into(_told(ctx.recent, ev.acled_event_type), ev, ev.fatalities, self.lex)
                continue
            if told and placeless and f.fatal and ev.fatalities and attackers_only(f.victims, self.lex, [a.name for a in told.actors]):
                # "Soldiers returned fire, killing both assailants": the attackers' deaths add to the toll
                told.fatalities = added(told.fatalities, ev.fatalities)
                continue
            events.append(ev)
        events += self._statements(events, reported, sent, ms, ctx)
        calm = [e for e in (*ctx.recent, *events) if e.acled_sub_event_type == "Peaceful protest"]
        turn = acled.protest_turn(sent, self.lex, own=any(e in events for e in calm)) if calm else None
        for e in calm if turn else ():  # "Police later dispersed the crowd": the protest had an intervention
            e.acled_event_type, e.acled_sub_event_type = turn
            e.plover_mode = "riot" if turn[0] == "Riots" else e.plover_mode
            e.recipients = e.recipients or self.sides.intervening(ms, sent, e.location, ctx)
            e.evidence["acled_event_type"] += f"; a later sentence: {turn[1].lower()}"
        protested = any(e.acled_event_type == "Protests" for e in ctx.recent)
        for e in events if protested else ():  # "Workers demonstrated ... They threw stones": the protest turned violent
            if e.acled_sub_event_type == "Mob violence":
                e.acled_sub_event_type = "Violent demonstration"
                e.evidence["acled_event_type"] = e.evidence.get("acled_event_type", "") + "; after a protest in the paragraph"
        ctx.recent += [e for e in events if e.acled_event_type]
        self._claims(sent, ms, ctx.recent)
        if explicit is not None and explicit.precision:
            ctx.last_date = explicit
        ctx.previous = events
        return events

    # --- speech acts --------------------------------------------------------------------------
    def _statements(self, events: list[Event], reported: dict[int, Modality], sent: Span, ms: Mentions,
                    ctx: DocContext) -> list[Event]:
        """Statements, threats and accusations are events of their own: the speaker acts, the
        speech act is asserted (what the text reports is that it was said), and each event of
        its content points to it (`statement_id`). A speech verb the lexicon types (ACCUSE,
        THREATEN, REQUEST, REJECT) is that event; any other is a STATEMENT."""
        by_verb: dict[int, tuple[Modality, list[Event]]] = {}
        for ev in events:
            mod = reported.get(id(ev))
            if mod is not None and mod.speech is not None:
                by_verb.setdefault(mod.speech.i, (mod, []))[1].append(ev)
        back = self._back_reference(sent, ctx) if not by_verb else None
        if back is not None:  # "Which is what Velayati said on Friday": the previous sentence is the content
            verb, speaker = back
            said = [e for e in ctx.previous if e.plover_type != STATEMENT and e.statement_id is None]
            by_verb[verb.i] = (Modality(source=speaker, speech=verb), said)
        new: list[Event] = []
        for i, (mod, contents) in by_verb.items():
            verb = sent.doc[i]
            start = ms.offset + verb.idx
            host = next((e for e in events + new if e.trigger_span[0] == start), None)
            if host is not None and mod.speakers and not any(a.actor_id for a in host.actors):
                # a typed speech act whose subject the roles left unnamed ("Iran's foreign minister
                # warned"): its speakers, resolved as a statement's are, are its actors
                said = self._statement(verb, mod, sent, ms, ctx)
                if said is not None and any(a.actor_id for a in said.actors):
                    host.actors = said.actors
            if host is None:
                host = self._statement(verb, mod, sent, ms, ctx)
                if host is None:
                    continue
                new.append(host)
            for ev in contents:
                if ev is host:
                    continue
                ev.statement_id = host.event_id
                if back is not None and ev.attribution is None:
                    ev.attribution = self._attribution(mod.speakers, ms)
                    if ev.modality == "asserted":
                        ev.modality = "claimed"
                        ev.evidence["modality"] = f"cue '{verb.lemma_.lower()}' (the next sentence says who said it)"
        return new

    def _statement(self, verb: Token, mod: Modality, sent: Span, ms: Mentions, ctx: DocContext) -> Event | None:
        """A STATEMENT event for a speech verb, its speakers as actors."""
        entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", cls="statement", plover=STATEMENT)
        args = verb_args(verb, entry, self.lex) if verb.pos_ == "VERB" else Args()
        args.actors = list(mod.speakers) or args.actors
        args.patients = []
        frame = Frame(verb, entry, verb, args, ["statement"], None, False, [verb], [])
        return self._event(frame, sent, ms, ctx)

    def _back_reference(self, sent: Span, ctx: DocContext) -> tuple[Token, Token] | None:
        """"Which is what X said", "That is what X told reporters": a speech verb whose content
        is the sentence before; its speaker is its subject, else the first name before it."""
        first = sent[0]
        if not ctx.previous or first.lower_ not in self.lex.words["back_reference"]:
            return None
        verbs = [t for t in sent if t.pos_ == "VERB" and self.lex.is_("speech_verbs", t.lemma_.lower())
                 and not any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children)]
        if not verbs:
            return None
        verb = verbs[0]
        speaker = modality_speaker(verb)
        if speaker is None:
            named = [t for t in sent if t.i < verb.i and t.ent_type_ in ("PERSON", "ORG", "NORP") and t.dep_ != "compound"]
            speaker = named[0] if named else None
        return (verb, speaker) if speaker is not None else None

    def _model_frame(self, sent: Span) -> list[Frame]:
        """A sentence the rules found no event in, when the user's model is sure it reports one:
        its main verb stands as the trigger, with the class the model's label implies."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return []
        etype, sub, margin = self.model.decide(sent.text, sent.doc.text)
        cls = acled.class_of(etype, sub)
        if margin < classify.MIN_MARGIN or cls is None:
            return []
        plover, mode = acled.table()["class_plover"][cls]
        entry = Trigger(root.lemma_.lower(), "VERB", cls, plover, mode)
        args = verb_args(root, entry, self.lex)
        return [Frame(root, entry, root, args, [cls], None, False, [root], [], by_model=True)]

    def _retold(self, f: Frame) -> bool:
        """A toll or a detail of an event already told: its violence is "the attack", "this blast",
        "the ensuing clash" ("Eight people were killed and 10 injured in the attack")."""
        back = BACK_WORDS
        retold = acled.table()["cues"]["retold_nouns"]
        if f.cls not in VIOLENT:
            return False
        # "Security forces repelled the assault, killing six": the defenders of an attack already told
        objects = [o for t in f.members if t.pos_ == "VERB" for o in t.children if o.dep_ in ("dobj", "nsubjpass")]
        if f.cls == "fight" and any(o.lemma_.lower() in retold and any(c.lower_ in back for c in o.children)
                                    for o in objects):
            return True
        if self._in_series(f):
            return True
        if any(t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.head.lemma_.lower() in ("responsibility", "credit")
               and any(c.lower_ in back for c in t.children) for t in f.members):
            return True  # "X claimed responsibility for the attack": the claim's own event is the one told
        if not all(self._refers_back(a) for a in f.args.actors):
            return False
        nouns = [t for t in f.members if t.pos_ != "VERB"]
        # "were killed and 10 injured in the attack": the phrase may hang on the last verb of the pair
        nouns += [o for t in f.members if t.pos_ == "VERB" for v in (t, *t.conjuncts) for p, o in preps(v)
                  if p in ("in", "during", "across")]
        return any(n.lemma_.lower() in retold and any(c.lower_ in back for c in n.children) for n in nouns)

    def _refers_back(self, actor: Token) -> bool:
        """An actor that is the event already told or its doers: "they", "the blast killed three",
        "wounded by the explosion", "the assailants then killed two guards"."""
        if actor.lower_ in BACK_WORDS or actor.lower_ in ("it", "they", "he", "she"):
            return True
        lemma = actor.lemma_.lower()
        return (lemma in acled.table()["cues"]["retold_nouns"] or lemma in self.lex.cues["perpetrator_nouns"]["words"]) \
            and any(c.dep_ == "det" and c.lower_ in BACK_WORDS for c in actor.children)

    def _no_doer(self, f: Frame, ev: Event, sent: Span, ms: Mentions) -> bool:
        """The sentence names no doer of its own: no actor written in it (ACLED's unidentified armed
        group is added without one), or only words for the event or doers already told."""
        start, end = ms.offset + sent.start_char, ms.offset + sent.end_char
        written = [a for a in ev.actors if a.span and start <= a.span[0] < end]
        return not written or all(self._refers_back(a) or a.like_num for a in f.args.actors)

    @staticmethod
    def _in_series(f: Frame) -> bool:
        """"This was one of five attacks in Baghdad", "the blast was the second of two": the
        sentence places the event already told in a series; it tells no event of its own."""
        for t in f.members:
            for a in t.ancestors:
                if a.lower_ not in SERIES_WORDS or a.dep_ != "attr" or a.head.lemma_ != "be" \
                        or not any(c.dep_ == "prep" and c.lower_ == "of" for c in a.children):
                    continue
                subj = [c for c in a.head.children if c.dep_ == "nsubj"]
                if subj and (subj[0].lower_ in ("this", "it", "that") or any(
                        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj[0].children)):
                    return True
        return False

    def _sentence_date(self, sent: Span, ms: Mentions, ctx: DocContext) -> DateValue | None:
        for m in ms.of_kind("date", sent):
            v = ctx.resolve_date(m.text, ctx.published)
            if v is not None and v.precision:
                return v
        return None

    def _mentions_of(self, tok: Token, ms: Mentions, depth: int = 0) -> list[Mention]:
        """The actor or place mentions a role-filler token stands for."""
        m = ms.at(tok)
        if depth == 0 and tok.lemma_.lower() in AGENT_NOUNS and (m is None or m.actor is not None and not m.actor.actor_id):
            # "the government of X", "lawmakers in X", "soldiers from X", "X's foreign minister": X's own agents
            owners = [c for p, o in preps(tok) if p in ("of", "from", "in") for c in with_conjuncts([o])]
            owners += [c for c in tok.children if c.dep_ in ("poss", "compound")]  # "the Kuwait government"
            named = [x for c in owners for x in self._mentions_of(c, ms, depth + 1)
                     if x.actor is not None and x.actor.actor_id]
            if named:
                return named
        if m is not None:
            if m.actor is not None and m.actor.actor_id:
                return [m]  # "Erdogan, never a man to ...": the named actor, not the apposition
            appos = [a for c in tok.children if c.dep_ == "appos" for a in with_conjuncts([c])]
            refined = [x for a in appos for x in self._mentions_of(a, ms, depth + 1) if x.kind == "actor"]
            return refined or [m]
        if depth > 3:
            return []
        lemma = tok.lemma_.lower()
        out: list[Mention] = []
        if tok.like_num or tok.lower_ in self.lex.vague_numbers or lemma in ("ten", "dozen", "hundred", "thousand", "score", "number", "crowd", "group", "band"):
            for p, o in preps(tok):  # "tens of thousands of people", "hundreds of protesters", "a group of police"
                if p == "of":
                    return [m for x in with_conjuncts([o]) for m in self._mentions_of(x, ms, depth + 1)]
        if self.lex.is_("territory_words", lemma) or lemma in HOLDER_NOUNS:
            for p, o in preps(tok):
                if p in ("of", "from", "in", "belonging to", "held by"):
                    out += self._mentions_of(o, ms, depth + 1)
            for c in tok.children:  # "a checkpoint belonging to the army", "positions held by IS"
                if c.dep_ == "acl" and c.lemma_.lower() in ("belong", "hold", "control", "run", "operate", "man"):
                    out += [m for p, o in preps(c) if p in ("to", "by") for m in self._mentions_of(o, ms, depth + 1)]
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "poss") and ms.at(c) is not None:
                out.append(ms.at(c))
        for c in tok.children:
            if c.dep_ == "appos":
                out += self._mentions_of(c, ms, depth + 1)
        return out

    def _refs(self, tokens: list[Token], ms: Mentions, frame: Frame, places: list[tuple[Mention, int, str]],
              role: str, exclude: set[int] = frozenset()) -> list[ActorRef]:
        refs: list[ActorRef] = []
        for tok in self._listed(tokens, ms):
            if tok.i in exclude:
                continue  # "clashes between protesters and police": the other side
            if _in_dateline(tok):
                continue  # "TUZ KHURMATU, 15 May 2019 - Gunmen stormed ...": the parser's subject is the dateline
            direct = ms.at(tok)
            generic = direct is not None and direct.actor is not None and direct.actor.actor_id is None
            if (direct is None or generic) and role == "actor":
                key = self.lex.means_of([c.lemma_.lower() for c in tok.subtree if c.i <= tok.i][-3:])
                if key:  # "hit by a car bomb": a weapon, not an actor; "Turkish jets": whose weapon
                    frame.means = frame.means or key
                    owners = self._owners(tok, ms)
                    if owners or direct is None:
                        refs += owners
                        continue
            if direct is None and role == "actor" and frame.cls == "protest" and self._is_crowd(tok, ms) \
                    and not self._mentions_of(tok, ms):
                span = (ms.offset + tok.idx, ms.offset + tok.idx + len(tok))
                refs.append(ActorRef(tok.text, None, "Civilians", 7, None, span))  # "thousands gathered"
                continue
            if direct is None and tok.dep_ in ("amod", "compound", "nmod") and tok.pos_ in ("ADJ", "NOUN", "PROPN"):
                ref = self._modifier_actor(tok, ms)
                if ref is not None:  # "Israeli airstrike", "rebel offensive"
                    refs.append(ref)
                continue
            if direct is None and tok.lower_ in PRONOUNS:
                ref = self._antecedent(tok, ms)
                if ref is not None:
                    refs.append(ref)
                continue
            found = self._mentions_of(tok, ms)
            if not found and tok.lemma_.lower() in HOLDER_NOUNS:  # "governmental positions", "army checkpoints"
                refs += [r for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                         for r in [self._modifier_actor(c, ms)] if r is not None]
            # "Iran's supreme leader", "the U.S. envoy": an agent noun acts for the state that owns it
            agent = direct is None or generic
            agent = agent and tok.lemma_.lower() in AGENT_NOUNS
            if agent and not found:  # "the Saudi minister": the state its nationality names
                info = self.kb.head_noun_info(tok.lemma_.lower())
                kind = info.state_kind if info and info.state_kind else "military" if frame.cls in VIOLENT else "government"
                refs += [r for c in tok.children if c.dep_ == "amod" and c.i < tok.i
                         for r in [self._modifier_actor(c, ms, kind)] if r is not None and r.actor_id]
            for m in found:
                if m.kind == "place":
                    places.append((m, 3, role))
                    # a place acts only as itself: "Turkey shelled Afrin", not "Egypt's desert"
                    if (m is direct or agent) and m.actor is not None and frame.cls != "territory":
                        refs.append(self._country_actor(m.actor, frame))
                elif m.actor is not None:
                    refs.append(m.actor)
                    refs += self._sibling_forces(m, ms)
            if direct is None and not found and tok.is_alpha and tok.text.isupper() and 2 <= len(tok) <= 4:
                actor = self.kb.match(tok.text)  # "the army and AA clashed": a short form as a side
                if actor is not None and actor.type in (2, 3, 4) and tok.text in actor.aliases:
                    span = (ms.offset + tok.idx, ms.offset + tok.idx + len(tok))
                    refs.append(ActorRef.of(actor, tok.text, span))
        out, seen = [], set()
        for r in refs:
            key = r.actor_id or r.name
            if key not in seen:
                seen.add(key)
                out.append(r)
        return out

    @staticmethod
    def _listed(tokens: list[Token], ms: Mentions) -> list[Token]:
        """The tokens with their conjuncts, and lists the parser read as appositions: in "Mordor,
        the Shire, Arnor and Bree" it may hang "the Shire" on "Mordor" as an apposition and the
        rest on that. Two different named actors are never each other's apposition."""
        out = with_conjuncts(tokens)
        for tok in list(out):
            m = ms.at(tok)
            if m is None or m.actor is None or not m.actor.actor_id:
                continue
            for c in tok.children:
                n = ms.at(c) if c.dep_ == "appos" else None
                if n is not None and n.actor is not None and n.actor.actor_id not in (None, m.actor.actor_id):
                    out += [x for x in with_conjuncts([c]) if x not in out]
        return out

    @staticmethod
    def _phrases(tokens: list[Token], ms: Mentions) -> list[ActorRef]:
        out = []
        for tok in tokens:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") \
                    or tok.dep_ in ("compound", "amod", "nmod", "poss"):
                continue
            left = min((c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")), default=tok.i)
            phrase = ms.doc[left:tok.i + 1]
            out.append(ActorRef(phrase.text, None, None, None, None,
                                (ms.offset + phrase.start_char, ms.offset + phrase.end_char)))
        return out

    def _object_actors(self, f: Frame, ms: Mentions, actors: list[ActorRef]) -> list[ActorRef]:
        """The other side of a verbal event whose object is not an actor: the actors named inside
        the object ("restore ties with X", "condemned an attack by X", "welcomed talks between X
        and Y"), or inside a noun trigger's own phrases ("a meeting with X"). Who is told to act comes
        first ("demanded that the US cancel ...")."""
        kids = list(f.trigger.children)
        first = [s for c in kids if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")] \
            if f.cls == "request" else []
        heads = list(f.args.patients) or [c for c in kids if c.dep_ in ("dobj", "obj")] \
            or [o for c in kids if c.dep_ == "xcomp" for o in c.children if o.dep_ in ("dobj", "obj")] \
            or ([f.trigger] if f.trigger.pos_ != "VERB" else [])  # "threatened to shell X": X
        return self._named_in(first, f, ms, actors) or self._named_in(heads, f, ms, actors)

    def _named_in(self, heads: list[Token], f: Frame, ms: Mentions, actors: list[ActorRef]) -> list[ActorRef]:
        """The actors named in the phrases of `heads`, other than `actors`."""
        mine = {a.actor_id or a.name for a in actors}
        out, seen = [], set()
        for head in heads:
            for tok in head.subtree:
                m = ms.at(tok)
                if m is None and tok.dep_ in ("amod", "compound") and tok.pos_ in ("ADJ", "PROPN"):
                    ref = self._modifier_actor(tok, ms, "military" if f.cls in VIOLENT else "government")  # "the Saudi decision"
                    if ref is not None and (ref.actor_id or ref.name) not in mine:
                        out.append(ref)
                    continue
                if m is None or tok.i != m.start or m.actor is None or id(m) in seen:
                    continue
                seen.add(id(m))
                if m.kind == "place" and (tok.i == 0 or ms.doc[tok.i - 1].lower_ in ("in", "at", "near", "outside")):
                    continue  # where it happened, not who it concerned
                ref = self._country_actor(m.actor, f) if m.kind == "place" else m.actor
                if (ref.actor_id or ref.name) not in mine:
                    out.append(ref)
        return out

    def _claims(self, sent: Span, ms: Mentions, events: list[Event]) -> None:
        """"X claimed responsibility for the attack", "sources attributed the bombing to X",
        "officials suspected X": X did the violence this paragraph has reported so far, where the
        report itself named no one (or only "gunmen"). A claim for a named attack ("claimed the
        bombing") is that event's own actor already."""
        named: list[ActorRef] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
                continue
            objs = children_of(tok, "dobj", "obj")
            if lemma in CLAIM_VERBS and any(o.lemma_.lower() in ("responsibility", "credit") for o in objs):
                whom = children_of(tok, "nsubj")
            elif lemma == "claim" and children_of(tok, "auxpass"):  # "the attacks were claimed by X"
                whom = [o for p, o in preps(tok) if p == "by"]
            elif lemma in ("attribute", "blame", "suspect", "accuse", "speculate", "believe"):
                whom = [o for p, o in preps(tok) if p in ("to", "on")] if lemma in ("attribute",) else objs
                whom += [x for c in children_of(tok, "ccomp") for x in children_of(c, "nsubj", "nsubjpass")]
            else:
                continue
            for w in with_conjuncts(whom):
                if any(c.lower_ in ("no", "none") for c in w.children) or w.lower_ in ("none", "nobody"):
                    continue  # "no group claimed responsibility"
                for m in self._mentions_of(w, ms) + [m for p, o in preps(w) if p == "of"
                                                     for m in self._mentions_of(o, ms)]:
                    if m.kind == "actor" and m.actor is not None and m.actor.actor_id:
                        named.append(m.actor)
        if not named:
            return
        for ev in events:
            if ev.acled_event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians") \
                    and all(a.actor_id is None or a.type == 3 and a.canonical and "Unidentified" in a.canonical
                            for a in ev.actors):
                ev.actors = [named[0]] + [a for a in named[1:] if a.actor_id != named[0].actor_id]

    def _owners(self, weapon: Token, ms: Mentions) -> list[ActorRef]:
        """Whose weapon: "Turkish jets", "government artillery", "jets of the US-led coalition"."""
        out = []
        for c in weapon.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < weapon.i:
                m = ms.at(c)
                ref = m.actor if m is not None and m.kind == "actor" else self._modifier_actor(c, ms)
                if ref is not None:
                    out.append(ref)
        for p, o in preps(weapon):
            if p in ("of", "from", "belonging to"):
                out += [m.actor for m in self._mentions_of(o, ms) if m.kind == "actor" and m.actor is not None]
        for c in weapon.children:  # "an IED planted by an armed group", "shells fired by the army"
            if c.dep_ == "acl" and c.tag_ == "VBN":
                out += [m.actor for p, o in preps(c) if p == "by" for m in self._mentions_of(o, ms)
                        if m.kind == "actor" and m.actor is not None]
        return out

    def _modifier_actor(self, tok: Token, ms: Mentions, kind: str = "military") -> ActorRef | None:
        """The actor a modifier names: a nationality is that state's `kind` of force ("Israeli
        airstrike": its military, "the Saudi minister": its government), a head noun its type."""
        span = (ms.offset + tok.idx, ms.offset + tok.idx + len(tok))
        country = self.kb.country_of_adjective(tok.text)
        if country:
            force = self.kb.state_force(country, kind)
            if force is not None:
                return ActorRef.of(force, tok.text, span)
        typed = self.kb.head_noun_info(tok.lemma_.lower())
        if typed is not None:
            return ActorRef(tok.text, None, typed.name, typed.type, None, span)
        if tok.text.isupper() and tok.is_alpha and tok.dep_ == "compound":  # "an IS attack": a match-only short form
            actor = self.kb.match(tok.text)
            if actor is not None and actor.type in (2, 3, 4) and tok.text in actor.aliases:
                return ActorRef.of(actor, tok.text, span)
        return None

    def _antecedent(self, pron: Token, ms: Mentions) -> ActorRef | None:
        """What "it", "they" or "he" stands for: the speaker when the pronoun is the subject of
        reported speech ("the army declared that it had secured ..."), else the nearest actor
        before it in this sentence or the previous one, subjects first."""
        person = pron.lower_ in ("he", "she", "him", "her", "his")
        verb = pron.head
        for _ in range(4):
            if verb.dep_ in ("ccomp", "xcomp") and self.lex.is_("speech_verbs", verb.head.lemma_.lower()):
                for c in verb.head.children:
                    if c.dep_ == "nsubj" and ms.at(c) is not None and ms.at(c).actor is not None:
                        return ms.at(c).actor
            if verb.head.i == verb.i:
                break
            verb = verb.head
        sent = pron.sent
        start = sent.start
        if start > 0:
            start = ms.doc[start - 1].sent.start
        best = None
        own_subjects = {c.i for a in pron.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}
        for m in ms.items:
            if m.kind != "actor" or m.actor is None or not (start <= m.start < pron.i):
                continue
            if ms.doc[m.start:m.end].root.i in own_subjects and pron.dep_ not in ("nsubj", "nsubjpass"):
                continue  # "police fired tear gas to disperse them": not the police
            is_person = m.label == "PERSON" or (m.actor.actor_id and getattr(self.kb.get(m.actor.actor_id), "kind", "") == "person")
            if is_person != person:
                continue
            subj = ms.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
            key = (subj, m.start)
            if best is None or key > best[0]:
                best = (key, m)
        return best[1].actor if best else None

    def _habitual(self, f: Frame, sent: Span) -> bool:
        """A pattern, not an event: "cells still carry out bombings", "have shelled the capital for
        years", "has attacked the square before", "stepped up ambushes and bombings"."""
        words = self.lex.words["habitual_words"]
        if f.cls in VERBAL:  # "Ankara still refuses to lift the ban": a stance held now, not a pattern
            words = words - {"still"}
        for tok in (f.trigger, f.anchor):
            for c in tok.children:
                if c.dep_ in ("advmod", "npadvmod") and c.lower_ in words:
                    return True
                if c.dep_ == "npadvmod" and any(t.lower_ == "every" for t in c.subtree):
                    return True  # "every morning", "every week"
                if c.dep_ == "prep" and c.lower_ in ("for", "over", "in") and f.cls not in DURATIVE:
                    phrase = " ".join(t.lower_ for t in c.subtree)
                    # "for the past few years" (its object the time noun), not "for not paying wages for months"
                    nouns = {o.lower_ for o in c.children if o.dep_ == "pobj"}
                    if phrase in words or any(w.split()[-1] in nouns and phrase.startswith(w.split()[0]) for w in words if " " in w and w.split()[0] in ("for", "over", "in")):
                        return True
        for tok in (f.trigger, f.anchor):
            kids = {c.dep_: c for c in tok.children}
            if "mark" in kids and kids["mark"].lower_ in ("after", "since") and "npadvmod" in kids \
                    and kids["npadvmod"].lemma_.lower() in ("year", "month", "decade", "century"):
                return True  # "five years after crowds burned its embassy": background, not news
        first = f.trigger
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "ambushes and bombings": the first conjunct hangs on the verb
        head = f.anchor if f.anchor.i != f.trigger.i else first.head
        if f.trigger.tag_ == "NNS" and head.pos_ == "VERB" and self.lex.is_("trend_verbs", head.lemma_.lower()):
            return True
        return False

    def _is_person(self, tok: Token, ms: Mentions) -> bool:
        """Victims are people: an actor mention, a number ("12 were killed") or a person noun."""
        m = ms.at(tok)
        if m is not None:
            return m.kind == "actor"
        if tok.like_num or tok.lower_ in self.lex.vague_numbers or tok.lemma_.lower() in ("people", "person"):
            return True
        if tok.pos_ == "NOUN" and (any(c.dep_ == "nummod" for c in tok.children) or tok.dep_ in ("nsubjpass", "dobj")):
            return True  # "executed three lawyers", "killed a police captain", "the owner ... was killed": who a killing is done to is people
        return self.kb.head_noun_info(tok.lemma_.lower()) is not None

    def _sibling_forces(self, m: Mention, ms: Mentions) -> list[ActorRef]:
        """"Military forces of India and Pakistan": the same force of each country joined to the one
        the name ends with."""
        actor = self.kb.get(m.actor.actor_id) if m.actor.actor_id else None
        if actor is None or not actor.generated or not actor.country:
            return []
        kind = actor.id.rsplit("-", 1)[0]
        out = []
        for conj in ms.doc[m.end - 1].conjuncts:
            other = ms.at(conj)
            country = other.actor.country if other is not None and other.kind == "place" and other.actor else None
            force = self.kb.state_force(country, kind) if country and country != actor.country else None
            if force is not None and conj.i >= m.end:
                span = (other.char_start, other.char_end)
                out.append(ActorRef.of(force, other.text, span))
        return out

    def _country_actor(self, ref: ActorRef, frame: Frame) -> ActorRef:
        """A country acting in a violent event is its military ("Turkey shelled Afrin")."""
        if frame.cls in VIOLENT and ref.country and ref.type == 1:
            force = self.kb.state_force(ref.country, "military")
            if force is not None:
                return ActorRef.of(force, ref.name, ref.span)
        return ref

    def _event(self, f: Frame, sent: Span, ms: Mentions, ctx: DocContext,
               reported: dict[int, Modality] | None = None) -> Event | None:
        lex = self.lex
        places: list[tuple[Mention, int, str]] = []  # (mention, strength, why)
        if self._habitual(f, sent):
            return None
        if f.cls == "statement":  # the speakers, resolved as attributions are ("Iran's foreign minister")
            actors = self._speaker_refs(f.args.actors, ms, f, places)
        else:
            actors = self._refs(f.args.actors, ms, f, places, "actor", exclude={t.i for t in f.args.patients})
        recipients = self._refs(f.args.patients, ms, f, places, "recipient")
        given = [c for c in f.trigger.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")] \
            if f.cls in VERBAL | {"retreat"} else []
        given = self._refs(given, ms, f, places, "recipient") if given else []
        recipients = given or recipients  # "gave Jordan aid for the camps": Jordan
        punitive = self._punitive_call(f) if f.entry.plover == "REQUEST" else None
        if punitive is not None and not recipients:  # "called for sanctions against X": X
            against = [o for t in (punitive, *f.members) for p, o in preps(t) if p in ("against", "on", "of")]
            recipients = self._refs(against, ms, f, places, "recipient")
        if not recipients and f.cls in VERBAL | {"retreat", "mobilize", "coerce", "other"}:
            recipients = self._object_actors(f, ms, actors)
        targets = []
        for tok, prep in f.args.places:
            for m in self._mentions_of(tok, ms):
                if m.kind == "place":
                    places.append((m, 2 if prep in lex.words["location_preps"] or prep in ("object", "subject") else 1, prep))
                elif m.actor is not None and prep in TARGET_PREPS:
                    targets.append(m.actor)  # "went off next to an Israeli army patrol", "among mourners"
        if f.cls in VIOLENT and not recipients:
            recipients = targets
        if f.cls in ("fight", "raid", "riot") and len(recipients) > 1 and f.victims:
            # the dead are not the other side when the fight names one ("clashes with police")
            dead = {ms.offset + v.idx for v in f.victims}
            others = [r for r in recipients if not (r.span and any(r.span[0] <= d < r.span[1] for d in dead))]
            recipients = others or recipients
        if f.cls in ("fight", "raid") and not actors and f.victims:
            # "11 soldiers were killed in clashes with IS": the dead are one side, the other the other
            actors = self._refs(f.victims, ms, f, [], "actor")
        actor_keys = {a.actor_id for a in actors} - {None}  # unnamed people on both sides are two groups
        recipients = [r for r in recipients if r.actor_id is None or r.actor_id not in actor_keys]
        recipients.sort(key=lambda r: r.actor_id is None)  # named actors before generic ones
        cls = f.cls
        if cls == "death":
            return None  # "a man died" is an event only as part of violence it was merged into
        if cls in VIOLENT:
            # only the words of this event's own phrases: another event's weapon is not this one's
            ids = {t.i for trig in f.members for t in trig.subtree} | {f.anchor.i}
            if f.trigger.dep_ in ("advcl", "xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in f.trigger.children):
                ids |= {t.i for t in f.trigger.head.subtree}  # "drove a car bomb into a column, killing 25"
            top = f.trigger
            while top.dep_ == "nmod":  # "explosions/shots/bursts involving small arms": one count of all
                top = top.head
            ids |= {t.i for t in top.subtree}
            if f.trigger.dep_ in ("acl", "relcl"):  # "shells fired by LNA forces": the noun is the weapon
                ids |= {f.trigger.head.i} | {c.i for c in f.trigger.head.children if c.dep_ in ("compound", "amod")}
            ids = sorted(ids)
            own = [sent.doc[i].lemma_.lower() for i in ids]
            if f.means is None:  # a means the trigger gave ("shelled") stays; the others still count as cues
                f.means = lex.means_of(own) or (f.entry.means and self._means_key(f.entry.means))
            all_means = frozenset(lex.means_in(own) | ({f.means} if f.means else set()))
        else:
            all_means = frozenset({f.means} if f.means else ())
        if cls in ("protest", "riot") and not actors and (f.trigger.pos_ == "VERB" or f.anchor.i != f.trigger.i):
            # "a protest was held", "members of a musicians' union demonstrated": a crowd ACLED names by its role
            crowd = ("Protesters", 6) if cls == "protest" else ("Rioters", 5)
            actors = [ActorRef(crowd[0].lower(), None, crowd[0], crowd[1], None, None)]
        if cls in VERBAL | {"retreat", "mobilize", "coerce", "other"} and not (actors or recipients) \
                and (f.trigger.pos_ == "VERB" or f.anchor.i != f.trigger.i) and not _infinitive_modifier(f.trigger):
            # "the UK prime minister cancelled a visit": a verbal event's sides as written when the
            # knowledge base does not know them (they carry no id and no type)
            actors = self._phrases(f.args.actors, ms)
            recipients = self._phrases(f.args.patients, ms)
        if cls in VERBAL and f.trigger.pos_ != "VERB" and not actors:
            return None  # "a visit to X", "talks with X" with no one named as visiting or talking
        if cls in ANY_ACTOR_NEEDED and not (actors or recipients):
            return None
        located = self._location(f, sent, ms, ctx, places, actors, recipients)
        location, location_why = located if located else (None, None)
        if not (actors or recipients or location or f.means or f.fatal):
            return None
        actors = self.sides.generic(actors, location, cls, ctx=ctx)
        recipients = self.sides.generic(recipients, location, cls, role="recipient", ctx=ctx)
        date, date_why = self._date(f, sent, ms, ctx)
        future = bool(ctx.published and date and date.start and date.start > ctx.published)
        mod = modality_of(f.trigger, f.anchor, lex, future_date=future, genre=ctx.genre, walk=cls != "statement")
        fatalities = None
        if cls in VIOLENT:
            victims = [v for v in f.victims if self._is_person(v, ms)]
            fatalities = fatalities_of(victims, sent, lex, f.fatal)
        sentence_lemmas = {t.lemma_.lower() for t in sent}
        cues = acled.cues_of(sent, f.trigger, all_means, f.args.actors, f.args.patients, lex, self.kb)
        etype, subtype = acled.classify(cls, f.means, [a.type for a in actors], [r.type for r in recipients],
                                        lex, sentence_lemmas, noun=f.trigger.pos_ != "VERB", cues=cues)
        if self.model is not None and (etype is not None or f.by_model):  # the user's model types what the rules found
            rules = (etype, subtype)
            etype, subtype, margin = self.model.decide(sent.text, sent.doc.text, None if f.by_model else rules)
            why_type = f"model {self.model.meta.get('trained_on', 'given')} (margin {margin:.1f}; rules said {rules[1]})"
        else:
            why_type = f"class {cls}" + (f", means {f.means}" if f.means else "") \
                + f", actor types {[a.type for a in actors]}, recipient types {[r.type for r in recipients]}"
        if subtype in ("Protest with intervention", "Excessive force against protesters", "Violent demonstration") \
                and not any(self.sides.is_force(r) for r in actors + recipients):
            recipients = recipients + self.sides.intervening(ms, None, location, ctx)  # "Police dispersed the crowd" next
        if etype == "Battles" and not actors and not recipients:
            # "Military Police officers raided X. A shoot-out broke out": who the paragraph names fighting
            actors = self.sides.intervening(ms, None, location, ctx, armed=True)
        actors, recipients, assoc = self.sides.acled(etype, subtype, actors, recipients, location, ctx, sent.text,
                                                      mutual=cls == "fight")
        if self.sides.organised_crime(ms):  # "found dead, hands tied", "a drive-by shooting": a gang's doing
            actors, recipients = ([self.sides.as_gang(r) for r in side] for side in (actors, recipients))
        plover, mode = self._plover_of(f, ms, punitive)
        if f.entry.plover == "ASSAULT" and f.means and not mode:
            mode = lex.means[f.means]["plover_mode"]
        if etype in ("Riots", "Protests"):
            plover, mode = "PROTEST", ("riot" if etype == "Riots" else "demo")
        elif mod.value in ("planned", "predicted") and mod.cue in PROMISE_CUES and (
                plover in ("SANCTION", "COERCE") or mode == "boycott" or plover in PROMISABLE and any(
                    c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in f.trigger.children)):
            plover, mode = "THREATEN", None  # "will impose restrictions", "will withdraw unless ..." (CAMEO 13)
        elif plover in PROMISABLE and mod.value in ("planned", "predicted") and mod.cue in PROMISE_CUES:
            plover, mode = "AGREE", None  # "will release", "is willing to withdraw": a promise (CAMEO 03)
        elif plover in REFUSABLE and mod.value == "negated":
            plover, mode = "REJECT", None  # "will not lift the ban", "failed to reach agreement" (CAMEO 12)
        attribution = None
        if mod.source is not None:
            attribution = self._attribution(mod.speakers, ms)
        start = ms.offset + sent.start_char
        end = ms.offset + sent.end_char
        quote = ctx.text[start:end].strip()
        end = start + len(quote)
        evidence = {
            "plover_type": f"trigger '{f.trigger.text}' ({f.entry.pos.lower()} '{f.entry.lemma}', class {cls})",
            "acled_event_type": why_type,
            "modality": f"cue '{mod.cue}'" if mod.cue else "no modal, negation, hedge or speech cue",
            "date": date_why,
        }
        if location is not None:
            evidence["location"] = location_why
        if len(f.members) > 1:
            evidence["merged"] = ", ".join(t.text for t in f.members)
        confidence = 0.35 + 0.15 * any(a.actor_id for a in actors) + 0.1 * bool(recipients) \
            + 0.15 * bool(location and location.geo_precision and location.geo_precision < 3) \
            + 0.1 * bool(date and date.text) + 0.1 * (f.trigger.pos_ == "VERB")
        if cls == "statement":
            evidence["plover_type"] = f"speech verb '{f.trigger.text}': a statement (no PLOVER type fits)"
        event = Event(
            doc_id=ctx.doc_id, quote=quote, span=(start, end), trigger=f.trigger.text,
            trigger_span=(ms.offset + f.trigger.idx, ms.offset + f.trigger.idx + len(f.trigger.text)),
            plover_type=plover, plover_mode=mode, acled_event_type=etype, acled_sub_event_type=subtype,
            actors=actors, recipients=recipients, assoc_actors=assoc, location=location, date=date, fatalities=fatalities,
            modality=mod.value, attribution=attribution, confidence=min(confidence, 0.95), evidence=evidence,
        )
        if reported is not None and mod.speech is not None:
            reported[id(event)] = mod
        return event

    def _punitive_call(self, f: Frame) -> Token | None:
        """The punitive measure a request calls for ("called for sanctions against X", "urged a
        boycott of X"): such a call rallies opposition to X rather than asking X for anything."""
        for tok in f.members:
            if tok.pos_ != "VERB":
                continue
            for o in children_of(tok, "dobj", "obj") + [o for p, o in preps(tok) if p == "for"]:
                if self.lex.is_("punitive_nouns", o.lemma_.lower()):
                    return o
        return None

    def _plover_of(self, f: Frame, ms: Mentions, punitive: Token | None) -> tuple[str, str | None]:
        """The PLOVER type and mode the trigger gives, unless its arguments say otherwise: a call for
        sanctions against X accuses X (CAMEO 113); opposing a person or state rather than a proposal
        is disapproval (ACCUSE); agreeing to a deal concludes it (SUPPORT, as signing one: CAMEO 057);
        troops sent as peacekeepers are aid (CAMEO 074)."""
        plover, mode = f.entry.plover, f.entry.mode
        if punitive is not None:
            return "ACCUSE", "disapprove"
        if plover == "REJECT" and self.lex.is_("disapproval_verbs", f.entry.lemma):
            verb = f.trigger
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            opposed = children_of(verb, "nsubjpass") if passive and children_of(verb, "agent") \
                else [] if passive else children_of(verb, "dobj", "obj")  # "is opposed to X" says nothing of who
            if opposed and all(ms.at(t) is not None and ms.at(t).actor is not None for t in opposed):
                return "ACCUSE", "disapprove"
        if plover == "AGREE" and f.trigger.pos_ == "VERB" and any(
                p in ("to", "on") and self.lex.is_("agreement_nouns", o.lemma_.lower()) for p, o in preps(f.trigger)):
            return "SUPPORT", None  # "agreed to a trade deal": an agreement concluded, as signing one (CAMEO 057)
        if plover == "MOBILIZE":
            words = [t for trig in f.members for t in trig.subtree] + f.args.actors + f.args.patients
            if any(self.lex.is_("peacekeeping_words", t.lemma_.lower()) for t in words):
                return "AID", "peacekeeping"
        return plover, mode

    def _attribution(self, speakers: list[Token], ms: Mentions) -> Attribution:
        """Who says so: each speaker phrase, resolved to the actor or outlet it names if any."""
        sources = [self._source(s, ms) for s in speakers]
        first = sources[0]
        return Attribution(first.source, first.text, first.actor_id,
                           [{"source": s.source, "text": s.text, "actor_id": s.actor_id} for s in sources])

    def _speaker_refs(self, speakers: list[Token], ms: Mentions, f: Frame, places: list) -> list[ActorRef]:
        refs = self._refs(speakers, ms, f, places, "actor")
        if refs or not speakers:
            return refs
        out = []
        for s in self._attribution(speakers, ms).sources:
            actor = self.kb.get(s["actor_id"]) if s["actor_id"] else None
            out.append(ActorRef(s["text"], s["actor_id"], s["source"], actor.type if actor else None,
                                actor.country if actor else None))
        return out

    def _source(self, src: Token, ms: Mentions) -> Attribution:
        """One speaker phrase, resolved to the actor or outlet it names if any."""
        if src.lower_ in PRONOUNS:
            ref = self._antecedent(src, ms)
            if ref is not None:
                return Attribution(ref.canonical or ref.name, src.text, ref.actor_id)
        phrase = ms.doc[src.left_edge.i:src.right_edge.i + 1]
        named = [m for m in ms.items if m.kind in ("actor", "place") and m.actor is not None
                 and phrase.start <= m.start < phrase.end]
        named.sort(key=lambda m: (m.actor.actor_id is None, m.start))
        text = phrase.text if len(phrase) <= 12 else src.text
        if named:
            ref = named[0].actor
            return Attribution(ref.canonical or ref.name, text, ref.actor_id)
        actor = self.kb.match(phrase.text)
        return Attribution(actor.name if actor else text, text, actor.id if actor else None)

    def _location(self, f: Frame, sent: Span, ms: Mentions, ctx: DocContext, places, actors, recipients):
        """The event's place: a place argument first, then a place in the trigger's phrase, then any
        place in the sentence, nearest the trigger; failing all, the country of a state actor."""
        trig_ids = {t.i for t in f.members}
        subtree_ids = {t.i for trig in f.members for t in trig.subtree}
        seen = {id(m) for m, _, _ in places}
        for m in ms.of_kind("place", sent) if f.cls not in VERBAL else ():
            if id(m) in seen:
                continue
            strength = 1.5 if m.start in subtree_ids else 1
            places.append((m, strength, "in the sentence"))
        cands = []
        for m, strength, why in places:
            resolved = ctx.places[m.toponym] if m.toponym is not None else None
            if resolved is None:
                continue
            dist = min(abs(m.start - i) for i in trig_ids)
            if why == "actor" and location.scene_of_event_noun(m, ms.doc, resolved.place.feature, trig_ids):
                why = "names the event"
            strength -= location.modifier_weight(m, ms.doc, resolved.place.feature, trig_ids)
            cands.append(location.Candidate(m, resolved, strength, why, dist))
        main = ctx.countries[0] if ctx.countries else None
        known = [r.place for r in ctx.places if r is not None]
        chosen = location.pick(cands, ms.doc, main, known)
        if chosen is not None:
            c, near = chosen
            return self._as_location(c.mention, c.resolved, ms, c.why, near), f"toponym '{c.mention.text}' ({c.why})"
        capital = self._capital(f, ctx)
        if capital is not None:
            return capital
        # "Gunmen stormed a checkpoint in Tal Afar. Two soldiers were killed.": the places of the
        # paragraph's last sentence before this one that names a town or province (not a country:
        # a state actor's says as much), the finest of them, the first among equals
        earlier = [m for m in (ms.items if f.cls not in VERBAL else ()) if m.kind == "place" and m.end <= sent.start
                   and m.toponym is not None and ctx.places[m.toponym] is not None
                   and ctx.places[m.toponym].place.feature not in ("country", "continent")]
        if earlier:
            last = ms.doc[earlier[-1].start].sent
            chosen = location.pick([location.Candidate(
                m, ctx.places[m.toponym], 1 - location.modifier_weight(m, ms.doc, ctx.places[m.toponym].place.feature),
                "carried", m.start - last.start) for m in earlier if last.start <= m.start < last.end], ms.doc, main, known)
            if chosen is not None:
                c, near = chosen
                return self._as_location(c.mention, c.resolved, ms, "carried", near), \
                    f"toponym '{c.mention.text}' carried from an earlier sentence of the paragraph"
        for r in recipients + actors:
            if r.type == 1 and r.country:
                place = self.gazetteer.country(r.country)
                if place is not None:
                    return _location_of(place, 3), f"no place named; country of {r.name}"
        return None

    def _capital(self, f: Frame, ctx: DocContext):
        """"In the capital, several hundred people rallied": the capital of the country the
        document is about."""
        if not ctx.countries:
            return None
        for tok in f.trigger.sent:
            if tok.lemma_.lower() == "capital" and any(c.lower_ == "the" for c in tok.children) \
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.dep_ == "pobj":
                country = countries.get(ctx.countries[0])
                if country is None or not country.capital:
                    return None
                for place in self.gazetteer.candidates(country.capital, limit=10):
                    if place.country3 == country.iso3 and place.feature not in ("country", "admin1", "admin2"):
                        return _location_of(place, 1), f"'the capital' of {country.name}, the document's country"
        return None

    def _as_location(self, m: Mention, resolved, ms: Mentions, why: str, near: bool = False) -> Location:
        place = resolved.place
        precision = PRECISION_BY_FEATURE.get(place.feature, 1)
        doc = ms.doc
        before = [t.lower_ for t in doc[max(m.start - 4, 0):m.start] if t.lower_ not in ("the", "a")]
        # "near X", "villages around X", "east of X" are near; "in and around X" is in X
        near = near or bool(before) and (self.lex.is_("near_preps", before[-1]) or before[-1] == "of" and len(before) > 1
                                 and self.lex.is_("near_preps", before[-2])) and before[-3:-1] != ["in", "and"]
        if precision == 1 and (near or m.hint in ("countryside", "outskirts", "border", "region", "district", "area")):
            precision = 2
        return _location_of(place, precision, (m.char_start, m.char_end))

    def _date(self, f: Frame, sent: Span, ms: Mentions, ctx: DocContext):
        tense = tense_of(f.anchor, self.lex)
        # "since 2012", "until 2014" bound a period; they do not date the event
        dates = [m for m in ms.of_kind("date", sent) if m.start == 0 or ms.doc[m.start - 1].lower_ not in ("since", "until", "till")]
        if dates:
            anchors = {f.anchor.i, *(t.i for t in f.members)}

            def relation(m: Mention) -> int:
                """0: the date hangs on this event; 1: on a verb that governs it ("said on Friday
                that ..."); 2: elsewhere in the sentence (another clause's date: not used)."""
                tok = ms.doc[m.start:m.end].root
                ancestors = {a.i for a in f.trigger.ancestors} | {a.i for a in f.anchor.ancestors}
                for _ in range(8):
                    tok = tok.head
                    if tok.i in anchors:
                        return 0
                    if tok.pos_ in ("VERB", "AUX"):
                        return 1 if tok.i in ancestors else 2
                return 2

            trig = f.trigger.i
            ranked = sorted(((relation(m), abs(m.start - trig), m) for m in dates), key=lambda x: x[:2])
            for rel, _, m in ranked:
                if rel == 2 and len(dates) > 1:
                    continue
                v = ctx.resolve_date(m.text, ctx.published, tense=tense)
                if v is not None:
                    return v, f"date words '{m.text}'" + (" resolved against publication" if ctx.published else "")
        if ctx.last_date is not None:
            return ctx.last_date, "carried from an earlier sentence of the paragraph"
        if ctx.published:
            return DateValue(ctx.published - timedelta(days=6), ctx.published, "week", None), \
                "no date in the text: the week before publication"
        return DateValue(None, None, None, None), "no date in the text and no publication date"


def _told(recent: list[Event], etype: str | None = None) -> Event | None:
    """The violent event a later sentence of the paragraph retells: the first event of the latest
    sentence that told one, of ACLED type `etype` when that sentence has one."""
    violent = [e for e in recent if e.acled_event_type in RETOLD_TYPES]
    if not violent:
        return None
    last = [e for e in violent if e.span == violent[-1].span]
    return next((e for e in last if e.acled_event_type == etype), last[0])


def _fold_into(first: Event, again: Event | None, toll, lex: Lexicon) -> None:
    """What a retelling adds to the event it retells: the toll (`fatalities.replaces` decides)
    and the victims it names."""
    if replaces(first.fatalities, toll, lex):
        first.fatalities = toll
    if again is not None and not first.recipients:
        first.recipients = again.recipients


def _date_phrase(prep: Token) -> bool:
    """"on Saturday", "in May": a preposition whose objects are all dates or times."""
    objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def _object_fits(obj: Token, allowed: str) -> bool:
    """An object constraint of the lexicon: "*" any object, else one of the "|"-separated lemmas
    or "@LABEL", a named entity of that label ("called @PERSON": a phone call to a named person)."""
    if allowed == "*":
        return True
    options = allowed.split("|")
    return obj.lemma_.lower() in options or (obj.ent_type_ and f"@{obj.ent_type_}" in options)


def _infinitive_modifier(verb: Token) -> bool:
    """"a pleasant place to visit", "the drive to meet demand": an infinitive that only describes
    a noun that is no one who acts ("the first minister to visit" has one), with no subject of its own.
    The parser may hang it on the copula ("Kabul is not an easy city to visit"; "is to visit" alone plans)."""
    noun = verb.head
    if verb.dep_ == "xcomp" and noun.lemma_ == "be":
        noun = next((c for c in noun.children if c.dep_ == "attr"), None)
    elif verb.dep_ not in ("acl", "relcl"):
        return False
    return noun is not None and noun.lemma_.lower() not in AGENT_NOUNS \
        and any(c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _shot_dead(tok: Token) -> bool:
    """'dead' heading its clause right after a 'shot' the parser took for a noun: the shooting itself."""
    return tok.lower_ == "dead" and tok.pos_ == "ADJ" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "shot" \
        and tok.doc[tok.i - 1].pos_ != "VERB" and any(c.dep_ in ("nsubj", "dobj") for c in tok.children)


def _in_dateline(tok: Token) -> bool:
    """A word of a wire dateline: the capitalised place a sentence opens with, before its comma or dash."""
    if not tok.is_upper:
        return False
    head = []
    for t in tok.sent:
        if t.text in (",", "-", "\u2013", "\u2014"):
            break
        head.append(t)
    return bool(head) and tok in head and all(t.is_upper and t.is_alpha for t in head) and len(head) < len(tok.sent) - 1


def _location_of(place, precision: int, span: tuple[int, int] | None = None) -> Location:
    """An event's Location from a gazetteer Place."""
    return Location(name=place.name, place_id=place.place_id, lat=place.lat, lon=place.lon, country=place.country3,
                    admin1=place.admin1, admin2=place.admin2, geo_precision=precision, span=span,
                    geonames_id=place.geonames_id)
