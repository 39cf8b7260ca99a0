#pragma once
// The reading commands' questions (search, timeline, entities, actions, stats) asked of an open
// dossier database. Each returns the plain structs of results.hpp in the order the command prints
// them; printing is lib/output/table_results. Every function reads only; a bad search query or a
// name that resolves to nothing throws Fatal with a message for the user.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/store/results.hpp"

namespace dossier::store {

// Whether extractions flagged as page furniture are counted.
enum class Boilerplate { kExclude, kInclude };

// ---- search ----------------------------------------------------------------------------------

// Full-text search with FTS5 syntax, best first. Throws Fatal on a query FTS5 cannot parse.
std::vector<SearchHit> search(SQLite::Database& db, const std::string& query, int limit);
// Documents not in the search index yet (a run that was interrupted or killed left them; the
// next ingest adds them). 0 for a database from before the index was deferred.
long long search_pending(SQLite::Database& db);

// ---- names -----------------------------------------------------------------------------------

// Entity ids whose canonical name or an alias equals `name`, ignoring case and curly vs straight
// apostrophes; `kind` is "organisation" or "threat_actor". Empty when nothing matches.
std::vector<std::int64_t> resolve_entity(SQLite::Database& db, const std::string& kind,
                                         const std::string& name);

// `name` case-folded, with ’ and ‘ as ', and runs of spaces as one: the key names are
// compared by.
std::string name_key(const std::string& name);

// ---- timeline --------------------------------------------------------------------------------

struct TimelineFilter {
  std::vector<std::string> actors, orgs, regulators;
  Boilerplate boilerplate = Boilerplate::kExclude;
};

// Dated events, oldest first (see date_order.hpp). A mention event is a date on the same line as
// a mention of a selected entity (of any entity when the filter names none); a regulator action
// with a date is an event of its regulator and its target. Names are resolved with
// resolve_entity; a name that resolves to nothing throws Fatal.
std::vector<TimelineEvent> timeline(SQLite::Database& db, const TimelineFilter& filter);

// ---- entities --------------------------------------------------------------------------------

// Entities with at least one counted mention, most mentioned first. `kind` empty means both.
std::vector<EntityRow> entities(SQLite::Database& db, const std::string& kind,
                                Boilerplate boilerplate);

// ---- actions ---------------------------------------------------------------------------------

struct ActionFilter {
  std::string regulator;  // a name or alias; empty: all
  std::string action;     // an action kind; empty: all
  Boilerplate boilerplate = Boilerplate::kExclude;
};

// Regulator actions, dated ones oldest first, then undated in document order. Throws Fatal for
// a regulator that resolves to nothing or an action kind the database does not know.
std::vector<ActionRow> actions(SQLite::Database& db, const ActionFilter& filter);

// ---- stats -----------------------------------------------------------------------------------

Stats stats(SQLite::Database& db, int last_runs = 5);

}  // namespace dossier::store
