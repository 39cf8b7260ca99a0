#include "lib/store/writer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <vector>

#include "lib/store/schema.hpp"
#include "lib/version.hpp"

namespace dossier::store {
namespace {

constexpr std::size_t kBatchDocuments = 1000;
constexpr std::size_t kBatchBytes = 64u << 20;
// FTS5's 'automerge' and 'hashsize' when the database has not set them.
constexpr int kFtsDefaultAutomerge = 4;
constexpr int kFtsDefaultHashBytes = 1 << 20;
// FTS5 writes a segment each time the words it holds in memory reach 'hashsize'. While a bulk
// chunk is indexed it holds 8 MB, not 1: a 128 MB chunk of the bench corpus indexed in a median
// 2.6 s instead of 3.3 (6 runs each; 16 and 32 MB were no faster than 8).
constexpr int kFtsBulkHashBytes = 8 << 20;
// How long a run waits for another run's write lock before it gives up.
constexpr auto kMaxLockWait = std::chrono::minutes(30);

std::string now_iso() {
  auto now = std::chrono::system_clock::now();
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z",
                     std::chrono::floor<std::chrono::seconds>(now));
}

template <typename T>
void bind_opt(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v) s.bind(i, *v);
  else s.bind(i);
}

void bind_text_or_null(SQLite::Statement& s, int i, const std::string& v) {
  if (v.empty()) s.bind(i);
  else s.bind(i, v);
}

// Binds an optional string that outlives the statement's exec(), without copying it.
void bind_opt_no_copy(SQLite::Statement& s, int i, const std::optional<std::string>& v) {
  if (v) s.bindNoCopy(i, *v);
  else s.bind(i);
}

// Binds where `m` is in its document, its text, start, end and line, as ?i..?i+3 (the same four
// columns of dates, mentions and regulator_actions). `m` outlives the exec(): no copy of its text.
void bind_place(SQLite::Statement& s, int i, const extract::Mention& m) {
  s.bindNoCopy(i, m.text);
  s.bind(i + 1, static_cast<std::int64_t>(m.span.start));
  s.bind(i + 2, static_cast<std::int64_t>(m.span.end));
  s.bind(i + 3, m.line);
}

}  // namespace

