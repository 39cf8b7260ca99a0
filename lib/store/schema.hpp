#pragma once
// The database schema (PRODUCT.md, Database). PRAGMA user_version holds kSchemaVersion; a newer
// binary migrates an older database, an older binary refuses a newer one.

namespace dossier::store {

inline constexpr int kSchemaVersion = 1;

// Creates every table, index, trigger and view of version 1.
inline constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE runs (
  id        INTEGER PRIMARY KEY,
  started   TEXT NOT NULL,
  finished  TEXT,
  version   TEXT NOT NULL,
  ruleset   TEXT NOT NULL,
  counts    TEXT,            -- JSON: documents, unchanged, failed, extractions
  status    TEXT NOT NULL    -- running, ok, partial, interrupted, failed
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
CREATE INDEX documents_run_id ON documents(run_id);
CREATE INDEX documents_dct ON documents(dct);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,   -- organisation, threat_actor
  name      TEXT NOT NULL,
  category  TEXT,
  country   TEXT,
  sponsor   TEXT,
  ids       TEXT,            -- JSON object, e.g. {"mitre":"G0016"}
  UNIQUE (kind, name)
);
CREATE INDEX entities_category ON entities(category);
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
CREATE INDEX mentions_document_id ON mentions(document_id);
CREATE INDEX mentions_entity_id ON mentions(entity_id);

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
CREATE INDEX dates_document_id ON dates(document_id);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE regulator_actions (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  regulator_id  INTEGER NOT NULL REFERENCES entities(id),
  action        TEXT NOT NULL,
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
CREATE INDEX regulator_actions_document_id ON regulator_actions(document_id);
CREATE INDEX regulator_actions_regulator_id ON regulator_actions(regulator_id);
CREATE INDEX regulator_actions_target_id ON regulator_actions(target_id);
CREATE INDEX regulator_actions_action ON regulator_actions(action);

CREATE TABLE failures (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES runs(id),
  path    TEXT NOT NULL,
  reason  TEXT NOT NULL
);
CREATE INDEX failures_run_id ON failures(run_id);
)SQL";

}  // namespace dossier::store
