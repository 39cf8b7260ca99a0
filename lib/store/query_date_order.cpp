#include "lib/store/query_date_order.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <chrono>
#include <cstdlib>

namespace dossier::store {
namespace {

std::string day(int y, unsigned m, unsigned d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

// The Monday of ISO week `w` of year `y`: week 1 holds 4 January.
std::string iso_week_start(int y, int w) {
  using namespace std::chrono;
  sys_days jan4 = year{y} / January / 4;
  sys_days monday = jan4 - (weekday{jan4} - Monday) + weeks{w - 1};
  year_month_day ymd{monday};
  return day(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

}  // namespace

DateOrderKey date_order_key(const std::string& value) {
  static const RE2 re(
      R"((?:FY)?([0-9]{4})(?:-(?:([0-9]{2})(?:-([0-9]{2}))?|H([12])|Q([1-4])|(SP|SU|FA|WI)|W([0-9]{2})))?(?:T.*)?)");
  static const RE2 decade(R"(([0-9]{2,3}))");  // TIMEX3 "199" = the 1990s, "19" = the 1900s
  std::string y, m, d, h, q, s, w;
  DateOrderKey k;
  k.value = value;
  if (RE2::FullMatch(value, decade, &y)) {
    k.start = y.size() == 3 ? day(std::atoi(y.c_str()) * 10, 1, 1)
                            : day(std::atoi(y.c_str()) * 100, 1, 1);
    k.precision = y.size() == 3 ? -1 : -2;
    return k;
  }
  if (!RE2::FullMatch(value, re, &y, &m, &d, &h, &q, &s, &w)) {
    k.unknown = 1;
    k.start = value;
    return k;
  }
  int year = std::atoi(y.c_str());
  if (!d.empty()) {
    k.start = day(year, std::atoi(m.c_str()), std::atoi(d.c_str()));
    k.precision = 6;
  } else if (!m.empty()) {
    k.start = day(year, std::atoi(m.c_str()), 1);
    k.precision = 4;
  } else if (!w.empty()) {
    k.start = iso_week_start(year, std::atoi(w.c_str()));
    k.precision = 5;
  } else if (!s.empty()) {
    unsigned month = s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : 12;
    k.start = day(year, month, 1);
    k.precision = 3;
  } else if (!q.empty()) {
    k.start = day(year, (std::atoi(q.c_str()) - 1) * 3 + 1, 1);
    k.precision = 2;
  } else if (!h.empty()) {
    k.start = day(year, h == "1" ? 1 : 7, 1);
    k.precision = 1;
  } else {
    k.start = day(year, 1, 1);
    k.precision = 0;
  }
  return k;
}

}  // namespace dossier::store
