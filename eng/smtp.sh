#!/usr/bin/env bash
# shellcheck shell=bash
# A real SMTP sink on loopback for tests: aiosmtpd delivering every message into a Maildir.
# Meant to be sourced (by test.sh):
#
#     source eng/smtp.sh
#     smtp_start        # exports PEYVAND_TEST_SMTP_PORT and PEYVAND_TEST_MAILDIR
#     ...
#     smtp_stop         # kills the server and deletes the temp dir
#
# Run directly (`eng/smtp.sh`) it starts the sink, prints its settings and keeps it up until
# Ctrl-C.
#
# Delivered messages appear as files in $PEYVAND_TEST_MAILDIR/new (one RFC 822 message each).
# Knobs: PEYVAND_SMTP_PORT_BASE (first port tried, default 55025).
#
# Uses /usr/bin/python3 on purpose: the python3 first on PATH may not see Debian's modules.
# No `set -euo pipefail` at file level because the file is sourced into the caller's shell.

# shellcheck source=eng/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

_smtp_has_aiosmtpd() {
    /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1
}

smtp_start() {
    if [[ -n "${_PEYVAND_SMTP_PID:-}" ]] && kill -0 "$_PEYVAND_SMTP_PID" 2>/dev/null; then
        peyvand_log "smtp: already running on port ${PEYVAND_TEST_SMTP_PORT:-?}"
        return 0
    fi

    if ! _smtp_has_aiosmtpd; then
        peyvand_apt_install python3-aiosmtpd || return 1
        _smtp_has_aiosmtpd || {
            peyvand_log "smtp: /usr/bin/python3 still cannot import aiosmtpd"
            return 1
        }
    fi

    local dir
    dir="$(mktemp -d /tmp/peyvand-smtp.XXXXXX)" || {
        peyvand_log "smtp: mktemp failed"
        return 1
    }
    chmod 755 "$dir" || return 1
    local maildir="$dir/maildir"
    mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp" || {
        rm -rf "$dir"
        return 1
    }
    # Internal state stays unexported so a child test.sh never adopts (and kills) our server.
    _PEYVAND_SMTP_DIR="$dir"

    local base="${PEYVAND_SMTP_PORT_BASE:-55025}" port="" pid="" attempt started=""
    for ((attempt = 1; attempt <= 5; attempt++)); do
        port="$(peyvand_free_port "$base")" || {
            peyvand_log "smtp: no free port from $base"
            break
        }
        # -n: do not drop privileges to 'nobody' (it could not write the Maildir).
        /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" \
            -c aiosmtpd.handlers.Mailbox "$maildir" </dev/null >>"$dir/log" 2>&1 &
        pid=$!
        if peyvand_wait_port "$port" 15 "$pid"; then
            started=1
            break
        fi
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        peyvand_log "smtp: start on port $port failed (attempt $attempt)"
        base=$((port + 1))
    done

    if [[ -z "$started" ]]; then
        peyvand_log "smtp: could not start aiosmtpd; last lines of its log:"
        tail -n 20 "$dir/log" >&2 2>/dev/null || true
        rm -rf "$dir"
        unset _PEYVAND_SMTP_DIR
        return 1
    fi

    _PEYVAND_SMTP_PID="$pid"
    PEYVAND_TEST_SMTP_PORT="$port"
    PEYVAND_TEST_MAILDIR="$maildir"
    export PEYVAND_TEST_SMTP_PORT PEYVAND_TEST_MAILDIR
    peyvand_log "smtp: aiosmtpd on 127.0.0.1:$port, Maildir $maildir"
}

# Kills the server and deletes its dir. Safe to call twice or when nothing was started.
# Silent on success (test.sh prints its summary as the last line).
smtp_stop() {
    local pid="${_PEYVAND_SMTP_PID:-}" dir="${_PEYVAND_SMTP_DIR:-}" i
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        # Reap it here, quietly, so bash prints no "Terminated" job notice later.
        wait "$pid" 2>/dev/null || true
    fi
    if [[ -n "$dir" ]]; then
        if [[ -n "${PEYVAND_ARTIFACTS:-}" && -d "${PEYVAND_ARTIFACTS}" && -f "$dir/log" ]]; then
            cp "$dir/log" "$PEYVAND_ARTIFACTS/smtp.log" 2>/dev/null || true
        fi
        rm -rf "$dir"
    fi
    unset _PEYVAND_SMTP_PID _PEYVAND_SMTP_DIR PEYVAND_TEST_SMTP_PORT PEYVAND_TEST_MAILDIR
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    _sleeper=""
    trap 'kill "$_sleeper" 2>/dev/null || true; smtp_stop' EXIT
    trap 'exit 130' INT TERM
    smtp_start
    printf 'export PEYVAND_TEST_SMTP_PORT=%q PEYVAND_TEST_MAILDIR=%q\n' \
        "$PEYVAND_TEST_SMTP_PORT" "$PEYVAND_TEST_MAILDIR"
    echo "SMTP sink is running; press Ctrl-C to stop and delete it." >&2
    # Sleep in the background and wait: a signal interrupts `wait` at once, not `sleep`.
    while true; do
        sleep 3600 &
        _sleeper=$!
        wait "$_sleeper" || true
    done
fi
