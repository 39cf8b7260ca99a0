#include "lib/rules/factored_alternation.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace dossier::rules {
namespace {

struct Piece;
using Concat = std::vector<Piece>;

// An atom with its repetition operators, as written in the factored program.
struct Piece {
  std::string text;
  // A group with no repetition operator: how it opens ("(?:", "(?i:") and its alternatives.
  std::string opener;
  std::vector<Concat> inner;
};

std::string print(const Concat& c) {
  std::string s;
  for (const Piece& p : c) s += p.text;
  return s;
}

// Whether RE2 may read a case-folded literal in `alternative`: a flag group that turns i on
// ("(?i:", "(?si)"; not "(?-i:"), or a class ("[Dd]" is read as a folded "d").
bool may_fold(std::string_view alternative) {
  if (alternative.find('[') != std::string_view::npos) return true;
  for (std::size_t at = alternative.find("(?"); at != std::string_view::npos;
       at = alternative.find("(?", at + 2)) {
    for (std::size_t j = at + 2;
         j < alternative.size() && std::isalpha(static_cast<unsigned char>(alternative[j])); ++j)
      if (alternative[j] == 'i') return true;
  }
  return false;
}

// a|b|..., those that may fold case first. RE2 20220601 merges one-character alternatives into
// a class and, adding a folded literal after its own character, forgets the other case:
// "a|(?i:a)" does not match "A", "Lt(?:d|[Dd])" does not match "LtD"; "(?i:a)|a" does. The
// order of alternatives does not change what leftmost-longest matching finds.
std::string join(std::vector<std::string> alternatives) {
  std::stable_partition(alternatives.begin(), alternatives.end(),
                        [](const std::string& a) { return may_fold(a); });
  std::string s;
  for (std::size_t i = 0; i < alternatives.size(); ++i) s += (i ? "|" : "") + alternatives[i];
  return s;
}

// `alternatives` as one piece of a concatenation.
std::string grouped(const std::vector<std::string>& alternatives) {
  return alternatives.size() == 1 ? alternatives[0] : "(?:" + join(alternatives) + ")";
}

// Reads a pattern RE2 has compiled (PatternScanner::add checked it) into alternatives of pieces.
// `ok` goes false at anything it is not sure of.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::vector<Concat> alternation() {
    std::vector<Concat> out{concat()};
    while (ok_ && at('|')) {
      ++i_;
      out.push_back(concat());
    }
    return out;
  }
  bool done() const { return ok_ && i_ == p_.size(); }

 private:
  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }
  bool starts(std::string_view s) const { return p_.substr(i_, s.size()) == s; }

  Concat concat() {
    Concat out;
    while (ok_ && i_ < p_.size() && !at('|') && !at(')')) {
      if (starts("\\Q"))
        quoted(out);
      else
        out.push_back(piece());
    }
    return out;
  }

  Piece piece() {
    Piece p = atom();
    repeat(p);
    return p;
  }

  // The repetition operators after a piece, on it.
  void repeat(Piece& p) {
    while (ok_) {
      std::size_t n = repetition_size();
      if (n == 0) break;
      p.text += p_.substr(i_, n);
      p.opener.clear();
      p.inner.clear();
      i_ += n;
    }
  }

  // \Q...\E, or \Q to the end: each character a literal piece of its own, escaped, so that no
  // quote is left open to take in what the factoring puts after it; a repetition operator after
  // it repeats the last character, as in RE2.
  void quoted(Concat& out) {
    i_ += 2;
    std::size_t first = out.size();
    while (i_ < p_.size() && !starts("\\E")) {
      std::size_t n = char_size(i_);
      auto c = static_cast<unsigned char>(p_[i_]);
      bool plain = n > 1 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      out.push_back(Piece{(plain ? "" : "\\") + std::string(p_.substr(i_, n)), {}, {}});
      i_ += n;
    }
    if (starts("\\E")) i_ += 2;
    if (out.size() > first)
      repeat(out.back());
    else if (repetition_size() > 0)
      ok_ = false;
  }

  // The bytes of a repetition operator at i_ ("*", "+?", "{2,5}"), or 0.
  std::size_t repetition_size() const {
    if (at('*') || at('+') || at('?')) return 1;
    if (!at('{')) return 0;
    std::size_t j = i_ + 1, digits = 0;
    while (j < p_.size() && is_digit(p_[j])) ++j, ++digits;
    if (digits == 0) return 0;  // "{", "{,3}": literal text to RE2
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      while (j < p_.size() && is_digit(p_[j])) ++j;
    }
    return j < p_.size() && p_[j] == '}' ? j + 1 - i_ : 0;
  }

  Piece atom() {
    if (at('(')) return group();
    std::size_t n = 0;
    if (at('['))
      n = class_size();
    else if (at('\\'))
      n = escape_size(i_);
    else if (at('*') || at('+') || at('?'))
      ok_ = false;
    else
      n = char_size(i_);
    if (n == 0 || i_ + n > p_.size()) {
      ok_ = false;
      return {};
    }
    Piece p{std::string(p_.substr(i_, n)), {}, {}};
    i_ += n;
    return p;
  }

  Piece group() {
    Piece p;
    std::size_t open = 0;  // the opener's bytes
    if (starts("(?P<")) {
      std::size_t close = p_.find('>', i_);
      if (close == std::string_view::npos) return fail();
      open = close + 1 - i_;
      p.opener = "(?:";  // never_capture: a named group is a plain one
    } else if (starts("(?")) {
      std::size_t j = i_ + 2;
      while (j < p_.size() && std::string_view("imsU-").find(p_[j]) != std::string_view::npos) ++j;
      // "(?i)" sets flags for the rest of its group: not a piece of its own.
      if (j == p_.size() || p_[j] != ':') return fail();
      open = j + 1 - i_;
      p.opener = std::string(p_.substr(i_, open));
    } else {
      open = 1;
      p.opener = "(?:";  // never_capture: a capturing group is a plain one
    }
    i_ += open;
    p.inner = alternation();
    if (!ok_ || !at(')')) return fail();
    ++i_;
    std::vector<std::string> alternatives;
    for (const Concat& c : p.inner) alternatives.push_back(print(c));
    p.text = p.opener + join(std::move(alternatives)) + ")";
    return p;
  }

  Piece fail() {
    ok_ = false;
    return {};
  }

  // "[...]", with "]" first taken literally, escapes and "[:alpha:]" inside.
  std::size_t class_size() const {
    std::size_t j = i_ + 1;
    if (j < p_.size() && p_[j] == '^') ++j;
    if (j < p_.size() && p_[j] == ']') ++j;
    while (j < p_.size() && p_[j] != ']') {
      if (p_[j] == '\\') {
        std::size_t n = escape_size(j);
        if (n == 0) return 0;
        j += n;
      } else if (p_.substr(j, 2) == "[:") {
        std::size_t end = p_.find(":]", j + 2);
        if (end == std::string_view::npos) return 0;
        j = end + 2;
      } else {
        j += char_size(j);
      }
    }
    return j < p_.size() ? j + 1 - i_ : 0;
  }

  // "\d", "\x41", "\x{201C}", "\pL", "\p{Lu}", "\012", "\." (0: "\Q", or cut short).
  std::size_t escape_size(std::size_t at) const {
    if (at + 1 >= p_.size()) return 0;
    char c = p_[at + 1];
    auto braced = [&](std::size_t from) -> std::size_t {
      std::size_t end = p_.find('}', from);
      return end == std::string_view::npos ? 0 : end + 1 - at;
    };
    if (c == 'Q') return 0;  // read by quoted(); in a class, RE2 refuses it
    if (c == 'x') return at + 2 < p_.size() && p_[at + 2] == '{' ? braced(at + 2) : 4;
    if (c == 'p' || c == 'P')
      return at + 2 < p_.size() && p_[at + 2] == '{' ? braced(at + 2) : 2 + char_size(at + 2);
    if (c >= '0' && c <= '7') {
      std::size_t n = 2;
      while (n < 4 && at + n < p_.size() && p_[at + n] >= '0' && p_[at + n] <= '7') ++n;
      return n;
    }
    return 1 + char_size(at + 1);
  }

  // The bytes of the UTF-8 character at `at` (1 for a byte that begins none).
  std::size_t char_size(std::size_t at) const {
    if (at >= p_.size()) return 0;
    auto b = static_cast<unsigned char>(p_[at]);
    std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return at + n <= p_.size() ? n : 1;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

// Beyond this depth of recursion alternatives are written as they are: a chain of patterns
// each the start of the next ("A", "A B", "A B C"...) takes a level for each.
constexpr int kMaxDepth = 200;

std::vector<std::string> factor(std::vector<Concat> alternatives, int depth);

// Alternatives grouped by the piece they begin with (`front`) or end with: each group of two or
// more becomes the pieces all its members begin (end) with, written once, and the alternation of
// the rest; nullopt when no two share one. (All the shared pieces at once: one piece per level
// of recursion took a level for each of 19,000 characters two patterns began with.) Takes the
// pieces out of `alternatives` only when it returns a value.
std::optional<std::vector<std::string>> factor_shared(std::vector<Concat>& alternatives, bool front,
                                                      int depth) {
  std::map<std::string, std::vector<std::size_t>> by_piece;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < alternatives.size(); ++i) {
    const Concat& c = alternatives[i];
    if (c.empty()) continue;
    const std::string& key = front ? c.front().text : c.back().text;
    auto& members = by_piece[key];
    if (members.empty()) order.push_back(key);
    members.push_back(i);
  }
  std::vector<std::string> out;
  std::vector<Concat> rest;  // alternatives that share nothing here
  std::vector<bool> shared(alternatives.size(), false);
  for (const std::string& key : order) {
    const auto& members = by_piece[key];
    if (members.size() < 2) continue;
    // How many pieces every member begins (ends) with alike.
    std::size_t common = 1;
    auto nth = [&](const Concat& c, std::size_t k) -> const std::string& {
      return front ? c[k].text : c[c.size() - 1 - k].text;
    };
    for (bool same = true; same; common += same) {
      const Concat& first = alternatives[members[0]];
      for (std::size_t i : members) {
        const Concat& c = alternatives[i];
        same = same && common < c.size() && common < first.size() &&
               nth(c, common) == nth(first, common);
      }
    }
    std::string pieces;
    for (std::size_t k = 0; k < common; ++k)
      pieces = front ? pieces + nth(alternatives[members[0]], k)
                     : nth(alternatives[members[0]], k) + pieces;
    std::vector<Concat> tails;
    for (std::size_t i : members) {
      shared[i] = true;
      Concat& c = alternatives[i];  // no other group has it: its pieces move
      auto from = front ? c.begin() + static_cast<std::ptrdiff_t>(common) : c.begin();
      auto to = front ? c.end() : c.end() - static_cast<std::ptrdiff_t>(common);
      tails.emplace_back(std::make_move_iterator(from), std::make_move_iterator(to));
    }
    std::string inner = grouped(factor(std::move(tails), depth + 1));
    out.push_back(front ? pieces + inner : inner + pieces);
  }
  if (out.empty()) return std::nullopt;
  for (std::size_t i = 0; i < alternatives.size(); ++i)
    if (!shared[i]) rest.push_back(std::move(alternatives[i]));
  if (!rest.empty())
    for (std::string& s : factor(std::move(rest), depth + 1)) out.push_back(std::move(s));
  return out;
}

