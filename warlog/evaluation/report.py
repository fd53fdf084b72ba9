"""The report of a `warlog eval` run: a plain-text table, markdown, and JSON."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .core import Figure, Section

if TYPE_CHECKING:
    from . import Outcome


def value_text(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "share":
        return f"{100 * value:.1f}%"
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "km":
        return f"{value:,.1f} km"
    return f"{value:,.3f}"


def _others(fig: Figure) -> str:
    return "; ".join(f"{who} {value_text(v, fig.unit)}" for who, v in fig.published.items())


def _arrow(fig: Figure) -> str:
    return {"higher": "↑", "lower": "↓"}.get(fig.better or "", "")


def _heading(section: Section) -> str:
    return f"{section.title} · {section.subset} · {section.items:,} items"


def text(outcome: "Outcome") -> str:
    lines = []
    for section in outcome.sections:
        lines.append(_heading(section))
        width = max([len(f.label) for f in section.figures] + [20])
        for fig in section.figures:
            others = _others(fig)
            lines.append(f"  {fig.label:<{width}} {value_text(fig.value, fig.unit):>10} {_arrow(fig):1} "
                         f"{fig.n:>7,}" + (f"   {others}" if others else ""))
        lines += [f"  note: {n}" for n in section.notes]
        lines.append("")
    lines += _footer(outcome)
    return "\n".join(lines)


def _footer(outcome: "Outcome") -> list[str]:
    lines = []
    if outcome.seconds:
        timing = ", ".join(f"{name} {s:.0f} s" for name, s in outcome.seconds.items())
        lines.append(f"time: {sum(outcome.seconds.values()):.0f} s ({timing})")
    lines += [f"skipped {name}: {why}" for name, why in outcome.skipped.items()]
    return lines


def markdown(outcome: "Outcome") -> str:
    def cell(s: str) -> str:
        return s.replace("|", "\\|")

    lines = ["# warlog eval", ""]
    for section in outcome.sections:
        lines += [f"## {cell(_heading(section))}", "", "| figure | warlog | n | others (published) |",
                  "|---|---:|---:|---|"]
        for fig in section.figures:
            lines.append(f"| {cell(fig.label)} {_arrow(fig)} | {value_text(fig.value, fig.unit)} | {fig.n:,} | "
                         f"{cell(_others(fig))} |")
        lines.append("")
        lines += [f"- {cell(n)}" for n in section.notes]
        if section.notes:
            lines.append("")
    lines += [f"{line}  " for line in _footer(outcome)]
    return "\n".join(lines).rstrip() + "\n"


def as_json(outcome: "Outcome", **meta) -> str:
    return json.dumps({**meta, "seconds": outcome.seconds, "skipped": outcome.skipped,
                       "sections": [s.to_dict() for s in outcome.sections]}, indent=1, ensure_ascii=False) + "\n"
