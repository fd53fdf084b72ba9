"""A readable account of one event for `warlog show`: fields, quote in context, provenance."""
from __future__ import annotations

import textwrap

from .record import ACTOR_TYPES

CONTEXT_CHARS = 300


def _actors(refs: list[dict]) -> str:
    if not refs:
        return "-"
    out = []
    for r in refs:
        kind = ACTOR_TYPES.get(r.get("type") or 0)
        extra = ", ".join(filter(None, [r.get("canonical") if r.get("canonical") != r["name"] else None,
                                        kind, r.get("country"), r.get("actor_id")]))
        out.append(f'"{r["name"]}"' + (f" ({extra})" if extra else ""))
    return "; ".join(out)


def render(rec: dict, doc: dict | None) -> str:
    loc = rec.get("location")
    date = rec.get("date") or {}
    fat = rec.get("fatalities")
    att = rec.get("attribution")
    lines = [
        f"event     {rec['event_id']}  (document {rec['doc_id']})",
        f"type      PLOVER {rec['plover_type']}" + (f" / {rec['plover_mode']}" if rec.get("plover_mode") else "")
        + (f"; ACLED {rec['acled_event_type']} / {rec['acled_sub_event_type']}" if rec.get("acled_event_type") else "; no ACLED type"),
        f"modality  {rec['modality']}" + (", according to " + "; ".join(
            f"{s['source']} (\"{s['text']}\")" for s in att.get("sources") or [att]) if att else ""),
        f"actors    {_actors(rec.get('actors'))}",
        f"recipient {_actors(rec.get('recipients'))}",
        "place     " + (f"{loc['name']}, {loc.get('admin1') or '-'}, {loc.get('country') or '-'} "
                        f"({loc['lat']:.4f}, {loc['lon']:.4f}), geo_precision {loc.get('geo_precision')}"
                        if loc else "-"),
        f"date      {date.get('start') or '?'}" + (f" to {date['end']}" if date.get("end") and date.get("end") != date.get("start") else "")
        + f" ({date.get('precision') or 'unknown'})",
        "dead      " + (f"{fat['best']} (low {fat['low']}, high {fat['high']})" if fat else "not reported"),
        f"confidence {rec.get('confidence')}",
    ]
    if rec.get("statement_id"):
        lines.append(f"reported  by the statement {rec['statement_id']}")
    if rec.get("group_id"):
        lines.append(f"group     {rec['group_id']}: {rec.get('group_sources') or 1} independent sources")
    if doc:
        lines.append(f"source    {doc.get('title') or ''} [{doc.get('url') or doc.get('source')}], "
                     f"published {doc.get('published') or 'unknown'} ({doc.get('published_from') or 'not found'}), "
                     f"genre {doc.get('genre') or 'unknown'}")
        text = doc["text"]
        s, e = rec["span"]
        before = text[max(0, s - CONTEXT_CHARS):s]
        after = text[e:e + CONTEXT_CHARS]
        lines.append("")
        lines.append("quote in context:")
        body = f"...{before}>>> {text[s:e]} <<<{after}..."
        lines += textwrap.wrap(" ".join(body.split()), 100, initial_indent="  ", subsequent_indent="  ")
    lines.append("")
    lines.append("why:")
    for field, why in (rec.get("evidence") or {}).items():
        lines.append(f"  {field:17} {why}")
    return "\n".join(lines)
