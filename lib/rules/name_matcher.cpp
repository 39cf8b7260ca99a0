#include "lib/rules/name_matcher.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dossier::rules {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
// The first-word bitset: 2^16 bits (8 KB, in L1 cache); the gazetteers' ~2,000 first words
// leave a word that is none of them a 3% chance to pass.
constexpr int kFirstWordBits = 16;
// The SIMD scan compares each byte with at most this many special bytes; more go by table.
constexpr std::size_t kMaxSpecialList = 8;
// A first word that passes is tried only when the next bytes of the text's normal form (up to
// this many) are those after it in some alias with that first word ("the c" is not "the S").
constexpr std::size_t kFollowBytes = 3;

// A word's hash for the first-word bitset (its top bits): its first 8 bytes, lower-cased, and
// its length.
inline std::uint64_t first_word_hash(const unsigned char* word, std::size_t size,
                                     std::size_t readable) {
  std::uint64_t v = 0;
  if (readable >= 8)
    std::memcpy(&v, word, 8);  // one load, not a call to memcpy
  else
    std::memcpy(&v, word, readable);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  std::uint64_t keep = size >= 8 ? ~0ull : (1ull << (8 * size)) - 1;
  v = (v | 0x2020202020202020ull) & keep;  // | 0x20 lower-cases A-Z, leaves 0-9 and _ apart
  return (v ^ (size * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
}

// The hash of a first word (first_word_hash) and the next bytes of the normal form after it.
inline std::uint64_t follow_hash(std::uint64_t word, std::uint32_t follow, std::size_t size) {
  return ((word >> 7) ^ follow ^ (size << 24)) * 0x94D049BB133111EBull;
}

inline bool test_bit(const std::vector<std::uint64_t>& bits, std::uint64_t h) {
  h >>= 64 - kFirstWordBits;
  return bits[h >> 6] >> (h & 63) & 1;
}

inline void set_bit(std::vector<std::uint64_t>& bits, std::uint64_t h) {
  h >>= 64 - kFirstWordBits;
  bits[h >> 6] |= 1ull << (h & 63);
}


}  // namespace

bool takes_without_check(std::string_view alias) {
  if (alias.empty() || alias.size() > kMaxUncheckedAlias) return false;
  for (char c : alias)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

bool NameMatcher::add(std::string_view alias, bool ignore_case, std::string* error) {
  if (!takes_without_check(alias)) {
    std::string pattern = alias_pattern(alias);
    if (ignore_case) pattern = "(?i:" + pattern + ")";
    if (!check_pattern(pattern, error)) return false;
  }
  if (alias_texts_.size() + alias.size() > std::numeric_limits<std::uint32_t>::max()) {
    *error = "the aliases come to over 4 GB";
    return false;
  }
  alias_refs_.push_back({static_cast<std::uint32_t>(alias_texts_.size()),
                         static_cast<std::uint32_t>(alias.size()), ignore_case});
  alias_texts_ += alias;
  return true;
}

std::vector<NameMatcher::Alias> NameMatcher::aliases() const {
  std::vector<Alias> out;
  out.reserve(alias_refs_.size());
  for (const AliasRef& r : alias_refs_) out.push_back(alias(r));
  return out;
}

void NameMatcher::compile() {
  std::vector<char32_t> runes;
  alias_texts_.shrink_to_fit();
  alias_refs_.shrink_to_fit();
  for (const AliasRef& r : alias_refs_) {
    Alias a = alias(r);
    if (!a.ignore_case) continue;
    for (std::size_t i = 0; i < a.text.size();) {
      DecodedRune r = decode_utf8(a.text.data(), i, a.text.size());
      if (r.size == 0) r = {0, 1};
      if (r.rune >= 0x80) runes.push_back(r.rune);
      i += r.size;
    }
  }
  folds_ = CaseFolds(runes);

  bool any_case_blind = false, blind_folds_to_ascii = false;
  first_words_.assign(std::size_t{1} << (kFirstWordBits - 6), 0);
  follows_.assign(first_words_.size(), 0);
  std::vector<std::string> forms;
  forms.reserve(alias_refs_.size());
  programs_.reserve(alias_refs_.size());
  for (const AliasRef& r : alias_refs_) {
    Alias a = alias(r);
    programs_.emplace_back(a.text, a.ignore_case, folds_, program_store_);
    forms.push_back(normal_form(a.text, folds_));
    const AliasProgram& p = programs_.back();
    if (!p.at_word_start(program_store_)) p.mark_first_bytes(program_store_, alias_starts_);
    std::size_t word = 0;
    while (word < a.text.size() && is_word_byte(a.text[word])) ++word;
    if (word) {
      std::uint64_t h =
          first_word_hash(reinterpret_cast<const unsigned char*>(a.text.data()), word, word);
      set_bit(first_words_, h);
      std::string_view next = std::string_view(forms.back()).substr(word, kFollowBytes);
      std::uint32_t follow = 0;
      for (std::size_t i = 0; i < next.size(); ++i)
        follow |= static_cast<std::uint32_t>(static_cast<unsigned char>(next[i])) << (8 * i);
      set_bit(follows_, follow_hash(h, follow, next.size()));
    }
    any_case_blind = any_case_blind || a.ignore_case;
    if (!a.ignore_case) continue;
    for (char32_t r : folds_.ascii_foldable()) {
      std::string bytes;
      append_utf8(r, bytes);
      blind_folds_to_ascii = blind_folds_to_ascii || a.text.find(bytes) != std::string_view::npos;
    }
  }
  program_store_.steps.shrink_to_fit();
  program_store_.bytes.shrink_to_fit();
  if (blind_folds_to_ascii) {
    first_words_.assign(first_words_.size(), ~0ull);
    follows_.assign(follows_.size(), ~0ull);
  }
  if (any_case_blind) {
    for (char32_t r : folds_.ascii_foldable()) {
      std::string bytes;
      append_utf8(r, bytes);
      folds_to_ascii_lead_[static_cast<unsigned char>(bytes.front())] = true;
      special_[static_cast<unsigned char>(bytes.front())] = true;
    }
  }
  for (int c = 0; c < 256; ++c) special_[c] = special_[c] || alias_starts_[c];
  special_list_.clear();
  for (int c = 0; c < 256; ++c)
    if (special_[c]) special_list_.push_back(static_cast<unsigned char>(c));
  build_trie(forms);
}

void NameMatcher::build_trie(const std::vector<std::string>& forms) {
  // The forms in order (equal forms in add() order), so that the trie is made depth first, each
  // node's children in the order of their labels; then each node's edges are gathered in one
  // place. (A map per node cost 0.6 s and 130 MB to build for 100,000 aliases.)
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < forms.size(); ++i)
    if (!forms[i].empty()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return forms[a] < forms[b]; });
  // A form adds a node for each byte after those it shares with the one before it. (Counted
  // first: grown as needed, the node arrays took 19 MB more at the peak for 200,000 aliases.)
  std::vector<std::uint32_t> shared_before(order.size(), 0);
  std::size_t node_count = 1;
  for (std::size_t k = 0; k < order.size(); ++k) {
    std::string_view form = forms[order[k]];
    if (k > 0) {
      std::string_view previous = forms[order[k - 1]];
      std::size_t n = 0;
      while (n < form.size() && n < previous.size() && form[n] == previous[n]) ++n;
      shared_before[k] = static_cast<std::uint32_t>(n);
    }
    node_count += form.size() - shared_before[k];
  }
  // Equal forms are neighbours in `order`: each node's programs are pushed together.
  nodes_.assign(1, Node{});
  nodes_.reserve(node_count);
  node_programs_.clear();
  node_programs_.reserve(order.size());
  std::vector<std::uint32_t> parent{0};
  std::vector<unsigned char> label{0};
  parent.reserve(node_count);
  label.reserve(node_count);
  std::vector<std::uint32_t> path{0};  // path[d]: the node at depth d of the previous form
  for (std::size_t k = 0; k < order.size(); ++k) {
    std::uint32_t i = order[k];
    std::string_view form = forms[i];
    std::size_t shared = shared_before[k];
    path.resize(shared + 1);
    for (std::size_t d = shared; d < form.size(); ++d) {
      parent.push_back(path.back());
      label.push_back(static_cast<unsigned char>(form[d]));
      path.push_back(static_cast<std::uint32_t>(nodes_.size()));
      nodes_.emplace_back();
    }
    Node& end = nodes_[path.back()];
    if (end.program_count == 0) end.programs = static_cast<std::uint32_t>(node_programs_.size());
    ++end.program_count;
    node_programs_.push_back(i);
  }
  for (std::uint32_t n = 1; n < parent.size(); ++n) ++nodes_[parent[n]].edge_count;
  std::uint32_t next_edge = 0;
  for (Node& node : nodes_) {
    node.edges = next_edge;
    next_edge += node.edge_count;
    node.edge_count = 0;
  }
  labels_.assign(next_edge, 0);
  targets_.assign(next_edge, 0);
  root_children_.fill(0);
  for (std::uint32_t n = 1; n < parent.size(); ++n) {  // in order: each parent's labels ascend
    Node& p = nodes_[parent[n]];
    labels_[p.edges + p.edge_count] = label[n];
    targets_[p.edges + p.edge_count] = n;
    ++p.edge_count;
    if (parent[n] == 0) root_children_[label[n]] = n;
  }
}

