#include "core/extraction.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/arabic_fold.h"
#include "core/place_matcher.h"
#include "core/sentences.h"

namespace atlas {

const char* datePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day:
      return "day";
    case DatePrecision::PartOfDay:
      return "part_of_day";
    case DatePrecision::Week:
      return "week";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Publication:
      return "publication";
    case DatePrecision::Unknown:
      break;
  }
  return "unknown";
}

namespace {

// Everything one worker thread reuses from article to article.
struct Worker {
  explicit Worker(const Gazetteer& g) : matcher(g) {}
  PlaceMatcher matcher;
  SentenceSplitter splitter;
  FoldedText folded;
  std::vector<SentenceSpan> sentences;
  std::vector<PlaceMatch> matches;

  void run(const Article& article, int doc, std::vector<Mention>& out, int& sentenceCount) {
    splitter.split(article.text, sentences);
    sentenceCount = static_cast<int>(sentences.size());
    for (int s = 0; s < sentenceCount; ++s) {
      const SentenceSpan& span = sentences[s];
      foldRange(article.text, span.start, span.end, folded);
      matcher.match(folded, matches);
      for (PlaceMatch& m : matches) {
        Mention mention;
        mention.doc = doc;
        mention.sentence = s;
        mention.paragraph = span.paragraph;
        mention.start = folded.originalStart(m.from);
        mention.end = folded.originalEnd(m.to);
        // Marks after the last letter belong to it; trailing spaces never do.
        while (mention.end > mention.start &&
               (article.text[mention.end - 1] == ' ' || article.text[mention.end - 1] == '\n'))
          --mention.end;
        mention.sentenceStart = span.start;
        mention.sentenceEnd = span.end;
        mention.ambiguous = m.ambiguous;
        mention.runTogether = m.runTogether;
        mention.candidates = std::move(m.candidates);
        mention.place = mention.ambiguous ? -1 : mention.candidates.front();
        if (m.headFrom >= 0) {
          mention.headStart = folded.originalStart(m.headFrom);
          mention.headEnd = folded.originalEnd(m.headTo);
        }
        mention.date = article.published;
        mention.datePrecision =
            article.published ? DatePrecision::Publication : DatePrecision::Unknown;
        out.push_back(std::move(mention));
      }
    }
  }
};

}  // namespace

ExtractionResult extractMentions(const Corpus& corpus, const Gazetteer& gazetteer, int threads) {
  const int n = static_cast<int>(corpus.articles.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min(threads, n));
  ExtractionResult result;
  result.sentenceCount.assign(n, 0);
  std::vector<std::vector<Mention>> perThread(threads);
  std::atomic<int> nextDoc{0};
  auto work = [&](int t) {
    Worker worker(gazetteer);
    for (int doc = nextDoc++; doc < n; doc = nextDoc++)
      worker.run(corpus.articles[doc], doc, perThread[t], result.sentenceCount[doc]);
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  size_t total = 0;
  for (const auto& v : perThread) total += v.size();
  result.mentions.reserve(total);
  for (auto& v : perThread) std::move(v.begin(), v.end(), std::back_inserter(result.mentions));
  std::sort(result.mentions.begin(), result.mentions.end(), [](const Mention& a, const Mention& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.start < b.start;
  });
  return result;
}

}  // namespace atlas
