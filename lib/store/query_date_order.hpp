#pragma once
// The order of TIMEX3 date values on a timeline: by the first day each value covers, the coarser
// value first when two start on the same day (`2024` < `2024-01` < `2024-01-15` < `2024-02`,
// `2024-Q2` sorts with April, `199` the 1990s before `1990`, `FY2023` as 2023), and values whose
// year is unknown (`XXXX-05-02`) or that name no period this understands last, in text order.

#include <string>
#include <tuple>

namespace dossier::store {

struct DateOrderKey {
  int unknown = 0;    // 1 when the value has no usable year
  std::string start;  // YYYY-MM-DD of the first day covered (the value itself when unknown)
  int precision = 0;  // -2 century, -1 decade, 0 year ... 6 day: coarser first
  std::string value;  // tie-break: the value as written

  friend bool operator<(const DateOrderKey& a, const DateOrderKey& b) {
    return std::tie(a.unknown, a.start, a.precision, a.value) <
           std::tie(b.unknown, b.start, b.precision, b.value);
  }
};

DateOrderKey date_order_key(const std::string& value);

}  // namespace dossier::store
