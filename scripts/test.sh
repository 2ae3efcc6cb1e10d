#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need (the official Tencent Node SDK
# for the emulator's compatibility check), runs the whole solution's tests, and ends with one plain totals line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm (needed for the official Tencent SDK compatibility test)..."
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d tests/sdk-compat/node_modules/tencentcloud-sdk-nodejs ]; then
  npm ci --prefix tests/sdk-compat --no-audit --no-fund --loglevel=error
fi
# The portal's browser test: Debian's Chromium driven by playwright-core (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (needed for the portal's browser test)..."
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
# Azurite (Azure Storage emulator) for the persistent-mode crash-recovery tests; installed here so no test waits on npm.
bash scripts/azurite.sh install

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test PeeringFunctions.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# VSTest prints one "Passed!/Failed! - Failed: a, Passed: b, Skipped: c, Total: d" line per test project.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { v = $(i+1); gsub(/,/, "", v); failed  += v }
      if ($i == "Passed:")  { v = $(i+1); gsub(/,/, "", v); passed  += v }
      if ($i == "Skipped:") { v = $(i+1); gsub(/,/, "", v); skipped += v }
    }
    projects++
  }
  END {
    if (projects == 0) { failed += 1 }
    printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log"
exit "$status"
