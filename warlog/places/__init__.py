"""Places: an offline gazetteer (GeoNames cities, ISO 3166-2 subdivisions, our aliases),
recognition patterns for the dictionary matcher, and context-aware toponym resolution.

    gz = Gazetteer.open()
    gz.resolve([Toponym("Hader", 10, 15)], Context(countries=["SYR"]))
"""
from .build import build, default_path
from .gazetteer import Gazetteer, Place
from .normalise import bare, normalise, skeleton
from .resolve import Context, Resolved, Toponym, infer_unknown

__all__ = ["Gazetteer", "Place", "Toponym", "Context", "Resolved", "build", "default_path",
           "normalise", "bare", "skeleton", "infer_unknown"]
