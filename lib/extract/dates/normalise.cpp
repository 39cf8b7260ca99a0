#include "lib/extract/dates/normalise.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <tuple>

#include "lib/extract/dates/holiday.hpp"
#include "lib/extract/dates/tense.hpp"
#include "lib/extract/mention.hpp"

namespace dossier::extract::dates {
namespace {

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Lower case, inner whitespace and hyphens as single spaces, trimmed.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = std::isspace(static_cast<unsigned char>(c)) || c == '-';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int month_of(std::string_view s) {
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    int m = to_int(s);
    return m >= 1 && m <= 12 ? m : 0;
  }
  return month_from_name(s);
}

// -1, 0, +1 from a word like "last", "this", "next"; nullopt when not such a word.
std::optional<int> shift_from_word(std::string_view w) {
  std::string s = squeeze(w);
  if (s.rfind("the ", 0) == 0) s = s.substr(4);
  if (s == "last" || s == "past" || s == "previous" || s == "preceding" || s == "prior") return -1;
  if (s == "this" || s == "current" || s == "present" || s == "same") return 0;
  if (s == "next" || s == "coming" || s == "following" || s == "upcoming" || s == "subsequent")
    return 1;
  return std::nullopt;
}

// Years from the reference named by a yrel group: "last year" -1, "the following year" +1,
// "in a year", "in 1 year" +1; nullopt when it is not such a phrase.
std::optional<int> year_shift_of(std::string_view yrel) {
  std::string rel = squeeze(yrel);
  if (rel.rfind("the ", 0) == 0) rel = rel.substr(4);
  if (rel.rfind("in ", 0) == 0) {
    std::size_t unit = rel.rfind(' ');
    int n = unit > 3 ? number_from_word(std::string_view(rel).substr(3, unit - 3)) : 0;
    if (n <= 0) return std::nullopt;
    return n;
  }
  return shift_from_word(rel.substr(0, rel.find(' ')));
}

std::string unit_of(std::string_view w) {
  std::string s = squeeze(w);
  if (s.size() > 1 && s.back() == 's') s.pop_back();
  if (s == "yr") return "year";
  if (s == "qtr") return "quarter";
  if (s == "wk") return "week";
  return s;
}

Ymd month_shift(Ymd d, int by) {
  int m = d.year * 12 + (d.month - 1) + by;
  return Ymd{m / 12, m % 12 + 1, 0};
}

std::string year_str(int y) { return fmt::format("{:04d}", y); }

// The value with X's for what an unknown reference leaves open.
std::string unknown_value(std::string_view unit) {
  if (unit == "year") return "XXXX";
  if (unit == "month") return "XXXX-XX";
  if (unit == "week") return "XXXX-WXX";
  if (unit == "quarter") return "XXXX-QX";
  if (unit == "decade") return "XXX";
  return "XXXX-XX-XX";
}

// Resolves "last year", "two weeks ago", "the following month" against `ref`.
bool relative_unit(std::string_view unit, int by, bool counted, std::optional<Ymd> ref,
                   const char* anchor, DateMention& out) {
  static const std::string_view kUnits[] = {"year", "month", "week", "day", "quarter", "decade"};
  bool known = false;
  for (auto u : kUnits) known |= u == unit;
  if (!known) return false;
  const std::string_view precision = unit == "decade" ? "year" : unit;
  out.precision = std::string(precision);
  bool needs_month = unit == "month" || unit == "quarter";
  bool needs_day = unit == "week" || unit == "day";
  if (!ref || (needs_month && ref->month == 0) || (needs_day && ref->day == 0)) {
    out.value = unknown_value(unit);
    out.anchor = "none";
    return true;
  }
  Ymd d = *ref;
  out.anchor = anchor;
  if (unit == "year") {
    out.value = year_str(d.year + by);
  } else if (unit == "decade") {
    out.value = fmt::format("{:03d}", (d.year + 10 * by) / 10);
  } else if (unit == "month") {
    out.value = format_ymd(month_shift(d, by));
  } else if (unit == "quarter") {
    Ymd q = month_shift(Ymd{d.year, (d.month - 1) / 3 * 3 + 1, 0}, 3 * by);
    out.value = fmt::format("{:04d}-Q{}", q.year, (q.month - 1) / 3 + 1);
  } else if (unit == "week" && !counted) {
    auto [wy, wn] = iso_week(add_days(d, 7 * by));
    out.value = fmt::format("{:04d}-W{:02d}", wy, wn);
  } else {  // days, and counted weeks ("a week ago" is a day)
    out.value = format_ymd(add_days(d, unit == "week" ? 7 * by : by));
    out.precision = "day";
  }
  return true;
}

// The year of a month (and day) without one, seen from `ref`: past-bias unless the tense says
// the future. `first`/`last` bound the period in months (a quarter spans three).
int lean_year(const Ymd& ref, int first_month, int last_month, int day, Tense tense) {
  if (tense == Tense::kFuture) {
    bool over = last_month < ref.month || (last_month == ref.month && day && day < ref.day);
    return over ? ref.year + 1 : ref.year;
  }
  bool ahead = first_month > ref.month || (first_month == ref.month && day > ref.day);
  // With no tense cue, a day up to a month ahead, a month starting next month, or a longer
  // period (quarter, half, season) starting within three months is the coming one ("has a June 1
  // deadline" on 28 May): news does not name last year's date without its year.
  if (ahead && tense == Tense::kUnknown) {
    if (day && ref.day) {
      Ymd limit = add_days(ref, 31);
      if (is_valid(ref.year, first_month, day) &&
          std::tie(ref.year, first_month, day) <= std::tie(limit.year, limit.month, limit.day))
        return ref.year;
    } else if (!day && first_month == ref.month + 1) {
      return ref.year;
    } else if (!day && last_month > first_month && first_month - ref.month <= 3) {
      return ref.year;
    }
  }
  return ahead ? ref.year - 1 : ref.year;
}

// The weekday `wd` near `ref`: by -1 strictly before, +1 strictly after, 0 this week's coming
// one, none: by tense (past: the most recent not after ref; future: the next after it).
// by +2 is the one after next, -2 the one before last ("3 fridays from now": +3).
Ymd weekday_near(const Ymd& ref, int wd, std::optional<int> by, Tense tense) {
  int diff = wd - weekday(ref);  // -6..6
  if (by && *by < 0) return add_days(ref, (diff < 0 ? diff : diff - 7) + 7 * (*by + 1));
  if (by && *by > 0) return add_days(ref, (diff > 0 ? diff : diff + 7) + 7 * (*by - 1));
  if (by == 0 || tense == Tense::kFuture) return add_days(ref, diff >= 0 ? diff : diff + 7);
  return add_days(ref, diff <= 0 ? diff : diff - 7);
}

// The `nth` (1.., or -1 for the last) weekday `wd` of a month; nullopt when it has none.
std::optional<Ymd> nth_weekday(int year, int month, int wd, int nth) {
  if (nth > 0) {
    Ymd first{year, month, 1};
    Ymd d = add_days(first, (wd - weekday(first) + 7) % 7 + 7 * (nth - 1));
    if (d.month != month) return std::nullopt;
    return d;
  }
  Ymd last = add_days(Ymd{month == 12 ? year + 1 : year, month % 12 + 1, 1}, -1);
  return add_days(last, -((weekday(last) - wd + 7) % 7));
}

// The `nth` (1..) closest weekday `wd` to `target`, the day itself included: nearer first, and
// of two as near the earlier ("the second closest Monday to a Monday" is the one before).
Ymd closest_weekday(const Ymd& target, int wd, int nth) {
  int after = (wd - weekday(target) + 7) % 7;  // 0..6 days to the next one (or the day itself)
  int before = after == 0 ? 0 : 7 - after;     // days back to the previous one
  std::vector<int> offsets;
  for (int k = 0; k < nth + 1; ++k) {
    offsets.push_back(after + 7 * k);
    if (after != 0 || k > 0) offsets.push_back(-(before + 7 * k));
  }
  std::sort(offsets.begin(), offsets.end(), [](int a, int b) {
    return std::abs(a) != std::abs(b) ? std::abs(a) < std::abs(b) : a < b;
  });
  return add_days(target, offsets[nth - 1]);
}

int quarter_of(std::string_view w) {
  std::string s = squeeze(w);
  if (s == "final" || s == "last") return 4;
  int n = ordinal_from_word(s);
  return n >= 1 && n <= 4 ? n : 0;
}

const char* season_code(std::string_view w) {
  std::string s = squeeze(w);
  if (s == "spring") return "SP";
  if (s == "summer") return "SU";
  if (s == "autumn" || s == "fall") return "FA";
  if (s == "winter") return "WI";
  return nullptr;
}

int season_start(std::string_view code) {
  return code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
}

// "1990s" -> 199, "90s"/"'90s" -> 199, "00s" -> 200.
int decade_of(std::string_view w) {
  std::string digits;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() == 4) return to_int(digits) / 10;
  if (digits.size() == 2) {
    int d = to_int(digits);
    return (d < 20 ? 2000 + d : 1900 + d) / 10;
  }
  return -1;
}

