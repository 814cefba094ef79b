#!/usr/bin/env python3
"""Builds assets/gazetteer.tsv, the app's gazetteer, from ../shared/reference/aleppo_places.csv.

The reference gives one row per place (Arabic and English name, WGS84 position, confidence, who
held it in early October and on 8 December 2016). This script adds what matching needs and the
reference does not have: stable ASCII ids, the spellings readers meet in the news (curated
below, each a variant seen in outlets or a regular alternation), which names are ordinary words
that only name a place after a head word such as "حي" or "بلدة", which names several places
share, and the two region entries (east Aleppo, the city) drawn as areas.

Columns (tab-separated, UTF-8, header on the first line):
  id  kind  name_ar  name_en  lat  lon  confidence  plotted  needs_context  ambiguous
  control_2016_10  control_2016_12  aliases  context_aliases  note
- kind: neighbourhood | site | town | region | city | countryside
- plotted: 1 = a pin (or an area for region/city); 0 = recognised but never put on the map
  (no position, or not a place of the Aleppo map)
- needs_context: 1 = the names are ordinary words and count only after a context head word
- ambiguous: a group id shared by places with the same name; empty if none
- aliases: names that count anywhere ("|"-separated); context_aliases: names that count only after
  a head word (automatically: every alias without its article "ال")

Usage: tools/build_gazetteer.py [PLACES_CSV] [GEOMETRY_GEOJSON] [OUT]
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "..", "..", "shared", "reference")
DEFAULT_CSV = os.path.join(REF, "aleppo_places.csv")
DEFAULT_GEOMETRY = os.path.join(REF, "aleppo_geometry.geojson")
DEFAULT_OUT = os.path.join(HERE, "..", "assets", "gazetteer.tsv")

# Per place, keyed by the reference's Arabic name: id (when the English name does not make a
# good one), English display name, extra aliases, and flags.
CURATED = {
    "الشيخ سعيد": dict(aliases=["شيخ سعيد", "الشيخ سعد", "شيخ سعد"]),
    "الراموسة": dict(id="al-ramouseh", en="al-Ramouseh", needs_context=False),
    "الراموسة – الكليات العسكرية / معبر الراموسة": dict(
        id="ramouseh-crossing", en="Ramouseh crossing and military academies",
        names=["معبر الراموسة", "الكليات العسكرية", "كلية المدفعية", "كلية التسليح",
               "الكليات العسكرية بالراموسة"]),
    "العويجة": dict(id="al-uwayja", en="al-Uwayja"),
    "مخيم حندرات": dict(id="handarat-camp", en="Handarat camp",
                        aliases=["مخيم الحندرات", "حندرات", "الحندرات"]),
    "مستشفى الكندي": dict(id="al-kindi-hospital"),
    "الشقيف / معامل الشقيف": dict(id="shqeif", en="al-Shqeif industrial area",
                                  names=["الشقيف", "معامل الشقيف", "الشقيف الصناعية"]),
    "الشيخ مقصود": dict(context_aliases=["مسجد الشيخ"],
                        note="'حي مسجد الشيخ' in 001 is a garbled Sheikh Maqsoud (YPG-held, "
                             "north Aleppo); accepted only after a head word"),
    "الهلك": dict(id="al-halak", en="al-Halak"),
    "الميسر": dict(id="al-myassar", en="al-Myassar", needs_context=True),
    "القاطرجي (كرم القاطرجي)": dict(id="al-qaterji", en="al-Qaterji"),
    "دوار الحاووظ": dict(id="hawouz-roundabout", aliases=["دوار الحاووز"]),  # ظ/ز both seen
    "العامرية": dict(needs_context=True),
    "الإذاعة": dict(id="al-izaa", en="al-Iza'a", needs_context=True, ambiguous="radio",
                    free_aliases=["جبل محسن"]),
    "الفرقان": dict(needs_context=True, ambiguous="furqan"),
    "الزبدية (الزيدية)": dict(id="al-zebdiyeh", needs_context=True),
    "حلب الجديدة": dict(id="new-aleppo"),
    "مساكن هنانو": dict(id="masakin-hanano", en="Masakin Hanano", aliases=["هنانو"]),
    "الحيدرية": dict(needs_context=True),
    "صلاح الدين": dict(needs_context=True),
    "السكري": dict(needs_context=True),
    "الأنصاري": dict(needs_context=True),
    "الأنصاري الشرقي": dict(id="ansari-sharqi", en="East Ansari"),
    "المشهد": dict(needs_context=True),
    "الشعار": dict(needs_context=True),
    "باب الحديد": dict(id="bab-al-hadid", en="Bab al-Hadid"),
    "قلعة حلب": dict(id="citadel", en="Citadel of Aleppo"),
    "حلب القديمة": dict(id="old-city", en="Old City", aliases=["المدينة القديمة"]),
    "السليمانية": dict(needs_context=True),
    "الحمدانية": dict(needs_context=True),
    "الأعظمية": dict(needs_context=True),
    "سيف الدولة": dict(needs_context=True),
    "الكاستيلو / طريق الكاستيلو": dict(id="castello-road", en="Castello road",
                                         names=["الكاستيلو", "طريق الكاستيلو"]),
    "الأشرفية": dict(needs_context=True),
    "الليرمون": dict(id="al-layramoun", en="al-Layramoun"),
    "الخالدية": dict(needs_context=True),
    # Bare "الزهراء" names both the town and (colloquially) this neighbourhood: a head word
    # ("حي" / "بلدة") decides; without one the mention is marked ambiguous.
    "جمعية الزهراء": dict(id="jamiat-al-zahra", context_aliases=["الزهراء"], ambiguous="zahraa"),
    "الصالحين": dict(needs_context=True),
    "المعادي": dict(needs_context=True),
    "باب قنسرين": dict(id="bab-qinnasrin", en="Bab Qinnasrin"),
    "الأصيلة": dict(needs_context=True),
    "الجزماتي (كرم الجزماتي)": dict(id="al-jazmati"),
    "الإنذارات": dict(needs_context=True),
    "الشيخ نجار (المدينة الصناعية)": dict(id="sheikh-najjar", en="Sheikh Najjar industrial city",
                                           names=["الشيخ نجار", "المدينة الصناعية بالشيخ نجار"]),
    "الفرافرة": dict(needs_context=True),
    "أقيول": dict(id="aqyul", en="Aqyul"),
    "المرجة": dict(needs_context=True),
    "عين التل": dict(needs_context=True),
    "المشارقة": dict(id="al-masharqa", en="al-Masharqa", needs_context=True),
    "مطار حلب الدولي": dict(id="aleppo-airport", aliases=["مطار حلب"]),
    "النيرب": dict(needs_context=True),
    "الزربة": dict(id="al-zirbah", en="al-Zirbah"),
    "نبل": dict(needs_context=True),
    "الزهراء": dict(id="al-zahraa", en="al-Zahraa", needs_context=True, ambiguous="zahraa"),
    "تلة الشيخ يوسف": dict(id="sheikh-yusuf-hill"),
    "منيان": dict(id="minyan", en="Minyan"),
    "حريتان": dict(id="hraytan", en="Hraytan"),
    "الحاضر": dict(id="al-hader", en="al-Hader", needs_context=True),
    "السفيرة": dict(needs_context=True),
    "الباب": dict(needs_context=True),
    "اعزاز": dict(id="azaz", en="Azaz", aliases=["إعزاز"]),
    "المسلمية": dict(id="al-muslimiyah", en="al-Muslimiyah", needs_context=True),
    "العيس": dict(needs_context=True),
    "جب الشلبي": dict(),
    "بستان الباشا": dict(),
    "الصاخور": dict(),
}

# Places the reference does not list as rows: areas, and names that must be recognised so that
# the "حلب" inside them is not taken for the city.
EXTRA = [
    dict(id="east-aleppo", kind="region", ar="شرق حلب", en="East Aleppo (opposition-held)",
         aliases=["شرقي حلب", "حلب الشرقية", "الأحياء الشرقية", "الأحياء الشرقية من حلب",
                  "الأحياء الشرقية من مدينة حلب", "الأحياء الشرقية من المدينة",
                  "الجانب الشرقي من حلب", "الجزء الشرقي من حلب", "الجزء الشرقي من مدينة حلب",
                  "الأحياء المحاصرة", "أحياء حلب المحاصرة", "أحياء حلب الشرقية"],
         geometry="Opposition pocket early Oct 2016", confidence="medium",
         control_2016_10="OPP", control_2016_12="OPP (pocket shrinking: ~16 km² on 8 Dec)"),
    dict(id="aleppo", kind="city", ar="حلب", en="Aleppo", aliases=["مدينة حلب"],
         geometry="Built-up extent", confidence="medium", control_2016_10="DIVIDED",
         control_2016_12="DIVIDED"),
    dict(id="aleppo-countryside", kind="countryside", ar="ريف حلب", en="Aleppo countryside",
         aliases=["الريف الحلبي", "ريف حلب الشمالي", "ريف حلب الغربي", "ريف حلب الجنوبي",
                  "ريف حلب الشرقي"], plotted=False, confidence="",
         note="recognised so that 'حلب' inside it is not the city; no area to draw"),
]

def slug(text):
    text = text.split("(")[0].split("/")[0].strip().lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split_names(arabic):
    names = []
    for part in re.split(r"\s*/\s*|\s+–\s+|\(|\)", arabic):
        part = part.strip()
        if part:
            names.append(part)
    return names


def hospital_variants(name):
    out = [name]
    for a, b in (("مستشفى ", "مشفى "), ("مشفى ", "مستشفى ")):
        if name.startswith(a):
            out.append(b + name[len(a):])
    return out


def centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    a /= 2
    return cx / (6 * a), cy / (6 * a)


def control_code(text):
    """The first word of the reference's control column: OPP, GOV, YPG/SDF, SPLIT, ..."""
    text = (text or "").strip()
    return text.split(" ")[0].rstrip(",;") if text else ""


