#pragma once
// The database schema (PRODUCT.md, Database). PRAGMA user_version holds kSchemaVersion; a newer
// binary migrates an older database, an older binary refuses a newer one.

namespace dossier::store {

inline constexpr int kSchemaVersion = 4;

// Creates every table, index, trigger and view of the current version (kSchemaVersion).
inline constexpr const char* kSchema = R"SQL(
-- The secondary indexes of documents, mentions, dates and regulator_actions: kLoadIndexes below.
-- runs: and kRunOwner's columns (version 4), which say which process each run is.
CREATE TABLE runs (
  id        INTEGER PRIMARY KEY,
  started   TEXT NOT NULL,
  finished  TEXT,
  version   TEXT NOT NULL,
  ruleset   TEXT NOT NULL,
  counts    TEXT,            -- JSON: documents, unchanged, failed, extractions
  status    TEXT NOT NULL    -- running, ok, partial, interrupted, failed, killed
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE,
  sha256      TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  title       TEXT,
  dct         TEXT,
  dct_source  TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  text        TEXT NOT NULL,
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  ruleset     TEXT NOT NULL,
  mtime_ns    INTEGER,
  warnings    TEXT            -- JSON array
);

-- content="documents" (double quotes): the spelling sqlite-utils and Datasette look for.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content="documents", content_rowid="id");
-- Leaf pages of ~16 KB (default ~4 KB), to fill the 16 KB database pages (Database: page_size):
-- 4x fewer index rows to write; with automerge off while a chunk is indexed (Writer), a 100 MB
-- search index is built with 18% less CPU.
INSERT INTO documents_fts(documents_fts, rank) VALUES ('pgsz', 16000);
-- Its triggers: kSearchPending below.

-- Lookup tables: one row per value a faceted column takes, with a `name` (Datasette labels foreign
-- keys with it) and a description. Seeded with PRODUCT.md's values; a trigger adds any other value
-- a rule produces, so a new category never makes a write fail.
CREATE TABLE entity_kinds (name TEXT PRIMARY KEY, description TEXT);
INSERT INTO entity_kinds VALUES
  ('organisation', 'an organisation: regulator, government body, company, ...'),
  ('threat_actor', 'a hacking group, canonical name with its aliases');
CREATE TABLE categories (name TEXT PRIMARY KEY, description TEXT);
INSERT INTO categories (name) VALUES ('regulator'), ('government'), ('intelligence_agency'),
  ('law_enforcement'), ('legislature'), ('court'), ('company'), ('media'), ('security_vendor'),
  ('political_party'), ('ngo'), ('international'), ('other');
CREATE TABLE action_kinds (name TEXT PRIMARY KEY, description TEXT);
INSERT INTO action_kinds VALUES
  ('fine', 'a monetary penalty'), ('reprimand', 'a formal reprimand'), ('warning', 'a warning'),
  ('order', 'enforcement notice, directive, instruction, injunction, ban'),
  ('investigation', 'an investigation opened or under way'),
  ('no_further_action', 'decided to take no further action'),
  ('breach_report', 'someone reported or notified a breach to the regulator'),
  ('hearing', 'a hearing'), ('report', 'published findings or criticism'),
  ('settlement', 'a settlement'), ('charge', 'a criminal charge'), ('sanction', 'a sanction'),
  ('ruling', 'a court ruling');

CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL REFERENCES entity_kinds(name),   -- organisation, threat_actor
  name      TEXT NOT NULL,
  category  TEXT REFERENCES categories(name),
  country   TEXT,
  sponsor   TEXT,
  ids       TEXT,            -- JSON object, e.g. {"mitre":"G0016"}
  UNIQUE (kind, name)
);
CREATE INDEX entities_kind ON entities(kind);
CREATE INDEX entities_category ON entities(category);
CREATE TRIGGER entities_lookups BEFORE INSERT ON entities BEGIN
  INSERT OR IGNORE INTO entity_kinds (name) VALUES (new.kind);
  INSERT OR IGNORE INTO categories (name) SELECT new.category WHERE new.category IS NOT NULL;
END;
CREATE INDEX entities_country ON entities(country);

CREATE TABLE aliases (
  id         INTEGER PRIMARY KEY,
  entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  source     TEXT NOT NULL,
  UNIQUE (entity_id, alias, source)
);
CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);

