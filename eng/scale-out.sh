#!/usr/bin/env bash
# Two Peyvand nodes behind nginx over one PostgreSQL, on loopback, as docs/deploy.md describes:
#
#     eng/scale-out.sh            publish (Release), start everything, run the checks (eng/scale-out/check.py), stop
#     eng/scale-out.sh --serve    publish and start everything, print the addresses, keep running until Ctrl-C
#
# The checks: a sign-in cookie from node A works on node B; a browser sticks to one node through nginx while API
# calls are spread; invitations are emailed exactly once across both nodes; a node killed with SIGKILL under write
# load loses no accepted write. The last line is "N passed, N failed"; the exit code is non-zero when one failed.
#
# Needs the .NET SDK, PostgreSQL, nginx and python3-aiosmtpd; as root on Debian it installs what is missing.
# Everything it starts (PostgreSQL, the SMTP sink, two app nodes, nginx) is stopped, and its temp dirs deleted, on exit.
# Knobs: PEYVAND_SCALEOUT_NO_PUBLISH=1 reuses artifacts/scale-out/publish; PEYVAND_SCALEOUT_SECONDS (write load, 10).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=eng/postgres.sh
source "$ROOT/eng/postgres.sh"
# shellcheck source=eng/smtp.sh
source "$ROOT/eng/smtp.sh"

MODE=check
case "${1:-}" in
    "") ;;
    --serve) MODE=serve ;;
    *) echo "usage: eng/scale-out.sh [--serve]" >&2; exit 2 ;;
esac

PUBLISH="$ROOT/artifacts/scale-out/publish"
WORK=""
NODE_A_PID=""
NODE_B_PID=""
NGINX_PID=""

