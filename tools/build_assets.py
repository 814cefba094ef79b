#!/usr/bin/env python3
"""Builds the app's data assets from the project's research tables and ../shared/reference/.

  assets/gazetteer.tsv          every place: ids, kinds, names and spellings, positions, sources
  assets/control_snapshots.tsv  dated rows: who held a place on a day, with the source
  assets/basemap.geojson        neighbourhood areas (one feature per place part), the edges two
                                areas share, the river, the Old City, the city's edge and the
                                dated east-Aleppo outlines
  assets/control_history.tsv    the reference history: dated, cited changes of control (the
                                reference's and the project's researched ones), by gazetteer id

Inputs:
  ../shared/reference/aleppo_places.csv            94 reference places (curated below)
  ../shared/reference/aleppo_geometry.geojson      river, Old City, extent, pockets
  ../shared/reference/neighbourhoods/*.geojson     the 133 CSR neighbourhood polygons (MIT)
  data/gazetteer/neighbourhoods.tsv                which place each polygon stands for
  data/gazetteer/research_*.tsv                    the project's own research (see its README)
  data/basemap_layers.tsv                          reference outlines, their layer ids and dates
  ../shared/reference/control_history_2016.csv     96 dated changes of control, Jul–Dec 2016
  data/control_history_research.tsv                the project's researched changes (same kind)

Columns of gazetteer.tsv (tab-separated, UTF-8, header first):
  id kind category name_ar name_en lat lon confidence plotted needs_context ambiguous area
  aliases context_aliases source note
- kind: neighbourhood | site | town | region | city | countryside (what the app draws and how
  head words fit); category: the finer kind of the research tables (hospital, hill, ...)
- plotted: 1 = on the map; 0 = recognised but never plotted (no position)
- needs_context: 1 = its names are ordinary words that count only after a head word
- ambiguous: a group id shared by places with the same name
- area: 1 when the base map has an area for the place (its polygon or part of one)
- aliases count anywhere; context_aliases only after a head word ("|"-separated)

Usage: tools/build_assets.py   (paths are fixed relative to this file)
"""
import csv
import datetime
import glob
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
REF = os.path.join(ROOT, "..", "shared", "reference")
DATA = os.path.join(ROOT, "data")
ASSETS = os.path.join(ROOT, "assets")

# Words that are never a place on their own, whatever a table says: a name that folds to one
# of these is dropped (with a message), and none is made by dropping an article.
GENERIC = {
    "باب", "الباب", "الكلية", "الكليات", "المشروع", "المدرسة", "المشفى", "المستشفى", "الجسر",
    "الدوار", "التلة", "القلعة", "المعبر", "المخيم", "الطريق", "المطار", "الجامع", "السوق",
    "الساحة", "المدينة", "الحي", "المنطقة", "الجبل", "الحديقة", "المقبرة", "الثكنة", "الفرع",
    "المعمل", "المعامل", "المحطة", "الشارع", "كلية", "مشروع", "مدرسة", "جسر", "دوار", "تلة",
    "قلعة", "معبر", "مخيم", "طريق", "مطار", "جامع", "سوق", "ساحة", "مدينة", "حي", "منطقة",
    "جبل", "حديقة", "مقبرة", "شارع", "الجديدة", "جديدة",
}
# Generic words that are nevertheless a place's own name after a head word of the right kind
# ("مدينة الباب" is the town of al-Bab; "حي الجديدة" the Old City quarter).
GENERIC_CONTEXT_OK = {"الباب", "الجديدة"}

