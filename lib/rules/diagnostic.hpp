#pragma once
// A problem in a rule or gazetteer file, printed as
//   file:line:col: message
//       the source line
//       ^

#include <string>
#include <vector>

#include "lib/rules/rule.hpp"

namespace dossier::rules {

struct Diagnostic {
  SourcePos pos;
  std::string message;
  std::string source_line;  // the offending line of the file, if known

  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

// The 1-based `line` of `text`, without its line end; empty when out of range.
std::string line_of_text(std::string_view text, int line);

}  // namespace dossier::rules
