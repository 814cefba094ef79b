// The dating cases of tests/data/dates.tsv: one short article per row, written in the styles of
// 2016 reports (opposition, state media, wire), the place, which of its mentions, and the day that
// mention should get, worked out by hand from a calendar. Each row is a one-article corpus run
// through the real pipeline with the real gazetteer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/arabic_fold.h"
#include "core/corpus.h"
#include "core/date_resolver.h"
#include "core/extraction.h"
#include "core/gazetteer.h"
#include "core/tokens.h"

using namespace atlas;

namespace {

// tests/data/dates.tsv (ATLAS_TEST_DATA_DIR is this folder's data/).
std::filesystem::path casesFile() {
  return std::filesystem::path(ATLAS_TEST_DATA_DIR).parent_path().parent_path() / "data" /
         "dates.tsv";
}

const Gazetteer& gazetteer() {
  static const Gazetteer g =
      *loadGazetteer(std::string(ATLAS_TEST_ASSETS_DIR) + "/gazetteer.tsv").gazetteer;
  return g;
}

struct Case {
  int line = 0;  // 1-based line in dates.tsv
  std::string published, place, date, text, note;
  int occurrence = 0;
};

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

// "\n" in the file is a paragraph break in the article.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

const char kHeader[] = "published\tplace\toccurrence\tdate\ttext\tnote";

// The cases; a malformed line is a test failure with its line number.
std::vector<Case> loadCases() {
  std::ifstream in(casesFile());
  EXPECT_TRUE(in) << casesFile();
  std::vector<Case> cases;
  std::string line;
  bool header = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      EXPECT_EQ(line, kHeader) << "dates.tsv:" << n << ": the header";
      header = true;
      continue;
    }
    const std::vector<std::string> f = splitTabs(line);
    if (f.size() != 6) {
      ADD_FAILURE() << "dates.tsv:" << n << ": " << f.size() << " fields, not 6";
      continue;
    }
    Case c;
    c.line = n;
    c.published = f[0];
    c.place = f[1];
    c.occurrence = std::atoi(f[2].c_str());
    c.date = f[3];
    c.text = unescape(f[4]);
    c.note = f[5];
    cases.push_back(std::move(c));
  }
  return cases;
}

// Every mention of the article, one a line: the words, the place, the date and how.
std::string describe(const Article& a, const ExtractionResult& r) {
  std::ostringstream os;
  for (const Mention& m : r.mentions) {
    os << "    " << a.text.substr(m.start, m.end - m.start) << " ["
       << (m.place >= 0 ? gazetteer().places[m.place].id : std::string("ambiguous")) << "] "
       << (m.date ? m.date->iso() : std::string("-")) << "  "
       << (m.dateRule ? *m.dateRule : std::string()) << "\n";
  }
  return os.str();
}

}  // namespace

TEST(DateCases, TheFileIsWellFormedAndLargeEnough) {
  const std::vector<Case> cases = loadCases();
  EXPECT_GE(cases.size(), 80u);
  for (const Case& c : cases) {
    EXPECT_NE(gazetteer().find(c.place), nullptr)
        << "dates.tsv:" << c.line << ": no place " << c.place;
    EXPECT_TRUE(parseIsoDate(c.published)) << "dates.tsv:" << c.line << ": " << c.published;
    EXPECT_TRUE(parseIsoDate(c.date)) << "dates.tsv:" << c.line << ": " << c.date;
    EXPECT_GE(c.occurrence, 1) << "dates.tsv:" << c.line;
    EXPECT_FALSE(c.text.empty()) << "dates.tsv:" << c.line;
  }
}

