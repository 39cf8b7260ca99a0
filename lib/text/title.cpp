#include "lib/text/title.hpp"

#include <re2/re2.h>

#include "lib/text/header_label.hpp"

namespace dossier::text {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\f' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\f' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Cuts at a byte that starts a UTF-8 character, at or before `max`.
std::size_t char_boundary(std::string_view s, std::size_t max) {
  if (max >= s.size()) return s.size();
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return max;
}

}  // namespace

std::string find_title(std::string_view text) {
  static const RE2 header(R"((?im)^(?:---\s*\n(?:.*\n)*?)?[ \t]*(?:title|subject|headline)[ \t]*:[ \t]*(\S.*?)[ \t]*\r?$)");
  std::string_view head = text.substr(0, 4096);
  std::string found;
  if (may_have_label(head, {"title", "ubject", "headline"}) &&
      RE2::PartialMatch(head, header, &found)) {
    std::string_view t = trim(found);
    if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'') && t.back() == t.front()) {
      t = t.substr(1, t.size() - 2);
    }
    if (!t.empty()) return std::string(t.substr(0, char_boundary(t, 300)));
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    std::string_view line =
        trim(text.substr(pos, eol == std::string_view::npos ? text.npos : eol - pos));
    if (!line.empty() && line != "---") {
      if (line.size() <= 200) return std::string(line);
      std::size_t cut = char_boundary(line, 100);
      std::size_t space = line.rfind(' ', cut);
      if (space != std::string_view::npos && space > 40) cut = space;
      return std::string(trim(line.substr(0, cut))) + "\xE2\x80\xA6";
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return {};
}

}  // namespace dossier::text
