"""A FeeDesk server for the browser tests: demo database in a temp folder, real `feedesk serve` on a
free loopback port, signed bank callbacks through `feedesk callback sign`, and plain HTTP calls."""

import json
import os
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A test-only secret (the README's worked example); never used outside tests.
BANK_SECRET = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="


class Answer:
    """One HTTP answer: status, headers (lower-case names) and body."""

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class FeeDeskServer:
    """Starts `feedesk demo` and `feedesk serve`; stop() ends the server."""

    def __init__(self, binary):
        self.binary = binary
        self.folder = tempfile.mkdtemp(prefix="feedesk-browser-")
        self.db = os.path.join(self.folder, "feedesk.sqlite")
        self.config = os.path.join(ROOT, "config", "feedesk.json")
        self.env = dict(os.environ, FEEDESK_SECRET_BANK=BANK_SECRET)
        demo = self.cli("demo", "--json")
        self.passwords = {user["name"]: user["password"] for user in json.loads(demo)["users"]}
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = "http://127.0.0.1:%d" % self.port
        self.log = open(os.path.join(self.folder, "serve.log"), "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--config", self.config, "--db", self.db, "--listen", "127.0.0.1:%d" % self.port, "--threads", "8"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.request("GET", "/healthz").status == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("feedesk serve did not start; see " + self.log.name)
            time.sleep(0.05)

    def cli(self, *arguments):
        """Runs `feedesk ARGS --config … --db …`; returns stdout; raises on a non-zero exit."""
        done = subprocess.run([self.binary, *arguments, "--config", self.config, "--db", self.db],
                              env=self.env, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError("feedesk %s failed (%d): %s" % (" ".join(arguments), done.returncode, done.stderr.strip()))
        return done.stdout

    def request(self, method, path, body=None, headers=None, cookies=None):
        """One request without following redirects."""
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=dict(headers or {}))
        if cookies:
            request.add_header("Cookie", "; ".join("%s=%s" % pair for pair in cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=15) as response:
                return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())

    def bank_callback(self, reference, amount, account="0071000123456"):
        """Signs a Standard Webhooks credit notice with `feedesk callback sign` and posts it."""
        notice = {
            "id": "FT%d" % time.time_ns(), "account": account, "amount": amount, "currency": "VND",
            "bookedAt": time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.gmtime(time.time() + 7 * 3600)),
            "description": "MBVCB.3278907687.%s nop phi.CT tu 0123456789 NGUYEN VAN A" % reference,
            "counterpartyName": "NGUYEN VAN A",
        }
        path = os.path.join(self.folder, "callback-%d.json" % time.time_ns())
        with open(path, "w") as file:
            json.dump(notice, file, separators=(",", ":"))
        signed = json.loads(self.cli("callback", "sign", "--partner", "bank", "--body", path, "--json"))
        headers = dict(signed["headers"], **{"content-type": "application/json"})
        with open(path, "rb") as file:
            return self.request("POST", "/api/v1/callbacks/bank", body=file.read(), headers=headers)

    def expire_sessions(self):
        """Moves every session's expiry into the past, as if the working day had ended."""
        with sqlite3.connect(self.db, timeout=10) as connection:
            connection.execute("UPDATE web_session SET expires_at = '2000-01-01T00:00:00+07:00'")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
