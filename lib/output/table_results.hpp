#pragma once
// How each reading command prints its results: a terminal table (or, for search, a hit per two
// lines) and, with --json, one JSON object per line with stable keys, for jq.

#include <string>
#include <vector>

#include "lib/output/table_terminal.hpp"
#include "lib/store/results.hpp"

namespace dossier::output {

std::string search_text(const std::vector<store::SearchHit>& hits, const Terminal& term);
std::string search_json(const std::vector<store::SearchHit>& hits);

std::string timeline_text(const std::vector<store::TimelineEvent>& events, const Terminal& term);
std::string timeline_json(const std::vector<store::TimelineEvent>& events);

std::string entities_text(const std::vector<store::EntityRow>& rows, const Terminal& term);
std::string entities_json(const std::vector<store::EntityRow>& rows);

std::string actions_text(const std::vector<store::ActionRow>& rows, const Terminal& term);
std::string actions_json(const std::vector<store::ActionRow>& rows);

std::string stats_text(const store::Stats& stats, const Terminal& term);
// One line: {"tables":{...},"runs":[...],"failures":[...]}.
std::string stats_json(const store::Stats& stats);

// A search snippet with its match markers as ANSI bold colour (`color`) or removed.
std::string highlight(const std::string& snippet, bool color);

}  // namespace dossier::output