def main():
    csv_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV
    geo_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_GEOMETRY
    out_path = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_OUT
    with open(geo_path, encoding="utf-8") as f:
        geometry = {feat["properties"]["name"]: feat["geometry"] for feat in json.load(f)["features"]}

    rows, seen = [], set()
    with open(csv_path, encoding="utf-8") as f:
        for ref in csv.DictReader(f):
            cur = CURATED.get(ref["arabic"], {})
            en = cur.get("en") or ref["english"].split("(")[0].split("/")[0].strip()
            pid = cur.get("id") or slug(ref["english"])
            if pid in seen:
                sys.exit(f"{csv_path}: duplicate id {pid}")
            seen.add(pid)
            names = cur.get("names") or split_names(ref["arabic"])
            aliases = []
            for n in names + cur.get("aliases", []):
                aliases += hospital_variants(n)
            context = list(cur.get("context_aliases", []))
            for a in aliases:
                # Without the article only where that is still the name: one-word names
                # ("حي ميسر") and "شيخ" for "الشيخ" ("شيخ سعد"). Never for phrases whose first
                # word's article carries the grammar ("المدينة القديمة").
                if a.startswith("ال") and " " not in a and len(a) > 4:
                    context.append(a[2:])
                elif a.startswith("الشيخ "):
                    context.append(a[2:])
            needs_context = cur.get("needs_context", False)
            if needs_context:
                context = aliases + context
                aliases = []
            aliases += cur.get("free_aliases", [])
            context = [c for c in dict.fromkeys(context) if c not in aliases]
            plotted = bool(ref["lat"] and ref["lon"])
            rows.append(dict(
                id=pid, kind=ref["kind"], name_ar=names[0], name_en=en,
                lat=ref["lat"], lon=ref["lon"], confidence=ref["confidence"],
                plotted="1" if plotted else "0", needs_context="1" if needs_context else "0",
                ambiguous=cur.get("ambiguous", ""),
                control_2016_10=ref["control_early_Oct_2016"],
                control_2016_12=ref["control_8_Dec_2016"],
                aliases="|".join(dict.fromkeys(aliases)),
                context_aliases="|".join(dict.fromkeys(context)),
                note=cur.get("note", "" if plotted else "position unknown: never plotted")))
    for extra in EXTRA:
        lat = lon = ""
        if extra.get("geometry"):
            g = next(v for k, v in geometry.items() if k.startswith(extra["geometry"]))
            lon_c, lat_c = centroid(g["coordinates"][0])
            lat, lon = f"{lat_c:.4f}", f"{lon_c:.4f}"
        rows.append(dict(
            id=extra["id"], kind=extra["kind"], name_ar=extra["ar"], name_en=extra["en"],
            lat=lat, lon=lon, confidence=extra.get("confidence", ""),
            plotted="1" if extra.get("plotted", True) else "0", needs_context="0", ambiguous="",
            control_2016_10=extra.get("control_2016_10", ""),
            control_2016_12=extra.get("control_2016_12", ""),
            aliases="|".join([extra["ar"]] + extra["aliases"]), context_aliases="",
            note=extra.get("note", "area: drawn as an area, not a pin")))

    columns = ["id", "kind", "name_ar", "name_en", "lat", "lon", "confidence", "plotted",
               "needs_context", "ambiguous", "control_2016_10", "control_2016_12", "aliases",
               "context_aliases", "note"]
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]).replace("\t", " ").replace("\n", " ") for c in columns) + "\n")
    os.replace(tmp, out_path)
    print(f"{out_path}: {len(rows)} places")


if __name__ == "__main__":
    main()
