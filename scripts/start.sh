#!/usr/bin/env bash
# Installs Nhắc việc into .venv (first time only) and runs the bot.
# Without BOT_TOKEN (environment or .env) it says how to get one from @BotFather.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/nhacviec ] || [ pyproject.toml -nt .venv/.installed ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e .
  touch .venv/.installed
fi
exec .venv/bin/nhacviec run "$@"
