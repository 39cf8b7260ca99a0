// Timeline order of TIMEX3 values: by first day covered, coarser first, unknown years last.

#include "lib/store/query_date_order.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using dossier::store::date_order_key;

namespace {

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return date_order_key(a) < date_order_key(b);
  });
  return v;
}

}  // namespace

TEST_CASE("a month sorts before a day in it and a year before both", "[store][timeline]") {
  CHECK(sorted({"2024-01-15", "2024-02", "2024-01", "2024"}) ==
        std::vector<std::string>{"2024", "2024-01", "2024-01-15", "2024-02"});
}

TEST_CASE("quarters, halves, seasons and weeks sort by their first day", "[store][timeline]") {
  CHECK(sorted({"2024-04", "2024-Q2", "2024-03-31", "2024-H2", "2024-SU", "2024-W02"}) ==
        std::vector<std::string>{"2024-W02", "2024-03-31", "2024-Q2", "2024-04", "2024-SU",
                                 "2024-H2"});
  CHECK(date_order_key("2024-W01").start == "2024-01-01");
  CHECK(date_order_key("2020-W01").start == "2019-12-30");
}

TEST_CASE("values with an unknown year sort last, in text order", "[store][timeline]") {
  CHECK(sorted({"XXXX-05-02", "2099", "XXXX-01", "1999-12-31"}) ==
        std::vector<std::string>{"1999-12-31", "2099", "XXXX-01", "XXXX-05-02"});
  CHECK(date_order_key("XXXX-05-02").unknown == 1);
}

TEST_CASE("decades and centuries sort before their first year; a fiscal year as its year",
          "[store][timeline]") {
  CHECK(sorted({"1991", "1990", "199", "19", "FY2023", "2023-01"}) ==
        std::vector<std::string>{"19", "199", "1990", "1991", "FY2023", "2023-01"});
}