# Per reference place, keyed by its Arabic name: id (when the English name does not make a
# good one), English display name, extra aliases, and flags.
CURATED = {
    "الشيخ سعيد": dict(aliases=["شيخ سعيد", "الشيخ سعد", "شيخ سعد", "الشيخ السعيد"]),
    "الراموسة": dict(id="al-ramouseh", en="al-Ramouseh", needs_context=False),
    "الراموسة – الكليات العسكرية / معبر الراموسة": dict(
        id="ramouseh-crossing", en="Ramouseh crossing and military academies",
        names=["معبر الراموسة", "الكليات العسكرية", "الكليات العسكرية بالراموسة",
               "كليات الراموسة", "تجمع الكليات", "تجمع الكليات العسكرية", "مجمع الكليات"]),
    "العويجة": dict(id="al-uwayja", en="al-Uwayja"),
    "كفر داعل": dict(aliases=["كفرداعل"]),
    "كفر حمرة": dict(aliases=["كفرحمرة", "كفر حمره", "كفرحمره"]),
    "مخيم حندرات": dict(id="handarat-camp", en="Handarat camp",
                        aliases=["مخيم الحندرات", "مخيم عين التل"]),
    "مستشفى الكندي": dict(id="al-kindi-hospital"),
    "الشقيف / معامل الشقيف": dict(id="shqeif", en="al-Shqeif industrial area",
                                  names=["الشقيف", "معامل الشقيف", "الشقيف الصناعية"]),
    "الشيخ مقصود": dict(context_aliases=["مسجد الشيخ"],
                        note="'حي مسجد الشيخ' in 001 is a garbled Sheikh Maqsoud (YPG-held, "
                             "north Aleppo); accepted only after a head word"),
    "الهلك": dict(id="al-halak", en="al-Halak", aliases=["تراب الهلك", "الهلك الفوقاني",
                                                        "الهلك التحتاني"]),
    "الميسر": dict(id="al-myassar", en="al-Myassar", needs_context=True,
                   free_aliases=["كرم الميسر", "كرم ميسر"]),
    "كرم الميسر": dict(skip=True),  # the same place as الميسر: one entry, one area
    "القاطرجي (كرم القاطرجي)": dict(id="al-qaterji", en="al-Qaterji"),
    "دوار الحاووظ": dict(id="hawouz-roundabout", aliases=["دوار الحاووز"]),  # ظ/ز both seen
    "العامرية": dict(needs_context=True),
    "الإذاعة": dict(id="al-izaa", en="al-Iza'a", needs_context=True, ambiguous="radio",
                    free_aliases=["جبل محسن", "تلة الإذاعة", "مبنى الإذاعة"]),
    "الفرقان": dict(needs_context=True, ambiguous="furqan"),
    "الزبدية (الزيدية)": dict(id="al-zebdiyeh", needs_context=True),
    "حلب الجديدة": dict(id="new-aleppo"),
    "مساكن هنانو": dict(id="masakin-hanano", en="Masakin Hanano", aliases=["هنانو"]),
    "الحيدرية": dict(needs_context=True),
    "صلاح الدين": dict(needs_context=True),
    "السكري": dict(needs_context=True),
    "الأنصاري": dict(needs_context=True),
    "الأنصاري الشرقي": dict(id="ansari-sharqi", en="East Ansari",
                             aliases=["أنصاري شرقي", "الأنصاري شرقي"]),
    "المشهد": dict(needs_context=True, aliases=["الأنصاري مشهد"]),
    "الشعار": dict(needs_context=True),
    "باب الحديد": dict(id="bab-al-hadid", en="Bab al-Hadid", aliases=["دوار باب الحديد"]),
    "قلعة حلب": dict(id="citadel", en="Citadel of Aleppo"),
    "حلب القديمة": dict(id="old-city", en="Old City",
                        aliases=["المدينة القديمة", "الأحياء القديمة", "أحياء حلب القديمة",
                                 "مدينة حلب القديمة"]),
    "السليمانية": dict(needs_context=True),
    "الحمدانية": dict(needs_context=True),
    "الأعظمية": dict(needs_context=True),
    "سيف الدولة": dict(needs_context=True),
    "الكاستيلو / طريق الكاستيلو": dict(id="castello-road", en="Castello road",
                                         names=["الكاستيلو", "طريق الكاستيلو", "طريق الكاستلو",
                                                "الكاستلو"],
                                         aliases=["الكاستيللو", "طريق الكاستيللو"]),
    "الأشرفية": dict(needs_context=True),
    "الليرمون": dict(id="al-layramoun", en="al-Layramoun",
                     aliases=["البلليرمون", "البليرمون", "الليرامون", "معامل الليرمون",
                              "صالات الليرمون", "معامل البليرمون"]),
    "الخالدية": dict(needs_context=True),
    # Bare "الزهراء" names both the town and (colloquially) this neighbourhood: a head word
    # ("حي" / "بلدة") decides; without one the mention is marked ambiguous.
    "جمعية الزهراء": dict(id="jamiat-al-zahra", context_aliases=["الزهراء"], ambiguous="zahraa"),
    "الصالحين": dict(needs_context=True),
    "المعادي": dict(needs_context=True),
    "باب قنسرين": dict(id="bab-qinnasrin", en="Bab Qinnasrin"),
    "الأصيلة": dict(needs_context=True, context_aliases=["القصيلة"]),
    "كرم الدعدع": dict(aliases=["كرم الدادا", "كرم الداداه"]),
    "الفردوس": dict(aliases=["مساكن الفردوس"]),
    "الجزماتي (كرم الجزماتي)": dict(id="al-jazmati"),
    "الإنذارات": dict(needs_context=True),
    "الشيخ نجار (المدينة الصناعية)": dict(id="sheikh-najjar", en="Sheikh Najjar industrial city",
                                           names=["الشيخ نجار", "المدينة الصناعية بالشيخ نجار",
                                                  "المدينة الصناعية في الشيخ نجار"]),
    "الفرافرة": dict(needs_context=True),
    "أقيول": dict(id="aqyul", en="Aqyul", aliases=["أغيور", "اغيور", "أقيور"]),
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
    "بستان الباشا": dict(aliases=["بستان باشا"]),
    "الصاخور": dict(),
}

# Places the reference does not list as rows: areas, and names that must be recognised so that
# the "حلب" inside them is not taken for the city.
EXTRA = [
    dict(id="east-aleppo", kind="region", ar="شرق حلب", en="East Aleppo (opposition-held)",
         aliases=["شرقي حلب", "حلب الشرقية", "الأحياء الشرقية", "الأحياء الشرقية من حلب",
                  "الأحياء الشرقية من مدينة حلب", "الأحياء الشرقية من المدينة",
                  "الجانب الشرقي من حلب", "الجزء الشرقي من حلب", "الجزء الشرقي من مدينة حلب",
                  "الأحياء المحاصرة", "أحياء حلب المحاصرة", "أحياء حلب الشرقية",
                  "القسم الشرقي من حلب", "القسم الشرقي من مدينة حلب"],
         geometry="Opposition pocket early Oct 2016", confidence="medium"),
    dict(id="aleppo", kind="city", ar="حلب", en="Aleppo", aliases=["مدينة حلب"],
         geometry="Built-up extent", confidence="medium"),
    dict(id="aleppo-countryside", kind="countryside", ar="ريف حلب", en="Aleppo countryside",
         aliases=["الريف الحلبي", "ريف حلب الشمالي", "ريف حلب الغربي", "ريف حلب الجنوبي",
                  "ريف حلب الشرقي", "ريف حلب الجنوبي الغربي", "ريف حلب الشمالي الغربي"],
         plotted=False, confidence="",
         note="recognised so that 'حلب' inside it is not the city; no area to draw"),
]

