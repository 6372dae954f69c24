#!/usr/bin/env bash
# Regenerates the Go-made tables under testdata/chart/ (Masterminds/semver constraint checks)
# from Debian's Go packages, as the oracle is built (GOPATH mode, nothing downloaded).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/github.com/Masterminds/semver"
ln -s /usr/share/gocode/src/github.com/Masterminds/semver "$gp/src/github.com/Masterminds/semver/v3"
ln -s "$here/constraints" "$gp/src/constraints"
mkdir -p "$here/../semver"
(cd "$gp/src/constraints" && GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS= \
  GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-$gp}/.cache}/go-build}" go run .) \
  > "$here/../semver/constraints.tsv"
echo "wrote $(wc -l < "$here/../semver/constraints.tsv") constraint checks"
