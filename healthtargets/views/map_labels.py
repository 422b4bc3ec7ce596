"""Names beside a map's bubbles that do not collide: with each other, with another region's bubble, or
with what the map keeps clear (its legend, its inset), at the scale of a phone.

Positions are px from the main map's lower-left corner at PX_PER_DEGREE; a name's box is
estimated from its characters at LABEL_FONT.
"""

from __future__ import annotations

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
    read as the bigger one's. Boxes are looked up in a grid of cells, so the time grows with the
    regions, not their square. ``counts`` has name, lon, lat and figures; ``sizes`` are the bubbles'
    diameters in px; ``keep_clear`` are px boxes no name may cover (a legend, an inset).
    """
    points = [to_px(lon, lat) for lon, lat in zip(counts["lon"], counts["lat"])]
    grid, bubbles = _Grid(), _Grid()
    for k, ((x, y), d) in enumerate(zip(points, sizes)):
        r = max(d / 2, DOT)
        bubbles.add((x - r, y - r, x + r, y + r), k)
    for box in keep_clear:
        grid.add(box, ("fixed", -1))
    width, height = to_px(*geo.MAIN_BOX[2:])
    figures, names = list(counts["figures"]), list(counts["name"])
    order = sorted(range(len(points)), key=lambda k: -figures[k])[:MAX_LABELS]
    positions: list[str | None] = [None] * len(points)
    for k in order:
        x, y = points[k]
        dot = (x - 1, y - 1, x + 1, y + 1)
        if any(sizes[j] > sizes[k] and _under(points[k], points[j], sizes[j]) for j in bubbles.meeting(dot)):
            continue
        for where in CANDIDATES:
            box = label_box(x, y, sizes[k] / 2, text_width(names[k]) or LABEL_FONT, where)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            crossed = [j for j in bubbles.meeting(box) if j != k and not _under(points[j], points[k], sizes[k])
                       and _crosses(box, points[j], max(sizes[j] / 2, DOT))]
            if inside and not crossed and not grid.meeting(box):
                positions[k] = where
                grid.add(box, ("name", k))
                break
    return positions


def _crosses(box, centre, radius) -> bool:
    """Whether a box and a circle overlap."""
    x = min(max(centre[0], box[0]), box[2])
    y = min(max(centre[1], box[1]), box[3])
    return (x - centre[0]) ** 2 + (y - centre[1]) ** 2 < radius ** 2


def _under(point, centre, diameter) -> bool:
    return (point[0] - centre[0]) ** 2 + (point[1] - centre[1]) ** 2 < (diameter / 2) ** 2


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
