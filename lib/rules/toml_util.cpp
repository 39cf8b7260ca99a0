#include "lib/rules/toml_util.hpp"

namespace dossier::rules {

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Diagnostics& diags) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    SourcePos p{path, static_cast<int>(e.source().begin.line),
                static_cast<int>(e.source().begin.column)};
    diags.push_back({p, std::string(e.description()), line_of_text(text, p.line)});
    return std::nullopt;
  }
}

}  // namespace dossier::rules