struct Writer::Statements {
  explicit Statements(SQLite::Database& db)
      : find_doc(db, "SELECT id FROM documents WHERE path = ?"),
        // insert_doc and update_doc take the same columns as ?2..?12; ?1 is the path for one,
        // the id for the other.
        insert_doc(db,
                   "INSERT INTO documents (path, sha256, bytes, title, dct, dct_source, encoding, "
                   "text, run_id, ruleset, mtime_ns, warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
        update_doc(db,
                   "UPDATE documents SET sha256=?2, bytes=?3, title=?4, dct=?5, dct_source=?6, "
                   "encoding=?7, text=?8, run_id=?9, ruleset=?10, mtime_ns=?11, warnings=?12 "
                   "WHERE id=?1"),
        touch_doc(db, "UPDATE documents SET mtime_ns = ? WHERE path = ?"),
        delete_mentions(db, "DELETE FROM mentions WHERE document_id = ?"),
        delete_dates(db, "DELETE FROM dates WHERE document_id = ?"),
        delete_actions(db, "DELETE FROM regulator_actions WHERE document_id = ?"),
        insert_mention(db,
                       "INSERT INTO mentions (document_id, entity_id, text, start, end, line, "
                       "rule, boilerplate, ambiguous) VALUES (?,?,?,?,?,?,?,?,?)"),
        insert_date(db,
                    "INSERT INTO dates (document_id, text, start, end, line, value, precision, "
                    "mod, anchor, rule, boilerplate) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        insert_action(db,
                      "INSERT INTO regulator_actions (document_id, regulator_id, action, "
                      "target_id, target_text, date, amount, currency, negated, text, start, "
                      "end, line, rule, boilerplate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        insert_entity(db,
                      "INSERT INTO entities (kind, name, category, country, sponsor, ids) "
                      "VALUES (?,?,?,?,?,?) ON CONFLICT(kind, name) DO NOTHING"),
        find_entity(db, "SELECT id FROM entities WHERE kind = ? AND name = ?"),
        insert_alias(db,
                     "INSERT OR IGNORE INTO aliases (entity_id, alias, source) VALUES (?,?,?)"),
        insert_failure(db, "INSERT INTO failures (run_id, path, reason) VALUES (?,?,?)") {}

  // Prepared when first used: from documents_known when it exists (known_document()).
  std::unique_ptr<SQLite::Statement> known_doc;
  SQLite::Statement find_doc, insert_doc, update_doc, touch_doc, delete_mentions,
      delete_dates, delete_actions, insert_mention, insert_date, insert_action, insert_entity,
      find_entity, insert_alias, insert_failure;
};

Writer::Writer(SQLite::Database& db, std::shared_ptr<const rules::RuleSet> rules,
               std::size_t index_chunk_bytes)
    : db_(db),
      rules_(std::move(rules)),
      index_chunk_bytes_(index_chunk_bytes),
      st_(std::make_unique<Statements>(db)) {}

Writer::~Writer() {
  const bool unwinding = std::uncaught_exceptions() > 0;
  if (in_tx_) {
    try {
      // Unwinding from a failed write (disk full): a half-written document must not be committed.
      db_.exec(unwinding ? "ROLLBACK" : "COMMIT");
    } catch (...) {
    }
  }
  if (unwinding && run_id_ != 0 && !finished_) {
    try {  // when even this cannot be written, the next run marks the run "killed"
      SQLite::Statement q(db_, "UPDATE runs SET finished = ?, status = 'failed' WHERE id = ?");
      q.bind(1, now_iso());
      q.bind(2, run_id_);
      q.exec();
    } catch (...) {
    }
  }
}

void Writer::begin() {
  if (in_tx_) return;
  // Another run holding the write lock past the busy timeout is working, not stuck (on a loaded
  // machine one batch can take that long, and it takes the lock again right after each
  // commit): keep waiting for it, up to kMaxLockWait, rather than fail this run.
  auto started = std::chrono::steady_clock::now();
  for (;;) {
    try {
      db_.exec("BEGIN IMMEDIATE");
      break;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY ||
          std::chrono::steady_clock::now() - started > kMaxLockWait)
        throw;
    }
  }
  in_tx_ = true;
  batch_docs_ = batch_bytes_ = 0;
}

std::int64_t Writer::begin_run() {
  SQLite::Transaction t(db_, SQLite::TransactionBehavior::IMMEDIATE);
  // A first load: no index to keep up to date row by row; finish_run builds them once.
  if (!db_.execAndGet("SELECT EXISTS (SELECT 1 FROM documents)").getInt()) {
    SQLite::Statement names(db_, fmt::format("SELECT name FROM sqlite_master WHERE type = 'index' "
                                             "AND sql IS NOT NULL AND tbl_name IN ({})",
                                             kLoadIndexedTables));
    std::vector<std::string> drop;
    while (names.executeStep()) drop.push_back(names.getColumn(0).getString());
    for (const auto& name : drop) db_.exec(fmt::format("DROP INDEX \"{}\"", name));
    load_indexes_dropped_ = true;
    st_->known_doc.reset();  // it may name documents_known
  }
  const RunOwner self = this_process();
  mark_killed_runs(self);
  SQLite::Statement q(db_,
                      "INSERT INTO runs (started, version, ruleset, status, host, pid, process) "
                      "VALUES (?, ?, ?, 'running', ?, ?, ?)");
  q.bind(1, now_iso());
  q.bind(2, kVersion);
  q.bind(3, rules_->version());
  bind_text_or_null(q, 4, self.host);
  q.bind(5, self.pid);
  bind_text_or_null(q, 6, self.process);
  q.exec();
  run_id_ = db_.getLastInsertRowid();
  t.commit();
  return run_id_;
}