CREATE TABLE mentions (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id    INTEGER NOT NULL REFERENCES entities(id),
  text         TEXT NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  boilerplate  INTEGER NOT NULL DEFAULT 0,
  ambiguous    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE dates (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  value        TEXT NOT NULL,
  precision    TEXT NOT NULL,
  mod          TEXT,
  anchor       TEXT NOT NULL,
  rule         TEXT NOT NULL,
  boilerplate  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE regulator_actions (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  regulator_id  INTEGER NOT NULL REFERENCES entities(id),
  action        TEXT NOT NULL REFERENCES action_kinds(name),
  target_id     INTEGER REFERENCES entities(id),
  target_text   TEXT,
  date          TEXT,
  amount        INTEGER,
  currency      TEXT,
  negated       INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  line          INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  boilerplate   INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER regulator_actions_lookups BEFORE INSERT ON regulator_actions BEGIN
  INSERT OR IGNORE INTO action_kinds (name) VALUES (new.action);
END;

CREATE TABLE failures (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES runs(id),
  path    TEXT NOT NULL,
  reason  TEXT NOT NULL
);
CREATE INDEX failures_run_id ON failures(run_id);

-- Views for the common questions, for people who open the database without dossier.
-- Boilerplate (page furniture) is left out of every view.

-- The documents that mention an entity, with how often.
CREATE VIEW entity_documents AS
SELECT e.id AS entity_id, e.kind, e.name AS entity, e.category, m.document_id, d.path, d.title,
       count(*) AS mentions, min(m.line) AS first_line
  FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
 WHERE NOT m.boilerplate
 GROUP BY e.id, m.document_id;

-- Dated events of an entity: a date on the same line as a mention of the entity.
CREATE VIEW entity_timeline AS
SELECT e.id AS entity_id, e.kind, e.name AS entity, dt.value, dt.precision, dt.mod,
       dt.text AS date_text, m.text AS mention_text, m.document_id, d.path, m.line,
       dt.start AS date_start, m.start AS mention_start
  FROM mentions m
  JOIN dates dt ON dt.document_id = m.document_id AND dt.line = m.line AND NOT dt.boilerplate
  JOIN entities e ON e.id = m.entity_id
  JOIN documents d ON d.id = m.document_id
 WHERE NOT m.boilerplate;

-- The same for threat actors only (SELECT * FROM actor_timeline WHERE entity = 'Midnight Blizzard'
-- ORDER BY value).
CREATE VIEW actor_timeline AS
SELECT * FROM entity_timeline WHERE kind = 'threat_actor';

-- Regulator actions with the regulator's and the target's names and the document's path.
CREATE VIEW regulator_actions_named AS
SELECT r.id, r.date, reg.name AS regulator, r.action, r.negated,
       coalesce(tgt.name, r.target_text) AS target, r.amount, r.currency, r.text, d.path,
       r.document_id, r.line, r.start, r.end, r.rule, r.regulator_id, r.target_id
  FROM regulator_actions r
  JOIN entities reg ON reg.id = r.regulator_id
  LEFT JOIN entities tgt ON tgt.id = r.target_id
  JOIN documents d ON d.id = r.document_id
 WHERE NOT r.boilerplate;
)SQL";

// The search index is filled in large transactions (2.5x cheaper than a row at a time), every
// ~128 MB of text and at the end of each run: a new or changed document waits in search_pending
// until then. A run that was
// killed leaves its documents there; the next run indexes them. Part of the schema since
// version 2 (run after kSchema); version 3 replaces its delete and update triggers (kSearchStale).
inline constexpr const char* kSearchPending = R"SQL(
CREATE TABLE search_pending (document_id INTEGER PRIMARY KEY);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO search_pending(document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = old.id);
  DELETE FROM search_pending WHERE document_id = old.id;
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = old.id);
  INSERT OR IGNORE INTO search_pending(document_id) VALUES (new.id);
END;
)SQL";