CATEGORY_KIND = {
    "neighbourhood": "neighbourhood", "old_city_quarter": "neighbourhood",
    "housing_project": "site", "suburb": "neighbourhood", "town": "town", "village": "town",
}

SIDE_CODES = {"OPP": "opposition", "GOV": "government", "YPG/SDF": "kurdish", "YPG": "kurdish",
              "CONTESTED": "contested", "SPLIT": "contested", "FRONT": "contested",
              "DIVIDED": "contested", "SDF/contested": "contested", "GOV/YPG": "contested",
              "GOV/SDF": "contested"}
MONTHS = {m: i + 1 for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}

# The reference history (control_history_2016.csv): its side codes, and the rows whose place is
# not one gazetteer place, with the ids they stand for.
HISTORY_SIDES = {"GOV": "government", "OPP": "opposition", "YPG": "kurdish",
                 "CONTESTED": "contested"}
HISTORY_CHANGES = {"captured", "recaptured", "evacuated", "ceasefire", "front_moved"}
HISTORY_PRECISIONS = {"day", "approx", "week"}
HISTORY_SLACK = {"day": 0, "approx": 2, "week": 3}  # days a dated change may be off
HISTORY_PLACES = {
    "تلال أم القرع": ["tal-umm-al-qara"],              # the hills: the one the gazetteer has
    "تلة العويجة وتل الأصفر": ["tal-uwayja", "tal-al-asfar"],  # two hills in one row
    "جيب المعارضة في حلب الشرقية": ["east-aleppo"],    # the final pocket: the east-Aleppo region
}


# Spellings seen in 2016 reports, by gazetteer id: each counts anywhere.
REPORT_SPELLINGS = {
    "project-1070": ["مشروع ال 1070", "الـ1070", "مشروع الألف والسبعين شقة", "مشروع الألف والسبعين",
                     "مشروع الف وسبعين", "مشروع ألف وسبعين", "مساكن 1070", "مساكن 1070 شقة"],
    "sports-preparation-institute": ["المعهد الرياضي"],
    "housing-company-sheikh-saeed": ["الإسكان العسكري", "منطقة الإسكان العسكري"],
    "airport-road": ["اوتستراد مطار حلب الدولي", "أوتوستراد مطار حلب الدولي", "اوتستراد المطار",
                     "أوتوستراد المطار"],
    "masakin-al-buhuth": ["البحوث العلمية"],
    "ramouseh-crossing": ["الكليات الحربية", "مجمع الراموسة"],
    "al-ramouseh": ["الرموسة"],
    "ard-al-jabs": ["سوق الجبس", "أرض سوق الجبس"],
    "aziza": ["معبر العزيزة"],
    "ramouseh-officers-building": ["أبنية الضباط"],
    "ard-al-hamra": ["أرض حمرا", "أرض حمراء", "أرض الحمرة", "الأرض الحمراء"],
    # Reports' spellings, sixth pass: "Chalabi" written with ج or ش; a long "و" in Da'dou'.
    "jub-al-shalabi": ["جب الجلبي", "جب جلبي", "جب شلبي"],
    "karm-al-dada": ["كرم الدعدوع", "كرم دعدع"],
    "ramouseh-road": ["طريق الرموسة", "أوتوستراد الرموسة", "اوتوستراد الراموسة",
                      "أوتستراد الراموسة"],
    # "محيط القلعة", "شرق القلعة", "حامية القلعة": in reports on Aleppo the castle is the citadel.
    "citadel": ["القلعة"],
    "jabal-badro": ["جبل بدور"],  # a common misspelling
    # Sources for these: docs/GAZETTEER.md (fourth report-driven pass).
    "al-halak": ["الهلك فوقاني", "الهلك تحتاني"],
    "ayn-al-tal": ["مساكن عين التل"],
    "cement-factory": ["معمل إسمنت الشيخ سعيد", "معمل اسمنت الشيخ سعيد"],
    "tal-al-eiss": ["تل العيس الرئيسي"],
    # "حندرات" alone is the camp in 2016 reporting (the fighting of September to December was
    # for the camp; the development readers mapped it there); the village after "بلدة"/"قرية".
    "handarat-camp": ["حندرات"],
    "dahret-abd-rabbo": ["تلة عبد ربه", "تل عبد ربه"],  # the rise is also called a hill
    "castello-complex": ["مطعم الكاستيلو", "مطعم الكاستلو"],  # the complex began as a restaurant
    "jandoul-roundabout": ["الجندول"],  # "العويجة والجندول": the roundabout and its area
    # Shared with al-sakan-al-shababi (whose proper name it is): the article's other places
    # tell which (the north-western estate in July, this one in December).
    "maasaraniyeh-youth-housing": ["السكن الشبابي"],
    "air-technical-college": ["الكلية الجوية"],
    "tal-umm-al-qara": ["تلة القرع", "تل القرع"],
    "hikma-school": ["مدرسة بيت الحكمة"],
    # Fifth report-driven pass: sources in research_2016_reports_e.tsv's opening comments.
    "seventh-april-stadium": ["الملعب البلدي"],
    "tal-umm-al-shqeif": ["تل الشقيف"],
    "hamdaniyah-roundabout": ["دوار أبو فراس الحمداني"],
    "tamura": ["مرتفعات الطامورة"],
    # Seventh report-driven pass (docs/GAZETTEER.md): a misspelling two wire reports share, and
    # the project with a district's head word.
    "karm-al-jabal": ["كرم الجيل"],
    "project-1070": ["منطقة 1070", "حي 1070"],
}
# The same, counted only after a head word: "الكليات" alone is the college complex in nearly
# every 2016 report, but only "منطقة الكليات" or "محور الكليات" says it is a place.
REPORT_CONTEXT_SPELLINGS = {
    "ramouseh-crossing": ["الكليات"],
    "assad-military-academy": ["الأكاديمية"],
    # "محور الكتيبة الجوية جنوب حلب", "كتيبة المدفعية" (reports' names for the battalion and the
    # academy's artillery battalion), "عزيزه" (ه for ة).
    "air-defence-battalion": ["الكتيبة الجوية"],
    "artillery-academy": ["كتيبة المدفعية"],
    "aziza": ["عزيزه"],
}


