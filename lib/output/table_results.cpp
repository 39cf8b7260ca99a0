#include "lib/output/table_results.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/output/ndjson.hpp"
#include "lib/output/table.hpp"

namespace dossier::output {
namespace {

constexpr const char* kMatchOn = "\x1b[1;31m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

Color color_of(const Terminal& t) { return t.color ? Color::kOn : Color::kOff; }

std::string dump(const Json& j) { return to_line(j) + '\n'; }

template <typename T, typename F>
std::string lines(const std::vector<T>& rows, F to_json) {
  std::string out;
  for (const auto& r : rows) out += dump(to_json(r));
  return out;
}

std::string action_label(const std::string& action, bool negated) {
  return negated ? "not " + action : action;
}

// Minor units as major with the currency: 1270000000 GBP -> "12700000.00 GBP".
std::string amount_text(const store::ActionRow& r) {
  if (!r.amount) return "";
  long long a = *r.amount;
  return fmt::format("{}{}.{:02} {}", a < 0 ? "-" : "", std::llabs(a) / 100, std::llabs(a) % 100,
                     r.currency.value_or(""));
}

}  // namespace

std::string highlight(const std::string& snippet, bool color) {
  std::string out;
  for (char c : snippet) {
    if (c == store::kMatchOpen) {
      if (color) out += kMatchOn;
    } else if (c == store::kMatchClose) {
      if (color) out += kReset;
    } else {
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

std::string search_text(const std::vector<store::SearchHit>& hits, const Terminal& term) {
  std::string out;
  for (const auto& h : hits) {
    std::string head =
        truncate_to_width(one_line(h.title.empty() ? h.path : h.path + "  " + h.title), term.width);
    out += term.color ? kBold + head + kReset + '\n' : head + '\n';
    out += "  " + highlight(h.snippet, term.color) + '\n';
  }
  return out;
}

std::string search_json(const std::vector<store::SearchHit>& hits) {
  return lines(hits, [](const store::SearchHit& h) {
    return Json{{"document_id", h.document_id},
                {"path", h.path},
                {"title", h.title},
                {"snippet", highlight(h.snippet, false)},
                {"rank", h.rank}};
  });
}

std::string timeline_text(const std::vector<store::TimelineEvent>& events, const Terminal& term) {
  std::vector<Column> cols{{"date"},
                           {"event"},
                           {"who", Align::kLeft, Flex::kFlexible},
                           {"what", Align::kLeft, Flex::kFlexible, Cut::kEnd, 3},
                           {"document", Align::kLeft, Flex::kFlexible, Cut::kStart}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : events) {
    rows.push_back({e.value, e.kind == "mention" ? "mention" : action_label(e.action, e.negated),
                    fmt::format("{}", fmt::join(e.entities, ", ")), e.what,
                    fmt::format("{}:{}", e.path, e.line)});
  }
  return render_table(cols, rows, term.width, color_of(term));
}

std::string timeline_json(const std::vector<store::TimelineEvent>& events) {
  return lines(events, [](const store::TimelineEvent& e) {
    bool action = e.kind == "regulator_action";
    return Json{{"date", e.value},
                {"precision", or_null(e.precision)},
                {"event", e.kind},
                {"action", action ? Json(e.action) : Json(nullptr)},
                {"negated", e.negated},
                {"entities", e.entities},
                {"date_text", or_null(e.date_text)},
                {"text", e.what},
                {"document_id", e.document_id},
                {"path", e.path},
                {"line", e.line}};
  });
}

std::string entities_text(const std::vector<store::EntityRow>& rows, const Terminal& term) {
  std::vector<Column> cols{{"kind"},
                           {"name", Align::kLeft, Flex::kFlexible},
                           {"category"},
                           {"country"},
                           {"mentions", Align::kRight},
                           {"documents", Align::kRight}};
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : rows) {
    cells.push_back({r.kind, r.name, r.category, r.country, std::to_string(r.mentions),
                     std::to_string(r.documents)});
  }
  return render_table(cols, cells, term.width, color_of(term));
}

std::string entities_json(const std::vector<store::EntityRow>& rows) {
  return lines(rows, [](const store::EntityRow& r) {
    return Json{{"id", r.id},
                {"kind", r.kind},
                {"name", r.name},
                {"category", or_null(r.category)},
                {"country", or_null(r.country)},
                {"mentions", r.mentions},
                {"documents", r.documents}};
  });
}

std::string actions_text(const std::vector<store::ActionRow>& rows, const Terminal& term) {
  bool amounts = std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.amount; });
  std::vector<Column> cols{{"date"},
                           {"regulator", Align::kLeft, Flex::kFlexible},
                           {"action"},
                           {"target", Align::kLeft, Flex::kFlexible}};
  if (amounts) cols.push_back({"amount", Align::kRight});
  cols.push_back({"text", Align::kLeft, Flex::kFlexible, Cut::kEnd, 3});
  cols.push_back({"document", Align::kLeft, Flex::kFlexible, Cut::kStart});
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : rows) {
    std::vector<std::string> row{r.date.value_or(""), r.regulator,
                                 action_label(r.action, r.negated), r.target};
    if (amounts) row.push_back(amount_text(r));
    row.push_back(r.text);
    row.push_back(fmt::format("{}:{}", r.path, r.line));
    cells.push_back(std::move(row));
  }
  return render_table(cols, cells, term.width, color_of(term));
}