// A named group or one of its alternates (RE2 forbids repeating a name across alternatives,
// so a rule writes "year" in one branch and "year_b", "year_c" in the others).
}  // namespace

Tense DateContext::tense() const {
  if (!tense_) tense_ = text_.data() ? clause_tense(text_, mention_) : Tense::kUnknown;
  return *tense_;
}

void DateContext::set_mention(std::string_view text, text::Span mention) {
  text_ = text;
  mention_ = mention;
  tense_.reset();
}

std::optional<text::Span> any_group(const rules::Hit& hit, std::string_view name,
                                    std::string_view suffix) {
  // One pass, no strings built: rank 0 is name+suffix, 1 its "_b", 2 its "_c"; the first group
  // of the best rank wins, as looking each name up in turn would find.
  const std::size_t n = name.size() + suffix.size();
  const rules::Group* best = nullptr;
  int best_rank = 3;
  for (const rules::Group& g : hit.groups) {
    std::string_view gn = g.name;
    if (gn.size() < n || !gn.starts_with(name) || gn.substr(name.size(), suffix.size()) != suffix)
      continue;
    std::string_view alt = gn.substr(n);
    int rank = alt.empty() ? 0 : alt == "_b" ? 1 : alt == "_c" ? 2 : 3;
    if (rank < best_rank) {
      best = &g;
      best_rank = rank;
      if (rank == 0) break;
    }
  }
  if (!best) return std::nullopt;
  return best->span;
}

