"""Where the reader marks an event: built by hand from records, no model needed."""
from warlog.web.annotate import document_marks, event_marks

from factories import make_document, make_event

TEXT = "Gunmen attacked a checkpoint near Kirkuk on Monday, police said. Rain fell."


def record(text=TEXT, **kw):
    doc = make_document(text)
    rec = make_event(doc, 0, text.index(" Rain"), **kw).to_dict()
    rec["actors"][0]["span"] = [0, 6]
    rec["location"]["span"] = [text.index("Kirkuk"), text.index("Kirkuk") + 6]
    rec["attribution"] = {"source": "police", "text": "police said", "actor_id": None}
    return rec


def test_each_mention_is_marked_where_it_is_written():
    rec = record()
    marks = {m["kind"]: TEXT[m["start"]:m["end"]] for m in event_marks(rec, TEXT)}
    assert marks == {"quote": rec["quote"], "trigger": "attacked", "actor": "Gunmen", "place": "Kirkuk",
                     "date": "on Monday", "attribution": "police said"}


def test_words_outside_the_quote_are_not_taken_for_its_date():
    text = "On Monday the rain stopped. Gunmen attacked a checkpoint near Kirkuk, police said."
    doc = make_document(text)
    start = text.index("Gunmen")
    rec = make_event(doc, start, len(text), trigger_span=(start + 7, start + 15)).to_dict()
    assert all(m["kind"] != "date" for m in event_marks(rec, text))  # "on Monday" is only before the quote


def test_a_mention_shared_by_two_events_is_one_mark_naming_both():
    a = record()
    b = record(trigger="checkpoint", trigger_span=(18, 28))
    marks = document_marks([a, b], TEXT)
    actor = [m for m in marks if m["kind"] == "actor"]
    assert len(actor) == 1 and sorted(actor[0]["events"]) == sorted([a["event_id"], b["event_id"]])
    assert len([m for m in marks if m["kind"] == "trigger"]) == 2
    assert [m["start"] for m in marks] == sorted(m["start"] for m in marks)
