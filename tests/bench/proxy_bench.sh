#!/usr/bin/env bash
# tunetrack-proxy under load on loopback, each figure printed, none asserted,
# in the order the script runs them:
#  1. cached responses under concurrent load from a second process (wrk -t2 -c16)
#     for BENCH_SECONDS (20): requests/s, p50/p99, errors, RSS before and after;
#  2. connection abuse (connection_bench): a 64-client burst without
#     keep-alive, 500 idle connections, 200 slowloris connections, each measured
#     as the latency another client sees;
#  3. the peer: cors-anywhere 0.4.4 (npm, installed for the benchmark only into
#     tests/bench/peer) under the same wrk load on the same route, and the ratio;
#  4. the added latency of a cache miss (proxy_latency_bench);
#  5. a burst of 200 clients asking 20 tunebook pages with upstream at 300 ms
#     (proxy_collapse_bench): upstream requests and p50/p99, with collapsed
#     forwarding and with the behaviour before it side by side (its "before"
#     row: --no-collapse, no stale-while-revalidate, no rate cap, but still
#     --max-upstream 4 calls at once).
# OLD_PROXY=path runs 1 and 2 against another proxy build too, in the same run.
#   proxy_bench.sh PROXY_BIN FAKE_BIN
set -euo pipefail
proxy_bin=${1:?proxy binary}; fake_bin=${2:?fake binary}
here=$(cd "$(dirname "$0")" && pwd)
peer_dir=$(cd "$here/../../../../tests/bench/peer" 2>/dev/null && pwd || true)  # from build/native/tests/bench
duration=${BENCH_SECONDS:-20}
fake_port=18181; proxy_port=18180

"$fake_bin" --port $fake_port >/dev/null & fake_pid=$!
proxy_pid=
trap 'kill $proxy_pid $fake_pid 2>/dev/null; wait 2>/dev/null' EXIT

measure() {  # LABEL PROXY_BIN
  echo "==== $1: $2"
  "$2" --port $proxy_port --upstream http://127.0.0.1:$fake_port --rate 0 --access-log off >/dev/null &
  proxy_pid=$!
  for _ in $(seq 100); do curl -sf http://127.0.0.1:$proxy_port/healthz >/dev/null 2>&1 && break; sleep 0.05; done
  local url=http://127.0.0.1:$proxy_port/api/thesession/tunes/42
  curl -sf "$url" -o /dev/null  # fill the cache
  rss() { awk '/VmRSS/{printf "%.1f", $2/1024}' /proc/$proxy_pid/status; }
  if command -v wrk >/dev/null; then
    local rss_before; rss_before=$(rss)
    echo "== cached responses under load (wrk, 2 threads, 16 connections, ${duration} s, loopback)"
    wrk -t2 -c16 -d"${duration}s" --latency "$url" > /tmp/tunetrack-wrk.txt
    echo "requests/s: $(awk '/Requests\/sec/{print $2}' /tmp/tunetrack-wrk.txt)"
    ours_rps=$(awk '/Requests\/sec/{print $2}' /tmp/tunetrack-wrk.txt)
    echo "latency p50: $(awk '$1=="50%"{print $2}' /tmp/tunetrack-wrk.txt)  p99: $(awk '$1=="99%"{print $2}' /tmp/tunetrack-wrk.txt)"
    echo "errors: $(awk '/Non-2xx|Socket errors/{print}' /tmp/tunetrack-wrk.txt | tr '\n' ' ')"
    echo "proxy RSS: ${rss_before} MiB before, $(rss) MiB after"
  else
    echo "(wrk is not installed: no throughput figure)"
  fi
  echo "== connection abuse (connection_bench)"
  "$here/connection_bench" $proxy_port || true
  echo "proxy RSS after: $(rss) MiB; threads: $(ls /proc/$proxy_pid/task | wc -l)"
  kill $proxy_pid; wait $proxy_pid 2>/dev/null || true
  proxy_pid=
  echo
}

[ -n "${OLD_PROXY:-}" ] && measure "old proxy" "$OLD_PROXY"
measure "this proxy" "$proxy_bin"

if [ -n "$peer_dir" ] && command -v wrk >/dev/null && command -v npm >/dev/null; then
  echo "==== peer: cors-anywhere 0.4.4 on the same route, same load"
  [ -d "$peer_dir/node_modules/cors-anywhere" ] || (cd "$peer_dir" && npm ci --no-audit --no-fund --loglevel=error)
  node "$peer_dir/cors_anywhere_server.js" 18190 >/dev/null & proxy_pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:18190/ && break; sleep 0.05; done
  wrk -t2 -c16 -d"${duration}s" --latency -H "Origin: http://127.0.0.1" \
    "http://127.0.0.1:18190/http://127.0.0.1:$fake_port/tunes/42?format=json" > /tmp/tunetrack-wrk-peer.txt
  peer_rps=$(awk '/Requests\/sec/{print $2}' /tmp/tunetrack-wrk-peer.txt)
  echo "requests/s: $peer_rps  (p50 $(awk '$1=="50%"{print $2}' /tmp/tunetrack-wrk-peer.txt), p99 $(awk '$1=="99%"{print $2}' /tmp/tunetrack-wrk-peer.txt))"
  echo "errors: $(awk '/Non-2xx|Socket errors/{print}' /tmp/tunetrack-wrk-peer.txt | tr '\n' ' ')"
  awk -v a="$ours_rps" -v b="$peer_rps" 'BEGIN { if (b > 0) printf "tunetrack-proxy serves %.1fx the requests of cors-anywhere\n", a / b }'
  kill $proxy_pid; wait $proxy_pid 2>/dev/null || true
  proxy_pid=
  echo
fi
"$here/proxy_latency_bench"
"$here/proxy_collapse_bench"
