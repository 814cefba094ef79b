#include "text/paragraph.h"

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "text/font_face.h"
#include "text/font_locator.h"

namespace atlas::text {

namespace {

// UTF-8 → UTF-16, with the byte offset of every UTF-16 unit (and one past the end).
void decode(std::string_view text, std::u16string& out, std::vector<uint32_t>& byteOf) {
  out.clear();
  byteOf.clear();
  out.reserve(text.size());
  byteOf.reserve(text.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    uint32_t start = static_cast<uint32_t>(i);
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0xFFFF) {
      out.push_back(static_cast<char16_t>(c));
      byteOf.push_back(start);
    } else {
      out.push_back(static_cast<char16_t>(U16_LEAD(c)));
      out.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      byteOf.push_back(start);
      byteOf.push_back(start);
    }
  }
  byteOf.push_back(static_cast<uint32_t>(n));
}

bool neutralScript(UScriptCode s) {
  return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN ||
         s == USCRIPT_INVALID_CODE;
}

hb_script_t toHbScript(UScriptCode s) {
  if (neutralScript(s)) return HB_SCRIPT_COMMON;
  return hb_script_from_string(uscript_getShortName(s), -1);
}

size_t countChars(const std::string& text, size_t begin, size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end; ++i)
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

// Byte offset of the k-th character starting at `begin`.
size_t charOffset(const std::string& text, size_t begin, size_t end, size_t k) {
  for (size_t i = begin; i < end; ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) {
      if (k == 0) return i;
      --k;
    }
  }
  return end;
}

}  // namespace

std::unique_ptr<TextEngine> TextEngine::create(std::string* error, const std::string& arabicFile) {
  std::unique_ptr<TextEngine> engine(new TextEngine());
  std::string why;
  if (!arabicFile.empty()) {
    auto face = FontFace::open(arabicFile, 0, &why);
    if (!face) {
      if (error) *error = why;
      return nullptr;
    }
    engine->faces_.push_back(std::move(face));
  } else {
    auto found = findArabicFont();
    if (!found) {
      if (error)
        *error =
            "No Arabic font found: install Noto Naskh Arabic or Noto Sans Arabic (Debian: "
            "fonts-noto-core) or Amiri (fonts-hosny-amiri).";
      return nullptr;
    }
    auto face = FontFace::open(found->path, found->index, &why);
    if (!face) {
      if (error) *error = why;
      return nullptr;
    }
    engine->faces_.push_back(std::move(face));
  }
  if (auto ui = findUiFont()) {
    if (auto face = FontFace::open(ui->path, ui->index, &why))
      engine->faces_.push_back(std::move(face));
  }
  UErrorCode status = U_ZERO_ERROR;
  engine->para_ = ubidi_open();
  engine->line_ = ubidi_open();
  engine->breaker_ = ubrk_open(UBRK_LINE, "ar", nullptr, 0, &status);
  engine->buffer_ = hb_buffer_create();
  if (!engine->para_ || !engine->line_ || U_FAILURE(status) ||
      !hb_buffer_allocation_successful(engine->buffer_)) {
    if (error) *error = std::string("ICU/HarfBuzz initialisation failed: ") + u_errorName(status);
    return nullptr;
  }
  return engine;
}

TextEngine::~TextEngine() {
  if (para_) ubidi_close(para_);
  if (line_) ubidi_close(line_);
  if (breaker_) ubrk_close(breaker_);
  if (buffer_) hb_buffer_destroy(buffer_);
}

