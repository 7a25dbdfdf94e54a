# shellcheck shell=bash
# Helpers shared by eng/postgres.sh, eng/smtp.sh and test.sh. Meant to be sourced.
#
# This file deliberately does not `set -euo pipefail`: it is sourced into the caller's shell
# (possibly an interactive one). Every function checks its own errors and returns non-zero.

if [[ -n "${_PEYVAND_COMMON_SH:-}" ]]; then
    return 0
fi
_PEYVAND_COMMON_SH=1

# Prints a message to stderr, prefixed so it is clear where it came from.
peyvand_log() {
    printf '[peyvand] %s\n' "$*" >&2
}

peyvand_is_root() {
    [[ "$(id -u)" == 0 ]]
}

peyvand_is_debian() {
    [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1
}

# peyvand_apt_install PKG... : installs packages quietly (root on Debian only).
# Runs `apt-get update` at most once per shell. Output goes to $PEYVAND_APT_LOG.
peyvand_apt_install() {
    if (($# == 0)); then
        return 0
    fi
    if ! peyvand_is_root || ! peyvand_is_debian; then
        peyvand_log "cannot install $* (needs root on Debian); install it by hand"
        return 1
    fi
    local log="${PEYVAND_APT_LOG:-/tmp/peyvand-apt.log}"
    mkdir -p "$(dirname "$log")" 2>/dev/null || true
    peyvand_log "installing $* via apt (log: $log)"
    if [[ -z "${PEYVAND_APT_UPDATED:-}" ]]; then
        if ! DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1; then
            peyvand_log "apt-get update failed (see $log)"
            return 1
        fi
        PEYVAND_APT_UPDATED=1
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@" >>"$log" 2>&1; then
        peyvand_log "apt-get install $* failed (see $log)"
        return 1
    fi
}

# The Debian python (the first python3 on PATH may be a pyenv one that cannot see Debian modules).
peyvand_python() {
    if [[ -x /usr/bin/python3 ]]; then
        printf '%s\n' /usr/bin/python3
    elif command -v python3 >/dev/null 2>&1; then
        command -v python3
    else
        return 1
    fi
}

# peyvand_port_busy PORT : true if something accepts TCP connections on 127.0.0.1:PORT.
peyvand_port_busy() {
    local port="$1"
    # The subshell opens (and on exit closes) the connection; timeout guards against filtered ports.
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# peyvand_free_port [START] : prints the first port >= START (default 55432) that is free on
# 127.0.0.1 (bindable, so also not taken by a 0.0.0.0 listener). Another process may still grab
# it before we do: callers retry with the next port if their server fails to bind.
peyvand_free_port() {
    local start="${1:-55432}" py port
    if py="$(peyvand_python)"; then
        if port="$("$py" - "$start" <<'PY'
import socket, sys
start = int(sys.argv[1])
for port in range(start, min(start + 2000, 65536)):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Like the servers themselves (postgres, asyncio): TIME_WAIT leftovers do not make a
    # port busy, a listener (also on 0.0.0.0) does.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    sys.exit(0)
sys.exit(1)
PY
        )"; then
            printf '%s\n' "$port"
            return 0
        fi
        return 1
    fi
    # No python: probe by connecting (less precise: misses ports bound but not listening).
    for ((port = start; port < start + 2000 && port < 65536; port++)); do
        if ! peyvand_port_busy "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

# peyvand_pid_listens PID PORT : true if process PID owns a listening TCP socket on PORT.
# Guards against a port race: another server may answer on the port we picked while ours failed
# to bind. Where /proc cannot tell (no python, unreadable fds), it answers true.
peyvand_pid_listens() {
    local pid="$1" port="$2" py
    py="$(peyvand_python)" || return 0
    "$py" - "$pid" "$port" <<'PY'
import os, sys
pid, port = sys.argv[1], int(sys.argv[2])
inodes = set()
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        with open(table) as f:
            next(f)
            for line in f:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add("socket:[%s]" % cols[9])
    except OSError:
        pass
try:
    fds = os.listdir("/proc/%s/fd" % pid)
except OSError:
    sys.exit(0 if os.path.exists("/proc/%s" % pid) else 1)
for fd in fds:
    try:
        if os.readlink("/proc/%s/fd/%s" % (pid, fd)) in inodes:
            sys.exit(0)
    except OSError:
        pass
sys.exit(1)
PY
}

# peyvand_wait_port PORT SECONDS [PID] : waits until 127.0.0.1:PORT accepts connections and,
# when PID is given, until that process is the one listening. Fails early if PID exits.
peyvand_wait_port() {
    local port="$1" seconds="$2" pid="${3:-}" i
    for ((i = 0; i < seconds * 10; i++)); do
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if peyvand_port_busy "$port" && { [[ -z "$pid" ]] || peyvand_pid_listens "$pid" "$port"; }; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}
