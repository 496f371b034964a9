#!/usr/bin/env bash
# Installs the system packages tunetrack builds and tests with (Debian 12).
# Idempotent: when everything is present it only checks and returns quickly.
# Uses sudo when not root. On a system without apt-get it names what to install
# and stops.
set -euo pipefail

# fluid-soundfont-gm, fluidsynth and lame make the synth's instrument samples
# (third_party/make-sounds.sh).
packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils dpkg-dev
  libgtest-dev googletest
  nlohmann-json3-dev libcpp-httplib-dev libssl-dev libsqlite3-dev zlib1g-dev libexpat1-dev
  emscripten nodejs
  chromium fonts-dejavu-core fonttools
  wrk curl
  nginx iproute2 openssl clang libclang-rt-14-dev
  rclone libnginx-mod-http-dav-ext  # two real WebDAV servers for the device sync tests
  fluid-soundfont-gm fluidsynth lame
)
# The Dear ImGui sources come from Debian's source package (see TOOLCHAIN.md).
src_list=/etc/apt/sources.list.d/tunetrack-deb-src.sources

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: this system has no apt-get. Install these (or your system's equivalents) and re-run:" >&2
  printf '  %s\n' "${packages[@]}" >&2
  echo "  plus npm, and a deb-src-like way to get the Dear ImGui 1.86 sources" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: not root and no sudo: run as root" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: Debian's node from nodesource ships npm itself; only install Debian's npm when absent.
command -v npm >/dev/null 2>&1 || missing+=(npm)

need_update=0
# The deb-src entry reuses the URIs of the machine's own `deb` entry for Debian
# main (deb822 or one-line format), so it follows whatever mirror or proxy this
# machine is configured with; no address is written in this repository.
debian_uris() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN{RS=""} /Types:[^\n]*deb( |$|\n)/ && /Suites:[^\n]*bookworm( |$|\n)/ && /Components:[^\n]*main/ {
           if (match($0, /URIs:[^\n]*/)) { print substr($0, RSTART+5, RLENGTH-5); exit } }' "$f"
  done
  if [ -f /etc/apt/sources.list ]; then
    awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list
  fi
  return 0
}
if ! grep -rqs '^Types: *deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  uris=$(debian_uris | head -n1 | xargs)
  if [ -z "$uris" ]; then
    echo "setup: no Debian bookworm 'deb' entry found in /etc/apt/sources.list(.d); add a deb-src entry for bookworm main by hand" >&2
    exit 1
  fi
  echo "setup: adding a deb-src entry for bookworm main from the machine's own mirror ($src_list)"
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uris" |
    "${sudo_cmd[@]}" tee "$src_list" >/dev/null
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "setup: apt-get update"
  "${sudo_cmd[@]}" apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: system packages ready"