// The alternatives, factored; each returned string is a concatenation (no "|" outside a group).
std::vector<std::string> factor(std::vector<Concat> alternatives, int depth) {
  std::set<std::string> seen;  // a union takes each alternative once
  std::vector<Concat> distinct;
  for (Concat& c : alternatives)
    if (seen.insert(print(c)).second) distinct.push_back(std::move(c));
  if (distinct.size() == 1 || depth > kMaxDepth) {
    std::vector<std::string> out;
    for (const Concat& c : distinct) out.push_back(print(c));
    return out;
  }
  if (auto out = factor_shared(distinct, true, depth)) return *out;
  if (auto out = factor_shared(distinct, false, depth)) return *out;
  // Groups that make a whole alternative, opened the same way: one group of all their
  // alternatives ("(?:a|b)|(?:c)" is "(?:a|b|c)").
  std::map<std::string, std::vector<Concat>> pooled;
  std::map<std::string, std::size_t> count;
  for (const Concat& c : distinct)
    if (c.size() == 1 && !c[0].opener.empty()) ++count[c[0].opener];
  std::vector<std::string> out;
  std::vector<std::string> openers;
  for (Concat& c : distinct) {
    if (c.size() == 1 && count[c[0].opener] >= 2 && !c[0].opener.empty()) {
      auto& pool = pooled[c[0].opener];
      if (pool.empty()) openers.push_back(c[0].opener);
      for (Concat& inner : c[0].inner) pool.push_back(std::move(inner));
    } else {
      out.push_back(print(c));
    }
  }
  for (const std::string& opener : openers)
    out.push_back(opener + join(factor(std::move(pooled[opener]), depth + 1)) + ")");
  return out;
}

