#!/usr/bin/env bash
# Installs Debian's Firefox ESR for the browser tests when it is missing (about 20 s), so a
# fresh machine runs the Firefox end-to-end tests instead of skipping them. Idempotent.
# web-ext (npm devDependency) drives it; no browser is downloaded from anywhere else.
set -euo pipefail
if command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "Firefox is missing; run: sudo apt-get install firefox-esr" >&2
    exit 1
fi
echo "Installing Debian's firefox-esr package for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq -o DPkg::Lock::Timeout=300
apt-get install -y -qq -o DPkg::Lock::Timeout=300 firefox-esr >/dev/null
