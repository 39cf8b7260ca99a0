#include "lib/text/sentences.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using dossier::text::split_sentences;

namespace {

std::vector<std::string> sentences(std::string_view t) {
  std::vector<std::string> out;
  for (auto s : split_sentences(t)) out.emplace_back(t.substr(s.start, s.size()));
  return out;
}

}  // namespace

TEST_CASE("sentences end at a full stop before a capital, with exact spans") {
  std::string_view t = "The ICO fined Acme. It paid.";
  auto spans = split_sentences(t);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].start == 0);
  CHECK(spans[0].end == 19);
  CHECK(spans[1].start == 20);
  CHECK(spans[1].end == 28);
}

TEST_CASE("abbreviations and decimals do not end sentences") {
  CHECK(sentences("The U.S. Department of Justice fined Acme Inc. for fraud.") ==
        std::vector<std::string>{"The U.S. Department of Justice fined Acme Inc. for fraud."});
  CHECK(sentences("Under Art. 32 and No. 5 of the rules, e.g. Mr. Smith paid £12.7m. Then 3.5 more.") ==
        std::vector<std::string>{"Under Art. 32 and No. 5 of the rules, e.g. Mr. Smith paid £12.7m.",
                                 "Then 3.5 more."});
}

TEST_CASE("a company form ends a sentence before a typical opener only") {
  CHECK(sentences("The DPC fined WhatsApp Ireland Ltd. The company appealed.") ==
        std::vector<std::string>{"The DPC fined WhatsApp Ireland Ltd.", "The company appealed."});
  CHECK(sentences("Allies of the U.K. The ICO said.") ==
        std::vector<std::string>{"Allies of the U.K.", "The ICO said."});
  CHECK(sentences("Acme Ltd. Board members resigned.") ==
        std::vector<std::string>{"Acme Ltd. Board members resigned."});
}

TEST_CASE("closing quotes stay with their sentence") {
  CHECK(sentences("He said: “We take it seriously.” The ICO agreed.") ==
        std::vector<std::string>{"He said: “We take it seriously.”", "The ICO agreed."});
}

TEST_CASE("web text: every line is a paragraph") {
  std::string long_line(250, 'a');
  std::string t = "Headline without a stop\n" + long_line + " end\nNext line";
  auto s = sentences(t);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Headline without a stop");
  CHECK(s[2] == "Next line");
}

TEST_CASE("hard-wrapped text joins lines of a paragraph but not across a blank line or list") {
  std::string t =
      "The Information Commissioner's Office has fined Acme Widgets\n"
      "Limited £1.2m for failing to protect the data of its customers\n"
      "in 2023.\n"
      "\n"
      "Notes\n"
      "- the fine was reduced by the regulator after representations\n"
      "- it was paid in full";
  CHECK(sentences(t) == std::vector<std::string>{
                            "The Information Commissioner's Office has fined Acme Widgets\n"
                            "Limited £1.2m for failing to protect the data of its customers\n"
                            "in 2023.",
                            "Notes", "- the fine was reduced by the regulator after representations",
                            "- it was paid in full"});
}

TEST_CASE("a huge single line is cut into bounded sentences, linearly") {
  std::string t(1 << 20, 'x');
  for (std::size_t i = 100; i < t.size(); i += 100) t[i] = ' ';
  std::size_t cut = 0;
  auto spans = split_sentences(t, &cut);
  CHECK(cut > 200);
  for (auto s : spans) CHECK(s.size() <= dossier::text::kMaxSentenceBytes);
  CHECK(spans.front().start == 0);
  CHECK(spans.back().end == t.size());
}

TEST_CASE("sentences cannot be cut when every line is short and none is joined to the next") {
  using dossier::text::may_cut_sentences;
  // Web text: lines are paragraphs, some longer than a wrap width.
  std::string web = "The ICO fined Acme.\nIt paid. The end.\n\n" + std::string(300, 'x') +
                    "\n" + std::string(dossier::text::kMaxSentenceBytes, 'y');
  CHECK_FALSE(may_cut_sentences(web));
  CHECK_FALSE(may_cut_sentences(""));
  CHECK_FALSE(may_cut_sentences("Short.\nLines.\n"));  // shorter than any sentence may be
  std::size_t cut = 0;
  split_sentences(web, &cut);
  CHECK(cut == 0);
  // A line one byte too long may be cut; a hard-wrapped text may join lines into long ones.
  std::string long_line(dossier::text::kMaxSentenceBytes + 1, 'x');
  CHECK(may_cut_sentences("Short.\n" + long_line));
  CHECK_FALSE(may_cut_sentences(std::string(300, 'x') + "\n" + long_line.substr(1)));
  std::string wrapped;
  for (int i = 0; i < 200; ++i) wrapped += "wrapped text of a paragraph that runs on and on\n";
  CHECK(may_cut_sentences(wrapped));
  split_sentences(wrapped, &cut);
  CHECK(cut > 0);
}

TEST_CASE("a document's sentences are split once and give the same spans and cut count") {
  using dossier::text::Sentences;
  std::string long_line(dossier::text::kMaxSentenceBytes * 2 + 10, 'x');
  for (std::size_t i = 50; i < long_line.size(); i += 50) long_line[i] = ' ';
  std::string text = "The ICO fined Acme. It paid.\n" + long_line;
  std::size_t cut = 0;
  auto expected = split_sentences(text, &cut);
  REQUIRE(cut > 0);
  // Asked for the cut count first, then the spans (as the extractor and regulator actions do).
  Sentences s(text);
  CHECK(s.cut() == cut);
  CHECK(s.spans() == expected);
  CHECK(&s.spans() == &s.spans());  // kept, not split again
  // Spans first, then the count.
  Sentences t(text);
  CHECK(t.spans() == expected);
  CHECK(t.cut() == cut);
  // A text no sentence of which can be cut counts none without splitting.
  Sentences web("Short.\nLines.\n");
  CHECK(web.cut() == 0);
}
