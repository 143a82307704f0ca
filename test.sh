#!/usr/bin/env bash
# Runs every test of Platform.sln against a real RabbitMQ node and a real Azurite, both private to this run.
#
#   ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Orleans]
#
# Needs: a Debian machine with the .NET SDK and Node/npm. Installs rabbitmq-server (apt) and Azurite (npm ci in
# deploy/local) when missing. The tests get:
#   PLATFORM_TEST_RABBITMQ_URI    amqp://guest:guest@127.0.0.1:<port>/
#   PLATFORM_TEST_RABBITMQCTL     rabbitmqctl for that node (stop_app/start_app, add_vhost, set_permissions ...)
#   PLATFORM_TEST_AZURE_STORAGE   connection string with explicit blob/queue/table endpoints
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOCAL=$ROOT/deploy/local
cd "$ROOT"

t0=${EPOCHREALTIME/./}
since() { local t=$((${EPOCHREALTIME/./} - $1)); printf '%d.%ds' $((t / 1000000)) $((t / 100000 % 10)); }
say() { echo "test.sh: $*"; }
sudo_if_needed() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }

# --- install what is missing -------------------------------------------------------------------------------------
if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  say "installing rabbitmq-server (apt-get)"; t=${EPOCHREALTIME/./}
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  say "rabbitmq-server installed in $(since "$t")"
fi
# Reinstall Azurite when node_modules is missing or older than the lockfile.
if [[ ! -x $LOCAL/node_modules/.bin/azurite || $LOCAL/package-lock.json -nt $LOCAL/node_modules/.package-lock.json ]]; then
  say "installing azurite (npm ci in deploy/local)"; t=${EPOCHREALTIME/./}
  npm ci --prefix "$LOCAL" --no-audit --no-fund --loglevel=error
  say "azurite installed in $(since "$t")"
fi

# --- start the services; stop them whatever happens --------------------------------------------------------------
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/platform-test.XXXXXX")
# shellcheck disable=SC2317  # (called through the trap)
cleanup() {
  local t=${EPOCHREALTIME/./}
  "$LOCAL/rabbitmq.sh" stop "$RUN_DIR/rabbitmq" >/dev/null 2>&1 &   # both at once: RabbitMQ takes ~4 s
  "$LOCAL/azurite.sh" stop "$RUN_DIR/azurite" >/dev/null 2>&1 &
  wait || true
  rm -rf "$RUN_DIR"
  say "services stopped in $(since "$t"); total $(since "$t0")"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # exit, so that the EXIT trap runs

# <dir>/env holds KEY=VALUE lines (a connection string contains ';': read it, don't source it).
env_value() { sed -n "s/^$2=//p" "$1/env"; }

t=${EPOCHREALTIME/./}
"$LOCAL/rabbitmq.sh" start "$RUN_DIR/rabbitmq"
export PLATFORM_TEST_RABBITMQ_URI PLATFORM_TEST_RABBITMQCTL=$RUN_DIR/rabbitmq/rabbitmqctl
PLATFORM_TEST_RABBITMQ_URI=$(env_value "$RUN_DIR/rabbitmq" RABBITMQ_URI)
say "RabbitMQ ready in $(since "$t")"

say "starting Azurite"; t=${EPOCHREALTIME/./}
"$LOCAL/azurite.sh" start "$RUN_DIR/azurite"
export PLATFORM_TEST_AZURE_STORAGE
PLATFORM_TEST_AZURE_STORAGE=$(env_value "$RUN_DIR/azurite" AZURE_STORAGE)
say "Azurite ready in $(since "$t") (table endpoint ${PLATFORM_TEST_AZURE_STORAGE##*TableEndpoint=})"

# --- run the tests --------------------------------------------------------------------------------------------------
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1   # no telemetry upload: the machine reaches package registries only
cmd=(dotnet test Platform.sln)
[[ ${CI:-} == true ]] && cmd+=(--logger "console;verbosity=normal")
cmd+=("$@")
say "${cmd[*]}"
t=${EPOCHREALTIME/./}
rc=0
"${cmd[@]}" || rc=$?
say "dotnet test exited $rc after $(since "$t")"
exit "$rc"