namespace {

// Reads named groups; part 2 prefers a group's "2" twin.
struct Groups {
  const rules::Hit& hit;
  std::string_view text;
  int part;
  std::string_view operator()(std::string_view name) const {
    if (part == 2) {
      if (auto s = any_group(hit, name, "2")) return text.substr(s->start, s->size());
    } else if (auto s = any_group(hit, name)) {
      return text.substr(s->start, s->size());
    }
    // What this part lacks it borrows from the other (the shared year of a range).
    if (part == 1 && (name == "year" || name == "month" || name == "yy")) {
      if (auto s = any_group(hit, name, "2")) return text.substr(s->start, s->size());
    }
    if (part == 2 && (name == "year" || name == "yy" || name == "month" || name == "yrel")) {
      if (auto s = any_group(hit, name)) return text.substr(s->start, s->size());
    }
    return {};
  }
};

bool before(const Ymd& a, const Ymd& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

// "the weekend", "this/last/next weekend" -> "2024-W46-WE". Past or no tense: the most recent
// weekend not after the DCT; future: the DCT's own week's; last/next move a week from the DCT's.
bool normalise_weekend(const Groups& g, const DateContext& ctx, DateMention& out);

// A holiday (rule attribute `on`, see holiday.hpp), its year written, leaned from the DCT like a
// day without a year, or moved by last/next/this; then an offset before or after it ("three days
// after Easter", "the third Tuesday after Christmas 2014").
bool normalise_holiday(std::string_view spec, const Groups& g, const DateContext& ctx,
                       DateMention& out);

}  // namespace

int number_from_word(std::string_view word) {
  static const char* kWords[] = {"zero", "one",   "two",    "three",    "four",     "five",
                                 "six",  "seven", "eight",  "nine",     "ten",      "eleven",
                                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                 "seventeen", "eighteen", "nineteen", "twenty"};
  std::string s = squeeze(word);
  if (s.empty()) return 0;
  if (std::isdigit(static_cast<unsigned char>(s[0]))) return to_int(s);
  if (s == "a" || s == "an") return 1;
  if (s == "a couple of" || s == "couple of" || s == "a couple") return 2;
  if (s == "a few" || s == "few" || s == "several") return 0;
  for (int i = 0; i <= 20; ++i) {
    if (s == kWords[i]) return i;
  }
  return 0;
}

int ordinal_from_word(std::string_view word) {
  static const char* kWords[] = {"",        "first",      "second",    "third",      "fourth",
                                 "fifth",   "sixth",      "seventh",   "eighth",     "ninth",
                                 "tenth",   "eleventh",   "twelfth",   "thirteenth", "fourteenth",
                                 "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                 "nineteenth", "twentieth"};
  std::string s = squeeze(word);
  if (s.empty()) return 0;
  if (std::isdigit(static_cast<unsigned char>(s[0]))) return to_int(s);
  for (int i = 1; i <= 20; ++i) {
    if (s == kWords[i]) return i;
  }
  if (s.rfind("twenty ", 0) == 0) {
    int u = ordinal_from_word(s.substr(7));
    return u >= 1 && u <= 9 ? 20 + u : 0;
  }
  if (s == "thirtieth") return 30;
  if (s == "thirty first") return 31;
  return 0;
}

std::optional<std::string> mod_from_word(std::string_view word) {
  std::string w = squeeze(word);
  if (w.rfind("the ", 0) == 0) w = w.substr(4);
  for (std::string_view tail : {" of", " in"}) {
    if (w.size() > tail.size() && w.compare(w.size() - tail.size(), tail.size(), tail) == 0)
      w.resize(w.size() - tail.size());
  }
  if (w == "early" || w == "start" || w == "beginning" || w == "dawn") return "START";
  if (w == "mid" || w == "middle") return "MID";
  if (w == "late" || w == "end" || w == "close") return "END";
  if (w == "around" || w == "about" || w == "circa" || w == "approximately" || w == "roughly")
    return "APPROX";
  if (w == "before" || w == "prior to" || w == "until" || w == "by") return "BEFORE";
  if (w == "after" || w == "since") return "AFTER";
  return std::nullopt;
}

bool may_be_absolute(const rules::Hit& hit) {
  for (const rules::Group& g : hit.groups) {
    if (g.name.starts_with("year") || g.name.starts_with("yy") || g.name.starts_with("decade") ||
        g.name.starts_with("century"))
      return true;
  }
  return false;
}

bool normalise(const rules::Rule& rule, const rules::Hit& hit, std::string_view text,
               const DateContext& ctx, DateMention& out, int part) {
  Groups g{hit, text, part};
  if (auto m = rule.attr("mod"); !m.empty()) out.mod = std::string(m);
  if (auto w = g("mod"); !w.empty()) out.mod = mod_from_word(w);

  if (auto on = rule.attr("on"); !on.empty()) return normalise_holiday(on, g, ctx, out);
  if (rule.attr("weekend") == "true") return normalise_weekend(g, ctx, out);

  // anchor "previous": the previous date mention only; "previous-day": it when it is a day,
  // else the DCT ("ending the day at 8,017" after "On Friday").
  const bool from_previous =
      rule.attr("anchor") == "previous" ||
      (rule.attr("anchor") == "previous-day" && ctx.previous && ctx.previous->day);
  const std::optional<Ymd> ref = from_previous ? ctx.previous : ctx.dct;
  const char* anchor = from_previous ? "previous" : "dct";

  // Relative expressions: a unit and a shift.
  std::string unit(rule.attr("unit"));
  std::optional<int> by;
  if (auto s = rule.attr("shift"); !s.empty()) by = to_int(s.substr(s[0] == '+' ? 1 : 0));
  if (auto rel = rule.attr("relative"); !rel.empty()) {
    if (rel == "today" || rel == "yesterday" || rel == "tomorrow") {
      unit = "day";
      by = rel == "yesterday" ? -1 : rel == "tomorrow" ? 1 : 0;
    } else if (auto dash = rel.find('-'); dash != std::string_view::npos) {
      by = shift_from_word(rel.substr(0, dash));
      unit = std::string(rel.substr(dash + 1));
      if (!by) return false;
    } else {
      return false;
    }
  }
  if (auto u = g("unit"); !u.empty()) unit = unit_of(u);
  if (auto s = g("shift"); !s.empty()) by = shift_from_word(s);
  bool counted = false;
  if (auto n = g("num"); !n.empty() || !g("dir").empty()) {
    int count = n.empty() ? 1 : number_from_word(n);
    if (count <= 0) return false;
    std::string dir = squeeze(g("dir"));
    bool back = dir == "ago" || dir == "earlier" || dir == "before" || dir == "prior" ||
                dir == "back" || dir == "previously";
    by = back ? -count : count;
    // "upcoming two weeks" names the week two ahead; "in two weeks", "a week ago" a day.
    counted = rule.attr("grain") != "unit";
  }
  const std::string_view weekday_text = g("weekday");
  const bool has_calendar = !g("month").empty() || !g("n1").empty() || !g("quarter").empty() ||
                            !g("half").empty() || !g("season").empty();
  if (!unit.empty() && weekday_text.empty() && !has_calendar && g("day").empty()) {
    if (!relative_unit(unit, by.value_or(0), counted, ref, anchor, out)) return false;
    if (auto sfx = rule.attr("suffix"); !sfx.empty() && out.anchor != "none") {
      out.value += std::string(sfx);
    }
    return true;
  }

  // Calendar fields.
  int month = 0, day = 0;
  if (auto n1 = g("n1"); !n1.empty()) {
    int a = to_int(n1), b = to_int(g("n2"));
    bool month_first = ctx.order == Order::kMonthFirst;
    if (a > 12 && b <= 12) month_first = false;
    else if (b > 12 && a <= 12) month_first = true;
    else if (a != b && ctx.order == Order::kUnknown && ctx.warnings)
      ctx.warnings->push_back(fmt::format(
          "numeric date '{}' could be day-first or month-first: read day-first",
          text.substr(hit.span.start, hit.span.size())));
    month = month_first ? a : b;
    day = month_first ? b : a;
    if (month < 1 || month > 12) return false;
  } else {
    std::string_view ms = g("month");
    month = month_of(ms);
    if (!ms.empty() && month == 0) return false;
    if (auto ds = g("day"); !ds.empty()) day = ordinal_from_word(ds);
  }
  if (!g("day").empty() && day == 0) return false;

  int quarter = 0, half = 0;
  const char* season = nullptr;
  if (auto q = g("quarter"); !q.empty() && !(quarter = quarter_of(q))) return false;
  if (auto h = g("half"); !h.empty()) {
    half = ordinal_from_word(h);
    if (half < 1 || half > 2) return false;
  }
  if (auto s = g("season"); !s.empty() && !(season = season_code(s))) return false;

  if (auto d = g("decade"); !d.empty()) {
    int dec = decade_of(d);
    if (dec < 0) return false;
    out.value = fmt::format("{:03d}", dec);
    out.precision = "year";
    out.anchor = "absolute";
    return true;
  }
  if (auto c = g("century"); !c.empty()) {
    int n = ordinal_from_word(c);
    if (n < 1 || n > 21) return false;
    out.value = fmt::format("{:02d}", n - 1);
    out.precision = "year";
    out.anchor = "absolute";
    return true;
  }

  // The year: written, relative ("the first quarter of last year"), or leaned from the reference.
  int year = 0;
  std::string_view ys = g("year");
  std::string_view yy = g("yy");
  std::string_view yrel = g("yrel");
  if (!ys.empty()) {
    year = to_int(ys);
    out.anchor = "absolute";
  } else if (!yy.empty()) {
    int y2 = to_int(yy);
    int pivot = ctx.dct ? ctx.dct->year % 100 + 10 : 30;
    year = y2 + (y2 <= pivot ? 2000 : 1900);
    out.anchor = "absolute";
  } else if (!yrel.empty()) {
    auto s = year_shift_of(yrel);  // "last year", "the previous year", "in a year"
    if (!s) return false;
    if (ref) {
      year = ref->year + *s;
      out.anchor = anchor;
    } else {
      out.anchor = "none";
    }
  }

  // "the closest Monday to Oct 5th", "the second nearest Friday to 1 May 2024".
  if (rule.attr("closest") == "true") {
    int wd = weekday_from_name(weekday_text);
    int nth = g("nth").empty() ? 1 : ordinal_from_word(g("nth"));
    if (!wd || nth < 1 || nth > 5 || !month || !day) return false;
    if (!year) {
      if (!ref || ref->month == 0) return false;
      year = lean_year(*ref, month, month, day, ctx.tense());
      out.anchor = anchor;
    }
    if (!is_valid(year, month, day)) return false;
    out.value = format_ymd(closest_weekday(Ymd{year, month, day}, wd, nth));
    out.precision = "day";
    return true;
  }
  // "the first Tuesday of October", "the last Friday of next month".
  if (auto nth_text = g("nth"); !nth_text.empty() && !weekday_text.empty()) {
    int wd = weekday_from_name(weekday_text);
    int nth = squeeze(nth_text) == "last" ? -1 : ordinal_from_word(nth_text);
    if (!wd || !nth) return false;
    if (!month) {  // this/next/last month, or the reference's own month
      if (!ref || ref->month == 0) return false;
      Ymd m = month_shift(*ref, unit == "month" ? by.value_or(0) : 0);
      year = m.year, month = m.month;
      out.anchor = anchor;
    } else if (!year) {
      if (!ref || ref->month == 0) return false;
      year = lean_year(*ref, month, month, 0, ctx.tense());
      out.anchor = anchor;
    }
    auto d = nth_weekday(year, month, wd, nth);
    if (!d) return false;
    out.value = format_ymd(*d);
    out.precision = "day";
    return true;
  }
  // A day without a month: "on the 15th" (the reference's month, or the one the tense picks),
  // "the 20th of next month".
  if (day && !month && !year && !quarter && !half && !season) {
    if (!ref || ref->day == 0) {
      out.value = fmt::format("XXXX-XX-{:02d}", day);
      out.precision = "day";
      out.anchor = "none";
      return true;
    }
    Ymd m = *ref;
    if (unit == "month") {
      m = month_shift(*ref, by.value_or(0));
    } else if (ctx.tense() == Tense::kFuture ? day < ref->day : day > ref->day) {
      m = month_shift(*ref, ctx.tense() == Tense::kFuture ? 1 : -1);
    }
    if (!is_valid(m.year, m.month, day)) return false;
    out.value = fmt::format("{:04d}-{:02d}-{:02d}", m.year, m.month, day);
    out.precision = "day";
    out.anchor = anchor;
    return true;
  }

  if (!weekday_text.empty() && !month && !year) {
    int wd = weekday_from_name(weekday_text);
    if (!wd) return false;
    if (!ref || ref->day == 0) {
      out.value = "XXXX-XX-XX";
      out.precision = "day";
      out.anchor = "none";
      return true;
    }
    // "Monday of next week", "Sunday from last week": move the reference first.
    Ymd r = *ref;
    std::optional<int> wby = by;
    if (unit == "week" && by) {
      r = add_days(r, 7 * *by - (weekday(r) - 1));  // Monday of that week
      r = add_days(r, wd - 1);
      out.value = format_ymd(r);
    } else {
      out.value = format_ymd(weekday_near(r, wd, wby, ctx.tense()));
    }
    out.precision = "day";
    out.anchor = anchor;
    return true;
  }

  if (!year && by && (month || season) && ref && ref->month) {
    // "last October", "next March", "this summer"; "the March after next" (+2) is a year on
    // from the next one, "the March before last" (-2) a year before the last one.
    int m = season ? season_start(season) : month;
    year = ref->year + (*by < 0   ? (m >= ref->month ? -1 : 0) + (*by + 1)
                        : *by > 0 ? (m <= ref->month ? 1 : 0) + (*by - 1)
                                  : 0);
    out.anchor = anchor;
  }
  if (!year && (month || quarter || half || season)) {
    if (ref && ref->month) {
      int first = month, last = month;
      if (quarter) first = 3 * quarter - 2, last = 3 * quarter;
      if (half) first = 6 * half - 5, last = 6 * half;
      if (season) first = season_start(season), last = first + 2;
      year = lean_year(*ref, first, last, day, ctx.tense());
      if (season && std::string_view(season) == "WI" && ref->month <= 2 &&
          ctx.tense() != Tense::kFuture)
        year = ref->year - 1;  // the winter of January is the one that began in December
      out.anchor = anchor;
    } else if (ref && quarter == 0 && half == 0 && !season && ctx.tense() == Tense::kUnknown) {
      out.anchor = "none";  // a year-only reference cannot place a month
    } else {
      out.anchor = "none";
    }
  }
  if (!year && !month && !quarter && !half && !season) return false;
  // "the first week of October 2014", "the second last week of 2018" (week_nth), "the last day
  // of October", "the fifth last day of May" (day_from_end): counted from the period's start or
  // end.
  const bool week_nth = rule.attr("week_nth") == "true";
  if ((week_nth || rule.attr("day_from_end") == "true") && !day && !quarter && !half && !season) {
    if (!year) {  // no reference to place the month in: anchor none from the lean above
      out.value = week_nth ? "XXXX-WXX" : fmt::format("XXXX-{:02d}-XX", month);
      out.precision = week_nth ? "week" : "day";
      return true;
    }
    std::string nth_text = squeeze(g("nth"));
    const bool from_end = !week_nth || nth_text == "last";
    int n = from_end ? (g("nthlast").empty() ? 1 : ordinal_from_word(g("nthlast")))
                     : ordinal_from_word(nth_text);
    if (n < 1 || n > 5) return false;
    Ymd first{year, month ? month : 1, 1};
    Ymd last = add_days(month ? Ymd{month == 12 ? year + 1 : year, month % 12 + 1, 1}
                              : Ymd{year + 1, 1, 1}, -1);
    // A week belongs to the period that holds most of it (as ISO weeks do to years): counted
    // from the period's fourth day, or its fourth day from the end.
    if (week_nth) first = add_days(first, 3), last = add_days(last, -3);
    Ymd d = from_end ? add_days(last, -(week_nth ? 7 : 1) * (n - 1))
                     : add_days(first, 7 * (n - 1));
    if (d.year != year || (month && d.month != month)) return false;
    if (week_nth) {
      auto [wy, wn] = iso_week(d);
      out.value = fmt::format("{:04d}-W{:02d}", wy, wn);
      out.precision = "week";
    } else {
      out.value = format_ymd(d);
      out.precision = "day";
    }
    return true;
  }
  // year_pair: "2010-11" read as a year and a month is the span of two years (a season, a
  // fiscal year) as often: its first year, so that the month never comes from the second.
  if (rule.attr("year_pair") == "year" && year && month == year % 100 + 1 && !day) {
    out.value = year_str(year);
    out.precision = "year";
    return true;
  }
  if (day && year && !is_valid(year, month, day)) return false;
  if (day && !year && !is_valid(2000, month, day)) return false;
  std::string y = year ? year_str(year) : "XXXX";
  // "2014 BC", "44 B.C.": TIMEX3 writes the year after BC.
  if (auto era = g("era"); !era.empty() && (era[0] == 'B' || era[0] == 'b') && year) y = "BC" + y;
  if (rule.attr("fiscal") == "true") {
    out.value = (year ? "FY" : "FYXXXX") + (year ? y : "");
    out.precision = "year";
  } else if (quarter) {
    out.value = fmt::format("{}-Q{}", y, quarter);
    out.precision = "quarter";
  } else if (half) {
    out.value = fmt::format("{}-H{}", y, half);
    out.precision = "half";
  } else if (season) {
    out.value = fmt::format("{}-{}", y, season);
    out.precision = "season";
  } else if (day) {
    out.value = fmt::format("{}-{:02d}-{:02d}", y, month, day);
    out.precision = "day";
  } else if (month) {
    out.value = fmt::format("{}-{:02d}", y, month);
    out.precision = "month";
  } else {
    out.value = y;
    out.precision = "year";
  }
  if (auto w = g("week"); !w.empty()) {
    int wn = to_int(w);
    if (!year || wn < 1 || wn > 53) return false;
    out.value = fmt::format("{}-W{:02d}", y, wn);
    out.precision = "week";
  }
  if (auto sfx = rule.attr("suffix"); !sfx.empty() && day && year) out.value += std::string(sfx);
  // "the week of October 6th": the ISO week holding the day.
  if (rule.attr("week_of") == "true" && day && year) {
    auto [wy, wn] = iso_week(Ymd{year, month, day});
    out.value = fmt::format("{:04d}-W{:02d}", wy, wn);
    out.precision = "week";
  }
  return true;
}

namespace {

bool normalise_weekend(const Groups& g, const DateContext& ctx, DateMention& out) {
  out.precision = "week";
  if (!ctx.dct || !ctx.dct->day) {
    out.value = "XXXX-WXX-WE";
    out.anchor = "none";
    return true;
  }
  const Ymd& ref = *ctx.dct;
  const bool in_weekend = weekday(ref) >= 6;
  std::optional<int> by;
  if (auto sh = g("shift"); !sh.empty()) by = shift_from_word(sh);
  int weeks = 0;
  if (by == -1) weeks = -1;
  else if (by == 1) weeks = 1;
  else if (ctx.tense() != Tense::kFuture && !in_weekend) weeks = -1;  // the one just past
  auto [wy, wn] = iso_week(add_days(ref, 7 * weeks));
  out.value = fmt::format("{:04d}-W{:02d}-WE", wy, wn);
  out.anchor = "dct";
  return true;
}

bool normalise_holiday(std::string_view spec, const Groups& g, const DateContext& ctx,
                       DateMention& out) {
  out.precision = "day";
  std::optional<Ymd> day;
  if (auto ys = g("year"); !ys.empty()) {
    day = holiday_in(spec, to_int(ys));
    out.anchor = "absolute";
  } else if (auto yrel = g("yrel"); !yrel.empty() && ctx.dct) {  // "of next year"
    auto by = year_shift_of(yrel);
    if (!by) return false;
    day = holiday_in(spec, ctx.dct->year + *by);
    out.anchor = "dct";
  } else if (ctx.dct && ctx.dct->day) {
    const Ymd& ref = *ctx.dct;
    std::optional<int> by;
    if (auto sh = g("shift"); !sh.empty()) by = shift_from_word(sh);
    day = holiday_in(spec, ref.year);
    if (!day) return false;
    int y = ref.year;
    if (by == -1) y -= before(*day, ref) ? 0 : 1;
    else if (by == 1) y += before(ref, *day) ? 0 : 1;
    else if (!by && ctx.tense() == Tense::kFuture) y += before(*day, ref) ? 1 : 0;
    else if (!by) y -= before(ref, *day) ? 1 : 0;
    day = holiday_in(spec, y);
    out.anchor = "dct";
  } else {
    if (!holiday_in(spec, 2000)) return false;
    out.value = is_fixed_holiday(spec) ? "XXXX-" + std::string(spec.substr(0, 5)) : "XXXX-XX-XX";
    out.anchor = "none";
    return true;
  }
  if (!day) return false;
  Ymd d = *day;
  const std::string dir = squeeze(g("dir"));
  const int sign = dir == "before" ? -1 : 1;
  if (auto wd_text = g("weekday"); !wd_text.empty()) {  // "the third Tuesday after Christmas"
    int wd = weekday_from_name(wd_text);
    int nth = g("nth").empty() ? 1 : ordinal_from_word(g("nth"));
    if (!wd || nth < 1) return false;
    d = weekday_near(d, wd, sign * nth, Tense::kUnknown);
  } else if (auto unit_text = g("unit"); !unit_text.empty()) {  // "three days after Easter"
    int count = g("num").empty() ? 1 : number_from_word(g("num"));
    if (count <= 0) return false;
    std::string unit = unit_of(unit_text);
    if (unit == "day" || unit == "week") {
      d = add_days(d, sign * count * (unit == "week" ? 7 : 1));
    } else if (unit == "month" || unit == "year") {
      Ymd m = month_shift(d, sign * count * (unit == "year" ? 12 : 1));
      Ymd next = month_shift(m, 1);
      next.day = 1;
      d = Ymd{m.year, m.month, std::min(d.day, add_days(next, -1).day)};  // 29 Feb -> 28 Feb
    } else {
      return false;
    }
  }
  out.value = format_ymd(d);
  return true;
}

}  // namespace

}  // namespace dossier::extract::dates
