#include "tests/support/database.hpp"

#include <SQLiteCpp/Database.h>

namespace dossier::testing {

long long count(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

std::string text_of(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

}  // namespace dossier::testing
