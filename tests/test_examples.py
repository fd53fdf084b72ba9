"""warlog's bundled example reports, read and coded end to end, checked field by field against
tests/fixtures/expectations.json (our own reports and our own coding of them)."""
import pytest

import expectations as X

pytestmark = pytest.mark.slow

# Known gaps, each to be closed by the event-typing work (issue 5); strict, so a fix shows up.
KNOWN_GAPS = {
    ("wire-2017-11-04-qaim.txt", 3): "'our men' in a spokesman's quote: first-person actors are not resolved to the speaker's side",
    ("opinion-2016-10-28-raqqa.txt", 1): "members of a tribe massacred are typed as a tribal militia, not civilians",
}


@pytest.fixture(scope="module")
def coded(extractor):
    return X.events_by_document(extractor)


def _cases():
    for name, i, exp in X.cases():
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(name, i)])] if (name, i) in KNOWN_GAPS else []
        yield pytest.param(name, i, exp, id=f"{name}#{i}", marks=marks)


@pytest.mark.parametrize("name,i,exp", list(_cases()))
def test_expected_event_is_found_field_by_field(coded, name, i, exp):
    event, wrong = X.best_match(exp, X.events_for(coded, name, exp))
    assert not wrong, f"{exp['quote_contains']!r}: " + "; ".join(wrong)


@pytest.mark.parametrize("name", list(X.EXPECTATIONS["files"]))
def test_no_prediction_plan_or_denial_is_coded_as_an_asserted_event(coded, name):
    events = [e for per in coded[name].values() for e in per]
    for text in X.EXPECTATIONS["files"][name].get("must_not_find_asserted", []):
        bad = [e for e in events if text in e["quote"] and e["modality"] == "asserted" and e["acled_event_type"]]
        assert not bad, f"{text!r} gave asserted {[(e['trigger']['text'], e['acled_event_type']) for e in bad]}"


@pytest.mark.parametrize("name", list(X.EXPECTATIONS["files"]))
def test_boilerplate_is_removed_and_publication_date_found(name):
    entry = X.EXPECTATIONS["files"][name]
    docs = X.documents_of(name)
    text = "\n".join(d.text for d in docs)
    for junk in entry.get("must_not_contain_text", []):
        assert junk not in text
    if entry.get("documents"):
        assert sorted(str(d.published) for d in docs) == sorted(x["published"] for x in entry["documents"])
    else:
        assert [str(d.published) for d in docs] == [entry["published"]]
        assert docs[0].published_from == entry["published_from"]
