"""warlog_matcher: marks known actors and places before NER, from the knowledge base and gazetteer.

One Aho-Corasick automaton over all surface forms (DESIGN.md: pyahocorasick scans millions of
words a second, far cheaper than spaCy's PhraseMatcher at 50k+ patterns). Matches must start
and end on token boundaries; overlaps keep the longest. Matched spans become entities with
`kb_id_` set ("actor:<id>" or "place:<id>"); NER then labels the rest of the text around them.
"""
from __future__ import annotations

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans


class DictionaryMatcher:
    def __init__(self, nlp: Language, name: str = "warlog_matcher"):
        self.name = name
        self._automaton = ahocorasick.Automaton()
        self._size = 0

    def add(self, entries) -> None:
        """entries: (surface form, label, kb_id). A later entry for the same form wins."""
        for form, label, kb_id in entries:
            if len(form) < 2:
                continue
            self._automaton.add_word(form, (len(form), label, kb_id))
            self._size += 1
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def matches(self, text: str):
        """(start, end, label, kb_id) for every boundary-respecting match, overlaps included."""
        if not self._size:
            return
        n = len(text)
        for end_idx, (length, label, kb_id) in self._automaton.iter(text):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < n and text[end].isalnum():
                continue
            yield start, end, label, kb_id

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label, kb_id in self.matches(doc.text):
            span = doc.char_span(start, end, label=label, kb_id=kb_id)
            if span is not None:
                spans.append(span)
        if spans:
            keep = filter_spans(spans)  # longest first, then earliest
            doc.set_ents(keep, default="unmodified")
        return doc

    # spaCy calls these when a pipeline is saved; the matcher is rebuilt from data instead.
    def to_disk(self, path, exclude=()):
        pass

    def from_disk(self, path, exclude=()):
        return self


@Language.factory("warlog_matcher")
def make_matcher(nlp: Language, name: str) -> DictionaryMatcher:
    return DictionaryMatcher(nlp, name)
