#include "lib/extract/dates/calendar.hpp"

#include <fmt/format.h>

#include <cctype>
#include <chrono>

namespace dossier::extract::dates {
namespace {

namespace chr = std::chrono;

std::string lower_letters(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

chr::sys_days to_days(Ymd d) {
  return chr::sys_days(chr::year(d.year) / chr::month(d.month) / chr::day(d.day));
}

Ymd from_days(chr::sys_days s) {
  chr::year_month_day ymd(s);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

bool is_valid(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         chr::year_month_day(chr::year(year) / chr::month(month) / chr::day(day)).ok();
}

std::optional<Ymd> parse_iso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (int i : {0, 1, 2, 3}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    y = y * 10 + (s[i] - '0');
  }
  for (int i : {5, 6}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    m = m * 10 + (s[i] - '0');
  }
  for (int i : {8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    d = d * 10 + (s[i] - '0');
  }
  if (!is_valid(y, m, d)) return std::nullopt;
  return Ymd{y, m, d};
}

Ymd add_days(Ymd d, int days) { return from_days(to_days(d) + chr::days(days)); }

int weekday(Ymd d) { return static_cast<int>(chr::weekday(to_days(d)).iso_encoding()); }

std::pair<int, int> iso_week(Ymd d) {
  // The Thursday of this week decides the ISO year.
  Ymd thursday = add_days(d, 4 - weekday(d));
  Ymd jan1{thursday.year, 1, 1};
  int ordinal = static_cast<int>((to_days(thursday) - to_days(jan1)).count());
  return {thursday.year, ordinal / 7 + 1};
}

int month_from_name(std::string_view name) {
  static const char* kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                 "july",    "august",   "september", "october", "november", "december"};
  std::string n = lower_letters(name);
  if (n.size() < 3) return 0;
  if (n == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    std::string_view full = kNames[i];
    if (n == full || (n.size() == 3 && full.substr(0, 3) == n)) return i + 1;
  }
  return 0;
}

int weekday_from_name(std::string_view name) {
  static const char* kNames[] = {"monday", "tuesday", "wednesday", "thursday",
                                 "friday", "saturday", "sunday"};
  std::string n = lower_letters(name);
  if (n.size() < 3) return 0;
  for (int i = 0; i < 7; ++i) {
    std::string_view full = kNames[i];
    if (n == full || full.substr(0, n.size()) == n) return i + 1;
  }
  return 0;
}

std::string format_ymd(Ymd d) {
  if (d.month == 0) return fmt::format("{:04d}", d.year);
  if (d.day == 0) return fmt::format("{:04d}-{:02d}", d.year, d.month);
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

}  // namespace dossier::extract::dates