void Writer::mark_killed_runs(const RunOwner& self) {
  SQLite::Statement q(db_,
                      "SELECT id, started, pid, process FROM runs "
                      "WHERE status = 'running' AND host = ? ORDER BY id");
  q.bind(1, self.host);
  killed_runs_.clear();
  while (q.executeStep()) {
    RunOwner owner{self.host, q.getColumn(2).getInt64(), q.getColumn(3).getString()};
    if (owner_state(owner, self) == OwnerState::kGone)
      killed_runs_.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  }
  SQLite::Statement mark(db_, "UPDATE runs SET status = 'killed' WHERE id = ?");
  for (const KilledRun& k : killed_runs_) {
    mark.bind(1, k.id);
    mark.exec();
    mark.reset();
  }
}

std::optional<KnownDocument> Writer::known_document(const std::string& path) {
  if (!st_->known_doc) {
    // documents_known holds every column asked for: no page of documents (its text) is read.
    // SQLite's planner takes the unique index on path, which does not.
    const bool covering =
        db_.execAndGet("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' "
                       "AND name = 'documents_known')")
            .getInt();
    st_->known_doc = std::make_unique<SQLite::Statement>(
        db_, fmt::format("SELECT sha256, ruleset = ?, bytes, mtime_ns FROM documents{} "
                         "WHERE path = ?",
                         covering ? " INDEXED BY documents_known" : ""));
  }
  auto& q = *st_->known_doc;
  q.reset();  // a statement left stepped would hold a read transaction (and block checkpoints)
  q.bind(1, rules_->version());
  q.bind(2, path);
  if (!q.executeStep()) return std::nullopt;
  KnownDocument k;
  std::string_view sha(static_cast<const char*>(q.getColumn(0).getBlob()),
                       static_cast<std::size_t>(q.getColumn(0).getBytes()));
  // A digest of another length (never written) leaves zeros: the file is read and hashed.
  if (sha.size() == k.sha256.size()) std::copy(sha.begin(), sha.end(), k.sha256.begin());
  k.same_rules = q.getColumn(1).getInt() == 1;
  k.bytes = static_cast<std::uint64_t>(q.getColumn(2).getInt64());
  k.mtime_ns = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
  q.reset();
  return k;
}

Writer::Lookups::Lookups(Writer& w) : w_(w) {
  if (w_.in_tx_) return;
  w_.db_.exec("BEGIN");  // deferred: a read lock from the first lookup, no write lock
  began_ = true;
}

Writer::Lookups::~Lookups() {
  if (!began_) return;
  try {
    w_.db_.exec("COMMIT");
  } catch (const SQLite::Exception&) {
    try {  // only reads were made: nothing is lost, and the next batch can begin
      w_.db_.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
    }
  }
}

std::int64_t Writer::entity_id(const std::string& kind, const std::string& name,
                               const rules::Entity* known, const std::string& category,
                               const std::string& country, const std::string& sponsor,
                               const std::map<std::string, std::string>& ids) {
  if (std::int64_t id = cached_entity_id(kind, name)) return id;
  auto& ins = st_->insert_entity;
  ins.reset();
  ins.bind(1, kind);
  ins.bind(2, name);
  bind_text_or_null(ins, 3, category);
  bind_text_or_null(ins, 4, country);
  bind_text_or_null(ins, 5, sponsor);
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : ids) j[k] = v;
  ins.bind(6, j.dump());
  ins.exec();
  auto& find = st_->find_entity;
  find.reset();
  find.bind(1, kind);
  find.bind(2, name);
  find.executeStep();
  std::int64_t id = find.getColumn(0).getInt64();
  // A statement left stepped holds a read transaction: every WAL checkpoint then failed, and the
  // WAL grew to the whole database (2.9 GB over the 1 GB bench corpus), copied back at close.
  find.reset();
  auto& al = st_->insert_alias;
  auto add_alias = [&](const std::string& alias, const std::string& source) {
    al.reset();
    al.bind(1, id);
    al.bind(2, alias);
    al.bind(3, source);
    al.exec();
  };
  if (known) {
    for (const rules::Alias& a : known->aliases) add_alias(a.text, a.source);
  } else {
    add_alias(name, "document");
  }
  entity_ids_[kind][name] = id;
  return id;
}

