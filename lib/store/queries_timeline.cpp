// dossier timeline: dated events of entities across documents.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lib/error.hpp"
#include "lib/store/queries.hpp"
#include "lib/store/query_date_order.hpp"
#include "lib/store/query_names.hpp"

namespace dossier::store {
namespace {

// The document texts events quote from, read once each.
class Texts {
 public:
  explicit Texts(SQLite::Database& db) : q_(db, "SELECT text FROM documents WHERE id = ?") {}
  const std::string& get(std::int64_t id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    q_.reset();
    q_.bind(1, id);
    std::string text = q_.executeStep() ? q_.getColumn(0).getString() : std::string();
    return cache_.emplace(id, std::move(text)).first->second;
  }

 private:
  SQLite::Statement q_;
  std::map<std::int64_t, std::string> cache_;
};

bool sentence_end_at(const std::string& t, std::size_t i) {
  return (t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 1 < t.size() &&
         (t[i + 1] == ' ' || t[i + 1] == '\n');
}

// The sentence (within its line) around bytes [start, end) of `t`.
std::string sentence_around(const std::string& t, std::size_t start, std::size_t end) {
  start = std::min(start, t.size());
  end = std::min(std::max(end, start), t.size());
  std::size_t b = start;
  while (b > 0 && t[b - 1] != '\n' && !(b >= 2 && sentence_end_at(t, b - 2))) --b;
  std::size_t e = end;
  while (e < t.size() && t[e] != '\n' && t[e] != '\r' && !sentence_end_at(t, e)) ++e;
  if (e < t.size() && t[e] != '\n' && t[e] != '\r') ++e;  // keep the full stop
  while (b < e && (t[b] == ' ' || t[b] == '\t')) ++b;
  return t.substr(b, e - b);
}

void add_mention_events(SQLite::Database& db, Texts& texts, const TimelineFilter& f,
                        const std::set<std::int64_t>* entities, std::vector<TimelineEvent>& out) {
  std::string sql =
      "SELECT dt.id, dt.value, dt.precision, dt.text, dt.start, dt.end, dt.document_id, d.path, "
      "dt.line, e.name, m.start, m.end "
      "FROM dates dt JOIN mentions m ON m.document_id = dt.document_id AND m.line = dt.line "
      "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = dt.document_id WHERE 1";
  if (f.boilerplate == Boilerplate::kExclude)
    sql += " AND NOT dt.boilerplate AND NOT m.boilerplate";
  if (entities) sql += " AND m.entity_id IN " + id_list(*entities);
  sql += " ORDER BY dt.document_id, dt.start, m.start";
  SQLite::Statement q(db, sql);
  std::int64_t last_date = -1;
  while (q.executeStep()) {
    std::string name = q.getColumn(9).getString();
    if (q.getColumn(0).getInt64() == last_date) {
      auto& names = out.back().entities;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      continue;
    }
    last_date = q.getColumn(0).getInt64();
    TimelineEvent ev;
    ev.value = q.getColumn(1).getString();
    ev.precision = q.getColumn(2).getString();
    ev.kind = "mention";
    ev.date_text = q.getColumn(3).getString();
    ev.document_id = q.getColumn(6).getInt64();
    ev.path = q.getColumn(7).getString();
    ev.line = q.getColumn(8).getInt();
    ev.entities.push_back(name);
    auto ds = static_cast<std::size_t>(q.getColumn(4).getInt64());
    auto de = static_cast<std::size_t>(q.getColumn(5).getInt64());
    auto ms = static_cast<std::size_t>(q.getColumn(10).getInt64());
    auto me = static_cast<std::size_t>(q.getColumn(11).getInt64());
    ev.what = sentence_around(texts.get(ev.document_id), std::min(ds, ms), std::max(de, me));
    out.push_back(std::move(ev));
  }
}

void add_action_events(SQLite::Database& db, const TimelineFilter& f,
                       const std::set<std::int64_t>* regulators,
                       const std::set<std::int64_t>* targets, std::vector<TimelineEvent>& out) {
  std::string sql =
      "SELECT r.date, r.action, r.negated, reg.name, coalesce(tgt.name, r.target_text), r.text, "
      "r.document_id, d.path, r.line " +
      std::string(kActionsWithNames) + " WHERE r.date IS NOT NULL";
  if (f.boilerplate == Boilerplate::kExclude) sql += " AND NOT r.boilerplate";
  if (regulators || targets) {
    std::string any = "0";
    if (regulators) any += " OR r.regulator_id IN " + id_list(*regulators);
    if (targets) any += " OR r.target_id IN " + id_list(*targets);
    sql += " AND (" + any + ")";
  }
  sql += " ORDER BY r.document_id, r.start";
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    TimelineEvent ev;
    ev.value = q.getColumn(0).getString();
    ev.kind = "regulator_action";
    ev.action = q.getColumn(1).getString();
    ev.negated = q.getColumn(2).getInt() != 0;
    ev.entities.push_back(q.getColumn(3).getString());
    if (!q.getColumn(4).isNull()) ev.entities.push_back(q.getColumn(4).getString());
    ev.what = q.getColumn(5).getString();
    ev.document_id = q.getColumn(6).getInt64();
    ev.path = q.getColumn(7).getString();
    ev.line = q.getColumn(8).getInt();
    out.push_back(std::move(ev));
  }
}

}  // namespace

std::vector<TimelineEvent> timeline(SQLite::Database& db, const TimelineFilter& f) {
  bool filtered = !f.actors.empty() || !f.orgs.empty() || !f.regulators.empty();
  auto actors = resolve_names(db, "threat_actor", f.actors, "threat actor");
  auto orgs = resolve_names(db, "organisation", f.orgs, "organisation");
  auto regulators = resolve_names(db, "organisation", f.regulators, "regulator");

  std::vector<TimelineEvent> events;
  Texts texts(db);
  std::set<std::int64_t> all = actors;
  all.insert(orgs.begin(), orgs.end());
  all.insert(regulators.begin(), regulators.end());
  add_mention_events(db, texts, f, filtered ? &all : nullptr, events);

  std::set<std::int64_t> acting = orgs;
  acting.insert(regulators.begin(), regulators.end());
  if (!filtered) {
    add_action_events(db, f, nullptr, nullptr, events);
  } else if (!acting.empty()) {
    add_action_events(db, f, &acting, orgs.empty() ? nullptr : &orgs, events);
  }

  // A regulator action already tells what its sentence's date mention would.
  std::set<std::tuple<std::int64_t, int, std::string>> acted;
  for (const auto& e : events)
    if (e.kind == "regulator_action") acted.emplace(e.document_id, e.line, e.value);
  std::erase_if(events, [&](const TimelineEvent& e) {
    return e.kind == "mention" && acted.count({e.document_id, e.line, e.value});
  });

  std::vector<std::pair<DateOrderKey, TimelineEvent>> keyed;
  for (auto& e : events) keyed.emplace_back(date_order_key(e.value), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.first < b.first) return true;
    if (b.first < a.first) return false;
    return std::tie(a.second.path, a.second.line) < std::tie(b.second.path, b.second.line);
  });
  events.clear();
  for (auto& [k, e] : keyed) events.push_back(std::move(e));
  return events;
}

}  // namespace dossier::store
