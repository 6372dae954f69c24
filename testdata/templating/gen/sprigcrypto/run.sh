#!/bin/bash
# Runs main.go in GOPATH mode over Debian's Go sources (as shared/oracle/build.sh does).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/github.com/Masterminds/sprig" "$gp/src/github.com/Masterminds/semver" "$gp/src/sprigcrypto"
ln -s /usr/share/gocode/src/github.com/Masterminds/sprig "$gp/src/github.com/Masterminds/sprig/v3"
ln -s /usr/share/gocode/src/github.com/Masterminds/semver "$gp/src/github.com/Masterminds/semver/v3"
cp "$root/testdata/templating/gen/sprigcrypto/main.go" "$gp/src/sprigcrypto/"
cd "$gp/src/sprigcrypto" && GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS= go build -o "$gp/gen" .
cd "$root" && "$gp/gen"
