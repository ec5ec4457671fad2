#!/usr/bin/env bash
# Debian packages beyond Python, per purpose; installs only what is missing:
#   app   a CJK font for PDF handouts (the app runs without it; handouts then fail with a message)
#   test  Chromium for the browser tests (tests/e2e, driven through Playwright)
# Usage: scripts/system-deps.sh app [test]
set -euo pipefail
need=()
for purpose in "$@"; do
  case "$purpose" in
    app)
      [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || [ -d /usr/share/fonts/opentype/noto ] \
        || need+=(fonts-wqy-microhei) ;;
    test)
      [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    *)
      echo "usage: $0 app|test ..." >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "note: not a Debian system; install ${need[*]} by hand ($*)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "note: run as root to install ${need[*]} ($*)" >&2
    exit 0
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