std::uint32_t NameMatcher::child(std::uint32_t node, unsigned char label) const {
  if (node == 0) return root_children_[label];
  const Node& n = nodes_[node];
  const unsigned char* l = labels_.data() + n.edges;
  for (std::uint32_t i = 0; i < n.edge_count; ++i)
    if (l[i] == label) return targets_[n.edges + i];
  return 0;
}

// The trie walked with the text's normal form from `at`; then, deepest first, the aliases whose
// forms it passed are matched exactly. A deeper form takes more of the text, so the first depth
// with a match has the longest.
std::size_t NameMatcher::longest_at(std::string_view text, std::size_t at, std::size_t limit,
                                    std::vector<std::uint32_t>& scratch) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  scratch.clear();
  std::uint32_t node = 0;
  std::size_t i = at;
  while (i < limit) {
    unsigned char c = s[i];
    if (c < 0x80) {
      node = child(node, next_ascii_normal(s, i, limit));
    } else {
      DecodedRune r = decode_utf8(text.data(), i, limit);
      if (r.size == 0) break;
      i += r.size;
      std::string form;
      if (r.rune == 0x2019)
        form = "'";
      else
        append_utf8(folds_.rep(r.rune), form);
      for (char f : form) {
        node = child(node, static_cast<unsigned char>(f));
        if (node == 0) break;
      }
    }
    if (node == 0) break;
    if (nodes_[node].program_count) scratch.push_back(node);
  }
  for (auto n = scratch.rbegin(); n != scratch.rend(); ++n) {
    std::size_t best = kNone;
    const Node& node = nodes_[*n];
    for (std::uint32_t k = 0; k < node.program_count; ++k) {
      std::size_t end = programs_[node_programs_[node.programs + k]].longest_match(program_store_,
                                                                                   text, at, limit);
      if (end != kNone && (best == kNone || end > best)) best = end;
    }
    if (best != kNone) return best;
  }
  return kNone;
}

