#pragma once
// Calendar arithmetic on proleptic Gregorian dates, via std::chrono.

#include <optional>
#include <string>
#include <string_view>

namespace dossier::extract::dates {

struct Ymd {
  int year = 0;
  int month = 0;  // 1..12, 0 unknown
  int day = 0;    // 1..31, 0 unknown
};

// Parses "YYYY-MM-DD" (also "YYYY-MM-DDThh:mm..."); nullopt when not a real date.
std::optional<Ymd> parse_iso(std::string_view s);
bool is_valid(int year, int month, int day);
// The date `days` days after `d` (negative: before).
Ymd add_days(Ymd d, int days);
// ISO weekday, Monday = 1 .. Sunday = 7.
int weekday(Ymd d);
// ISO 8601 week-numbering year and week of `d`.
std::pair<int, int> iso_week(Ymd d);
// 1..12 from an English month name or abbreviation ("May", "Sept", "sep."), case-insensitive.
int month_from_name(std::string_view name);
// 1..7 (Monday = 1) from an English weekday name or abbreviation.
int weekday_from_name(std::string_view name);

std::string format_ymd(Ymd d);  // "2024-05-02", "2024-05", "2024" by what is known

}  // namespace dossier::extract::dates
