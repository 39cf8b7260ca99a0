#pragma once
// What the queries share to turn names into entity ids and ids into names (the functions the
// tests also call, resolve_entity and name_key, are in queries.hpp).

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace dossier::store {

// The ids of all `names` of `kind` (each by resolve_entity), for --actor, --org and --regulator.
// Throws Fatal for a name that resolves to nothing, calling it a `what` ("regulator", ...) and
// pointing at `dossier entities --kind KIND`.
std::set<std::int64_t> resolve_names(SQLite::Database& db, const std::string& kind,
                                     const std::vector<std::string>& names, const char* what);

// "(1,2,3)": ids for an SQL `IN`.
std::string id_list(const std::set<std::int64_t>& ids);

// Regulator actions `r` with the names joined: regulator `reg`, target `tgt` (NULL when the
// target is not an entity) and document `d`. For "SELECT ... " + kActionsWithNames + " WHERE ...".
inline constexpr const char* kActionsWithNames =
    "FROM regulator_actions r JOIN entities reg ON reg.id = r.regulator_id "
    "LEFT JOIN entities tgt ON tgt.id = r.target_id JOIN documents d ON d.id = r.document_id";

}  // namespace dossier::store
