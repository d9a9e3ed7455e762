"""Many prober processes on one SQLite ledger: runs waiting for answers and harvests, all at once.

Real processes (the `probes` command), a real Dovecot, the demo company's mail desk. Whatever the
interleaving, every process ends with its expected exit code and no traceback, every message is recorded
once, and every verdict is the mail desk's known behaviour: no answer is ever called "no response".
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, probes_command, write_scenario
from probes.ledger import Ledger

# The answers come within seconds; the deadlines are long enough for a loaded machine.
SCENARIO = """
    name: {name}
    persona: {{name: {persona}}}
    target: demo
    steps:
      - id: question
        channel: email
        to: {to}
        subject: {subject}
        body: "Hello, {subject}? {{persona.name}}"
        expect: {{ack_within: {ack}, human_within: {human}}}
"""

# name -> (company address, persona, ack deadline, human deadline, exit code, await statuses)
RUNS = {
    "Support A": ("support@northwind.example", "Jane Doe", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    "Support B": ("support@northwind.example", "Ravi Patel", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    "Sales": ("sales@northwind.example", "Omar Haddad", "60s", "90s", 1, {"ack": "met", "human": "met"}),
    "Help": ("help@northwind.example", "Li Wei", "60s", "90s", 0, {"ack": "met", "human": "met"}),
    # Never answered: the only true "no response".
    "Returns": ("returns@northwind.example", "Margaret Okafor", "8s", "12s", 1,
                {"ack": "no_response", "human": "no_response"}),
}


@pytest.fixture
def slow_mail(tmp_path):
    """The demo mail world; the person answers after 5 s, well past the 2 s "automatic" threshold."""
    from probes.sim.mailnet import DemoMail

    with DemoMail(tmp_path / "mail", ack_delay_s=0.3, human_delay_s=5.0) as m:
        yield m


def project(tmp_path: Path, company, mail) -> dict:
    from probes.sim.mailnet import PASSWORD_VARIABLE

    ident = mail.identity()["email"]
    (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}", support_email: support@northwind.example}}
    allowlist: ["{company.base_url}/", "@northwind.example"]
    auto_reply_within_s: 2
identities:
  shopper:
    email:
      address: {ident['address']}
      subaddress: true
      smtp: {{host: 127.0.0.1, port: {ident['smtp']['port']}, tls: none}}
      imap: {{host: 127.0.0.1, port: {ident['imap']['port']}, tls: none, username: shopper,
              password: "${{{PASSWORD_VARIABLE}}}"}}
""")
    return {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", PASSWORD_VARIABLE: mail.password}


def test_five_waiting_runs_and_three_harvests_on_one_sqlite_ledger(tmp_path, company, slow_mail):
    env = project(tmp_path, company, slow_mail)
    ledger_url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    runs = {}
    for i, (name, (to, persona, ack, human, *_)) in enumerate(RUNS.items()):
        write_scenario(tmp_path, f"s{i}.yaml", SCENARIO.format(name=name, persona=persona, to=to, ack=ack,
                                                               human=human, subject=f"Question {i}"))
        runs[name] = subprocess.Popen(
            [*probes_command(), "run", f"s{i}.yaml", "--wait", "3m", "--ledger", ledger_url,
             "--report", f"r{i}", "--json", f"r{i}.json"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    harvests: list[subprocess.CompletedProcess] = []

    def harvest_lane(lane: int) -> None:
        # Harvests again and again while the runs wait: they read the same mailbox as the runs do.
        while any(p.poll() is None for p in runs.values()):
            harvests.append(subprocess.run([*probes_command(), "harvest", "--ledger", ledger_url,
                                            "--report", f"h{lane}"], cwd=tmp_path, env=env,
                                           capture_output=True, text=True, timeout=300))

    # A harvest before any run has recorded a contact has nothing to match (it says so and exits 2):
    # the harvests start once the first contact is in the ledger, while the runs go on writing.
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and any(p.poll() is None for p in runs.values()):
        if (tmp_path / "ledger.sqlite3").exists():
            reader = Ledger(ledger_url, migrate=False)
            try:
                if reader.has_contacts():
                    break
            except Exception:  # noqa: BLE001 - no tables yet: the runs are still creating the ledger
                pass
            finally:
                reader.close()
        time.sleep(0.1)
    lanes = [threading.Thread(target=harvest_lane, args=(n,)) for n in range(3)]
    for lane in lanes:
        lane.start()
    outputs = {name: p.communicate(timeout=300) for name, p in runs.items()}
    for lane in lanes:
        lane.join(timeout=300)

    for name, (out, err) in outputs.items():
        assert "Traceback" not in out + err, f"{name}:\n{err}"
        assert runs[name].returncode == RUNS[name][4], f"{name}: exit {runs[name].returncode}\n{out}\n{err}"
    assert len(harvests) >= 3
    for done in harvests:
        assert "Traceback" not in done.stdout + done.stderr, done.stderr
        assert done.returncode == 0, done.stderr

    ledger = Ledger(ledger_url)
    try:
        for run in ledger.list_runs():
            rows = ledger.run_rows(run["id"])
            (journey,) = rows["journeys"]
            expected = RUNS[journey["name"]][5]
            # (A person's answer that promises a follow-up adds a promise await; not this test's concern.)
            assert {a["kind"]: a["status"] for a in rows["awaits"] if a["kind"] != "promise"} == expected, \
                journey["name"]
            # Every verdict once: two processes never both judged the same answer or deadline.
            verdicts = [(f["contact_id"], f["check_id"], f["title"], f["detail"]) for f in rows["findings"]]
            assert len(verdicts) == len(set(verdicts)), journey["name"]
        assert len(ledger.list_runs()) == len(RUNS)
        # Every message that landed in the mailbox is recorded, once.
        recorded = ledger.responses_where(channel="email")
        assert len(recorded) == len(slow_mail.delivered)
        assert len({(r["mailbox"], r["uidvalidity"], r["uid"]) for r in recorded}) == len(recorded)
    finally:
        ledger.close()


# Another process (a backup, a sqlite3 shell, a stuck prober) holds the ledger's write lock until told.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""

WRITER = """
import sys
from probes.ledger import Ledger
ledger = Ledger("sqlite:///" + sys.argv[1])
print("writing", flush=True)
ledger.start_run("run", ".", run_id=sys.argv[2])
print("wrote", flush=True)
"""

# Longer than SQLite's busy timeout alone ever waited (10 s before issue 10).
HELD_S = 12.0


def hold_lock(path: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.communicate("release\n", timeout=60)
    assert holder.returncode == 0


def test_two_writers_wait_for_a_lock_another_process_holds_and_then_write(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    Ledger(f"sqlite:///{path}").close()
    holder = hold_lock(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"run-{n}"], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(2)]
    try:
        for w in writers:
            assert w.stdout.readline().strip() == "writing"   # opening the ledger did not wait: it only reads
        time.sleep(HELD_S)   # the lock stays held this long after both started writing
        assert [w.poll() for w in writers] == [None, None], "a writer gave up while the lock was held"
    finally:
        release(holder)
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0 and out.strip() == "wrote", err
    ledger = Ledger(f"sqlite:///{path}")
    assert sorted(r["id"] for r in ledger.list_runs()) == ["run-0", "run-1"]
    ledger.close()


def email_run_project(tmp_path: Path, company, mail, lock_wait_s: float | None = None) -> dict:
    env = project(tmp_path, company, mail)
    if lock_wait_s is not None:
        with open(tmp_path / "probes.yaml", "a") as f:
            f.write(f"settings: {{ledger_lock_wait_s: {lock_wait_s}}}\n")
    write_scenario(tmp_path, "s.yaml", SCENARIO.format(name="Support", persona="Jane Doe",
                                                       to="support@northwind.example", ack="60s", human="90s",
                                                       subject="Delivery time"))
    return env


def test_a_ledger_locked_longer_than_the_prober_waits_is_a_prober_error_before_any_contact(
        tmp_path, company, slow_mail):
    env = email_run_project(tmp_path, company, slow_mail, lock_wait_s=2)
    path = tmp_path / "ledger.sqlite3"
    Ledger(f"sqlite:///{path}").close()
    holder = hold_lock(path)
    try:
        done = subprocess.run([*probes_command(), "run", "s.yaml", "--json", "out.json"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
    finally:
        release(holder)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "stayed locked by another process for 2 s" in done.stderr
    assert "ledger_lock_wait_s" in done.stderr
    assert slow_mail.desk.received == []   # nothing was sent that the ledger did not record


def test_a_run_waits_for_a_ledger_locked_for_a_while_and_its_verdict_is_the_companys(tmp_path, company, slow_mail):
    env = email_run_project(tmp_path, company, slow_mail)   # the default wait (2 min) is long enough
    path = tmp_path / "ledger.sqlite3"
    run = subprocess.Popen([*probes_command(), "run", "s.yaml", "--wait", "3m"], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The moment the company has the message, another process takes the ledger's lock for a while:
    # the run cannot record the send, the acknowledgement or the answer until it lets go.
    deadline = time.monotonic() + 240
    while not slow_mail.desk.received and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert slow_mail.desk.received, run.communicate()[1] if run.poll() is not None else "nothing sent"
    holder = hold_lock(path)
    try:
        time.sleep(HELD_S)
        assert run.poll() is None
    finally:
        release(holder)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert "Traceback" not in out + err
    ledger = Ledger(f"sqlite:///{path}")
    (run_row,) = ledger.list_runs()
    rows = ledger.run_rows(run_row["id"])
    assert rows["contacts"][0]["status"] == "sent"
    assert {a["kind"]: a["status"] for a in rows["awaits"] if a["kind"] != "promise"} == {"ack": "met", "human": "met"}
    assert len(slow_mail.desk.received) == 1
    ledger.close()


def test_two_processes_claiming_alert_events_at_once_never_claim_one_twice(ledger_url):
    """The ledger's read-then-write steps (here: claiming alert events to send) hold one writer at a time on
    PostgreSQL as on SQLite: a second claim waits for the first and finds the events taken. A writer held up
    longer than settings.ledger_lock_wait_s is a prober error (LedgerBusy), with nothing recorded."""
    import sqlalchemy as sa

    from probes.alerts import _claim
    from probes.ledger import LedgerBusy, alerts_sent
    from probes.results import utcnow

    first, second = Ledger(ledger_url), Ledger(ledger_url, lock_wait_s=1.0)
    with first.transaction() as conn:
        for n in range(3):
            conn.execute(alerts_sent.insert().values(destination="ops", event_key=f"new|{n}", event="new",
                                                     status="pending", created_at=utcnow()))
    holding, done = threading.Event(), threading.Event()
    claims: dict[str, list] = {}

    def claim_and_hold():
        with first.transaction():
            claims["first"] = _claim(first, "ops")
            holding.set()
            done.wait(120)   # the claim's transaction stays open while the other process tries

    holder = threading.Thread(target=claim_and_hold)
    holder.start()
    try:
        assert holding.wait(120)
        try:
            second.start_run("run", ".", run_id="while-held")
        except LedgerBusy as exc:
            assert "settings.ledger_lock_wait_s" in exc.args[0] and "@" not in exc.args[0]
        else:
            raise AssertionError("a write must wait for the other process's transaction, then give up")
        second.lock_wait_s = 120.0
        waiting = threading.Thread(target=lambda: claims.setdefault("second", _claim(second, "ops")))
        waiting.start()
        waiting.join(1.0)
        assert waiting.is_alive(), "the second claim must wait for the first transaction"
    finally:
        done.set()
        holder.join(120)
    waiting.join(120)
    assert [r["event_key"] for r in claims["first"]] == ["new|0", "new|1", "new|2"]
    assert claims["second"] == []
    assert second.get_run("while-held") is None
    assert len(first._select(sa.select(alerts_sent))) == 3
    first.close()
    second.close()