def fail(msg):
    sys.exit(f"build_assets: {msg}")


# ---------------------------------------------------------------- names

def fold(text):
    """The matcher's folding, enough to compare names: no harakat/tatweel, one alef, ه for ة."""
    text = re.sub("[\u064B-\u065F\u0670\u0640]", "", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    return " ".join(text.split())


def slug(text):
    text = text.split("(")[0].split("/")[0].strip().lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split_names(arabic):
    return [p.strip() for p in re.split(r"\s*/\s*|\s+–\s+|\(|\)", arabic) if p.strip()]


def hospital_variants(name):
    out = [name]
    # (and roundabouts: "مستديرة الجندول" is "دوار الجندول")
    for a, b in (("مستشفى ", "مشفى "), ("مشفى ", "مستشفى "), ("المستشفى ", "المشفى "),
                 ("المشفى ", "المستشفى "), ("دوار ", "مستديرة ")):
        if name.startswith(a):
            out.append(b + name[len(a):])
    return out


def name_sets(names, needs_context, extra_context=(), free_extra=()):
    """(aliases, context_aliases) for a place: without the article only where that is still
    the name (one-word names, "شيخ" for "الشيخ"), never a generic word."""
    aliases = []
    for n in names:
        aliases += hospital_variants(n)
    aliases = [a for a in dict.fromkeys(aliases) if a]
    context = list(extra_context)
    for a in aliases:
        if a.startswith("ال") and " " not in a and len(a) > 4:
            context.append(a[2:])
        elif a.startswith("الشيخ "):
            context.append(a[2:])
    if needs_context:
        context = aliases + context
        aliases = []
    aliases += list(free_extra)
    dropped = []
    keep_a, keep_c = [], []
    for a in dict.fromkeys(aliases):
        (dropped if fold(a) in GENERIC_F else keep_a).append(a)
    for c in dict.fromkeys(context):
        if c in keep_a:
            continue
        if fold(c) in GENERIC_F and fold(c) not in GENERIC_CONTEXT_OK_F:
            dropped.append(c)
        else:
            keep_c.append(c)
    return keep_a, keep_c, dropped


GENERIC_F = {fold(g) for g in GENERIC}
GENERIC_CONTEXT_OK_F = {fold(g) for g in GENERIC_CONTEXT_OK}


# ---------------------------------------------------------------- geometry (lon/lat degrees)

def ring_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    a /= 2
    return cx / (6 * a), cy / (6 * a)


def point_in_ring(x, y, ring):
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def point_in_polygon(x, y, poly):
    return point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:])


def inside_point(poly):
    """The centroid if it lies inside, else the middle of the widest stretch of the horizontal
    line through it that does (a representative point for labels and gazetteer positions)."""
    cx, cy = ring_centroid(poly[0])
    if point_in_polygon(cx, cy, poly):
        return cx, cy
    xs = []
    for ring in poly:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > cy) != (y1 > cy):
                xs.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    best = max(((xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)),
               default=(0, cx))
    return best[1], cy


def clip_half_plane(ring, keep):
    """Sutherland-Hodgman: the part of a closed ring where keep(x, y) >= 0 (keep is linear)."""
    out = []
    pts = ring[:-1]
    n = len(pts)
    for i in range(n):
        p, q = pts[i], pts[(i + 1) % n]
        dp, dq = keep(*p), keep(*q)
        if dp >= 0:
            out.append(p)
        if (dp >= 0) != (dq >= 0):
            t = dp / (dp - dq)
            out.append([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
    if len(out) >= 3:
        out.append(out[0])
        return out
    return None


def split_polygon(poly, sites):
    """Divides a polygon (outer ring only; CSR polygons have no holes) among `sites` (lon, lat)
    by nearest site: each part is the polygon cut by the perpendicular bisectors, in a metric
    frame so that the cut is where the two places are equally far on the ground."""
    kx = math.cos(math.radians(36.2))
    parts = []
    for i, (xi, yi) in enumerate(sites):
        ring = poly[0]
        for j, (xj, yj) in enumerate(sites):
            if i == j or ring is None:
                continue
            # keep points closer to i than to j: (p - mid) . (i - j) >= 0, x scaled to metres
            mx, my = (xi + xj) / 2, (yi + yj) / 2
            dx, dy = (xi - xj) * kx, yi - yj
            ring = clip_half_plane(ring, lambda x, y, mx=mx, my=my, dx=dx, dy=dy:
                                   (x - mx) * kx * dx + (y - my) * dy)
        parts.append([ring] if ring else None)
    return parts


def metres(p):
    return (p[0] * 111320 * math.cos(math.radians(36.2)), p[1] * 110574)


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    t = 0 if l2 == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / l2))
    return math.hypot(ax + t * dx - px, ay + t * dy - py)


