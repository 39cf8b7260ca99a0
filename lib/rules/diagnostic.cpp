#include "lib/rules/diagnostic.hpp"

#include <fmt/format.h>

namespace dossier::rules {

std::string Diagnostic::format() const {
  std::string out = fmt::format("{}:{}:{}: {}", pos.file, pos.line, pos.col, message);
  if (!source_line.empty()) {
    out += "\n    " + source_line;
    if (pos.col >= 1) out += "\n    " + std::string(pos.col - 1, ' ') + "^";
  }
  return out;
}

std::string line_of_text(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  std::string_view l = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return std::string(l);
}

}  // namespace dossier::rules
