#include "lib/rules/name_matcher.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <random>

#include "lib/rules/rule_set.hpp"

using namespace dossier::rules;

namespace {

struct Name {
  std::string text;
  bool ignore_case = false;
};

NameMatcher matcher_of(const std::vector<Name>& names) {
  NameMatcher m;
  for (const Name& n : names) {
    std::string err;
    REQUIRE(m.add(n.text, n.ignore_case, &err));
  }
  m.compile();
  return m;
}

// What the gazetteer scan was before NameMatcher: one RE2 alternation of the alias patterns.
PatternScanner re2_scanner_of(const std::vector<NameMatcher::Alias>& aliases) {
  PatternScanner s;
  for (const auto& a : aliases) {
    std::string err;
    REQUIRE(s.add(alias_pattern(a.text), &err, a.ignore_case) >= 0);
  }
  std::string err;
  REQUIRE(s.compile(&err, PatternScanner::Identify::kSpanOnly, 256ll << 20));
  return s;
}

std::vector<std::string> found(const NameMatcher& m, const std::string& text,
                               std::size_t max_hits = static_cast<std::size_t>(-1)) {
  std::vector<std::string> out;
  for (const Hit& h : m.scan(text, max_hits))
    out.push_back(text.substr(h.span.start, h.span.size()));
  return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

Spans spans(const std::vector<Hit>& hits) {
  Spans out;
  for (const Hit& h : hits) out.emplace_back(h.span.start, h.span.end);
  return out;
}

std::string escaped(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c >= 0x7F)
      out += fmt::format("\\x{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

// Random texts made of pieces of the aliases (their case changed, their spaces made line
// breaks, tabs or blank lines, their apostrophes swapped, cut short), words, punctuation, white
// space, curly quotes and letters above ASCII, some of which fold to ASCII under (?i).
class TextMaker {
 public:
  TextMaker(const std::vector<NameMatcher::Alias>& aliases, unsigned seed)
      : aliases_(aliases), rng_(seed) {}

  std::string make(std::size_t pieces) {
    std::string out;
    for (std::size_t i = 0; i < pieces; ++i) {
      int kind = pick(10);
      if (kind < 4 && !aliases_.empty()) {
        out += vary(aliases_[pick(aliases_.size())].text);
      } else if (kind < 7) {
        out += kGlue[pick(std::size(kGlue))];
      } else {
        out += kWords[pick(std::size(kWords))];
      }
    }
    return out;
  }

 private:
  static constexpr const char* kGlue[] = {
      " ",    " ",    "  ", "\n", "\n\n", "\n \n", "\r\n",         "\t",
      "\f",   "\v",   ",",  ".",  "-",    "'",     "\xE2\x80\x99", "(",
      ")",    "[",    "]",  "&",  "!",    "_",     "\xE2\x80\x9C", "\xC2\xA0",
      "\xFF", "\x80", ""};
  static constexpr const char* kWords[] = {"the",      "The",
                                           "a",        "s",
                                           "S",        "k",
                                           "K",        "data",
                                           "Storm",    "0558",
                                           "x",        "Microsofts",
                                           "APT",      "28",
                                           "\xC3\xA9", "\xC3\x89",
                                           "\xC4\xB1", "\xC4\xB0",
                                           "\xC5\xBF", "\xE2\x84\xAA",
                                           "\xC3\x9F", "\xE1\xBA\x9E",
                                           "\xCE\xA3", "\xCF\x83",
                                           "\xCF\x82", "\xC3\xBC",
                                           "\xC3\x9C", "group",
                                           "Group",    "bear",
                                           "BEAR",     "ICO",
                                           "PICO",     "1937",
                                           "cn"};

  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

  std::string vary(std::string_view alias) {
    std::string s(alias);
    if (pick(4) == 0 && s.size() > 1) s.resize(1 + pick(s.size() - 1));  // may cut a rune: fine
    std::string out;
    int casing = static_cast<int>(pick(5));  // as is, upper, lower, random, as is
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == ' ' && pick(3) == 0) {
        out += kGlue[pick(8)];  // white space (or a blank line) in the name
        continue;
      }
      if (c == '\'' && pick(2) == 0) {
        out += "\xE2\x80\x99";
        continue;
      }
      if (s.compare(i, 3, "\xE2\x80\x99") == 0 && pick(2) == 0) {
        out += '\'';
        i += 2;
        continue;
      }
      if ((c == 'k' || c == 'K') && pick(6) == 0) {
        out += "\xE2\x84\xAA";  // KELVIN SIGN
        continue;
      }
      if ((c == 's' || c == 'S') && pick(6) == 0) {
        out += "\xC5\xBF";  // LONG S
        continue;
      }
      bool flip = casing == 3 ? pick(3) == 0 : false;
      if (casing == 1 || (flip && c >= 'a' && c <= 'z'))
        c = static_cast<char>(std::toupper(c));
      else if (casing == 2 || (flip && c >= 'A' && c <= 'Z'))
        c = static_cast<char>(std::tolower(c));
      out += c;
    }
    return out;
  }

  std::vector<NameMatcher::Alias> aliases_;  // views into the matcher
  std::mt19937 rng_;
};

// Under ASan+UBSan (CI's second suite) a tenth of the texts: the built-in gazetteers' case took
// 120 s there, 3 s in Release, which runs them all.
#ifdef __SANITIZE_ADDRESS__
constexpr int kTextsDivisor = 10;
#else
constexpr int kTextsDivisor = 1;
#endif

// Both scans over `count` random texts (fewer under the sanitizers); the first difference
// fails, with its text.
void compare_with_re2(const NameMatcher& m, unsigned seed, int count) {
  count /= kTextsDivisor;
  PatternScanner re2 = re2_scanner_of(m.aliases());
  TextMaker maker(m.aliases(), seed);
  std::size_t hits = 0;
  for (int i = 0; i < count; ++i) {
    std::string text = maker.make(1 + i % 40);
    std::size_t max_hits = i % 7 == 0 ? 2 : static_cast<std::size_t>(-1);
    Spans want = spans(re2.scan(text, false, max_hits));
    Spans got = spans(m.scan(text, max_hits));
    hits += got.size();
    if (want != got) {
      INFO("text: \"" << escaped(text) << "\"");
      for (auto [s, e] : want)
        INFO("RE2:  " << s << "-" << e << " " << escaped(text.substr(s, e - s)));
      for (auto [s, e] : got)
        INFO("ours: " << s << "-" << e << " " << escaped(text.substr(s, e - s)));
      CHECK(got == want);
      return;
    }
  }
  CHECK(hits > static_cast<std::size_t>(count) / 4);  // the texts are made to hold names
}

const std::vector<Name> kTricky = {
    {"Microsoft"},
    {"Microsoft Threat Intelligence"},
    {"Microsoft Corp."},
    {"Information Commissioner's Office"},
    {"ICO"},
    {"Spain\xE2\x80\x99s data watchdog"},
    {"the Spanish regulator"},
    {"AT&T"},
    {"Yahoo!"},
    {"(ISC)\xC2\xB2"},
    {"[Unnamed group]", true},
    {".NET"},
    {"C++"},
    {"Storm"},
    {"Storm-0558"},
    {"Storm-05"},
    {"Fancy Bear", true},
    {"APT28", true},
    {"1937CN", true},
    {"Kaspersky", true},
    {"Sofacy", true},
    {"Ayy\xC4\xB1ld\xC4\xB1z Tim", true},
    {"Sath-\xC4\xB1 M\xC3\xBC"
     "dafaa",
     true},
    {"Larva\xE2\x80\x91"
     "25012",
     true},
    {"Asnar\xC3\xB6k"},
    {"\xC3\x9AOO\xC3\x9A"},
    {"\xC3\x96sterreichische Datenschutzbeh\xC3\xB6rde"},
    {"Stra\xC3\x9F"
     "e Gruppe",
     true},
    {"\xCE\xA3igma Team", true},
    {"\xC4\xB0stanbul Group", true},
    {"Internationalization Group"},
    {"_under_"},
    {"Acme "},
    {" Corp"},
    {"tab\there"},
    {"wide \tgap", true},
    {"Data Protection Authority of Spain"},
    {"data protection authority of Spain"},
    {"DPA (Spain)"},
};

}  // namespace

