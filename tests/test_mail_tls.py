"""TLS to the prober's mail servers: STARTTLS and implicit TLS, certificates verified, against real servers."""
import subprocess
import textwrap

import pytest

from conftest import write_scenario
from probes.harvest import MailboxError, harvest
from probes.sim.mailserver import ImapServer, SmtpServer

QUESTION = """
    name: Over TLS
    persona: {name: Jane Doe}
    target: shop
    steps:
      - id: question
        channel: email
        subject: Are you open on Sunday?
        body: Just asking.
        expect: {human_within: 1h}
"""


@pytest.fixture
def cert(tmp_path):
    """A self-signed certificate for 127.0.0.1, made with openssl."""
    crt, key = tmp_path / "server.crt", tmp_path / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(crt)], check=True, capture_output=True)
    return crt, key


@pytest.fixture
def servers(tmp_path, cert):
    accepted = []
    with ImapServer(tmp_path / "mail", {"shopper": "pw"}, tls=cert) as imap:
        def on_message(mail_from, rcpts, raw):
            accepted.append(raw)
            imap.deliver("shopper", raw)
        with SmtpServer(on_message, tls=cert) as starttls, SmtpServer(on_message, tls=cert, implicit_tls=True) as smtps:
            yield imap, starttls, smtps, accepted


def config_for(tmp_path, imap, smtp_port, smtp_tls, imap_port, imap_tls, ca):
    from probes.config import load_config

    ca_line = f", ca_file: {ca}" if ca else ""
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
              smtp: {{host: 127.0.0.1, port: {smtp_port}, tls: {smtp_tls}{ca_line}}}
              imap: {{host: 127.0.0.1, port: {imap_port}, tls: {imap_tls}, username: shopper,
                      password: "${{TLS_TEST_PW}}"{ca_line}}}
    """))
    return load_config(tmp_path / "probes.yaml")


@pytest.mark.parametrize("smtp_mode,imap_mode", [("starttls", "implicit"), ("implicit", "starttls")])
def test_sends_and_reads_over_tls_with_a_trusted_ca(servers, cert, tmp_path, run_journeys, monkeypatch,
                                                     smtp_mode, imap_mode):
    imap, starttls, smtps, accepted = servers
    monkeypatch.setenv("TLS_TEST_PW", "pw")
    config = config_for(tmp_path, imap, starttls.port if smtp_mode == "starttls" else smtps.port, smtp_mode,
                        imap.imaps_port if imap_mode == "implicit" else imap.port, imap_mode, cert[0])
    ran = run_journeys(write_scenario(tmp_path, "q.yaml", QUESTION), cfg=config)
    assert ran.rows["contacts"][0]["status"] == "sent" and len(accepted) == 1
    got = harvest(ran.ledger, config, tmp_path / "reports")
    assert got.own_copies == 1  # read back over TLS


def test_an_untrusted_certificate_is_refused_not_ignored(servers, tmp_path, run_journeys, monkeypatch):
    imap, starttls, smtps, accepted = servers
    monkeypatch.setenv("TLS_TEST_PW", "pw")
    config = config_for(tmp_path, imap, starttls.port, "starttls", imap.imaps_port, "implicit", None)
    ran = run_journeys(write_scenario(tmp_path, "q.yaml", QUESTION), cfg=config)
    # The prober's own relay: a prober error naming the settings to fix, never a finding about the company.
    (step,) = ran.steps
    assert step["status"] == "error" and ran.result.exit_code == 3 and ran.rows["findings"] == []
    assert "CERTIFICATE_VERIFY_FAILED" in step["error"] and "identities.me.email.smtp.tls" in step["error"]
    assert ran.rows["contacts"][0]["status"] == "not_sent" and accepted == []
    with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED"):
        harvest(ran.ledger, config, tmp_path / "reports")


def test_plain_text_to_a_server_that_requires_starttls_is_refused(servers, cert, tmp_path, run_journeys,
                                                                    monkeypatch):
    imap, starttls, smtps, accepted = servers
    monkeypatch.setenv("TLS_TEST_PW", "pw")
    config = config_for(tmp_path, imap, starttls.port, "none", imap.port, "none", cert[0])
    ran = run_journeys(write_scenario(tmp_path, "q.yaml", QUESTION), cfg=config)
    (step,) = ran.steps
    assert step["status"] == "error" and ran.result.exit_code == 3 and ran.rows["findings"] == []
    assert "STARTTLS" in step["error"] and "identities.me.email.smtp.tls" in step["error"] and accepted == []
