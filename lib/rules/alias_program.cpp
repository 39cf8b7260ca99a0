#include "lib/rules/alias_program.hpp"

#include <algorithm>
#include <cstring>

#include "lib/text/ascii.hpp"

namespace dossier::rules {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

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

AliasProgram::AliasProgram(std::string_view alias, bool ignore_case, const CaseFolds& folds,
                           Store& store)
    : steps_at_(store.steps.size()), bytes_at_(store.bytes.size()) {
  auto here = [&] { return static_cast<std::uint32_t>(store.bytes.size() - bytes_at_); };
  auto add = [&](Op op, std::string_view bytes) {
    // A step's bytes end the store's while it is the last step: more of the same kind join them.
    if (step_count_ == 0 || store.steps.back().op != op ||
        (op != Op::kBytes && op != Op::kFoldAscii)) {
      store.steps.push_back({op, here(), 0});
      ++step_count_;
    }
    store.steps.back().size += static_cast<std::uint32_t>(bytes.size());
    store.bytes += bytes;
  };
  auto add_one_of = [&](const std::vector<std::string>& choices) {
    store.steps.push_back({Op::kOneOf, here(), static_cast<std::uint32_t>(choices.size())});
    ++step_count_;
    for (const std::string& c : choices) {
      store.bytes += static_cast<char>(c.size());  // a rune's bytes: 1 to 4
      store.bytes += c;
    }
  };
  if (!alias.empty() && is_word_byte(alias.front())) add(Op::kBoundary, "");
  for (std::size_t i = 0; i < alias.size();) {
    auto c = static_cast<unsigned char>(alias[i]);
    if (c == '\'' || alias.substr(i, 3) == kCurlyApostrophe) {
      add_one_of({"'", std::string(kCurlyApostrophe)});
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
      std::vector<std::string> choices;
      for (char32_t m : orbit) append_utf8(m, choices.emplace_back());
      add_one_of(choices);
    } else if (orbit.size() == 2) {
      add(Op::kFoldAscii, std::string(1, text::to_lower(static_cast<char>(c))));
    } else {
      add(ignore_case && c < 0x80 ? Op::kFoldAscii : Op::kBytes, bytes);
    }
  }
  if (!alias.empty() && is_word_byte(alias.back())) add(Op::kBoundary, "");
  std::span<const Step> own = steps(store);
  for (std::size_t i = 0; i + 1 < own.size(); ++i) {
    const Step& next = own[i + 1];
    bool takes_space = (next.op == Op::kBytes || next.op == Op::kFoldAscii) &&
                       is_space_byte(own_bytes(store)[next.begin]);
    branches_ = branches_ || (own[i].op == Op::kSpaces && takes_space);
  }
}

std::span<const AliasProgram::Step> AliasProgram::steps(const Store& store) const {
  return {store.steps.data() + steps_at_, step_count_};
}

const char* AliasProgram::own_bytes(const Store& store) const {
  return store.bytes.data() + bytes_at_;
}

bool AliasProgram::at_word_start(const Store& store) const {
  return step_count_ > 0 && store.steps[steps_at_].op == Op::kBoundary;
}

void AliasProgram::mark_first_bytes(const Store& store, std::array<bool, 256>& marks) const {
  if (step_count_ == 0) return;
  const Step& s = store.steps[steps_at_];
  const char* bytes = own_bytes(store);
  auto mark = [&](char c) { marks[static_cast<unsigned char>(c)] = true; };
  switch (s.op) {
    case Op::kBoundary:  // at_word_start(): NameMatcher finds these by the word
      break;
    case Op::kBytes:
      mark(bytes[s.begin]);
      break;
    case Op::kFoldAscii:
      mark(bytes[s.begin]);
      if (bytes[s.begin] >= 'a' && bytes[s.begin] <= 'z') mark(bytes[s.begin] - 'a' + 'A');
      break;
    case Op::kOneOf:
      for (std::uint32_t k = 0, at = s.begin; k < s.size; ++k, at += 1 + bytes[at])
        mark(bytes[at + 1]);
      break;
    case Op::kSpaces:
      for (char c : std::string_view(" \t\n\f\r")) mark(c);
      break;
  }
}

// Where step `s` ends when it starts at `at`, or npos; a \s+ takes its whole run.
std::size_t AliasProgram::step(const Step& s, const char* bytes, std::string_view text,
                               std::size_t at, std::size_t limit) const {
  switch (s.op) {
    case Op::kBoundary:
      return is_word_boundary(text, at) ? at : std::string_view::npos;
    case Op::kBytes:
      if (limit - at < s.size || std::memcmp(text.data() + at, bytes + s.begin, s.size) != 0)
        return std::string_view::npos;
      return at + s.size;
    case Op::kFoldAscii:
      if (limit - at < s.size) return std::string_view::npos;
      for (std::size_t i = 0; i < s.size; ++i)
        if (text::to_lower(text[at + i]) != bytes[s.begin + i]) return std::string_view::npos;
      return at + s.size;
    case Op::kOneOf:
      for (std::uint32_t k = 0, c = s.begin; k < s.size; ++k, c += 1 + bytes[c]) {
        std::size_t n = static_cast<unsigned char>(bytes[c]);
        if (limit - at >= n && std::memcmp(text.data() + at, bytes + c + 1, n) == 0) return at + n;
      }
      return std::string_view::npos;
    case Op::kSpaces: {
      std::size_t end = at;
      while (end < limit && is_space_byte(text[end])) ++end;
      return end > at ? end : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

std::size_t AliasProgram::longest_match(const Store& store, std::string_view text,
                                        std::size_t start, std::size_t limit) const {
  if (branches_) return longest_with_branches(store, text, start, limit);
  const char* bytes = own_bytes(store);
  std::size_t at = start;
  for (const Step& s : steps(store)) {
    at = step(s, bytes, text, at, limit);
    if (at == std::string_view::npos) return at;
  }
  return at;
}

// The same as a set of places (an NFA): a \s+ may end anywhere in its run.
std::size_t AliasProgram::longest_with_branches(const Store& store, std::string_view text,
                                                std::size_t start, std::size_t limit) const {
  const char* bytes = own_bytes(store);
  std::vector<std::size_t> at{start}, next;
  for (const Step& s : steps(store)) {
    next.clear();
    for (std::size_t a : at) {
      std::size_t end = step(s, bytes, text, a, limit);
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
