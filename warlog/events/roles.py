"""Who did it, to whom, where: an event's arguments read off the dependency parse.

Arguments are returned as head tokens; `events.frames` turns them into actors and places.
Voice and verb class decide the roles: in "ISIS lost Qaim to Iraqi forces" the subject is the
loser and the "to" object the winner; in "Hader was hit by a car bomb" the passive subject is
the target (a place) and the agent the weapon.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon, Trigger

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Prepositions whose object is the other side of a verbal or cooperative event: "sided with X",
# "gave aid to X", "called on X", "demanded from X", "sanctions against X".
TARGET_PREPS = {"agree": ("with", "to"), "support": ("with", "to", "for"), "aid": ("to", "for"), "concede": ("to",), "retreat": ("to",),
                "request": ("on", "from", "to"), "accuse": ("against",), "reject": ("with",),
                "threaten": ("against", "about"), "sanction": ("against", "on", "with"), "consult": ("to",),
                "mobilize": ("against",), "coerce": ("on", "against")}
# Verbs whose object does what their complement says: "allowed Da'esh to rout", "forced them to flee".
CONTROL_VERBS = {"allow", "force", "order", "help", "enable", "lead", "push", "urge", "ask", "tell", "let",
                 "permit", "compel", "encourage", "send", "task", "authorise", "authorize", "require"}
# Nouns that stand for an actor named in their "of"/"from" phrase: "fighters from the Badr Corps".
MEMBER_NOUNS = {"fighter", "member", "militant", "element", "unit", "force", "troop", "soldier", "militiaman",
                "gunman", "supporter", "loyalist", "ranks", "men", "jihadist", "army", "militia", "wing",
                "group", "brigade", "battalion", "commander", "leader", "official", "spokesman", "spokesperson"}

# "X repelled an attack by Y": Y attacked X.
REPEL_VERBS = {"repel", "repulse", "thwart", "foil", "fend", "counter", "foil", "abort"}
ATTEMPT_NOUNS = {"attack", "assault", "offensive", "infiltration", "incursion", "advance", "raid", "attempt", "push"}
# Where fire comes from stands for who fired: "fired from a checkpoint of the army".
FIRING_POSTS = {"position", "checkpoint", "base", "post", "outpost", "camp", "barracks", "point", "tank", "ship"}


@dataclass
class Args:
    actors: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    places: list[tuple[Token, str]] = field(default_factory=list)  # (token, preposition or role)
    means: list[Token] = field(default_factory=list)
    context: list[Token] = field(default_factory=list)  # nouns that may be merged events ("during a raid")

    def extend(self, other: "Args") -> None:
        for name in ("actors", "patients", "places", "means", "context"):
            mine = getattr(self, name)
            for x in getattr(other, name):
                if x not in mine:
                    mine.append(x)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under a token, through "according to"-style compounds too."""
    out = []
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in ("next", "close"):  # "went off next to a patrol"
            for gc in c.children:
                if gc.dep_ == "prep" and gc.lower_ == "to":
                    out += [(f"{c.lower_} to", o) for o in gc.children if o.dep_ == "pobj"]
        if c.dep_ in ("advcl", "prep", "acl") and c.lower_ in ("following", "after", "during") and c.tag_ == "VBG":
            # "killed following an attack by X": the parser reads "following" as a verb
            out += [(c.lower_, o) for o in c.children if o.dep_ in ("dobj", "obj", "pobj")]
            continue
        if c.dep_ in ("prep", "agent", "dative"):
            word = c.lower_
            if word == "to" and c.i > 0 and c.doc[c.i - 1].lower_ in ("next", "close"):
                word = f"{c.doc[c.i - 1].lower_} to"
            for gc in c.children:
                if gc.dep_ in ("pobj", "pcomp"):
                    out.append((word, gc))
                elif gc.dep_ == "prep":  # "out of", "close to"
                    for ggc in gc.children:
                        if ggc.dep_ == "pobj":
                            out.append((f"{word} {gc.lower_}", ggc))
    return out


