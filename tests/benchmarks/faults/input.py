"""Fault cases for the fault matrix: broken input files (issue 10, "Bad input").

Each case writes a probes.yaml and scenarios into a fresh folder, breaks one file the way the fuzzer
did, and runs `probes validate` and then `probes run` as a user does (CLI subprocess), with the
target's website a loopback listener that counts connections (and, for the email case, the demo's
real mail world: Dovecot, the company's mail desk and a relay). It judges:

- crashed: a traceback, a hang (no exit within 60 s), or an exit code other than 2, or a problem line
  not shaped ``file:line: field: message``;
- misattributed: the broken file was accepted (validate said OK, run ran), or anything was contacted;
- lost: not applicable (nothing may be sent), always False.

Usage: python tests/benchmarks/faults/input.py   (one line per case)
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHAPE = re.compile(r"[^\n]+?:[1-9]\d*: (?:[^\s:]+: )?\S[^\n]*")
BOMB = "".join(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else "lol"] * 9) + "]\n" for i in range(9))


class Listener:
    """A loopback port standing in for the company's website: counts every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self):
        self.sock.close()


def _config(port: int, extra: str = "") -> str:
    return textwrap.dedent(f"""
        targets:
          shop:
            name: Shop
            endpoints: {{website: "http://127.0.0.1:{port}"}}
            allowlist: ["http://127.0.0.1:{port}/"]
    """) + extra


FORM = """
name: Contact form
persona: {name: Jane Doe}
target: shop
steps:
  - channel: web_form
    url: "{target.website}/contact"
    fields: [{label: Message, value: Hello}]
    expect: {text: Thanks}
"""


def _probes(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess | None:
    script = Path(sys.executable).parent / "probes"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "probes"]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    try:
        return subprocess.run([*command, *args], cwd=folder, env=full_env, capture_output=True, text=True,
                              timeout=60)
    except subprocess.TimeoutExpired:
        return None


def _judge(folder: Path, contacted: Callable[[], int], env: dict | None = None) -> dict:
    before = contacted()
    details, crashed, accepted = [], False, False
    for command in ("validate", "run"):
        done = _probes(folder, command, "scenarios", env=env)
        if done is None:
            crashed = True
            details.append(f"{command}: no exit within 60 s")
            continue
        lines = [ln for ln in done.stderr.splitlines() if re.match(r"\S+\.yaml:\d+: ", ln)]
        if done.returncode in (0, 1, 3):
            accepted = True
        if done.returncode != 2 or "Traceback" in done.stderr or not lines or not all(map(SHAPE.fullmatch, lines)):
            crashed = True
        details.append(f"{command}: exit {done.returncode}, {len(lines)} problem line(s)"
                       + (f" e.g. {lines[0][:90]}" if lines else ""))
    made = contacted() - before
    if made:
        details.append(f"{made} contact(s) made")
    return {"misattributed": accepted or bool(made), "crashed": crashed, "lost": False, "detail": "; ".join(details)}


def _with_site(folder: Path, scenario: str | None, extra_config: str = "") -> dict:
    site = Listener()
    try:
        (folder / "probes.yaml").write_text(_config(site.port, extra_config))
        (folder / "scenarios").mkdir()
        (folder / "scenarios" / "a-good.yaml").write_text(FORM)
        if scenario is not None:
            (folder / "scenarios" / "broken.yaml").write_text(scenario)
        return _judge(folder, lambda: site.connections)
    finally:
        site.close()


def alias_bomb(folder: Path) -> dict:
    """A "billion laughs" scenario (9^9 copies of 'lol' if expanded)."""
    return _with_site(folder, BOMB + FORM.replace("name: Contact form", "name: Bomb\nlaughs: *l8"))


def duplicate_keys(folder: Path) -> dict:
    """A scenario giving `url` twice: the second, off the allowlist, once silently won."""
    return _with_site(folder, FORM.replace('    url: "{target.website}/contact"\n',
                                           '    url: "{target.website}/contact"\n    url: https://example.net/\n'))


def bad_config(folder: Path) -> dict:
    """probes.yaml with an impossible holiday and a public_url ending in '/'."""
    site = Listener()
    try:
        config = _config(site.port).replace("    name: Shop\n", "    name: Shop\n    holidays: [2026-02-30]\n")
        config += textwrap.dedent("""
            identities:
              shopper:
                phone:
                  number: "+15005550006"
                  account_sid: ${TWILIO_ACCOUNT_SID}
                  auth_token: ${TWILIO_AUTH_TOKEN}
                  webhooks: {public_url: "https://abc.ngrok.app/"}
        """)
        (folder / "probes.yaml").write_text(config)
        (folder / "scenarios").mkdir()
        (folder / "scenarios" / "a-good.yaml").write_text(FORM)
        return _judge(folder, lambda: site.connections)
    finally:
        site.close()


def huge_deadline(folder: Path) -> dict:
    """An email journey whose deadlines validated but crashed or hung `run` after the email was sent."""
    from probes.sim.mailnet import PASSWORD_VARIABLE, DemoMail

    with DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=1.0) as mail:
        identity = mail.identity()["email"]
        (folder / "probes.yaml").write_text(textwrap.dedent(f"""
            targets:
              shop:
                name: Shop
                business_hours: {{mon: "09:00-17:00", tue: "09:00-17:00"}}
                endpoints: {{support_email: support@northwind.example}}
                allowlist: ["@northwind.example"]
            identities:
              shopper:
                email:
                  address: {identity['address']}
                  smtp: {{host: 127.0.0.1, port: {identity['smtp']['port']}, tls: none}}
                  imap: {{host: 127.0.0.1, port: {identity['imap']['port']}, tls: none, username: shopper,
                          password: "${{{PASSWORD_VARIABLE}}}"}}
        """))
        (folder / "scenarios").mkdir()
        (folder / "scenarios" / "mail.yaml").write_text(textwrap.dedent("""
            name: Ask support by email
            persona: {name: Jane Doe}
            target: shop
            steps:
              - channel: email
                to: "{target.support_email}"
                subject: Spare parts
                body: Do you sell spare drum belts?
                expect: {ack_within: 99999999999999999d, human_within: 100000000 business days}
        """))
        return _judge(folder, lambda: len(mail.desk.received), env={PASSWORD_VARIABLE: mail.password})


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    return [("input.alias_bomb", alias_bomb), ("input.duplicate_keys", duplicate_keys),
            ("input.huge_deadline", huge_deadline), ("input.bad_config", bad_config)]


if __name__ == "__main__":
    import tempfile

    for name, case in cases():
        with tempfile.TemporaryDirectory() as tmp:
            result = case(Path(tmp))
        flags = " ".join(k for k in ("misattributed", "crashed", "lost") if result[k]) or "ok"
        print(f"{name}: {flags} — {result['detail']}")
