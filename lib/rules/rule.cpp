#include "lib/rules/rule.hpp"

namespace dossier::rules {

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::kDates: return "dates";
    case Kind::kOrganisations: return "organisations";
    case Kind::kThreatActors: return "threat_actors";
    case Kind::kRegulatorActions: return "regulator_actions";
  }
  return "dates";
}

std::optional<Kind> kind_from_string(std::string_view s) {
  for (Kind k : kAllKinds) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view Rule::attr(std::string_view key, std::string_view fallback) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? fallback : std::string_view(it->second);
}

}  // namespace dossier::rules
