#!/usr/bin/env bash
# Runs an isolated RabbitMQ node (Debian's rabbitmq-server) in a folder of its own, on free loopback ports.
#
#   deploy/local/rabbitmq.sh start <dir>   # writes <dir>/env (RABBITMQ_URI=...) and <dir>/rabbitmqctl
#   deploy/local/rabbitmq.sh stop  <dir>
#
# <dir>/rabbitmqctl runs rabbitmqctl against this node: status, stop_app, start_app, add_vhost, set_permissions ...
# Everything the node writes (data, logs, cookie, crash dump) stays in <dir>.
set -euo pipefail

RMQ_BIN=/usr/lib/rabbitmq/bin   # not /usr/sbin/rabbitmq*: those switch to the rabbitmq user and its Erlang cookie

# Sets PORTS to N distinct random loopback ports nothing listens on. They are taken below the kernel's ephemeral range
# (32768+), so that outgoing connections cannot grab them between this check and the bind.
pick_ports() {
  PORTS=()
  local p
  while ((${#PORTS[@]} < $1)); do
    p=$((20000 + RANDOM % 12000))
    [[ " ${PORTS[*]} " == *" $p "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    PORTS+=("$p")
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Kills the process group (started with setsid) whose leader's pid is in file $1: TERM, then KILL after 10 s.
kill_group() {
  [[ -f $1 ]] || return 0
  local pid i
  pid=$(<"$1")
  kill -TERM -- "-$pid" 2>/dev/null || { rm -f "$1"; return 0; }
  for ((i = 0; i < 100; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || { rm -f "$1"; return 0; }
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$1"
}

start() {
  local dir
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  if [[ -f $dir/server.pid ]] && kill -0 "$(<"$dir/server.pid")" 2>/dev/null; then
    echo "rabbitmq.sh: a node already runs in $dir" >&2
    return 1
  fi
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"

  pick_ports 3
  local amqp=${PORTS[0]} dist=${PORTS[1]} epmd=${PORTS[2]}
  local node="rabbit-$amqp@localhost"
  echo "starting RabbitMQ on 127.0.0.1:$amqp (node $node, folder $dir)"

  # listeners: loopback only; guest/guest is allowed because it is only reachable on loopback.
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$amqp
loopback_users.guest = true
EOF
  # An empty advanced.config or enabled_plugins file crashes the node: each must hold the empty Erlang list.
  echo '[].' >"$dir/advanced.config"
  echo '[].' >"$dir/enabled_plugins"
  # An empty env file of our own, so /etc/rabbitmq/rabbitmq-env.conf (system node settings) is not read.
  : >"$dir/rabbitmq-env.conf"
  # Our own cookie, in our own HOME, written before the server and rabbitmqctl race to create it.
  if [[ ! -f $dir/home/.erlang.cookie ]]; then
    (umask 077 && head -c 15 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F >"$dir/home/.erlang.cookie")
  fi

  # The node's whole environment, shared by the server and the rabbitmqctl wrapper (same HOME => same cookie).
  {
    printf 'export %s=%q\n' \
      HOME "$dir/home" \
      RABBITMQ_NODENAME "$node" \
      RABBITMQ_NODE_IP_ADDRESS 127.0.0.1 \
      RABBITMQ_NODE_PORT "$amqp" \
      RABBITMQ_DIST_PORT "$dist" \
      ERL_EPMD_ADDRESS 127.0.0.1 \
      ERL_EPMD_PORT "$epmd" \
      RABBITMQ_BASE "$dir" \
      RABBITMQ_MNESIA_BASE "$dir/mnesia" \
      RABBITMQ_LOG_BASE "$dir/log" \
      RABBITMQ_PID_FILE "$dir/rabbitmq.pid" \
      RABBITMQ_ENABLED_PLUGINS_FILE "$dir/enabled_plugins" \
      RABBITMQ_CONFIG_FILE "$dir/rabbitmq" \
      RABBITMQ_ADVANCED_CONFIG_FILE "$dir/advanced.config" \
      RABBITMQ_CONF_ENV_FILE "$dir/rabbitmq-env.conf" \
      ERL_CRASH_DUMP "$dir/log/erl_crash.dump"
    # The distribution port (server) and the CLI's own distribution listener bind 0.0.0.0 unless told otherwise.
    printf 'export %s=%q\n' \
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS '-kernel inet_dist_use_interface {127,0,0,1}' \
      RABBITMQ_CTL_ERL_ARGS '-kernel inet_dist_use_interface {127,0,0,1}'
  } >"$dir/node.env"
  # (RABBITMQ_CONFIG_FILE is the path without ".conf"; ERL_CRASH_DUMP keeps erl_crash.dump out of the working directory.)

  cat >"$dir/rabbitmqctl" <<EOF
#!/usr/bin/env bash
# rabbitmqctl for the node in this folder (written by deploy/local/rabbitmq.sh).
. $(printf %q "$dir/node.env")
exec $RMQ_BIN/rabbitmqctl "\$@"
EOF
  chmod +x "$dir/rabbitmqctl"

  # shellcheck disable=SC1091
  (
    . "$dir/node.env"
    cd "$dir"
    # Our own epmd, loopback only, on its own port: one the node spawns itself would outlive the node.
    setsid epmd -port "$epmd" -address 127.0.0.1 </dev/null >"$dir/log/epmd.out" 2>&1 &
    echo $! >"$dir/epmd.pid"
    for ((i = 0; i < 50; i++)); do port_open "$epmd" && break; sleep 0.1; done
    # setsid: the node gets a process group of its own, so that stop can end all of it (beam, erl_child_setup, ...).
    # (Run without job control, setsid execs in place, so $! is the group's id.)
    setsid "$RMQ_BIN/rabbitmq-server" </dev/null >"$dir/log/server.out" 2>&1 &
    echo $! >"$dir/server.pid"
  )

  local deadline=$((SECONDS + 60))
  until port_open "$amqp"; do
    if ((SECONDS >= deadline)) || ! kill -0 "$(<"$dir/server.pid")" 2>/dev/null; then
      echo "rabbitmq.sh: node $node did not open 127.0.0.1:$amqp; log tail:" >&2
      tail -n 60 "$dir/log/server.out" "$dir/log/$node.log" >&2 2>/dev/null || true
      stop "$dir"
      return 1
    fi
    sleep 0.2
  done

  # Replace only our own line, so that another service may share the env file.
  { grep -v '^RABBITMQ_URI=' "$dir/env" 2>/dev/null || true
    echo "RABBITMQ_URI=amqp://guest:guest@127.0.0.1:$amqp/"; } >"$dir/env.new"
  mv "$dir/env.new" "$dir/env"
}

stop() {
  [[ -d $1 ]] || return 0
  local dir
  dir=$(cd "$1" && pwd)
  if [[ -f $dir/server.pid ]] && kill -0 "$(<"$dir/server.pid")" 2>/dev/null; then
    # Clean shutdown first (waits until the Erlang VM has exited), then end whatever is left.
    timeout 30 "$dir/rabbitmqctl" shutdown >/dev/null 2>&1 || true
  fi
  kill_group "$dir/server.pid"
  kill_group "$dir/epmd.pid"
  rm -f "$dir/env.new"
}

case "${1:-}" in
  start | stop) [[ $# -eq 2 ]] || { echo "usage: $0 start|stop <dir>" >&2; exit 2; }; "$@" ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
