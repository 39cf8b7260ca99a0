#include "lib/text/sentences.hpp"

#include <cctype>

namespace dossier::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    while (start < end && (is_space(text[start]) || text[start] == '\n')) ++start;
    std::size_t e = end;
    while (e > start && (is_space(text[e - 1]) || text[e - 1] == '\n')) --e;
    if (e > start) out.push_back({start, e});
    start = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      // Each line is its own unit for now: news text from the web has one paragraph a line.
      emit(i);
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      std::size_t j = i + 1;
      // Closing quotes and brackets belong to the sentence: ." .” .)
      while (j < text.size() && (text[j] == '"' || text[j] == ')' || text[j] == '\'' ||
                                 text.substr(j, 3) == "\xE2\x80\x9D" ||
                                 text.substr(j, 3) == "\xE2\x80\x99")) {
        j += (text[j] == '\xE2') ? 3 : 1;
      }
      if (j < text.size() && !is_space(text[j])) continue;
      std::size_t k = j;
      while (k < text.size() && is_space(text[k])) ++k;
      if (k >= text.size() || text[k] == '\n') continue;
      unsigned char next = text[k];
      bool starts = std::isupper(next) || std::isdigit(next) || next == '"' || next == 0xE2;
      if (!starts) continue;
      if (c == '.') {
        // An abbreviation: one capital letter ("U.K.", "J. Smith"), or a known short word.
        std::size_t w = i;
        while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
        std::string_view word = text.substr(w, i - w);
        static const std::string_view kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Inc",
                                                   "Ltd", "Co", "Corp", "No", "Art", "Sec",
                                                   "Gov", "Sen", "Rep", "Jr", "Sr", "vs", "etc",
                                                   "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"};
        bool abbrev = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
        for (std::string_view a : kAbbrev) abbrev = abbrev || word == a;
        if (abbrev) continue;
      }
      emit(j);
    }
  }
  emit(text.size());
  return out;
}

}  // namespace dossier::text
