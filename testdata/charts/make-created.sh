#!/usr/bin/env bash
# Rewrites testdata/charts/created/, the scaffold `capstan create created` writes (create_test.cpp
# checks that create still writes exactly this), then regenerates the oracle's goldens of every
# testdata/chart/template case (created-*.args, render-created*.args among them) with
# testdata/chart/regen.sh. Review the diff: the renders must stay what Helm's own scaffold
# renders.
#   usage: testdata/charts/make-created.sh [CAPSTAN]   (default: build-dev/capstan)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
capstan=$(realpath "${1:-$here/../../build-dev/capstan}")
rm -rf "$here/created"
(cd "$here" && "$capstan" create created)
"$here/../chart/regen.sh"