TEST_CASE("names: the longest alias at the leftmost start, whole words only", "[names]") {
  NameMatcher m = matcher_of(kTricky);
  CHECK(found(m, "Microsofts and Microsoft Threat Intelligence") ==
        std::vector<std::string>{"Microsoft Threat Intelligence"});
  CHECK(found(m, "Microsoft Corp. and Microsoft Corpus") ==
        std::vector<std::string>{"Microsoft Corp.", "Microsoft"});
  CHECK(found(m, "Storm-0558, Storm-055 and Storm-05") ==
        std::vector<std::string>{"Storm-0558", "Storm", "Storm-05"});
  CHECK(found(m, "PICO, ICO_, ICO.") == std::vector<std::string>{"ICO"});
  CHECK(found(m, "AT&Tx AT&T, Yahoo!Inc C++C") ==
        std::vector<std::string>{"AT&T", "Yahoo!", "C++"});
}

TEST_CASE("names: either apostrophe, any white space, no paragraph break", "[names]") {
  NameMatcher m = matcher_of(kTricky);
  CHECK(found(m, "the Information Commissioner\xE2\x80\x99s\nOffice") ==
        std::vector<std::string>{"Information Commissioner\xE2\x80\x99s\nOffice"});
  CHECK(found(m, "Spain's\tdata  watchdog") == std::vector<std::string>{"Spain's\tdata  watchdog"});
  CHECK(found(m, "Microsoft Threat\n\nIntelligence") == std::vector<std::string>{"Microsoft"});
  CHECK(found(m, "Microsoft Threat\n \t\nIntelligence") == std::vector<std::string>{"Microsoft"});
  CHECK(found(m, "wide \tgap; wide\tgap; WIDE \t\tgap") ==
        std::vector<std::string>{"wide \tgap", "WIDE \t\tgap"});
}

