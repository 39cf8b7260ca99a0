#pragma once
// Opens a dossier database: creates it when new, migrates an older schema, refuses a newer one
// or a file that is not a dossier database (Fatal, with a message that says which).
// WAL mode, foreign keys on, a busy timeout so a second writer waits rather than fails.

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

namespace dossier::store {

enum class OpenMode { kReadWrite, kReadOnly };

// Throws Fatal when the database cannot be opened or is not usable.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode);

// The schema version stored in the database (PRAGMA user_version).
int schema_version(SQLite::Database& db);

}  // namespace dossier::store
