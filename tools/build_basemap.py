#!/usr/bin/env python3
"""Builds assets/basemap.geojson from ../shared/reference/aleppo_geometry.geojson.

Each feature gets a stable `layer` id the app draws by, the reference's name and confidence, and
a `source`. Coordinates are kept as given (WGS84 lon/lat, RFC 7946), rounded to 5 decimals
(about 1 m), and polygon rings are written counter-clockwise as RFC 7946 asks.

Usage: tools/build_basemap.py [REFERENCE_GEOJSON] [OUT]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_IN = os.path.join(HERE, "..", "..", "shared", "reference", "aleppo_geometry.geojson")
DEFAULT_OUT = os.path.join(HERE, "..", "assets", "basemap.geojson")

# Reference name prefix -> layer id.
LAYERS = [
    ("Queiq river", "river"),
    ("Old City outline", "old_city"),
    ("Built-up extent", "city_extent"),
    ("Front line early Oct 2016", "front_2016_10_early"),
    ("Opposition pocket early Oct 2016", "opposition_pocket_2016_10_early"),
    ("Opposition pocket 8 Dec 2016", "opposition_pocket_2016_12_08"),
]


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 5), round(coords[1], 5)]
    return [rounded(c) for c in coords]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_IN
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    with open(src, encoding="utf-8") as f:
        ref = json.load(f)
    features = []
    for feature in ref["features"]:
        name = feature["properties"]["name"]
        layer = next((lid for prefix, lid in LAYERS if name.startswith(prefix)), None)
        if layer is None:
            sys.exit(f"{src}: unknown feature '{name}': add it to LAYERS")
        geometry = feature["geometry"]
        coords = rounded(geometry["coordinates"])
        if geometry["type"] == "Polygon":
            for i, ring in enumerate(coords):
                if ring[0] != ring[-1]:
                    ring.append(ring[0])
                # Exterior counter-clockwise, holes clockwise (RFC 7946 section 3.1.6).
                if (signed_area(ring) < 0) == (i == 0):
                    ring.reverse()
        features.append({
            "type": "Feature",
            "properties": {
                "layer": layer,
                "name": name,
                "confidence": feature["properties"].get("confidence", ""),
                "source": "shared/reference/aleppo_geometry.geojson",
            },
            "geometry": {"type": geometry["type"], "coordinates": coords},
        })
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False,
                  indent=1)
        f.write("\n")
    os.replace(tmp, out)
    print(f"{out}: {len(features)} features")


if __name__ == "__main__":
    main()
