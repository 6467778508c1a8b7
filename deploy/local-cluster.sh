#!/usr/bin/env bash
# A three-node Serenity cluster on this machine, from Debian's postgresql and rabbitmq-server packages.
#
#   deploy/local-cluster.sh up [DIR]     start PostgreSQL, RabbitMQ and three nodes (data under DIR)
#   deploy/local-cluster.sh status [DIR] what runs, where, and the membership table
#   deploy/local-cluster.sh down [DIR]   stop exactly what `up` started (data stays; --purge deletes DIR)
#
# DIR defaults to $SERENITY_CLUSTER_DIR or /tmp/serenity-local-cluster. Everything listens on 127.0.0.1.
# Ports (override with the environment): PG_PORT 55432, AMQP_PORT 55672, DIST_PORT 55673, EPMD_PORT 55369,
# HTTP_BASE 5081 (node1 5081, node2 5082, node3 5083; the admin API is /api/admin/* on the same port),
# CMD_BASE 9111 (each node's pbm admin endpoint, also its cluster address: pbm 127.0.0.1:9111 cluster show).
# Roles: node1 ingest,trading,web; node2 trading,web; node3 trading,web. Config: hocon/cluster.conf,
# plus per-node SERENITY__CLUSTER__* environment overrides. Secrets are generated into DIR (mode 600).
set -euo pipefail

cmd="${1:-}"
dir="${2:-${SERENITY_CLUSTER_DIR:-/tmp/serenity-local-cluster}}"
purge="no"
if [ "${3:-}" = "--purge" ] || [ "${2:-}" = "--purge" ]; then
  purge="yes"
  if [ "${2:-}" = "--purge" ]; then dir="${SERENITY_CLUSTER_DIR:-/tmp/serenity-local-cluster}"; fi
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
pg_port="${PG_PORT:-55432}"
amqp_port="${AMQP_PORT:-55672}"
dist_port="${DIST_PORT:-55673}"
epmd_port="${EPMD_PORT:-55369}"
http_base="${HTTP_BASE:-5081}"
# Each node's pbm admin endpoint (serenity.cmd.port) and so its cluster address: pbm 127.0.0.1:9111 cluster show.
cmd_base="${CMD_BASE:-9111}"
rabbit_node="serenity-local@localhost"
nodes=(node1 node2 node3)
roles=('["ingest","trading","web"]' '["trading","web"]' '["trading","web"]')

die() { echo "local-cluster: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: run its programs as the postgres account then.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local b
  b="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$b" ] && [ -x "$b/initdb" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
  echo "$b"
}

rabbit_env() {
  export HOME="$dir/rabbitmq" RABBITMQ_MNESIA_BASE="$dir/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$dir/rabbitmq/log"
  export RABBITMQ_NODE_PORT="$amqp_port" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODENAME="$rabbit_node"
  export RABBITMQ_DIST_PORT="$dist_port" ERL_EPMD_PORT="$epmd_port" ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/rabbitmq/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq/rabbitmq"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/rabbitmq/advanced.config" RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq/rabbitmq-env.conf"
  export RABBITMQ_PID_FILE="$dir/rabbitmq/rabbitmq.pid" RABBITMQ_PLUGINS_EXPAND_DIR="$dir/rabbitmq/plugins-expand"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description, seconds, command...
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not happen within ${secs}s"
    sleep 0.5
  done
}

secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

