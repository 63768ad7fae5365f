#!/usr/bin/env bash
# Proves scripts/backup.sh and scripts/restore.sh: a backup taken while a writer holds the SQLite database open (rows still in
# its -wal file) restores to exactly the backed-up rows and files, after the data was changed; the restore refuses to
# overwrite without --force and refuses a damaged backup. Then the same on PostgreSQL, on a throw-away cluster on loopback
# (Debian's postgresql, /usr/lib/postgresql/*/bin/initdb), when it is installed; skipped with a message otherwise.
# With CERTHUB_TEST_PG_SCHEMA=<EF migration script for PostgreSQL> it also backs up and restores the real CertHub schema.
# Needs sqlite3 (or python3), tar, sha256sum. Exit code 0 only when every check passed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cleanups=()
cleanup() {
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

checks=0
pass() { checks=$((checks + 1)); echo "  ok: $*"; }
die() { echo "FAILED: $*" >&2; exit 1; }

sql() { # sql DB STATEMENTS: sqlite3 CLI, else python3's sqlite3 module
  if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 -batch "$1" "$2"
  else
    python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
s = sys.argv[2].strip()
if ";" in s.rstrip(";"):
    c.executescript(s)
else:
    for r in c.execute(s):
        print("|".join("" if v is None else str(v) for v in r))
c.commit()' "$1" "$2"
  fi
}

make_files() { # a file store with nested folders, Chinese names and binary content
  mkdir -p "$1/photos/4111010008" "$1/certificates/2026" "$1/keys"
  printf '签名' >"$1/keys/checkin-token.key"
  head -c 65536 /dev/urandom >"$1/photos/4111010008/张三.jpg"
  head -c 300000 /dev/urandom >"$1/certificates/2026/证书-0001.pdf"
}

echo "== SQLite"
db="$tmp/sqlite/app/certhub.db"
files="$tmp/sqlite/app/files"
mkdir -p "$(dirname "$db")"
make_files "$files"
sql "$db" "PRAGMA journal_mode=WAL;
CREATE TABLE Candidates (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, IdNumber TEXT NOT NULL, Photo BLOB);
INSERT INTO Candidates (Name, IdNumber, Photo) VALUES ('张三', '110101200001011234', randomblob(2000)), ('李四', '11010120000202123X', NULL), ('王五', '110101200003031236', x'00ff');" >/dev/null

# A writer keeps the database open with automatic checkpoints off and commits two more rows: they live only in the -wal file
# while the backup runs (a plain copy of certhub.db would lose them).
python3 - "$db" "$tmp/writer.ready" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("INSERT INTO Candidates (Name, IdNumber) VALUES ('赵六', '110101200004041238'), ('孙七', '110101200005051230')")
c.commit()
open(sys.argv[2], "w").close()
time.sleep(60)
PY
writer=$!
cleanups+=("kill $writer 2>/dev/null")
for _ in $(seq 1 100); do [ -e "$tmp/writer.ready" ] && break; sleep 0.1; done
[ -e "$tmp/writer.ready" ] || die "the writer did not start"
[ -s "$db-wal" ] || die "expected committed rows in $db-wal"
cp "$db" "$tmp/plain-copy.db"
[ "$(sql "$tmp/plain-copy.db" "SELECT count(*) FROM Candidates;")" = "3" ] || die "expected a plain copy of the main file to miss the -wal rows"
pass "5 rows committed, 2 of them only in the -wal file (a plain cp of certhub.db has 3), writer still connected"

expected_rows=$(sql "$db" "SELECT Id, Name, IdNumber, hex(Photo) FROM Candidates ORDER BY Id;")
(cd "$files" && find . -type f -exec sha256sum {} + | sort -k2) >"$tmp/files.expected"

backup=$("$here/backup.sh" --sqlite "$db" --files "$files" --out "$tmp/backups")
[ -d "$backup" ] && [[ "$(basename "$backup")" =~ ^certhub-[0-9]{8}T[0-9]{6}Z$ ]] || die "no timestamped backup directory: $backup"
[ -z "$(ls "$tmp/backups" | grep partial || true)" ] || die "a .partial directory was left behind"
[ "$(sql "$backup/database.sqlite3" "SELECT count(*) FROM Candidates;")" = "5" ] || die "the backup lacks the rows in the -wal file"
pass "backup $(basename "$backup"): $(ls "$backup" | tr '\n' ' ')with all 5 rows"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true

# Change everything after the backup.
sql "$db" "DELETE FROM Candidates WHERE Name = '张三'; UPDATE Candidates SET Name = '改名' WHERE Name = '李四'; INSERT INTO Candidates (Name, IdNumber) VALUES ('新增', '1');" >/dev/null
rm "$files/photos/4111010008/张三.jpg"
echo changed >"$files/certificates/2026/证书-0001.pdf"
echo new >"$files/keys/extra.txt"
[ "$(sql "$db" "SELECT Id, Name, IdNumber, hex(Photo) FROM Candidates ORDER BY Id;")" != "$expected_rows" ] || die "the change did not change the rows"

if "$here/restore.sh" "$backup" --sqlite "$db" --files "$files" 2>"$tmp/err"; then die "restore overwrote without --force"; fi
grep -q "use --force" "$tmp/err" || die "unexpected refusal: $(cat "$tmp/err")"
pass "restore without --force refused: $(cat "$tmp/err")"

damaged="$tmp/damaged"
cp -r "$backup" "$damaged"
printf 'x' >>"$damaged/files.tar.gz"
if "$here/restore.sh" "$damaged" --sqlite "$db" --files "$files" --force 2>"$tmp/err"; then die "a damaged backup was restored"; fi
grep -q "checksum mismatch" "$tmp/err" || die "unexpected error: $(cat "$tmp/err")"
[ "$(sql "$db" "SELECT count(*) FROM Candidates WHERE Name = '新增';")" = "1" ] && [ -e "$files/keys/extra.txt" ] || die "the damaged restore changed data"
pass "damaged backup refused before any change: $(tail -1 "$tmp/err")"

"$here/restore.sh" "$backup" --sqlite "$db" --files "$files" --force
[ ! -e "$db-wal" ] || [ ! -s "$db-wal" ] || die "a stale -wal file survived the restore"
[ "$(sql "$db" "SELECT Id, Name, IdNumber, hex(Photo) FROM Candidates ORDER BY Id;")" = "$expected_rows" ] || die "restored rows differ"
[ "$(sql "$db" "PRAGMA integrity_check;")" = "ok" ] || die "restored database fails its integrity check"
(cd "$files" && find . -type f -exec sha256sum {} + | sort -k2) >"$tmp/files.actual"
diff "$tmp/files.expected" "$tmp/files.actual" || die "restored files differ"
pass "restored over changed data: 5 rows identical, $(wc -l <"$tmp/files.actual") files identical, extra file removed"

# Disaster recovery: a new machine with nothing on it.
"$here/restore.sh" "$backup" --sqlite "$tmp/new/data/certhub.db" --files "$tmp/new/files"
[ "$(sql "$tmp/new/data/certhub.db" "SELECT Id, Name, IdNumber, hex(Photo) FROM Candidates ORDER BY Id;")" = "$expected_rows" ] || die "rows differ on the new machine"
(cd "$tmp/new/files" && find . -type f -exec sha256sum {} + | sort -k2) | diff "$tmp/files.expected" - || die "files differ on the new machine"
pass "restored onto empty paths (new machine) without --force"

echo "== PostgreSQL"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || ! command -v pg_dump >/dev/null 2>&1; then
  echo "  SKIPPED: no PostgreSQL server binaries (apt-get install postgresql) — only SQLite was tested"
  echo "PASSED: $checks checks (SQLite only)"
  exit 0
fi
port="${CERTHUB_TEST_PG_PORT:-54341}"
pgdir=$(mktemp -d)  # its own directory: the server's user must be able to enter it
cleanups+=("rm -rf $pgdir")
as=()
if [ "$(id -u)" = "0" ]; then chown postgres "$pgdir"; as=(runuser -u postgres --); fi
"${as[@]}" "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log"
"${as[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w start \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
cleanups+=("${as[*]} $pg_bin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null 2>&1")
server="host=127.0.0.1 port=$port user=postgres"
psql "$server dbname=postgres" -XqAtc "CREATE DATABASE certhub ENCODING 'UTF8'" >/dev/null
conn="$server dbname=certhub"
pg() { psql "$1" -XqAt -v ON_ERROR_STOP=1 -c "$2"; }
pg "$conn" "CREATE TABLE \"Candidates\" (\"Id\" serial PRIMARY KEY, \"Name\" text NOT NULL, \"Photo\" bytea, \"CreatedUtc\" timestamptz NOT NULL DEFAULT now(), \"RowVersion\" bigint NOT NULL DEFAULT 1);
CREATE INDEX \"IX_Candidates_Name\" ON \"Candidates\" (\"Name\");
INSERT INTO \"Candidates\" (\"Name\", \"Photo\") VALUES ('张三', decode(repeat('ab', 5000), 'hex')), ('李四', NULL), ('王五', '\\x00ff');"
query='SELECT "Id", "Name", md5(coalesce("Photo", '"''"'::bytea)), "CreatedUtc", "RowVersion" FROM "Candidates" ORDER BY "Id"'
pg_files="$tmp/pgapp/files"
make_files "$pg_files"
expected_pg=$(pg "$conn" "$query")
(cd "$pg_files" && find . -type f -exec sha256sum {} + | sort -k2) >"$tmp/pgfiles.expected"
pass "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, 3 rows"

pg_backup=$("$here/backup.sh" --pg "$conn" --files "$pg_files" --out "$tmp/pgbackups")
[ -s "$pg_backup/database.pgdump" ] || die "no pg_dump file"
pass "backup $(basename "$pg_backup"): $(ls "$pg_backup" | tr '\n' ' ')"

pg "$conn" "DELETE FROM \"Candidates\" WHERE \"Name\" = '张三'; UPDATE \"Candidates\" SET \"Name\" = '改名', \"RowVersion\" = 2 WHERE \"Name\" = '李四'; CREATE TABLE \"Extra\" (x int);" >/dev/null
rm -r "$pg_files/photos"
if "$here/restore.sh" "$pg_backup" --pg "$conn" --files "$pg_files" 2>"$tmp/err"; then die "restore overwrote PostgreSQL without --force"; fi
grep -q "already has" "$tmp/err" || die "unexpected refusal: $(cat "$tmp/err")"
pass "restore without --force refused: $(cat "$tmp/err")"

"$here/restore.sh" "$pg_backup" --pg "$conn" --files "$pg_files" --force 2>"$tmp/err"
grep -q 'warning: table public.Extra is not in the backup' "$tmp/err" || die "no warning about the table made after the backup: $(cat "$tmp/err")"
[ "$(grep -c warning "$tmp/err")" = "1" ] || die "unexpected warnings: $(cat "$tmp/err")"
[ "$(pg "$conn" "$query")" = "$expected_pg" ] || die "restored PostgreSQL rows differ"
(cd "$pg_files" && find . -type f -exec sha256sum {} + | sort -k2) | diff "$tmp/pgfiles.expected" - || die "restored files differ"
next=$(pg "$conn" "INSERT INTO \"Candidates\" (\"Name\") VALUES ('新') RETURNING \"Id\"")
[ "$next" = "4" ] || die "the serial sequence was not restored (next id $next)"
pass "restored over changed data: rows, index, sequence (next id 4) and files identical; warned: $(cat "$tmp/err" | grep warning)"

psql "$server dbname=postgres" -XqAtc "CREATE DATABASE certhub_new ENCODING 'UTF8'" >/dev/null
"$here/restore.sh" "$pg_backup" --pg "$server dbname=certhub_new" --files "$tmp/pgnew/files"
[ "$(pg "$server dbname=certhub_new" "$query")" = "$expected_pg" ] || die "rows differ in the new database"
pass "restored into a new empty database without --force"

# Optional: the real CertHub schema. CERTHUB_TEST_PG_SCHEMA names a migration script made with
#   dotnet ef migrations script --idempotent --project CertHub.Data --startup-project CertHub.Data --context PostgresCertHubDbContext --output FILE
# it is applied twice (idempotent) to a database whose dump is restored into a new one; schemas and migration history must match.
if [ -n "${CERTHUB_TEST_PG_SCHEMA:-}" ]; then
  psql "$server dbname=postgres" -XqAtc "CREATE DATABASE certhub_schema ENCODING 'UTF8'" >/dev/null
  for _ in 1 2; do psql "$server dbname=certhub_schema" -Xq -v ON_ERROR_STOP=1 -f "$CERTHUB_TEST_PG_SCHEMA" >/dev/null 2>&1; done
  tables=$(pg "$server dbname=certhub_schema" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  schema_backup=$("$here/backup.sh" --pg "$server dbname=certhub_schema" --files "$pg_files" --out "$tmp/schemabackups")
  psql "$server dbname=postgres" -XqAtc "CREATE DATABASE certhub_schema_new ENCODING 'UTF8'" >/dev/null
  "$here/restore.sh" "$schema_backup" --pg "$server dbname=certhub_schema_new" --files "$tmp/schemanew/files" >/dev/null
  pg_dump --schema-only --no-owner "$server dbname=certhub_schema" | grep -Ev '^(--|\\(un)?restrict )' >"$tmp/schema.a"
  pg_dump --schema-only --no-owner "$server dbname=certhub_schema_new" | grep -Ev '^(--|\\(un)?restrict )' >"$tmp/schema.b"
  diff "$tmp/schema.a" "$tmp/schema.b" || die "the restored CertHub schema differs"
  history='SELECT string_agg("MigrationId", '"','"' ORDER BY 1) FROM "__EFMigrationsHistory"'
  [ "$(pg "$server dbname=certhub_schema" "$history")" = "$(pg "$server dbname=certhub_schema_new" "$history")" ] || die "migration history differs"
  pass "CertHub schema ($tables tables, migrations $(pg "$server dbname=certhub_schema_new" "$history")): script applied twice, backed up, restored into a new database, schema dumps identical"
fi

echo "PASSED: $checks checks (SQLite and PostgreSQL)"