size_t TextEngine::KeyHash::operator()(const Key& k) const {
  size_t h = std::hash<std::string>()(k.text);
  auto mix = [&h](size_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
  mix(std::hash<float>()(k.size));
  mix(std::hash<float>()(k.width));
  mix(static_cast<size_t>(k.align));
  return h;
}

void TextEngine::shapeItem(const std::u16string& text, uint32_t begin, uint32_t end, bool rtl,
                           uint32_t script, int font, std::vector<Glyph>& out,
                           std::vector<uint32_t>& clusters) {
  auto shapeRaw = [&](uint32_t b, uint32_t e, int f, std::vector<Glyph>& g,
                      std::vector<uint32_t>& c) {
    hb_buffer_clear_contents(buffer_);
    hb_buffer_set_direction(buffer_, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer_, static_cast<hb_script_t>(script));
    hb_buffer_set_language(buffer_, hb_language_get_default());
    hb_buffer_set_cluster_level(buffer_, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (b == 0) flags |= HB_BUFFER_FLAG_BOT;
    if (e == text.size()) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buffer_, static_cast<hb_buffer_flags_t>(flags));
    hb_buffer_add_utf16(buffer_, reinterpret_cast<const uint16_t*>(text.data()),
                        static_cast<int>(text.size()), b, static_cast<int>(e - b));
    hb_shape(faces_[f]->hbFont(), buffer_, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &n);
    for (unsigned k = 0; k < n; ++k) {
      unsigned i = rtl ? n - 1 - k : k;  // logical order
      Glyph glyph;
      glyph.id = info[i].codepoint;
      glyph.font = static_cast<uint8_t>(f);
      glyph.rtl = rtl;
      glyph.rawAdvance = pos[i].x_advance;
      glyph.rawDx = pos[i].x_offset;
      glyph.rawDy = pos[i].y_offset;
      g.push_back(glyph);
      c.push_back(info[i].cluster);
    }
  };

  size_t first = out.size();
  shapeRaw(begin, end, font, out, clusters);
  if (font != 0 || faces_.size() < 2) return;
  bool missing = false;
  for (size_t i = first; i < out.size(); ++i) missing |= out[i].id == 0;
  if (!missing) return;

  // Reshape the clusters the Arabic face cannot render with the Latin face.
  std::vector<Glyph> primary(out.begin() + first, out.end());
  std::vector<uint32_t> primaryClusters(clusters.begin() + first, clusters.end());
  out.resize(first);
  clusters.resize(first);
  size_t i = 0;
  while (i < primary.size()) {
    // A segment of consecutive clusters that are all bad (contain glyph 0) or all good.
    auto clusterEnd = [&](size_t j) {
      size_t k = j;
      bool bad = false;
      while (k < primary.size() && primaryClusters[k] == primaryClusters[j])
        bad |= primary[k++].id == 0;
      return std::pair<size_t, bool>(k, bad);
    };
    auto [j, bad] = clusterEnd(i);
    while (j < primary.size()) {
      auto [k, nextBad] = clusterEnd(j);
      if (nextBad != bad) break;
      j = k;
    }
    if (!bad) {
      out.insert(out.end(), primary.begin() + i, primary.begin() + j);
      clusters.insert(clusters.end(), primaryClusters.begin() + i, primaryClusters.begin() + j);
    } else {
      uint32_t b = primaryClusters[i];
      uint32_t e = j < primary.size() ? primaryClusters[j] : end;
      shapeRaw(b, e, 1, out, clusters);
    }
    i = j;
  }
}

// What layout works on between its steps: the text in UTF-16 with the source byte of every unit,
// then each unit's bidi level and script, the shaped glyphs in logical order with their clusters
// (UTF-16 offsets), the advances summed from the start, and the lines as UTF-16 ranges.
struct TextEngine::LayoutWork {
  float size = 0;  // pixels per em
  float ascent = 0, lineHeight = 0;
  std::u16string u16;
  std::vector<uint32_t> byteOf;  // source byte of each unit, and one past the end
  int32_t len = 0;
  std::vector<UBiDiLevel> levels;
  std::vector<UScriptCode> scripts;
  std::vector<Glyph> logical;
  std::vector<uint32_t> clusters;  // parallel to logical
  std::vector<float> prefix;       // prefix[i]: the advances of units [0, i)
  std::vector<std::pair<int32_t, int32_t>> breaks;
};

namespace {

// The end of [start, end) without its trailing white space.
int32_t trimEnd(const std::u16string& u16, int32_t start, int32_t end) {
  while (end > start && u_isWhitespace(u16[static_cast<size_t>(end - 1)])) --end;
  return end;
}

// Scripts per unit; common/inherited characters take the script of their neighbours (the one
// before, or for a leading run the first real one).
std::vector<UScriptCode> resolveScripts(const std::u16string& u16) {
  const auto len = static_cast<int32_t>(u16.size());
  std::vector<UScriptCode> scripts(u16.size(), USCRIPT_COMMON);
  UScriptCode last = USCRIPT_INVALID_CODE;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U16_NEXT(u16.data(), i, len, c);
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &e);
    if (neutralScript(s))
      s = last;
    else
      last = s;
    for (int32_t k = start; k < i; ++k) scripts[static_cast<size_t>(k)] = s;
  }
  UScriptCode firstReal = USCRIPT_COMMON;
  for (auto s : scripts)
    if (!neutralScript(s)) {
      firstReal = s;
      break;
    }
  for (auto& s : scripts) {
    if (!neutralScript(s)) break;
    s = firstReal;
  }
  return scripts;
}