TEST_CASE("names: case-blind aliases fold as RE2 does", "[names]") {
  NameMatcher m = matcher_of(kTricky);
  CHECK(found(m, "FANCY bear, apt28, Fancy Bears") ==
        std::vector<std::string>{"FANCY bear", "apt28"});
  // KELVIN SIGN and LONG S fold to k and s, and are not word characters to \b.
  CHECK(found(m,
              "\xE2\x84\xAA"
              "aspersky, Ka\xC5\xBF"
              "persky, x\xE2\x84\xAA"
              "aspersky") == std::vector<std::string>{"Ka\xC5\xBF"
                                                      "persky",
                                                      "\xE2\x84\xAA"
                                                      "aspersky"});
  CHECK(found(m,
              "STRASSE GRUPPE, STRA\xE1\xBA\x9E"
              "E GRUPPE, \xCF\x83IGMA TEAM") == std::vector<std::string>{"STRA\xE1\xBA\x9E"
                                                                         "E GRUPPE",
                                                                         "\xCF\x83IGMA TEAM"});
  // RE2 leaves out the Turkish foldings: dotted capital I is not i.
  CHECK(found(m, "istanbul group, \xC4\xB0STANBUL GROUP") ==
        std::vector<std::string>{"\xC4\xB0STANBUL GROUP"});
  CHECK(found(m, "microsoft, asnar\xC3\xB6k") == std::vector<std::string>{});
}

TEST_CASE("names: aliases that begin or end with punctuation or letters above ASCII", "[names]") {
  NameMatcher m = matcher_of(kTricky);
  CHECK(found(m, "the [unnamed GROUP], x.NETy and x.NET,") ==
        std::vector<std::string>{"[unnamed GROUP]", ".NET"});
  CHECK(found(m, "x\xC3\x9AOO\xC3\x9Ay and (ISC)\xC2\xB2s") ==
        std::vector<std::string>{"\xC3\x9AOO\xC3\x9A", "(ISC)\xC2\xB2"});
  CHECK(found(m, "AcmeCorp, Acme  \n and") == std::vector<std::string>{"Acme  \n "});
}

