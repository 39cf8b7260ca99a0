#include "lib/source/display_path.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

namespace dossier::source {
namespace {

// The named C escape for `c`, or 0 when it has none.
char named_escape(unsigned char c) {
  switch (c) {
    case '\a': return 'a';
    case '\b': return 'b';
    case '\t': return 't';
    case '\n': return 'n';
    case '\v': return 'v';
    case '\f': return 'f';
    case '\r': return 'r';
    case '\\': return '\\';
    default: return 0;
  }
}

void append_octal(std::string& out, std::string_view bytes) {
  for (unsigned char c : bytes) out += fmt::format("\\{:03o}", c);
}

}  // namespace

std::string display_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size();) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (c < 0x80) {
      if (char e = named_escape(c)) {
        out += '\\';
        out += e;
      } else if (c < 0x20 || c == 0x7F) {
        append_octal(out, path.substr(i, 1));
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(path.data() + i),
                                          static_cast<utf8proc_ssize_t>(path.size() - i), &cp);
    if (n <= 0) {
      append_octal(out, path.substr(i, 1));
      ++i;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      append_octal(out, path.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    } else {
      out.append(path.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
  return out;
}

}  // namespace dossier::source
