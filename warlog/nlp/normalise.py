"""Same-length text fixes made before spaCy sees a text, so every offset stays valid."""

# Curly apostrophes and quotes confuse the small model's tokenizer and NER ("Da’esh" is split
# differently from "Da'esh"); each replacement is one character for one, so offsets survive.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})


def straighten(text: str) -> str:
    return text.translate(_STRAIGHTEN)
