#pragma once
// The rows the reading commands return (search, timeline, entities, actions, stats): plain
// structs with no SQLite in them, so that lib/output can print them without depending on the
// queries. lib/store/queries.hpp fills them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier::store {

// A document `dossier search` found.
struct SearchHit {
  std::int64_t document_id = 0;
  std::string path;
  std::string title;
  // FTS5 snippet of the text; each match is wrapped in kMatchOpen..kMatchClose.
  std::string snippet;
  double rank = 0;  // bm25: lower is better
};

inline constexpr char kMatchOpen = '\x01';
inline constexpr char kMatchClose = '\x02';

// One line of `dossier timeline`.
struct TimelineEvent {
  std::string value;                  // TIMEX3 date value
  std::string precision;              // year, month, day, ... ("" for an action's date)
  std::string kind;                   // "mention" or "regulator_action"
  std::vector<std::string> entities;  // canonical names involved, in order of appearance
  std::string action;                 // for a regulator action: its kind ("fine", ...)
  bool negated = false;               // "did not fine"
  std::string what;                   // the sentence it happened in
  std::string date_text;              // the words of the date ("" for an action)
  std::int64_t document_id = 0;
  std::string path;
  int line = 0;
};

// One line of `dossier entities`.
struct EntityRow {
  std::int64_t id = 0;
  std::string kind, name, category, country;
  std::int64_t mentions = 0, documents = 0;
};

// One line of `dossier actions`.
struct ActionRow {
  std::int64_t id = 0;
  std::optional<std::string> date;
  std::string regulator, action, target;
  bool negated = false;
  std::optional<std::int64_t> amount;
  std::optional<std::string> currency;
  std::string text, path;
  int line = 0;
};

// What `dossier stats` shows.
struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

struct RunRow {
  std::int64_t id = 0;
  std::string started, finished, version, status, counts;  // counts: JSON text
};

struct FailureRow {
  std::string path, reason;
};

struct Stats {
  std::vector<TableCount> tables;
  std::vector<RunRow> runs;          // the last few, newest first
  std::vector<FailureRow> failures;  // of the newest run
};

}  // namespace dossier::store
