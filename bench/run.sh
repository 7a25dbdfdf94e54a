#!/usr/bin/env bash
# One command per benchmark scenario, against the published app (Release) on PostgreSQL, loopback only.
#
#   bench/run.sh generate SIZE   # database bench_SIZE: an organisation filled by seed-demo (COPY)
#   bench/run.sh lists SIZE      # p50/p95/p99 of the contact list's first page, a filtered list, a search, a count by stage and the home overview
#   bench/run.sh mixed SIZE      # the mixed CRM workload: req/s, percentiles, errors, app peak RSS
#   bench/run.sh ratio SIZE      # GET /api/v1/contacts/{id} vs the same read through raw Npgsql, and the floor (port + 1)
#   bench/run.sh limits SIZE     # the published batch sizes at their limit: bulk requests of 1,000, 10,000-row exports
#   bench/run.sh soak SIZE       # 10 minutes of the mixed workload, minute by minute: 5xx, RSS growth, database connections
#   bench/run.sh drop SIZE       # drops bench_SIZE
#
# SIZE is 10k (10 000 contacts, 2 000 companies, 50 000 activities), 100k or 1m (1 000 000, 200 000, 5 000 000).
# Needs PEYVAND_BENCH_POSTGRES, an Npgsql connection string to a server we may create databases on, e.g.
#   source eng/postgres.sh && pg_start && export PEYVAND_BENCH_POSTGRES="$PEYVAND_TEST_POSTGRES"
# Knobs: BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_FILTER (the filtered list's extra filter, default the demo custom field
# cf.region=north), BENCH_PORT, BENCH_WARMUP (seconds of app warm-up before measuring: ratio 45, soak 120), BENCH_ROUNDS (ratio: rounds, 5).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scenario="${1:?usage: bench/run.sh generate|lists|mixed|ratio|soak|limits|drop SIZE}"
size="${2:?SIZE: 10k, 100k or 1m}"
case "$size" in
    10k) counts=(10000 2000 50000) ;;
    100k) counts=(100000 20000 500000) ;;
    1m) counts=(1000000 200000 5000000) ;;
    *) echo "error: SIZE is 10k, 100k or 1m" >&2; exit 2 ;;
esac
server="${PEYVAND_BENCH_POSTGRES:?set PEYVAND_BENCH_POSTGRES (see the top of this script)}"
db="bench_$size"
connection="$(sed -E "s/Database=[^;]*/Database=$db/" <<<"$server")"
out="$root/artifacts/bench"
mkdir -p "$out"

psql_url() { # Npgsql connection string → psql URL (host, port, user only: trust auth on the throwaway cluster)
    local host port user
    host="$(grep -oP 'Host=\K[^;]+' <<<"$1")"; port="$(grep -oP 'Port=\K[^;]+' <<<"$1" || echo 5432)"
    user="$(grep -oP 'Username=\K[^;]+' <<<"$1")"
    echo "postgresql://$user@$host:$port/$2"
}

publish() {
    if [[ ! -f "$out/app/Peyvand.Web.dll" || -n "${BENCH_REPUBLISH:-}" ]]; then
        dotnet publish src/Peyvand.Web -c Release -o "$out/app" -v q >/dev/null
    fi
    if [[ ! -f "$out/client/Peyvand.Bench.dll" || -n "${BENCH_REPUBLISH:-}" ]]; then
        dotnet publish bench/Peyvand.Bench -c Release -o "$out/client" -v q >/dev/null
    fi
}

app_env() {
    export Peyvand__Database__Provider=Postgres ConnectionStrings__Postgres="$connection"
    export Peyvand__DataDir="$out/data-$db" Peyvand__RateLimit__PermitsPerMinute=100000000 Peyvand__RateLimit__TenantPermitsPerMinute=100000000
    # The app's own runtime settings (server GC, no thread-pool spinning), as a deployment runs it.
    export Logging__LogLevel__Default=Warning
}

case "$scenario" in
    generate)
        publish
        psql -q "$(psql_url "$server" postgres)" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
        app_env
        dotnet "$out/app/Peyvand.Web.dll" create-tenant --name Bench --slug bench \
            --admin-email "admin@$db.bench.invalid" --admin-password correct-horse-battery-42
        dotnet "$out/app/Peyvand.Web.dll" seed-demo --tenant bench --contacts "${counts[0]}" --companies "${counts[1]}" --activities "${counts[2]}"
        # What autovacuum would do soon after a bulk load: planner statistics, GIN pending lists merged.
        psql -q "$(psql_url "$server" "$db")" -c "VACUUM ANALYZE"
        psql -qAt "$(psql_url "$server" "$db")" -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size('$db'))"
        exit 0 ;;
    drop)
        psql -q "$(psql_url "$server" postgres)" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
        rm -rf "$out/data-$db"
        exit 0 ;;
    lists | mixed | ratio | soak | limits) ;;
    *) echo "error: unknown scenario $scenario" >&2; exit 2 ;;
esac

publish
app_env
port="${BENCH_PORT:-5190}"
key="$(dotnet "$out/app/Peyvand.Web.dll" create-api-key --email "admin@$db.bench.invalid" --name "bench $(date +%s)" | tail -n 1)"
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/app/Peyvand.Web.dll" >"$out/app-$db.log" 2>&1 &
app_pid=$!
# The ratio's floor (a process of the client's) goes too, should the client itself be killed.
trap 'kill $app_pid 2>/dev/null || true; wait $app_pid 2>/dev/null || true; pkill -f "Peyvand.Bench.dll floor .*127.0.0.1:$((port + 1))" || true' EXIT
for _ in $(seq 1 600); do # start-up takes minutes on a saturated machine
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
    sleep 1
done

client=(dotnet "$out/client/Peyvand.Bench.dll")
common=(--url "http://127.0.0.1:$port" --key "$key" --pid "$app_pid")
[[ -n "${BENCH_SECONDS:-}" ]] && common+=(--seconds "$BENCH_SECONDS")
[[ -n "${BENCH_CONCURRENCY:-}" ]] && common+=(--concurrency "$BENCH_CONCURRENCY")
ratio_extra=()
[[ -n "${BENCH_WARMUP:-}" ]] && ratio_extra+=(--warmup "$BENCH_WARMUP")
[[ -n "${BENCH_ROUNDS:-}" ]] && ratio_extra+=(--rounds "$BENCH_ROUNDS")
echo "# $size ($db): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r), .NET $(dotnet --version)"
case "$scenario" in
    lists) "${client[@]}" lists "${common[@]}" --filter "${BENCH_FILTER:-cf.region=north}" ;;
    mixed) "${client[@]}" mixed "${common[@]}" ;;
    limits) "${client[@]}" limits "${common[@]}" ;;
    soak) "${client[@]}" soak "${common[@]}" --postgres "$connection" ${BENCH_WARMUP:+--warmup "$BENCH_WARMUP"}
        echo "app log: $(grep -ci 'pool.*exhausted\|timeout' "$out/app-$db.log" || true) lines about pool exhaustion or timeouts" ;;
    ratio) "${client[@]}" ratio "${common[@]}" --postgres "$connection" "${ratio_extra[@]}" ;;
esac