// `p` with a \Q it leaves open closed, so that it takes in nothing after it. (The plain
// alternation had this bug: a rule "\Qa.b" made every later rule of its kind literal text.)
std::string with_quote_closed(const std::string& p) {
  bool quoted = false;
  for (std::size_t i = 0; i < p.size();) {
    if (quoted) {
      quoted = p.compare(i, 2, "\\E") != 0;
      i += quoted ? 1 : 2;
    } else if (p[i] == '\\') {
      quoted = i + 1 < p.size() && p[i + 1] == 'Q';
      i += 2;  // an escape; in a class, a \Q is refused by RE2
    } else {
      ++i;
    }
  }
  return quoted ? p + "\\E" : p;
}

}  // namespace

std::string plain_alternation(const std::vector<std::string>& patterns) {
  std::vector<std::string> alternatives;
  for (const std::string& p : patterns) alternatives.push_back("(?:" + with_quote_closed(p) + ")");
  return join(std::move(alternatives));
}

std::string factored_alternation(const std::vector<std::string>& patterns) {
  std::vector<Concat> alternatives;
  for (const std::string& p : patterns) {
    Reader r(p);
    std::vector<Concat> read = r.alternation();
    if (r.done()) {
      for (Concat& c : read) alternatives.push_back(std::move(c));
    } else {
      alternatives.push_back({Piece{"(?:" + with_quote_closed(p) + ")", {}, {}}});  // kept whole
    }
  }
  if (alternatives.empty()) return {};
  return join(factor(std::move(alternatives), 0));
}

}  // namespace dossier::rules
