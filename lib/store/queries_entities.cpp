// dossier entities: entities with mention and document counts.

#include <fmt/format.h>

#include "lib/error.hpp"
#include "lib/store/queries.hpp"

namespace dossier::store {

std::vector<EntityRow> entities(SQLite::Database& db, const std::string& kind,
                                Boilerplate boilerplate) {
  std::string sql =
      "SELECT e.id, e.kind, e.name, coalesce(e.category, ''), coalesce(e.country, ''), "
      "count(m.id), count(DISTINCT m.document_id) "
      "FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE (? = '' OR e.kind = ?)";
  if (boilerplate == Boilerplate::kExclude) sql += " AND NOT m.boilerplate";
  sql += " GROUP BY e.id ORDER BY count(m.id) DESC, e.kind, e.name";
  SQLite::Statement q(db, sql);
  q.bind(1, kind);
  q.bind(2, kind);
  std::vector<EntityRow> rows;
  while (q.executeStep()) {
    EntityRow r;
    r.id = q.getColumn(0).getInt64();
    r.kind = q.getColumn(1).getString();
    r.name = q.getColumn(2).getString();
    r.category = q.getColumn(3).getString();
    r.country = q.getColumn(4).getString();
    r.mentions = q.getColumn(5).getInt64();
    r.documents = q.getColumn(6).getInt64();
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace dossier::store
