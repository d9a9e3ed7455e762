"""The prober's own SMTP trouble is never a verdict about the company.

A real relay (aiosmtpd, tests/channels/faulty_smtp.py) stands between the prober and the demo's mail world
and answers 421/450/451/535 on cue, refuses the sender, or drops the connection after the message; the
relay's port may also be closed. Each journey runs through the Runner (or the CLI) as a user's would.
"""
import asyncio
import json
import os
import subprocess
import textwrap

import pytest
from conftest import ROOT, Ran, probes_command, write_scenario

from channels.faulty_smtp import FaultySmtp, free_port

# The relay in these tests takes a login without TLS on purpose (loopback).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

QUESTION = """
    name: Email
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: support@northwind.example
        subject: Delivery time for a washing machine
        body: "Hello, how long does delivery to Leeds take? Jane"
        expect: {ack_within: 1h, human_within: 1 business day}
"""


@pytest.fixture
def faulty(mail, mail_config):
    """Start a FaultySmtp in front of the demo's relay and point the identity "shopper" at it."""
    started = []

    def make(stage=None, reply="", *, times=None, retry_for_s=3.0, auth=None) -> FaultySmtp:
        server = FaultySmtp(stage, reply, times=times, next_hop=(mail.relay.host, mail.relay.port), auth=auth)
        started.append(server.start())
        smtp = mail_config.identities["shopper"].email.smtp
        smtp.port, smtp.retry_for_s = server.port, retry_for_s
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def run_email(mail_config, reports, tmp_path):
    """Run the question (through the Runner, with the real ledger); run_id resumes an earlier run."""
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    path = write_scenario(tmp_path, "question.yaml", QUESTION)

    def run(run_id=None) -> Ran:
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        journeys = [load_journey(path, mail_config)]
        return Ran(asyncio.run(Runner(mail_config, ledger, reports).run(journeys, run_id=run_id)), ledger)

    return run


def prober_error(ran: Ran) -> str:
    """The run ended as a prober error (exit 3) with no finding against the company; its message."""
    (step,) = ran.steps
    assert step["status"] == "error", step
    assert ran.result.exit_code == 3
    assert ran.rows["findings"] == []
    return step["error"]


@pytest.mark.parametrize("stage,reply", [("rcpt", ("450 4.2.0 <support@northwind.example>: Recipient address "
                                                   "rejected: Greylisted, try again in 5 minutes")),
                                         ("data", "451 4.7.1 Please try again later")])
def test_a_temporary_refusal_is_retried_then_an_error_not_a_verdict_and_a_resume_sends_it(
        faulty, run_email, mail, stage, reply):
    relay = faulty(stage, reply, retry_for_s=3.0)
    ran = run_email("grey-1")
    error = prober_error(ran)
    assert error.startswith("temporary failure, not a verdict")
    assert reply in error and "refused" not in error.split('"')[0]
    assert relay.connections >= 3   # tried again, with pauses, for the relay's retry_for_s
    assert mail.desk.received == []
    # Certain that nothing went out: recorded so, and a resume sends it at once (no wait to check).
    assert ran.rows["contacts"][0]["status"] == "not_sent"
    relay.stage = None   # the relay lets it through now
    again = run_email("grey-1")
    (contact,) = again.rows["contacts"]
    assert contact["status"] == "sent" and again.result.exit_code == 0
    assert len(mail.desk.received) == 1 and mail.desk.received[0]["message_id"] == contact["message_id"]


def test_greylisting_that_clears_within_the_retry_window_ends_in_a_normal_send(faulty, run_email, mail):
    relay = faulty("rcpt", "450 4.2.0 Greylisted, try again later", times=2, retry_for_s=120.0)
    ran = run_email()
    assert ran.result.exit_code == 0 and ran.rows["findings"] == []
    (step,) = ran.steps
    assert step["status"] == "pending"
    assert step["observations"]["smtp_attempts"] == 3 and relay.connections == 3
    assert ran.rows["contacts"][0]["status"] == "sent"
    assert len(mail.desk.received) == 1


def test_421_at_the_greeting_is_the_relays_trouble_naming_the_identity(faulty, run_email, mail):
    relay = faulty("greeting", "421 4.3.2 relay.faulty.example Service not available, closing channel",
                   retry_for_s=2.0)
    error = prober_error(run_email())
    assert "421 4.3.2" in error and "identity 'shopper'" in error and "identities.shopper.email.smtp" in error
    assert "temporary failure, not a verdict" in error
    assert relay.connections >= 2 and mail.desk.received == []


