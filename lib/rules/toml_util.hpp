#pragma once
// Reading a rule or gazetteer file's TOML with the diagnostics of diagnostic.hpp.

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

#include "lib/rules/diagnostic.hpp"

namespace dossier::rules {

// `text`, the file `path`, parsed. On a TOML syntax error adds it to `diags` (file:line:col, the
// parser's message, the line) and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Diagnostics& diags);

}  // namespace dossier::rules
