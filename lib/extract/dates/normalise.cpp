#include "lib/extract/dates/normalise.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "lib/extract/mention.hpp"

namespace dossier::extract::dates {
namespace {

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int month_of(std::string_view s) {
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    int m = to_int(s);
    return m >= 1 && m <= 12 ? m : 0;
  }
  return month_from_name(s);
}

bool relative(std::string_view rel, const DateContext& ctx, DateMention& out) {
  if (!ctx.dct) {
    out.value = "XXXX";
    out.precision = "year";
    out.anchor = "none";
    return true;
  }
  Ymd d = *ctx.dct;
  out.anchor = "dct";
  auto month_shift = [&](int by) {
    int m = d.year * 12 + (d.month - 1) + by;
    return Ymd{m / 12, m % 12 + 1, 0};
  };
  if (rel == "this-year" || rel == "last-year" || rel == "next-year") {
    int y = d.year + (rel == "last-year" ? -1 : rel == "next-year" ? 1 : 0);
    out.value = fmt::format("{:04d}", y);
    out.precision = "year";
  } else if (rel == "this-month" || rel == "last-month" || rel == "next-month") {
    out.value = format_ymd(month_shift(rel == "last-month" ? -1 : rel == "next-month" ? 1 : 0));
    out.precision = "month";
  } else if (rel == "today" || rel == "yesterday" || rel == "tomorrow") {
    out.value = format_ymd(add_days(d, rel == "yesterday" ? -1 : rel == "tomorrow" ? 1 : 0));
    out.precision = "day";
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> mod_from_word(std::string_view word) {
  std::string w = lower(word);
  if (w == "early" || w == "the start of" || w == "the beginning of" || w == "beginning of")
    return "START";
  if (w == "mid" || w == "mid-" || w == "the middle of" || w == "middle of") return "MID";
  if (w == "late" || w == "the end of" || w == "end of") return "END";
  if (w == "around" || w == "about" || w == "circa" || w == "approximately") return "APPROX";
  if (w == "before") return "BEFORE";
  if (w == "after") return "AFTER";
  return std::nullopt;
}

bool normalise(const rules::Rule& rule, const rules::Hit& hit, std::string_view text,
               const DateContext& ctx, DateMention& out) {
  if (auto m = rule.attr("mod"); !m.empty()) out.mod = std::string(m);
  if (auto w = group_text(hit, text, "mod"); !w.empty()) out.mod = mod_from_word(w);
  if (auto rel = rule.attr("relative"); !rel.empty()) return relative(rel, ctx, out);

  std::string_view ys = group_text(hit, text, "year");
  std::string_view yy = group_text(hit, text, "yy");
  int month = month_of(group_text(hit, text, "month"));
  int day = to_int(group_text(hit, text, "day"));
  if (!group_text(hit, text, "month").empty() && month == 0) return false;
  if (day && !month) return false;

  int year = 0;
  if (!ys.empty()) {
    year = to_int(ys);
    out.anchor = "absolute";
  } else if (!yy.empty()) {
    int y2 = to_int(yy);
    year = y2 + (y2 > 50 ? 1900 : 2000);
    out.anchor = "absolute";
  } else if (month && ctx.dct) {
    // News reports the past: the most recent such month (or day) not after the DCT.
    year = ctx.dct->year;
    if (month > ctx.dct->month || (month == ctx.dct->month && day > ctx.dct->day)) --year;
    out.anchor = "dct";
  } else if (month) {
    out.anchor = "none";
  } else {
    return false;
  }
  if (day && year && !is_valid(year, month, day)) return false;
  if (day && !year && !is_valid(2000, month, day)) return false;
  std::string y = year ? fmt::format("{:04d}", year) : "XXXX";
  if (day) {
    out.value = fmt::format("{}-{:02d}-{:02d}", y, month, day);
    out.precision = "day";
  } else if (month) {
    out.value = fmt::format("{}-{:02d}", y, month);
    out.precision = "month";
  } else {
    out.value = y;
    out.precision = "year";
  }
  return true;
}

}  // namespace dossier::extract::dates
