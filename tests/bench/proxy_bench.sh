#!/usr/bin/env bash
# Cached responses under concurrent load from a second process (wrk) on
# loopback for 20 s: requests/s, p50/p99 latency, errors, RSS before and after.
# Then the added latency of a cache miss (proxy_latency_bench).
#   proxy_bench.sh PROXY_BIN FAKE_BIN
set -euo pipefail
proxy_bin=${1:?proxy binary}; fake_bin=${2:?fake binary}
here=$(cd "$(dirname "$0")" && pwd)
duration=${BENCH_SECONDS:-20}
command -v wrk >/dev/null || { echo "wrk is not installed (make setup installs it)"; exit 1; }

fake_port=18181; proxy_port=18180
"$fake_bin" --port $fake_port >/dev/null & fake_pid=$!
"$proxy_bin" --port $proxy_port --upstream http://127.0.0.1:$fake_port --rate 0 --access-log off >/dev/null &
proxy_pid=$!
trap 'kill $proxy_pid $fake_pid 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf http://127.0.0.1:$proxy_port/healthz >/dev/null 2>&1 && break; sleep 0.05; done

url=http://127.0.0.1:$proxy_port/api/thesession/tunes/42
curl -sf "$url" -o /dev/null  # fill the cache
[ "$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | awk -F': ' '/^X-Cache/{print $2}')" = hit ] || { echo "cache not warm"; exit 1; }
rss() { awk '/VmRSS/{printf "%.1f", $2/1024}' /proc/$proxy_pid/status; }
rss_before=$(rss)
echo "== proxy: cached responses under load (wrk, 2 threads, 16 connections, ${duration} s, loopback)"
wrk -t2 -c16 -d"${duration}s" --latency "$url" > /tmp/tunetrack-wrk.txt
rss_after=$(rss)
rps=$(awk '/Requests\/sec/{print $2}' /tmp/tunetrack-wrk.txt)
p50=$(awk '$1=="50%"{print $2}' /tmp/tunetrack-wrk.txt)
p99=$(awk '$1=="99%"{print $2}' /tmp/tunetrack-wrk.txt)
errors=$(awk '/Non-2xx|Socket errors/{print}' /tmp/tunetrack-wrk.txt)
echo "requests/s: $rps"
echo "latency p50: $p50  p99: $p99"
echo "errors: ${errors:-none}"
echo "proxy RSS: ${rss_before} MiB before, ${rss_after} MiB after"
echo
"$here/proxy_latency_bench"
