#!/usr/bin/env bash
# Runs the whole test suite: lint, then every test on SQLite, then the database and end-to-end tests
# again on a real PostgreSQL server (installed with apt and started here when missing).
# Usage: scripts/test.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[dev]"

# The sandbox's browser tests drive Debian's Chromium (never a downloaded browser). As root (CI) it is
# installed here and a failed install fails the run; elsewhere, without it, those tests are skipped.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing chromium (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-color-emoji >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-color-emoji >/dev/null; } \
    || { echo "!! chromium could not be installed (apt-get install chromium)" >&2; exit 1; }
fi

# /nhap reads scans, photos and Word 97 files with Tesseract (Vietnamese model) and antiword; the OCR
# tests print pages in Liberation Serif (fonts-liberation2 has the Vietnamese letters). As root (CI)
# they are installed here and a failed install fails the run; elsewhere, without them, those tests skip.
OCR_PACKAGES="tesseract-ocr tesseract-ocr-vie antiword fonts-liberation2"
if { ! command -v tesseract >/dev/null || ! command -v antiword >/dev/null \
     || [ ! -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] \
     || ! tesseract --list-langs 2>/dev/null | grep -qx vie; } \
   && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing OCR packages (apt): $OCR_PACKAGES"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $OCR_PACKAGES >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $OCR_PACKAGES >/dev/null; } \
    || { echo "!! OCR packages could not be installed (apt-get install $OCR_PACKAGES)" >&2; exit 1; }
fi

echo "== ruff"
.venv/bin/ruff check .

echo "== tests on SQLite"
.venv/bin/python -m pytest -q "$@"

if [ "${SKIP_POSTGRES:-0}" = "1" ]; then
  echo "== PostgreSQL run skipped (SKIP_POSTGRES=1)"
  exit 0
fi

echo "== starting PostgreSQL"
PG_URL=$(bash scripts/postgres.sh)
echo "== tests on PostgreSQL"
TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -q --ignore=tests/domain "$@"
