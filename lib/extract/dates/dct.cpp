#include "lib/extract/dates/dct.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <filesystem>

#include "lib/extract/dates/calendar.hpp"
#include "lib/text/ascii.hpp"
#include "lib/text/header_label.hpp"

namespace dossier::extract::dates {
namespace {

std::optional<std::string> ymd_string(int y, int m, int d) {
  if (y < 1900 || y > 2100 || !is_valid(y, m, d)) return std::nullopt;
  return format_ymd({y, m, d});
}

// Whether `line` starts as a dateline must: spaces and tabs, a capital, 1-40 of [A-Za-z .'-],
// a comma, spaces or tabs, then a digit or a capital. Cheaper than the dateline pattern's DFA
// pass over the head, which most documents fail.
bool may_start_dateline(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos || !text::is_upper(line[i])) return false;
  auto in_place = [](char c) {
    return text::is_alpha(c) || c == ' ' || c == '.' || c == '\'' || c == '-';
  };
  std::size_t j = i + 1;
  while (j < line.size() && j - i <= 41 && in_place(line[j])) ++j;
  if (j == i + 1 || j - i > 41 || j >= line.size() || line[j] != ',') return false;
  std::size_t k = line.find_first_not_of(" \t", j + 1);
  return k > j + 1 && k != std::string_view::npos &&
         (text::is_upper(line[k]) || text::is_digit(line[k]));
}

bool may_have_dateline(std::string_view head) {
  for (std::size_t pos = 0; pos < head.size();) {
    std::size_t eol = head.find('\n', pos);
    if (may_start_dateline(head.substr(pos, eol == head.npos ? head.npos : eol - pos))) return true;
    if (eol == head.npos) break;
    pos = eol + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> parse_header_date(std::string_view value) {
  static const RE2 iso(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  static const RE2 dmy(R"((\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))");
  static const RE2 mdy(R"(([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
  static const RE2 slash(R"((\d{1,2})[/.](\d{1,2})[/.](\d{4}))");
  int y = 0, m = 0, d = 0;
  std::string month;
  if (RE2::PartialMatch(value, iso, &y, &m, &d)) return ymd_string(y, m, d);
  if (RE2::PartialMatch(value, dmy, &d, &month, &y)) return ymd_string(y, month_from_name(month), d);
  if (RE2::PartialMatch(value, mdy, &month, &d, &y)) return ymd_string(y, month_from_name(month), d);
  int a = 0, b = 0;
  if (RE2::PartialMatch(value, slash, &a, &b, &y)) {
    // Day first unless that cannot be (a header's 11/21/2024 is American).
    if (a <= 12 && b > 12) return ymd_string(y, a, b);
    return ymd_string(y, b, a);
  }
  return std::nullopt;
}

std::optional<std::string> parse_filename_date(std::string_view path) {
  std::string name = std::filesystem::path(std::string(path)).filename().string();
  static const RE2 dashed(R"((?:^|[^0-9])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?:[^0-9]|$))");
  static const RE2 compact(R"((?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?:[^0-9]|$))");
  int y = 0, m = 0, d = 0;
  if (RE2::PartialMatch(name, dashed, &y, &m, &d) || RE2::PartialMatch(name, compact, &y, &m, &d)) {
    return ymd_string(y, m, d);
  }
  return std::nullopt;
}

void find_dct(text::Document& doc) {
  if (!doc.dct.empty()) return;
  // Header lines within the first 2 KiB: "Date: ...", front matter "date: ...", datelines.
  static const RE2 header(
      R"((?im)^[ \t]*(?:date|published|published on|sent|updated|posted|last updated)[ \t]*:[ \t]*(.+?)[ \t]*\r?$)");
  static const RE2 dateline(
      R"((?m)^[ \t]*[A-Z][A-Za-z .'-]{1,40},[ \t]+(\d{1,2}[ \t]+[A-Z][a-z]+\.?[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})[ \t]*(?:—|–|-|\(|$))");
  std::string_view head = std::string_view(doc.text).substr(0, 2048);
  std::string value;
  // Each label's ending after its last 's' (see text::may_have_label).
  bool header_found = text::may_have_label(head, {"date", "hed", "hed on", "ent", "ted"}) &&
                      RE2::PartialMatch(head, header, &value);
  if (header_found || (may_have_dateline(head) && RE2::PartialMatch(head, dateline, &value))) {
    if (auto d = parse_header_date(value)) {
      doc.dct = *d;
      doc.dct_source = text::DctSource::kHeader;
      return;
    }
  }
  if (auto d = parse_filename_date(doc.path)) {
    doc.dct = *d;
    doc.dct_source = text::DctSource::kFilename;
    return;
  }
  if (!doc.input_date.empty()) {
    if (auto d = parse_iso(doc.input_date)) {
      doc.dct = format_ymd(*d);
      doc.dct_source = text::DctSource::kInput;
      return;
    }
    if (auto d2 = parse_header_date(doc.input_date)) {
      doc.dct = *d2;
      doc.dct_source = text::DctSource::kInput;
      return;
    }
    doc.warnings.push_back(fmt::format("input date '{}' is not a date", doc.input_date));
  }
}

}  // namespace dossier::extract::dates
