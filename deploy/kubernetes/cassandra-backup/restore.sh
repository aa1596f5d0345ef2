#!/usr/bin/env bash
# Restores one keyspace, or every keyspace of a backup, from a folder backup.sh wrote. Run it where backup.sh runs
# (the CronJob's image with kubectl, or the compose backup container), with the services stopped or scaled to zero.
#   restore.sh <backup folder> <keyspace>     one keyspace
#   restore.sh <backup folder> --all          the whole cluster (every keyspace but Cassandra's own)
#   restore.sh <backup folder> <keyspace> --into-existing-tables
#                                              the keyspace exists with empty tables (the services' migrations made it
#                                              on a new cluster): load the data only
# Per keyspace: drop it, create it again from the backup's schema.cql, put each node's SSTables into the new table
# folders on the same node, and load them with nodetool refresh. A node keeps its token ranges across a restore
# (StatefulSet identity, or the same compose volume), so each node gets its own files back.
set -euo pipefail

backup="${1:?usage: restore.sh <backup folder> <keyspace>|--all}"
what="${2:?usage: restore.sh <backup folder> <keyspace>|--all}"
schema_mode="${3:-}"
data="${CASSANDRA_DATA:-/var/lib/cassandra/data}"
nodes="${CASSANDRA_PODS:-local}"
first="${nodes%% *}"
nodetool="${NODETOOL:-nodetool}"
cqlsh="${CQLSH:-cqlsh}"

on_node() {
  local node="$1"; shift
  if [[ "$node" == local ]]; then "$@"; else kubectl exec -i "$node" -c cassandra -- "$@"; fi
}

[[ -f "$backup/schema.cql" ]] || { echo "$backup has no schema.cql: not a backup folder" >&2; exit 1; }
if [[ "$what" == --all ]]; then
  keyspaces=$(find "$backup"/*/ -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | grep -v '^system' | sort -u)
else
  keyspaces="$what"
fi

# The statements of one keyspace from schema.cql: from its CREATE KEYSPACE to the next one.
schema_of() {
  awk -v ks="$1" '
    /^CREATE KEYSPACE / { inside = ($3 == ks || $3 == "\"" ks "\"" || $6 == ks || $6 == "\"" ks "\"") }
    inside { print }' "$backup/schema.cql"
}

for keyspace in $keyspaces; do
  echo "restoring keyspace $keyspace"
  if [[ "$schema_mode" != --into-existing-tables ]]; then
    schema=$(schema_of "$keyspace")
    [[ -n "$schema" ]] || { echo "schema.cql has no keyspace $keyspace" >&2; exit 1; }
    # shellcheck disable=SC2086
    on_node "$first" $cqlsh -e "DROP KEYSPACE IF EXISTS $keyspace;"
    # shellcheck disable=SC2086
    printf '%s\n' "$schema" | on_node "$first" $cqlsh
  fi
  for node in $nodes; do
    for table_folder in "$backup/$node/$keyspace"/*/; do
      [[ -d "$table_folder" ]] || continue
      table=$(basename "$table_folder"); table="${table%-*}"
      # The table's new folder (a new id after CREATE TABLE): the newest one of that name.
      live=$(on_node "$node" bash -c 'ls -1dt "$1/$2/$3"-* | head -n 1' _ "$data" "$keyspace" "$table")
      (cd "$table_folder"snapshots/* && tar -cf - .) | on_node "$node" tar -C "$live" -xf -
      # shellcheck disable=SC2086
      on_node "$node" $nodetool refresh "$keyspace" "$table"
    done
  done
done
echo "restored: $keyspaces"
