#!/usr/bin/env bash
# HTTP load benchmark: a release build on a fresh SQLite database, then wrk (2 threads,
# 32 connections, 10 s) against GET /api/v1/auth/me and a login burst. Prints req/s, latency
# percentiles, errors and the server's idle RSS; then GET of a full master profile. Traffic stays on 127.0.0.1.
#
#   scripts/load.sh            # both scenarios
#   DURATION=30s scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-18080}"
BASE="http://127.0.0.1:$PORT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jobwise-target}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
command -v curl >/dev/null || (apt-get update -qq && apt-get install -y -qq curl >/dev/null)

cargo build --release --quiet
BIN="$CARGO_TARGET_DIR/release/jobwise"

DATA="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
# Limits raised so the benchmark measures the server, not the rate limiter's 429s.
JOBWISE_ADDR="127.0.0.1:$PORT" JOBWISE_DATA_DIR="$DATA" RUST_LOG=warn \
JOBWISE_JWT_SECRET="load-test-secret-load-test-secret-0000" \
JOBWISE_RATE_LIMIT_PER_MINUTE=1000000 JOBWISE_ANON_RATE_LIMIT_PER_MINUTE=1000000 \
JOBWISE_LOGIN_FAILURES_PER_ACCOUNT=1000000 JOBWISE_LOGIN_FAILURES_PER_IP=1000000 \
  "$BIN" serve &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$BASE/health" >/dev/null || { echo "the server did not start" >&2; exit 1; }

TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"load@example.com","password":"Load-test-1","full_name":"Load Test"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
sleep 1
echo "idle RSS: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$SERVER/status)"

echo
echo "=== GET /api/v1/auth/me ($CONNECTIONS connections, $DURATION)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/auth/me"

echo "RSS after the GET load: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$SERVER/status)"

PROFILE_ID=$(curl -fs -X POST "$BASE/api/v1/profiles" -H 'content-type: application/json' \
  -H "Authorization: Bearer $TOKEN" --data-binary @tests/fixtures/load_profile.json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo
echo "=== GET /api/v1/profiles/{id} ($CONNECTIONS connections, $DURATION; a full profile, ~4 KB of JSON)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/profiles/$PROFILE_ID"

LUA="$DATA/login.lua"
cat > "$LUA" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email":"load@example.com","password":"Load-test-1"}'
wrk.headers["Content-Type"] = "application/json"
LUA
echo
echo "=== POST /api/v1/auth/login burst ($CONNECTIONS connections, $DURATION; argon2id 19 MiB, 2 passes)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$BASE/api/v1/auth/login"

echo
echo "RSS after load: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$SERVER/status)"
