#include "lib/text/sentences.hpp"

#include <algorithm>
#include <array>

#include "lib/text/ascii.hpp"

namespace dossier::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Never end a sentence: titles, references, Latin abbreviations, months.
constexpr std::array<std::string_view, 40> kStrong = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Art", "Arts", "Sec", "Gov", "Sen",
    "Rep", "Jr", "Sr", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Fig", "para", "Para", "pp", "Rev", "Gen", "Col", "Lt", "Capt", "Mt",
    "approx"};
// End a sentence only before a typical sentence opener: company forms, "etc.".
constexpr std::array<std::string_view, 17> kWeak = {"Inc", "Ltd", "Corp", "Co", "plc", "Plc",
                                                    "LLC", "etc", "Bros", "AG", "Zrt", "Kft",
                                                    "Nyrt", "Pty", "Ltda", "Bhd", "Pvt"};
constexpr std::array<std::string_view, 34> kOpeners = {
    "The", "This", "These", "That", "Those", "It", "Its", "In", "On", "At", "He", "She",
    "They", "We", "I", "A", "An", "According", "However", "But", "And", "Also", "As", "After",
    "Before", "While", "When", "Meanwhile", "Last", "Earlier", "Later", "There", "Both", "If"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Bytes of a closing quote or bracket at `j` (", ', ), ], ” or ’), else 0.
std::size_t closer_at(std::string_view t, std::size_t j) {
  if (j >= t.size()) return 0;
  if (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']') return 1;
  std::string_view three = t.substr(j, 3);
  if (three == "\xE2\x80\x9D" || three == "\xE2\x80\x99") return 3;
  return 0;
}

// Can the text at `k` start a sentence? ASCII capital, digit, quote, bracket, or any non-ASCII
// byte (curly quotes, accented capitals).
bool can_start(std::string_view t, std::size_t k) {
  char c = t[k];
  return is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string_view word_at(std::string_view t, std::size_t k) {
  std::size_t e = k;
  while (e < t.size() && is_alpha(t[e])) ++e;
  return t.substr(k, e - k);
}

// Does the '.' at `i` end an abbreviation that keeps the sentence going, given that the next
// sentence would start at `k`?
bool abbreviation_holds(std::string_view t, std::size_t i, std::size_t k) {
  std::size_t w = i;
  while (w > 0 && is_alpha(t[w - 1])) --w;
  std::string_view word = t.substr(w, i - w);
  bool dotted = w > 0 && t[w - 1] == '.';  // the last letter of "U.K." or "e.g."
  bool weak = in(kWeak, word) || (word.size() == 1 && dotted);
  if (weak) return !in(kOpeners, word_at(t, k));
  if (word.size() == 1) return is_upper(word[0]);  // "J. Smith"; not "£12.7m."
  return in(kStrong, word);
}

bool ends_sentence_punct(std::string_view line) {
  while (!line.empty()) {
    std::size_t c = closer_at(line, line.size() - 1);
    if (c == 0 && line.size() >= 3) c = closer_at(line, line.size() - 3) == 3 ? 3 : 0;
    if (c == 0) break;
    line.remove_suffix(c);
  }
  if (line.empty()) return true;
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
         (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\xA6");
}

// A list item or heading marker at the start of a line: "- ", "* ", "• ", "# ", "1. ", "2) ".
bool starts_list_item(std::string_view line) {
  if (line.empty()) return false;
  if (line.substr(0, 3) == "\xE2\x80\xA2") return true;
  char c = line[0];
  if ((c == '-' || c == '*' || c == '#' || c == '>') && line.size() > 1 && line[1] == ' ') return true;
  std::size_t d = 0;
  while (d < line.size() && d < 3 && is_digit(line[d])) ++d;
  return d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The wrap width of a hard-wrapped text, or 0 when lines are paragraphs (some are long).
std::size_t wrap_width(std::string_view t) {
  std::size_t lines = 0, long_lines = 0, width = 0;
  for (std::size_t s = 0; s < t.size();) {
    std::size_t e = t.find('\n', s);
    if (e == std::string_view::npos) e = t.size();
    std::size_t n = trim(t.substr(s, e - s)).size();
    if (n > 0) ++lines;
    if (n > kMaxWrapWidth) ++long_lines;
    else width = std::max(width, n);
    s = e + 1;
  }
  return lines > 0 && long_lines * 20 < lines ? width : 0;
}

// Is the line break at `nl` (its line being t[ls..nl)) only a wrap inside a paragraph?
bool soft_break(std::string_view t, std::size_t ls, std::size_t nl, std::size_t width) {
  if (width == 0) return false;
  std::string_view line = trim(t.substr(ls, nl - ls));
  std::size_t ne = t.find('\n', nl + 1);
  std::string_view next = trim(t.substr(nl + 1, (ne == std::string_view::npos ? t.size() : ne) - nl - 1));
  if (next.empty() || starts_list_item(next)) return false;
  if (line.size() * 10 < width * 6) return false;
  if (ends_sentence_punct(line)) return line.back() == '.' && is_lower(next.front());
  bool shouting = std::none_of(line.begin(), line.end(), is_lower);
  return !shouting;
}

// The bytes the sentence loop looks at: '\n', '.', '!', '?' and the first byte of '…'.
constexpr std::array<bool, 256> kMayEnd = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\n', '.', '!', '?', '\xE2'}) t[c] = true;
  return t;
}();

}  // namespace

bool may_cut_sentences(std::string_view text) {
  if (text.size() <= kMaxSentenceBytes) return false;
  std::size_t longest = 0;
  for (std::size_t s = 0; s < text.size();) {
    std::size_t e = text.find('\n', s);
    if (e == std::string_view::npos) e = text.size();
    longest = std::max(longest, e - s);
    s = e + 1;
  }
  return longest > kMaxSentenceBytes || wrap_width(text) != 0;
}

std::vector<Span> split_sentences(std::string_view text, std::size_t* cut) {
  std::vector<Span> out;
  const std::size_t width = wrap_width(text);
  std::size_t start = 0;
  auto push = [&](std::size_t s, std::size_t e) {
    while (s < e && (is_space(text[s]) || text[s] == '\n')) ++s;
    while (e > s && (is_space(text[e - 1]) || text[e - 1] == '\n')) --e;
    while (e - s > kMaxSentenceBytes) {
      std::size_t c = s + kMaxSentenceBytes;
      // Only the window is searched: a line without spaces must not make this quadratic.
      std::size_t sp = text.substr(s, c - s).rfind(' ');
      if (sp != std::string_view::npos && sp > kMaxSentenceBytes / 2) c = s + sp;
      while (c > s && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) --c;  // UTF-8 lead byte
      if (c == s) c = s + kMaxSentenceBytes;
      out.push_back({s, c});
      if (cut) ++*cut;
      s = c;
      while (s < e && is_space(text[s])) ++s;
    }
    if (e > s) out.push_back({s, e});
  };
  auto emit = [&](std::size_t end) {
    push(start, end);
    start = end;
  };
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Most bytes can neither end a line nor a sentence: skip them in a tight loop.
    while (i < text.size() && !kMayEnd[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    char c = text[i];
    if (c == '\n') {
      if (!soft_break(text, line_start, i, width)) emit(i);
      line_start = i + 1;
      continue;
    }
    bool ellipsis = c == '\xE2' && text.substr(i, 3) == "\xE2\x80\xA6";
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    std::size_t j = i + (ellipsis ? 3 : 1);
    while (std::size_t n = closer_at(text, j)) j += n;
    if (j < text.size() && !is_space(text[j])) continue;
    std::size_t k = j;
    while (k < text.size() && is_space(text[k])) ++k;
    if (k >= text.size() || text[k] == '\n') continue;  // the line break decides
    if (!can_start(text, k)) continue;
    if (c == '.' && abbreviation_holds(text, i, k)) continue;
    emit(j);
  }
  emit(text.size());
  return out;
}

const std::vector<Span>& Sentences::spans() {
  if (!spans_) spans_ = split_sentences(text_, &cut_);
  return *spans_;
}

std::size_t Sentences::cut() {
  if (!spans_ && !may_cut_sentences(text_)) return 0;
  spans();
  return cut_;
}

}  // namespace dossier::text