TEST(DateCases, EveryMentionGetsTheDayWorkedOutByHand) {
  const Gazetteer& g = gazetteer();
  int checked = 0;
  for (const Case& c : loadCases()) {
    const Place* place = g.find(c.place);
    const std::optional<Date> published = parseIsoDate(c.published);
    if (!place || !published) continue;  // reported by the test above
    Corpus corpus;
    Article& a = corpus.articles.emplace_back();
    a.id = "dates.tsv:" + std::to_string(c.line);
    a.text = c.text;
    a.published = published;
    const ExtractionResult r = extractMentions(corpus, g, 1);
    const int wanted = static_cast<int>(place - g.places.data());
    const Mention* found = nullptr;
    int seen = 0;
    for (const Mention& m : r.mentions)
      if (m.place == wanted && ++seen == c.occurrence) {
        found = &m;
        break;
      }
    ++checked;
    if (!found) {
      ADD_FAILURE() << "dates.tsv:" << c.line << ": mention " << c.occurrence << " of " << c.place
                    << " not found (" << seen << " found)\n  text: " << c.text << "\n  mentions:\n"
                    << describe(a, r);
      continue;
    }
    const std::string got = found->date ? found->date->iso() : "(none)";
    EXPECT_EQ(got, c.date) << "dates.tsv:" << c.line << ": " << c.place << " #" << c.occurrence
                           << " (" << c.note << ")\n  published " << c.published
                           << "\n  text: " << c.text
                           << "\n  rule: " << (found->dateRule ? *found->dateRule : std::string())
                           << "\n  mentions:\n"
                           << describe(a, r);
  }
  EXPECT_GE(checked, 80);
}

// The real failure the rules were made for: sample 001 (published Tuesday 4 October 2016) is one
// line; "الخميس الماضي" (29 September) in its sixth sentence dates the fall of Handarat camp, not
// the air strike on al-Ferdous three sentences later, which takes the publication date.
TEST(DateCases, OneLineArticle001DoesNotCarryLastThursdayToAlFerdous) {
  const Corpus c = *loadCorpus(std::string(ATLAS_TEST_ASSETS_DIR) + "/corpus").corpus;
  const ExtractionResult r = extractMentions(c, gazetteer(), 1);
  auto dateOf = [&](const char* id) -> std::optional<Date> {
    const int place = static_cast<int>(gazetteer().find(id) - gazetteer().places.data());
    for (const Mention& m : r.mentions)
      if (c.articles[m.doc].id == "001_cbed00854abe3786" && m.place == place) return m.date;
    ADD_FAILURE() << id;
    return std::nullopt;
  };
  EXPECT_EQ(dateOf("handarat-camp"), (Date{2016, 9, 29}));
  for (const char* id : {"bustan-al-qasr", "al-halak", "al-ferdous", "darat-izza", "al-zirbah"})
    EXPECT_EQ(dateOf(id), (Date{2016, 10, 4})) << id;
}

namespace {

SentenceLink linkOf(const std::string& sentence) {
  FoldedText f;
  foldRange(sentence, 0, static_cast<uint32_t>(sentence.size()), f);
  std::vector<Token> tokens;
  tokenize(f.chars, tokens);
  return sentenceLink(f.chars, tokens);
}

}  // namespace

TEST(DateCases, SentenceLinks) {
  for (const char* s :
       {"وفي سياق آخر، قصفت الطائرات", "من جهة أخرى قال", "في غضون ذلك استهدفت", "إلى ذلك، قتل",
        "وفي حي الشعار سقطت", "كما سيطرت القوات", "على صعيد آخر", "وعلى الصعيد الميداني",
        "في الأثناء قصفت", "وفي هذه الأثناء", "أما في الريف", "يذكر أن المدينة", "وسياسياً؛ دفع",
        "ميدانياً، تقدمت", "ومن ناحية ثانية"})
    EXPECT_EQ(linkOf(s), SentenceLink::NewTopic) << s;
  for (const char* s :
       {"وفي اليوم نفسه قصفت", "في ذات اليوم", "وفي أعقاب ذلك", "وعلى إثر ذلك", "إثر ذلك انسحب"})
    EXPECT_EQ(linkOf(s), SentenceLink::SameTime) << s;
  for (const char* s :
       {"وأضاف المصدر", "وقال ناشطون", "فيما واصلت", "ومن جهته قال", "وكانت القوات"})
    EXPECT_EQ(linkOf(s), SentenceLink::Plain) << s;
}