std::int64_t Writer::cached_entity_id(const std::string& kind, const std::string& name) const {
  auto k = entity_ids_.find(kind);
  if (k == entity_ids_.end()) return 0;
  auto it = k->second.find(name);
  return it == k->second.end() ? 0 : it->second;
}

std::int64_t Writer::organisation_id(const std::string& name, const std::string& category) {
  if (std::int64_t id = cached_entity_id("organisation", name)) return id;
  const auto& gaz = rules_->names(rules::Kind::kOrganisations).gazetteer;
  int i = gaz.find(name);
  const rules::Entity* e = i >= 0 ? &gaz.entities()[i] : nullptr;
  return entity_id("organisation", name, e, e ? e->category : category, e ? e->country : "", "",
                   {});
}

void Writer::write_document(const text::Document& doc, const extract::Extractions& x,
                            std::int64_t mtime_ns) {
  begin();
  const std::string& path = doc.path.empty() ? doc.id : doc.path;
  auto& find = st_->find_doc;
  find.reset();
  find.bind(1, path);
  std::int64_t doc_id = 0;
  if (find.executeStep()) doc_id = find.getColumn(0).getInt64();
  find.reset();
  nlohmann::json warnings = doc.warnings;
  std::string warnings_text = warnings.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (doc_id) {
    for (auto* del : {&st_->delete_mentions, &st_->delete_dates, &st_->delete_actions}) {
      del->reset();
      del->bind(1, doc_id);
      del->exec();
    }
  }
  auto& put = doc_id ? st_->update_doc : st_->insert_doc;
  put.reset();
  if (doc_id) put.bind(1, doc_id);
  else put.bind(1, path);
  put.bind(2, doc.sha256);
  put.bind(3, static_cast<std::int64_t>(doc.bytes));
  put.bind(4, doc.title);
  bind_text_or_null(put, 5, doc.dct);
  put.bind(6, std::string(text::to_string(doc.dct_source)));
  put.bind(7, doc.encoding);
  put.bindNoCopy(8, doc.text);  // the text outlives exec(): no copy of each article
  put.bind(9, run_id_);
  put.bind(10, rules_->version());
  put.bind(11, mtime_ns);
  put.bind(12, warnings_text);
  put.exec();
  if (!doc_id) doc_id = db_.getLastInsertRowid();

  auto& dt = st_->insert_date;
  for (const auto& d : x.dates) {
    dt.reset();
    dt.bind(1, doc_id);
    bind_place(dt, 2, d);
    // The extractions outlive each exec(): their strings are bound without a copy.
    dt.bindNoCopy(6, d.value);
    dt.bindNoCopy(7, d.precision);
    bind_opt_no_copy(dt, 8, d.mod);
    dt.bindNoCopy(9, d.anchor);
    dt.bindNoCopy(10, d.rule);
    dt.bind(11, d.boilerplate ? 1 : 0);
    dt.exec();
  }
  auto mention = [&](std::int64_t entity, const extract::Mention& m, bool ambiguous) {
    auto& mi = st_->insert_mention;
    mi.reset();
    mi.bind(1, doc_id);
    mi.bind(2, entity);
    bind_place(mi, 3, m);
    mi.bindNoCopy(7, m.rule);
    mi.bind(8, m.boilerplate ? 1 : 0);
    mi.bind(9, ambiguous ? 1 : 0);
    mi.exec();
  };
  for (const auto& o : x.organisations) {
    std::int64_t id = cached_entity_id("organisation", o.name);
    if (id) {
      mention(id, o, false);
      continue;
    }
    const auto& gaz = rules_->names(rules::Kind::kOrganisations).gazetteer;
    int i = gaz.find(o.name);
    id = entity_id("organisation", o.name, i >= 0 ? &gaz.entities()[i] : nullptr, o.category,
                   o.country, "", {});
    mention(id, o, false);
  }
  for (const auto& t : x.threat_actors) {
    if (std::int64_t id = cached_entity_id("threat_actor", t.name)) {
      mention(id, t, t.ambiguous);
      continue;
    }
    const auto& gaz = rules_->names(rules::Kind::kThreatActors).gazetteer;
    int i = gaz.find(t.name);
    std::int64_t id = entity_id("threat_actor", t.name, i >= 0 ? &gaz.entities()[i] : nullptr, "",
                                t.country, t.sponsor, t.ids);
    mention(id, t, t.ambiguous);
  }
  auto& ra = st_->insert_action;
  for (const auto& a : x.regulator_actions) {
    ra.reset();
    ra.bind(1, doc_id);
    ra.bind(2, organisation_id(a.regulator, "regulator"));
    ra.bind(3, a.action);
    if (!a.target.empty() && rules_->names(rules::Kind::kOrganisations).gazetteer.find(a.target) >= 0)
      ra.bind(4, organisation_id(a.target));
    else
      ra.bind(4);
    bind_text_or_null(ra, 5, a.target);
    bind_opt(ra, 6, a.date);
    bind_opt(ra, 7, a.amount);
    bind_opt(ra, 8, a.currency);
    ra.bind(9, a.negated ? 1 : 0);
    bind_place(ra, 10, a);
    ra.bindNoCopy(14, a.rule);
    ra.bind(15, a.boilerplate ? 1 : 0);
    ra.exec();
  }
  ++batch_docs_;
  batch_bytes_ += doc.text.size();
}

