#!/usr/bin/env bash
# Installs Nhắc việc as a systemd service, from the folder it was cloned into (e.g. /opt/nhacviec).
# Run as root:   sudo scripts/install-service.sh
#
# What it does (each step is skipped when already done; running it again is safe):
#   1. creates the system user and group "nhacviec" (no login, no home of its own);
#   2. installs the bot into .venv with the system's Python (/usr/bin/python3), again when pyproject.toml
#      changed (an update), and checks that the user "nhacviec" can run it (a Python under /root cannot
#      be run by others);
#   3. creates /var/lib/nhacviec (the database), owned by nhacviec, mode 0700;
#   4. writes /etc/nhacviec/nhacviec.env from .env.example (if missing), owned root:nhacviec, mode
#      0640 — systemd and the service read it, nobody else — with the database in /var/lib/nhacviec;
#   5. installs deploy/nhacviec.service and deploy/nhacviec@.service into /etc/systemd/system;
#   6. installs /usr/local/bin/nhacviec: `sudo nhacviec status|backup|restore ...` runs a command as the
#      service runs (user nhacviec, the same settings);
#   7. systemctl daemon-reload (when systemd runs).
# Then: put BOT_TOKEN=... in /etc/nhacviec/nhacviec.env and `systemctl enable --now nhacviec`.
#
# Other places (tests, unusual layouts): NHACVIEC_USER, NHACVIEC_DATA, NHACVIEC_CONFIG,
# NHACVIEC_UNITS, NHACVIEC_BIN; NHACVIEC_NO_SYSTEMCTL=1 skips step 7.
set -euo pipefail
CODE=$(cd "$(dirname "$0")/.." && pwd)
USER_NAME=${NHACVIEC_USER:-nhacviec}
DATA=${NHACVIEC_DATA:-/var/lib/nhacviec}
CONFIG=${NHACVIEC_CONFIG:-/etc/nhacviec}
UNITS=${NHACVIEC_UNITS:-/etc/systemd/system}
BIN=${NHACVIEC_BIN:-/usr/local/bin}

if [ "$(id -u)" != "0" ]; then
  echo "Cần quyền root: sudo $0" >&2
  exit 1
fi

# The units run with ProtectHome=yes: code cloned into a home folder is invisible to the service, which
# then failed to start (status 203/EXEC) and was restarted every 5 seconds, for ever.
case "$CODE/" in
  /home/*|/root/*|/run/user/*)
    echo "Mã nguồn đang ở $CODE, trong thư mục nhà: dịch vụ (ProtectHome=yes) không thấy được thư mục này." >&2
    echo "Chuyển nó sang /opt: sudo mv $CODE /opt/nhacviec && cd /opt/nhacviec && sudo scripts/install-service.sh" >&2
    exit 1
    ;;
esac

# 1. the user
if ! id -u "$USER_NAME" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
  echo "Đã tạo người dùng hệ thống $USER_NAME"
fi

# 2. the bot, runnable by that user. Every run, not only the first: after `git pull` a new release may
# need new libraries (start.sh installs again only when pyproject.toml changed). Skipped when the bot
# was already installed, the service restarted on the new code and died on an ImportError, again and again.
PYTHON=${PYTHON:-/usr/bin/python3} "$CODE/scripts/start.sh" install
if ! runuser -u "$USER_NAME" -- "$CODE/.venv/bin/nhacviec" --version >/dev/null 2>&1; then
  echo "Người dùng $USER_NAME không chạy được $CODE/.venv/bin/nhacviec (thư mục không đọc được, hoặc" >&2
  echo ".venv dựng bằng một Python trong /root). Dựng lại: rm -rf $CODE/.venv && sudo $0" >&2
  exit 1
fi

# 3. the data folder
install -d -o "$USER_NAME" -g "$USER_NAME" -m 0700 "$DATA"

# 4. the settings: never readable by others (the token, the database password)
install -d -o root -g "$USER_NAME" -m 0750 "$CONFIG"
ENV_FILE="$CONFIG/nhacviec.env"
if [ ! -e "$ENV_FILE" ]; then
  tmp=$(mktemp "$CONFIG/.nhacviec.env.XXXXXX")
  sed "s|^DATABASE_URL=.*|DATABASE_URL=sqlite:///$DATA/nhacviec.db|" "$CODE/.env.example" >"$tmp"
  chown root:"$USER_NAME" "$tmp"
  chmod 0640 "$tmp"
  mv "$tmp" "$ENV_FILE"
  echo "Đã tạo $ENV_FILE (root:$USER_NAME, 0640): điền BOT_TOKEN=..."
else
  chown root:"$USER_NAME" "$ENV_FILE"
  chmod 0640 "$ENV_FILE"
fi

# 5. the units, with this installation's paths
install -d "$UNITS"
for unit in nhacviec.service nhacviec@.service; do
  sed -e "s|/opt/nhacviec|$CODE|g" -e "s|/var/lib/nhacviec|$DATA|g" -e "s|/etc/nhacviec|$CONFIG|g" \
      -e "s|^User=nhacviec|User=$USER_NAME|" -e "s|^Group=nhacviec|Group=$USER_NAME|" \
      -e "s|^StateDirectory=nhacviec|StateDirectory=$(basename "$DATA")|" \
      "$CODE/deploy/$unit" >"$UNITS/$unit"
  chmod 0644 "$UNITS/$unit"
done

# 6. the administrator's command
install -d "$BIN"
cat >"$BIN/nhacviec" <<WRAPPER
#!/bin/sh
# nhacviec as the service runs it: user $USER_NAME, settings $ENV_FILE (scripts/install-service.sh).
# cron runs this with PATH=/usr/bin:/bin, where runuser (in /usr/sbin) is not found: the nightly
# backup of the README's crontab line failed every night, silently.
PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\${PATH:+:\$PATH}"
export PATH
export STATUS_FILE="\${STATUS_FILE:-$DATA/nhacviec.status}" MPLCONFIGDIR="$DATA/.matplotlib"
if [ "\$(id -u)" = "0" ]; then
  # From a folder the service user cannot enter (root's home), work from the data folder instead.
  runuser -u $USER_NAME -- test -x "\$PWD" 2>/dev/null || cd "$DATA"
  exec runuser -u $USER_NAME -- env STATUS_FILE="\$STATUS_FILE" MPLCONFIGDIR="\$MPLCONFIGDIR" \\
    "$CODE/.venv/bin/nhacviec" --env-file "$ENV_FILE" "\$@"
fi
if [ "\$(id -un)" != "$USER_NAME" ]; then
  echo "Chạy bằng sudo: sudo nhacviec \$*" >&2
  exit 1
fi
exec "$CODE/.venv/bin/nhacviec" --env-file "$ENV_FILE" "\$@"
WRAPPER
chmod 0755 "$BIN/nhacviec"

# 7. systemd
if [ "${NHACVIEC_NO_SYSTEMCTL:-0}" != "1" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
echo "Xong. Tiếp theo: sửa $ENV_FILE (BOT_TOKEN=...), rồi: systemctl enable --now nhacviec"
