#!/usr/bin/env bash
# Installs what is missing, builds build/capstan, and installs the demo chart with its staging
# values into a fresh embedded cluster, then shows the release and its running pods.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAPSTAN_TESTS=OFF >/dev/null
cmake --build build --target capstan
export CAPSTAN_HOME="${CAPSTAN_HOME:-$(mktemp -d)}"
run() { echo; echo "\$ capstan $*"; build/capstan "$@"; }
echo "CAPSTAN_HOME=$CAPSTAN_HOME"
run install demo testdata/charts/demo -f testdata/charts/demo/staging-values.yaml
run list
run get deployments,replicasets,pods,services -o wide
run upgrade demo testdata/charts/demo -f testdata/charts/demo/staging-values.yaml --set replicas=3
run get pods -l app=demo
run history demo
