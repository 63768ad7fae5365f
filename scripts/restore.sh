#!/usr/bin/env bash
# CertHub restore: puts back a directory written by scripts/backup.sh (database + file store). Stop every app instance
# first (restoring under a running app mixes old and new data); start them again afterwards.
#
#   scripts/restore.sh /backups/certhub-20261129T210000Z --sqlite PATH/certhub.db --files PATH/files [--force]
#   scripts/restore.sh /backups/certhub-20261129T210000Z --pg "host=127.0.0.1 dbname=certhub user=certhub" --files /srv/certhub/files [--force]
#
# Checks the backup's SHA-256 sums before touching anything. Without --force it refuses to overwrite an existing SQLite
# file, a PostgreSQL database that already has tables, or a non-empty file store. With --force: the SQLite file is
# replaced (its old -wal/-shm files removed), the PostgreSQL objects of the dump are dropped and recreated in one
# transaction (pg_restore --clean --if-exists --single-transaction; tables that are not in the dump are kept and named in a
# warning), and the file store's content is replaced.
# The PostgreSQL database itself must exist (createdb -O certhub -E UTF8 certhub for a new server).
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
}

backup="" sqlite_db="" pg_conn="" files_dir="" force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sqlite) sqlite_db="${2:?--sqlite needs a path}"; shift 2 ;;
    --pg) pg_conn="${2:?--pg needs a connection string}"; shift 2 ;;
    --files) files_dir="${2:?--files needs a path}"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage ;;
    -*) echo "restore.sh: unknown argument $1" >&2; usage ;;
    *) [ -z "$backup" ] || usage; backup="$1"; shift ;;
  esac
done

fail() { echo "restore.sh: $*" >&2; exit 1; }
[ -n "$backup" ] || fail "give the backup directory"
[ -f "$backup/manifest.txt" ] || fail "$backup is not a CertHub backup (no manifest.txt)"
[ -n "$files_dir" ] || fail "--files (the Storage:Root directory) is required"
if [ -n "$sqlite_db" ] && [ -n "$pg_conn" ]; then fail "give either --sqlite or --pg, not both"; fi

field() { awk -v k="$1" '$1 == k { print $2 }' "$backup/manifest.txt"; }
provider=$(field provider)
db_file=$(field database)
case "$provider" in
  sqlite) [ -n "$sqlite_db" ] || fail "this is a SQLite backup: give --sqlite PATH" ;;
  postgres) [ -n "$pg_conn" ] || fail "this is a PostgreSQL backup: give --pg CONNINFO" ;;
  *) fail "unknown provider '$provider' in the manifest" ;;
esac

# 1. Verify the backup before changing anything.
(cd "$backup" && sha256sum --quiet -c SHA256SUMS >&2) || fail "checksum mismatch: the backup is damaged"

# 2. Refuse to overwrite without --force.
files_not_empty=0
if [ -d "$files_dir" ] && [ -n "$(ls -A "$files_dir")" ]; then files_not_empty=1; fi
if [ "$force" -eq 0 ]; then
  if [ "$provider" = sqlite ]; then
    [ ! -e "$sqlite_db" ] || fail "$sqlite_db exists (use --force to replace it)"
  else
    tables=$(psql --dbname="$pg_conn" -XAtqc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    [ "$tables" = "0" ] || fail "the PostgreSQL database already has $tables tables (use --force to replace them)"
  fi
  [ "$files_not_empty" -eq 0 ] || fail "file store $files_dir is not empty (use --force to replace its content)"
fi

# 3. The database.
backup_tables=$(mktemp)
trap 'rm -f "$backup_tables"' EXIT
if [ "$provider" = sqlite ]; then
  mkdir -p "$(dirname "$sqlite_db")"
  tmp="$sqlite_db.restoring"
  cp "$backup/$db_file" "$tmp"
  # Stale -wal/-shm files of the old database would be replayed over the restored one: remove them with it.
  rm -f "$sqlite_db-wal" "$sqlite_db-shm" "$sqlite_db-journal"
  mv -f "$tmp" "$sqlite_db"
else
  pg_restore --clean --if-exists --no-owner --no-acl --single-transaction --exit-on-error \
    --dbname="$pg_conn" "$backup/$db_file"
  # --clean drops only what the dump contains: name tables made after the backup (e.g. by a newer migration), which stay.
  pg_restore --list "$backup/$db_file" | awk '$4 == "TABLE" { print $5 "." $6 }' | sort >"$backup_tables"
  psql --dbname="$pg_conn" -XAtqc "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" |
    sort | comm -23 - "$backup_tables" | while read -r extra; do
      echo "restore.sh: warning: table $extra is not in the backup and was left as it is (drop it, or restore into a new database)" >&2
    done
fi

# 4. The file store: unpack beside it first, then swap the content in.
mkdir -p "$files_dir"
files_dir=$(cd "$files_dir" && pwd)
staging=$(mktemp -d "$files_dir/../.certhub-restore.XXXXXX")
trap 'rm -rf "$staging" "$backup_tables"' EXIT
tar -C "$staging" -xzf "$backup/files.tar.gz"
find "$files_dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
(cd "$staging" && find . -mindepth 1 -maxdepth 1 -exec mv -t "$files_dir" {} +)

echo "restored $provider database and $(field file_count) files from $backup"
