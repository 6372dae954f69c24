#!/usr/bin/env bash
# Regenerates the expected output of the values.schema.json cases with the library Helm 3.21
# validates with (santhosh-tekuri/jsonschema v6), never with capstan:
#   cases/NAME.out          for cases/NAME.schema.json + cases/NAME.values.yaml
#   suite-v6-debian.tsv     v6's verdict and message for every test of Debian's
#                           json-schema-test-suite (/usr/share/json-schema-test-suite)
# usage: testdata/chart/schema/regen.sh
# Needs Debian's Go (golang-go, golang-golang-x-text-dev, golang-k8s-sigs-yaml-dev) and a copy
# of the v6 sources: JSONSCHEMA_V6_SRC (a checkout or git directory of
# github.com/santhosh-tekuri/jsonschema at v6.0.x; default: the fetch tool's mirror).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=${JSONSCHEMA_V6_SRC:-/work/.mirror/santhosh-tekuri+jsonschema/repo}
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
lib="$gp/src/github.com/santhosh-tekuri/jsonschema/v6"
mkdir -p "$lib"
if [ -d "$src/.git" ] || git -C "$src" rev-parse --is-bare-repository >/dev/null 2>&1; then
  git -C "$src" archive HEAD | tar -x -C "$lib"
else
  cp -r "$src"/. "$lib"
fi
python3 "$here/gen/patch_v6.py" "$lib"
mkdir -p "$gp/src/schemagen"
cp "$here/gen/main.go" "$gp/src/schemagen/"
(cd "$gp/src/schemagen" && GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS= \
  GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-$gp}/.cache}/go-build}" go build -o "$gp/schema-gen" .)
"$gp/schema-gen" cases "$here/cases"
if [ -d /usr/share/json-schema-test-suite/tests ]; then
  "$gp/schema-gen" suite /usr/share/json-schema-test-suite > "$here/suite-v6-debian.tsv"
  echo "wrote $(wc -l < "$here/suite-v6-debian.tsv") suite verdicts"
fi
