#!/usr/bin/env bash
# The full benchmarks of docs/performance.md, on PostgreSQL: `make bench`.
# Builds (once) a database per corpus size with generate_synthetic, then prints every figure.
# SIZES="10000 100000" make bench   runs a subset; PG_URL names the server.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
SIZES=${SIZES:-10000 100000 1000000}
psql_do() { psql "$PG_URL/postgres" -tAc "$1"; }

corpus() {  # corpus SIZE -> prints the database url holding SIZE synthetic claims
  local db="provenance_bench_$1" url="$PG_URL/provenance_bench_$1"
  psql_do "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql_do "CREATE DATABASE $db" >/dev/null
  DATABASE_URL="$url" $PY manage.py migrate --noinput -v 0
  local have
  have=$(psql "$url" -tAc "SELECT count(*) FROM claims_claim")
  if [ "$have" -lt "$1" ]; then
    echo "== generating $1 claims into $db" >&2
    DATABASE_URL="$url" $PY manage.py generate_synthetic --claims $(( $1 - have )) >&2
  fi
  echo "$url"
}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(psql "$PG_URL/postgres" -tAc 'SHOW server_version')"
for size in $SIZES; do
  url=$(corpus "$size")
  echo "== list, $size claims"
  DATABASE_URL="$url" $PY -m bench.list_latency --runs 30
done
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
url=$(corpus "$largest")
echo "== chain, on the $largest-claim corpus"
DATABASE_URL="$url" $PY -m bench.chain_latency --runs 10
echo "== load, on the $largest-claim corpus"
DATABASE_URL="$url" $PY -m bench.load --seconds 20 --connections 16 --workers 4
echo "== import, into a fresh database"
psql_do "DROP DATABASE IF EXISTS provenance_bench_import" >/dev/null
psql_do "CREATE DATABASE provenance_bench_import" >/dev/null
DATABASE_URL="$PG_URL/provenance_bench_import" $PY manage.py migrate --noinput -v 0
DATABASE_URL="$PG_URL/provenance_bench_import" $PY -m bench.import_throughput --claims 5000