// Alignment: each line moved within the paragraph's width (Auto: right if RTL, else left).
void alignLines(Paragraph& p) {
  Align align = p.options.align;
  if (align == Align::Auto) align = p.rtl ? Align::Right : Align::Left;
  for (Line& line : p.lines) {
    float left = 0;
    if (align == Align::Right) left = p.width - line.width;
    if (align == Align::Center) left = (p.width - line.width) * 0.5f;
    line.left = left;
    for (uint32_t i = line.glyphBegin; i < line.glyphEnd; ++i) p.glyphs[i].x += left;
  }
}

}  // namespace

// The size in pixels and the primary font's vertical metrics at that size.
void TextEngine::setMetrics(LayoutWork& w, Paragraph& p) const {
  const FontFace& primary = *faces_[0];
  w.size = p.options.size > 0 ? p.options.size : static_cast<float>(primary.unitsPerEm());
  p.scale = w.size / static_cast<float>(primary.unitsPerEm());
  w.ascent = primary.ascender() * p.scale;
  const float descent = -primary.descender() * p.scale;
  w.lineHeight = w.ascent + descent + std::max(0, primary.lineGap()) * p.scale;
}

// ICU bidi on the whole paragraph: its base direction and the level of every unit.
void TextEngine::resolveBidi(LayoutWork& w, Paragraph& p) {
  w.levels.assign(static_cast<size_t>(w.len), 0);
  if (w.len == 0) return;
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setPara(para_, w.u16.data(), w.len, UBIDI_DEFAULT_LTR, nullptr, &status);
  if (U_FAILURE(status)) return;
  p.rtl = (ubidi_getParaLevel(para_) & 1) != 0;
  const UBiDiLevel* l = ubidi_getLevels(para_, &status);
  if (U_SUCCESS(status)) std::copy(l, l + w.len, w.levels.begin());
}

// Items: runs of one level and one script, each shaped with the paragraph as context.
void TextEngine::shapeItems(LayoutWork& w) {
  if (w.len == 0) return;
  w.logical.reserve(w.u16.size());
  w.clusters.reserve(w.u16.size());
  int32_t itemStart = 0;
  for (int32_t i = 1; i <= w.len; ++i) {
    if (i == w.len || w.levels[i] != w.levels[itemStart] || w.scripts[i] != w.scripts[itemStart]) {
      // Do not split a surrogate pair.
      if (i < w.len && U16_IS_TRAIL(w.u16[i])) continue;
      shapeItem(w.u16, static_cast<uint32_t>(itemStart), static_cast<uint32_t>(i),
                (w.levels[itemStart] & 1) != 0, toHbScript(w.scripts[itemStart]), 0, w.logical,
                w.clusters);
      itemStart = i;
    }
  }
}

// Scaled positions and source byte ranges (a cluster ends where the next one starts), and the
// advances summed over the units for line breaking.
void TextEngine::scaleGlyphs(LayoutWork& w) const {
  std::vector<float> advanceAt(w.u16.size() + 1, 0.0f);
  uint32_t nextCluster = static_cast<uint32_t>(w.len);
  for (size_t i = w.logical.size(); i-- > 0;) {
    Glyph& g = w.logical[i];
    const float s = w.size / static_cast<float>(faces_[g.font]->unitsPerEm());
    g.advance = g.rawAdvance * s;
    g.dx = g.rawDx * s;
    g.dy = g.rawDy * s;
    if (i + 1 < w.logical.size() && w.clusters[i + 1] != w.clusters[i])
      nextCluster = w.clusters[i + 1];
    g.byteBegin = w.byteOf[w.clusters[i]];
    g.byteEnd = w.byteOf[std::max(nextCluster, w.clusters[i])];
    advanceAt[w.clusters[i]] += g.advance;
  }
  w.prefix.assign(w.u16.size() + 1, 0.0f);
  for (size_t i = 0; i < w.u16.size(); ++i) w.prefix[i + 1] = w.prefix[i] + advanceAt[i];
}

// Line breaking: greedy over ICU line-break opportunities, widths from the shaped glyphs; hard
// breaks always break. `width` 0: no wrapping.
void TextEngine::breakLines(LayoutWork& w, float width) {
  w.breaks.clear();
  if (w.len == 0) {
    w.breaks.emplace_back(0, 0);
    return;
  }
  const bool wrap = width > 0;
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker_, w.u16.data(), w.len, &status);
  int32_t start = 0, candidate = -1;
  if (U_SUCCESS(status))
    for (int32_t b = ubrk_next(breaker_); b != UBRK_DONE; b = ubrk_next(breaker_)) {
      const int32_t rule = ubrk_getRuleStatus(breaker_);
      const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
      if (wrap && candidate > start &&
          w.prefix[trimEnd(w.u16, start, b)] - w.prefix[start] > width) {
        w.breaks.emplace_back(start, candidate);
        start = candidate;
      }
      candidate = b;
      if (hard && b < w.len) {
        w.breaks.emplace_back(start, b);
        start = b;
        candidate = -1;
      }
    }
  if (start < w.len || w.breaks.empty()) w.breaks.emplace_back(start, w.len);
}