def shared_edges(parts, tol=100.0):
    """For every two parts of different places that touch, the stretches of the first one's
    boundary that run within `tol` metres of the second one (the CSR polygons were digitised
    one by one: neighbours' borders lie side by side, not on common vertices)."""
    m = []
    for place, poly in parts:
        ring = [metres(p) for p in poly[0]]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        m.append((place, poly, ring, (min(xs), min(ys), max(xs), max(ys))))
    edges = {}
    for i, (pa, polya, ra, ba) in enumerate(m):
        for j, (pb, polyb, rb, bb) in enumerate(m):
            if j <= i or pa == pb:
                continue
            if ba[0] > bb[2] + tol or bb[0] > ba[2] + tol or ba[1] > bb[3] + tol or \
                    bb[1] > ba[3] + tol:
                continue
            segsb = list(zip(rb, rb[1:]))

            def near(p):
                if not (bb[0] - tol <= p[0] <= bb[2] + tol and bb[1] - tol <= p[1] <= bb[3] + tol):
                    return False
                return any(seg_dist(p, a, b) <= tol for a, b in segsb)
            flags = [near(p) for p in ra]
            lines, cur = [], []
            for k in range(len(ra) - 1):
                if flags[k] and flags[k + 1]:
                    if not cur:
                        cur = [polya[0][k]]
                    cur.append(polya[0][k + 1])
                elif cur:
                    lines.append(cur)
                    cur = []
            if cur:
                lines.append(cur)
            # The ring closes: join a stretch that runs over the start point.
            if len(lines) > 1 and lines[0][0] == lines[-1][-1]:
                lines[0] = lines[-1][:-1] + lines[0]
                lines.pop()
            lines = [ln for ln in lines if len(ln) >= 2]
            if lines:
                key = (pa, pb) if pa < pb else (pb, pa)
                edges.setdefault(key, []).extend(lines)
    return edges


def rounded(coords, nd=6):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], nd), round(coords[1], nd)]
    return [rounded(c, nd) for c in coords]


def ccw(poly):
    """RFC 7946: exterior rings counter-clockwise, holes clockwise; rings closed."""
    out = []
    for i, ring in enumerate(poly):
        ring = list(ring)
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        if (ring_area(ring) < 0) == (i == 0):
            ring.reverse()
        out.append(ring)
    return out


# ---------------------------------------------------------------- control snapshots

def side_of(text):
    text = (text or "").strip()
    if not text:
        return ""
    code = re.split(r"[ (,;]", text)[0]
    side = SIDE_CODES.get(code, "")
    # "OPP part remained until evacuation": part of it, so the front ran through it.
    if side in ("opposition", "government") and re.search(r"\bpart\b", text) and \
            "retaken" not in text:
        side = "contested"
    return side


def dated_change(text, year):
    """The date in "GOV (28 Nov)", "GOV (4–5 Dec, ...)", "GOV (retaken 4 Sep 2016)": the first
    day of a range, in `year` unless the text names one. None for "until ..." notes, which say
    when a state ended, not when it began."""
    m = re.search(r"\((?:[~a-z ]*?)(\d{1,2})(?:\s*[–-]\s*\d{1,2})?\s+(" + "|".join(MONTHS) +
                  r")\b(?:\s+(\d{4}))?", text or "")
    if not m or "until" in text[:m.end()]:
        return None
    return f"{int(m.group(3) or year):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def rebel_period(text, year):
    """(first, last) day of "rebels held (much of) it D1 Mon1–D2 Mon2", else None."""
    m = re.search(r"rebels held [a-z ]*?~?(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s*[–-]\s*"
                  r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")", text or "")
    if not m:
        return None
    first = f"{int(year):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    last = f"{int(year):04d}-{MONTHS[m.group(4)]:02d}-{int(m.group(3)):02d}"
    return first, last


# ---------------------------------------------------------------- tables

