#!/usr/bin/env bash
# CertHub backup: the database (SQLite through the online backup API, or PostgreSQL with pg_dump -Fc) and the file store
# (Storage:Root: photos, seals, signatures, certificates, keys) into one timestamped directory. See docs/deploy.md.
#
#   scripts/backup.sh --sqlite PATH/certhub.db --files PATH/files --out /backups
#   scripts/backup.sh --pg "host=127.0.0.1 port=5432 dbname=certhub user=certhub" --files /srv/certhub/files --out /backups
#
# --pg takes a libpq connection string or URI (not the app's Npgsql string); give the password through PGPASSWORD or
# ~/.pgpass. The app may keep running: the database is copied first (a consistent snapshot), then the files, so every file
# the copied database refers to is in the archive (files written later are extra, never missing).
# Output: <out>/certhub-<UTC time>/ with database.sqlite3 or database.pgdump, files.tar.gz and manifest.txt (SHA-256 sums).
# The directory is written as <name>.partial and renamed only when complete; prints its path on success.
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
}

sqlite_db="" pg_conn="" files_dir="" out_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sqlite) sqlite_db="${2:?--sqlite needs a path}"; shift 2 ;;
    --pg) pg_conn="${2:?--pg needs a connection string}"; shift 2 ;;
    --files) files_dir="${2:?--files needs a path}"; shift 2 ;;
    --out) out_dir="${2:?--out needs a path}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "backup.sh: unknown argument $1" >&2; usage ;;
  esac
done

fail() { echo "backup.sh: $*" >&2; exit 1; }
[ -n "$out_dir" ] || fail "--out is required"
[ -n "$files_dir" ] || fail "--files (the Storage:Root directory) is required"
[ -d "$files_dir" ] || fail "file store $files_dir is not a directory"
if [ -n "$sqlite_db" ] && [ -n "$pg_conn" ]; then fail "give either --sqlite or --pg, not both"; fi
if [ -z "$sqlite_db" ] && [ -z "$pg_conn" ]; then fail "give --sqlite PATH or --pg CONNINFO"; fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
name="certhub-$stamp"
mkdir -p "$out_dir"
final="$out_dir/$name"
[ ! -e "$final" ] || fail "$final already exists"
work="$final.partial"
rm -rf "$work"
mkdir "$work"
trap 'rm -rf "$work"' EXIT  # a failed run leaves no .partial directory behind

# 1. The database.
if [ -n "$sqlite_db" ]; then
  [ -f "$sqlite_db" ] || fail "SQLite database $sqlite_db not found"
  provider=sqlite
  db_file=database.sqlite3
  # The online backup API copies a consistent snapshot, including what is still in the -wal file (a plain cp would not).
  if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$sqlite_db" ".timeout 30000" ".backup '$work/$db_file'"
    check=$(sqlite3 "$work/$db_file" "PRAGMA integrity_check;")
  else
    python3 - "$sqlite_db" "$work/$db_file" <<'PY'
import sqlite3, sys
src = sqlite3.connect(sys.argv[1], timeout=30)
dst = sqlite3.connect(sys.argv[2])
src.backup(dst)
dst.close(); src.close()
PY
    check=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$work/$db_file")
  fi
  [ "$check" = "ok" ] || fail "integrity check of the copied database failed: $check"
else
  command -v pg_dump >/dev/null 2>&1 || fail "pg_dump not found (install postgresql-client of the server's major version or later)"
  provider=postgres
  db_file=database.pgdump
  # Custom format (-Fc): compressed, one consistent snapshot (repeatable-read transaction), restorable with pg_restore.
  pg_dump --format=custom --no-owner --no-acl --file="$work/$db_file" --dbname="$pg_conn"
  pg_restore --list "$work/$db_file" >/dev/null || fail "the dump cannot be read back by pg_restore"
fi

# 2. The file store (after the database, see above). Relative paths, so it restores into any Storage:Root.
tar -C "$files_dir" -czf "$work/files.tar.gz" .
tar -tzf "$work/files.tar.gz" >/dev/null || fail "the file archive cannot be read back"

# 3. Manifest with checksums, checked by restore.sh before it touches anything.
{
  echo "certhub-backup 1"
  echo "created_utc $stamp"
  echo "provider $provider"
  echo "database $db_file"
  echo "files files.tar.gz"
  echo "file_count $(tar -tzf "$work/files.tar.gz" | grep -cv '/$' || true)"
} >"$work/manifest.txt"
(cd "$work" && sha256sum "$db_file" files.tar.gz >SHA256SUMS)

mv "$work" "$final"
echo "$final"
