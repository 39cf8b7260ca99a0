#include "lib/rules/pattern_scanner.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <set>
#include <thread>

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

TEST_CASE("match_at sees the bytes either side of the span, and the text's ends, in a long text",
          "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\bICO\b)", &err) == 0);
  REQUIRE(s.add(R"(^ICO)", &err) == 1);
  REQUIRE(s.add(R"(ICO$)", &err) == 2);
  REQUIRE(s.add(R"((?m)^ICO$)", &err) == 3);
  REQUIRE(s.compile(&err));
  // Longer than 4 KB, where RE2 chooses its engine by the size of the text it is given.
  const std::string pad(5000, ' ');
  auto fits = [&](int pattern, const std::string& text, std::size_t at) {
    dossier::rules::Hit hit;
    return s.match_at(pattern, text, {at, at + 3}, &hit);
  };
  const std::string inside = pad + "PICOT" + pad;
  CHECK_FALSE(fits(0, inside, pad.size() + 1));
  CHECK(fits(0, pad + " ICO " + pad, pad.size() + 1));
  CHECK(fits(1, "ICO" + pad, 0));
  CHECK_FALSE(fits(1, pad + "ICO" + pad, pad.size()));
  CHECK(fits(2, pad + "ICO", pad.size()));
  CHECK_FALSE(fits(2, pad + "ICO" + pad, pad.size()));
  CHECK(fits(3, pad + "\nICO\n" + pad, pad.size() + 1));
  CHECK_FALSE(fits(3, pad + "xICO\n" + pad, pad.size() + 1));
  CHECK_FALSE(fits(3, pad + "\nICOx" + pad, pad.size() + 1));
}

namespace {

std::vector<std::string> hit_texts(const PatternScanner& s, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : s.scan(text, false)) out.push_back(text.substr(h.span.start, h.span.size()));
  return out;
}

}  // namespace

TEST_CASE("no match spans a paragraph break; what comes before the break is still found",
          "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\b(?:Friday,?\s+)?September\s+18\b)", &err) == 0);
  REQUIRE(s.add(R"(\bFriday\b)", &err) == 1);
  REQUIRE(s.compile(&err));
  using V = std::vector<std::string>;
  // A headline ending in a weekday, then a dateline: two dates.
  CHECK(hit_texts(s, "closed until Friday\n\nSeptember 18, 2008") == V{"Friday", "September 18"});
  CHECK(hit_texts(s, "until Friday\r\n \t\r\nSeptember 18") == V{"Friday", "September 18"});
  CHECK(hit_texts(s, "until Friday\n\f\nSeptember 18") == V{"Friday", "September 18"});
  // One line break is not a paragraph's end: hard-wrapped text keeps its date whole.
  CHECK(hit_texts(s, "on Friday,\nSeptember 18 the office") == V{"Friday,\nSeptember 18"});
  CHECK(hit_texts(s, "Friday September 18\n\nFriday") == V{"Friday September 18", "Friday"});
}

TEST_CASE("a match that begins with a paragraph break does not hang the scan", "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\s+Corp\b)", &err) == 0);
  REQUIRE(s.compile(&err));
  std::string text = "Acme\n\nCorp and  Corp";
  auto hits = s.scan(text, false);
  REQUIRE(hits.size() == 2);
  CHECK(text.substr(hits[0].span.start, hits[0].span.size()) == "\nCorp");
  CHECK(text.substr(hits[1].span.start, hits[1].span.size()) == "  Corp");
}

TEST_CASE(
    "identify gives scan's hits from find_spans' spans, and looks further when a span is "
    "no hit",
    "[scanner]") {
  PatternScanner s;
  std::string err;
  REQUIRE(s.add(R"(\b(?P<n>\d+) May\b)", &err) == 0);
  REQUIRE(s.add(R"(\bJune\b)", &err) == 1);
  REQUIRE(s.compile(&err));
  const std::string text = "1 May, June, 2 May and June again, 3 May.";
  auto spans_of = [](const std::vector<dossier::rules::Hit>& hits) {
    std::vector<dossier::text::Span> out;
    for (const auto& h : hits) out.push_back(h.span);
    return out;
  };
  for (std::size_t max : {1, 2, 3, 5, 10}) {
    INFO(max);
    auto spans = s.find_spans(text, max);
    CHECK(spans.size() == std::min<std::size_t>(max, 5));
    CHECK(spans_of(s.identify(text, spans, true, max)) == spans_of(s.scan(text, true, max)));
  }
  // A span no pattern matches whole (", J") among the first max_hits: the hits are the first
  // max_hits of the text's, as span by span, not fewer.
  auto spans = s.find_spans(text, 3);
  spans[1] = {5, 8};
  auto hits = s.identify(text, spans, true, 3);
  REQUIRE(hits.size() == 3);
  CHECK(spans_of(hits) == spans_of(s.scan(text, true, 3)));
  REQUIRE(hits[0].groups.size() == 1);
  CHECK(hits[0].groups[0].name == "n");
  CHECK(s.identify(text, spans, false, 3)[0].groups.empty());
}

TEST_CASE(
    "threads that scan at once, each with its own copy of the programs, find what one "
    "thread finds",
    "[scanner]") {
  PatternScanner patterns, spans_only;
  std::string err;
  REQUIRE(patterns.add(R"(\b(?P<day>\d+) (?P<month>May|June) (?P<year>\d{4})\b)", &err) == 0);
  REQUIRE(patterns.add(R"(\b(?P<month>May|June)\b)", &err) == 1);
  REQUIRE(patterns.compile(&err));
  REQUIRE(spans_only.add(R"(\bICO\b|\bOfcom\b)", &err) == 0);
  REQUIRE(spans_only.compile(&err, PatternScanner::Identify::kSpanOnly));
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += fmt::format("On {} May {}, the ICO. In June, Ofcom. ", i, 1900 + i);
  auto spans_of = [&](const std::vector<dossier::rules::Hit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) {
      std::string s = fmt::format("{} {}-{}", h.pattern, h.span.start, h.span.end);
      for (const auto& g : h.groups)
        s += fmt::format(" {}={}-{}", g.name, g.span.start, g.span.end);
      out.push_back(s);
    }
    return out;
  };
  const auto want = spans_of(patterns.scan(text, true));
  const auto want_spans = spans_of(spans_only.scan(text, false));
  REQUIRE(want.size() == 400);  // "i May y" and "June", 200 times
  REQUIRE(want_spans.size() == 400);

  const std::size_t before = dossier::rules::replica_slots();
  dossier::rules::set_replica_slots(dossier::rules::kMaxReplicaSlots);
  const std::size_t n = dossier::rules::kMaxReplicaSlots + 2;  // two slots have two threads
  std::vector<std::vector<std::string>> got(n), got_spans(n);
  std::vector<std::size_t> slots(n);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < n; ++t) {
    threads.emplace_back([&, t] {
      slots[t] = dossier::rules::replica_slot();
      got[t] = spans_of(patterns.scan(text, true));
      got_spans[t] = spans_of(spans_only.scan(text, false));
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < n; ++t) {
    CHECK(got[t] == want);
    CHECK(got_spans[t] == want_spans);
  }
  // Threads started together take the slots in turn: every slot is used.
  std::set<std::size_t> used(slots.begin(), slots.end());
  CHECK(used.size() == dossier::rules::kMaxReplicaSlots);
  dossier::rules::set_replica_slots(before);
}
