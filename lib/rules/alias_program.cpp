#include "lib/rules/alias_program.hpp"

#include <algorithm>
#include <cstring>

namespace dossier::rules {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

char lower_ascii(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

bool is_word_boundary(std::string_view text, std::size_t at) {
  bool before = at > 0 && is_word_byte(text[at - 1]);
  bool after = at < text.size() && is_word_byte(text[at]);
  return before != after;
}

}  // namespace

std::string alias_pattern(std::string_view alias) {
  std::string out;
  if (!alias.empty() && is_word_byte(alias.front())) out += "\\b";
  for (std::size_t i = 0; i < alias.size(); ++i) {
    char c = alias[i];
    if (c == '\'' || alias.substr(i, 3) == kCurlyApostrophe) {
      out += "(?:'|\xE2\x80\x99)";
      if (c != '\'') i += 2;
    } else if (c == ' ') {
      out += "\\s+";
      while (i + 1 < alias.size() && alias[i + 1] == ' ') ++i;
    } else if (is_word_byte(c) || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
  if (!alias.empty() && is_word_byte(alias.back())) out += "\\b";
  return out;
}

std::string normal_form(std::string_view alias, const CaseFolds& folds) {
  std::string out;
  for (std::size_t i = 0; i < alias.size();) {
    auto c = static_cast<unsigned char>(alias[i]);
    if (c < 0x80) {
      out += static_cast<char>(
          next_ascii_normal(reinterpret_cast<const unsigned char*>(alias.data()), i, alias.size()));
    } else {
      DecodedRune r = decode_utf8(alias.data(), i, alias.size());
      if (r.size == 0) {  // not valid UTF-8 (RE2 refuses such an alias): matches nothing
        out += '\xFF';
        ++i;
        continue;
      }
      if (r.rune == 0x2019)
        out += '\'';
      else
        append_utf8(folds.rep(r.rune), out);
      i += r.size;
    }
  }
  return out;
}

AliasProgram::AliasProgram(std::string_view alias, bool ignore_case, const CaseFolds& folds) {
  auto add = [&](Op op, std::string_view bytes) {
    if (!steps_.empty() && steps_.back().op == op && (op == Op::kBytes || op == Op::kFoldAscii)) {
      steps_.back().bytes += bytes;
    } else {
      steps_.push_back({op, std::string(bytes), {}});
    }
  };
  if (!alias.empty() && is_word_byte(alias.front())) add(Op::kBoundary, "");
  for (std::size_t i = 0; i < alias.size();) {
    auto c = static_cast<unsigned char>(alias[i]);
    if (c == '\'' || alias.substr(i, 3) == kCurlyApostrophe) {
      steps_.push_back({Op::kOneOf, "", {"'", std::string(kCurlyApostrophe)}});
      i += c == '\'' ? 1 : 3;
      continue;
    }
    if (c == ' ') {
      add(Op::kSpaces, "");
      while (i < alias.size() && alias[i] == ' ') ++i;
      continue;
    }
    DecodedRune r = decode_utf8(alias.data(), i, alias.size());
    if (r.size == 0) r = {c, 1};
    std::string_view bytes = alias.substr(i, r.size);
    i += r.size;
    std::vector<char32_t> orbit = ignore_case ? folds.orbit(r.rune) : std::vector<char32_t>{};
    if (orbit.size() > 2 || (orbit.size() == 2 && r.rune >= 0x80)) {
      Step s{Op::kOneOf, "", {}};
      for (char32_t m : orbit) append_utf8(m, s.choices.emplace_back());
      steps_.push_back(std::move(s));
    } else if (orbit.size() == 2) {
      add(Op::kFoldAscii, std::string(1, lower_ascii(c)));
    } else {
      add(ignore_case && c < 0x80 ? Op::kFoldAscii : Op::kBytes, bytes);
    }
  }
  if (!alias.empty() && is_word_byte(alias.back())) add(Op::kBoundary, "");
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) {
    const Step& next = steps_[i + 1];
    bool takes_space =
        (next.op == Op::kBytes || next.op == Op::kFoldAscii) && is_space_byte(next.bytes.front());
    branches_ = branches_ || (steps_[i].op == Op::kSpaces && takes_space);
  }
}

void AliasProgram::mark_first_bytes(std::array<bool, 256>& bytes) const {
  if (steps_.empty()) return;
  const Step& s = steps_.front();
  auto mark = [&](char c) { bytes[static_cast<unsigned char>(c)] = true; };
  switch (s.op) {
    case Op::kBoundary:  // at_word_start(): NameMatcher finds these by the word
      break;
    case Op::kBytes:
      mark(s.bytes.front());
      break;
    case Op::kFoldAscii:
      mark(s.bytes.front());
      if (s.bytes.front() >= 'a' && s.bytes.front() <= 'z') mark(s.bytes.front() - 'a' + 'A');
      break;
    case Op::kOneOf:
      for (const std::string& c : s.choices) mark(c.front());
      break;
    case Op::kSpaces:
      for (char c : std::string_view(" \t\n\f\r")) mark(c);
      break;
  }
}

// Where step `s` ends when it starts at `at`, or npos; a \s+ takes its whole run.
std::size_t AliasProgram::step(const Step& s, std::string_view text, std::size_t at,
                               std::size_t limit) const {
  switch (s.op) {
    case Op::kBoundary:
      return is_word_boundary(text, at) ? at : std::string_view::npos;
    case Op::kBytes:
      if (limit - at < s.bytes.size() ||
          std::memcmp(text.data() + at, s.bytes.data(), s.bytes.size()) != 0)
        return std::string_view::npos;
      return at + s.bytes.size();
    case Op::kFoldAscii:
      if (limit - at < s.bytes.size()) return std::string_view::npos;
      for (std::size_t i = 0; i < s.bytes.size(); ++i)
        if (lower_ascii(text[at + i]) != s.bytes[i]) return std::string_view::npos;
      return at + s.bytes.size();
    case Op::kOneOf:
      for (const std::string& c : s.choices)
        if (limit - at >= c.size() && std::memcmp(text.data() + at, c.data(), c.size()) == 0)
          return at + c.size();
      return std::string_view::npos;
    case Op::kSpaces: {
      std::size_t end = at;
      while (end < limit && is_space_byte(text[end])) ++end;
      return end > at ? end : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

std::size_t AliasProgram::longest_match(std::string_view text, std::size_t start,
                                        std::size_t limit) const {
  if (branches_) return longest_with_branches(text, start, limit);
  std::size_t at = start;
  for (const Step& s : steps_) {
    at = step(s, text, at, limit);
    if (at == std::string_view::npos) return at;
  }
  return at;
}

// The same as a set of places (an NFA): a \s+ may end anywhere in its run.
std::size_t AliasProgram::longest_with_branches(std::string_view text, std::size_t start,
                                                std::size_t limit) const {
  std::vector<std::size_t> at{start}, next;
  for (const Step& s : steps_) {
    next.clear();
    for (std::size_t a : at) {
      std::size_t end = step(s, text, a, limit);
      if (end == std::string_view::npos) continue;
      if (s.op != Op::kSpaces) {
        next.push_back(end);
        continue;
      }
      for (std::size_t e = a + 1; e <= end; ++e) next.push_back(e);
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    at.swap(next);
    if (at.empty()) return std::string_view::npos;
  }
  return at.back();
}

}  // namespace dossier::rules
