"""Field-by-field comparison of extracted events with tests/fixtures/expectations.json.

The expectations describe, for each bundled example report, the events a careful coder would
record and the sentences that must not yield an asserted event; `conventions` in the file says
how each field is compared. Used by tests/test_examples.py and by `python tests/expectations.py`
(a per-field report while tuning rules).
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTATIONS = json.loads((ROOT / "tests" / "fixtures" / "expectations.json").read_text(encoding="utf-8"))
YEARS = re.compile(r"\s*\(\d{4}-(\d{4})?\)\s*$")


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _actor_matches(want, refs: list[dict]) -> bool:
    options = want if isinstance(want, list) else [want]
    for ref in refs:
        canonical = YEARS.sub("", ref.get("canonical") or "").lower()
        written = (ref.get("name") or "").lower()
        for o in options:
            o = o.lower()
            if o == canonical or o in written or (canonical and o in canonical):
                return True
    return False


def mismatches(exp: dict, ev: dict) -> list[str]:
    """The fields of one expected event that the extracted event gets wrong."""
    out = []
    if ev["plover_type"] not in (exp["plover_type"], exp.get("plover_type_alt")):
        out.append(f"plover_type {ev['plover_type']} != {exp['plover_type']}")
    for key in ("acled_event_type", "acled_sub_event_type", "modality"):
        if ev[key] != exp[key]:
            out.append(f"{key} {ev[key]!r} != {exp[key]!r}")
    for key, side in (("actor", "actors"), ("recipient", "recipients")):
        if exp.get(key) and not _actor_matches(exp[key], ev[side]):
            out.append(f"{key} {[a.get('canonical') or a['name'] for a in ev[side]]} lacks {exp[key]!r}")
    loc, want = ev.get("location"), exp.get("location")
    if want:
        if not loc:
            out.append(f"location missing (want {want['name']})")
        else:
            if want.get("country") and loc["country"] != want["country"]:
                out.append(f"country {loc['country']} != {want['country']}")
            if want.get("lat") is not None:
                limit = 50 if want.get("geo_precision") == 3 else 5
                d = km(loc["lat"], loc["lon"], want["lat"], want["lon"])
                if d > limit:
                    out.append(f"location {loc['name']} is {d:.0f} km from {want['name']}")
            if want.get("geo_precision") and loc["geo_precision"] != want["geo_precision"]:
                out.append(f"geo_precision {loc['geo_precision']} != {want['geo_precision']}")
    if exp.get("date"):
        got = ev["date"]
        for key in ("start", "end", "precision"):
            if got[key] != exp["date"][key]:
                out.append(f"date.{key} {got[key]} != {exp['date'][key]}")
    fat = ev.get("fatalities")
    if exp.get("fatalities") is None:
        if fat and fat["best"]:
            out.append(f"fatalities {fat['best']} != none")
    elif not fat or fat["best"] != exp["fatalities"]["best"]:
        out.append(f"fatalities {fat and fat['best']} != {exp['fatalities']['best']}")
    if exp.get("attribution"):
        att = ev.get("attribution") or {}
        if exp["attribution"].lower() not in ((att.get("source") or "") + " " + (att.get("text") or "")).lower():
            out.append(f"attribution {att.get('source')!r} lacks {exp['attribution']!r}")
    return out


def best_match(exp: dict, events: list[dict]) -> tuple[dict | None, list[str]]:
    candidates = [e for e in events if exp["quote_contains"] in e["quote"]]
    if not candidates:
        return None, [f"no event from the sentence with {exp['quote_contains']!r}"]
    scored = sorted(((mismatches(exp, e), e) for e in candidates), key=lambda x: len(x[0]))
    return scored[0][1], scored[0][0]


def documents_of(name: str):
    from warlog.documents import read_path

    entry = EXPECTATIONS["files"][name]
    published = entry["published"] if entry.get("published_from") == "option" else None
    return read_path(ROOT / "examples" / name, published=published)


def cases():
    for name, entry in EXPECTATIONS["files"].items():
        for i, exp in enumerate(entry["must_find"]):
            yield name, i, exp


def events_by_document(extractor) -> dict[str, dict[str, list[dict]]]:
    """file name -> document key (url, input id or '') -> event records."""
    out = {}
    for name in EXPECTATIONS["files"]:
        docs = documents_of(name)
        per = {}
        for doc, events in extractor.extract_many(docs):
            key = doc.url if name.endswith(".xml") else (doc.input_id or "")
            per[key] = [e.to_dict() for e in events]
        out[name] = per
    return out


def events_for(all_events, name: str, exp: dict) -> list[dict]:
    per = all_events[name]
    if exp.get("doc"):
        return per.get(exp["doc"], [])
    return [e for evs in per.values() for e in evs]


if __name__ == "__main__":
    import collections
    import sys

    from warlog.pipeline import Extractor

    all_events = events_by_document(Extractor())
    fields = collections.Counter()
    ok = 0
    total = 0
    for name, i, exp in cases():
        total += 1
        ev, bad = best_match(exp, events_for(all_events, name, exp))
        if not bad:
            ok += 1
            continue
        for b in bad:
            fields[b.split()[0]] += 1
        if "-q" not in sys.argv:
            print(f"{name} #{i} {exp['quote_contains'][:50]!r}")
            for b in bad:
                print(f"    {b}")
    print(f"{ok}/{total} expected events fully right; wrong fields: {dict(fields.most_common())}")
    bad_asserted = 0
    for name, entry in EXPECTATIONS["files"].items():
        evs = [e for per in all_events[name].values() for e in per]
        for text in entry.get("must_not_find_asserted", []):
            hits = [e for e in evs if text in e["quote"] and e["modality"] == "asserted" and e["acled_event_type"]]
            if hits:
                bad_asserted += 1
                print(f"ASSERTED but must not be: {name}: {text[:60]!r} -> {[(h['trigger']['text'], h['acled_event_type']) for h in hits]}")
    print(f"must-not-assert violations: {bad_asserted}")