def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    places_csv = os.path.join(REF, "aleppo_places.csv")
    geometry_path = os.path.join(REF, "aleppo_geometry.geojson")
    csr_path = os.path.join(REF, "neighbourhoods", "aleppo_neighbourhoods_csr.geojson")
    with open(geometry_path, encoding="utf-8") as f:
        ref_geometry = json.load(f)["features"]
    with open(csr_path, encoding="utf-8") as f:
        csr = json.load(f)["features"]
    layers = read_tsv(os.path.join(DATA, "basemap_layers.tsv"))
    snapshots_meta = read_tsv(os.path.join(DATA, "control_snapshot_dates.tsv"))

    rows, by_id, names_seen = [], {}, {}
    snapshots = []
    ref_ids = {}  # reference place (its Arabic name) -> gazetteer id

    def add(row):
        if row["id"] in by_id:
            fail(f"duplicate id {row['id']}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]):
            fail(f"bad id '{row['id']}'")
        by_id[row["id"]] = row
        rows.append(row)
        for n in row["aliases"] + row["context_aliases"]:
            names_seen.setdefault(fold(n), row["id"])

    # 1. The reference's places.
    with open(places_csv, encoding="utf-8") as f:
        reference = list(csv.DictReader(f))
    for ref in reference:
        cur = CURATED.get(ref["arabic"], {})
        if cur.get("skip"):
            continue
        en = cur.get("en") or ref["english"].split("(")[0].split("/")[0].strip()
        pid = cur.get("id") or slug(ref["english"])
        ref_ids[ref["arabic"]] = pid
        names = cur.get("names") or split_names(ref["arabic"])
        needs = cur.get("needs_context", False)
        aliases, context, dropped = name_sets(names + cur.get("aliases", []), needs,
                                              cur.get("context_aliases", []),
                                              cur.get("free_aliases", []))
        plotted = bool(ref["lat"] and ref["lon"])
        add(dict(id=pid, kind=ref["kind"], category=ref["kind"], name_ar=names[0], name_en=en,
                 lat=ref["lat"], lon=ref["lon"], confidence=ref["confidence"],
                 plotted=plotted, needs_context=needs, ambiguous=cur.get("ambiguous", ""),
                 aliases=aliases, context_aliases=context,
                 source="reference places list: " + ref["source"],
                 note=cur.get("note", "" if plotted else "position unknown: never plotted")))
        # Dated control rows: the two columns, and the change dates their notes give.
        for meta in snapshots_meta:
            text = ref[meta["column"]]
            side = side_of(text)
            if not side:
                continue
            snapshots.append((pid, meta["date"], side,
                              f"{meta['source']}: {text}".replace("\t", " ")))
            held = rebel_period(text, meta["date"][:4])
            if held:
                # "GOV (rebels held much of it 28 Oct–10 Nov)": the other side's period, not
                # the date this side took it.
                for day, who in ((held[0], "opposition"), (held[1], side)):
                    snapshots.append((pid, day, who,
                                      f"{meta['source']}: period dated in the note: {text}"))
                continue
            change = dated_change(text, meta["date"][:4])
            if change and change != meta["date"] and side in ("government", "opposition",
                                                                "kurdish"):
                snapshots.append((pid, change, side,
                                  f"{meta['source']}: change dated in the note: {text}"))

    # 2. Neighbourhood polygons: new places, and which area each place gets.
    hood_rows = read_tsv(os.path.join(DATA, "gazetteer", "neighbourhoods.tsv"))
    if len(hood_rows) != len(csr):
        fail(f"neighbourhoods.tsv has {len(hood_rows)} rows for {len(csr)} CSR features")
    polygons_of = {}   # place id -> [polygon (lon/lat rings)]
    split_of = []      # (places, polygon)
    for row in hood_rows:
        feature = csr[int(row["feature"])]
        if feature["properties"]["NAME"] != row["csr_name"]:
            fail(f"feature {row['feature']} is {feature['properties']['NAME']}, "
                 f"not {row['csr_name']}")
        places = row["place"].split("+")
        for pid in places:
            if pid in by_id or not row["name_ar"] or pid != places[0]:
                continue
            needs = row["needs_head"] == "1"
            names = [row["name_ar"]] + [v for v in row["variants"].split("|") if v]
            aliases, context, dropped = name_sets(names, needs)
            kind = CATEGORY_KIND.get(row["category"], "site")
            add(dict(id=pid, kind=kind, category=row["category"], name_ar=row["name_ar"],
                     name_en=row["name_en"], lat="", lon="", confidence="high", plotted=True,
                     needs_context=needs, ambiguous="", aliases=aliases,
                     context_aliases=context,
                     source="Columbia Center for Spatial Research, Conflict Urbanism: Aleppo, "
                            "Neighborhoods.geojson (MIT): polygon "
                            f"'{feature['properties']['NAME']}'",
                     note=row["note"]))
        for pid in places:
            if pid not in by_id:
                fail(f"neighbourhoods.tsv feature {row['feature']}: unknown place {pid}")
        for poly in feature["geometry"]["coordinates"]:
            if len(places) == 1:
                polygons_of.setdefault(places[0], []).append(poly)
            else:
                split_of.append((places, poly))
    for places, poly in split_of:
        sites = []
        for pid in places:
            p = by_id[pid]
            if not p["lat"]:  # a place first defined by this polygon: its middle
                x, y = inside_point(poly)
                p["lat"], p["lon"] = f"{y:.5f}", f"{x:.5f}"
            sites.append((float(p["lon"]), float(p["lat"])))
        for pid, part in zip(places, split_polygon(poly, sites)):
            if part:
                polygons_of.setdefault(pid, []).append(part)

    # Positions of areas: a place's own point if it lies in its area, else a point inside it.
    for pid, polys in polygons_of.items():
        p = by_id[pid]
        p["area"] = True
        if p["lat"] and any(point_in_polygon(float(p["lon"]), float(p["lat"]), q) for q in polys):
            continue
        largest = max(polys, key=lambda q: abs(ring_area(q[0])))
        x, y = inside_point(largest)
        if p["lat"]:
            p["note"] = (p["note"] + "; " if p["note"] else "") + \
                f"reference point {p['lat']},{p['lon']} lies outside its area: moved inside"
        p["lat"], p["lon"] = f"{y:.5f}", f"{x:.5f}"

    # 3. The project's research tables.
    skipped = []
    for path in sorted(glob.glob(os.path.join(DATA, "gazetteer", "research_*.tsv"))):
        table = os.path.relpath(path, ROOT)
        for line, r in enumerate(read_tsv(path), start=2):
            where = f"{table}:{line}"
            if not r.get("id") or not r.get("name_ar"):
                fail(f"{where}: a row needs an id and name_ar")
            if r["id"] in by_id:
                skipped.append(f"{where}: id {r['id']} already exists")
                continue
            if fold(r["name_ar"]) in names_seen:
                skipped.append(f"{where}: {r['name_ar']} is already {names_seen[fold(r['name_ar'])]}")
                continue
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError:
                fail(f"{where}: bad coordinates '{r['lat']},{r['lon']}'")
            if not (35.5 < lat < 36.9 and 36.6 < lon < 37.9):
                fail(f"{where}: {r['id']} at {lat},{lon} is far from Aleppo")
            if not r.get("source", "").strip():
                fail(f"{where}: {r['id']} has no source")
            needs = r.get("needs_head", "0").strip() == "1"
            variants = [v.strip() for v in (r.get("variants") or "").split("|") if v.strip()]
            variants = [v for v in variants if fold(v) not in names_seen]
            after_head = [v.strip() for v in (r.get("variants_after_head") or "").split("|")
                          if v.strip() and fold(v.strip()) not in names_seen]
            aliases, context, dropped = name_sets([r["name_ar"]] + variants, needs, after_head)
            if dropped:
                skipped.append(f"{where}: generic names dropped: {', '.join(dropped)}")
            if not aliases and not context:
                skipped.append(f"{where}: {r['id']} has no usable name")
                continue
            category = r.get("category", "").strip() or "landmark"
            add(dict(id=r["id"], kind=CATEGORY_KIND.get(category, "site"), category=category,
                     name_ar=r["name_ar"], name_en=r["name_en"], lat=f"{lat:.5f}",
                     lon=f"{lon:.5f}", confidence=r.get("confidence", ""), plotted=True,
                     needs_context=needs, ambiguous="", aliases=aliases,
                     context_aliases=context, source=r["source"], note=r.get("note", "")))

    # 4. Regions and the city.
    for extra in EXTRA:
        lat = lon = ""
        if extra.get("geometry"):
            g = next(f["geometry"] for f in ref_geometry
                     if f["properties"]["name"].startswith(extra["geometry"]))
            lon_c, lat_c = ring_centroid(g["coordinates"][0])
            lat, lon = f"{lat_c:.4f}", f"{lon_c:.4f}"
        aliases, context, _ = name_sets([extra["ar"]] + extra["aliases"], False)
        add(dict(id=extra["id"], kind=extra["kind"], category=extra["kind"], name_ar=extra["ar"],
                 name_en=extra["en"], lat=lat, lon=lon, confidence=extra.get("confidence", ""),
                 plotted=extra.get("plotted", True), needs_context=False, ambiguous="",
                 aliases=[extra["ar"]] + extra["aliases"], context_aliases=[],
                 source="reference geometry (river, Old City, extent, pockets)" if extra.get("geometry")
                 else "project", note=extra.get("note", "area: drawn as an area, not a pin")))

    # Areas without reference control: the side of the reference's opposition pocket outline
    # that the area's point falls on, at each outline's date (Kurdish Sheikh Maqsoud has its
    # own rows).
    with_rows = {s[0] for s in snapshots}
    pockets = [(lay, next(f["geometry"]["coordinates"] for f in ref_geometry
                          if f["properties"]["name"].startswith(lay["reference_name"])))
               for lay in layers if lay["snapshot_date"]]
    for pid, polys in polygons_of.items():
        if pid in with_rows:
            continue
        p = by_id[pid]
        x, y = float(p["lon"]), float(p["lat"])
        for lay, coords in pockets:
            side = "opposition" if point_in_polygon(x, y, coords) else "government"
            snapshots.append((pid, lay["snapshot_date"], side,
                              "reference outline: the area lies " +
                              ("inside" if side == "opposition" else "outside") +
                              f" the opposition pocket of {lay['snapshot_label']}"))

    # 5. Write the gazetteer.
    columns = ["id", "kind", "category", "name_ar", "name_en", "lat", "lon", "confidence",
               "plotted", "needs_context", "ambiguous", "area", "aliases", "context_aliases",
               "source", "note"]

    def cell(r, c):
        v = r.get(c, "")
        if isinstance(v, bool):
            v = "1" if v else "0"
        elif isinstance(v, list):
            v = "|".join(v)
        return str(v).replace("\t", " ").replace("\n", " ")
    # Spellings real reports use that the tables above do not give (docs/DEVSET.md).
    for r in rows:
        extra = [v for v in REPORT_SPELLINGS.get(r["id"], []) if v not in r["aliases"]]
        r["aliases"] = list(r["aliases"]) + extra
        extra = [v for v in REPORT_CONTEXT_SPELLINGS.get(r["id"], []) if v not in r["context_aliases"]]
        r["context_aliases"] = list(r["context_aliases"]) + extra
    for r in rows:
        r.setdefault("area", False)
        if not r["lat"]:
            r["plotted"] = False
    write(os.path.join(ASSETS, "gazetteer.tsv"),
          "\t".join(columns) + "\n" + "".join("\t".join(cell(r, c) for c in columns) + "\n"
                                              for r in rows))

    snapshots.sort(key=lambda s: (s[0], s[1]))
    write(os.path.join(ASSETS, "control_snapshots.tsv"),
          "place\tdate\tside\tsource\n" + "".join("\t".join(s) + "\n" for s in snapshots))

    # 6. The base map.
    features = []
    for lay in layers:
        ref = next((f for f in ref_geometry
                    if f["properties"]["name"].startswith(lay["reference_name"])), None)
        if ref is None:
            fail(f"basemap_layers.tsv: no reference feature '{lay['reference_name']}'")
        g = ref["geometry"]
        coords = g["coordinates"]
        if g["type"] == "Polygon":
            coords = ccw(coords)
        props = {"layer": lay["layer"], "name": ref["properties"]["name"],
                 "confidence": ref["properties"].get("confidence", ""),
                 "source": "reference geometry"}
        for key in ("valid_from", "valid_until"):
            if lay[key]:
                props[key] = lay[key]
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": g["type"], "coordinates": rounded(coords, 5)}})
    parts = []
    for r in rows:
        for poly in polygons_of.get(r["id"], []):
            parts.append((r["id"], poly))
            features.append({"type": "Feature",
                             "properties": {"layer": "area", "place": r["id"],
                                            "name_ar": r["name_ar"], "name_en": r["name_en"]},
                             "geometry": {"type": "Polygon",
                                          "coordinates": rounded(ccw(poly))}})
    edges = shared_edges(parts)
    for (a, b), lines in sorted(edges.items()):
        features.append({"type": "Feature", "properties": {"layer": "shared_edge", "a": a, "b": b},
                         "geometry": {"type": "MultiLineString", "coordinates": rounded(lines)}})
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"))
    # One feature a line: small diffs, and messages can name a feature's line.
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace(
        '"features":[{', '"features":[\n{')
    write(os.path.join(ASSETS, "basemap.geojson"), text + "\n")

    history_summary = build_control_history(rows, by_id, ref_ids, snapshots)

    for s in skipped:
        print("note:", s)
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"assets/gazetteer.tsv: {len(rows)} places ({kinds}); "
          f"{len(polygons_of)} with areas, {len(parts)} area parts, {len(edges)} shared edges; "
          f"{len(snapshots)} control rows")
    print(history_summary)


