// Name resolution for the reading commands: `--actor APT29` finds Midnight Blizzard.

#include "lib/store/query_names.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>
#include <set>

#include "lib/error.hpp"
#include "lib/store/queries.hpp"

namespace dossier::store {

std::string name_key(const std::string& name) {
  std::string s;
  // Curly apostrophes as straight ones (U+2018, U+2019), before folding.
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 3, "\xE2\x80\x98") == 0 || name.compare(i, 3, "\xE2\x80\x99") == 0) {
      s += '\'';
      i += 2;
    } else {
      s += name[i];
    }
  }
  utf8proc_uint8_t* folded = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &folded,
                        utf8proc_option_t(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n >= 0) {
    s.assign(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n));
  }
  std::free(folded);
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::int64_t> resolve_entity(SQLite::Database& db, const std::string& kind,
                                         const std::string& name) {
  const std::string key = name_key(name);
  std::set<std::int64_t> ids;
  SQLite::Statement q(db,
                      "SELECT e.id, e.name FROM entities e WHERE e.kind = ? "
                      "UNION ALL SELECT a.entity_id, a.alias FROM aliases a "
                      "JOIN entities e ON e.id = a.entity_id WHERE e.kind = ?");
  q.bind(1, kind);
  q.bind(2, kind);
  while (q.executeStep()) {
    if (name_key(q.getColumn(1).getString()) == key) ids.insert(q.getColumn(0).getInt64());
  }
  return {ids.begin(), ids.end()};
}

std::set<std::int64_t> resolve_names(SQLite::Database& db, const std::string& kind,
                                     const std::vector<std::string>& names, const char* what) {
  std::set<std::int64_t> out;
  for (const auto& n : names) {
    auto ids = resolve_entity(db, kind, n);
    if (ids.empty()) {
      throw Fatal(fmt::format("no {} named {:?} in the database (see `dossier entities --kind {}`)",
                              what, n, kind));
    }
    out.insert(ids.begin(), ids.end());
  }
  return out;
}

std::string id_list(const std::set<std::int64_t>& ids) {
  return fmt::format("({})", fmt::join(ids, ","));
}

}  // namespace dossier::store
