"""Make ``src/clac/data/lac_shapes.json``, the country outlines ``clac network map`` draws.

Run once by a maintainer, never at run time (clac draws its map offline from the file this
writes)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_map_shapes.py package/countries-50m.json src/clac/data/lac_shapes.json

The source is the npm package ``world-atlas`` 2.0.2 (ISC licence, Mike Bostock), a TopoJSON
redistribution of Natural Earth's 1:50m Admin 0 country boundaries, version 4.1.0. Natural
Earth's data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
The 1:50m scale keeps the Caribbean's small island states (Saint Kitts and Nevis, Grenada …),
which the 1:110m file lacks.

The script keeps the 33 states of Latin America and the Caribbean, turns the topology into
plain rings of (longitude, latitude), simplifies each ring (Douglas-Peucker), drops the
smallest islands of a state that has larger land, and rounds to two decimals (about 1 km).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import pycountry

from clac.countries import LATIN_AMERICA_AND_CARIBBEAN

TOLERANCE = 0.04  # degrees, Douglas-Peucker
SMALLEST_ISLAND = 0.02  # square degrees: smaller rings are dropped unless a state has no other
Point = tuple[float, float]


def _arcs(topology: dict[str, object]) -> list[list[Point]]:
    transform: dict[str, Any] = topology["transform"]  # type: ignore[assignment]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:  # type: ignore[attr-defined]
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    worst, where = 0.0, 0
    for i in range(1, len(points) - 1):
        x0, y0 = points[i]
        if length == 0:
            distance = math.hypot(x0 - x1, y0 - y1)
        else:
            distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
        if distance > worst:
            worst, where = distance, i
    if worst <= tolerance:
        return [points[0], points[-1]]
    left = _simplify(points[: where + 1], tolerance)
    return left[:-1] + _simplify(points[where:], tolerance)


def _area(ring: list[Point]) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def main(source: str, target: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    states: dict[str, list[list[list[float]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        found = pycountry.countries.get(numeric=geometry.get("id", ""))
        if found is None or found.alpha_2 not in LATIN_AMERICA_AND_CARIBBEAN:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(polygon[0], arcs) for polygon in polygons]  # outer rings only
        largest = max(_area(ring) for ring in rings)
        kept = []
        for ring in rings:
            if _area(ring) < SMALLEST_ISLAND and _area(ring) < largest:
                continue
            simple = _simplify(ring, TOLERANCE)
            if len(simple) < 4:
                simple = ring  # a tiny island: keep its outline as it is
            kept.append([[round(x, 2), round(y, 2)] for x, y in simple])
        states[found.alpha_2] = kept
    missing = sorted(set(LATIN_AMERICA_AND_CARIBBEAN) - states.keys())
    if missing:
        raise SystemExit(f"no shape for {missing}")
    document = {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0, "
        "through the npm package world-atlas 2.0.2 (countries-50m.json)",
        "license": "public domain (Natural Earth terms of use); world-atlas: ISC",
        "url": "https://www.naturalearthdata.com/downloads/50m-cultural-vectors/",
        "made_by": "tools/make_map_shapes.py",
        "coordinates": "longitude, latitude in degrees (WGS 84), outer rings only",
        "states": dict(sorted(states.items())),
    }
    Path(target).write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
