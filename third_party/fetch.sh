#!/usr/bin/env bash
# Fetches the third-party sources the wasm build compiles (Dear ImGui 1.86 and
# Expat 2.5.0 from Debian's source packages, the SQLite amalgamation from the
# better-sqlite3 npm tarball), checks them against third_party/checksums.sha256 and unpacks them
# into the build tree. Nothing here is ever committed. Re-running is a no-op
# once the unpacked trees are there.
#
# usage: third_party/fetch.sh DEST_DIR      (the Makefile passes build/third_party)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: fetch.sh DEST_DIR}
downloads="$dest/downloads"
mkdir -p "$downloads"

imgui_archive="imgui_1.86+ds.orig.tar.xz"
sqlite_archive="better-sqlite3-12.11.1.tgz"
# Expat 2.5.0 with Debian's security patches applied (dpkg-source applies
# them): the page reads a WebDAV server's listings with the same parser as
# the CLI. The upstream tarball is pinned here; Debian's revision (its
# patches) is whatever the mirror has now, which apt checks against the
# archive's signed index, so a security update does not break the build.
expat_archive="expat_2.5.0.orig.tar.gz"

verify() {  # verify FILE: compare with the pinned sum, stop on mismatch
  local file=$1 name expected actual
  name=$(basename "$file")
  expected=$(awk -v n="$name" '$2 == n {print $1}' "$here/checksums.sha256")
  [ -n "$expected" ] || { echo "fetch.sh: no pinned checksum for $name" >&2; exit 1; }
  actual=$(sha256sum "$file" | awk '{print $1}')
  if [ "$actual" != "$expected" ]; then
    echo "fetch.sh: CHECKSUM MISMATCH for $name" >&2
    echo "  expected $expected" >&2
    echo "  got      $actual" >&2
    echo "  The download differs from the pinned version; delete $file to retry, or update third_party/checksums.sha256 deliberately." >&2
    exit 1
  fi
}

if [ ! -f "$dest/imgui-1.86/imgui.cpp" ]; then
  if [ ! -f "$downloads/$imgui_archive" ]; then
    echo "fetch.sh: downloading Dear ImGui 1.86 (Debian source package)"
    (cd "$downloads" && apt-get source --download-only imgui >/dev/null 2>&1) || {
      echo "fetch.sh: 'apt-get source imgui' failed: is the deb-src entry installed? run 'make setup'" >&2; exit 1; }
  fi
  verify "$downloads/$imgui_archive"
  tar -xJf "$downloads/$imgui_archive" -C "$dest"
fi

if [ ! -f "$dest/sqlite/sqlite3.c" ]; then
  if [ ! -f "$downloads/$sqlite_archive" ]; then
    echo "fetch.sh: downloading the SQLite amalgamation (npm better-sqlite3@12.11.1)"
    (cd "$downloads" && npm pack --silent better-sqlite3@12.11.1 >/dev/null) || {
      echo "fetch.sh: 'npm pack better-sqlite3@12.11.1' failed (is the npm registry reachable?)" >&2; exit 1; }
  fi
  verify "$downloads/$sqlite_archive"
  mkdir -p "$dest/sqlite"
  tar -xzf "$downloads/$sqlite_archive" -C "$dest/sqlite" --strip-components=3 \
    package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
fi

if [ ! -f "$dest/expat/lib/xmlparse.c" ]; then
  expat_dsc=$(find "$downloads" -maxdepth 1 -name 'expat_2.5.0-*.dsc' | sort | tail -n 1)
  if [ -z "$expat_dsc" ]; then
    echo "fetch.sh: downloading Expat 2.5.0 (Debian source package)"
    (cd "$downloads" && apt-get source --download-only expat >/dev/null 2>&1) || {
      echo "fetch.sh: 'apt-get source expat' failed: is the deb-src entry installed? run 'make setup'" >&2; exit 1; }
    expat_dsc=$(find "$downloads" -maxdepth 1 -name 'expat_2.5.0-*.dsc' | sort | tail -n 1)
    [ -n "$expat_dsc" ] || { echo "fetch.sh: the mirror's Expat is not 2.5.0; update fetch.sh and checksums.sha256 deliberately" >&2; exit 1; }
  fi
  verify "$downloads/$expat_archive"
  rm -rf "$dest/expat-unpacked"
  dpkg-source --no-check -x "$expat_dsc" "$dest/expat-unpacked" >/dev/null
  mv "$dest/expat-unpacked/expat" "$dest/expat"
  rm -rf "$dest/expat-unpacked"
fi
