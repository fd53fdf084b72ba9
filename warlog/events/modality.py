"""Did it happen? Modality and attribution of an event, from the words that govern its trigger.

The trigger's own auxiliaries and negation count first, then each governing word up to the
sentence root: "plans to", "is expected to", "if", "imagine", "denied", "said". When several
apply, the strongest doubt wins (negated > denied > hypothetical > predicted > planned > claimed >
asserted); attribution is kept whatever the modality: in "X said Y attacked Z" the attack is
claimed by X, in "X said Y will attack Z" it is predicted, and X is still the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Lexicon

RANK = ("negated", "denied", "hypothetical", "predicted", "planned", "claimed", "asserted")
# "could" and "would" after a past speech verb still point forward; "can" in "can't afford" too.
PAST_HABITUAL = {"used"}


@dataclass
class Modality:
    value: str = "asserted"
    tense: str | None = None  # past | present | future
    source: Token | None = None  # head of the attribution phrase, if any
    cue: str | None = None  # the word that decided it
    speech: Token | None = None  # the verb of the speech act that reports the event ("said", "vowed")
    others: list[Token] = field(default_factory=list)  # more sources saying the same ("A reports, and B confirms, that")

    @property
    def speakers(self) -> list[Token]:
        """Every source, in the order the text names them."""
        return sorted(([self.source] if self.source is not None else []) + self.others, key=lambda t: t.i)

    def consider(self, value: str, cue: str) -> None:
        if RANK.index(value) < RANK.index(self.value):
            self.value, self.cue = value, cue


def tense_of(tok: Token, lex: Lexicon) -> str | None:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "wo", "shall"}:
        return "future"
    if tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am"}:
        return "present"
    return None


def _speaker(verb: Token) -> Token | None:
    """Who says so: the subject of an active speech verb, the agent of a passive one
    ("is believed by analysts"); nobody for a bare passive ("he is believed to ...")."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "nsubj" and not passive:
            return c
        if c.dep_ == "agent":
            for gc in c.children:
                if gc.dep_ == "pobj":
                    return gc
    if verb.dep_ == "xcomp" and not passive and verb.head.i != verb.i:
        return _speaker(verb.head)  # "Reuters appears to be confirming": the subject of the verb above
    return None


speaker_of = _speaker


def _that_clause(child: Token, rel: str) -> bool:
    """A 'that' clause the parser took for an adverbial one ("confirming, that officials travelled")."""
    return rel == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)


def _noun_passive(verb: Token) -> bool:
    """"no casualties were reported": a passive speech verb with a noun subject reports that
    noun, not the clause the parser hung on it."""
    return any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in verb.children)


def _plan_noun(node: Token, lex: Lexicon) -> bool:
    """'a plan to expel', 'their goal has been to destroy', 'their purpose is to fight', 'the
    stated aims have included capturing'."""
    if lex.is_("plan_nouns", node.lemma_.lower()):
        return True
    return lex.is_("plan_copulas", node.lemma_.lower()) and any(
        c.dep_ == "nsubj" and lex.is_("plan_nouns", c.lemma_.lower()) for c in node.children)


def _imperative(sent: Span) -> bool:
    """'Shower the group with arms ...': a bare verb with no subject heading the sentence."""
    root = sent.root
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children) \
        and root.i - sent.start <= 2


def _nobody(arg: Token, lex: Lexicon) -> bool:
    """An argument that says nobody: "no one", "none of the hostages", "not a single rocket"."""
    if arg.lower_ in lex.words["negative_pronouns"]:
        return True
    return any(c.dep_ in ("det", "neg", "preconj") and c.lower_ in ("no", "not", "neither") for c in arg.children)


def _inverted(verb: Token) -> bool:
    """"Should the militia attack", "Had the missile struck", "Were the separatists to seize": a
    conditional clause with its auxiliary before its subject, and no 'if'."""
    if verb.dep_ not in ("advcl", "ccomp"):  # the parser hangs "Had a shell hit ..." either way
        return False
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    auxes = [verb] if verb.pos_ == "AUX" else [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("should", "had", "were") and a.i < min(subjects) and a.i == verb.sent.start for a in auxes)


def _under_plan(verb: Token, lex: Lexicon) -> bool:
    return verb.dep_ in ("xcomp", "ccomp") and lex.is_("plan_verbs", verb.head.lemma_.lower())