std::string actions_json(const std::vector<store::ActionRow>& rows) {
  return lines(rows, [](const store::ActionRow& r) {
    return Json{{"id", r.id},
                {"date", or_null(r.date)},
                {"regulator", r.regulator},
                {"action", r.action},
                {"negated", r.negated},
                {"target", or_null(r.target)},
                {"amount", or_null(r.amount)},
                {"currency", or_null(r.currency)},
                {"text", r.text},
                {"path", r.path},
                {"line", r.line}};
  });
}

std::string stats_text(const store::Stats& s, const Terminal& term) {
  std::vector<std::vector<std::string>> tables;
  for (const auto& t : s.tables) tables.push_back({t.table, std::to_string(t.rows)});
  std::string out =
      render_table({{"table"}, {"rows", Align::kRight}}, tables, term.width, color_of(term));
  std::vector<std::vector<std::string>> runs;
  for (const auto& r : s.runs) {
    runs.push_back({std::to_string(r.id), r.started, r.finished, r.status, r.version, r.counts});
  }
  out += "\nLast runs:\n";
  out += render_table({{"run", Align::kRight},
                       {"started"},
                       {"finished"},
                       {"status"},
                       {"version"},
                       {"counts", Align::kLeft, Flex::kFlexible}},
                      runs, term.width, color_of(term));
  if (s.runs.empty()) return out;
  if (s.failures.empty()) {
    out += fmt::format("\nNo failures in run {}.\n", s.runs.front().id);
    return out;
  }
  std::vector<std::vector<std::string>> failures;
  for (const auto& f : s.failures) failures.push_back({f.path, f.reason});
  out += fmt::format("\nFailures of run {}:\n", s.runs.front().id);
  out += render_table({{"path", Align::kLeft, Flex::kFlexible, Cut::kStart},
                       {"reason", Align::kLeft, Flex::kFlexible}},
                      failures, term.width, color_of(term));
  return out;
}

std::string stats_json(const store::Stats& s) {
  Json tables = Json::object();
  for (const auto& t : s.tables) tables[t.table] = t.rows;
  Json runs = Json::array();
  for (const auto& r : s.runs) {
    Json counts = Json::parse(r.counts, nullptr, false);
    runs.push_back(Json{{"id", r.id},
                        {"started", r.started},
                        {"finished", or_null(r.finished)},
                        {"version", r.version},
                        {"status", r.status},
                        {"counts", counts.is_discarded() ? Json(nullptr) : counts}});
  }
  Json failures = Json::array();
  for (const auto& f : s.failures) failures.push_back(Json{{"path", f.path}, {"reason", f.reason}});
  return dump(Json{{"tables", tables}, {"runs", runs}, {"failures", failures}});
}

}  // namespace dossier::output
