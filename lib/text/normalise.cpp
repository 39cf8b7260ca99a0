#include "lib/text/normalise.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include "lib/text/ascii.hpp"
#include "lib/text/decode.hpp"

namespace dossier::text {

namespace {

bool is_key_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ASCII text: NFKC changes nothing and case folding is lower-casing, so the key is the text
// lower-cased with its white space squeezed, made without utf8proc or a copy.
bool ascii_key(std::string_view s, std::string& out) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  out.clear();
  bool space = false;
  for (char c : s) {
    if (is_key_space(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += to_lower(c);
  }
  return true;
}

}  // namespace

std::string name_key(std::string_view s) {
  std::string out;
  name_key_into(s, out);
  return out;
}

void name_key_into(std::string_view s, std::string& out) {
  if (ascii_key(s, out)) return;
  std::string valid = is_valid_utf8(s) ? std::string(s) : repair_utf8(s);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
      static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD));
  std::string folded = n >= 0 ? std::string(reinterpret_cast<char*>(mapped), n) : valid;
  std::free(mapped);
  out.clear();
  out.reserve(folded.size());
  bool space = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = folded[i];
    // U+2018/U+2019 (E2 80 98/99) and U+201C/U+201D (E2 80 9C/9D) become ASCII quotes.
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80) {
      unsigned char d = folded[i + 2];
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += (d <= 0x99) ? '\'' : '"';
        i += 2;
        continue;
      }
    }
    if (is_key_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
}

}  // namespace dossier::text
