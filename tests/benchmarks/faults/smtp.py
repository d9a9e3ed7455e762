"""Fault cases for the fault matrix: the prober's SMTP relay misbehaves (issue 10).

Each case starts the demo's mail world (Dovecot, the company's mail desk, its relay) in a fresh folder, puts
a real aiosmtpd relay that misbehaves on cue in front of it (tests/channels/faulty_smtp.py), runs one email
journey with the `probes` CLI as a user does, resumes it with `--run-id` where that matters, and judges:

- misattributed: a finding blamed the company (or the verdict is wrong: a real 550 must stay a finding);
- crashed: a traceback, an unexpected exit code, or no JSON results;
- lost: the message reached the company twice, or never after the fault cleared and the run was resumed.

Usage: python tests/benchmarks/faults/smtp.py   (one line per case)
"""
from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from channels.faulty_smtp import FaultySmtp, free_port  # noqa: E402 - after the path is set

from probes.sim.mailnet import PASSWORD_VARIABLE, DemoMail  # noqa: E402

JOURNEY = """
name: Question by email
persona: {name: Jane Doe, email: jane@example.com}
target: shop
steps:
  - id: question
    channel: email
    to: "{to}"
    subject: Delivery time for a washing machine
    body: "Hello, how long does delivery to Leeds take? Jane"
    expect: {ack_within: 1h, human_within: 1 business day}
"""


class World:
    """The mail world in `folder`, with the prober's relay at `port`, and the CLI run from `folder`."""

    def __init__(self, folder: Path, mail: DemoMail, relay: FaultySmtp | None):
        self.folder, self.mail, self.relay = folder, mail, relay
        self.runs: list[dict] = []

    def configure(self, port: int, *, retry_for_s: float = 3.0, login: str = "", to: str = "support@northwind.example"):
        (self.folder / "probes.yaml").write_text(textwrap.dedent(f"""
            targets:
              shop:
                name: Northwind
                endpoints: {{support_email: support@northwind.example}}
                allowlist: ["@northwind.example"]
            identities:
              me:
                email:
                  address: shopper@mystery.example
                  smtp: {{host: 127.0.0.1, port: {port}, tls: none, retry_for_s: {retry_for_s}{login}}}
                  imap: {{host: {self.mail.imap.host}, port: {self.mail.imap.port}, tls: none, username: shopper,
                          password: "${{{PASSWORD_VARIABLE}}}"}}
        """))
        (self.folder / "j.yaml").write_text(JOURNEY.replace("{to}", to))

    def run(self, run_id: str = "fault-1", env: dict | None = None) -> dict:
        """`probes run j.yaml --run-id ID --json`: exit code, stderr, the JSON results (or None)."""
        out = self.folder / f"out-{len(self.runs)}.json"
        command = [sys.executable, "-m", "probes", "run", "j.yaml", "--run-id", run_id, "--json", str(out)]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=120, check=False,
                              env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        result = {"code": done.returncode, "stderr": done.stderr,
                  "json": json.loads(out.read_text()) if out.exists() else None}
        self.runs.append(result)
        return result


@contextlib.contextmanager
def world(folder: Path, stage: str | None = None, reply: str = "", **relay_options):
    with DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=1.0) as mail:
        relay = FaultySmtp(stage, reply, next_hop=(mail.relay.host, mail.relay.port), **relay_options)
        with relay:
            yield World(folder, mail, relay)


def judge(w: World, expected_codes: list[int], *, error_says: str = "", finding: str = "",
          delivered: int = 1) -> dict:
    """The verdict of a case from every run it made; expected_codes: one exit code per run."""
    crashed = [f"run {i + 1}: exit {r['code']}, expected {want}" for i, (r, want) in
               enumerate(zip(w.runs, expected_codes, strict=False)) if r["code"] != want]
    crashed += [f"run {i + 1}: traceback" for i, r in enumerate(w.runs) if "Traceback" in r["stderr"]]
    crashed += [f"run {i + 1}: no JSON" for i, r in enumerate(w.runs) if r["json"] is None]
    first = w.runs[0]["json"] or {"errors": [], "journeys": []}
    found = [f for j in first["journeys"] for s in j["steps"] for f in s["findings"]]
    wrong = [f"{f['check']}: {f['title']}" for f in found if f["check"] != finding]
    if finding and not any(f["check"] == finding for f in found):
        wrong.append(f"no {finding} finding")
    errors = " | ".join(e["message"] for e in first["errors"])
    # Either the step says it or, for trouble a login can show, preflight does before any contact.
    says = (error_says,) if isinstance(error_says, str) else error_says
    if says and not any(words in errors for words in says):
        wrong.append(f"error does not say {error_says!r}: {errors[:200]!r}")
    got = len(w.mail.desk.received)
    lost = got != delivered
    detail = "; ".join(crashed + wrong) or (errors[:160] if errors else f"{got} delivered")
    if lost:
        detail = f"the company received {got}, expected {delivered}; " + detail
    return {"misattributed": bool(wrong), "crashed": bool(crashed), "lost": lost, "detail": detail}


