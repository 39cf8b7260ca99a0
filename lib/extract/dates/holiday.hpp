#pragma once
// Holidays as data: a rule's `on` attribute says which day a holiday falls on in a given year.
//
//   on = "12-25"                          a fixed month and day (Christmas)
//   on = "4th Thursday of November"       the nth (or last) weekday of a month (Thanksgiving)
//   on = "Easter"                         Western Easter Sunday (Gregorian computus)
//   on = "Orthodox Easter"                Eastern Easter Sunday (Julian computus, 1900..2099)
//   on = "Easter - 2", "4th Thursday of November + 1"   a number of days before or after
//
// The spelling of a spec is checked by `dossier rules check` through each rule's examples.

#include <optional>
#include <string_view>

#include "lib/extract/dates/calendar.hpp"

namespace dossier::extract::dates {

// Western (Gregorian) Easter Sunday of `year`.
Ymd easter_sunday(int year);

// Orthodox Easter Sunday of `year` as a Gregorian date (Julian computus + 13 days: 1900..2099).
Ymd orthodox_easter_sunday(int year);

// The day `spec` (see above) names in `year`; nullopt when the spec cannot be read.
std::optional<Ymd> holiday_in(std::string_view spec, int year);

// True when `spec` is a fixed month and day ("12-25"): its value without a year keeps them.
bool is_fixed_holiday(std::string_view spec);

}  // namespace dossier::extract::dates
