"""Names beside a map's bubbles that do not collide: with each other, with another region's bubble, or
with what the map keeps clear (its legend, its inset), at the scale of a phone.

Positions are px from the main map's lower-left corner at PX_PER_DEGREE; a name's box is
estimated from its characters at LABEL_FONT.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from healthtargets.charts import china_map as geo

MAX_LABELS = 40  # regions named on the map itself; every bubble names its region on hover
LABEL_FONT = 10  # px
PX_PER_DEGREE = 5.4  # a 390 px phone's scale, at which names are kept apart (wider screens set them further apart)
DOT = 6  # px: no name comes nearer than this to another region's centre, nor crosses its bubble

CANDIDATES = ("middle right", "middle left", "top center", "bottom center",
              "top right", "top left", "bottom right", "bottom left")


def text_width(text: str) -> float:
    """px a name takes at LABEL_FONT: Chinese characters a full em, Latin ones a little over half."""
    return sum(LABEL_FONT if ord(c) > 0x2E80 else LABEL_FONT * 0.6 for c in str(text))


def label_box(x: float, y: float, radius: float, width: float, where: str) -> tuple[float, float, float, float]:
    """The px box (left, bottom, right, top) of a name placed at ``where`` beside a marker at (x, y)."""
    height, gap = LABEL_FONT + 3, radius + 2
    vertical, horizontal = where.split()
    step = gap * 0.7 if vertical != "middle" and horizontal != "center" else gap  # diagonals sit closer
    left = {"left": x - step - width, "center": x - width / 2, "right": x + step}[horizontal]
    bottom = {"top": y + step, "middle": y - height / 2, "bottom": y - step - height}[vertical]
    return left, bottom, left + width, bottom + height


def to_px(lon: float, lat: float) -> tuple[float, float]:
    """A lon/lat point in px from the main map's lower-left corner, at PX_PER_DEGREE."""
    west, south = geo.MAIN_BOX[:2]
    return (lon - west) * PX_PER_DEGREE, (lat - south) * PX_PER_DEGREE * geo.ASPECT


def label_positions(counts: pd.DataFrame, sizes: list[float], keep_clear=()) -> list[str | None]:
    """Where each region's name goes beside its bubble (a plotly textposition), or None where it is not named.

    The MAX_LABELS largest are named, largest first, each at the first of CANDIDATES whose box
    meets no name already placed and no other region's centre, and stays inside the map at
    PX_PER_DEGREE (names keep their size while the map is drawn smaller on a phone: there, hover
    names them). A region whose centre lies under a bigger bubble is not named: its name would
    read as the bigger one's. Each name is checked against every bubble at once (arrays), so the
    time grows with the regions, not their square. ``counts`` has name, lon, lat and figures;
    ``sizes`` are the bubbles' diameters in px; ``keep_clear`` are px boxes no name may cover (a
    legend, an inset).
    """
    xs, ys = to_px(counts["lon"].to_numpy(dtype=float), counts["lat"].to_numpy(dtype=float))
    diameters = np.asarray(sizes, dtype=float)
    reach = np.maximum(diameters / 2, DOT)  # what a name may not cross: a bubble, or a dot's surroundings
    grid = _Grid()
    for box in keep_clear:
        grid.add(box, ("fixed", -1))
    width, height = to_px(*geo.MAIN_BOX[2:])
    names = list(counts["name"])
    order = np.argsort(-counts["figures"].to_numpy(dtype=float), kind="stable")[:MAX_LABELS]
    positions: list[str | None] = [None] * len(names)
    for k in order:
        x, y, radius = xs[k], ys[k], diameters[k] / 2
        inside_k = (xs - x) ** 2 + (ys - y) ** 2 < radius ** 2  # regions under this bubble
        inside_k[k] = True  # and itself
        if np.any((diameters > diameters[k]) & ((x - xs) ** 2 + (y - ys) ** 2 < (diameters / 2) ** 2)):
            continue  # under a bigger bubble
        others = ~inside_k
        for where in CANDIDATES:
            box = label_box(x, y, radius, text_width(names[k]) or LABEL_FONT, where)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not _crosses_any(box, xs[others], ys[others], reach[others]) and not grid.meeting(box):
                positions[k] = where
                grid.add(box, ("name", k))
                break
    return positions


def _crosses_any(box, xs, ys, radii) -> bool:
    """Whether a box meets any of the circles (centres xs, ys)."""
    nearest_x, nearest_y = np.clip(xs, box[0], box[2]), np.clip(ys, box[1], box[3])
    return bool(np.any((nearest_x - xs) ** 2 + (nearest_y - ys) ** 2 < radii ** 2))


class _Grid:
    """Boxes in cells of CELL px, to find those a box may meet without looking at all of them."""

    CELL = 40.0

    def __init__(self):
        self.cells: dict[tuple[int, int], list] = {}

    def _cells(self, box):
        left, bottom, right, top = box
        for col in range(int(left // self.CELL), int(right // self.CELL) + 1):
            for row in range(int(bottom // self.CELL), int(top // self.CELL) + 1):
                yield col, row

    def add(self, box, owner) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append((box, owner))

    def meeting(self, box) -> set:
        """Owners of the boxes that overlap ``box``."""
        return {owner for cell in self._cells(box) for other, owner in self.cells.get(cell, ())
                if overlap(box, other)}


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
