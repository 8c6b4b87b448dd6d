#!/usr/bin/env bash
# Renders the built-in sample resume and cover letter with every template and writes the first
# page of each as a PNG under docs/templates/ (for the README). Needs pdftoppm (poppler-utils;
# installed from Debian packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jobwise-target}"
command -v pdftoppm >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)
# PROFILE=debug reuses a debug build (rendering is the same, only slower).
PROFILE="${PROFILE:-release}"
if [ "$PROFILE" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
BIN="$CARGO_TARGET_DIR/$PROFILE/jobwise"
OUT=docs/templates
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for template in ats_optimized modern classic minimal creative; do
  for kind in resume cover_letter; do
    "$BIN" render --input "assets/samples/$kind.json" --template "$template" --format pdf --out "$TMP/$template-$kind.pdf" >/dev/null
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$TMP/$template-$kind.pdf" "$OUT/$template-$kind"
  done
done
ls -1 "$OUT"