// Lines in visual order: each line's bidi runs left to right (ubidi_setLine), an RTL run's glyphs
// reversed, pen positions from the left; the paragraph's box.
void TextEngine::placeLines(LayoutWork& w, Paragraph& p) {
  p.glyphs.reserve(w.logical.size());
  float y = 0, widest = 0;
  for (auto [start, end] : w.breaks) {
    Line line;
    line.byteBegin = w.byteOf[static_cast<size_t>(start)];
    line.byteEnd = w.byteOf[static_cast<size_t>(end)];
    line.glyphBegin = static_cast<uint32_t>(p.glyphs.size());
    line.top = y;
    line.baseline = y + w.ascent;
    line.bottom = y + w.lineHeight;
    const int32_t visibleEnd = trimEnd(w.u16, start, end);
    float pen = 0;
    if (visibleEnd > start) {
      UErrorCode s = U_ZERO_ERROR;
      ubidi_setLine(para_, start, visibleEnd, line_, &s);
      const int32_t runs = U_SUCCESS(s) ? ubidi_countRuns(line_, &s) : 0;
      for (int32_t r = 0; r < runs; ++r) {
        int32_t runStart = 0, runLength = 0;
        const UBiDiDirection dir = ubidi_getVisualRun(line_, r, &runStart, &runLength);
        const auto lo =
            static_cast<size_t>(std::lower_bound(w.clusters.begin(), w.clusters.end(),
                                                 static_cast<uint32_t>(start + runStart)) -
                                w.clusters.begin());
        const auto hi = static_cast<size_t>(
            std::lower_bound(w.clusters.begin(), w.clusters.end(),
                             static_cast<uint32_t>(start + runStart + runLength)) -
            w.clusters.begin());
        for (size_t k = 0; k < hi - lo; ++k) {
          Glyph g = w.logical[dir == UBIDI_RTL ? hi - 1 - k : lo + k];
          g.x = pen;
          pen += g.advance;
          p.glyphs.push_back(g);
        }
      }
    }
    line.glyphEnd = static_cast<uint32_t>(p.glyphs.size());
    line.width = pen;
    widest = std::max(widest, pen);
    p.lines.push_back(line);
    y += w.lineHeight;
  }
  p.width = p.options.width > 0 ? p.options.width : widest;
  p.height = y;
}

// The steps, in order: metrics, UTF-16, bidi, scripts, shaping by item, scaling, line breaking,
// visual lines, alignment.
Paragraph TextEngine::layout(std::string_view text, const LayoutOptions& options) {
  Paragraph p;
  p.text.assign(text);
  p.options = options;
  LayoutWork w;
  setMetrics(w, p);
  decode(text, w.u16, w.byteOf);
  w.len = static_cast<int32_t>(w.u16.size());
  resolveBidi(w, p);
  w.scripts = resolveScripts(w.u16);
  shapeItems(w);
  scaleGlyphs(w);
  breakLines(w, options.width);
  placeLines(w, p);
  alignLines(p);
  return p;
}

std::shared_ptr<const Paragraph> TextEngine::layoutCached(std::string_view text,
                                                          const LayoutOptions& options) {
  Key key{std::string(text), options.size, options.width, options.align};
  auto found = cache_.find(key);
  if (found != cache_.end()) {
    lru_.splice(lru_.begin(), lru_, found->second.lru);
    return found->second.paragraph;
  }
  auto paragraph = std::make_shared<const Paragraph>(layout(text, options));
  while (cache_.size() >= cacheCapacity_ && !lru_.empty()) {
    cache_.erase(lru_.back());
    lru_.pop_back();
  }
  lru_.push_front(key);
  cache_.emplace(std::move(key), CacheEntry{paragraph, lru_.begin()});
  return paragraph;
}

