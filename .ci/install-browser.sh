#!/usr/bin/env bash
# Headless Chromium + a CJK font for the review-UI end-to-end test (test/e2e). Called by .ci/run.
# Skips apt when /usr/bin/chromium already exists (developer machines, cached CI images).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium present, skipping apt"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-wqy-microhei