def _according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for gc in c.children:
                        if gc.dep_ == "pobj":
                            return gc
    return None


def modality_of(trigger: Token, anchor: Token, lex: Lexicon, future_date: bool = False,
                genre: str | None = None, walk: bool = True) -> Modality:
    """trigger: the event's head word; anchor: the verb whose clause the event sits in (the
    trigger itself for verbs, the light verb for "launched an offensive"); genre: the document's
    (genre.py), since an opinion piece's unattributed look ahead is a prediction; walk: False for
    a speech act, which the text reports as made whatever governs it (only its own words count)."""
    m = Modality(tense=tense_of(anchor, lex))
    sent = trigger.sent
    for tok in {trigger, anchor}:
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
                m.consider("negated", low)
            elif c.dep_ in ("aux", "auxpass") and low in lex.words["future_aux"]:
                m.consider("predicted", low)
            elif c.dep_ in ("advmod", "amod") and low in lex.words["hedge_words"]:
                m.consider("claimed", low)
            elif c.dep_ == "advmod" and low in lex.words["near_miss_words"] and c.i < tok.i:
                m.consider("negated", low)  # "nearly captured the town"
            elif c.dep_ == "mark" and low in lex.words["hypothesis_marks"]:
                if low == "whether" and _under_plan(tok, lex):
                    m.consider("planned", "whether to")  # "is considering whether to strike"
                else:
                    m.consider("hypothetical", low)
            elif c.dep_ in ("nsubj", "nsubjpass", "dobj") and _nobody(c, lex):
                m.consider("negated", c.lower_)  # "no civilians were killed", "killed no one"
        if _inverted(tok):
            m.consider("hypothetical", "inverted conditional")
    # walk up the governing chain
    child, node = anchor, anchor.head
    steps = 0 if walk else 8
    while node.i != child.i and steps < 8:
        steps += 1
        lemma = node.lemma_.lower()
        rel = child.dep_
        if rel in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "relcl", "conj", "attr", "acomp", "oprd"):
            if rel == "relcl":
                break  # a relative clause describes its noun: its own modality stands
            if rel == "conj":
                # coordinated verbs share the governor of the first one
                child, node = node, node.head
                continue
            if rel == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.words["hypothesis_marks"] for c in child.children):
                m.consider("hypothetical", "if")
            if _plan_noun(node, lex) and (rel in ("acl", "xcomp", "relcl", "ccomp", "attr")
                                          or rel == "dobj" and node.pos_ == "VERB"):
                m.consider("planned", lemma)
            if rel == "prep" and child.lower_ == "to" and lex.is_("near_miss_words", lemma) and node.head.lemma_ == "come":
                m.consider("negated", f"came {node.lower_} to")  # "came close to striking": it did not happen
            if _inverted(node) or rel in ("advcl", "ccomp") and _inverted(child):
                m.consider("hypothetical", "inverted conditional")  # "Were the separatists to seize"
            if rel == "xcomp" and lex.is_("negation_words", lemma):
                m.consider("negated", lemma)  # "failed to capture"
            if lex.is_("denial_verbs", lemma) and rel in ("ccomp", "dobj", "xcomp", "pcomp", "pobj", "prep"):
                m.consider("denied", lemma)
                m.source = m.source or _speaker(node)
                m.speech = m.speech or node
                break  # the nearest frame of speech decides; what governs it speaks of the speech
            elif (rel == "ccomp" or _that_clause(child, rel)) and lex.is_("raising_verbs", lemma) and any(
                    c.dep_ == "xcomp" and lex.is_("speech_verbs", c.lemma_.lower()) for c in node.children):
                # "Reuters appears to be confirming, that ...": the clause is what is confirmed
                said = next(c for c in node.children if c.dep_ == "xcomp" and lex.is_("speech_verbs", c.lemma_.lower()))
                m.consider("claimed", said.lemma_.lower())
                m.source, m.speech = m.source or _speaker(node), m.speech or said
                m.others += _co_speakers(node, lex)
                break
            elif rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and any(
                    c.dep_ == "acomp" and lex.is_("prediction_words", c.lemma_.lower()) for c in node.children):
                m.consider("predicted", node.lemma_.lower())  # "when Aleppo looked set to fall"
            elif lex.is_("hypothesis_verbs", lemma) and rel in ("ccomp", "xcomp", "dobj"):
                m.consider("hypothetical", lemma)
            elif (lex.is_("prediction_words", lemma) or lex.is_("prediction_words", node.lower_)) and rel in ("xcomp", "ccomp"):
                m.consider("predicted", lemma)
                if lex.is_("speech_verbs", lemma) and node.pos_ == "VERB" and _speaker(node) is not None:
                    m.source, m.speech = m.source or _speaker(node), m.speech or node  # "the analyst predicted that"
                    break
            elif lex.is_("plan_verbs", lemma) and rel in ("xcomp", "ccomp", "dobj", "pcomp", "pobj", "acl"):
                m.consider("planned", lemma)
                if lex.is_("said_plans", lemma) and node.pos_ == "VERB" and _speaker(node) is not None:
                    # "vowed to invade": the vow is a statement of its own, and its speaker the source
                    m.source, m.speech = m.source or _speaker(node), m.speech or node
            elif rel == "xcomp" and node.pos_ == "ADJ" and lex.is_("plan_adjectives", lemma):
                m.consider("planned", lemma)  # "ready to", "prepared to", "determined to"
            elif rel == "xcomp" and node.pos_ == "ADJ" and lex.is_("prediction_words", lemma):
                m.consider("predicted", lemma)
            elif rel == "xcomp" and node.pos_ == "ADJ":
                m.consider("hypothetical", f"{node.lower_} to")  # "harder to bomb", "easy to capture"
            elif lex.is_("speech_verbs", lemma) and (rel in ("ccomp", "dobj", "xcomp", "pcomp", "conj") or _that_clause(child, rel)
                                                     or rel == "prep" and child.lower_ == "of") \
                    and (rel == "xcomp" or not _noun_passive(node)):
                m.consider("claimed", lemma)
                if m.source is None:
                    m.source = _speaker(node)
                    m.others += _co_speakers(node, lex)
                m.speech = m.speech or node
                for c in node.children:
                    if c.dep_ == "aux" and c.lower_ in lex.words["future_aux"]:
                        m.consider("predicted", c.lower_)
                if node.dep_ in ("ccomp", "dobj") and node.head.i < node.i and lex.is_("denial_verbs", node.head.lemma_.lower()):
                    # "rejected government claims that it shelled": the claim is denied, by the denier
                    m.consider("denied", node.head.lemma_.lower())
                    m.source = _speaker(node.head) or m.source
                break
            for c in node.children:
                low = c.lower_
                if c.dep_ == "neg" and node.pos_ in ("VERB", "AUX") and not lex.is_("speech_verbs", lemma):
                    m.consider("negated", low)
                elif c.dep_ in ("aux", "auxpass") and low in lex.words["future_aux"] and lemma not in PAST_HABITUAL:
                    m.consider("predicted", low)
                elif c.dep_ == "mark" and low in lex.words["hypothesis_marks"]:
                    m.consider("hypothetical", low)
                elif c.dep_ == "advmod" and low in lex.words["hedge_words"]:
                    m.consider("claimed", low)
        elif rel in ("csubj", "nsubj", "nsubjpass"):
            # the event is the subject of a modal predicate: "the PMU regaining Mosul could be disastrous"
            if any(c.dep_ == "aux" and c.lower_ in lex.words["future_aux"] for c in node.children):
                m.consider("predicted", "subject of a modal")
        if node.dep_ == "ROOT":
            break
        child, node = node, node.head
    if not walk:
        return m
    if m.source is None and m.value != "denied":
        _trailing_speech(anchor, lex, m) or _trailing_attribution(anchor, lex, m)
    if lemma_is_going_to(anchor):
        m.consider("predicted", "going to")
    if sent.text.rstrip().endswith("?"):  # a question quoted inside a sentence ends '?"' and is not ours
        m.consider("hypothetical", "?")
    if _imperative(sent):
        m.consider("hypothetical", "imperative")
    source = _according_to(sent)
    if source is not None:
        m.consider("claimed", "according to")
        m.source = m.source or source
    if future_date and m.value in ("asserted", "claimed"):
        m.consider("predicted", "date after publication")
    if genre == "opinion" and m.value == "asserted" and m.source is None and m.tense != "past":
        cue = _forward(anchor, lex)
        if cue:
            m.consider("predicted", f"opinion piece, {cue}")
    if m.tense is None and m.value == "predicted":
        m.tense = "future"
    return m


