"""The sides of an event as ACLED names them: unnamed actors take their country and ACLED's
generic names ("Police Forces of Turkey", "Civilians (Syria)", "Protesters (Iraq)"), and each
event type gets the sides ACLED's coding rules give it (a protest's intervening force, a
battle's two sides, the civilians of violence against civilians, a gang in organised crime).

DOCS: DESIGN.md, "Actors" and "ACLED type". Used by `EventFinder._event`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .. import countries
from ..mentions import Mentions
from ..record import ActorRef, Location
from .lexicon import Lexicon

if TYPE_CHECKING:
    from . import DocContext

# Event classes of physical violence: a country or a government acting in one acts through its forces.
VIOLENT = {"attack", "fight", "raid", "territory", "abduct", "sexual", "death"}


class Sides:
    def __init__(self, kb, lex: Lexicon):
        self.kb = kb
        self.lex = lex
        self._crime_words: re.Pattern | None = None
        self._crime_seen: tuple[Mentions | None, bool] = (None, False)

    def intervening(self, ms: Mentions, sent: Span | None, location: Location | None, ctx: DocContext,
                     armed: bool = False) -> list[ActorRef]:
        """The force that intervened in a protest: the first the sentence (else the paragraph) names;
        `armed`: the first named armed actor, state or not (who fought)."""
        found = [m.actor for m in ms.of_kind("actor", sent) if m.actor is not None and (
            self.is_force(m.actor) or armed and m.actor.actor_id and m.actor.type in (2, 3, 4))]
        return self.generic(found[:1], location, "fight" if armed else "protest", role="recipient", ctx=ctx)

    def organised_crime(self, ms: Mentions) -> bool:
        """The paragraph bears the marks of organised crime (cues.json "organised_crime_words")."""
        if self._crime_words is None:
            words = sorted(self.lex.words["organised_crime_words"], key=len, reverse=True)
            self._crime_words = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE)
        if self._crime_seen[0] is not ms:  # once per paragraph
            self._crime_seen = (ms, bool(self._crime_words.search(ms.doc.text)))
        return self._crime_seen[1]

    @staticmethod
    def as_gang(ref: ActorRef) -> ActorRef:
        """An unidentified armed group in organised-crime violence is ACLED's Unidentified Gang."""
        if ref.actor_id is None and (ref.canonical or "").startswith("Unidentified Armed Group"):
            return replace(ref, canonical=ref.canonical.replace("Unidentified Armed Group", "Unidentified Gang", 1))
        return ref

    def is_force(self, ref: ActorRef) -> bool:
        """A state's armed or police force (not its government), named or typed by a head noun."""
        if ref.actor_id:
            actor = self.kb.get(ref.actor_id)
            return actor is not None and actor.kind == "state_force"
        return ref.type == 1 and (ref.canonical or "").startswith(("Police Forces", "Military Forces"))

    def generic(self, refs: list[ActorRef], location: Location | None, cls: str,
                 role: str = "actor", ctx: DocContext | None = None) -> list[ActorRef]:
        """Unnamed actors get the event's country (else the document's) and ACLED's naming:
        "police" in Diyarbakir are Police Forces of Turkey, "civilians" in Douma are Civilians
        (Syria); in a protest the people taking part (not those they attack) are Protesters, in
        a riot, an attack or a fight civilians who act are Rioters (ACLED's mob violence). A
        transnational group acting in a country where it has a branch is that branch: the Islamic
        State in Egypt is its Sinai Province."""
        here = self.actor_country(location, ctx)
        out = []
        for r in refs:
            if r.actor_id is not None:
                sure = ctx is None or not ctx.countries or ctx.countries[0] == here  # a doubtful place names no branch
                branch = self.kb.branch_in(r.actor_id, here, ctx.published if ctx else None) if sure else None
                if branch is not None:
                    r = replace(r, actor_id=branch.id, canonical=branch.name, country=branch.country,
                                type=self.kb.acled_type(branch.id) or r.type)
                force = self.kb.armed_force(r.actor_id) if cls in VIOLENT else None
                if force is not None:  # "the GNA shelled ...": the government's forces did
                    r = replace(r, actor_id=force.id, canonical=force.name, country=force.country, type=force.type)
                out.append(r)
                continue
            if r.type is None:
                known = self.kb.match(r.name, ctx.published if ctx else None, country=here, fuzzy=False) \
                    if here else None
                if known is not None:  # an alias shared by several actors, settled by the event's country
                    r = replace(r, actor_id=known.id, canonical=known.name, type=self.kb.acled_type(known.id),
                                country=known.country)
                out.append(r)
                continue
            r = replace(r)
            generic = (r.canonical or "").split(" (")[0]
            if cls in ("protest", "riot", "attack", "fight") and r.type == 7 and role == "actor":
                # civilians who march are protesters; who riot or attack, rioters (ACLED's mob violence)
                r.type, generic = (6, "Protesters") if cls == "protest" else (5, "Rioters")
            if r.country is None:
                r.country = here
            if r.type == 1 and r.country:
                info = self.kb.head_noun_info(r.name.split()[-1].lower())
                kind = info.state_kind if info and info.state_kind else "military"
                if generic == "Police Forces":
                    kind = "police"  # "police forces", typed by their modifier
                if kind == "government" and cls in VIOLENT:
                    kind = "military"  # "government artillery pounded ..."
                force = self.kb.state_force(r.country, kind)
                if force is not None:
                    r.actor_id, generic = force.id, force.name
            known = countries.get(r.country) if r.country else None
            name = known.name if known else None
            r.canonical = f"{generic} ({name})" if name and r.actor_id is None else generic
            out.append(r)
        return out

    @staticmethod
    def actor_country(location: Location | None, ctx: DocContext | None) -> str | None:
        """The country unnamed actors are named after: the event's, else the document's main one."""
        here = location.country if location is not None else None
        if here is None and ctx is not None and ctx.countries:
            here = ctx.countries[0]
        return here

    def acled(self, etype: str | None, subtype: str | None, actors: list[ActorRef],
                     recipients: list[ActorRef], location: Location | None, ctx: DocContext,
                     text: str = "", mutual: bool = False):
        """(actors, recipients, associated actors) under ACLED's coding conventions.

        - Demonstrations: the first actor of a protest is always "Protesters (Country)" and of a
          riot "Rioters (Country)", whoever marched (students, a party, a union: associated
          actors); the other side is the force that intervened, or for a riot also the people
          the crowd attacked. A peaceful protest has no other side: what it was against is not
          an actor.
        - Looting, property destruction and arrests with no one named on the receiving end are
          done to "Civilians (Country)".
        - A battle has two sides: with no one named on the receiving end, the actors named
          together are the sides ("the NPA and the army exchanged fire").
        - A state's forces acting outside their country are external forces (type 8).
        - Violence against civilians is done to civilians: "Civilians (Country)" when the text
          names the victims only as a place or not at all ("attacked a village").
        - Violence against civilians and remote violence with no one named as the doer: an
          "Unidentified Armed Group (Country)", as ACLED codes unclaimed attacks.
        - Mob violence with no one named on the receiving end: a `mutual` fight ("two groups
          clashed") is between rioters on both sides, else the mob attacked civilians.
        - Fire of unknown origin on a front line (a place in `text`, the sentence) came from the
          side across the line from the place it hit; a clash there is between both."""
        country = self.actor_country(location, ctx)
        known = countries.get(country) if country else None
        if location is not None and location.country:
            abroad = [r for r in actors + recipients if r.type == 1 and r.country and r.country != location.country]
            actors, recipients = ([replace(r, type=8) if r in abroad else r for r in side] for side in (actors, recipients))

        def unnamed(kind: int, name: str, text: str) -> ActorRef:
            return ActorRef(text, None, f"{name} ({known.name})" if known else name, kind, country, None)

        if etype in ("Battles", "Explosions/Remote violence") and not any(r.actor_id for r in actors + recipients):
            sides = self.kb.front_side(country, text, ctx.published) if text else None
            if sides is not None:  # "explosions were heard near Horlivka": fired from across the line
                holder, other = (self.kb.get(aid) for aid in sides)
                actors = [ActorRef.of(other)]
                recipients = [ActorRef.of(holder)] if etype == "Battles" else []
            elif etype == "Battles" and not actors and not recipients and self.kb.front_sides(country, ctx.published):
                # fire in both directions somewhere on the front: its two sides (which fired first is unknown)
                first, second = (self.kb.get(aid) for aid in self.kb.front_sides(country, ctx.published))
                actors = [ActorRef.of(first)]
                recipients = [ActorRef.of(second)]
        if etype == "Violence against civilians":
            # the victims of violence against civilians are civilians, whatever the words for them
            civilians = [r for r in recipients if r.type == 7] or [unnamed(7, "Civilians", "civilians")]
            recipients = civilians + [r for r in recipients if r.type != 7]
        if subtype in ("Looting/property destruction", "Arrests") and not recipients and actors:
            recipients = [unnamed(7, "Civilians", "civilians")]  # whose property, who was arrested
        if etype == "Battles" and len(actors) > 1 and not any(r.actor_id or r.type for r in recipients):
            actors, recipients = actors[:1], actors[1:]  # "the NPA and the army exchanged fire": two sides
        if etype == "Battles" and not actors and not recipients:  # "a shoot-out took place in X": two unknown sides
            actors = [unnamed(3, "Unidentified Armed Group", "unidentified armed group")]
            recipients = list(actors)
        elif etype == "Battles" and not recipients and mutual and actors[0].actor_id is None:
            recipients = [replace(actors[0])]  # "tribesmen clashed": tribesmen on both sides
        elif etype == "Battles" and not recipients:  # a battle has another side: across the front, else unknown
            sides = self.kb.front_sides(country, ctx.published) or ()
            other = [self.kb.get(aid) for aid in sides if aid != actors[0].actor_id] if actors[0].actor_id in sides else []
            recipients = [ActorRef.of(other[0])] if other else [unnamed(3, "Unidentified Armed Group", "unidentified armed group")]
        if etype in ("Violence against civilians", "Explosions/Remote violence") and not actors and recipients:
            actors = [unnamed(3, "Unidentified Armed Group", "unidentified armed group")]
            recipients = [r for r in recipients if r.canonical != actors[0].canonical]
        if etype not in ("Protests", "Riots"):
            return actors, recipients, []
        kind, name = (6, "Protesters") if etype == "Protests" else (5, "Rioters")
        forces = [r for r in actors + recipients if r.type in (1, 8)]
        marchers = [r for r in actors if r.type not in (1, 8)]
        if etype == "Protests":  # forces that acted (detained, dispersed) intervened, whatever the sub-type
            others = forces if subtype != "Peaceful protest" else [r for r in actors if r.type in (1, 8)]
            police = self.kb.state_force(country, "police") if country else None
            if not others and subtype == "Protest with intervention" and police is not None:
                # no one named as intervening: the police, as nearly always
                others = [ActorRef.of(police, "police")]
        else:
            others = forces + [r for r in recipients if r.type not in (1, 5, 6, 8)]
            if not others and subtype == "Mob violence":  # a mob attacks people; two crowds that clash are both rioters
                others = [unnamed(5, "Rioters", "rioters") if mutual else unnamed(7, "Civilians", "civilians")]
        seen, out = set(), []
        for r in others:
            key = r.actor_id or r.canonical or r.name
            if key not in seen:
                seen.add(key)
                out.append(r)
        assoc = [r for r in marchers if r.actor_id or r.type not in (5, 6, 7)]
        return [unnamed(kind, name, name.lower())], out, assoc
