#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (web/e2e), which drive it
# with playwright-core at /usr/bin/chromium, with a Chinese font so that its screenshots show
# characters, not boxes. CI starts on a machine without them; this installs the Debian
# packages (as root, or through sudo). A browser is never downloaded from elsewhere.
# GONGWEI_SKIP_BROWSER=1 skips the install; the browser tests then report themselves SKIPPED.
set -u
if [ -n "${GONGWEI_SKIP_BROWSER:-}" ]; then
  echo "ensure-chromium: GONGWEI_SKIP_BROWSER is set; the browser tests will be SKIPPED" >&2
  exit 0
fi
packages=(chromium fonts-wqy-zenhei)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ -x /usr/bin/chromium ] && [ ${#missing[@]} = 0 ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1) at /usr/bin/chromium" >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
  echo "ensure-chromium: ${missing[*]} missing and neither root nor sudo is available to install it:" >&2
  echo "  apt-get install ${missing[*]}   (or set GONGWEI_SKIP_BROWSER=1 to skip the browser tests)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's ${missing[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/ensure-chromium.log 2>&1; then
  "${as_root[@]}" apt-get update -q >>/tmp/ensure-chromium.log 2>&1
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/ensure-chromium.log 2>&1
fi
if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -1)" >&2
  exit 0
fi
echo "ensure-chromium: could not install ${missing[*]}; the last lines of /tmp/ensure-chromium.log:" >&2
tail -20 /tmp/ensure-chromium.log >&2
exit 1
