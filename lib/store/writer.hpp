#pragma once
// Writes one run into the database from one thread, with prepared statements, in batched
// transactions: a document and all its rows are written between two commits, never split, so a
// killed run leaves whole documents or none.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "lib/extract/extraction.hpp"
#include "lib/rules/rule_set.hpp"
#include "lib/store/run_owner.hpp"
#include "lib/text/document.hpp"

namespace dossier::store {

// What the database knows of a file from an earlier run, to skip unchanged files.
struct KnownDocument {
  std::array<char, 64> sha256{};  // lower-case hex, as stored
  std::uint64_t bytes = 0;
  std::int64_t mtime_ns = 0;
  bool same_rules = false;  // extracted by the rule set this writer writes with

  std::string_view sha256_hex() const { return {sha256.data(), sha256.size()}; }
};

class Writer {
 public:
  // The search index is filled every `index_chunk_bytes` of text written (and at the end): large
  // enough that FTS5 writes few segments, small enough to bound the WAL and FTS5's memory.
  static constexpr std::size_t kIndexChunkBytes = 128u << 20;
  Writer(SQLite::Database& db, std::shared_ptr<const rules::RuleSet> rules,
         std::size_t index_chunk_bytes = kIndexChunkBytes);
  // Unwinding from an exception (a write that failed), rolls the open batch back and closes the
  // run as "failed".
  ~Writer();

  // Inserts the runs row (status "running", with this process as its owner) and commits it;
  // returns the run id. Marks "killed" the runs of this host still "running" whose process has
  // gone (run_owner.hpp). Into an empty database, drops the secondary indexes (kLoadIndexes)
  // that finish_run builds again.
  std::int64_t begin_run();
  // The runs begin_run marked "killed", oldest first, for the user to be told.
  struct KilledRun {
    std::int64_t id = 0;
    std::string started;
  };
  const std::vector<KilledRun>& killed_runs() const { return killed_runs_; }
  // What the database holds of the document at `path`, if any (looked up one by one: a map of
  // every document would grow with the database).
  std::optional<KnownDocument> known_document(const std::string& path);
  // While one lives, known_document() reads in one transaction (the open batch's, or a read
  // transaction of its own): outside one, each lookup took and let go of SQLite's read lock,
  // four system calls, 18% of re-ingesting the 1 GB bench corpus unchanged.
  class Lookups {
   public:
    explicit Lookups(Writer& w);
    ~Lookups();
    Lookups(const Lookups&) = delete;
    Lookups& operator=(const Lookups&) = delete;

   private:
    Writer& w_;
    bool began_ = false;
  };

  // Writes (or replaces, by path) a document and its extractions in the open batch.
  void write_document(const text::Document& doc, const extract::Extractions& x,
                      std::int64_t mtime_ns);
  // Records that a known document's file changed mtime but not content.
  void touch_document(const std::string& path, std::int64_t mtime_ns);
  void write_failure(const std::string& path, const std::string& reason);
  // Commits the open batch when it is big enough (or `force`), and opens the next.
  void maybe_commit(bool force = false);
  // Adds every document waiting in search_pending (this run's and any a killed run left) to the
  // search index, in a few large transactions, after removing the old words of those in
  // search_stale; returns how many. Also called by maybe_commit
  // every ~128 MB of text the run has written, with `whole_chunks_only`: what is left under a
  // chunk then waits.
  std::size_t index_pending(bool whole_chunks_only = false);
  // Commits, indexes for search (unless interrupted), builds the indexes begin_run dropped,
  // and closes the run with its status ("ok", "partial", "interrupted") and counts. Lets go of
  // the rule set first: when the caller has too, its RE2 DFA caches (about 150 MB after a few GB
  // of text) go back to the system before that indexing, where a run's memory peaked. The
  // writer takes no document after it.
  void finish_run(const std::string& status, const nlohmann::json& counts);

 private:
  std::int64_t entity_id(const std::string& kind, const std::string& name,
                         const rules::Entity* known, const std::string& category,
                         const std::string& country, const std::string& sponsor,
                         const std::map<std::string, std::string>& ids);
  // The id of the `kind` entity `name` if this run has written or met it, else 0: most mentions
  // name an entity met before, and need neither the gazetteer nor the database.
  std::int64_t cached_entity_id(const std::string& kind, const std::string& name) const;
  std::int64_t organisation_id(const std::string& name, const std::string& category = "");
  void begin();
  // In begin_run's transaction: the runs of `self`'s host left "running" by a process that has
  // gone become "killed".
  void mark_killed_runs(const RunOwner& self);
  // Removes from the search index the words of the documents in search_stale (replaced or
  // deleted since they were indexed), in the open transaction.
  void remove_stale_words();
  // The search index's setting `key` ('automerge', 'hashsize'), `if_unset` when not set.
  int fts_setting(const char* key, int if_unset);
  void set_fts_setting(const char* key, int value);

  SQLite::Database& db_;
  std::shared_ptr<const rules::RuleSet> rules_;  // until finish_run
  std::int64_t run_id_ = 0;
  std::vector<KilledRun> killed_runs_;  // by begin_run
  bool finished_ = false;  // finish_run closed the run; else an exception that unwinds it fails it
  bool in_tx_ = false;
  std::size_t batch_docs_ = 0;
  std::size_t batch_bytes_ = 0;
  std::size_t unindexed_bytes_ = 0;  // text committed by this run and not yet indexed for search
  bool indexing_ = false;
  bool load_indexes_dropped_ = false;  // by begin_run, for a first load
  std::size_t index_chunk_bytes_;
  // kind -> canonical name -> id
  std::unordered_map<std::string, std::unordered_map<std::string, std::int64_t>> entity_ids_;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

}  // namespace dossier::store
