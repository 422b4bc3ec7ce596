#!/usr/bin/env bash
# Installs from Debian what chart image export needs: Chromium (for kaleido) and a CJK font; with
# --browser-tests, also Chromium's headless shell, the lighter build of the same version that the
# browser tests drive (tests/live_server.py).
# Runs apt-get only when something is missing and we are root on a Debian-like system;
# otherwise says what to install and carries on (the dashboard works without them).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk|noto serif cjk' || missing+=(fonts-wqy-microhei)
if [ "${1:-}" = --browser-tests ]; then
  [ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}" fontconfig
else
  echo "warning: missing ${missing[*]}; chart image downloads and the browser tests need them." >&2
  echo "         as root on Debian: apt-get install -y --no-install-recommends ${missing[*]}" >&2
fi