void Writer::touch_document(const std::string& path, std::int64_t mtime_ns) {
  begin();
  auto& t = st_->touch_doc;
  t.reset();
  t.bind(1, mtime_ns);
  t.bind(2, path);
  t.exec();
}

void Writer::write_failure(const std::string& path, const std::string& reason) {
  begin();
  auto& f = st_->insert_failure;
  f.reset();
  f.bind(1, run_id_);
  f.bind(2, path);
  f.bind(3, reason);
  f.exec();
}

void Writer::maybe_commit(bool force) {
  if (!in_tx_) return;
  if (force || batch_docs_ >= kBatchDocuments || batch_bytes_ >= kBatchBytes) {
    db_.exec("COMMIT");
    in_tx_ = false;
    unindexed_bytes_ += batch_bytes_;
    batch_bytes_ = 0;
    // Index for search as the run goes, once a large chunk has built up: the workers keep
    // extracting meanwhile, and the end of the run has only the last chunk to index.
    if (!indexing_ && unindexed_bytes_ >= index_chunk_bytes_) {
      indexing_ = true;
      index_pending(/*whole_chunks_only=*/true);
      indexing_ = false;
    }
  }
}

std::size_t Writer::index_pending(bool whole_chunks_only) {
  maybe_commit(true);
  std::size_t indexed = 0;
  std::int64_t left = 0;  // bytes of the part chunk left pending
  for (;;) {
    begin();
    // The first pending documents, in id order, up to one chunk of text.
    SQLite::Statement pick(db_,
                           "SELECT p.document_id, d.bytes FROM search_pending p "
                           "JOIN documents d ON d.id = p.document_id ORDER BY p.document_id");
    std::int64_t last = 0, bytes = 0;
    std::size_t n = 0;
    while (bytes < static_cast<std::int64_t>(index_chunk_bytes_) && pick.executeStep()) {
      last = pick.getColumn(0).getInt64();
      bytes += pick.getColumn(1).getInt64();
      ++n;
    }
    pick.reset();
    // During the run only whole chunks: a small one costs FTS5 merge work out of all proportion
    // (0.1-0.3 s for a few documents after a 128 MB chunk); it waits for the next.
    if (n == 0 || (whole_chunks_only && bytes < static_cast<std::int64_t>(index_chunk_bytes_))) {
      if (!whole_chunks_only) remove_stale_words();  // documents deleted, none pending
      left = bytes;
      maybe_commit(true);
      break;
    }
    // A bulk chunk: no incremental merging of the segments this transaction writes while it
    // writes them (FTS5 'automerge', restored before the commit); 'crisismerge' still bounds
    // their number: 12 segments for the 100 MB bench corpus (14 with automerge on throughout).
    // Not for a chunk under 1/8 of a full one, 16 MB (a re-run that changed 1% of the 100 MB
    // indexed 4-5x slower with it: 0.07 -> 0.45 s).
    // More words in memory before FTS5 writes a segment ('hashsize', also restored).
    const bool bulk = bytes >= static_cast<std::int64_t>(index_chunk_bytes_ / 8);
    const int automerge = bulk ? fts_setting("automerge", kFtsDefaultAutomerge) : 0;
    const int hashsize = bulk ? fts_setting("hashsize", kFtsDefaultHashBytes) : 0;
    if (bulk) {
      set_fts_setting("automerge", 0);
      set_fts_setting("hashsize", std::max(hashsize, kFtsBulkHashBytes));
    }
    remove_stale_words();  // before the new words of the same documents
    SQLite::Statement add(db_,
                          "INSERT INTO documents_fts (rowid, title, text) "
                          "SELECT d.id, d.title, d.text FROM search_pending p "
                          "JOIN documents d ON d.id = p.document_id WHERE p.document_id <= ?");
    add.bind(1, last);
    add.exec();
    if (bulk) {
      set_fts_setting("automerge", automerge);
      set_fts_setting("hashsize", hashsize);
    }
    SQLite::Statement done(db_, "DELETE FROM search_pending WHERE document_id <= ?");
    done.bind(1, last);
    done.exec();
    maybe_commit(true);
    indexed += n;
  }
  unindexed_bytes_ = static_cast<std::size_t>(left);
  return indexed;
}

