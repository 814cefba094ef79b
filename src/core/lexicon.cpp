#include "core/lexicon.h"

#include <algorithm>
#include <map>

#include "core/claims.h"
#include "core/date_resolver.h"
#include "core/events.h"
#include "core/side_words.h"
#include "core/tokens.h"

namespace atlas {

namespace {

const WordTable<LexiconEntry>& buildTable() {
  static const WordTable<LexiconEntry> table = [] {
    std::map<std::u32string, LexiconEntry> entries;
    forEachDateStartWord([&](const std::u32string& w) { entries[w].dateEvent |= kMayStartDate; });
    forEachEventWord([&](const std::u32string& w) { entries[w].dateEvent |= kMayBeEventWord; });
    forEachTriggerWord([&](const std::u32string& w, uint16_t code) { entries[w].trigger = code; });
    forEachSideWord([&](const std::u32string& w, uint16_t code) { entries[w].side = code; });
    forEachClaimWord([&](const std::u32string& w, uint32_t a, uint32_t b) {
      entries[w].claim = a;
      entries[w].claim2 = b;
    });
    WordTable<LexiconEntry> t;
    t.addAll(entries);
    return t;
  }();
  return table;
}

}  // namespace

const WordTable<LexiconEntry>& lexiconTable() { return buildTable(); }

std::u32string_view spellForm(std::u32string_view word, size_t skip, bool alef,
                              std::array<char32_t, 32>& buffer, std::u32string& spare) {
  const std::u32string_view rest = word.substr(skip);
  if (!alef) return rest;
  if (rest.size() < buffer.size()) {
    buffer[0] = U'\u0627';
    std::copy(rest.begin(), rest.end(), buffer.begin() + 1);
    return {buffer.data(), rest.size() + 1};
  }
  spare.assign(1, U'\u0627');
  spare.append(rest);
  return spare;
}

const LexiconEntry* WordLookup::spelledForm(size_t skip, bool alef) const {
  if (skip > word_.size()) return nullptr;
  std::array<char32_t, 32> buffer;
  std::u32string spare;
  return table_.find(spellForm(word_, skip, alef, buffer, spare));
}

}  // namespace atlas
