#pragma once
// RE2's case folding, so that names can be matched as (?i:...) without RE2: under (?i), RE2
// matches a rune with any rune of its orbit (Unicode's simple case folding: K, k and KELVIN SIGN;
// S, s and LONG S; Σ, σ and ς; not the Turkish İ and ı, nor ß with "ss").
//
// The orbits are learned from the RE2 this program links: the candidates are the runes
// utf8proc's lower-, upper- and title-case mappings connect (below U+20000, where every cased
// script is), and RE2 itself says which of them (?i:r) matches. A rune RE2 folds with one that
// utf8proc does not connect it to (a newer Unicode in RE2) would be missed; none is known.
//
// Immutable after construction; shared across threads.

#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::rules {

class CaseFolds {
 public:
  CaseFolds() = default;
  // Learns the orbits of `runes` and of every ASCII letter.
  explicit CaseFolds(const std::vector<char32_t>& runes);

  // The runes (?i:r) matches, `r` among them, sorted; {r} for a rune not learned.
  std::vector<char32_t> orbit(char32_t r) const;
  // One rune per orbit, the same for all its runes: the ASCII lower-case letter when the orbit
  // has one, else its least rune. A rune not learned is its own.
  char32_t rep(char32_t r) const {
    if (r < 0x80) return r >= 'A' && r <= 'Z' ? r + ('a' - 'A') : r;
    auto it = rep_.find(r);
    return it == rep_.end() ? r : it->second;
  }
  // Runes above ASCII whose orbit holds an ASCII letter (KELVIN SIGN, LONG S), which can stand
  // inside a case-blind word without being a word character to \b.
  const std::vector<char32_t>& ascii_foldable() const { return ascii_foldable_; }

 private:
  std::unordered_map<char32_t, char32_t> rep_;  // learned runes above ASCII -> rep, orbits > 1
  std::unordered_map<char32_t, std::vector<char32_t>> orbits_;  // rep -> orbit, orbits > 1
  std::vector<char32_t> ascii_foldable_;
};

// `r` as UTF-8, appended to `out`.
void append_utf8(char32_t r, std::string& out);

// The rune that starts at `text[i]` and its length in bytes, if it is valid UTF-8 (shortest
// form, no surrogates) and ends by `end`; else length 0.
struct DecodedRune {
  char32_t rune = 0;
  std::size_t size = 0;
};
DecodedRune decode_utf8(const char* text, std::size_t i, std::size_t end);

}  // namespace dossier::rules
