#pragma once
// Finds a gazetteer's aliases in a text: exactly the spans one RE2 alternation of their
// alias_pattern()s gives, scanned as PatternScanner::scan does (leftmost-longest, no hit across a
// paragraph break), faster and in far less memory: on the bench corpus the two gazetteers' RE2
// DFAs took 0.23 s per 100 MB each (0.30-0.35 s with the scan loop) and held 45 and 27 MB of
// cache; this takes ~0.19 s each and a few MB.
//
// How: the aliases' normal forms (alias_program.hpp) make a trie. The text is read in 64-byte
// windows (SSE2), 48 bytes apart, for the starts of its ASCII words and for the bytes an alias
// without a leading \b begins with. At a word start, a bitset of the aliases' first words
// (hashed), then one of first words with the 3 bytes after them, turn ~97% of words away;
// elsewhere the trie is walked with the text's normal form, and each alias whose normal form
// the text has there is matched exactly (AliasProgram). The longest wins.
//
// RE2's semantics kept: \b and word characters are ASCII ([0-9A-Za-z_]); \s is [\t\n\f\r ];
// (?i) folds each rune with its orbit as RE2 does (case_folds.hpp: KELVIN SIGN is a k, yet not a
// word character); a match ends by the scan's limit while \b sees the text beyond it. No
// divergence is known; case_folds.hpp says where one could come from. tests/rules/
// name_matcher_test.cpp compares the two over random texts.
//
// Immutable after compile(); scan() and find() are safe to call from many threads at once.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/alias_program.hpp"
#include "lib/rules/case_folds.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/text/document.hpp"

namespace dossier::rules {

// Whether RE2 takes `alias`'s pattern whatever it says, so that NameMatcher::add need not ask
// it: printable ASCII, not empty, at most kMaxUncheckedAlias bytes (an apostrophe or a case-blind
// k, the costliest bytes, are 4 instructions each: 4,004 for 1,000 of them, check_pattern's limit
// is 20,000). Compiling each alias cost 0.5 s per 100,000.
inline constexpr std::size_t kMaxUncheckedAlias = 1000;
bool takes_without_check(std::string_view alias);

class NameMatcher {
 public:
  // Adds an alias, matched case-blind when `ignore_case`. False with `error` set when RE2 would
  // refuse its pattern, for PatternScanner::add's reasons (e.g. it matches the empty string).
  bool add(std::string_view alias, bool ignore_case, std::string* error);
  // Builds the index. Call once, after the last add().
  void compile();

  // Non-overlapping hits, left to right, each the longest match at its leftmost start, none
  // across a paragraph break; at most `max_hits`. Spans only (Hit::pattern is -1).
  std::vector<Hit> scan(std::string_view text,
                        std::size_t max_hits = static_cast<std::size_t>(-1)) const;

  // Where an alias matches leftmost in [pos, limit), the longest there; false when none.
  // \b at pos and at limit sees the text around them.
  bool find(std::string_view text, std::size_t pos, std::size_t limit, text::Span* found) const;

  struct Alias {
    std::string_view text;  // into the matcher
    bool ignore_case = false;
  };
  // The aliases add() took, in its order.
  std::vector<Alias> aliases() const;
  std::size_t size() const { return alias_refs_.size(); }

 private:
  struct Node {
    std::uint32_t edges = 0, edge_count = 0;        // into labels_ / targets_
    std::uint32_t programs = 0, program_count = 0;  // into node_programs_
  };
  struct Masks {
    std::uint64_t word = 0, special = 0;
  };

  bool find_from(std::string_view text, std::size_t pos, std::size_t limit, text::Span* found,
                 std::vector<std::uint32_t>& scratch) const;
  std::size_t longest_at(std::string_view text, std::size_t at, std::size_t limit,
                         std::vector<std::uint32_t>& scratch) const;
  std::uint32_t child(std::uint32_t node, unsigned char label) const;
  Masks block_masks(const unsigned char* block) const;
  bool folds_to_ascii_after_word(std::string_view text, std::size_t at, std::size_t limit) const;
  std::uint64_t passing_starts(const unsigned char* window, std::uint64_t word,
                               std::uint64_t starts) const;
  bool first_word_may_match(const unsigned char* text, std::size_t size, std::size_t start,
                            std::size_t end, std::size_t limit) const;
  void build_trie(const std::vector<std::string>& forms);

  // The aliases' texts end to end, and where each is (a string each was 14 MB for 200,000).
  struct AliasRef {
    std::uint32_t at = 0, size = 0;
    bool ignore_case = false;
  };
  Alias alias(const AliasRef& r) const {
    return {std::string_view(alias_texts_).substr(r.at, r.size), r.ignore_case};
  }
  std::string alias_texts_;
  std::vector<AliasRef> alias_refs_;
  CaseFolds folds_;
  std::vector<AliasProgram> programs_;
  AliasProgram::Store program_store_;

  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::array<std::uint32_t, 256> root_children_{};
  std::vector<unsigned char> labels_;
  std::vector<std::uint32_t> targets_;
  std::vector<std::uint32_t> node_programs_;

  // Hashes of the aliases' first words, lower-cased; all ones when a case-blind alias holds a
  // rune that folds to ASCII (its first word in a text may be longer than in the alias).
  std::vector<std::uint64_t> first_words_;
  // Hashes of each first word with the first bytes of its alias's normal form after it.
  std::vector<std::uint64_t> follows_;
  // Bytes an alias without a leading \b begins with.
  std::array<bool, 256> alias_starts_{};
  // Bytes a match can begin with, other than a word start (alias_starts_, and the lead bytes
  // below): as a list for the SIMD scan (when short) and as a table.
  std::vector<unsigned char> special_list_;
  std::array<bool, 256> special_{};
  // Lead bytes of the runes that fold to ASCII letters (KELVIN SIGN, LONG S), when some alias
  // is case-blind: a word followed by one may go on, to a case-blind alias.
  std::array<bool, 256> folds_to_ascii_lead_{};
};

}  // namespace dossier::rules
