#pragma once
// Keeping every collected tune's music for offline (the pub with no
// signal): after a sync or an import the page asks for each tune's details
// (key, settings and their ABC, popularity) in the background and keeps
// them in the store, a couple at a time. What is kept is the store's
// (tune.details_fetched_at), so a pass stopped by a reload goes on where
// it was; this is only the pass in progress (web/update/update_offline_music.cpp).
#include <cstdint>
#include <set>
#include <string>

namespace tt::web {

struct OfflineMusic {
  bool enabled = true;  // the musician's choice on this device (a phone on metered data may say no)
  int kept = 0;   // collected tunes whose music is kept...
  int total = 0;  // ... of all collected tunes
  bool counted = false;             // kept/total follow the store (false: count again)
  // Tunes it asked for, in flight (Model::details_requests, the one path
  // for a tune's details), and those of them only it wants: their answer
  // goes to the store, not into the page's memory.
  std::set<int64_t> asking;
  std::set<int64_t> keep_only;
  int64_t after = 0;                // this pass has asked for every tune up to this id
  bool pass_done = false;           // nothing left to ask for this pass
  std::set<int64_t> not_kept;       // refused this session (gone from thesession.org, unreadable)
  // After a failure that may pass (the proxy unreachable, thesession.org
  // busy): nothing is asked until then, and the wait doubles each time.
  double resume_at_ms = 0;
  int waits = 0;
  uint64_t timer = 0;               // the timer that ends the wait
  std::string paused;               // why nothing is asked now ("offline", "a sync runs", ...), or ""
};

}  // namespace tt::web