up() {
  [ -f "$dir/state" ] && die "already up (state in $dir/state); run down first"
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || die "rabbitmq-server is not installed (apt-get install rabbitmq-server)"
  for p in "$pg_port" "$amqp_port" "$dist_port" "$epmd_port" $((http_base)) $((http_base + 1)) $((http_base + 2)) \
           $((cmd_base)) $((cmd_base + 1)) $((cmd_base + 2)); do
    port_free "$p" || die "port $p on 127.0.0.1 is taken (set PG_PORT, AMQP_PORT, DIST_PORT, EPMD_PORT, HTTP_BASE or CMD_BASE)"
  done
  mkdir -p "$dir/pg" "$dir/rabbitmq" "$dir/nodes"
  chmod 711 "$dir" # traversable: PostgreSQL runs as its own account under root
  : > "$dir/state"
  local pgb; pgb="$(pg_bin)"

  echo "PostgreSQL on 127.0.0.1:$pg_port"
  if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg"
    as_pg "$pgb/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/pg/initdb.log"
  fi
  as_pg "$pgb/pg_ctl" start -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/pg" >/dev/null
  echo "pg $dir/pg/data" >> "$dir/state"
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'serenity'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE serenity"
  fi

  echo "RabbitMQ on 127.0.0.1:$amqp_port (node $rabbit_node, epmd $epmd_port)"
  echo "[]." > "$dir/rabbitmq/enabled_plugins"
  printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:%s\n' "$amqp_port" > "$dir/rabbitmq/rabbitmq.conf"
  ( rabbit_env; nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$dir/rabbitmq/server.out" 2>&1 & echo $! > "$dir/rabbitmq/launcher.pid" )
  echo "rabbitmq $rabbit_node" >> "$dir/state"
  wait_for "RabbitMQ start-up" 90 bash -c "exec 3<>/dev/tcp/127.0.0.1/$amqp_port"

  [ -f "$dir/secrets.env" ] || {
    umask 077
    { echo "SERENITY_POSTGRES_CONNECTION='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=serenity'"
      echo "SERENITY_RABBITMQ_URI='amqp://guest:guest@127.0.0.1:$amqp_port/'"
      echo "SERENITY_ADMIN_TOKEN='$(secret)'"
      echo "SERENITY_TOKEN_SECRET='$(secret)'"; } > "$dir/secrets.env"
  }
  set -a; . "$dir/secrets.env"; set +a

  echo "building src/Serenity.Server"
  dotnet build "$repo/src/Serenity.Server" -v quiet -nologo >"$dir/nodes/build.log" 2>&1 || die "build failed: see $dir/nodes/build.log"
  local i
  for i in 0 1 2; do
    local name="${nodes[$i]}" port=$((http_base + i)) cmd_port=$((cmd_base + i))
    ( cd "$repo"
      SERENITY__CLUSTER__NODE_NAME="$name" SERENITY__CLUSTER__ROLES="${roles[$i]}" SERENITY__CMD__PORT="$cmd_port" \
      SERENITY__CLUSTER__ADDRESS="127.0.0.1:$cmd_port" \
        nohup dotnet run --no-build --project src/Serenity.Server -- --config "$repo/hocon/cluster.conf" --urls "http://127.0.0.1:$port" \
        --data "$dir/nodes/$name" >"$dir/nodes/$name.log" 2>&1 &
      echo "node $name $! $port" >> "$dir/state" )
    # The first node creates the journal and cluster tables (idempotent); the others start after it.
    if [ "$i" -eq 0 ]; then wait_for "$name /healthz" 120 curl -fsS "http://127.0.0.1:$port/healthz"; fi
  done
  for i in 1 2; do wait_for "${nodes[$i]} /healthz" 120 curl -fsS "http://127.0.0.1:$((http_base + i))/healthz"; done
  status
  echo "admin token: in $dir/secrets.env (SERENITY_ADMIN_TOKEN); e.g. curl -H \"Authorization: Bearer \$SERENITY_ADMIN_TOKEN\" http://127.0.0.1:$http_base/api/admin/..."
}

status() {
  [ -f "$dir/state" ] || { echo "not up ($dir/state missing)"; return 0; }
  while read -r kind a b c; do
    case "$kind" in
      pg) echo "postgresql  127.0.0.1:$pg_port  data $a  $(as_pg "$(pg_bin)/pg_ctl" status -D "$a" >/dev/null 2>&1 && echo running || echo stopped)";;
      rabbitmq) echo "rabbitmq    127.0.0.1:$amqp_port  node $a  $(port_free "$amqp_port" && echo stopped || echo running)";;
      node) echo "$a       http://127.0.0.1:$c/ (dashboard), http://127.0.0.1:$c/api/admin/ (admin), pbm 127.0.0.1:$((cmd_base + c - http_base)), pid $b  $(kill -0 "$b" 2>/dev/null && echo running || echo stopped)";;
    esac
  done < "$dir/state"
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d serenity -c \
    "SELECT node_id, status, roles, incarnation, now() - heartbeat_at AS silent_for FROM cluster_member ORDER BY node_id" 2>/dev/null \
    || echo "(membership table not readable yet)"
}

down() {
  [ -f "$dir/state" ] || { echo "not up"; return 0; }
  local kind a b c
  # Nodes first (SIGTERM: graceful), newest first; then RabbitMQ, then PostgreSQL.
  tac "$dir/state" | while read -r kind a b c; do
    [ "$kind" = node ] || continue
    if kill -0 "$b" 2>/dev/null; then
      echo "stopping $a (pid $b)"
      pkill -TERM -P "$b" 2>/dev/null || true
      kill -TERM "$b" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$b" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$b" 2>/dev/null || true
    fi
  done
  if grep -q '^rabbitmq ' "$dir/state"; then
    echo "stopping RabbitMQ"
    ( rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -n "$rabbit_node" stop >/dev/null 2>&1 || true
      beam="$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)"
      for _ in $(seq 1 60); do [ -n "$beam" ] && kill -0 "$beam" 2>/dev/null || break; sleep 0.5; done
      if [ -n "$beam" ]; then kill -KILL "$beam" 2>/dev/null || true; fi
      epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true )
  fi
  if grep -q '^pg ' "$dir/state"; then
    echo "stopping PostgreSQL"
    as_pg "$(pg_bin)/pg_ctl" stop -D "$dir/pg/data" -m fast >/dev/null 2>&1 || true
  fi
  rm -f "$dir/state"
  if [ "$purge" = yes ]; then rm -rf "$dir"; echo "deleted $dir"; fi
}

case "$cmd" in
  up) up ;;
  status) status ;;
  down) down ;;
  *) echo "usage: $0 up|status|down [DIR] [--purge]" >&2; exit 2 ;;
esac
