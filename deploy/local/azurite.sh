#!/usr/bin/env bash
# Runs Azurite (blob, queue, table; in memory) from deploy/local/node_modules on free loopback ports.
#
#   deploy/local/azurite.sh start <dir>   # writes AZURE_STORAGE=<connection string> into <dir>/env
#   deploy/local/azurite.sh stop  <dir>
#
# <dir>/env holds KEY=VALUE lines; the connection string contains ';', so read the file, don't `source` it.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
AZURITE=$HERE/node_modules/.bin/azurite
# The well-known key of the emulator's devstoreaccount1 account (public, emulator only).
ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port Azurite reports for a service in its log ("Azurite Table service is successfully listening at http://...:N").
listening_port() {
  sed -n "s#^Azurite $1 service is successfully listening at http://127\.0\.0\.1:\([0-9]*\).*#\1#p" "$2" | tail -n 1
}

start() {
  local dir
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  if [[ -f $dir/azurite.pid ]] && kill -0 "$(<"$dir/azurite.pid")" 2>/dev/null; then
    echo "azurite.sh: Azurite already runs in $dir" >&2
    return 1
  fi
  [[ -x $AZURITE ]] || npm ci --prefix "$HERE" --no-audit --no-fund --loglevel=error >&2

  # Port 0: the kernel picks free ports, so concurrent runs cannot collide; Azurite logs which ones it got.
  # --disableTelemetry: otherwise Azurite logs a failed telemetry look-up (no internet here).
  # --inMemoryPersistence and --location must not be combined (Azurite exits with an error).
  (
    cd "$dir"   # anything Azurite writes goes here, not into the caller's working directory
    setsid "$AZURITE" --silent --skipApiVersionCheck --loose --disableTelemetry --inMemoryPersistence \
      --blobHost 127.0.0.1 --blobPort 0 --queueHost 127.0.0.1 --queuePort 0 --tableHost 127.0.0.1 --tablePort 0 \
      </dev/null >"$dir/azurite.log" 2>&1 &
    echo $! >"$dir/azurite.pid"
  )

  local deadline=$((SECONDS + 60)) table=''
  until [[ -n $table ]] && port_open "$table"; do
    if ((SECONDS >= deadline)) || ! kill -0 "$(<"$dir/azurite.pid")" 2>/dev/null; then
      echo "azurite.sh: Azurite did not start; log tail:" >&2
      tail -n 40 "$dir/azurite.log" >&2 || true
      stop "$dir"
      return 1
    fi
    sleep 0.1
    table=$(listening_port Table "$dir/azurite.log")
  done
  local blob queue
  blob=$(listening_port Blob "$dir/azurite.log")
  queue=$(listening_port Queue "$dir/azurite.log")

  # UseDevelopmentStorage=true only works on the default ports: give every endpoint explicitly.
  local conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;"
  conn+="BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;"
  conn+="TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  # Replace only our own line, so that another service may share the env file.
  { grep -v '^AZURE_STORAGE=' "$dir/env" 2>/dev/null || true
    echo "AZURE_STORAGE=$conn"; } >"$dir/env.new"
  mv "$dir/env.new" "$dir/env"
}

stop() {
  [[ -d $1 ]] || return 0
  local dir pid i
  dir=$(cd "$1" && pwd)
  [[ -f $dir/azurite.pid ]] || return 0
  pid=$(<"$dir/azurite.pid")
  # setsid gave Azurite a process group of its own: end the whole group, TERM first, KILL after 10 s.
  if kill -TERM -- "-$pid" 2>/dev/null; then
    for ((i = 0; i < 100; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/azurite.pid" "$dir/env.new"
}

case "${1:-}" in
  start | stop) [[ $# -eq 2 ]] || { echo "usage: $0 start|stop <dir>" >&2; exit 2; }; "$@" ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
