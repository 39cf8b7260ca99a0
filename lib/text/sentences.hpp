#pragma once
// Sentence boundaries, as byte spans into the text (white space trimmed off both ends).
//
// A sentence ends at . ! ? or … (and the closing quotes and brackets after them) followed by
// white space and something that can start a sentence (a capital, digit, quote or bracket); or
// at a line break, unless the text is hard-wrapped and the line runs on; or at a blank line.
//   - Abbreviations do not end sentences: strong ones never ("Mr.", "No. 5", "Art. 32", "e.g.",
//     "J. Smith"), weak ones only before a word that typically opens a sentence ("Ltd.", "Inc.",
//     "U.K.": "… WhatsApp Ireland Ltd. The DPC said" ends, "U.S. Department" does not).
//   - Decimal numbers ("£12.7m", "3.5") never end one: the '.' is not followed by white space.
//   - Hard-wrapped text: a single line break joins two lines when the document's lines are all
//     short (at most kMaxWrapWidth bytes, bar a few), the first line fills most of that width and
//     does not end in sentence punctuation, and the next line is not a list item or heading.
// Linear in the text size. A sentence longer than kMaxSentenceBytes is cut (at white space where
// possible) so that later per-sentence work stays bounded; `cut` counts how often that happened.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "lib/text/document.hpp"

namespace dossier::text {

inline constexpr std::size_t kMaxSentenceBytes = 4096;
inline constexpr std::size_t kMaxWrapWidth = 200;

std::vector<Span> split_sentences(std::string_view text, std::size_t* cut = nullptr);

// False when split_sentences(text) surely cuts nothing: the text is no longer than
// kMaxSentenceBytes, or no line is and the text is not hard-wrapped (every line break ends a
// sentence). One
// pass over the line breaks, for callers that need the cut count but not the sentences.
bool may_cut_sentences(std::string_view text);

// A document's sentences, split on first use and kept: the extractors that need them (threat
// actors' attribution, regulator actions) share one split. One per document and thread.
class Sentences {
 public:
  explicit Sentences(std::string_view text) : text_(text) {}
  const std::vector<Span>& spans();
  // How many sentences split_sentences cut; 0 without splitting when none can be.
  std::size_t cut();

 private:
  std::string_view text_;
  std::optional<std::vector<Span>> spans_;
  std::size_t cut_ = 0;
};

}  // namespace dossier::text