def days_between(a, b):
    """Days from ISO date a to ISO date b."""
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def build_control_history(rows, by_id, ref_ids, snapshots):
    """Writes assets/control_history.tsv: the reference's dated changes of control and the
    project's researched ones, one row per change and gazetteer place, sorted by date and place.
    A reference row's place is the id its reference place became (join on the Arabic name),
    else the one gazetteer place with that name or alias, else HISTORY_PLACES; rows still
    without a place are left out and listed. Where control_snapshots.tsv disagrees (see below)
    both are kept and the history row's note says what the snapshot has. Returns the summary
    line to print."""
    names = {}
    for r in rows:
        for n in [r["name_ar"]] + r["aliases"] + r["context_aliases"]:
            names.setdefault(fold(n), set()).add(r["id"])

    def places_of(ref):
        if ref["place_ar"] in ref_ids:
            return [ref_ids[ref["place_ar"]]], False
        found = names.get(fold(ref["place_ar"]), set())
        if len(found) == 1:
            return sorted(found), False
        # (A name several places share: the place it is the proper name of.)
        exact = [pid for pid in sorted(found) if fold(by_id[pid]["name_ar"]) == fold(ref["place_ar"])]
        if len(exact) == 1:
            return exact, False
        if ref["place_ar"] in HISTORY_PLACES:
            return HISTORY_PLACES[ref["place_ar"]], True
        return [], False

    def clean(text):
        return " ".join((text or "").replace("\t", " ").split())

    def check(where, date, precision, side, change, source):
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            fail(f"{where}: bad date '{date}'")
        if precision not in HISTORY_PRECISIONS:
            fail(f"{where}: bad precision '{precision}'")
        if side not in ("government", "opposition", "kurdish", "contested"):
            fail(f"{where}: bad side '{side}'")
        if change not in HISTORY_CHANGES:
            fail(f"{where}: bad change '{change}'")
        if not all(u.startswith(("http://", "https://")) for u in source.split(" | ")):
            fail(f"{where}: every source must be an http(s) address")

    history, unmatched = [], []
    path = os.path.join(REF, "control_history_2016.csv")
    with open(path, encoding="utf-8", newline="") as f:
        reference = list(csv.DictReader(f))
    for line, ref in enumerate(reference, start=2):
        where = f"control_history_2016.csv:{line}"
        side = HISTORY_SIDES.get(ref["side_after"].strip(), "")
        source = clean(ref["source"])
        check(where, ref["date"], ref["date_precision"], side, ref["change"], source)
        pids, mapped = places_of(ref)
        if not pids:
            unmatched.append(f"{where}: {ref['place_en']} ({ref['place_ar']})")
            continue
        note = "reference: " + clean(ref["note"])
        if mapped:
            note += f" [the reference's '{clean(ref['place_en'])}']"
        for pid in pids:
            history.append([pid, ref["date"], ref["date_precision"], side, ref["change"],
                            source, note])
    from_reference = len(history)

    path = os.path.join(DATA, "control_history_research.tsv")
    for line, r in enumerate(read_tsv(path), start=1):
        where = f"data/control_history_research.tsv (row {line})"
        if r["place"] not in by_id:
            fail(f"{where}: unknown place id '{r['place']}'")
        source = clean(r["source"])
        check(where, r["date"], r["precision"], r["side"], r["change"], source)
        history.append([r["place"], r["date"], r["precision"], r["side"], r["change"], source,
                        "research: " + clean(r["note"])])

    # Disagreements with the snapshots: both stay, the history row says so. A snapshot
    # disagrees when the latest change on or before its date gives another side, or when it
    # already has the side a later change hands over (the snapshot dates the change earlier).
    history.sort(key=lambda h: (h[1], h[0]))  # stable: the reference's row first on a tie
    disagree = 0
    for pid, date, side, _ in sorted(snapshots, key=lambda s: (s[0], s[1])):
        own = [h for h in history if h[0] == pid]
        before = [h for h in own if h[1] <= date]
        after = [h for h in own if h[1] > date]
        if before and before[-1][3] != side:
            before[-1][6] += f" [control_snapshots.tsv: {side} on {date}]"
            disagree += 1
        elif after and after[0][3] == side and after[0][4] != "ceasefire" and \
                after[0][4] != "front_moved" and (not before or before[-1][3] != side) and \
                days_between(date, after[0][1]) > HISTORY_SLACK[after[0][2]]:
            after[0][6] += f" [control_snapshots.tsv: already {side} on {date}]"
            disagree += 1

    write(os.path.join(ASSETS, "control_history.tsv"),
          "place\tdate\tprecision\tside\tchange\tsource\tnote\n" +
          "".join("\t".join(h) + "\n" for h in history))
    summary = (f"assets/control_history.tsv: {len(history)} rows ({from_reference} from the "
               f"reference, {len(history) - from_reference} researched); {disagree} snapshot "
               f"rows disagree (noted)")
    if unmatched:
        summary += f"; {len(unmatched)} reference rows without a gazetteer place, left out:\n  " + \
            "\n  ".join(unmatched)
    else:
        summary += "; every reference row has a gazetteer place"
    return summary


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
