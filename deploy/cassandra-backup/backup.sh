#!/usr/bin/env bash
# One backup of every keyspace on every Cassandra node, into $BACKUP_ROOT/<UTC time>/<node>/<keyspace>/<table>/:
# nodetool snapshot (hard links, no copy on the node), the snapshot's SSTables copied off the node, the snapshot cleared,
# the schema beside them (schema.cql), backups older than $BACKUP_RETENTION_DAYS removed, and the success time pushed
# to the Pushgateway Prometheus scrapes. Nodes are reached with kubectl exec when $CASSANDRA_PODS names the pods
# (the Kubernetes CronJob), otherwise the script runs on the node itself (compose: Cassandra's network and data volume).
set -euo pipefail

root="${BACKUP_ROOT:?BACKUP_ROOT is not set}"
retention_days="${BACKUP_RETENTION_DAYS:-30}"
data="${CASSANDRA_DATA:-/var/lib/cassandra/data}"
nodes="${CASSANDRA_PODS:-local}"
keyspaces="${BACKUP_KEYSPACES:-}" # empty: every keyspace
nodetool="${NODETOOL:-nodetool}"
cqlsh="${CQLSH:-cqlsh}"
started=$(date -u +%s)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
tag="productstore-$stamp"
target="$root/$stamp"
partial="$target.partial"

on_node() { # <node> <command...>: runs the command on that Cassandra node
  local node="$1"; shift
  if [[ "$node" == local ]]; then "$@"; else kubectl exec "$node" -c cassandra -- "$@"; fi
}

umask 077
mkdir -p "$partial"
for node in $nodes; do
  echo "$node: snapshot $tag"
  # shellcheck disable=SC2086 # word splitting intended: commands and keyspace lists
  on_node "$node" $nodetool snapshot -t "$tag" $keyspaces
  mkdir -p "$partial/$node"
  # Only this snapshot's files, as keyspace/table-id/snapshots/tag/...; tar streams them off the node.
  on_node "$node" bash -c 'cd "$1" && find . -path "*/snapshots/$2/*" -type f -print0 | tar --null -cf - -T -' _ "$data" "$tag" \
    | tar -C "$partial/$node" -xf -
  # shellcheck disable=SC2086
  on_node "$node" $nodetool clearsnapshot -t "$tag"
done
# Keyspaces, types and tables as CQL: what a restore creates before it loads the SSTables.
# shellcheck disable=SC2086
on_node "${nodes%% *}" $cqlsh -e "DESCRIBE SCHEMA" > "$partial/schema.cql"
mv "$partial" "$target"
echo "backup complete: $target ($(du -sh "$target" | cut -f1))"

# Retention: whole backups older than the window (and partial ones a failed run left).
find "$root" -mindepth 1 -maxdepth 1 -type d -mtime +"$((retention_days - 1))" -print -exec rm -rf {} +
find "$root" -mindepth 1 -maxdepth 1 -type d -name '*.partial' ! -name "$stamp.partial" -mmin +1440 -print -exec rm -rf {} +

if [[ -n "${PUSHGATEWAY:-}" ]]; then
  finished=$(date -u +%s)
  body="# TYPE productstore_backup_last_success_timestamp_seconds gauge
productstore_backup_last_success_timestamp_seconds $finished
# TYPE productstore_backup_duration_seconds gauge
productstore_backup_duration_seconds $((finished - started))
"
  # bash's /dev/tcp: the cassandra and kubectl images need no HTTP client for one POST.
  exec 3<>"/dev/tcp/${PUSHGATEWAY%%:*}/${PUSHGATEWAY##*:}"
  printf 'POST /metrics/job/productstore_backup/store/cassandra HTTP/1.1\r\nHost: %s\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$PUSHGATEWAY" "${#body}" "$body" >&3
  head -n 1 <&3 | grep -q ' 20[02] ' || { echo "the Pushgateway at $PUSHGATEWAY refused the success time" >&2; exit 1; }
fi
