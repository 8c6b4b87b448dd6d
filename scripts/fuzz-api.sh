#!/usr/bin/env bash
# Schema fuzzing: starts a debug server on a fresh database, registers a user, and runs
# schemathesis against /openapi.json with a fixed seed and a bounded number of examples per
# operation. Fails on any finding of: server errors, response-schema, status-code and
# content-type conformance.
#
#   scripts/fuzz-api.sh                      # SQLite (a temporary file)
#   DATABASE_URL=postgres://… scripts/fuzz-api.sh   # a PostgreSQL database you can wipe
#
# Environment: FUZZ_EXAMPLES (per operation, default 50), FUZZ_SEED (default 20261206),
# FUZZ_PORT (default 8765), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES="${FUZZ_EXAMPLES:-50}"
SEED="${FUZZ_SEED:-20261206}"
PORT="${FUZZ_PORT:-8765}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jobwise-target}"
REQUIREMENTS=.ci/schemathesis-requirements.txt
WANTED="$(grep -E '^schemathesis==' "$REQUIREMENTS" | cut -d= -f3)"

if [ "$(st --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)" != "$WANTED" ]; then
  echo "installing schemathesis $WANTED (from $REQUIREMENTS)"
  python3 -m pip install -q -r "$REQUIREMENTS"
fi
echo "schemathesis: $(st --version)"

cargo build --quiet --bin jobwise
DATA="$(mktemp -d /tmp/jobwise-fuzz.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

# Generous limits: the fuzzer must reach the handlers, not the rate limiter. Without
# DATABASE_URL the server uses a SQLite file in its (temporary) data dir. Page fetching is off:
# generated `POST /jobs/import {"url"}` bodies must never make the server call out.
env -u REDIS_URL \
  JOBWISE_ADDR="127.0.0.1:$PORT" \
  JOBWISE_DATA_DIR="$DATA" \
  JOBWISE_JWT_SECRET="fuzzing-secret-fuzzing-secret-fuzzing-secret" \
  JOBWISE_RATE_LIMIT_PER_MINUTE=1000000 \
  JOBWISE_ANON_RATE_LIMIT_PER_MINUTE=1000000 \
  JOBWISE_LOGIN_FAILURES_PER_ACCOUNT=1000000 \
  JOBWISE_LOGIN_FAILURES_PER_IP=1000000 \
  JOBWISE_GENERATIONS_PER_HOUR=1000000 \
  JOBWISE_ARGON2_MEMORY_KIB=64 JOBWISE_ARGON2_ITERATIONS=1 \
  JOBWISE_WORKERS=1 \
  JOBWISE_FETCH_ENABLED=false \
  JOBWISE_LOG_FORMAT=json RUST_LOG="${RUST_LOG:-warn}" \
  "$CARGO_TARGET_DIR/debug/jobwise" serve >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA/server.log"; echo "the server exited" >&2; exit 1; }
  sleep 0.2
done
curl -fs "$BASE/health" >/dev/null

TOKEN="$(curl -fs -X POST "$BASE/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"fuzz@example.com","password":"Fuzz-passw0rd","full_name":"Fuzz Tester"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
# Access tokens last 15 minutes by default: longer than this run.

status=0
st run "$BASE/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --header "Authorization: Bearer $TOKEN" \
  --seed "$SEED" \
  --max-examples "$EXAMPLES" \
  --phases examples,coverage,fuzzing \
  --workers 1 \
  --request-timeout 30 \
  --no-color || status=$?
if grep -q '"level":"ERROR"' "$DATA/server.log"; then
  echo "server log ERROR lines during fuzzing:" >&2
  grep '"level":"ERROR"' "$DATA/server.log" | head -n 20 >&2
  status=1
fi
exit "$status"