def subject(verb: Token) -> tuple[list[Token], bool]:
    """The verb's subjects and whether the verb itself is passive. Verbs without a subject of
    their own inherit one: through conj/advcl/xcomp chains and prepositions ("In addition to
    losing X, ISIS lost Y"), from the object of a control verb ("allowed Da'esh to rout ..."),
    and from the noun a relative clause or participle modifies."""
    own = True
    node = verb
    for _ in range(6):
        active = children(node, "nsubj")
        passive = children(node, "nsubjpass")
        if active or passive:
            subj = active or passive
            if node.dep_ in ("relcl", "acl") and all(s.lower_ in RELATIVE_PRONOUNS for s in subj):
                subj = [node.head]
            return subj, own and bool(passive and not active)
        if node.dep_ in ("relcl", "acl"):
            # "forces backed by ...", "militants who ...": the modified noun
            return [node.head], own and node.tag_ == "VBN"
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "xcomp":
            objs = children(head, "dobj", "obj")
            if objs and head.lemma_.lower() in CONTROL_VERBS:
                return objs, False
        if node.dep_ == "pcomp" and head.lower_ == "from":
            objs = children(head.head, "dobj", "obj")
            if objs:  # "preventing Assad from attacking the SDF"
                return objs, False
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "pobj", "acomp"):
            # acomp: "police are ready to storm", "the jihadists are determined to attack"
            if node.dep_ != "conj":
                own = False  # a dependent clause inherits the subject, not the voice
            node = head
            continue
        break
    return [], False


# Words that may sit between a subject and its verb: "X reportedly clashed", "X have shelled".
_BETWEEN = {"ADV", "AUX", "PART"}


def repair_stranded_subject(sent) -> None:
    """Give back the subject the small parser strands on a list of places: in "On 8 May, in
    Paletwa, Chin State, the army and the AA clashed" it hangs "army" on "State" as one more
    conjunct and leaves the verb without a subject (ACLED's notes and many wire reports open so).
    When the root verb has no subject, the noun right after the last comma before it that hangs
    backwards, outside the words up to the verb, becomes its subject; its own conjuncts ("and the
    AA") and phrases ("from battalion 405") come with it."""
    verb = sent.root
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return
    doc, start = verb.doc, sent.start
    i = verb.i - 1
    while i >= start and doc[i].pos_ in _BETWEEN:
        i -= 1
    end = i
    while i >= start and doc[i].text not in (",", ";", ":") and doc[i].pos_ not in ("VERB", "SCONJ"):
        i -= 1
    if i < start or doc[i].text != "," or end <= i:
        return
    words = range(i + 1, end + 1)
    heads = [doc[j] for j in words if doc[j].head.i < i and doc[j].pos_ in ("NOUN", "PROPN")
             and doc[j].dep_ in ("conj", "appos", "npadvmod", "nmod", "compound")]
    if len(heads) == 1 and all(doc[j].head.i in words or j == heads[0].i for j in words):
        heads[0].head = verb
        heads[0].dep_ = "nsubjpass" if children(verb, "auxpass") else "nsubj"


def between(o: Token) -> list[Token]:
    """The sides of "between X and Y", also when the parse hangs Y under X's "of" phrase:
    "between members of the Hamza Division and the Sultan Murad Division"."""
    sides = with_conjuncts([o])
    if len(sides) == 1:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = with_conjuncts(children(c, "pobj"))
                if len(inner) > 1:
                    return inner
    return sides


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        for x in (t, *t.conjuncts):
            if x not in out:
                out.append(x)
    return out