def _trailing_speech(anchor: Token, lex: Lexicon, m: Modality) -> bool:
    """"Fourteen civilians were killed ..., the Observatory said": the parser hangs the speech
    verb under the event's clause, not above it. A speech verb with a subject that follows the
    event in the root clause attributes it."""
    root = anchor
    for _ in range(6):
        if root.dep_ == "ROOT" or root.head.i == root.i:
            break
        if root.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "relcl", "acl"):
            return
        root = root.head
    for c in root.children:
        if c.i > anchor.i and c.dep_ in ("ccomp", "parataxis", "advcl", "conj") and lex.is_("speech_verbs", c.lemma_.lower()) \
                and not _noun_passive(c) and not any(gc.dep_ in ("mark", "advmod") and gc.lower_ == "as" for gc in c.children):
            speaker = _speaker(c)
            if speaker is not None and not any(gc.dep_ in ("ccomp", "dobj") for gc in c.children):
                m.consider("claimed", c.lemma_.lower())
                m.source, m.speech = speaker, c
                return True
    return False


def _trailing_attribution(anchor: Token, lex: Lexicon, m: Modality) -> bool:
    """The same read off the words when the parse is too tangled: a sentence that ends
    ", the Syrian Observatory for Human Rights said on Saturday." attributes what precedes."""
    sent = anchor.sent
    for verb in reversed(list(sent)):
        if verb.i <= anchor.i:
            return False
        if not lex.is_("speech_verbs", verb.lemma_.lower()) or verb.pos_ != "VERB":
            continue
        if any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
            return False  # "... and the Saudis say they intercepted it": its own content follows
        if any(c.dep_ == "mark" for c in verb.children):
            return False  # "as they say every time": an aside
        tail = sent.doc[verb.i + 1:sent.end]
        if any(t.pos_ in ("VERB", "AUX") for t in tail):
            return False
        comma = next((t for t in reversed(list(sent.doc[sent.start:verb.i])) if t.text == ","), None)
        if comma is None or comma.i <= anchor.i:
            return False
        phrase = sent.doc[comma.i + 1:verb.i]
        if not 0 < len(phrase) <= 12 or any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return False
        m.consider("claimed", verb.lemma_.lower())
        m.source, m.speech = phrase.root, verb
        return True
    return False


