#pragma once
// A date rule's match -> TIMEX3 value, precision, mod and anchor.
//
// Named groups a rule may use: span (the extraction's text, when the pattern needs context
// around it, e.g. "in (?P<span>April)"), year (4 digits), yy (2 digits), month (name or number), day,
// mod (early/mid/late/around/before/after...). Rule attributes: `relative` ("this-year",
// "last-year", "next-year", "this-month", "last-month", "next-month", "today", "yesterday",
// "tomorrow"), `mod` (a fixed TIMEX3 mod).

#include <optional>
#include <string>
#include <string_view>

#include "lib/extract/dates/calendar.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/rules/rule.hpp"

namespace dossier::extract::dates {

struct DateContext {
  std::optional<Ymd> dct;
  std::optional<Ymd> previous;  // the last resolved date mention, for "the following month"
};

// Fills value, precision, mod and anchor; false when the match is not a date after all.
bool normalise(const rules::Rule& rule, const rules::Hit& hit, std::string_view text,
               const DateContext& ctx, DateMention& out);

// TIMEX3 mod for a modifier word ("late" -> END, "early" -> START, "around" -> APPROX).
std::optional<std::string> mod_from_word(std::string_view word);

}  // namespace dossier::extract::dates
