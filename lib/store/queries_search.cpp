// dossier search: FTS5 over documents(title, text) through documents_fts.

#include <fmt/format.h>

#include "lib/error.hpp"
#include "lib/store/queries.hpp"

namespace dossier::store {

std::vector<SearchHit> search(SQLite::Database& db, const std::string& query, int limit) {
  std::vector<SearchHit> hits;
  try {
    // A document replaced since it was indexed keeps its old words in the index until the next
    // run ends (search_stale, schema version 3): they are not its text any more.
    const bool stale = db.tableExists("search_stale");
    SQLite::Statement q(db, fmt::format("SELECT d.id, d.path, coalesce(d.title, ''), "
                                        "snippet(documents_fts, 1, char(1), char(2), '…', 24), "
                                        "f.rank "
                                        "FROM documents_fts f JOIN documents d ON d.id = f.rowid "
                                        "WHERE documents_fts MATCH ?{} ORDER BY f.rank LIMIT ?",
                                        stale ? " AND f.rowid NOT IN "
                                                "(SELECT document_id FROM search_stale)"
                                              : ""));
    q.bind(1, query);
    q.bind(2, limit);
    while (q.executeStep()) {
      SearchHit h;
      h.document_id = q.getColumn(0).getInt64();
      h.path = q.getColumn(1).getString();
      h.title = q.getColumn(2).getString();
      h.snippet = q.getColumn(3).getString();
      h.rank = q.getColumn(4).getDouble();
      hits.push_back(std::move(h));
    }
  } catch (const SQLite::Exception& e) {
    throw Fatal(fmt::format(
        "search: cannot run the query {:?}: {} (FTS5 syntax: words, \"a phrase\", AND, OR, NOT, "
        "prefix*, NEAR(a b))",
        query, e.what()));
  }
  return hits;
}

long long search_pending(SQLite::Database& db) {
  if (!db.tableExists("search_pending")) return 0;
  return db.execAndGet("SELECT count(*) FROM search_pending").getInt64();
}

}  // namespace dossier::store
