#include "lib/extract/dates/dates.hpp"

#include <fmt/format.h>

#include <charconv>
#include <tuple>

#include "lib/extract/dates/normalise.hpp"
#include "lib/extract/mention.hpp"
#include "lib/text/ascii.hpp"

namespace dossier::extract::dates {
namespace {

// "2024-05-02", "2024-05", "2024" -> Ymd with what is known; nullopt for anything else.
std::optional<Ymd> partial_ymd(std::string_view v) {
  auto num = [&](std::size_t at, std::size_t len) {
    int x = -1;
    if (at + len > v.size()) return -1;
    auto r = std::from_chars(v.data() + at, v.data() + at + len, x);
    return r.ptr == v.data() + at + len ? x : -1;
  };
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return std::nullopt;
  Ymd d{num(0, 4), 0, 0};
  if (d.year < 0) return std::nullopt;
  if (v.size() >= 7 && (v[4] != '-' || (d.month = num(5, 2)) < 1)) return std::nullopt;
  if (v.size() == 10 && (v[7] != '-' || (d.day = num(8, 2)) < 1)) return std::nullopt;
  return d;
}

// Whether `s` contains `lower` (lower-case ASCII) in any ASCII case.
bool contains_ascii_nocase(std::string_view s, std::string_view lower) {
  for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < lower.size() && text::to_lower(s[i + k]) == lower[k]) ++k;
    if (k == lower.size()) return true;
  }
  return false;
}

// Numeric-date order signals: a written "October 12" or a 13..31 in either place.
Order document_order(const std::vector<rules::Hit>& hits, std::string_view text) {
  int day_first = 0, month_first = 0;
  for (const rules::Hit& h : hits) {
    auto n1 = any_group(h, "n1"), n2 = any_group(h, "n2");
    if (n1 && n2) {
      int a = 0, b = 0;
      std::from_chars(text.data() + n1->start, text.data() + n1->end, a);
      std::from_chars(text.data() + n2->start, text.data() + n2->end, b);
      if (a > 12 && b <= 12) day_first += 3;
      if (b > 12 && a <= 12) month_first += 3;
      continue;
    }
    auto m = any_group(h, "month"), d = any_group(h, "day");
    if (m && d) (m->start < d->start ? month_first : day_first) += 1;
  }
  if (day_first > month_first) return Order::kDayFirst;
  if (month_first > day_first) return Order::kMonthFirst;
  return Order::kUnknown;
}

// The year inferred from the text (see dates.hpp), or nullopt.
std::optional<Ymd> infer_reference(const std::vector<rules::Hit>& hits,
                                   const std::vector<rules::Rule>& rules, std::string_view text) {
  std::optional<Ymd> latest;
  bool last_year = false;
  DateContext none;
  for (const rules::Hit& h : hits) {
    const rules::Rule& rule = rules[h.pattern];
    if (rule.block) continue;
    last_year = last_year || contains_ascii_nocase(text.substr(h.span.start, h.span.size()),
                                                   "last year");
    // (Most hits hold no year: normalising them all here, and again in extract(), cost 1.5 G
    // instructions per GB of the bench corpus, whose documents name no creation date.)
    if (!may_be_absolute(h)) continue;
    DateMention m;
    if (!normalise(rule, h, text, none, m) || m.anchor != "absolute") continue;
    auto d = partial_ymd(m.value);
    if (!d || d->year < 1900 || d->year > 2100) continue;
    if (!latest || std::tie(d->year, d->month, d->day) >
                       std::tie(latest->year, latest->month, latest->day))
      latest = d;
  }
  if (!latest) return std::nullopt;
  if (last_year && latest->month == 0) return Ymd{latest->year + 1, 0, 0};
  return Ymd{latest->year, 0, 0};
}

}  // namespace

std::vector<DateMention> extract(const rules::RuleSet& rules, text::Document& doc,
                                 DocumentScans& scans, std::vector<std::string>& warnings) {
  const rules::KindRules& kr = rules.rules(rules::Kind::kDates);
  std::vector<rules::Hit> hits = scans.take(rules, doc.text, Scan::kDateRules);
  DateContext ctx;
  ctx.dct = parse_iso(doc.dct);
  if (!ctx.dct && doc.dct.empty()) {
    if (auto inferred = infer_reference(hits, kr.rules, doc.text)) {
      ctx.dct = inferred;
      doc.dct = format_ymd(*inferred);
      doc.dct_source = text::DctSource::kInferred;
    }
  }
  ctx.order = document_order(hits, doc.text);
  ctx.warnings = &warnings;
  std::vector<DateMention> out;
  for (const rules::Hit& hit : hits) {
    const rules::Rule& rule = kr.rules[hit.pattern];
    if (rule.block) continue;
    const bool range = any_group(hit, "span2").has_value();
    for (int part = 1; part <= (range ? 2 : 1); ++part) {
      const char* span_group = part == 2 ? "span2" : "span";
      text::Span span = any_group(hit, span_group).value_or(hit.span);
      ctx.set_mention(doc.text, span);
      DateMention m;
      if (!normalise(rule, hit, doc.text, ctx, m, part)) continue;
      fill_mention(m, doc, span, rule.id);
      if (m.anchor != "none") {
        if (auto d = partial_ymd(m.value)) ctx.previous = d;
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace dossier::extract::dates
