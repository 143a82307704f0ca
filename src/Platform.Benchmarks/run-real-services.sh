#!/usr/bin/env bash
# Runs a benchmark scenario against a private RabbitMQ node and a private Azurite, started the way ./test.sh starts them
# (deploy/local/rabbitmq.sh and azurite.sh, free loopback ports, everything in a temporary folder removed at the end).
#
#   src/Platform.Benchmarks/run-real-services.sh [scenario=real-services] [scenario arguments]
#   src/Platform.Benchmarks/run-real-services.sh real-services 1000 300     # the budget: 1,000 messages/s for 5 minutes
#   src/Platform.Benchmarks/run-real-services.sh ingress 1000 60            # any scenario runs on the real services too
#
# The host gets its own RabbitMQ virtual host and Orleans cluster; the raw MassTransit baseline gets a virtual host of its
# own on the same node. Builds Release first unless BENCHMARK_NO_BUILD=1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=$ROOT/deploy/local
cd "$ROOT"
say() { echo "run-real-services.sh: $*"; }

[[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || { say "rabbitmq-server is not installed: run ./test.sh once (it installs it)"; exit 1; }
if [[ ! -x $LOCAL/node_modules/.bin/azurite ]]; then
  npm ci --prefix "$LOCAL" --no-audit --no-fund --loglevel=error
fi

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/platform-benchmark.XXXXXX")
# shellcheck disable=SC2317  # (called through the trap)
cleanup() {
  "$LOCAL/rabbitmq.sh" stop "$RUN_DIR/rabbitmq" >/dev/null 2>&1 &
  "$LOCAL/azurite.sh" stop "$RUN_DIR/azurite" >/dev/null 2>&1 &
  wait || true
  rm -rf "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

env_value() { sed -n "s/^$2=//p" "$1/env"; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ ${BENCHMARK_NO_BUILD:-} != 1 ]]; then
  dotnet build -c Release src/Platform.Benchmarks 2>&1 | grep -E " error |Build succeeded" | sort -u
fi

"$LOCAL/rabbitmq.sh" start "$RUN_DIR/rabbitmq"
"$LOCAL/azurite.sh" start "$RUN_DIR/azurite"
broker=$(env_value "$RUN_DIR/rabbitmq" RABBITMQ_URI)
id=benchmark-$(date +%s)
for vhost in "$id" "$id-baseline"; do
  "$RUN_DIR/rabbitmq/rabbitmqctl" add_vhost "$vhost" >/dev/null
  "$RUN_DIR/rabbitmq/rabbitmqctl" set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
done

export ConnectionStrings__RabbitMq=$broker$id
export ConnectionStrings__AzureStorage
ConnectionStrings__AzureStorage=$(env_value "$RUN_DIR/azurite" AZURE_STORAGE)
export PLATFORM_BENCHMARK_BASELINE_RABBITMQ=$broker$id-baseline
export Platform__OperatorKey=op_benchmark
export Secrets__ActiveKeyId=k1
export Secrets__Keys__k1
Secrets__Keys__k1=$(head -c 32 /dev/urandom | base64)
export Orleans__ClusterId=$id Orleans__ServiceId=$id Orleans__AdvertisedIPAddress=127.0.0.1
say "RabbitMQ $broker (virtual hosts $id, $id-baseline), Azurite ${ConnectionStrings__AzureStorage##*TableEndpoint=}"

scenario=${1:-real-services}
(($# > 0)) && shift
dotnet run -c Release --no-build --project src/Platform.Benchmarks -- "$scenario" "$@"
