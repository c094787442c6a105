#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests and `npm start` need: Chromium (the browser the UI
# tests drive), libkrb5-dev (code-server's kerberos module compiles against it), ripgrep (stands in
# for the download code-server's ripgrep package would make) and a C++ toolchain for the native modules.
# Idempotent: does nothing (not even `apt-get update`) when everything is present.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# Playwright's Chromium needs fonts to render the workbench's text.
dpkg -s fonts-liberation >/dev/null 2>&1 || need+=(fonts-liberation)

if [ ${#need[@]} -eq 0 ]; then
  echo "install-prereqs: chromium, libkrb5-dev, ripgrep and the build tools are present."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
  command -v sudo >/dev/null 2>&1 || { echo "install-prereqs: missing ${need[*]}; run this script as root (or install sudo)." >&2; exit 1; }
else
  SUDO=
fi

echo "install-prereqs: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when they are missing or a first attempt cannot find a package.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' || true)" ]; then
  $SUDO apt-get update -qq
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "install-prereqs: done."
