"""Fault cases for the fault matrix: the prober's own accounts are broken before the run starts (issue 10).

Each case starts the real parts it needs in a fresh folder (the demo's mail world: Dovecot, the company's
mail desk and a relay; the Twilio simulator with the company's SMS number), breaks one of the prober's own
settings, runs one journey with the `probes` CLI as a user does, and judges:

- misattributed: a finding blamed the company, or a journey was marked failed (the company's fault);
- crashed: a traceback, an exit code other than 3, no JSON results, no one-line preflight message naming
  the broken setting, or a contact made although the preflight failed (it must stop the run before any);
- lost: not applicable here (nothing is sent), always False.

Usage: python tests/benchmarks/faults/preflight.py   (one line per case)
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from probes.sim.mailnet import PASSWORD_VARIABLE, DemoMail  # noqa: E402
from probes.sim.phonenet import PROBER_ACCOUNT_SID, PROBER_NUMBER, DemoPhone  # noqa: E402

EMAIL_JOURNEY = """
name: Question by email
persona: {name: Jane Doe}
target: shop
steps:
  - id: question
    channel: email
    to: support@northwind.example
    subject: Delivery time
    body: How long does delivery take?
"""

SMS_JOURNEY = """
name: Text the shop
persona: {name: Jane Doe}
target: shop
steps:
  - id: text
    channel: sms
    to: "+18005550150"
    body: Where is my order?
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(folder: Path, mail: DemoMail, *, smtp_port: int | None = None, password_var: str = PASSWORD_VARIABLE,
            phone: DemoPhone | None = None) -> None:
    phone_line = ""
    if phone is not None:
        phone_line = (f'    phone: {{number: "{PROBER_NUMBER}", account_sid: {PROBER_ACCOUNT_SID}, '
                      f'auth_token: "${{FAULT_TWILIO_TOKEN}}", api_base: {phone.base_url}}}\n')
    (folder / "probes.yaml").write_text(textwrap.dedent(f"""\
        targets:
          shop:
            name: Northwind
            allowlist: ["@northwind.example", "+18005550150"]
        identities:
          me:
            email:
              address: shopper@mystery.example
              smtp: {{host: 127.0.0.1, port: {smtp_port or mail.relay.port}, tls: none}}
              imap: {{host: 127.0.0.1, port: {mail.imap.port}, tls: none, username: shopper,
                      password: "${{{password_var}}}"}}
        """) + phone_line, encoding="utf-8")


def _run(folder: Path, journey: str, env: dict, setting: str, contacts: Callable[[], int]) -> dict:
    """Run the journey with the CLI; judge it against: exit 3, one line naming `setting`, nothing contacted."""
    (folder / "j.yaml").write_text(journey, encoding="utf-8")
    out = folder / "results.json"
    base = {k: v for k, v in os.environ.items() if k not in (PASSWORD_VARIABLE, "FAULT_TWILIO_TOKEN", "FAULT_UNSET")}
    done = subprocess.run([sys.executable, "-m", "probes", "run", "j.yaml", "--json", str(out)], cwd=folder,
                          capture_output=True, text=True, timeout=120,
                          env={**base, "PYTHONPATH": str(ROOT), **env})
    results = json.loads(out.read_text()) if out.exists() else None
    lines = [line for line in done.stderr.splitlines() if f": {setting}" in line]
    made = contacts()
    findings = sum((results or {}).get("summary", {}).get("findings", {}).values()) if results else 0
    failed = (results or {}).get("summary", {}).get("journeys", {}).get("failed", 0) if results else 0
    crashed = ("Traceback" in done.stderr or done.returncode != 3 or results is None or len(lines) != 1
               or made > 0)
    detail = (f"exit {done.returncode}; " + (lines[0] if lines else "no one-line message for " + setting)
              + (f"; {made} contact(s) made" if made else "; nothing contacted")
              + (f"; {findings} finding(s)" if findings else ""))
    return {"misattributed": bool(findings or failed), "crashed": crashed, "lost": False, "detail": detail}


def unset_secret(folder: Path) -> dict:
    with DemoMail(folder / "mail") as mail:
        _config(folder, mail, password_var="FAULT_UNSET")
        return _run(folder, EMAIL_JOURNEY, {}, "identities.me.email.imap.password", lambda: len(mail.desk.received))


def wrong_imap_password(folder: Path) -> dict:
    with DemoMail(folder / "mail") as mail:
        _config(folder, mail)
        return _run(folder, EMAIL_JOURNEY, {PASSWORD_VARIABLE: "not-the-password"},
                    "identities.me.email.imap.password", lambda: len(mail.desk.received))


def smtp_relay_down(folder: Path) -> dict:
    with DemoMail(folder / "mail") as mail:
        _config(folder, mail, smtp_port=_free_port())
        return _run(folder, EMAIL_JOURNEY, {PASSWORD_VARIABLE: mail.password}, "identities.me.email.smtp",
                    lambda: len(mail.desk.received))


def wrong_twilio_token(folder: Path) -> dict:
    with DemoMail(folder / "mail") as mail, DemoPhone(time_scale=0.25) as phone:
        _config(folder, mail, phone=phone)
        return _run(folder, SMS_JOURNEY, {"FAULT_TWILIO_TOKEN": "not-the-token"}, "identities.me.phone.auth_token",
                    lambda: len(phone.sim.net.messages) + len(phone.sim.net.calls))


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    """(name, case) for the fault matrix; each case gets a fresh empty folder."""
    return [("preflight: unset ${VAR} secret", unset_secret),
            ("preflight: wrong IMAP password (Dovecot)", wrong_imap_password),
            ("preflight: SMTP relay down (closed port)", smtp_relay_down),
            ("preflight: wrong Twilio auth token (simulator)", wrong_twilio_token)]


if __name__ == "__main__":
    for name, case in cases():
        with tempfile.TemporaryDirectory(prefix="fault-preflight-") as tmp:
            try:
                got = case(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that breaks is a crash, reported like one
                got = {"misattributed": False, "crashed": True, "lost": False,
                       "detail": f"the case itself failed: {type(exc).__name__}: {exc}"}
        print(f"{name}: misattributed={got['misattributed']} crashed={got['crashed']} lost={got['lost']} "
              f"— {got['detail']}", flush=True)
