#!/usr/bin/env bash
# Installs the Debian 12 packages dossier needs to build and test, only those missing.
# Run as root (or with sudo available). Only Debian's archive is used.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libcli11-dev libre2-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libfmt-dev catch2
  clang libclang-rt-14-dev
  nlohmann-json3-dev libtomlplusplus-dev libutf8proc-dev libssl-dev
  time
  sqlite-utils  # tests only: query_test checks the database as sqlite-utils reads it
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
