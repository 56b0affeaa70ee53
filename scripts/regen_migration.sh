#!/usr/bin/env bash
# Development helper: regenerate a migration from db/models.py against a scratch SQLite database.
# Usage: scripts/regen_migration.sh "message"
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
export DATABASE_URL="sqlite:///$tmp/scratch.db"
.venv/bin/alembic -c db/alembic.ini upgrade head
.venv/bin/alembic -c db/alembic.ini revision --autogenerate -m "${1:-change}"
rm -rf "$tmp"
