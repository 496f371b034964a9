#pragma once
// The schema, one migration per version; Store::migrate runs those above the
// file's PRAGMA user_version. Never edit a released migration: add one.
#include <array>
#include <string_view>

namespace tt {

inline constexpr std::array<std::string_view, 2> kMigrations = {
    // Version 1.
    R"sql(
CREATE TABLE tune (
  id INTEGER PRIMARY KEY,              -- thesession.org tune id
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  key TEXT NOT NULL DEFAULT '',        -- of the first setting
  tunebooks INTEGER NOT NULL DEFAULT 0,
  aliases TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  settings TEXT NOT NULL DEFAULT '[]', -- JSON array of {id,key,abc}
  details_fetched_at INTEGER
);
CREATE TABLE collection (
  tune_id INTEGER PRIMARY KEY REFERENCES tune(id),
  learn_status TEXT NOT NULL DEFAULT 'want_to_learn'
    CHECK (learn_status IN ('want_to_learn', 'learning', 'learned')),
  heard_count INTEGER NOT NULL DEFAULT 0 CHECK (heard_count >= 0),
  learned_at INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT 'manual',
  in_tunebook INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE sync_run (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  tunes_fetched INTEGER NOT NULL DEFAULT 0,
  tunes_created INTEGER NOT NULL DEFAULT 0,
  person_tunes_added INTEGER NOT NULL DEFAULT 0,
  person_tunes_skipped INTEGER NOT NULL DEFAULT 0,
  left_tunebook INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]',
  message TEXT NOT NULL DEFAULT ''
);
)sql",
    // Version 2: the setting a musician chose to see and play (NULL: the first).
    R"sql(
ALTER TABLE collection ADD COLUMN setting_id INTEGER;
)sql",
};

}  // namespace tt
