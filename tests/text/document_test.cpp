#include "lib/text/document.hpp"

#include <catch2/catch.hpp>

using namespace dossier::text;

TEST_CASE("line numbers are 1-based and CRLF lines keep their CR", "[document]") {
  std::string t = "one\r\ntwo\n\nfour";
  LineIndex l(t);
  CHECK(l.line_count() == 4);
  CHECK(l.line_of(0) == 1);
  CHECK(l.line_of(4) == 1);   // the '\n' of line 1
  CHECK(l.line_of(5) == 2);
  CHECK(l.line_of(10) == 4);
  CHECK(l.line_of(t.size()) == 4);
  CHECK(l.line_span(1) == Span{0, 4});  // "one\r"
  CHECK(l.line_span(3) == Span{9, 9});
  CHECK(l.line_span(4) == Span{10, 14});
}

TEST_CASE("a span is in boilerplate when it starts inside a furniture line", "[document]") {
  Document d;
  d.boilerplate = {{10, 20}, {40, 50}};
  CHECK(d.in_boilerplate({12, 15}));
  CHECK(d.in_boilerplate({40, 41}));
  CHECK_FALSE(d.in_boilerplate({5, 9}));
  CHECK_FALSE(d.in_boilerplate({20, 25}));
  CHECK_FALSE(d.in_boilerplate({55, 60}));
}
