#!/usr/bin/python3
"""The scale-out checks eng/scale-out.sh runs against nginx and two Peyvand nodes (standard library only).

  cookie      a sign-in form from node A, posted to node B; the cookie B issues opens the home page on A
  sticky      a browser's requests (page, Blazor negotiate, WebSocket upgrade) stay on one node through nginx;
              API calls are spread over both
  once        N invitations through nginx: N emails in the SMTP sink, one each; every outbox message processed
  kill        contacts created through nginx by parallel clients while node B is killed with SIGKILL: every 201
              the clients got is in the database afterwards

Prints one line per check and exits non-zero when any fails.
"""
import argparse
import base64
import email
import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, method="GET", body=None, headers=None, timeout=15):
    """Returns (status, headers, body bytes); HTTP errors are results, not exceptions."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        req.add_header("Content-Type", "application/json")
    try:
        with OPENER.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def cookies(headers):
    return "; ".join(v.split(";")[0] for v in headers.get_all("Set-Cookie") or [])


def psql(args, sql):
    out = subprocess.run(["psql", args.db, "-tAq", "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def check_cookie(args):
    status, headers, body = request(args.node_a + "/account/login")
    assert status == 200, f"login form on node A: {status}"
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body.decode())
    assert token, "no antiforgery token in the login form"
    form = urllib.parse.urlencode({
        "_handler": "login",
        "__RequestVerificationToken": html.unescape(token.group(1)),
        "Input.Email": args.email,
        "Input.Password": args.password,
        "Input.ReturnUrl": "/",
    }).encode()
    status, signed_in, _ = request(args.node_b + "/account/login", "POST", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies(headers)})
    auth = cookies(signed_in)
    assert status == 302 and "peyvand.auth=" in auth, f"sign-in on node B: {status}, cookies {auth!r}"
    status, _, _ = request(args.node_a + "/", headers={"Cookie": auth})
    assert status == 200, f"node A refused node B's sign-in cookie: {status}"
    status, _, _ = request(args.node_a + "/")
    assert status == 302, f"node A let an anonymous visitor in: {status}"
    return "node A's antiforgery token and node B's sign-in cookie work on the other node"


def upstreams_in_log(args, marker):
    lines = [l for l in open(args.access_log, encoding="utf-8") if marker in l]
    return lines, {re.search(r"upstream=(\S+)", l).group(1) for l in lines}


def websocket_upgrade(args, path, cookie):
    """A raw WebSocket handshake through nginx; returns the status line."""
    host, port = urllib.parse.urlparse(args.proxy).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nCookie: {cookie}\r\n\r\n").encode())
        return s.recv(4096).decode(errors="replace").split("\r\n")[0]


def check_sticky(args):
    status, headers, _ = request(args.proxy + "/account/login")
    jar = cookies(headers)
    affinity = next((c for c in jar.split("; ") if c.startswith("peyvand_affinity=")), None)
    assert status == 200 and affinity, f"no affinity cookie from nginx: {status} {jar!r}"
    marker = affinity.split("=", 1)[1]
    for _ in range(6):
        status, _, _ = request(args.proxy + "/account/login", headers={"Cookie": jar})
        assert status == 200, f"login page through nginx: {status}"
    status, _, body = request(args.proxy + "/_blazor/negotiate?negotiateVersion=1", "POST", b"", {"Cookie": jar})
    assert status == 200, f"Blazor negotiate through nginx: {status}"
    token = json.loads(body)["connectionToken"]
    line = websocket_upgrade(args, f"/_blazor?id={urllib.parse.quote(token)}", jar)
    assert " 101 " in line, f"WebSocket upgrade for the negotiated circuit connection: {line}"
    # A negotiated connection id lives on one node only: the 101 shows the upgrade met the negotiating node.
    # nginx logs the upgraded connection when it closes.
    deadline = time.time() + 5
    while True:
        lines, used = upstreams_in_log(args, "affinity=" + marker)
        if len(lines) >= 9 or time.time() > deadline:
            break
        time.sleep(0.2)
    assert len(lines) >= 9 and len(used) == 1, f"one browser's requests went to {used} ({len(lines)} requests)"

    marker = f"rr-{uuid.uuid4().hex}"
    for _ in range(10):
        status, _, _ = request(args.proxy + f"/api/v1/me?probe={marker}", headers=args.auth)
        assert status == 200, f"GET /api/v1/me through nginx: {status}"
    _, used = upstreams_in_log(args, marker)
    assert len(used) == 2, f"API calls were not spread over both nodes: {used}"
    return f"a browser stays on one node ({len(lines)} requests: pages, negotiate, WebSocket 101); API calls go to both"


def check_once(args):
    run = uuid.uuid4().hex[:8]
    emails = [f"scale-{run}-{i}@example.com" for i in range(args.invitations)]
    for i, address in enumerate(emails):
        status, _, body = request(args.proxy + "/api/v1/users", "POST", {"email": address, "displayName": f"Node check {i}"},
                                  args.auth)
        assert status == 201, f"invitation {i}: {status} {body[:200]!r}"

    def delivered():
        counts = dict.fromkeys(emails, 0)
        folder = os.path.join(args.maildir, "new")
        for name in os.listdir(folder):
            with open(os.path.join(folder, name), "rb") as f:
                to = email.message_from_binary_file(f).get("To", "")
            for address in emails:
                if address in to:
                    counts[address] += 1
        return counts

    deadline = time.time() + 60
    while time.time() < deadline and not all(delivered().values()):
        time.sleep(0.5)
    time.sleep(5)  # several more outbox rounds on both nodes: nothing may be sent twice
    counts = delivered()
    wrong = {a: n for a, n in counts.items() if n != 1}
    assert not wrong, f"emails per invitation should be exactly 1: {wrong}"
    pending = psql(args, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL")
    assert pending == "0", f"{pending} outbox messages still pending"
    nodes = psql(args, "SELECT count(*) FROM qrtz_scheduler_state")
    assert nodes == "2", f"Quartz cluster members: {nodes}"
    return f"{len(emails)} invitations through nginx, {sum(counts.values())} emails, one each; 2 Quartz cluster members"


def check_kill(args):
    accepted, failures, lock = [], {}, threading.Lock()
    stop = threading.Event()
    run = uuid.uuid4().hex[:8]

    def client(n):
        i = 0
        while not stop.is_set():
            i += 1
            try:
                status, _, body = request(args.proxy + "/api/v1/contacts", "POST",
                                          {"firstName": f"Load {n}-{i}", "lastName": f"kill-{run}"}, args.auth, timeout=10)
            except OSError as err:  # a connection cut by the kill
                status, body = type(err).__name__, b""
            with lock:
                if status == 201:
                    accepted.append(json.loads(body)["id"])
                else:
                    failures[status] = failures.get(status, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(args.seconds / 2)
    with lock:
        before_kill = len(accepted)
    os.kill(args.kill_pid, signal.SIGKILL)
    time.sleep(args.seconds / 2)
    stop.set()
    for t in threads:
        t.join()

    stored = set(psql(args, f"SELECT id FROM contacts WHERE last_name = 'kill-{run}'").split())
    missing = [i for i in accepted if i not in stored]
    assert before_kill > 0 and len(accepted) > before_kill, f"load did not run on both sides of the kill: {before_kill}/{len(accepted)}"
    assert not missing, f"{len(missing)} of {len(accepted)} accepted writes are missing, e.g. {missing[:3]}"
    return (f"{len(accepted)} contacts accepted ({before_kill} before node B was killed), all {len(accepted)} stored; "
            f"other outcomes: {failures or 'none'}; rows without a 201: {len(stored) - len(accepted)}")


def main():
    parser = argparse.ArgumentParser()
    for name in ("proxy", "node-a", "node-b", "key", "email", "password", "maildir", "db", "access-log"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--kill-pid", type=int, required=True)
    parser.add_argument("--invitations", type=int, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    args.auth = {"Authorization": "Bearer " + args.key}

    failed = 0
    for name, check in (("cookie", check_cookie), ("sticky", check_sticky), ("once", check_once), ("kill", check_kill)):
        try:
            print(f"ok    {name}: {check(args)}", flush=True)
        except Exception as err:  # noqa: BLE001 - every failure is reported the same way
            failed += 1
            print(f"FAIL  {name}: {err}", flush=True)
    print(f"{4 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
