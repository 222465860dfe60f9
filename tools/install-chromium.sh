#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser), with as few
# packages as it can (`make test` runs this when `chromium` is not on PATH):
#
# - --no-install-recommends: Chromium's recommended packages (upower, udev,
#   Mesa drivers, a notification daemon, printer set-up with its avahi and
#   samba libraries) serve a desktop, not a headless browser under test. On a
#   minimal Debian 12 this is 151 packages (189 MB to download) instead of 293.
# - One font, DejaVu (Chromium's fontconfig depends on it anyway). The tests
#   read the page's structure, focus, requests and axe-core's rules, not the
#   shapes of letters: all of them pass with DejaVu as the only font. To read
#   the Chinese, Japanese and Korean names in your own screenshots, install
#   fonts-noto-cjk (91 MB) yourself.
#
# Says what it installs before it asks apt; where apt-get is missing or this
# user may not install, it stops with one line naming what to install by hand.
set -euo pipefail

PACKAGES="chromium fonts-dejavu-core"
BY_HAND="apt-get install --no-install-recommends $PACKAGES"
NAME="install-chromium.sh"

fail() {
  echo "$NAME: $*" >&2
  exit 1
}

if command -v chromium >/dev/null 2>&1; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  fail "the browser tests need Chromium as 'chromium' on PATH, and there is no apt-get here to install it;" \
    "install it by hand (Debian and Ubuntu: $PACKAGES; other systems: their chromium package), then run make test again"
fi

# As root, apt-get itself; otherwise through sudo, which may ask for a
# password only where there is a terminal to type it (CI has none).
AS_ROOT=""
if [ "$(id -u)" != "0" ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    fail "installing Chromium needs root and there is no sudo; as root, run: $BY_HAND"
  fi
  if [ -t 0 ]; then
    AS_ROOT="sudo"
  elif sudo -n true 2>/dev/null; then
    AS_ROOT="sudo -n"
  else
    fail "installing Chromium needs root, and sudo wants a password with no terminal to type it in;" \
      "run: sudo $BY_HAND"
  fi
fi

echo "Installing Debian's Chromium and the DejaVu font for the browser tests" \
  "($PACKAGES, without recommended packages; about 190 MB to download on a bare Debian 12, less where its libraries are installed)"
# shellcheck disable=SC2086 # AS_ROOT and PACKAGES are lists of words
$AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
  fail "apt-get update failed (its messages are above); as root, run: apt-get update && $BY_HAND"
# shellcheck disable=SC2086
$AS_ROOT env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $PACKAGES ||
  fail "apt-get could not install $PACKAGES (its messages are above); as root, run: $BY_HAND"

command -v chromium >/dev/null 2>&1 ||
  fail "apt-get installed $PACKAGES, but there is still no 'chromium' on PATH; the browser tests need it there"
echo "Installed Chromium: $(command -v chromium)"
