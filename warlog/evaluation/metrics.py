"""The arithmetic of scoring, shared by every scorer: plain functions over plain values."""
from __future__ import annotations

import math
import statistics
from collections import Counter
from typing import Hashable, Iterable, Sequence

EARTH_RADIUS_KM = 6371.0088
# Half the earth's circumference: the largest possible error, where the AUC of the log error
# curve (Gritta et al.) is normalised.
MAX_ERROR_KM = 20039.0


def ratio(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to divide (a figure with no items is unknown, not 0)."""
    return part / whole if whole else None


def accuracy(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Share of (gold, predicted) pairs that agree."""
    pairs = list(pairs)
    return ratio(sum(1 for g, p in pairs if g == p), len(pairs))


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; F1 is None only when both are unknown."""
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if p is None and r is None:
        return None, None, None
    p0, r0 = p or 0.0, r or 0.0
    return p, r, (2 * p0 * r0 / (p0 + r0) if p0 + r0 else 0.0)


def macro_f1(pairs: Iterable[tuple[Hashable, Hashable]], labels: Sequence[Hashable] | None = None) -> float | None:
    """Unweighted mean over gold labels of each label's F1 (a prediction of None is a miss).
    `labels` fixes the classes averaged over; by default, every label seen in gold."""
    pairs = list(pairs)
    if not pairs:
        return None
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p is not None:
                fp[p] += 1
    classes = list(labels) if labels is not None else sorted({g for g, _ in pairs}, key=str)
    return statistics.fmean(prf(tp[c], fp[c], fn[c])[2] or 0.0 for c in classes)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def within(errors: Sequence[float | None], km: float) -> float | None:
    """Share of items located within `km` of gold; an item with no prediction (None) counts as a miss."""
    return ratio(sum(1 for e in errors if e is not None and e <= km), len(errors))


def auc_log_error(errors: Sequence[float | None]) -> float | None:
    """Area under the curve of sorted log errors, normalised to [0, 1]; lower is better
    (Gritta et al. 2018). A missing prediction counts as the largest possible error."""
    if not errors:
        return None
    logs = sorted(math.log(1 + min(e if e is not None else MAX_ERROR_KM, MAX_ERROR_KM)) for e in errors)
    top = math.log(1 + MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / top
    # trapezoids over evenly spaced x in [0, 1]
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:])) / (len(logs) - 1)
    return area / top


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return statistics.fmean(values) if values else None


def median(values: Iterable[float]) -> float | None:
    values = list(values)
    return statistics.median(values) if values else None


def mean_absolute_error(pairs: Iterable[tuple[float, float]]) -> float | None:
    return mean(abs(g - p) for g, p in pairs)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two [start, end) character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]