// Version 3: a replaced or deleted document's old words leave the search index in the same bulk
// statements that add the pending ones (Writer::index_pending), not one by one from a trigger.
// A trigger that writes to FTS5 made every later statement of its transaction flush FTS5's
// pending words to disk as a segment of their own (FTS5's xSavepoint): a re-run that replaced
// 1% of the 1 GB bench corpus wrote 1,170 one-document segments, 1 of its 5.5 s. The old title
// and text wait in search_stale, copied as they were indexed (a document still pending was not);
// index_pending removes them from the index before it adds any new words, in one transaction.
// Run after kSearchPending.
inline constexpr const char* kSearchStale = R"SQL(
CREATE TABLE search_stale (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL,
  title        TEXT,
  text         TEXT NOT NULL
);
DROP TRIGGER documents_ad;
DROP TRIGGER documents_au;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO search_stale(document_id, title, text)
    SELECT old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = old.id);
  DELETE FROM search_pending WHERE document_id = old.id;
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO search_stale(document_id, title, text)
    SELECT old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = old.id);
  INSERT OR IGNORE INTO search_pending(document_id) VALUES (new.id);
END;
)SQL";

// Version 4: which process each run is (run_owner.hpp), so that the next run can mark one
// whose process ended without closing it (kill -9, a crash, the machine went down) as
// "killed" rather than leave it "running" for ever. Older runs have none: they stay as they are.
// Run after kSearchStale.
inline constexpr const char* kRunOwner = R"SQL(
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN process TEXT;  -- boot id, pid namespace, start time (clock ticks)
)SQL";
// kRunOwner undone (for tests of migrations from older versions).
inline constexpr const char* kUndoRunOwner = R"SQL(
ALTER TABLE runs DROP COLUMN host;
ALTER TABLE runs DROP COLUMN pid;
ALTER TABLE runs DROP COLUMN process;
)SQL";

// The secondary indexes of the tables an ingest fills row by row. A first load into an empty
// database drops them and builds them once at its end (Writer::begin_run, Writer::finish_run):
// several times cheaper than keeping 3-5 indexes up to date per row. A run killed before its end
// leaves them missing; every read-write open runs this again (IF NOT EXISTS: no work, and no
// write lock, when they exist). Part of the schema of every version (run after kSchema).
// documents_known answers Writer::known_document (is this file's document unchanged?) without
// reading the document's row, most of a 16 KB page: re-ingesting the 1 GB bench corpus unchanged
// took 1.3 s with the unique index on path, 0.7 s with it (15 MB for 117,043 documents).
inline constexpr const char* kLoadIndexes = R"SQL(
CREATE INDEX IF NOT EXISTS documents_run_id ON documents(run_id);
CREATE INDEX IF NOT EXISTS documents_known ON documents(path, bytes, mtime_ns, sha256, ruleset);
CREATE INDEX IF NOT EXISTS documents_dct ON documents(dct);
CREATE INDEX IF NOT EXISTS mentions_entity_id ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_document_line ON mentions(document_id, line);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);
CREATE INDEX IF NOT EXISTS dates_document_line ON dates(document_id, line);
CREATE INDEX IF NOT EXISTS dates_precision ON dates(precision);
CREATE INDEX IF NOT EXISTS regulator_actions_document_id ON regulator_actions(document_id);
CREATE INDEX IF NOT EXISTS regulator_actions_regulator_id ON regulator_actions(regulator_id);
CREATE INDEX IF NOT EXISTS regulator_actions_target_id ON regulator_actions(target_id);
CREATE INDEX IF NOT EXISTS regulator_actions_action ON regulator_actions(action);
CREATE INDEX IF NOT EXISTS regulator_actions_date ON regulator_actions(date);
)SQL";

// Indexes earlier versions made that another covers: (document_id, line) serves every lookup
// by document_id. Building the two took 1 s at the end of a first load of the 1 GB bench corpus,
// and 29 MB. Every read-write open drops them (IF EXISTS: no work, no write lock, when gone).
inline constexpr const char* kDropCoveredIndexes = R"SQL(
DROP INDEX IF EXISTS mentions_document_id;
DROP INDEX IF EXISTS dates_document_id;
)SQL";

// The tables kLoadIndexes indexes, for dropping those indexes before a first load.
inline constexpr const char* kLoadIndexedTables = "'documents', 'mentions', 'dates', 'regulator_actions'";

// Version 1 indexed each document for search as it was inserted: its triggers go, and
// kSearchPending comes in. A version 1 index is complete, so nothing is pending.
inline constexpr const char* kDropV1SearchTriggers = R"SQL(
DROP TRIGGER documents_ai;
DROP TRIGGER documents_ad;
DROP TRIGGER documents_au;
)SQL";

}  // namespace dossier::store
