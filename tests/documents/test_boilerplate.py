import json
from datetime import date

import pytest

from warlog.documents import normalise_text, read_path, remove_boilerplate
from warlog.documents.boilerplate import load_rules
from warlog.errors import DataError

ARTICLE = (
    "Militia convoy ambushed on the Baiji road\n\n"
    "Gunmen attacked a convoy of the Popular Mobilisation Forces on the road between Baiji and "
    "Haditha on Wednesday night, killing four fighters, a commander said.\n\n"
    "The attackers used a roadside bomb to stop the lead vehicle before opening fire from an "
    "orchard, he said. Reinforcements arrived about an hour later and the attackers withdrew "
    "towards the desert to the west.\n\n"
    "No group claimed the attack, but the area has seen a string of similar ambushes since the "
    "spring, most of them blamed on Islamic State cells hiding in the Makhoul mountains."
)


def test_closing_appeal_and_comment_form_are_cut():
    tail = (
        "\n\nThanks for reading! This blog is written in my spare time, so if you found it useful, "
        "please consider supporting it with a small donation.\n\n"
        "Share this:\n\nClick to share on Twitter (Opens in new window)\n\n"
        "One thought on “Militia convoy ambushed on the Baiji road”\n\n"
        "Leave a Reply\n\nYou are commenting using your Facebook account. Log Out / Change )\n\n"
        "This site uses Akismet to reduce spam."
    )
    assert remove_boilerplate(ARTICLE + tail) == ARTICLE


def test_an_article_without_boilerplate_is_unchanged():
    assert remove_boilerplate(ARTICLE) == ARTICLE


def test_a_marker_early_in_the_text_is_not_a_tail():
    text = "Related\n\n" + ARTICLE
    assert remove_boilerplate(text) == text


def test_a_marker_inside_a_paragraph_is_not_a_tail():
    text = ARTICLE + (
        "\n\nThe commander said his men would not be deterred. He added: thanks for reading the "
        "warnings is not enough, the government must act."
    )
    assert remove_boilerplate(text) == text


def test_a_long_comment_section_goes_and_then_the_appeal_above_it():
    comments = "".join(
        f"\n\nReader {n}\nI drove that road last year and it was already dangerous after dark." for n in range(12)
    )
    text = ARTICLE + "\n\nSupport us on Patreon and keep this site independent." + (
        "\n\n12 thoughts on “Militia convoy ambushed on the Baiji road”" + comments
    )
    assert remove_boilerplate(text) == ARTICLE


def test_share_buttons_and_ad_labels_are_dropped_anywhere():
    text = "Advertisement\nFirst line of the story.\nFacebook\nTwitter\nSecond line of the story.\n2 shares"
    assert remove_boilerplate(text) == "First line of the story.\nSecond line of the story."


def test_a_photo_credit_line_is_kept():
    text = ARTICLE + "\n\nPhoto: Ahmed Saleh / Northern Press Agency"
    assert remove_boilerplate(text) == text


def test_plain_text_file_tail_is_trimmed(fixtures):
    doc = read_path(fixtures / "roundup-blog.txt")[0]
    assert doc.text.endswith("The interior ministry says it has arrested two suspects. It says that a lot.")
    for gone in ("Thanks for reading", "Share this", "Like Loading", "Leave a Reply", "commenting", "Connecting"):
        assert gone not in doc.text


def test_thanks_in_the_body_is_not_trimmed(fixtures):
    doc = read_path(fixtures / "thanks-in-body.txt")[0]
    assert "Thanks to the new road, traders have also returned." in doc.text
    assert "“Thanks for reading our letters at last,”" in doc.text
    assert doc.text.endswith("compensation payments arrive.")


def test_the_shipped_rules_load_and_each_has_a_reason():
    rules = load_rules()
    assert {r.scope for r in rules} == {"tail", "line"}
    assert all(r.why for r in rules)
    assert len({r.id for r in rules}) == len(rules)


@pytest.mark.parametrize(
    "rule, detail",
    [
        ({"id": "x", "pattern": "(", "scope": "tail", "why": "w"}, "line 1"),
        ({"id": "x", "pattern": "a", "scope": "everywhere", "why": "w"}, "scope"),
        ({"id": "x", "pattern": ".*", "scope": "line", "why": "w"}, "empty string"),
        ({"id": "x", "pattern": "a", "scope": "line"}, "why"),
    ],
)
def test_a_malformed_rules_file_names_the_line(tmp_path, rule, detail):
    path = tmp_path / "rules.jsonl"
    path.write_text(json.dumps(rule) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"\[E301\] .*rules\.jsonl: line 1: .*") as e:
        load_rules(path)
    assert detail in str(e.value)


@pytest.mark.shared
def test_real_blog_post_loses_its_tail_and_nothing_else(shared_samples):
    path = shared_samples / "middle-east-update-2017-11-03.txt"
    raw = path.read_text(encoding="utf-8")
    [doc] = read_path(path)
    assert doc.published == date(2017, 11, 3)
    for gone in ("Thanks for reading", "thought on", "Leave a Reply", "commenting using", "Akismet"):
        assert gone in raw and gone not in doc.text
    # only the tail went: the text is the start of the whole post, up to where the appeal begins
    whole = normalise_text(raw)
    assert whole.startswith(doc.text + "\n\n")
    assert "Thanks for reading" in whole[len(doc.text) : len(doc.text) + 100]


@pytest.mark.shared
def test_real_opinion_piece_keeps_its_ending(shared_samples):
    path = shared_samples / "from-mosul-to-aleppo.txt"
    [doc] = read_path(path)
    assert doc.text == normalise_text(path.read_text(encoding="utf-8"))
