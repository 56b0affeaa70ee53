#!/usr/bin/env bash
# Installs Nhắc việc into .venv (first time only) and runs the bot.
#   scripts/start.sh [--webhook]          the bot (needs BOT_TOKEN in the environment or .env)
#   scripts/start.sh sandbox [--port N]   the sandbox: the bot in a browser page, no Telegram needed
#   scripts/start.sh install              only install (scripts/install-service.sh uses it)
# A missing .env is created from .env.example, readable by its owner only (0600): it holds the token.
# Without BOT_TOKEN, in a terminal it says how to get one and opens the sandbox meanwhile; elsewhere
# (a service) it only says how to get one and fails, so a misconfigured server never runs a sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/nhacviec ] || [ pyproject.toml -nt .venv/.installed ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e .
  touch .venv/.installed
fi
if [ "${1:-}" = "install" ]; then
  exit 0
fi
if [ ! -e .env ] && [ -f .env.example ]; then
  (umask 077 && cp .env.example .env)
  echo "Đã tạo .env (chỉ chủ sở hữu đọc được): điền BOT_TOKEN=... vào đó." >&2
elif [ -f .env ] && [ -O .env ] && [ -n "$(find .env -perm /077 2>/dev/null)" ]; then
  chmod 600 .env
  echo "Đã đặt quyền 0600 cho .env (token và mật khẩu: chỉ chủ sở hữu đọc được)." >&2
fi
if [ "${1:-}" = "sandbox" ]; then
  shift
  exec .venv/bin/nhacviec sandbox "$@"
fi
has_token() {
  [ -n "${BOT_TOKEN:-}" ] && return 0
  [ -f .env ] && grep -Eq "^[[:space:]]*(export[[:space:]]+)?BOT_TOKEN[[:space:]]*=[[:space:]]*[\"']?[^\"'[:space:]#]" .env
}
if ! has_token && [ -t 0 ] && [ -t 1 ]; then
  .venv/bin/nhacviec run "$@" || true  # prints how to get a token
  echo
  echo "Trong lúc chờ token: mở bản chạy thử (sandbox) trong trình duyệt."
  exec .venv/bin/nhacviec sandbox
fi
exec .venv/bin/nhacviec run "$@"
