#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements
// with bound parameters, transactions. Every failure throws StoreError with
// SQLite's own message, so callers never check return codes by hand.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tt {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::optional<int64_t> value);
  Statement& bind(int index, double value);  // NaN is stored as NULL by SQLite: callers keep it out
  Statement& bind_null(int index);

  bool step();        // true while a row is available
  void run();         // step to completion, reset for reuse
  void reset();

  // The row's shape, for code that copies whole rows (the change log).
  int column_count() const;
  std::string column_name(int column) const;
  int column_type(int column) const;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL

  int64_t int_at(int column) const;
  double double_at(int column) const;
  std::string text_at(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  explicit Database(const std::string& path);  // creates the file when missing
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  // The write statement for `sql`, prepared once and kept for the
  // connection's life, reset and ready to bind: for writes made row by row
  // (a sync writes thousands of rows; preparing each was most of its time).
  // Use it with run(), which leaves it reset; never for a read that may
  // stop before its last row.
  Statement& prepared(const std::string& sql);
  sqlite3* handle() const { return db_; }
  int64_t changes() const { return sqlite3_changes(db_); }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> prepared_;  // finalized before the close
};

// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// SAVEPOINT on construction; release() keeps the work, and leaving scope
// without it undoes it (ROLLBACK TO, then RELEASE). Unlike a Transaction it
// nests: for code holding only SQLite's handle, which cannot know whether
// its caller has a transaction open.
class Savepoint {
 public:
  Savepoint(sqlite3* db, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();

 private:
  sqlite3* db_;
  std::string name_;
  bool done_ = false;
};

}  // namespace tt
