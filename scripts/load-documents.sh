#!/usr/bin/env bash
# Documents benchmark: a release server on a fresh SQLite database; 20 generated resumes; the
# first download of new formats (p50), batch export of all 20, then wrk on the cached PDF
# download of one document (2 threads, 32 connections, 10 s).
#
#   scripts/load-documents.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18082}"
BASE="http://127.0.0.1:$PORT"
DURATION="${DURATION:-10s}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jobwise-target}"
command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
cargo build --release --quiet
BIN="$CARGO_TARGET_DIR/release/jobwise"

DATA="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
JOBWISE_ADDR="127.0.0.1:$PORT" JOBWISE_DATA_DIR="$DATA" RUST_LOG=warn \
JOBWISE_JWT_SECRET="load-test-secret-load-test-secret-0000" \
JOBWISE_RATE_LIMIT_PER_MINUTE=1000000 JOBWISE_ANON_RATE_LIMIT_PER_MINUTE=1000000 \
JOBWISE_GENERATIONS_PER_HOUR=1000000 \
  "$BIN" serve &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done

OUT="$DATA/bench.json"
(cd scripts && python3 bench_documents.py --base "$BASE" --count "${COUNT:-20}" --out "$OUT")
TOKEN=$(python3 -c "import json; print(json.load(open('$OUT'))['token'])")
DOC=$(python3 -c "import json; print(json.load(open('$OUT'))['document'])")
echo
echo "=== cached PDF download, GET /api/v1/documents/{id}/download (32 connections, $DURATION)"
wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/documents/$DOC/download"
echo "RSS after the run: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$SERVER/status)"