stop_pid() {
    local pid="$1" i
    [[ -n "$pid" ]] || return 0
    kill "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    stop_pid "$NGINX_PID"
    stop_pid "$NODE_A_PID"
    stop_pid "$NODE_B_PID"
    smtp_stop
    if [[ -n "$WORK" ]]; then
        mkdir -p "$ROOT/artifacts/scale-out/logs"
        cp "$WORK"/*.log "$WORK"/nginx/*.log "$ROOT/artifacts/scale-out/logs/" 2>/dev/null || true
        rm -rf "$WORK"
    fi
    pg_stop
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    peyvand_apt_install nginx-light || peyvand_apt_install nginx
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
command -v psql >/dev/null 2>&1 || peyvand_apt_install postgresql-client

if [[ "${PEYVAND_SCALEOUT_NO_PUBLISH:-}" != 1 || ! -f "$PUBLISH/Peyvand.Web.dll" ]]; then
    peyvand_log "publishing (Release) to $PUBLISH"
    dotnet publish "$ROOT/src/Peyvand.Web" -c Release -o "$PUBLISH" -v q -nologo >&2
fi

WORK="$(mktemp -d /tmp/peyvand-scaleout.XXXXXX)"
chmod 755 "$WORK"

pg_start
smtp_start
DB_URL="host=127.0.0.1 port=$PEYVAND_TEST_POSTGRES_PORT user=postgres dbname=peyvand"
psql "host=127.0.0.1 port=$PEYVAND_TEST_POSTGRES_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE peyvand" >/dev/null

ADMIN_EMAIL="admin@scale-out.example"
ADMIN_PASSWORD="scale-out-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
export ASPNETCORE_ENVIRONMENT=Production
export Peyvand__Database__Provider=Postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PEYVAND_TEST_POSTGRES_PORT;Username=postgres;Database=peyvand;Maximum Pool Size=40"
export Peyvand__Bootstrap__AdminEmail="$ADMIN_EMAIL" Peyvand__Bootstrap__AdminPassword="$ADMIN_PASSWORD"
export Peyvand__Smtp__Host=127.0.0.1 Peyvand__Smtp__Port="$PEYVAND_TEST_SMTP_PORT" Peyvand__Smtp__From="crm@scale-out.example"
export Peyvand__RateLimit__PermitsPerMinute=600000
export Peyvand__Jobs__OutboxInterval=00:00:01
export Logging__LogLevel__Default=Warning

# Schema first, once, as before a rolling upgrade; then the nodes (each with its own data dir: nothing shared on disk).
peyvand_log "migrating"
Peyvand__DataDir="$WORK/migrate" dotnet "$PUBLISH/Peyvand.Web.dll" migrate >"$WORK/migrate.log" 2>&1

start_node() {
    local name="$1" port="$2"
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && exec env Peyvand__DataDir="$WORK/$name/data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
        dotnet "$PUBLISH/Peyvand.Web.dll" </dev/null >"$WORK/$name.log" 2>&1) &
    echo $!
}

wait_ready() {
    local name="$1" port="$2" pid="$3" i
    for ((i = 0; i < 600; i++)); do
        kill -0 "$pid" 2>/dev/null || { peyvand_log "$name exited; log:"; tail -n 30 "$WORK/$name.log" >&2; return 1; }
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" == 200 ]]; then
            return 0
        fi
        sleep 0.2
    done
    peyvand_log "$name not ready after 120 s"
    return 1
}

PORT_A="$(peyvand_free_port 56080)"
NODE_A_PID="$(start_node node-a "$PORT_A")"
wait_ready node-a "$PORT_A" "$NODE_A_PID"
PORT_B="$(peyvand_free_port $((PORT_A + 1)))"
NODE_B_PID="$(start_node node-b "$PORT_B")"
wait_ready node-b "$PORT_B" "$NODE_B_PID"

PROXY_PORT="$(peyvand_free_port $((PORT_B + 1)))"
mkdir -p "$WORK/nginx/tmp"
chmod 777 "$WORK/nginx/tmp" # nginx workers (www-data when started as root) write request bodies here
sed -e "s|@RUN@|$WORK/nginx|g" -e "s|@NODE_A@|127.0.0.1:$PORT_A|g" -e "s|@NODE_B@|127.0.0.1:$PORT_B|g" \
    -e "s|@PORT@|$PROXY_PORT|g" "$ROOT/eng/scale-out/nginx.conf" >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -t -q
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" </dev/null >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
peyvand_wait_port "$PROXY_PORT" 15 || { peyvand_log "nginx did not start"; cat "$WORK/nginx/error.log" >&2; exit 1; }

KEY="$(dotnet "$PUBLISH/Peyvand.Web.dll" create-api-key --email "$ADMIN_EMAIL" --name scale-out 2>"$WORK/key.log" | tail -n 1)"
peyvand_log "nginx on http://127.0.0.1:$PROXY_PORT → node A :$PORT_A (pid $NODE_A_PID), node B :$PORT_B (pid $NODE_B_PID)"

if [[ "$MODE" == serve ]]; then
    printf 'proxy   http://127.0.0.1:%s\nnode A  http://127.0.0.1:%s\nnode B  http://127.0.0.1:%s\n' "$PROXY_PORT" "$PORT_A" "$PORT_B"
    printf 'sign in %s / %s\nAPI key %s\npsql    "%s"\n' "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$KEY" "$DB_URL"
    echo "Running; press Ctrl-C to stop everything." >&2
    while true; do
        sleep 3600 &
        wait $! || true
    done
fi

"$(peyvand_python)" "$ROOT/eng/scale-out/check.py" \
    --proxy "http://127.0.0.1:$PROXY_PORT" --node-a "http://127.0.0.1:$PORT_A" --node-b "http://127.0.0.1:$PORT_B" \
    --key "$KEY" --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --maildir "$PEYVAND_TEST_MAILDIR" \
    --db "$DB_URL" --access-log "$WORK/nginx/access.log" --kill-pid "$NODE_B_PID" \
    --seconds "${PEYVAND_SCALEOUT_SECONDS:-10}"