NameMatcher::Masks NameMatcher::block_masks(const unsigned char* block) const {
  Masks m;
#if defined(__SSE2__)
  bool listed = special_list_.size() <= kMaxSpecialList;
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    // x in [lo, lo + n) as a signed compare: x + (0x80 - lo) < -128 + n.
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                                                 _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                    _mm_set1_epi8(static_cast<char>(-128 + 26)));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                   _mm_set1_epi8(static_cast<char>(-128 + 10)));
    __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    m.word |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(word)))
              << (16 * k);
    if (!listed) continue;
    __m128i special = _mm_setzero_si128();
    for (unsigned char c : special_list_)
      special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))));
    m.special |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(special)))
                 << (16 * k);
  }
  if (listed) return m;
  for (int i = 0; i < 64; ++i) m.special |= static_cast<std::uint64_t>(special_[block[i]]) << i;
#else
  for (int i = 0; i < 64; ++i) {
    m.word |= static_cast<std::uint64_t>(is_word_byte(block[i])) << i;
    m.special |= static_cast<std::uint64_t>(special_[block[i]]) << i;
  }
#endif
  return m;
}

// Whether an alias may begin with the word [start, end): its first word passes, and the text
// after it in normal form (when it is ASCII) is how some alias with that first word goes on.
inline bool NameMatcher::first_word_may_match(const unsigned char* text, std::size_t size,
                                              std::size_t start, std::size_t end,
                                              std::size_t limit) const {
  std::uint64_t h = first_word_hash(text + start, end - start, size - start);
  if (!test_bit(first_words_, h)) {
    return end < size && folds_to_ascii_lead_[text[end]];  // a KELVIN SIGN may go on the word
  }
  std::uint32_t follow = 0;
  std::size_t n = 0;
  if (test_bit(follows_, follow_hash(h, 0, 0))) return true;
  for (std::size_t at = end; n < kFollowBytes && at < limit; ++n) {
    if (text[at] >= 0x80) return true;  // the trie reads runes
    unsigned char c = next_ascii_normal(text, at, limit);
    follow |= static_cast<std::uint32_t>(c) << (8 * n);
    if (test_bit(follows_, follow_hash(h, follow, n + 1))) return true;
  }
  return false;
}

