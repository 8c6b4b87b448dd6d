#!/usr/bin/env bash
# End-to-end generation benchmark: a release server on a fresh SQLite database (default
# in-process workers), then scripts/bench_generations.py: sequential POST → `completed` event
# latencies (p50/p95) and sustained throughput from 8 concurrent clients.
#
#   scripts/load-generations.sh
#   COUNT=500 WORKERS=2 scripts/load-generations.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18081}"
BASE="http://127.0.0.1:$PORT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jobwise-target}"
cargo build --release --quiet
BIN="$CARGO_TARGET_DIR/release/jobwise"

DATA="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
JOBWISE_ADDR="127.0.0.1:$PORT" JOBWISE_DATA_DIR="$DATA" RUST_LOG=warn \
JOBWISE_JWT_SECRET="load-test-secret-load-test-secret-0000" \
JOBWISE_RATE_LIMIT_PER_MINUTE=1000000 JOBWISE_ANON_RATE_LIMIT_PER_MINUTE=1000000 \
JOBWISE_GENERATIONS_PER_HOUR=1000000 JOBWISE_WORKERS="${WORKERS:-2}" \
  "$BIN" serve &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$BASE/health" >/dev/null || { echo "the server did not start" >&2; exit 1; }

python3 scripts/bench_generations.py --base "$BASE" --sequential "${SEQUENTIAL:-60}" \
  --count "${COUNT:-300}" --concurrency "${CONCURRENCY:-8}"
echo "RSS after the run: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$SERVER/status)"