def verb_args(verb: Token, trig: Trigger, lex: Lexicon) -> Args:
    a = Args()
    subj, passive = subject(verb)
    if not passive and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) \
            and not children(verb, "nsubj", "nsubjpass", "aux"):
        passive = True  # "a body was found, killed by gunmen": the participle is passive itself
    dobj = children(verb, "dobj", "obj", "attr") if trig.dobj in (None, "*") else []
    if not dobj and trig.dobj in (None, "*"):  # "shelled IS hideouts": the parser read the short form "IS" as a verb
        dobj = [c for c in children(verb, "ccomp") if c.pos_ == "AUX" and c.text.isupper() and len(c.text) > 1]
    agent = [o for p, o in preps(verb) if p == "by" and any(c.dep_ == "agent" for c in verb.children)]
    pp = preps(verb)
    misread = verb.tag_ == "VBD" and any(c.text.isupper() and len(c.text) > 1 for c in children(verb, "auxpass"))
    if misread:  # "IS militants attacked ...": the short form "IS" was read as "is"
        passive, subj = False, children(verb, "nsubjpass") or subj
    if (passive or children(verb, "auxpass")) and not misread:
        a.actors += agent
        patients = subj
    else:
        a.actors += subj
        patients = dobj
    if verb.lemma_.lower() in REPEL_VERBS and any(o.lemma_.lower() in ATTEMPT_NOUNS for o in dobj) and not passive:
        # "the PMF repelled an IS attack": the attackers are the actor (from the attack noun), the
        # defenders the other side
        a.actors, patients, dobj = [], list(subj), []
    if trig.roles == "loser_first":  # "ISIS lost Qaim to Iraqi forces"
        a.actors, patients = [o for p, o in pp if p == "to"], list(a.actors)
        a.places += [(t, "object") for t in dobj]
        dobj = []
    elif trig.roles == "place_first":  # "Mosul fell to Iraqi forces"
        a.places += [(t, "subject") for t in subj]
        a.actors = [o for p, o in pp if p == "to"]
        patients = []
    elif trig.roles == "expel_from":  # "drove Islamic State out of Kobani"
        a.places += [(o, p) for p, o in pp if p in ("out of", "from", "out")]
        for p, o in pp:
            if p == "out" and o.lower_ == "of":
                a.places += [(x, "out of") for x in children(o, "pobj")]
    elif trig.roles == "subject_victim":  # "a man died during clashes": the subject is the dead
        patients = list(a.actors)
        a.actors = []
    elif trig.roles == "intervention":  # "police fired tear gas to disperse protesters"
        crowd = [o for o in patients if o.lemma_.lower() not in ("gas", "teargas", "cannon", "bullet")]
        for c in children(verb, "xcomp", "advcl"):
            crowd += children(c, "dobj", "obj")
        a.actors, patients = crowd, list(a.actors)
    elif trig.cls == "territory":
        # the object of "capture" is the territory; the "from" object is who held it
        a.places += [(t, "object") for t in patients]
        patients = [o for p, o in pp if p == "from"]
    if patients and all(lex.means_of([t.lemma_.lower() for t in o.subtree if t.i <= o.i][-3:]) for o in patients):
        launchers = [x for o in patients for c in children(o, "acl") if c.tag_ == "VBN" and c.i != verb.i
                     for p, x in preps(c) if p == "by"] if not passive and patients is dobj else []
        if launchers:  # "intercepted a missile fired by the Houthis": the other side is who fired it
            patients = launchers
        elif any(p in ("at", "on", "against", "toward", "towards") for p, _ in pp):
            patients = []  # "fired mortars at the positions of X": the weapon is not the target
        else:  # "fired two shells at Seoul", the parse hanging the target on the weapon
            aimed = [x for o in patients for p, x in preps(o) if p in ("at", "on", "against", "toward", "towards")]
            patients = aimed or patients  # "killed a suicide bomber": the means word names a person
    a.patients += patients
    if trig.cls == "attack" and not a.actors:  # "shells were fired from army positions"
        a.actors += [o for p, o in pp if p == "from" and o.lemma_.lower() in FIRING_POSTS]
    if trig.dobj is not None:  # "threw stones at police", "fired tear gas at the crowd"
        for o in children(verb, "dobj", "obj"):  # "exchanged fire with X": X is the other side
            pp += [(p, x) for p, x in preps(o) if p in ("at", "on", "against") or p == "with" and trig.symmetric]
    pp = [(p, o) for p, o in pp if o.ent_type_ not in ("DATE", "TIME")]
    for p, o in pp:
        if p in ("with", "against") and (trig.symmetric or trig.cls in ("consult", "agree", "cooperate")) \
                or p in ("against", "on", "at") and trig.cls in ("attack", "riot") and not a.patients \
                or p in TARGET_PREPS.get(trig.cls, ()):
            a.patients.append(o)
        elif p in ("during", "in", "amid", "after", "following", "by", "with") and o.pos_ == "NOUN":
            a.context.append(o)
            a.places.append((o, p))
        else:
            a.places.append((o, p))
    if trig.symmetric and len(a.actors) == 1 and a.actors[0].conjuncts and (not a.patients or trig.cls in TARGET_PREPS
                                                                            and all(p.pos_ == "NOUN" for p in a.patients)):
        # "X and Y clashed": one side each
        first = a.actors[0]
        a.patients += list(first.conjuncts)
        a.actors = [first]
    for c in children(verb, "advcl", "xcomp"):
        if c.pos_ == "VERB":
            a.context.append(c)
    return a


