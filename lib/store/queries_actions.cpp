// dossier actions: regulator actions, with names joined.

#include <fmt/format.h>

#include <algorithm>

#include "lib/error.hpp"
#include "lib/store/queries.hpp"
#include "lib/store/query_date_order.hpp"
#include "lib/store/query_names.hpp"

namespace dossier::store {
namespace {

// Throws Fatal when `action` is not a kind the database knows, listing the kinds.
void check_action_kind(SQLite::Database& db, const std::string& action) {
  SQLite::Statement q(db, "SELECT name FROM action_kinds ORDER BY name");
  std::vector<std::string> kinds;
  while (q.executeStep()) kinds.push_back(q.getColumn(0).getString());
  if (std::find(kinds.begin(), kinds.end(), action) == kinds.end()) {
    throw Fatal(
        fmt::format("--action {}: not an action kind; one of: {}", action, fmt::join(kinds, ", ")));
  }
}

}  // namespace

std::vector<ActionRow> actions(SQLite::Database& db, const ActionFilter& f) {
  std::string sql =
      "SELECT r.id, r.date, reg.name, r.action, coalesce(tgt.name, r.target_text, ''), r.negated, "
      "r.amount, r.currency, r.text, d.path, r.line " +
      std::string(kActionsWithNames) + " WHERE 1";
  if (f.boilerplate == Boilerplate::kExclude) sql += " AND NOT r.boilerplate";
  if (!f.regulator.empty())
    sql += " AND r.regulator_id IN " +
           id_list(resolve_names(db, "organisation", {f.regulator}, "regulator"));
  if (!f.action.empty()) {
    check_action_kind(db, f.action);
    sql += " AND r.action = ?";
  }
  sql += " ORDER BY r.document_id, r.start";
  SQLite::Statement q(db, sql);
  if (!f.action.empty()) q.bind(1, f.action);
  std::vector<ActionRow> rows;
  while (q.executeStep()) {
    ActionRow r;
    r.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) r.date = q.getColumn(1).getString();
    r.regulator = q.getColumn(2).getString();
    r.action = q.getColumn(3).getString();
    r.target = q.getColumn(4).getString();
    r.negated = q.getColumn(5).getInt() != 0;
    if (!q.getColumn(6).isNull()) r.amount = q.getColumn(6).getInt64();
    if (!q.getColumn(7).isNull()) r.currency = q.getColumn(7).getString();
    r.text = q.getColumn(8).getString();
    r.path = q.getColumn(9).getString();
    r.line = q.getColumn(10).getInt();
    rows.push_back(std::move(r));
  }
  // Dated actions by date (precision respected), undated after them in document order.
  std::stable_sort(rows.begin(), rows.end(), [](const ActionRow& a, const ActionRow& b) {
    if (!a.date || !b.date) return a.date.has_value() && !b.date.has_value();
    return date_order_key(*a.date) < date_order_key(*b.date);
  });
  return rows;
}

}  // namespace dossier::store
