#include "lib/rules/pattern_scanner.hpp"

#include <catch2/catch.hpp>

using dossier::rules::PatternScanner;

TEST_CASE("the scanner takes the longest match and names the pattern and its groups", "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\b(?P<month>May)\b)", &err) == 0);
  REQUIRE(s.add(R"(\b(?P<day>\d+) (?P<month>May) (?P<year>\d{4})\b)", &err) == 1);
  REQUIRE(s.compile(&err));
  std::string text = "In May, and on 2 May 2024.";
  auto hits = s.scan(text, true);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].pattern == 0);
  CHECK(text.substr(hits[0].span.start, hits[0].span.size()) == "May");
  CHECK(hits[1].pattern == 1);
  CHECK(text.substr(hits[1].span.start, hits[1].span.size()) == "2 May 2024");
  REQUIRE(hits[1].groups.size() == 3);
}

TEST_CASE("a group name reused across alternatives is found in either", "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(in (?P<m>April)|(?P<m>June))", &err) == 0);
  REQUIRE(s.compile(&err));
  std::string text = "June";
  auto hits = s.scan(text, true);
  REQUIRE(hits.size() == 1);
  REQUIRE(hits[0].groups.size() == 1);
  CHECK(hits[0].groups[0].name == "m");
}

TEST_CASE("word boundaries see the text around the span", "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\bICO\b)", &err) == 0);
  REQUIRE(s.compile(&err));
  CHECK(s.scan("PICOT", false).empty());
  CHECK(s.scan("the ICO said", false).size() == 1);
}