def test_a_wrong_relay_password_names_the_setting_and_is_not_retried(faulty, run_email, mail_config, monkeypatch,
                                                                     mail):
    relay = faulty(auth={"shopper": "the-right-one"}, retry_for_s=30.0)
    monkeypatch.setenv("RELAY_PW", "a-wrong-one")
    smtp = mail_config.identities["shopper"].email.smtp
    smtp.username, smtp.password = "shopper", "${RELAY_PW}"
    ran = run_email()
    error = prober_error(ran)
    assert "535" in error and "identities.shopper.email.smtp.password" in error
    assert "a-wrong-one" not in error
    assert relay.connections == 1   # a wrong password does not get better by trying again
    assert ran.rows["contacts"][0]["status"] == "not_sent" and mail.desk.received == []


def test_the_relay_refusing_the_sender_names_the_identitys_address(faulty, run_email, mail):
    faulty("mail", "553 5.7.1 <shopper@mystery.example>: Sender address rejected: not owned by user")
    error = prober_error(run_email())
    assert "553 5.7.1" in error and "identities.shopper.email.address" in error
    assert mail.desk.received == []


def test_a_temporary_refusal_of_the_sender_is_retried_and_names_the_relay(faulty, run_email, mail):
    relay = faulty("mail", "452 4.3.1 Insufficient system storage", retry_for_s=2.0)
    ran = run_email()
    error = prober_error(ran)
    assert error.startswith("temporary failure, not a verdict: the SMTP relay of identity 'shopper'")
    assert "452 4.3.1 Insufficient system storage" in error and "check identities.shopper.email.smtp;" in error
    assert relay.connections >= 2 and ran.rows["contacts"][0]["status"] == "not_sent"


def test_a_relay_that_is_down_names_its_host_and_port(run_email, mail_config, mail):
    smtp = mail_config.identities["shopper"].email.smtp
    smtp.port = free_port()   # nothing listens there
    ran = run_email()
    error = prober_error(ran)
    assert f"the SMTP relay of identity 'shopper' (127.0.0.1:{smtp.port}) could not be reached" in error
    assert "identities.shopper.email.smtp.host and .port" in error
    assert ran.rows["contacts"][0]["status"] == "not_sent"


def test_a_connection_lost_after_the_message_says_so_and_a_resume_sends_nothing_twice(faulty, run_email, mail):
    relay = faulty("drop", retry_for_s=30.0)
    ran = run_email("drop-1")
    error = prober_error(ran)
    assert error.startswith("connection lost during sending: the message may or may not have been delivered")
    assert relay.connections == 1   # never retried blindly: the message may be on its way
    assert len(relay.passed_on) == 1 and len(mail.desk.received) == 1
    # Unknown, so it stays planned: the resume looks for the Message-ID in the mailbox before sending.
    assert ran.rows["contacts"][0]["status"] == "planned"
    relay.stage = None
    again = run_email("drop-1")
    (contact,) = again.rows["contacts"]
    assert contact["status"] == "sent" and again.result.exit_code == 0
    assert again.steps[0]["observations"]["recovered"] == "the earlier attempt was sent; not resent"
    assert len(relay.passed_on) == 1 and len(mail.desk.received) == 1   # not sent twice


def test_the_cli_exits_3_and_lists_the_relays_trouble_among_prober_errors(tmp_path, mail):
    port = free_port()
    (tmp_path / "probes.yaml").write_text(textwrap.dedent(f"""
        targets:
          shop:
            name: Shop
            endpoints: {{support_email: support@shop.example}}
            allowlist: ["@shop.example"]
        identities:
          me:
            email:
              address: shopper@mystery.example
              smtp: {{host: 127.0.0.1, port: {port}, tls: none, retry_for_s: 1}}
              imap: {{host: 127.0.0.1, port: {mail.imap.port}, tls: none, username: shopper,
                      password: "${{PROBES_DEMO_MAILBOX_PASSWORD}}"}}
    """))
    write_scenario(tmp_path, "j.yaml", QUESTION.replace("target: demo", "target: shop")
                   .replace("support@northwind.example", "support@shop.example"))
    # Preflight would catch the dead relay before the step (tests/test_preflight.py); here the step meets it.
    done = subprocess.run([*probes_command(), "run", "j.yaml", "--no-preflight", "--json", "out.json"], cwd=tmp_path, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    results = json.loads((tmp_path / "out.json").read_text())
    assert results["summary"]["findings"].get("critical", 0) == 0
    (err,) = results["errors"]
    assert "could not be reached" in err["message"] and "identities.me.email.smtp.host" in err["message"]
