#pragma once
// A SQLite VFS that wraps the default one and remembers which blocks of each
// main database file were written, so the page can save only those to
// IndexedDB instead of the whole file (ARCHITECTURE.md, "In the browser").
// Everything else (journals, temporary files, reads, locks) passes straight
// through. Single-threaded, as the page and the tests are.
#include <cstdint>
#include <string>
#include <vector>

namespace tt {

// Installs the VFS as the default, once; later calls only check the block size.
// Every database opened afterwards is tracked. `block_size` is in bytes.
void install_dirty_block_vfs(int64_t block_size);

// The blocks of `path` written since the last call (ascending, each once),
// and forgets them. A block is bytes [i * block_size, (i + 1) * block_size).
// `path` is the name the database was opened with.
std::vector<int64_t> take_dirty_blocks(const std::string& path);

}  // namespace tt
