#!/usr/bin/env bash
# Compose has no cron: runs backup.sh every day at the time $BACKUP_SCHEDULE names (UTC), the Kubernetes CronJob's
# schedule: a daily "minute hour * * *". A failed run is logged and retried the next day; BackupMissing alerts before then.
set -uo pipefail
read -r minute hour rest <<<"${BACKUP_SCHEDULE:?BACKUP_SCHEDULE is not set}"
[[ "$minute" =~ ^[0-9]+$ && "$hour" =~ ^[0-9]+$ && "$rest" == "* * *" ]] || { echo "BACKUP_SCHEDULE must be daily: 'M H * * *'" >&2; exit 2; }
at=$(printf '%02d:%02d' "$hour" "$minute")
while true; do
  now=$(date -u +%s)
  next=$(date -u -d "today $at" +%s)
  (( next > now )) || next=$(date -u -d "tomorrow $at" +%s)
  echo "next backup at $(date -u -d "@$next" '+%Y-%m-%d %H:%M UTC')"
  sleep "$((next - now))"
  bash "$(dirname "$0")/backup.sh" || echo "backup failed (exit $?)" >&2
done
