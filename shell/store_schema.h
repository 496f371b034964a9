#pragma once
// The schema, one migration per version; Store::migrate runs those above the
// file's PRAGMA user_version. Never edit a released migration: add one.
#include <array>
#include <string_view>

namespace tt {

// The migration that creates the change log (Store::migrate adds the baseline).
inline constexpr int kChangeLogVersion = 5;

inline constexpr std::array<std::string_view, 5> kMigrations = {
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
    // Version 3: practice. Each tune's FSRS card (core/fsrs.h's CardMemory;
    // times in epoch ms), every rating with the card before and after it, and
    // the day's frozen queue. Nothing existing changes.
    R"sql(
CREATE TABLE practice_card (
  tune_id INTEGER PRIMARY KEY,         -- a collected tune; removed with it
  state TEXT NOT NULL CHECK (state IN ('new', 'learning', 'review', 'relearning')),
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  reps INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  learning_step INTEGER NOT NULL,
  due INTEGER NOT NULL,
  last_review INTEGER,
  scheduled_days INTEGER NOT NULL,
  elapsed_days INTEGER NOT NULL
);
CREATE TABLE practice_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tune_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
  before TEXT NOT NULL,                -- JSON: the card as practice_card holds it
  after TEXT NOT NULL,
  -- 'rated' here (undo takes it back) or 'imported' from an export (history,
  -- never undone).
  origin TEXT NOT NULL DEFAULT 'rated' CHECK (origin IN ('rated', 'imported')),
  -- 1 once the tune left the collection: kept for history, never restored
  -- into a card (a re-added tune starts fresh).
  tune_removed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practice_log_at ON practice_log (at);
CREATE INDEX practice_log_tune ON practice_log (tune_id);
CREATE TABLE practice_queue (
  day TEXT NOT NULL,                   -- the musician's day, YYYY-MM-DD
  position INTEGER NOT NULL,
  tune_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('due', 'lapsed', 'new')),
  due INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, position)
);
)sql",
    // Version 4: sets (core/tune_set.h). A set is a name, notes and its
    // entries in playing order; one brought in from thesession.org keeps that
    // set's id, so the next sync finds it instead of adding it twice. Entries
    // point at the tune table, not the collection: removing a tune from the
    // collection keeps it in its sets (shown as not collected), so a set never
    // silently loses a tune. A set can be in a day's practice as one item,
    // and the ratings it gave each tune remember it (Undo takes them back
    // together). Sync runs say what they synced.
    R"sql(
CREATE TABLE tune_set (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  thesession_id INTEGER UNIQUE,        -- NULL for a set made here
  thesession_url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE set_entry (
  set_id INTEGER NOT NULL REFERENCES tune_set(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,           -- 0, 1, 2... in playing order
  tune_id INTEGER NOT NULL REFERENCES tune(id),
  setting_id INTEGER,                  -- NULL: the tune's chosen (or first) setting
  key TEXT NOT NULL DEFAULT '',        -- the setting's key; '' falls back to the tune's
  PRIMARY KEY (set_id, position)
);
CREATE INDEX set_entry_tune ON set_entry (tune_id);
CREATE TABLE practice_set_queue (
  day TEXT NOT NULL,                   -- the musician's day, YYYY-MM-DD
  set_id INTEGER NOT NULL REFERENCES tune_set(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  rated_at INTEGER,                    -- when it was rated that day; NULL until then
  PRIMARY KEY (day, set_id)
);
ALTER TABLE practice_log ADD COLUMN set_id INTEGER;  -- the set whose one rating this was
ALTER TABLE sync_run ADD COLUMN kind TEXT NOT NULL DEFAULT 'tunebook' CHECK (kind IN ('tunebook', 'sets'));
ALTER TABLE sync_run ADD COLUMN sets_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_run ADD COLUMN sets_already_there INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_run ADD COLUMN set_entries_skipped INTEGER NOT NULL DEFAULT 0;
)sql",
    // Version 5: the change log (core/change_record.h, shell/change_log.h).
    // Each action appends one record of what it changed; a database made
    // before gets one "baseline" record of everything it holds (written by
    // Store::migrate in this migration's transaction). The device id is this
    // database's own and is never replayed.
    R"sql(
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  hlc TEXT NOT NULL,                   -- core/hybrid_clock.h's stamp text
  device TEXT NOT NULL,                -- the id of the device that made the change
  action TEXT NOT NULL,                -- what the musician did: set_status, rate, apply_sync, ...
  changes TEXT NOT NULL                -- JSON: the things changed, as they became
);
CREATE TABLE device (
  id TEXT NOT NULL                     -- 32 hex digits, made at random on first start
);
)sql",
};

}  // namespace tt
