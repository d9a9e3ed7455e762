"""The customer's clock and the prober's own copy, against real servers.

A real gateway (aiosmtpd, tests/channels/faulty_smtp.py) stands in front of the demo's relay: it answers the
message's `250` seconds after passing it on (the company's acknowledgement lands before it), or it refuses
the prober's own address (copy_to_self) with 550 while it accepts the company's. The mailbox is a real Dovecot.
"""
import logging
import os
import signal
import subprocess
import threading
import time

import pytest
from conftest import ROOT, probes_command, write_scenario
from imap_proxy import CuttableProxy

from channels.faulty_smtp import FaultySmtp

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

QUESTION = """
    name: {name}
    persona: {{name: {name} Doe}}
    target: demo
    checks:   # the demo desk's people write alike to every customer: not what these tests are about
      canned: {{off: true, reason: the demo desk}}
    steps:
      - id: question
        channel: email
        to: support@northwind.example
        subject: Delivery time for a {name} washing machine
        body: "Hello, how long does delivery to Leeds take? Jane"
        expect: {{ack_within: 1h, human_within: 1h}}
"""
REFUSED_COPY = "550 5.7.1 <shopper@mystery.example>: Recipient address rejected: Access denied"


@pytest.fixture
def gateway(mail, mail_config):
    """Start a FaultySmtp in front of the demo's relay and point the identity "shopper" at it."""
    started = []

    def make(**habits) -> FaultySmtp:
        server = FaultySmtp(next_hop=(mail.relay.host, mail.relay.port), **habits)
        started.append(server.start())
        mail_config.identities["shopper"].email.smtp.port = server.port
        return server

    yield make
    for server in started:
        server.stop()


def sent_folder(mail, folder: str) -> dict[str, bytes]:
    """Message-ID -> raw message of everything in a folder of the shopper's mailbox (read over IMAP)."""
    import email

    from imapclient import IMAPClient

    with IMAPClient(mail.imap.host, port=mail.imap.port, ssl=False) as client:
        client.login("shopper", mail.password)
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        fetched = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return {str(email.message_from_bytes(item[b"BODY[]"])["Message-ID"]).strip(): item[b"BODY[]"]
            for item in fetched.values()}


def test_a_slow_250_is_the_probers_sending_time_and_answers_count_from_the_start(
        gateway, run_journeys, mail_config, mail):
    # The desk acknowledges 0.3 s and answers 2.5 s after it gets the message; the 250 comes 4 s after that.
    relay = gateway(accept_after_s=4.0)
    ran = run_journeys(QUESTION.format(name="Slow"), cfg=mail_config, wait_s=15.0)
    assert ran.result.exit_code == 0 and ran.rows["findings"] == []
    (contact,) = ran.rows["contacts"]
    (seen,) = relay.accepted
    # The contact's time is the start of the transaction (before the gateway saw the connection), and the
    # 250 is kept apart, as late as it came.
    assert contact["sent_at"].timestamp() <= seen["opened_at"] <= contact["sent_at"].timestamp() + 5.0
    assert contact["accepted_at"].timestamp() >= seen["answered_at"]
    assert (contact["accepted_at"] - contact["sent_at"]).total_seconds() >= 4.0
    (step,) = ran.steps
    assert step["measurements"]["acceptance_s"] >= 4.0
    note = step["observations"]["slow_acceptance"]
    assert "prober's SMTP server" in note and "not the company's" in note
    # Both answers landed before the 250: measured from the start, they are neither negative nor 4 s short,
    # and the person's answer is not taken for an automatic one for arriving "at once".
    kinds = {r["kind"] for r in ran.rows["responses"] if r["kind"] in ("auto", "human")}
    assert kinds == {"auto", "human"}
    landed = {entry["kind"]: entry["delivered_at"] for entry in mail.desk.log}
    awaits = {a["kind"]: a for a in ran.rows["awaits"]}
    for kind in ("ack", "human"):
        assert awaits[kind]["status"] == "met"
        assert awaits[kind]["elapsed_s"] >= 0
        # The true wait runs from the customer's press (sent_at: the connection's setup, which a busy machine
        # stretches, is part of it) to the landing; INTERNALDATE's whole second leaves half a second either way.
        pressed = min(contact["sent_at"].timestamp(), seen["opened_at"])
        assert abs(awaits[kind]["elapsed_s"] - (landed[kind] - pressed)) <= 0.6, (kind, awaits[kind])


