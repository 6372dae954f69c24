#!/bin/bash
# Regenerates the expected columns and files of testdata/core/ from Go 1.19's encoding/json,
# gopkg.in/yaml.v2 2.4.0 + sigs.k8s.io/yaml 1.3.0 and Masterminds/semver 3.2.0 (the oracle's
# libraries, Debian packages under /usr/share/gocode). Inputs are the first column of each
# .tsv file and the *.yaml files under yaml/docs/ (yaml/mutations.tsv's inputs are made from
# those by mutations.py); everything else is rewritten.
# usage: testdata/core/gen/generate.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=$(dirname "$here")
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/github.com/Masterminds/semver"
ln -s /usr/share/gocode/src/github.com/Masterminds/semver "$gp/src/github.com/Masterminds/semver/v3"
ln -s "$here" "$gp/src/helmcore"
export GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS=
export GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-$gp}/.cache}/go-build}"
python3 "$here/mutations.py"
for gen in "$here"/*cases "$here"/unicodetables; do
  name=$(basename "$gen")
  (cd "$gp/src/helmcore/$name" && go run . "$data")
  echo "generated: $name"
done
