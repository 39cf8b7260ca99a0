#pragma once
// A date rule's match -> TIMEX3 value, precision, mod and anchor.
//
// Named groups a rule may use:
//   span      the extraction's text, when the pattern needs context around it ("in (?P<span>April)")
//   span2     a second date in the same match (ranges: "between (?P<span>January) and
//             (?P<span2>March 2024)"); groups ending in 2 (month2, day2, year2) belong to it, and
//             what a part lacks (the year) it borrows from the other
//   year yy   4 or 2 digits ("'82" -> 1982); yy picks the century nearest the reference
//   month     a name, an abbreviation or a number;  day  1..31 (with st/nd/rd/th)
//   n1 n2     the two numbers of a numeric date (02/05/2024): day-first unless the document
//             shows month-first signals or a number forces the order (see DateContext::order)
//   weekday   Monday..Sunday, abbreviations
//   quarter   1..4, first..fourth, final/last;  half  1|2|first|second;  week  ISO week number
//   season    spring summer autumn fall winter;  decade  1990s 90s '90s;  century  19th
//   yrel      "this|last|next|previous year", "in a year": the year of a quarter, month, season,
//             half
//   unit      year month week day quarter decade (plural, yr, qtr allowed): a relative expression
//   shift     last/past/previous (-1), this/current (0), next/coming/following (+1)
//   num dir   "two years ago": a count (digits or words) and ago/earlier/before | later/after/hence
//   mod       early/mid/late/the end of/around/before/after...
//   nth       first..fifth, 1st..5th, last: "the first Tuesday of", "the second week of";
//   nthlast   the count before "last" in "the second last week of" (with week_nth, day_from_end)
//   era       AD/A.D./BC/B.C. after a year ("2014 BC" -> BC2014)
// Rule attributes: relative ("today", "yesterday", "tomorrow", "this-year", "last-week",
// "next-month"...: <this|last|next>-<unit>), unit, shift ("-1"), mod (a fixed TIMEX3 mod),
// anchor ("previous": resolve against the previous date mention instead of the DCT;
// "previous-day": against it when it is a day, else the DCT),
// fiscal ("true": FY2023), suffix (appended to a day value: "TMO" for "this morning"),
// week_nth ("true": the nth or nth-last week of a month or year -> its ISO week), day_from_end
// ("true": the (nthlast) last day of a month), year_pair ("year": a year-month whose month is
// the year's last two digits plus one, "2010-11", is the first year of a two-year span),
// closest ("true": the nth closest weekday to a day, "the second closest Mon to October 5").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/extract/dates/calendar.hpp"
#include "lib/extract/extraction.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "lib/rules/rule.hpp"

namespace dossier::extract::dates {

// Which way a month/day/weekday without a year leans from its reference date.
enum class Tense { kUnknown, kPast, kFuture };
// How the document writes numeric dates (02/05/2024).
enum class Order { kUnknown, kDayFirst, kMonthFirst };

struct DateContext {
  // The reference date. A year-only (month 0) or month-only reference comes from inference and
  // resolves only expressions that need no finer precision.
  std::optional<Ymd> dct;
  std::optional<Ymd> previous;  // the last resolved date mention, for "the following month"
  Order order = Order::kUnknown;  // the document's numeric-date order signals
  std::vector<std::string>* warnings = nullptr;  // doubts worth telling the user

  // The tense of the clause around the mention being normalised (clause_tense, tense.hpp),
  // found on first use: it costs RE2 calls, and most mentions (with a year) never ask.
  // kUnknown when no mention was set.
  Tense tense() const;
  // The mention whose clause tense() reads; forgets the tense found for the one before.
  void set_mention(std::string_view text, text::Span mention);
  // Fixes the tense (tests; a caller that knows it).
  void set_tense(Tense t) { tense_ = t; }

 private:
  std::string_view text_;
  text::Span mention_;
  mutable std::optional<Tense> tense_;
};

// A named group or its alternates name_b, name_c (RE2 forbids repeated names); with `suffix`,
// the group name+suffix or its alternates (any_group(hit, "month", "2"): month2, month2_b ...).
std::optional<text::Span> any_group(const rules::Hit& hit, std::string_view name,
                                    std::string_view suffix = {});

// Fills value, precision, mod and anchor; false when the match is not a date after all.
// `part` 2 reads the second date of a range (groups span2, month2...).
bool normalise(const rules::Rule& rule, const rules::Hit& hit, std::string_view text,
               const DateContext& ctx, DateMention& out, int part = 1);

// Whether normalise() may give `hit` the anchor "absolute": only a written year, a two-digit
// year, a decade or a century does (groups year, yy, decade, century, or their alternates and
// second parts), so a hit without any needs no normalising to know it is not.
bool may_be_absolute(const rules::Hit& hit);

// TIMEX3 mod for a modifier word ("late" -> END, "early" -> START, "around" -> APPROX).
std::optional<std::string> mod_from_word(std::string_view word);

// 1..99 from digits or an English number word ("two", "a", "twelve"); 0 when not a number.
int number_from_word(std::string_view word);
// 1..31 from digits with an optional suffix or an ordinal word ("3rd", "first", "fifth"); 0 if not.
int ordinal_from_word(std::string_view word);

}  // namespace dossier::extract::dates
