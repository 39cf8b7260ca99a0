#include "lib/rules/case_folds.hpp"

#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <numeric>

namespace dossier::rules {
namespace {

// Every cased rune is below this (the last, Adlam, ends at U+1E943).
constexpr char32_t kCasedEnd = 0x20000;

// The runes utf8proc's case mappings connect to each other, as groups of two or more: the
// candidates for RE2's orbits. Built once per process (~2 ms).
const std::unordered_map<char32_t, std::vector<char32_t>>& case_groups() {
  static const auto groups = [] {
    std::vector<char32_t> parent(kCasedEnd);
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](char32_t r) {
      while (parent[r] != r) r = parent[r] = parent[parent[r]];
      return r;
    };
    auto join = [&](char32_t a, utf8proc_int32_t b) {
      if (b < 0 || static_cast<char32_t>(b) >= kCasedEnd) return;
      char32_t ra = root(a), rb = root(static_cast<char32_t>(b));
      if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
    };
    for (char32_t r = 0; r < kCasedEnd; ++r) {
      auto c = static_cast<utf8proc_int32_t>(r);
      join(r, utf8proc_tolower(c));
      join(r, utf8proc_toupper(c));
      join(r, utf8proc_totitle(c));
    }
    // Only the ~2,900 runes in groups of two or more are gathered: a list for each of the
    // 131,072 runes was 80% of this function's time, a tenth of every start-up.
    std::vector<std::uint32_t> size(kCasedEnd, 0);
    for (char32_t r = 0; r < kCasedEnd; ++r) ++size[root(r)];
    std::unordered_map<char32_t, std::vector<char32_t>> by_root;
    for (char32_t r = 0; r < kCasedEnd; ++r)
      if (size[root(r)] >= 2) by_root[root(r)].push_back(r);  // r ascending: sorted
    std::unordered_map<char32_t, std::vector<char32_t>> out;
    for (auto& [r, members] : by_root)
      for (char32_t m : members) out[m] = members;
    return out;
  }();
  return groups;
}

// The runes of `candidates` that (?i:r) matches, as RE2 decides.
std::vector<char32_t> re2_orbit(char32_t r, const std::vector<char32_t>& candidates) {
  std::string pattern = "(?i:";
  append_utf8(r, pattern);
  pattern += ")";
  RE2::Options o;
  o.set_log_errors(false);
  RE2 re(pattern, o);
  std::vector<char32_t> orbit;
  for (char32_t c : candidates) {
    std::string s;
    append_utf8(c, s);
    if (c == r || (re.ok() && RE2::FullMatch(s, re))) orbit.push_back(c);
  }
  return orbit;
}

}  // namespace

CaseFolds::CaseFolds(const std::vector<char32_t>& runes) {
  std::vector<char32_t> todo = runes;
  for (char32_t c = 'a'; c <= 'z'; ++c) todo.push_back(c);
  std::sort(todo.begin(), todo.end());
  todo.erase(std::unique(todo.begin(), todo.end()), todo.end());
  const auto& groups = case_groups();
  for (char32_t r : todo) {
    if (rep_.count(r) || (r < 0x80 && orbits_.count(rep(r)))) continue;
    auto group = groups.find(r);
    if (group == groups.end()) continue;
    std::vector<char32_t> orbit = re2_orbit(r, group->second);
    if (orbit.size() < 2) continue;
    char32_t rep = orbit.front();
    for (char32_t m : orbit)
      if (m >= 'a' && m <= 'z') rep = m;
    for (char32_t m : orbit) {
      if (m >= 0x80) rep_[m] = rep;
      if (m >= 0x80 && rep < 0x80) ascii_foldable_.push_back(m);
    }
    orbits_[rep] = std::move(orbit);
  }
  std::sort(ascii_foldable_.begin(), ascii_foldable_.end());
}

std::vector<char32_t> CaseFolds::orbit(char32_t r) const {
  auto it = orbits_.find(rep(r));
  if (it == orbits_.end()) return {r};
  return it->second;
}

void append_utf8(char32_t r, std::string& out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(r), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

DecodedRune decode_utf8(const char* text, std::size_t i, std::size_t end) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  auto cont = [&](std::size_t k) { return i + k < end && (byte(k) & 0xC0) == 0x80; };
  unsigned char b = byte(0);
  if (b < 0x80) return {b, 1};
  if (b >= 0xC2 && b <= 0xDF && cont(1)) return {char32_t((b & 0x1F) << 6 | (byte(1) & 0x3F)), 2};
  if (b >= 0xE0 && b <= 0xEF && cont(1) && cont(2)) {
    char32_t r = (b & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    if (r < 0x800 || (r >= 0xD800 && r <= 0xDFFF)) return {};
    return {r, 3};
  }
  if (b >= 0xF0 && b <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t r =
        (b & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
    if (r < 0x10000 || r > 0x10FFFF) return {};
    return {r, 4};
  }
  return {};
}

}  // namespace dossier::rules
