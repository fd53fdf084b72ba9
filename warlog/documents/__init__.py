"""Readers: files, folders, standard input and strings to normalised Documents.

Every offset in warlog refers to `Document.text`, the text `normalise_text` returns after the
markup and the boilerplate (closing appeals, share prompts, comment sections) are removed.
See readers.py for identity (`Document.source`), per-line problems and publication dates.
"""
from .boilerplate import remove_boilerplate
from .normalise import normalise_text
from .readers import SUFFIX_FORMATS, iter_paths, read_path, read_stdin, read_text

__all__ = [
    "SUFFIX_FORMATS",
    "iter_paths",
    "normalise_text",
    "read_path",
    "read_stdin",
    "read_text",
    "remove_boilerplate",
]
