#include "lib/text/header_label.hpp"

#include <algorithm>

#include "lib/text/ascii.hpp"

namespace dossier::text {
namespace {

bool ends_with_folded(std::string_view s, std::string_view lower_ending) {
  if (s.size() < lower_ending.size()) return false;
  return std::equal(lower_ending.begin(), lower_ending.end(), s.end() - lower_ending.size(),
                    [](char e, char c) { return e == to_lower(c); });
}

}  // namespace

bool may_have_label(std::string_view head, std::initializer_list<std::string_view> endings) {
  for (std::size_t colon = head.find(':'); colon != std::string_view::npos;
       colon = head.find(':', colon + 1)) {
    std::string_view before = head.substr(0, colon);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
      before.remove_suffix(1);
    for (std::string_view e : endings)
      if (ends_with_folded(before, e)) return true;
  }
  return false;
}

}  // namespace dossier::text
