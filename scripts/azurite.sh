#!/usr/bin/env bash
# Azurite (the Azure Storage emulator, from npm) for the local host's persistent Durable backend and its tests.
#
#   scripts/azurite.sh install                 npm ci in tools/azurite (once; installs Node.js/npm with apt if missing)
#   scripts/azurite.sh start [--location DIR]  install if needed, start in the background on 127.0.0.1:10000-10002,
#                                              wait until it listens, print the PID and the connection string
#   scripts/azurite.sh stop  [--location DIR]  stop the Azurite that `start` left running there (by its PID file)
#   scripts/azurite.sh status [--location DIR]
#   scripts/azurite.sh run   [--location DIR] [--any-port]
#                                              run in the foreground (exec: the caller's child PID is Azurite's);
#                                              --any-port lets the OS pick free ports, printed as
#                                              "Azurite ... service is successfully listening at http://127.0.0.1:PORT"
#
# DIR (default: ${TMPDIR:-/tmp}/peeringfunctions-azurite) holds Azurite's data, so a restarted Azurite keeps the task hub.
# Always bound to 127.0.0.1. Then run the local host with:
#   dotnet run --project src/PeeringFunctions.LocalHost -- --durable-backend azurestorage
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tool_dir="$root/tools/azurite"
azurite_bin="$tool_dir/node_modules/.bin/azurite"
location="${TMPDIR:-/tmp}/peeringfunctions-azurite"
any_port=0

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

installed() { [ -x "$azurite_bin" ] && [ "$tool_dir/node_modules/.package-lock.json" -nt "$tool_dir/package-lock.json" ]; }

install() {
  installed && return 0
  # Two test runs may ask at once: one installs, the other waits for it.
  exec 9>"${TMPDIR:-/tmp}/peeringfunctions-azurite-install.lock"
  flock 9
  if installed; then exec 9>&-; return 0; fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm (needed for Azurite)..." >&2
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "Installing Azurite into tools/azurite (npm ci)..." >&2
  npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error >&2
  exec 9>&-
}

azurite_args() {
  local ports=(--blobPort 10000 --queuePort 10001 --tablePort 10002)
  if [ "$any_port" = 1 ]; then ports=(--blobPort 0 --queuePort 0 --tablePort 0); fi
  printf '%s\n' --location "$location" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    "${ports[@]}" --skipApiVersionCheck --disableTelemetry
}

is_running() {
  [ -f "$location/azurite.pid" ] && kill -0 "$(cat "$location/azurite.pid")" 2>/dev/null
}

command="${1:-}"
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case "$1" in
    --location) location="$2"; shift 2 ;;
    --any-port) any_port=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown argument '$1'." >&2; usage >&2; exit 2 ;;
  esac
done

case "$command" in
  install)
    install
    "$azurite_bin" --version
    ;;
  run)
    install
    mkdir -p "$location"
    mapfile -t args < <(azurite_args)
    exec "$azurite_bin" "${args[@]}"
    ;;
  start)
    install
    mkdir -p "$location"
    if is_running; then
      echo "Azurite is already running (PID $(cat "$location/azurite.pid"), data in $location)."
      exit 0
    fi
    mapfile -t args < <(azurite_args)
    nohup "$azurite_bin" "${args[@]}" >"$location/azurite.log" 2>&1 &
    echo $! >"$location/azurite.pid"
    for _ in $(seq 1 100); do
      if grep -q "Table service is successfully listening" "$location/azurite.log" 2>/dev/null; then
        echo "Azurite started (PID $(cat "$location/azurite.pid"), data in $location, log $location/azurite.log)."
        echo "Connection string: UseDevelopmentStorage=true"
        exit 0
      fi
      if ! is_running; then
        echo "Azurite exited; its log:" >&2
        cat "$location/azurite.log" >&2
        exit 1
      fi
      sleep 0.2
    done
    echo "Azurite did not start listening within 20 s; see $location/azurite.log" >&2
    exit 1
    ;;
  stop)
    if is_running; then
      pid="$(cat "$location/azurite.pid")"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$location/azurite.pid"
      echo "Azurite (PID $pid) stopped."
    else
      rm -f "$location/azurite.pid"
      echo "Azurite is not running (no live PID in $location/azurite.pid)."
    fi
    ;;
  status)
    if is_running; then echo "running (PID $(cat "$location/azurite.pid"), data in $location)"; else echo "not running"; exit 1; fi
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
