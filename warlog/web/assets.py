"""Front-end packages from npm, served from this machine: nothing is fetched from the internet.

`make install` runs `npm ci`, which puts the packages pinned in package-lock.json into
node_modules/ beside the source tree (or `$WARLOG_NODE_MODULES`). Only the files listed here are
served, under /vendor/; a name not listed is a 404, so no other file of node_modules is reachable.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import Errors, WarlogError

# URL name under /vendor/ -> file under node_modules/
FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "supercluster.min.js": "supercluster/dist/supercluster.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
# folders whose files leaflet.css refers to by relative URL
FOLDERS = {"images/": "leaflet/dist/images/"}


def node_modules() -> Path:
    """The node_modules folder: `$WARLOG_NODE_MODULES`, else the one beside the source tree."""
    env = os.environ.get("WARLOG_NODE_MODULES")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "node_modules"
    missing = [name for name, rel in FILES.items() if not (path / rel).is_file()]
    if missing:
        raise WarlogError(Errors.E307.format(path=path))
    return path


def resolve(root: Path, name: str) -> Path | None:
    """The file behind /vendor/<name>, or None when it is not one of ours."""
    if name in FILES:
        return root / FILES[name]
    for prefix, folder in FOLDERS.items():
        rest = name[len(prefix):]
        if name.startswith(prefix) and rest and "/" not in rest and not rest.startswith("."):
            path = root / folder / rest
            return path if path.is_file() else None
    return None
