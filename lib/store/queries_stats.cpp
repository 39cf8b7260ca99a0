// dossier stats: row counts, the last runs and the failures of the newest.

#include "lib/store/queries.hpp"

namespace dossier::store {

Stats stats(SQLite::Database& db, int last_runs) {
  Stats s;
  for (const char* t : {"documents", "entities", "aliases", "mentions", "dates",
                        "regulator_actions", "runs", "failures"}) {
    s.tables.push_back({t, db.execAndGet(std::string("SELECT count(*) FROM ") + t).getInt64()});
  }
  SQLite::Statement runs(db,
                         "SELECT id, started, coalesce(finished, ''), version, status, "
                         "coalesce(counts, '') FROM runs ORDER BY id DESC LIMIT ?");
  runs.bind(1, last_runs);
  while (runs.executeStep()) {
    s.runs.push_back({runs.getColumn(0).getInt64(), runs.getColumn(1).getString(),
                      runs.getColumn(2).getString(), runs.getColumn(3).getString(),
                      runs.getColumn(4).getString(), runs.getColumn(5).getString()});
  }
  if (!s.runs.empty()) {
    SQLite::Statement f(db, "SELECT path, reason FROM failures WHERE run_id = ? ORDER BY id");
    f.bind(1, s.runs.front().id);
    while (f.executeStep())
      s.failures.push_back({f.getColumn(0).getString(), f.getColumn(1).getString()});
  }
  return s;
}

}  // namespace dossier::store