std::vector<Rect> Paragraph::rangeRects(size_t begin, size_t end) const {
  std::vector<Rect> rects;
  if (begin >= end) return rects;
  for (const Line& line : lines) {
    if (line.byteEnd <= begin || line.byteBegin >= end) continue;
    std::vector<Rect> pieces;
    for (uint32_t i = line.glyphBegin; i < line.glyphEnd; ++i) {
      const Glyph& g = glyphs[i];
      if (g.advance <= 0 || g.byteEnd <= begin || g.byteBegin >= end) continue;
      float x0 = g.x, x1 = g.x + g.advance;
      if (g.byteBegin < begin || g.byteEnd > end) {
        // Part of a ligature: split its advance evenly among its characters.
        const size_t n = std::max<size_t>(1, countChars(text, g.byteBegin, g.byteEnd));
        const size_t k0 = countChars(text, g.byteBegin, std::max<size_t>(begin, g.byteBegin));
        const size_t k1 = countChars(text, g.byteBegin, std::min<size_t>(end, g.byteEnd));
        const float a0 = g.advance * static_cast<float>(k0) / static_cast<float>(n);
        const float a1 = g.advance * static_cast<float>(k1) / static_cast<float>(n);
        if (g.rtl) {
          x0 = g.x + g.advance - a1;
          x1 = g.x + g.advance - a0;
        } else {
          x0 = g.x + a0;
          x1 = g.x + a1;
        }
      }
      if (x1 > x0) pieces.push_back({x0, line.top, x1, line.bottom});
    }
    std::sort(pieces.begin(), pieces.end(),
              [](const Rect& a, const Rect& b) { return a.x0 < b.x0; });
    for (const Rect& r : pieces) {
      if (!rects.empty() && rects.back().y0 == r.y0 && r.x0 <= rects.back().x1 + 0.01f)
        rects.back().x1 = std::max(rects.back().x1, r.x1);
      else
        rects.push_back(r);
    }
  }
  return rects;
}

size_t Paragraph::offsetAt(float x, float y) const {
  if (lines.empty()) return 0;
  const Line* line = &lines.back();
  for (const Line& l : lines)
    if (y < l.bottom) {
      line = &l;
      break;
    }
  const Glyph* best = nullptr;
  float bestDistance = 0;
  for (uint32_t i = line->glyphBegin; i < line->glyphEnd; ++i) {
    const Glyph& g = glyphs[i];
    if (g.advance <= 0) continue;
    float d = x < g.x ? g.x - x : (x >= g.x + g.advance ? x - (g.x + g.advance) : 0);
    if (!best || d < bestDistance) {
      best = &g;
      bestDistance = d;
    }
  }
  if (!best) return line->byteBegin;
  const size_t n = std::max<size_t>(1, countChars(text, best->byteBegin, best->byteEnd));
  float frac = std::clamp((x - best->x) / best->advance, 0.0f, 0.999f);
  if (best->rtl) frac = 0.999f - frac;
  const size_t k = std::min(n - 1, static_cast<size_t>(frac * static_cast<float>(n)));
  return charOffset(text, best->byteBegin, best->byteEnd, k);
}

const std::vector<Quad>& Paragraph::quads(
    GlyphAtlas& atlas, const std::vector<std::unique_ptr<FontFace>>& faces) const {
  if (quadsGeneration_ == atlas.generation()) return quads_;
  const float size = options.size > 0 ? options.size : static_cast<float>(faces[0]->unitsPerEm());
  uint32_t generation = 0;
  do {
    generation = atlas.generation();
    quads_.clear();
    for (const Line& line : lines) {
      for (uint32_t i = line.glyphBegin; i < line.glyphEnd; ++i) {
        const Glyph& g = glyphs[i];
        const AtlasGlyph& a = atlas.glyph(*faces[g.font], g.font, size, g.id);
        if (a.w == 0) continue;
        const float x0 = std::floor(g.x + g.dx + 0.5f) + static_cast<float>(a.left);
        const float y0 = std::floor(line.baseline - g.dy + 0.5f) + static_cast<float>(a.top);
        quads_.push_back({x0, y0, x0 + a.w, y0 + a.h, static_cast<float>(a.x),
                          static_cast<float>(a.y), static_cast<float>(a.x + a.w),
                          static_cast<float>(a.y + a.h)});
      }
    }
  } while (generation != atlas.generation());
  const float iw = 1.0f / static_cast<float>(atlas.width());
  const float ih = 1.0f / static_cast<float>(atlas.height());
  for (Quad& q : quads_) {
    q.u0 *= iw;
    q.u1 *= iw;
    q.v0 *= ih;
    q.v1 *= ih;
  }
  quadsGeneration_ = generation;
  return quads_;
}

}  // namespace atlas::text
