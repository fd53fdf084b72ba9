"""Floors: for each figure with a direction, the worst value CI accepts (eval/floors.json).

A floor is the value measured when it was last raised, less a small margin for the noise of
rule changes elsewhere: 0.02 on a share, 10% on anything else. For a figure where lower is
better (an error in km, extra events per record) the "floor" is a ceiling. Raising the floors
after an accuracy gain is part of that change: `warlog eval --all --write-floors eval/floors.json`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError
from .core import Figure

SHARE_MARGIN = 0.02
RELATIVE_MARGIN = 0.10
ABOUT = ("The worst value CI accepts for each figure of `warlog eval --all` (a ceiling where lower is "
         "better). Written by `warlog eval --all --write-floors eval/floors.json`; raise it with every accuracy gain.")


def floor_for(fig: Figure) -> float | None:
    """The floor a figure's current value earns; None for a figure without direction or value."""
    if fig.better is None or fig.value is None:
        return None
    if fig.unit == "share":
        bound = fig.value - SHARE_MARGIN if fig.better == "higher" else fig.value + SHARE_MARGIN
        return round(min(1.0, max(0.0, bound)), 4)
    factor = 1 - RELATIVE_MARGIN if fig.better == "higher" else 1 + RELATIVE_MARGIN
    return round(fig.value * factor, 4)


def load(path: Path) -> dict[str, float]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Errors.E107.format(path=path), path=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(Errors.E403.format(path=path, detail=e), path=path) from None
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(isinstance(v, (int, float)) for v in floors.values()):
        raise InputError(Errors.E403.format(path=path, detail="expected {\"floors\": {name: number}}"), path=path)
    return floors


def write(path: Path, figures: dict[str, Figure], keep: dict[str, float] | None = None) -> dict[str, float]:
    """Floors for the measured figures; those of datasets not run this time (`keep`) stay as they were."""
    floors = dict(keep or {})
    for name, fig in figures.items():
        value = floor_for(fig)
        if value is not None:
            floors[name] = value
    Path(path).write_text(json.dumps({"about": ABOUT, "floors": dict(sorted(floors.items()))}, indent=1) + "\n",
                          encoding="utf-8")
    return floors


@dataclass
class Breach:
    name: str
    floor: float
    value: float | None
    better: str | None

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.name}: not measured (floor {self.floor:g})"
        word = "below its floor" if self.better == "higher" else "above its ceiling"
        return f"{self.name}: {self.value:.4g} is {word} {self.floor:g}"


def check(floors: dict[str, float], figures: dict[str, Figure], datasets) -> list[Breach]:
    """Every floor of the datasets asked for whose figure fell past it or was not measured."""
    breaches = []
    for name, floor in sorted(floors.items()):
        if name.split(".", 1)[0] not in datasets:
            continue
        fig = figures.get(name)
        if fig is None or fig.value is None:
            breaches.append(Breach(name, floor, None, fig.better if fig else None))
        elif (fig.better == "higher" and fig.value < floor) or (fig.better == "lower" and fig.value > floor):
            breaches.append(Breach(name, floor, fig.value, fig.better))
    return breaches