def noun_args(noun: Token, trig: Trigger, lex: Lexicon) -> Args:
    a = Args()
    for c in noun.children:
        if c.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        if c.dep_ == "poss":
            a.actors.append(c)
        elif c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i:
            a.actors.append(c)  # "police raid", "coalition airstrikes", "Israeli airstrike": typed later
    for p, o in preps(noun):
        if p == "by":
            a.actors.append(o)
        elif p in ("on", "against", "targeting") and trig.cls != "protest":
            a.patients.append(o)
            a.places.append((o, p))
        elif p == "between":
            sides = between(o)
            a.actors.append(sides[0])
            a.patients += sides[1:]
        elif p == "with" and trig.cls in ("fight", "consult", "agree"):
            a.patients.append(o)
        elif p == "of" and trig.cls in ("attack", "abduct", "arrest") and trig.lemma not in ("attack", "assault"):
            a.patients.append(o)  # "the killing of five civilians"
            a.places.append((o, p))
        else:
            a.places.append((o, p))
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "a drone launched by Houthi rebels"
            a.actors += [o for p, o in preps(c) if p == "by"]
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and (
            lex.is_("light_verbs", head.lemma_.lower()) or lex.is_("event_verbs", head.lemma_.lower())):
        subj, passive = subject(head)
        if noun.dep_ == "nsubjpass":
            a.actors += [o for p, o in preps(head) if p == "by"]
        elif not passive:
            a.actors += subj
        for p, o in preps(head):
            if p not in ("by",):
                a.places.append((o, p))
    elif noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "A car bomb exploded in Baghdad": the verb's places and objects belong to the event;
        # "clashes broke out between X and Y": the sides
        for p, o in preps(head):
            if p == "between" and trig.cls in ("fight", "attack", "riot") and not a.actors:
                sides = between(o)
                a.actors.append(sides[0])
                a.patients += sides[1:]
                continue
            a.places.append((o, p))
        a.patients += children(head, "dobj")
    elif noun.dep_ == "pobj" and head.lower_ == "in" and any(
            lex.is_("partake_words", t.lemma_.lower()) for t in (head.head, *children(head.head, "dobj"))):
        # "took part in a protest", "engaged in clashes": the one who takes part is the actor
        verb = head.head if head.head.pos_ in ("VERB", "AUX") else head.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj, passive = subject(verb)
            if not passive:
                a.actors += subj
            a.places += [(o, p) for p, o in preps(verb) if p != "in"]
    elif noun.dep_ == "pobj" and head.dep_ == "agent":
        # "was hit by airstrikes": the passive verb's subject is the target
        verb = head.head
        subj, _ = subject(verb)
        a.patients += subj
        a.places += [(t, "subject") for t in subj]
        for p, o in preps(verb):
            if p != "by":
                a.places.append((o, p))
    return a
