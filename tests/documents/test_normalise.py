import random

import pytest

from warlog.documents import normalise_text


def test_line_breaks_spaces_and_invisible_characters():
    raw = (
        "\ufeffShelling\u00a0in\u2009Idlib\r\n"
        "Two\u200b civilians were hurt in Ma\u00adarrat al-Numan.   \r"
        "Rescuers\u2003arrived\x07 late.\t\n"
    )
    assert normalise_text(raw) == (
        "Shelling in Idlib\nTwo civilians were hurt in Maarrat al-Numan.\nRescuers arrived late."
    )


def test_paragraphs_are_separated_by_exactly_one_blank_line():
    raw = "\n\n  \nHeadline\n\n\n\nFirst paragraph.\n \n\t\nSecond paragraph.\n\n\n"
    assert normalise_text(raw) == "Headline\n\nFirst paragraph.\n\nSecond paragraph."


def test_nfc_and_unicode_separators():
    # "e" + combining acute becomes one character; LS and PS become line and paragraph breaks
    assert normalise_text("Aleppo caf\u0065\u0301\u2028second line\u2029next paragraph") == (
        "Aleppo caf\u00e9\nsecond line\n\nnext paragraph"
    )


def test_quotes_and_dashes_are_kept():
    text = "“We hold the bridge,” the commander said – Da’esh fled—at dawn."
    assert normalise_text(text) == text


def test_removing_a_format_mark_between_letter_and_accent_still_gives_nfc():
    once = normalise_text("cafe\u200b\u0301")
    assert once == "caf\u00e9"
    assert normalise_text(once) == once


_TRICKY = [
    "a\r\n\r\n\r\nb",
    "\u00a0\u00a0x\u00a0\u00a0\n\u00a0\ny",
    "e\u0301\u200d\u0301 z\x00\x1f",
    "\u2029\u2029 \u2028text\u0085more\x0b\x0c",
    "line   \n\n\n\n   indented\t\ttabs",
    "\ud800 lone surrogate",
    "Mos\u00adul\u2060 \u3000 Raqqa\u202e",
]


@pytest.mark.parametrize("raw", _TRICKY)
def test_normalisation_is_idempotent_on_tricky_text(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_normalisation_is_idempotent_on_random_text():
    alphabet = list("ab é\u0301\n\r\t \u00a0\u2009\u200b\u00ad\x01\x85\u2028\u2029\ufeff“”–") + ["\r\n"]
    rng = random.Random(20171103)
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        once = normalise_text(raw)
        assert normalise_text(once) == once, repr(raw)
        assert "\n\n\n" not in once and once == once.strip()
