// How: a "shim" VFS. Its file object is ours followed by the wrapped VFS's
// own (szOsFile is the sum), every method forwards to the wrapped file, and
// xWrite on a main database also notes the blocks it covered.
#include "shell/dirty_block_vfs.h"

#include <sqlite3.h>

#include <map>
#include <set>
#include <stdexcept>

namespace tt {
namespace {

struct TrackedFile {
  sqlite3_file base;            // our methods
  std::set<int64_t>* dirty;     // null for files we do not track
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

sqlite3_vfs* g_wrapped = nullptr;
int64_t g_block_size = 0;
std::map<std::string, std::set<int64_t>> g_dirty_by_path;

TrackedFile* tracked(sqlite3_file* f) { return reinterpret_cast<TrackedFile*>(f); }

int x_close(sqlite3_file* f) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
}
int x_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xRead(real, out, amount, offset);
}
int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  TrackedFile* file = tracked(f);
  const int rc = file->real()->pMethods->xWrite(file->real(), data, amount, offset);
  // Noted even when the write failed: a block that may have changed is saved again.
  if (file->dirty && amount > 0) {
    for (int64_t block = offset / g_block_size; block <= (offset + amount - 1) / g_block_size; ++block) {
      file->dirty->insert(block);
    }
  }
  return rc;
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xTruncate(real, size);  // the saved size comes from the file itself
}
int x_sync(sqlite3_file* f, int flags) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xSync(real, flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xFileSize(real, size);
}
int x_lock(sqlite3_file* f, int level) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xLock(real, level);
}
int x_unlock(sqlite3_file* f, int level) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xUnlock(real, level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xCheckReservedLock(real, out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xFileControl(real, op, arg);
}
int x_sector_size(sqlite3_file* f) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xSectorSize(real);
}
int x_device_characteristics(sqlite3_file* f) {
  sqlite3_file* real = tracked(f)->real();
  return real->pMethods->xDeviceCharacteristics(real);
}

// Version 1 methods only: without xShmMap, SQLite refuses WAL on these files,
// which the page never uses (its journal is an ordinary rollback journal).
const sqlite3_io_methods kMethods = {
    1,        x_close,        x_read,        x_write,          x_truncate,
    x_sync,   x_file_size,    x_lock,        x_unlock,         x_check_reserved_lock,
    x_file_control, x_sector_size, x_device_characteristics,
    nullptr,  nullptr,        nullptr,       nullptr,          nullptr,
    nullptr};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  TrackedFile* file = tracked(f);
  file->base.pMethods = nullptr;
  file->dirty = nullptr;
  const int rc = g_wrapped->xOpen(g_wrapped, name, file->real(), flags, out_flags);
  if (rc != SQLITE_OK) return rc;  // SQLite calls no method of a file that failed to open
  if ((flags & SQLITE_OPEN_MAIN_DB) && name) file->dirty = &g_dirty_by_path[name];
  file->base.pMethods = &kMethods;
  return SQLITE_OK;
}

// Everything but opening belongs to the wrapped VFS.
int x_delete(sqlite3_vfs*, const char* name, int sync_dir) { return g_wrapped->xDelete(g_wrapped, name, sync_dir); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_wrapped->xAccess(g_wrapped, name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return g_wrapped->xFullPathname(g_wrapped, name, size, out);
}
int x_randomness(sqlite3_vfs*, int size, char* out) { return g_wrapped->xRandomness(g_wrapped, size, out); }
int x_sleep(sqlite3_vfs*, int micros) { return g_wrapped->xSleep(g_wrapped, micros); }
int x_current_time(sqlite3_vfs*, double* out) { return g_wrapped->xCurrentTime(g_wrapped, out); }
int x_get_last_error(sqlite3_vfs*, int size, char* out) {
  return g_wrapped->xGetLastError ? g_wrapped->xGetLastError(g_wrapped, size, out) : 0;
}

sqlite3_vfs g_vfs = {};

}  // namespace

void install_dirty_block_vfs(int64_t block_size) {
  if (block_size <= 0) throw std::invalid_argument("install_dirty_block_vfs: block size must be positive");
  if (g_wrapped) {
    if (block_size != g_block_size) throw std::logic_error("install_dirty_block_vfs: installed with another block size");
    return;
  }
  g_wrapped = sqlite3_vfs_find(nullptr);
  if (!g_wrapped) throw std::runtime_error("install_dirty_block_vfs: SQLite has no default VFS");
  g_block_size = block_size;
  g_vfs.iVersion = 1;
  g_vfs.szOsFile = static_cast<int>(sizeof(TrackedFile)) + g_wrapped->szOsFile;
  g_vfs.mxPathname = g_wrapped->mxPathname;
  g_vfs.zName = "tunetrack-dirty-blocks";
  g_vfs.xOpen = x_open;
  g_vfs.xDelete = x_delete;
  g_vfs.xAccess = x_access;
  g_vfs.xFullPathname = x_full_pathname;
  g_vfs.xRandomness = x_randomness;
  g_vfs.xSleep = x_sleep;
  g_vfs.xCurrentTime = x_current_time;
  g_vfs.xGetLastError = x_get_last_error;
  if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK) throw std::runtime_error("install_dirty_block_vfs: register failed");
}

std::vector<int64_t> take_dirty_blocks(const std::string& path) {
  auto it = g_dirty_by_path.find(path);
  if (it == g_dirty_by_path.end()) return {};
  std::vector<int64_t> blocks(it->second.begin(), it->second.end());
  it->second.clear();
  return blocks;
}

}  // namespace tt
