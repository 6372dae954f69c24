#!/usr/bin/env bash
# Regenerates testdata/release/records/ with Go's encoding/json and compress/gzip.
set -euo pipefail
cd "$(dirname "$0")"
GO111MODULE=off GOPATH=/usr/share/gocode go run ./records ../records