void Writer::remove_stale_words() {
  db_.exec("INSERT INTO documents_fts(documents_fts, rowid, title, text) "
           "SELECT 'delete', document_id, title, text FROM search_stale ORDER BY id");
  db_.exec("DELETE FROM search_stale");
}

int Writer::fts_setting(const char* key, int if_unset) {
  SQLite::Statement q(db_, "SELECT v FROM documents_fts_config WHERE k = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getInt() : if_unset;
}

void Writer::set_fts_setting(const char* key, int value) {
  SQLite::Statement q(db_, "INSERT INTO documents_fts(documents_fts, rank) VALUES (?, ?)");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

void Writer::finish_run(const std::string& status, const nlohmann::json& counts) {
  rules_.reset();
  malloc_trim(0);  // what the rule set freed, in every thread's arena
  maybe_commit(true);
  // An interrupted run stops promptly; the next run indexes what it left.
  if (status != "interrupted") index_pending();
  // Even an interrupted first load: its rows are there to be read.
  if (load_indexes_dropped_) {
    begin();
    db_.exec(kLoadIndexes);
    maybe_commit(true);
    load_indexes_dropped_ = false;
  }
  SQLite::Statement q(db_, "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ?");
  q.bind(1, now_iso());
  q.bind(2, status);
  q.bind(3, counts.dump());
  q.bind(4, run_id_);
  q.exec();
  finished_ = true;
}

}  // namespace dossier::store
