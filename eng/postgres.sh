#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests: temp dir, free port on 127.0.0.1, trust auth,
# durability off. Meant to be sourced (by test.sh):
#
#     source eng/postgres.sh
#     pg_start          # exports PEYVAND_TEST_POSTGRES (an Npgsql connection string)
#     ...
#     pg_stop           # stops the server and deletes the temp dir
#
# Run directly (`eng/postgres.sh`) it starts a cluster, prints its connection string and keeps
# it up until Ctrl-C.
#
# Exports after pg_start:
#   PEYVAND_TEST_POSTGRES       Host=127.0.0.1;Port=PORT;Username=postgres;Database=postgres;Include Error Detail=true
#   PEYVAND_TEST_POSTGRES_PORT  PORT
#
# Knobs: PEYVAND_PG_PORT_BASE (first port tried, default 55432).
#
# No `set -euo pipefail` at file level because the file is sourced into the caller's shell;
# test.sh sets it, and the functions check every step themselves.

# shellcheck source=eng/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Prints the directory holding initdb/pg_ctl, or fails.
_pg_bindir() {
    local initdb candidate
    if initdb="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$initdb")"
        return 0
    fi
    # Debian keeps the binaries off PATH; take the newest version installed.
    candidate="$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)"
    if [[ -n "$candidate" ]]; then
        dirname "$candidate"
        return 0
    fi
    return 1
}

# Runs a command as the cluster owner: `postgres` when we are root (initdb refuses root),
# ourselves otherwise. Runs from the cluster dir so the owner can always read its cwd.
_pg_as_owner() {
    if peyvand_is_root; then
        (cd "$_PEYVAND_PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$_PEYVAND_PG_DIR" && "$@")
    fi
}

pg_start() {
    if [[ -n "${_PEYVAND_PG_DIR:-}" && -f "${_PEYVAND_PG_DIR}/data/postmaster.pid" ]]; then
        peyvand_log "postgres: already running on port ${PEYVAND_TEST_POSTGRES_PORT:-?}"
        return 0
    fi

    local bindir
    if ! bindir="$(_pg_bindir)"; then
        peyvand_apt_install postgresql || return 1
        bindir="$(_pg_bindir)" || {
            peyvand_log "postgres: initdb not found even after installing postgresql"
            return 1
        }
    fi

    if peyvand_is_root && ! id -u postgres >/dev/null 2>&1; then
        peyvand_log "postgres: running as root but there is no 'postgres' user to own the cluster"
        return 1
    fi

    # Short path under /tmp: the unix socket lives here too (sun_path is limited to ~107 bytes).
    local dir
    dir="$(mktemp -d /tmp/peyvand-pg.XXXXXX)" || {
        peyvand_log "postgres: mktemp failed"
        return 1
    }
    chmod 755 "$dir" || return 1
    if peyvand_is_root; then
        chown postgres:postgres "$dir" || {
            rm -rf "$dir"
            return 1
        }
    fi
    # Internal state stays unexported so a child test.sh never adopts (and stops) our cluster.
    _PEYVAND_PG_DIR="$dir"

    if ! _pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        peyvand_log "postgres: initdb failed:"
        tail -n 20 "$dir/initdb.log" >&2
        rm -rf "$dir"
        unset _PEYVAND_PG_DIR
        return 1
    fi

    # Pick a free port; if someone else grabs it between the probe and the bind, try the next.
    local base="${PEYVAND_PG_PORT_BASE:-55432}" port="" attempt started=""
    for ((attempt = 1; attempt <= 5; attempt++)); do
        port="$(peyvand_free_port "$base")" || {
            peyvand_log "postgres: no free port from $base"
            break
        }
        if _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/log" \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >>"$dir/pg_ctl.log" 2>&1; then
            started=1
            break
        fi
        # A half-started server (e.g. -w timed out) must not linger.
        _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
        peyvand_log "postgres: start on port $port failed (attempt $attempt)"
        base=$((port + 1))
    done

    if [[ -z "$started" ]]; then
        peyvand_log "postgres: could not start; last lines of the server log:"
        tail -n 20 "$dir/log" >&2 2>/dev/null || true
        tail -n 5 "$dir/pg_ctl.log" >&2 2>/dev/null || true
        rm -rf "$dir"
        unset _PEYVAND_PG_DIR
        return 1
    fi

    _PEYVAND_PG_BINDIR="$bindir"
    PEYVAND_TEST_POSTGRES_PORT="$port"
    PEYVAND_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
    export PEYVAND_TEST_POSTGRES_PORT PEYVAND_TEST_POSTGRES
    peyvand_log "postgres: $("$bindir/postgres" --version 2>/dev/null | awk '{print $3}') on 127.0.0.1:$port ($dir)"
}

# Stops the cluster and deletes its dir. Safe to call twice or when nothing was started.
# Silent on success (test.sh prints its summary as the last line).
pg_stop() {
    local dir="${_PEYVAND_PG_DIR:-}"
    if [[ -z "$dir" ]]; then
        return 0
    fi
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        local bindir="${_PEYVAND_PG_BINDIR:-}"
        [[ -n "$bindir" ]] || bindir="$(_pg_bindir)" || bindir=""
        if [[ -z "$bindir" ]] || ! _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            # Last resort: the first line of postmaster.pid is the postmaster's pid.
            local pid
            pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
            if [[ "$pid" =~ ^[0-9]+$ ]]; then
                kill -QUIT "$pid" 2>/dev/null || true
                sleep 1
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    # Keep the server log next to the other test artifacts when there is such a place.
    if [[ -n "${PEYVAND_ARTIFACTS:-}" && -d "${PEYVAND_ARTIFACTS}" && -f "$dir/log" ]]; then
        cp "$dir/log" "$PEYVAND_ARTIFACTS/postgres.log" 2>/dev/null || true
    fi
    rm -rf "$dir"
    unset _PEYVAND_PG_DIR _PEYVAND_PG_BINDIR PEYVAND_TEST_POSTGRES PEYVAND_TEST_POSTGRES_PORT
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    _sleeper=""
    trap 'kill "$_sleeper" 2>/dev/null || true; pg_stop' EXIT
    trap 'exit 130' INT TERM
    pg_start
    printf 'export PEYVAND_TEST_POSTGRES=%q\n' "$PEYVAND_TEST_POSTGRES"
    printf 'psql "host=127.0.0.1 port=%s user=postgres"\n' "$PEYVAND_TEST_POSTGRES_PORT"
    echo "PostgreSQL is running; press Ctrl-C to stop and delete it." >&2
    # Sleep in the background and wait: a signal interrupts `wait` at once, not `sleep`.
    while true; do
        sleep 3600 &
        _sleeper=$!
        wait "$_sleeper" || true
    done
fi