def _co_speakers(verb: Token, lex: Lexicon) -> list[Token]:
    """Sources coordinated before the speech verb that carries the content: in "Lebanese media is
    reporting, and Reuters appears to be confirming, that X", the parser gives the clause to
    "appears"; "reporting", just before it with only commas and "and" between, says X too."""
    out: list[Token] = []
    doc, start = verb.doc, verb.sent.start
    j = verb.left_edge.i - 1
    while j >= start:
        while j >= start and doc[j].dep_ in ("punct", "cc"):
            j -= 1
        if j < start or j == verb.left_edge.i - 1:
            break
        other = doc[j]
        if not (lex.is_("speech_verbs", other.lemma_.lower()) and other.pos_ == "VERB") \
                or any(c.dep_ in ("ccomp", "dobj") and c.i > other.i for c in other.children):
            break
        speaker = _speaker(other)
        if speaker is None:
            break
        out.append(speaker)
        j = other.left_edge.i - 1
    return out


def _forward(anchor: Token, lex: Lexicon) -> str | None:
    """The writer looks ahead: a forward adverb ("next", "sooner or later", "in the coming
    weeks") on the event's clause or a clause governing it, or a present-tense temporal clause
    ("once they take the city", "when the army moves in"), which in English speaks of the future."""
    forward = lex.words["forward_words"]
    node = anchor
    for _ in range(4):
        if node.tag_ in ("VBD", "VBN") and node.i != anchor.i:
            return None  # a past clause governs it: background, not a forecast
        for c in node.children:
            if c.dep_ in ("advmod", "npadvmod", "prep", "advcl") and c.i != anchor.i:
                words = " " + " ".join(t.lower_ for t in c.subtree) + " "
                hit = next((w for w in forward if f" {w} " in words), None)
                if hit and (c.dep_ != "advcl" or c.lower_ in forward):
                    return f"'{hit}'"
            if c.dep_ in ("mark", "advmod") and c.lower_ in lex.words["temporal_marks"] and node.tag_ in ("VBZ", "VBP", "VB") \
                    and node.dep_ == "advcl":
                return f"'{c.lower_}' with the present"
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
    return None


def lemma_is_going_to(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"