bool NameMatcher::find(std::string_view text, std::size_t pos, std::size_t limit,
                       text::Span* found) const {
  std::vector<std::uint32_t> scratch;
  return find_from(text, pos, limit, found, scratch);
}

// Whether a rune that folds to an ASCII letter (KELVIN SIGN) is at `at`, after a word
// character: where a case-blind alias may begin (\b) with it.
bool NameMatcher::folds_to_ascii_after_word(std::string_view text, std::size_t at,
                                            std::size_t limit) const {
  if (at == 0 || !is_word_byte(text[at - 1])) return false;
  DecodedRune r = decode_utf8(text.data(), at, limit);
  const auto& runes = folds_.ascii_foldable();
  return r.size && std::find(runes.begin(), runes.end(), r.rune) != runes.end();
}

// Word starts whose first word may be an alias's, as bits: a branch-free pass over the starts
// in a window (a branch per word, taken or not at random, cost more than all the rest). A word
// that reaches the window's end is kept, its length unknown here. The window is 64 bytes and
// readable 8 beyond.
std::uint64_t NameMatcher::passing_starts(const unsigned char* window, std::uint64_t word,
                                          std::uint64_t starts) const {
  std::uint64_t pass = 0;
  for (; starts; starts &= starts - 1) {
    int i = std::countr_zero(starts);
    auto size = static_cast<std::uint64_t>(std::countr_one(word >> i));
    std::uint64_t h = first_word_hash(window + i, size, 8);
    std::uint64_t reaches_end = static_cast<std::uint64_t>(i) + size == 64;
    std::uint64_t folds_on = folds_to_ascii_lead_[window[i + size]];  // a KELVIN SIGN after it
    pass |= ((test_bit(first_words_, h) ? 1ull : 0ull) | reaches_end | folds_on) << i;
  }
  return pass;
}

// Windows of 64 bytes, 48 apart: the word starts and the special bytes among a window's first
// 48, in order, with 16 bytes beyond to see most words whole. A word start is tried when its
// word is whole by `limit` and may begin an alias; a special byte always.
bool NameMatcher::find_from(std::string_view text, std::size_t pos, std::size_t limit,
                            text::Span* found, std::vector<std::uint32_t>& scratch) const {
  constexpr std::size_t kStep = 48;
  if (nodes_.size() <= 1) return false;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  unsigned char tail[64 + 8];  // the last windows, padded with non-word bytes
  for (std::size_t base = pos; base < limit; base += kStep) {
    const unsigned char* window = s + base;
    if (n - base < sizeof tail) {
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, s + base, n - base);
      window = tail;
    }
    Masks m = block_masks(window);
    std::uint64_t before = base > 0 && is_word_byte(s[base - 1]);
    std::uint64_t starts = m.word & ~((m.word << 1) | before);
    std::uint64_t in = (1ull << std::min(kStep, limit - base)) - 1;
    std::uint64_t todo = passing_starts(window, m.word, starts & in) | (m.special & in);
    while (todo) {
      int i = std::countr_zero(todo);
      todo &= todo - 1;
      std::size_t at = base + static_cast<std::size_t>(i);
      if (m.special >> i & 1) {
        if (!alias_starts_[s[at]] && !folds_to_ascii_after_word(text, at, limit)) continue;
      } else {
        std::size_t end = at + static_cast<std::size_t>(std::countr_one(m.word >> i));
        if (end == base + 64)
          while (end < n && is_word_byte(s[end])) ++end;
        if (end > limit || !first_word_may_match(s, n, at, end, limit)) continue;
      }
      std::size_t end = longest_at(text, at, limit, scratch);
      if (end != kNone) {
        *found = {at, end};
        return true;
      }
    }
  }
  return false;
}

std::vector<Hit> NameMatcher::scan(std::string_view text, std::size_t max_hits) const {
  std::vector<Hit> hits;
  std::vector<std::uint32_t> scratch;
  scan_paragraphs(
      text, max_hits,
      [&](std::size_t pos, std::size_t limit, text::Span* span) {
        return find_from(text, pos, limit, span, scratch);
      },
      [&](text::Span span) {
        Hit hit;
        hit.span = span;
        hits.push_back(std::move(hit));
        return true;
      });
  return hits;
}

}  // namespace dossier::rules