@pytest.mark.parametrize("folder", ["Sent", None])
def test_a_refused_copy_to_self_warns_once_and_the_copy_is_appended_instead(
        gateway, run_journeys, mail_config, mail, caplog, folder):
    relay = gateway(refuse_copy=REFUSED_COPY)
    if folder:
        mail.imap.create_folder("shopper", folder)
    mail_config.identities["shopper"].email.sent_folder = folder
    caplog.set_level(logging.WARNING, logger="probes.channels.email")
    ran = run_journeys(QUESTION.format(name="Alpha"), QUESTION.format(name="Bravo"), cfg=mail_config, wait_s=10.0)
    # Sent to the company all the same, and nothing against it.
    assert ran.result.exit_code == 0 and ran.rows["findings"] == []
    assert relay.copies_refused == 2 and len(mail.desk.received) == 2
    warnings = [r for r in caplog.records if "refused the copy to shopper@mystery.example" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    assert "550 5.7.1" in warnings[0].getMessage()
    for step in ran.steps:
        said = step["observations"]["copy_to_self"]
        assert said.startswith("refused by the prober's SMTP server: 550 5.7.1")
        assert f"put into '{folder or 'INBOX'}' over IMAP instead" in said
    # The copies are in the mailbox, found by their Message-IDs as crash recovery finds them.
    stored = sent_folder(mail, folder or "INBOX")
    for contact in ran.rows["contacts"]:
        assert contact["message_id"] in stored
    if folder is None:
        # In the inbox, harvest recognises them as the prober's own copies, not as answers.
        own = [r for r in ran.rows["responses"] if r["kind"] == "own_copy"]
        assert sorted(r["message_id"] for r in own) == sorted(c["message_id"] for c in ran.rows["contacts"])


def test_an_append_that_fails_too_is_a_note_on_the_step_not_a_finding(gateway, run_journeys, mail_config, mail,
                                                                     caplog):
    gateway(refuse_copy=REFUSED_COPY)
    mail_config.identities["shopper"].email.sent_folder = "No such folder"
    caplog.set_level(logging.WARNING, logger="probes.channels.email")
    ran = run_journeys(QUESTION.format(name="Alpha"), cfg=mail_config, wait_s=10.0)
    assert ran.result.exit_code == 0 and ran.rows["findings"] == []
    assert ran.rows["journeys"][0]["status"] == "passed" and len(mail.desk.received) == 1
    said = ran.steps[0]["observations"]["copy_to_self"]
    assert "putting the copy into 'No such folder' over IMAP failed too" in said
    assert "after a crash, no copy proves it was sent" in said
    assert any("could not put the sent copy" in r.getMessage() for r in caplog.records)


class HoldingProxy(CuttableProxy):
    """A CuttableProxy in front of Dovecot that stops passing the server's words on once the prober has
    logged out after an APPEND: the copy is stored, and the prober waits, before recording anything."""

    def __init__(self, host: str, port: int):
        super().__init__(host, port)
        self.holding = True
        self.released = threading.Event()

    def _hold(self, from_client: bool) -> None:
        if from_client:
            return
        with self._lock:
            appended = self.sent.find(b"APPEND")
            hold = self.holding and appended >= 0 and self.sent.find(b"LOGOUT", appended) >= 0
        if hold:
            self.released.wait(120)

    def release(self) -> None:
        self.holding = False
        self.released.set()


def test_killed_after_the_appended_copy_a_resume_finds_it_and_sends_nothing_twice(tmp_path, mail):
    from probes.ledger import Ledger
    from probes.sim.mailnet import PASSWORD_VARIABLE

    with FaultySmtp(next_hop=(mail.relay.host, mail.relay.port), refuse_copy=REFUSED_COPY) as relay, \
            HoldingProxy(mail.imap.host, mail.imap.port) as imap:
        mail.imap.create_folder("shopper", "Sent")
        (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{support_email: support@northwind.example}}
    allowlist: ["@northwind.example"]
    auto_reply_within_s: 2
identities:
  shopper:
    email:
      address: shopper@mystery.example
      sent_folder: Sent
      smtp: {{host: 127.0.0.1, port: {relay.port}, tls: none}}
      imap: {{host: 127.0.0.1, port: {imap.port}, tls: none, username: shopper, password: "${{{PASSWORD_VARIABLE}}}"}}
""", encoding="utf-8")
        write_scenario(tmp_path, "j.yaml", QUESTION.format(name="Crash"))
        env = {**os.environ, "PYTHONPATH": str(ROOT), PASSWORD_VARIABLE: mail.password}
        command = [*probes_command(), "run", "j.yaml", "--run-id", "crash-copy"]
        first = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        try:
            # The copy is appended and the prober is logging out: it has recorded nothing yet. Kill it.
            imap.wait_for(b"LOGOUT", after=imap.wait_for(b"APPEND"))
            time.sleep(0.2)   # the server's answer to LOGOUT is held: the prober cannot get further
            first.send_signal(signal.SIGKILL)
            first.communicate(timeout=60)
        finally:
            if first.poll() is None:
                first.kill()
        assert first.returncode == -signal.SIGKILL
        assert len(mail.desk.received) == 1 and relay.copies_refused == 1
        ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
        (contact,) = ledger.run_rows("crash-copy")["contacts"]
        assert contact["status"] == "planned"   # the ledger never heard the server's 250
        assert contact["message_id"] in sent_folder(mail, "Sent")

        imap.release()
        second = subprocess.run([*command, "--wait", "20s"], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=180)
        assert second.returncode == 0, second.stderr
        assert len(mail.desk.received) == 1   # found its appended copy: not sent again
        rows = ledger.run_rows("crash-copy")
        (contact,) = rows["contacts"]
        assert contact["status"] == "sent" and contact["accepted_at"] is not None
        assert rows["steps"][0]["observations"]["recovered"] == "the earlier attempt was sent; not resent"
        answered = {a["kind"]: a for a in rows["awaits"] if a["kind"] in ("ack", "human")}
        assert [answered[k]["status"] for k in ("ack", "human")] == ["met", "met"]
        assert all(a["elapsed_s"] >= 0 for a in answered.values())


def test_an_answer_dated_before_its_contact_by_a_slow_server_clock_is_timed_at_the_contact():
    import datetime as dt

    from probes.harvest import arrival

    contact = dt.datetime(2026, 12, 2, 10, 0, 0, 400000, tzinfo=dt.timezone.utc)
    # The mail server's clock runs 3 s behind this machine's: INTERNALDATE says before the contact.
    internal = contact.replace(microsecond=0) - dt.timedelta(seconds=3)
    seen = contact + dt.timedelta(seconds=1)
    assert arrival(internal, seen, not_before=contact) == contact
