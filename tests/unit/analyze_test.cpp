// analyze() reads long texts in chunks that end where a sentence does; the chunks
// must not change what it finds: a text made of one passage repeated many times
// gives that passage's mentions, statuses and unrecognized words once per copy.
#include "text/analyze.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

struct Seen {
  std::uint32_t finding, begin, end;
  Status status;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(const Analysis& a) {
  std::vector<Seen> out;
  for (const Mention& m : a.mentions) out.push_back({m.finding, m.begin, m.end, m.status});
  return out;
}

void expect_repeats(const std::string& passage, std::size_t copies) {
  const kb::KnowledgeBase& kb = kb::embedded();
  Scratch scratch;
  Analysis one, many;
  analyze(passage, kb, {}, scratch, one);
  ASSERT_FALSE(one.mentions.empty());
  std::string text;
  for (std::size_t i = 0; i < copies; ++i) text += passage;
  ASSERT_GT(text.size(), 4u * 64 * 1024) << "the text must span several chunks";
  analyze(text, kb, {}, scratch, many);
  ASSERT_EQ(many.mentions.size(), one.mentions.size() * copies);
  ASSERT_EQ(many.unrecognized.size(), one.unrecognized.size() * copies);
  const std::vector<Seen> first = seen(one);
  const std::vector<Seen> all = seen(many);
  for (std::size_t c = 0; c < copies; ++c) {
    const auto shift = static_cast<std::uint32_t>(c * passage.size());
    for (std::size_t k = 0; k < first.size(); ++k) {
      Seen want = first[k];
      want.begin += shift;
      want.end += shift;
      ASSERT_EQ(all[c * first.size() + k], want) << "copy " << c << ", mention " << k;
    }
  }
}

TEST(Analyze, ChunksEndingAtSentencesChangeNothing) {
  expect_repeats("My calves cramp at night, no weakness. I used to twitch. Maybe my jaw is stiff? ", 4000);
}

TEST(Analyze, ChunksEndingAtParagraphsChangeNothing) {
  expect_repeats("calf cramps after running in the heat\nno dark urine\nmy mother has myotonia\n\n", 5000);
}

TEST(Analyze, TextWithoutSentenceEndsIsNotCut) {
  expect_repeats("calf cramps and twitching thighs and dark urine and ", 8000);
  expect_repeats("Any weakness? No. Any cramps? Yes, in the calf? ", 8000);  // never cut after a question
}

TEST(Analyze, OneEnormousWordIsSplitOnCharacterBoundaries) {
  std::string text = "calf cramps ";
  for (int i = 0; i < 100000; ++i) text += "\xC3\xA9";  // 200 KB of "é" with no space
  text += " twitching";
  Scratch scratch;
  Analysis a;
  analyze(text, kb::embedded(), {}, scratch, a);
  ASSERT_GE(a.mentions.size(), 2u);
  EXPECT_EQ(a.mentions.back().end, text.size());
  for (const Span& s : a.unrecognized) {
    EXPECT_LE(s.end, text.size());
    EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80u) << "a span starts inside a character";
  }
}

}  // namespace
}  // namespace crampx::text
