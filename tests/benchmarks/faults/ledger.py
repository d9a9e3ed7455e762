"""Fault cases for the fault matrix: many prober processes on one SQLite ledger, and a ledger another
process keeps locked. Real `probes` processes, a real Dovecot, the demo company's mail desk.

Usage: python tests/benchmarks/faults/ledger.py   (one line per case)
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from probes.ledger import Ledger  # noqa: E402
from probes.sim.mailnet import PASSWORD_VARIABLE, DemoMail  # noqa: E402

SCENARIO = """
name: {name}
persona: {{name: {persona}}}
target: demo
steps:
  - id: question
    channel: email
    to: {to}
    subject: Question {n}
    body: "Hello, question {n}? {{persona.name}}"
    expect: {{ack_within: {ack}, human_within: {human}}}
"""

# name -> (company address, persona, ack deadline, human deadline, exit code, await statuses): the desk's
# known behaviour (probes/sim/maildesk.py).
RUNS = {
    "Support A": ("support@northwind.example", "Jane Doe", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    "Support B": ("support@northwind.example", "Ravi Patel", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    "Sales": ("sales@northwind.example", "Omar Haddad", "60s", "90s", 1, {"ack": "met", "human": "met"}),
    "Help": ("help@northwind.example", "Li Wei", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    "Returns": ("returns@northwind.example", "Margaret Okafor", "8s", "12s", 1,
                {"ack": "no_response", "human": "no_response"}),
}

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def _probes() -> list[str]:
    script = Path(sys.executable).parent / "probes"
    return [str(script)] if script.exists() else [sys.executable, "-m", "probes"]


def _project(folder: Path, mail: DemoMail, extra: str = "") -> dict:
    ident = mail.identity()["email"]
    (folder / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{support_email: support@northwind.example}}
    allowlist: ["@northwind.example"]
    auto_reply_within_s: 2
identities:
  shopper:
    email:
      address: {ident['address']}
      subaddress: true
      smtp: {{host: 127.0.0.1, port: {ident['smtp']['port']}, tls: none}}
      imap: {{host: 127.0.0.1, port: {ident['imap']['port']}, tls: none, username: shopper,
              password: "${{{PASSWORD_VARIABLE}}}"}}
{extra}""")
    return {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", PASSWORD_VARIABLE: mail.password}


def _scenario(folder: Path, n: int, name: str) -> str:
    to, persona, ack, human, *_ = RUNS[name]
    (folder / f"s{n}.yaml").write_text(SCENARIO.format(name=name, persona=persona, to=to, ack=ack, human=human,
                                                       n=n))
    return f"s{n}.yaml"


def _verdicts(ledger_url: str) -> tuple[list[str], int, int]:
    """(wrong verdicts, responses recorded, duplicate findings)."""
    ledger = Ledger(ledger_url)
    try:
        wrong, duplicates = [], 0
        for run in ledger.list_runs():
            rows = ledger.run_rows(run["id"])
            for journey in rows["journeys"]:
                got = {a["kind"]: a["status"] for a in rows["awaits"]
                       if a["journey_id"] == journey["id"] and a["kind"] != "promise"}
                if got != RUNS[journey["name"]][5]:
                    wrong.append(f"{journey['name']}: {got}")
            keys = [(f["contact_id"], f["check_id"], f["title"], f["detail"]) for f in rows["findings"]]
            duplicates += len(keys) - len(set(keys))
        return wrong, len(ledger.responses_where(channel="email")), duplicates
    finally:
        ledger.close()


def crowd(folder: Path) -> dict:
    """5 `probes run --wait` and 3 lanes of `probes harvest`, all at once, on one SQLite ledger."""
    with DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=5.0) as mail:
        env = _project(folder, mail)
        ledger_url = f"sqlite:///{folder / 'ledger.sqlite3'}"
        runs = {name: subprocess.Popen([*_probes(), "run", _scenario(folder, n, name), "--wait", "3m", "--ledger",
                                        ledger_url, "--report", f"r{n}", "--json", f"r{n}.json"], cwd=folder,
                                       env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for n, name in enumerate(RUNS)}
        harvests: list[subprocess.CompletedProcess] = []

        def lane(n: int) -> None:
            while any(p.poll() is None for p in runs.values()):
                harvests.append(subprocess.run([*_probes(), "harvest", "--ledger", ledger_url, "--report", f"h{n}"],
                                               cwd=folder, env=env, capture_output=True, text=True, timeout=300))

        # A harvest before any run has recorded a contact has nothing to match (it says so and exits 2):
        # the lanes start once the first contact is in the ledger, while the runs go on writing.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and any(p.poll() is None for p in runs.values()):
            if (folder / "ledger.sqlite3").exists():
                reader = Ledger(ledger_url, migrate=False)
                try:
                    if reader.has_contacts():
                        break
                except Exception:  # noqa: BLE001 - no tables yet: the runs are still creating the ledger
                    pass
                finally:
                    reader.close()
            time.sleep(0.1)
        lanes = [threading.Thread(target=lane, args=(n,)) for n in range(3)]
        for t in lanes:
            t.start()
        outputs = {name: p.communicate(timeout=300) for name, p in runs.items()}
        for t in lanes:
            t.join(timeout=300)
        delivered = len(mail.delivered)
    crashed = [f"{name} exit {runs[name].returncode}" for name, (out, err) in outputs.items()
               if runs[name].returncode != RUNS[name][4] or "Traceback" in out + err
               or not (folder / f"r{list(RUNS).index(name)}.json").exists()]
    crashed += [f"harvest exit {h.returncode}" for h in harvests if h.returncode != 0 or "Traceback" in h.stderr]
    wrong, recorded, duplicates = _verdicts(ledger_url)
    return {"misattributed": bool(wrong), "crashed": bool(crashed),
            "lost": recorded != delivered or duplicates > 0,
            "detail": f"{len(outputs) + len(harvests)} processes; crashed: {crashed or 'none'}; wrong verdicts: "
                      f"{wrong or 'none'}; {recorded} of {delivered} messages recorded, {duplicates} duplicate "
                      "findings"}


def _hold(path: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    return holder


def _locked_run(folder: Path, held_s: float | None, settings: str = "") -> tuple[subprocess.CompletedProcess | None,
                                                                               int, str]:
    """A `probes run --wait` whose ledger another process locks the moment the company has the message
    (for held_s, or, with None, from before the run until it ends). Returns (process, sent, ledger URL)."""
    with DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=5.0) as mail:
        env = _project(folder, mail, settings)
        path = folder / "ledger.sqlite3"
        ledger_url = f"sqlite:///{path}"
        Ledger(ledger_url).close()
        holder = _hold(path) if held_s is None else None
        run = subprocess.Popen([*_probes(), "run", _scenario(folder, 0, "Support A"), "--wait", "3m", "--json",
                                "out.json"], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
        try:
            if held_s is not None:
                deadline = time.monotonic() + 240
                while not mail.desk.received and run.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                holder = _hold(path)
                time.sleep(held_s)
                holder.communicate("release\n", timeout=60)
            out, err = run.communicate(timeout=300)
        finally:
            if holder is not None and holder.poll() is None:
                holder.communicate("release\n", timeout=60)
            if run.poll() is None:
                run.kill()
        done = subprocess.CompletedProcess(run.args, run.returncode, out, err)
        return done, len(mail.desk.received), ledger_url


def locked_during_run(folder: Path) -> dict:
    """Another process holds the ledger's write lock for 10 s right after the company got the message."""
    done, sent, ledger_url = _locked_run(folder, 10.0)
    wrong, recorded, duplicates = _verdicts(ledger_url)
    crashed = done.returncode != 0 or "Traceback" in done.stderr or not (folder / "out.json").exists()
    return {"misattributed": bool(wrong), "crashed": crashed, "lost": sent != 1 or duplicates > 0,
            "detail": f"exit {done.returncode}; sent {sent}; wrong verdicts: {wrong or 'none'}"}


def locked_past_the_limit(folder: Path) -> dict:
    """The ledger stays locked longer than settings.ledger_lock_wait_s (3 s): a prober error, nothing sent."""
    done, sent, _ = _locked_run(folder, None, "settings: {ledger_lock_wait_s: 3}\n")
    said = "stayed locked by another process" in done.stderr
    crashed = done.returncode != 3 or "Traceback" in done.stderr or not said
    return {"misattributed": done.returncode == 1, "crashed": crashed, "lost": sent != 0,
            "detail": f"exit {done.returncode}; sent {sent}; " + (done.stderr.strip().splitlines() or ["-"])[-1][:160]}


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    return [
        ("ledger: 5 run --wait + 3 harvest on one SQLite ledger", crowd),
        ("ledger: locked by another process for 10 s during a run", locked_during_run),
        ("ledger: locked longer than ledger_lock_wait_s", locked_past_the_limit),
    ]


if __name__ == "__main__":
    for name, case in cases():
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            try:
                got = case(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that breaks counts as a crash
                got = {"misattributed": False, "crashed": True, "lost": False, "detail": f"{type(exc).__name__}: {exc}"}
        flags = " ".join(f"{k}={int(bool(got[k]))}" for k in ("misattributed", "crashed", "lost"))
        print(f"{name}: {flags} ({time.monotonic() - started:.0f} s) {got['detail']}", flush=True)
