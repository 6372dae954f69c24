#!/usr/bin/env bash
# Installs the Debian 12 packages capstan builds and tests with; does nothing when all are there.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev catch2
  libsqlite3-dev libssl-dev zlib1g-dev libarchive-dev libre2-dev libgit2-dev libcpp-httplib-dev
  json-schema-test-suite libgpgme-dev gnupg
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
