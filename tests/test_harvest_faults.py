"""The prober's mailbox in trouble: a connection dropped mid-wait, a mailbox down across a deadline, a
ledger held by another process. Real Dovecot behind a proxy the test cuts (tests/imap_proxy.py); the
prober never calls a contact unanswered on what it could not read, and always writes its report."""
import json
import subprocess
import threading

import pytest

from conftest import ROOT, probes_command
from imap_proxy import CuttableProxy, answer, mail_project, sent_contacts


@pytest.fixture
def proxy(mail):
    with CuttableProxy(mail.imap.host, mail.imap.port) as p:
        yield p


def start(args, cwd, env):
    import os

    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", **env}
    return subprocess.Popen([*probes_command(), *args], cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run_cli(args, cwd, env, timeout=240):
    proc = start(args, cwd, env)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def awaits_of(results: dict) -> dict[str, list[dict]]:
    return {j["name"]: [a for s in j["steps"] for a in s["awaits"]] for j in results["journeys"]}


def test_a_connection_dropped_during_run_wait_is_reconnected_and_the_answer_still_matched(tmp_path, mail, proxy):
    env = mail_project(tmp_path, mail, proxy.port, {"asked": "10m"}, poll_s=0)   # IDLE from the start
    proc = start(["run", "asked.yaml", "--wait", "3m", "--json", "out.json"], tmp_path, env)
    try:
        # The run sits in IMAP IDLE, waiting; the server (here: the proxy) drops the connection.
        proxy.wait_for(b"IDLE")
        proxy.cut()
        (contact,) = sent_contacts(tmp_path / "ledger.sqlite3", 1)
        mail.imap.deliver("shopper", answer(contact["reply_address"]))
        _, err = proc.communicate(timeout=240)
    finally:
        proc.kill()
    assert "Traceback" not in err, err
    assert proc.returncode == 0, err      # the journey's verdict: answered in time
    results = json.loads((tmp_path / "out.json").read_text())
    (deadline,) = awaits_of(results)["asked"]
    assert deadline["status"] == "met"
    assert (tmp_path / "reports" / "index.html").exists()
    assert proxy.connections >= 2         # it connected again


def test_a_mailbox_down_across_a_deadline_leaves_the_await_open_until_a_harvest_reads_past_it(
        tmp_path, mail, proxy):
    env = mail_project(tmp_path, mail, proxy.port, {"answered": "8s", "ignored": "8s"})
    proxy.down()
    # (The answer is delivered at once, well before the 8 s deadline; the wait ends at least 4 s after it.)
    # The mailbox is down from the start: preflight would stop the run (tests/test_preflight.py). This is
    # the mailbox going away once the contacts are made, as it can during a long wait.
    proc = start(["run", "answered.yaml", "ignored.yaml", "--wait", "12s", "--no-preflight", "--json", "out.json"],
                 tmp_path, env)
    try:
        contacts = sent_contacts(tmp_path / "ledger.sqlite3", 2)
        # The company answers one contact in time, while the prober cannot read its mailbox.
        first = next(c for c in contacts if "answered" in c["idempotency_key"])
        mail.imap.deliver("shopper", answer(first["reply_address"]))
        _, err = proc.communicate(timeout=240)
    finally:
        proc.kill()
    assert "Traceback" not in err, err
    # Not a verdict about the company: the prober could not tell, and says so.
    assert proc.returncode == 3, err
    assert "Not judged" in err and "the mailbox shopper@mystery.example has not been read" in err
    results = json.loads((tmp_path / "out.json").read_text())
    for name in ("answered", "ignored"):
        (deadline,) = awaits_of(results)[name]
        assert deadline["status"] == "pending", name
        assert "has not been read" in deadline["held_open"]
    assert not [f for f in results["findings"] if f["check"].startswith("reply.")]
    (run_page,) = (tmp_path / "reports" / "runs").glob("*/index.html")
    page = run_page.read_text()
    assert "not closed: the mailbox shopper@mystery.example has not been read" in page

    # Later the mailbox is back: the harvest reads past the deadlines and judges both rightly.
    proxy.up()
    code, _, err = run_cli(["harvest"], tmp_path, env)
    assert code == 0, err
    code, _, err = run_cli(["report", "--json", "after.json"], tmp_path, env)
    after = awaits_of(json.loads((tmp_path / "after.json").read_text()))
    assert [a["status"] for a in after["answered"]] == ["met"]
    assert [a["status"] for a in after["ignored"]] == ["no_response"]
    assert all(a["held_open"] is None for a in after["answered"] + after["ignored"])


def test_a_harvest_and_probes_harvest_survive_a_drop_mid_read(tmp_path, mail, proxy):
    env = mail_project(tmp_path, mail, proxy.port, {"asked": "10m"})
    code, _, err = run_cli(["run", "asked.yaml"], tmp_path, env)
    assert code == 0, err
    from probes.ledger import Ledger

    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    (contact,) = ledger.contacts_where()
    mail.imap.deliver("shopper", answer(contact["reply_address"]))
    # The connection is cut the moment the prober asks for the messages; the server stays up.
    cutter = threading.Thread(target=lambda: (proxy.wait_for(b"FETCH"), proxy.cut()), daemon=True)
    cutter.start()
    code, _, err = run_cli(["harvest"], tmp_path, env)
    assert "Traceback" not in err, err
    assert code == 0, err
    (deadline,) = ledger.awaits_where(contact_id=contact["id"])
    assert deadline["status"] == "met"
    assert proxy.connections >= 2


def test_a_deadline_passing_while_another_process_holds_the_ledger_is_not_closed_on_a_stale_read(
        tmp_path, mail, proxy):
    """The harvest read the mailbox, then waited for the ledger; meanwhile an answer came in time and the
    deadline passed. What it read said nothing about that answer: the await must stay open."""
    import datetime as dt

    from probes.config import load_config
    from probes.harvest import harvest
    from probes.ledger import Ledger, awaits
    from probes.results import utcnow

    env = mail_project(tmp_path, mail, proxy.port, {"asked": "1h"})
    code, _, err = run_cli(["run", "asked.yaml"], tmp_path, env)
    assert code == 0, err
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    config = load_config(tmp_path / "probes.yaml")
    (contact,) = ledger.contacts_where()
    (pending,) = ledger.awaits_where(contact_id=contact["id"])

    holder = Ledger(ledger.url).engine.connect()   # another process, writing: the ledger is locked
    holder.begin()
    holder.execute(awaits.update().where(awaits.c.id == pending["id"]).values(deadline_text=pending["deadline_text"]))
    outcome = {}
    reader = threading.Thread(target=lambda: outcome.update(got=harvest(ledger, config, tmp_path / "reports")),
                              daemon=True)
    reader.start()
    proxy.wait_for(b"FETCH")    # the harvest has searched the mailbox and now waits for the ledger
    mail.imap.deliver("shopper", answer(contact["reply_address"]))
    # The deadline falls due while the harvest waits (its clock is the real one: move the deadline).
    due = utcnow() + dt.timedelta(seconds=1.5)
    holder.execute(awaits.update().where(awaits.c.id == pending["id"]).values(due_at=due))
    while utcnow() <= due + dt.timedelta(seconds=0.5):
        threading.Event().wait(0.1)
    holder.commit()
    holder.close()
    reader.join(timeout=120)
    (held,) = ledger.awaits_where(id=pending["id"])
    # The harvest judges deadlines by when it read the mailbox (before this one fell due), and its read
    # watermark is no later than that: either way the await stays open.
    assert held["status"] == "pending"
    assert held["held_open"] is None or "has not been read since" in held["held_open"]
    assert "got" in outcome and outcome["got"].closed == 0
    # The next harvest reads the answer, which came before the deadline.
    harvest(ledger, config, tmp_path / "reports")
    (settled,) = ledger.awaits_where(id=pending["id"])
    assert settled["status"] == "met"


def test_texts_that_could_not_be_listed_leave_their_deadline_open_until_they_are(run_journeys, phone_config,
                                                                                  phone, reports):
    """SMS answers have their own watermark: the number's message list, read through Twilio's API."""
    import socket
    import time

    from probes.harvest import MailboxError, harvest

    scenario = """
        name: Text
        persona: {name: Jane Doe}
        target: demo
        steps:
          - {id: text, channel: sms, to: "{target.sms}", body: "Where is my order 1234?",
             expect: {ack_within: 3s, human_within: 1h}}
    """
    ran = run_journeys(scenario, cfg=phone_config)
    (ident,) = [i.phone for i in phone_config.identities.values() if i.phone]
    working = ident.api_base
    with socket.socket() as closed:   # a port nobody listens on: Twilio's API unreachable
        closed.bind(("127.0.0.1", 0))
        ident.api_base = f"http://127.0.0.1:{closed.getsockname()[1]}"
    ack = next(a for a in ran.rows["awaits"] if a["kind"] == "ack")
    while time.time() <= ack["due_at"].timestamp() + 1:   # the acknowledgement's deadline passes
        time.sleep(0.2)
    with pytest.raises(MailboxError):
        harvest(ran.ledger, phone_config, reports)
    (held,) = ran.ledger.awaits_where(id=ack["id"])
    assert held["status"] == "pending" and f"the texts to {ident.number}" in held["held_open"]
    ident.api_base = working
    harvest(ran.ledger, phone_config, reports)
    (settled,) = ran.ledger.awaits_where(id=ack["id"])
    assert settled["status"] == "met"   # the automatic acknowledgement came within seconds