TEST_CASE("names: at most max_hits", "[names]") {
  NameMatcher m = matcher_of(kTricky);
  CHECK(found(m, "ICO ICO ICO ICO", 3) == std::vector<std::string>{"ICO", "ICO", "ICO"});
}

TEST_CASE("names: an alias RE2 refuses is refused with RE2's reason", "[names]") {
  NameMatcher m;
  std::string err;
  CHECK_FALSE(m.add("", false, &err));
  CHECK(err == "pattern matches the empty string");
  CHECK_FALSE(m.add("bad \xFF utf-8", false, &err));
  CHECK(err == "invalid UTF-8");
  CHECK(m.size() == 0);
  m.compile();
  CHECK(m.scan("anything at all").empty());
}

TEST_CASE("names: RE2 takes every alias add() does not ask it about", "[names][re2]") {
  std::mt19937 rng(7);
  std::string printable;
  for (char c = 0x20; c <= 0x7E; ++c) printable += c;
  auto check = [](const std::string& alias) {
    REQUIRE(takes_without_check(alias));
    for (bool ignore_case : {false, true}) {
      std::string pattern = alias_pattern(alias), err;
      if (ignore_case) pattern = "(?i:" + pattern + ")";
      INFO(alias);
      CHECK(check_pattern(pattern, &err));
    }
  };
  for (int n = 0; n < 2000; ++n) {
    std::string alias(1 + rng() % 40, ' ');
    for (char& c : alias) c = printable[rng() % printable.size()];
    check(alias);
  }
  // The costliest bytes, at the longest: an apostrophe is (?:'|\x{2019}), a space \s+.
  check(std::string(kMaxUncheckedAlias, '\''));
  check(std::string(kMaxUncheckedAlias, ' '));
  check(std::string(kMaxUncheckedAlias, 'k'));  // (?i)k is also KELVIN SIGN, 3 bytes
  check(std::string(kMaxUncheckedAlias, 's'));  // and s LONG S, 2 bytes
  std::string mixed;
  while (mixed.size() < kMaxUncheckedAlias) mixed += "k' s\\";
  check(mixed.substr(0, kMaxUncheckedAlias));
  CHECK_FALSE(takes_without_check(""));
  CHECK_FALSE(takes_without_check("tab\there"));
  CHECK_FALSE(takes_without_check("Caf\xC3\xA9"));
  CHECK_FALSE(takes_without_check(std::string(kMaxUncheckedAlias + 1, 'a')));
}

TEST_CASE("names: the same spans as RE2 over random texts, tricky aliases", "[names][re2]") {
  compare_with_re2(matcher_of(kTricky), 1, 20000);
  // Aliases of only white space or punctuation match all over.
  std::vector<Name> names = kTricky;
  names.push_back({"   "});
  names.push_back({"'"});
  names.push_back({"--", true});
  compare_with_re2(matcher_of(names), 5, 10000);
}

TEST_CASE("names: the same spans as RE2 when a case-blind alias holds a rune folding to ASCII",
          "[names][re2]") {
  std::vector<Name> names = kTricky;
  names.push_back(
      {"\xE2\x84\xAA"
       "elvin Group",
       true});
  names.push_back({"Bla\xC5\xBFter", true});
  names.push_back({"Foo\xE2\x84\xAA", true});
  names.push_back(
      {"Bar\xE2\x84\xAA"
       "baz"});
  compare_with_re2(matcher_of(names), 2, 20000);
}

TEST_CASE("names: the same spans as RE2 over random texts, built-in gazetteers", "[names][re2]") {
  Diagnostics diags;
  auto set = RuleSet::load({builtin_data_dir()}, diags);
  REQUIRE(diags.empty());
  compare_with_re2(set->names(Kind::kOrganisations).matcher, 3, 10000);
  compare_with_re2(set->names(Kind::kThreatActors).matcher, 4, 10000);
}

TEST_CASE("names: a match that begins with a paragraph break does not hang the scan", "[names]") {
  NameMatcher m = matcher_of({{" Corp"}});
  CHECK(found(m, "Acme\n\nCorp and  Corp") == std::vector<std::string>{"\nCorp", "  Corp"});
}