def _temporary(stage: str, reply: str) -> Callable[[Path], dict]:
    def case(folder: Path) -> dict:
        with world(folder, stage, reply) as w:
            w.configure(w.relay.port)
            w.run()
            w.relay.stage = None   # the relay lets it through now: a resume must send it, once
            w.run()
            return judge(w, [3, 0], error_says="temporary failure, not a verdict")
    return case


def greylisting_clears(folder: Path) -> dict:
    with world(folder, "rcpt", "450 4.2.0 Greylisted, try again later", times=2) as w:
        w.configure(w.relay.port, retry_for_s=60)
        w.run()
        return judge(w, [0])


def greeting_421(folder: Path) -> dict:
    with world(folder, "greeting", "421 4.3.2 Service not available, closing transmission channel") as w:
        w.configure(w.relay.port, retry_for_s=2)
        w.run()
        return judge(w, [3], error_says="identities.me.email.smtp", delivered=0)


def auth_535(folder: Path) -> dict:
    with world(folder, auth={"shopper": "right"}) as w:
        w.configure(w.relay.port, login=', username: shopper, password: "${RELAY_PW}"')
        w.run(env={"RELAY_PW": "wrong"})
        return judge(w, [3], error_says="identities.me.email.smtp.password", delivered=0)


def mail_from_553(folder: Path) -> dict:
    with world(folder, "mail", "553 5.7.1 Sender address rejected: not owned by user") as w:
        w.configure(w.relay.port)
        w.run()
        return judge(w, [3], error_says=("identities.me.email.address", "would not take mail from"), delivered=0)


def drop_mid_data(folder: Path) -> dict:
    with world(folder, "drop") as w:
        w.configure(w.relay.port)
        w.run()
        w.relay.stage = None
        w.run()   # finds the copy in the mailbox: sent, not sent again
        return judge(w, [3, 0], error_says="connection lost during sending")


def relay_down(folder: Path) -> dict:
    with world(folder) as w:
        w.configure(free_port())   # nothing listens there
        w.run()
        return judge(w, [3], error_says=("could not be reached", "cannot connect to the SMTP server"), delivered=0)


def company_550(folder: Path) -> dict:
    """The control: the company's address refused for good stays a critical finding (exit 1)."""
    with world(folder) as w:
        w.configure(w.mail.relay.port, to="complaints@northwind.example")
        w.run()
        return judge(w, [1], finding="email.refused", delivered=0)


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    return [
        ("smtp: 450 greylisting at RCPT, retried, then resumed", _temporary("rcpt", "450 4.2.0 Greylisted, try later")),
        ("smtp: 451 after the message, retried, then resumed", _temporary("data", "451 4.7.1 Please try again later")),
        ("smtp: greylisting that clears within the retry window", greylisting_clears),
        ("smtp: 421 at the greeting", greeting_421),
        ("smtp: 535 wrong relay password", auth_535),
        ("smtp: 553 sender refused at MAIL FROM", mail_from_553),
        ("smtp: connection dropped mid-DATA, then resumed", drop_mid_data),
        ("smtp: relay down (connection refused)", relay_down),
        ("smtp: 550 for the company's address (must stay a finding)", company_550),
    ]


if __name__ == "__main__":
    import logging

    logging.getLogger("mail.log").setLevel(logging.ERROR)   # aiosmtpd's note on login without TLS (loopback)
    for name, case in cases():
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="fault-smtp-") as tmp:
            try:
                got = case(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that breaks is counted as crashed
                got = {"misattributed": False, "crashed": True, "lost": False, "detail": f"{type(exc).__name__}: {exc}"}
        flags = " ".join(k for k in ("misattributed", "crashed", "lost") if got[k]) or "ok"
        print(f"{name}: {flags} ({time.monotonic() - started:.0f} s) {got['detail']}", flush=True)
