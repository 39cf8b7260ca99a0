#pragma once
// A gazetteer alias as the few steps of its RE2 pattern (alias_pattern), matched without RE2:
// NameMatcher checks with it each alias its index proposes at a place in the text.
//
// Immutable after construction; shared across threads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/case_folds.hpp"

namespace dossier::rules {

// [0-9A-Za-z_]: a word character to RE2's \b (ASCII only; every byte above ASCII is not one).
inline bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
// RE2's \s: [\t\n\f\r ] (not \v).
inline bool is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// The normal form (below) of the ASCII byte at s[i] (s[i] < 0x80, i < limit): a run of \s bytes is
// one ' ', a letter its lower case. Moves `i` past what it read.
inline unsigned char next_ascii_normal(const unsigned char* s, std::size_t& i, std::size_t limit) {
  unsigned char c = s[i];
  if (!is_space_byte(c)) {
    ++i;
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
  }
  while (i < limit && is_space_byte(s[i])) ++i;
  return ' ';
}

// An alias as an RE2 pattern: literal text, either apostrophe (' or U+2019) for either, \s+ for a
// run of spaces, \b where the alias starts or ends with a word character. The gazetteer scan
// matches exactly what this pattern (in (?i:...) for a case-blind alias) matches; RE2 checks
// that it compiles (PatternScanner's check_pattern) and tests compare the two.
std::string alias_pattern(std::string_view alias);

// The form NameMatcher indexes aliases by and reads the text in: ASCII lower-cased, a run of \s
// bytes one space, either apostrophe ', any other rune its CaseFolds::rep. A text an alias
// matches has the alias's normal form (the converse does not hold: case, \b, a tab for a space).
std::string normal_form(std::string_view alias, const CaseFolds& folds);

class AliasProgram {
 public:
  // The steps and bytes of many programs, end to end: one vector and one string for all of a
  // NameMatcher's aliases (a vector and a string each made 200,000 aliases take ~30 MB).
  struct Store;

  // Appends the program of `alias` to `store`. `alias` is valid UTF-8; `folds` has learned the
  // orbits of its runes when `ignore_case`. The methods below take the same store.
  AliasProgram(std::string_view alias, bool ignore_case, const CaseFolds& folds, Store& store);

  // The end of the longest match of the alias that starts at `start` and ends by `limit`, or
  // npos. \b sees the whole text, as RE2 does given `text` as the context of [start, limit).
  std::size_t longest_match(const Store& store, std::string_view text, std::size_t start,
                            std::size_t limit) const;

  // Whether the pattern begins with \b (the alias begins with a word character).
  bool at_word_start(const Store& store) const;
  // Marks each byte a match can begin with, unless at_word_start().
  void mark_first_bytes(const Store& store, std::array<bool, 256>& marks) const;

 private:
  enum class Op : unsigned char {
    kBoundary,   // \b
    kBytes,      // these bytes
    kFoldAscii,  // these ASCII bytes (kept lower-case), either case
    kOneOf,      // one of its choices (an apostrophe, a rune's orbit)
    kSpaces,     // \s+
  };
  // A step's bytes are the program's bytes [begin, begin + size) (kBytes, kFoldAscii); a
  // kOneOf's are its `size` choices there, each a length byte and the bytes. (A string and a
  // vector of strings per step made 100,000 aliases take 53 MB.)
  struct Step {
    Op op;
    std::uint32_t begin = 0, size = 0;
  };
  std::span<const Step> steps(const Store& store) const;
  const char* own_bytes(const Store& store) const;  // Step::begin counts from here
  std::size_t step(const Step& s, const char* bytes, std::string_view text, std::size_t at,
                   std::size_t limit) const;
  std::size_t longest_with_branches(const Store& store, std::string_view text, std::size_t start,
                                    std::size_t limit) const;

  std::size_t steps_at_ = 0, bytes_at_ = 0;  // into the store
  std::uint32_t step_count_ = 0;
  // A \s+ is followed by a step that can take a white-space byte (a tab in the alias): its
  // run's every length must be tried, not only the longest.
  bool branches_ = false;
};

struct AliasProgram::Store {
  std::vector<Step> steps;
  std::string bytes;
};

}  // namespace dossier::rules
