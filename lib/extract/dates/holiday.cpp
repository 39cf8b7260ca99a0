#include "lib/extract/dates/holiday.hpp"

#include <charconv>
#include <string>

#include "lib/extract/dates/normalise.hpp"

namespace dossier::extract::dates {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

int to_int(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ptr == s.data() + s.size() ? v : -1;
}

// "MM-DD" -> month and day; nullopt when not that shape.
std::optional<std::pair<int, int>> month_day(std::string_view s) {
  if (s.size() != 5 || s[2] != '-') return std::nullopt;
  int m = to_int(s.substr(0, 2)), d = to_int(s.substr(3, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return std::pair{m, d};
}

}  // namespace

Ymd easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

Ymd orthodox_easter_sunday(int year) {
  // Meeus's Julian algorithm, then the 13 days between the calendars in 1900..2099.
  int a = year % 4, b = year % 7, c = year % 19, d = (19 * c + 15) % 30;
  int e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  return add_days(Ymd{year, month, day}, 13);
}

bool is_fixed_holiday(std::string_view spec) { return month_day(trim(spec)).has_value(); }

std::optional<Ymd> holiday_in(std::string_view spec, int year) {
  spec = trim(spec);
  int shift = 0;
  if (auto at = spec.find_last_of("+-"); at != std::string_view::npos && at > 0 &&
                                          spec[at - 1] == ' ') {
    shift = to_int(trim(spec.substr(at + 1)));
    if (shift < 0) return std::nullopt;
    if (spec[at] == '-') shift = -shift;
    spec = trim(spec.substr(0, at));
  }
  std::optional<Ymd> base;
  if (auto md = month_day(spec)) {
    if (!is_valid(year, md->first, md->second)) return std::nullopt;
    base = Ymd{year, md->first, md->second};
  } else if (spec == "Easter") {
    base = easter_sunday(year);
  } else if (spec == "Orthodox Easter") {
    base = orthodox_easter_sunday(year);
  } else {
    // "<nth> <weekday> of <month>"
    auto s1 = spec.find(' '), of = spec.find(" of ");
    if (s1 == std::string_view::npos || of == std::string_view::npos || of < s1) return std::nullopt;
    std::string_view nth_word = spec.substr(0, s1);
    int nth = nth_word == "last" ? -1 : ordinal_from_word(nth_word);
    int wd = weekday_from_name(trim(spec.substr(s1, of - s1)));
    int month = month_from_name(trim(spec.substr(of + 4)));
    if (!nth || !wd || !month) return std::nullopt;
    if (nth > 0) {
      Ymd first{year, month, 1};
      base = add_days(first, (wd - weekday(first) + 7) % 7 + 7 * (nth - 1));
      if (base->month != month) return std::nullopt;
    } else {
      Ymd last = add_days(Ymd{month == 12 ? year + 1 : year, month % 12 + 1, 1}, -1);
      base = add_days(last, -((weekday(last) - wd + 7) % 7));
    }
  }
  return add_days(*base, shift);
}

}  // namespace dossier::extract::dates
