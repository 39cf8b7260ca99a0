#include "lib/extract/organisations/name_shape.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace dossier::extract::organisations {
namespace {

// Words that start sentences or noun phrases but never an organisation's name.
constexpr std::array<std::string_view, 49> kNotNameStart = {
    "Fake", "Spoofed", "Malicious", "Bogus", "Impersonated",
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "By",
    "From", "With", "And", "But", "Or", "As", "When", "While", "After", "Before", "Its",
    "Their", "Our", "His", "Her", "Your", "My", "If", "Since", "Under", "Both", "Each",
    "Meanwhile", "However", "According", "Last", "Earlier", "Today", "Yesterday", "Then",
    "Former", "New"};

// Legal forms that end a company name, English and European; some are several words. Keep in
// step with LEGAL in data/rules/organisations.toml.
constexpr std::array<std::string_view, 56> kLegalForms = {
    "Ltd", "Ltd.", "Limited", "plc", "PLC", "Inc", "Inc.", "LLC", "L.L.C.", "GmbH & Co. KG",
    "GmbH", "AG", "KG", "e.V.", "S.A.", "S.A.U.", "S.A.S.", "SAU", "SAS", "SARL", "S.à r.l.",
    "S.L.", "S.L.U.", "S.R.L.", "SRL", "S.r.l.", "SpA", "S.p.A.", "B.V.", "BV", "N.V.", "NV",
    "A/S", "ApS", "AB", "ASA", "Oy", "Oyj", "Sp. z o.o.", "s.r.o.", "a.s.", "Kft", "Kft.",
    "Zrt", "Zrt.", "Nyrt", "Nyrt.", "Ltda", "Ltda.", "Corp", "Corp.", "LLP", "Co.", "SE",
    "Pty Ltd", "Pty"};

// Words that are only the head of a name; alone they name nothing.
constexpr std::array<std::string_view, 21> kBareHeads = {
    "Agency", "Authority", "Commission", "Council", "Board", "Bureau", "Office",
    "Institute", "Ministry", "Department", "Committee", "University", "Police",
    "Service", "Centre", "Center", "Foundation", "Association", "Corporation",
    "Directorate", "Federation"};

// "Munich-based", "state-backed": descriptions of the name, not part of it.
bool is_descriptor(std::string_view w) {
  for (std::string_view suffix : {"-based", "-backed", "-owned", "-linked", "-headquartered"})
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
  return false;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& a, std::string_view w) {
  for (std::string_view x : a)
    if (x == w) return true;
  return false;
}

// The spaces-separated words of `s` as spans relative to `base`.
std::vector<text::Span> words(std::string_view text, text::Span s) {
  std::vector<text::Span> out;
  std::size_t i = s.start;
  while (i < s.end) {
    while (i < s.end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < s.end && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) out.push_back({i, j});
    i = j;
  }
  return out;
}

std::string_view at(std::string_view text, text::Span s) { return text.substr(s.start, s.size()); }

// How many words, from w[i], the longest legal form there takes (0: none).
std::size_t legal_form_at(std::string_view text, const std::vector<text::Span>& w, std::size_t i) {
  std::size_t best = 0;
  for (std::string_view form : kLegalForms) {
    std::size_t k = i;
    std::size_t pos = 0;
    while (k < w.size() && pos <= form.size()) {
      std::size_t space = form.find(' ', pos);
      std::string_view part = form.substr(pos, space == std::string_view::npos ? form.npos
                                                                                : space - pos);
      if (at(text, w[k]) != part) break;
      ++k;
      if (space == std::string_view::npos) {
        best = std::max(best, k - i);
        break;
      }
      pos = space + 1;
    }
  }
  return best;
}

// Index of the first word (not the last) of `w` that ends in a possessive "'s", or npos.
std::size_t possessive_word(std::string_view text, const std::vector<text::Span>& w) {
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    std::string_view s = at(text, w[i]);
    if (s.ends_with("'s") || s.ends_with("\xE2\x80\x99s")) return i;
  }
  return std::string_view::npos;
}

// "Columbia's Metropolitan Police Department" -> the part after the possessive when it names
// an institution by itself; "Public Health Agency of Canada's Medical Officer" -> the part
// before it; "Women's Association" stays whole.
std::vector<text::Span> split_possessive(std::string_view text, std::vector<text::Span> w) {
  std::size_t p = possessive_word(text, w);
  if (p == std::string_view::npos) return w;
  std::vector<text::Span> after(w.begin() + p + 1, w.end());
  if (after.size() == 1 && in(kBareHeads, at(text, after[0]))) return w;
  for (text::Span s : after)
    if (in(kBareHeads, at(text, s))) return after;
  std::vector<text::Span> before(w.begin(), w.begin() + p + 1);
  std::string_view last = at(text, before.back());
  before.back().end -= last.ends_with("'s") ? 2 : 4;
  return before;
}

}  // namespace

text::Span trim_name(std::string_view text, text::Span span) {
  std::vector<text::Span> w = split_possessive(text, words(text, span));
  std::size_t first = 0;
  while (first < w.size() &&
         (in(kNotNameStart, at(text, w[first])) || is_descriptor(at(text, w[first]))))
    ++first;
  std::size_t last = w.size();
  for (std::size_t i = first + 1; i < w.size(); ++i) {
    if (std::size_t n = legal_form_at(text, w, i)) {
      last = i + n;
      break;
    }
  }
  // "Department of Health and Bureau of Customs" names two: keep the first.
  for (std::size_t i = first + 1; i + 1 < last; ++i) {
    std::string_view joint = at(text, w[i]);
    if ((joint == "and" || joint == "&") && in(kBareHeads, at(text, w[i + 1]))) {
      last = i;
      break;
    }
  }
  if (first >= last || w.empty()) return {span.start, span.start};
  if (last - first == 1 && in(kBareHeads, at(text, w[first]))) return {span.start, span.start};
  return {w[first].start, w[last - 1].end};
}

text::Span without_legal_form(std::string_view text, text::Span span) {
  std::vector<text::Span> w = words(text, span);
  // The legal form that ends the span, after at least one word of name.
  std::size_t from = 1;
  while (from < w.size() && legal_form_at(text, w, from) != w.size() - from) ++from;
  if (from >= w.size()) return span;
  std::size_t end = w[from - 1].end;
  if (end > span.start && text[end - 1] == ',') --end;
  return {span.start, end};
}

bool is_title_case(std::string_view line) {
  if (line.size() > 300) return false;  // headlines are short; also keeps huge lines cheap
  int long_words = 0, capitalised = 0;
  bool sentence_end = false;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    std::string_view w = line.substr(i, j - i);
    if (w.size() >= 4) {
      ++long_words;
      if (std::isupper(static_cast<unsigned char>(w.front()))) ++capitalised;
    }
    if (!w.empty() && w.back() == '.') sentence_end = true;
    i = j;
  }
  if (long_words < 4 || long_words > 20 || sentence_end) return false;
  return capitalised * 10 >= long_words * 9;
}

}  // namespace dossier::extract::organisations
