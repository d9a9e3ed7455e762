"""Preflight: a broken secret, mailbox, relay or Twilio login stops the run before any contact, with one line each.

Real parts only: the demo's Dovecot and relay (`mail`), an aiosmtpd that wants a login, a port nobody
listens on, the Twilio simulator (`phone`), a page server that records every form post.
"""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from probes.sim.mailserver import SmtpServer
from probes.sim.phonenet import PROBER_ACCOUNT_SID, PROBER_NUMBER

from conftest import write_scenario

EMAIL_JOURNEY = """
name: Ask support by email
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

FORM_JOURNEY = """
name: Contact form
persona: {name: Jane Doe}
target: shop
steps:
  - id: form
    channel: web_form
    url: "SITE/contact"
    fields:
      - {name: message, value: "Hello"}
    expect: {text: Thank you}
"""

FORM_PAGE = ('<html><body><form method="post" action="/contact"><textarea name="message"></textarea>'
             '<button type="submit">Send</button></form></body></html>')


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(folder: Path, *, smtp: str, imap: str, phone: str = "", site: str = "http://127.0.0.1:9") -> Path:
    """probes.yaml with one target (the demo mail desk's domain, its SMS number, a site) and identity 'shopper'."""
    text = f"""\
targets:
  shop:
    name: Northwind
    allowlist: ["@northwind.example", "+18005550150", "{site}/"]
identities:
  shopper:
    email:
      address: shopper@mystery.example
      smtp: {smtp}
      imap: {imap}
"""
    if phone:
        text += f"    phone: {phone}\n"
    path = folder / "probes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def imap_setting(mail, password_var: str = "PF_IMAP_PASSWORD") -> str:
    return (f'{{host: 127.0.0.1, port: {mail.imap.port}, tls: none, username: shopper, '
            f'password: "${{{password_var}}}"}}')


def relay_setting(port: int, extra: str = "") -> str:
    return f"{{host: 127.0.0.1, port: {port}, tls: none{extra}}}"


def twilio_setting(phone) -> str:
    return (f'{{number: "{PROBER_NUMBER}", account_sid: {PROBER_ACCOUNT_SID}, auth_token: "${{PF_TWILIO_TOKEN}}", '
            f"api_base: {phone.base_url}}}")


def run_cli(cli, tmp_path, config: Path, *scenarios: Path, env: dict, extra: tuple = ()):
    return cli("run", *map(str, scenarios), "--config", str(config), "--report", str(tmp_path / "reports"),
               "--json", str(tmp_path / "results.json"), *extra, env=env, cwd=tmp_path)


def failure_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "probes.yaml:" in line]


def test_a_wrong_imap_password_stops_the_run_before_any_contact(cli, mail, tmp_path):
    config = write_config(tmp_path, smtp=relay_setting(mail.relay.port), imap=imap_setting(mail))
    scenario = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
    ran = run_cli(cli, tmp_path, config, scenario, env={"PF_IMAP_PASSWORD": "not-the-password"})
    assert ran.returncode == 3, ran.stderr
    line = line_of(config, "imap:")
    assert failure_lines(ran.stderr) == [
        f"{config}:{line}: identities.shopper.email.imap.password: the IMAP server 127.0.0.1:{mail.imap.port} "
        "refused the login as 'shopper': [AUTHENTICATIONFAILED] Authentication failed. "
        "(check username, and the password in $PF_IMAP_PASSWORD)"]
    assert "Traceback" not in ran.stderr
    assert mail.desk.received == []   # the company's mail desk saw nothing
    # The run is on record as the prober's error: every journey in error, every step skipped, no contact.
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["run"]["status"] == "error"
    assert results["summary"]["journeys"]["error"] == 1 and results["summary"]["findings"]["critical"] == 0
    assert [s["status"] for j in results["journeys"] for s in j["steps"]] == ["skipped"]
    assert [s["contact"] for j in results["journeys"] for s in j["steps"]] == [None]
    assert len(results["errors"]) == 1 and "refused the login as 'shopper'" in results["errors"][0]["message"]
    assert (tmp_path / "reports" / "index.html").is_file()


def test_an_smtp_relay_that_is_down_stops_the_run_and_no_form_is_sent(cli, mail, page_server, tmp_path):
    site = page_server({"/contact": FORM_PAGE})
    port = free_port()
    config = write_config(tmp_path, smtp=relay_setting(port), imap=imap_setting(mail), site=site.base_url)
    email = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
    form = write_scenario(tmp_path, "form.yaml", FORM_JOURNEY.replace("SITE", site.base_url))
    ran = run_cli(cli, tmp_path, config, email, form, env={"PF_IMAP_PASSWORD": mail.password})
    assert ran.returncode == 3, ran.stderr
    assert failure_lines(ran.stderr) == [
        f"{config}:{line_of(config, 'smtp:')}: identities.shopper.email.smtp: cannot connect to the SMTP server "
        f"127.0.0.1:{port}: [Errno 111] Connection refused (check host and port)"]
    assert site.posts == [] and mail.desk.received == []   # nothing contacted, not even the form
    results = json.loads((tmp_path / "results.json").read_text())
    statuses = {j["name"]: (j["status"], j["error"]) for j in results["journeys"]}
    assert statuses["Ask support by email"][0] == "error"
    assert "cannot connect to the SMTP server" in statuses["Ask support by email"][1]
    assert statuses["Contact form"] == ("error", "not run: the preflight found the prober's own setup broken; "
                                                 "nothing was contacted (see the other journeys' errors)")


def test_an_smtp_relay_that_refuses_the_login_stops_the_run(cli, mail, tmp_path):
    seen = []
    with SmtpServer(lambda *m: seen.append(m), auth={"prober": "right-password"}) as relay:
        config = write_config(tmp_path, imap=imap_setting(mail), smtp=relay_setting(
            relay.port, ', username: prober, password: "${PF_SMTP_PASSWORD}"'))
        scenario = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
        ran = run_cli(cli, tmp_path, config, scenario,
                      env={"PF_IMAP_PASSWORD": mail.password, "PF_SMTP_PASSWORD": "wrong-password"})
    assert ran.returncode == 3, ran.stderr
    assert failure_lines(ran.stderr) == [
        f"{config}:{line_of(config, 'smtp:')}: identities.shopper.email.smtp.password: the SMTP server "
        f"127.0.0.1:{relay.port} refused the login as 'prober': 535 5.7.8 Authentication credentials invalid "
        "(check username, and the password in $PF_SMTP_PASSWORD)"]
    assert seen == [] and mail.desk.received == []


def test_a_wrong_twilio_token_stops_the_run_and_nothing_is_texted(cli, mail, phone, tmp_path):
    config = write_config(tmp_path, smtp=relay_setting(mail.relay.port), imap=imap_setting(mail),
                          phone=twilio_setting(phone))
    scenario = write_scenario(tmp_path, "sms.yaml", SMS_JOURNEY)
    ran = run_cli(cli, tmp_path, config, scenario, env={"PF_TWILIO_TOKEN": "not-the-token"})
    assert ran.returncode == 3, ran.stderr
    assert failure_lines(ran.stderr) == [
        f"{config}:{line_of(config, 'phone:')}: identities.shopper.phone.auth_token: Twilio ({phone.base_url}) "
        f"refused the credentials of account {PROBER_ACCOUNT_SID}: HTTP 401, error 20003: Authenticate "
        "(check account_sid and $PF_TWILIO_TOKEN)"]
    assert phone.sim.net.messages == {} and phone.sim.net.calls == {}


def test_an_unset_secret_is_named_with_its_line_and_nothing_is_contacted(cli, mail, tmp_path):
    config = write_config(tmp_path, smtp=relay_setting(mail.relay.port), imap=imap_setting(mail, "PF_UNSET"))
    scenario = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
    ran = run_cli(cli, tmp_path, config, scenario, env={})
    assert ran.returncode == 3, ran.stderr
    assert failure_lines(ran.stderr) == [
        f"{config}:{line_of(config, 'imap:')}: identities.shopper.email.imap.password: environment variable "
        "PF_UNSET is not set; identity 'shopper' needs it to log in to its mailbox (IMAP)"]
    assert "Traceback" not in ran.stderr and mail.desk.received == []


def test_every_failure_is_listed_not_just_the_first(cli, mail, phone, tmp_path):
    port = free_port()
    config = write_config(tmp_path, smtp=relay_setting(port), imap=imap_setting(mail), phone=twilio_setting(phone))
    email = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
    sms = write_scenario(tmp_path, "sms.yaml", SMS_JOURNEY)
    ran = run_cli(cli, tmp_path, config, email, sms, env={"PF_IMAP_PASSWORD": "nope", "PF_TWILIO_TOKEN": "nope"})
    assert ran.returncode == 3, ran.stderr
    settings = [line.split(": ")[1] for line in failure_lines(ran.stderr)]
    assert settings == ["identities.shopper.email.imap.password", "identities.shopper.email.smtp",
                        "identities.shopper.phone.auth_token"]
    assert "Preflight: 3 problems with the prober's own setup; nothing was contacted." in ran.stderr
    assert mail.desk.received == [] and phone.sim.net.messages == {}


def test_only_what_the_chosen_journeys_use_is_checked(cli, page_server, tmp_path):
    """A web form needs no mailbox: an identity whose secret is unset and whose servers are down is not in the way."""
    site = page_server({"/contact": FORM_PAGE})
    down = free_port()
    config = write_config(tmp_path, smtp=relay_setting(down), site=site.base_url,
                          imap=f'{{host: 127.0.0.1, port: {down}, tls: none, password: "${{PF_UNSET}}"}}')
    form = write_scenario(tmp_path, "form.yaml", FORM_JOURNEY.replace("SITE", site.base_url))
    ran = run_cli(cli, tmp_path, config, form, env={})
    assert ran.returncode == 0, ran.stderr
    assert len(site.posts) == 1


def test_no_preflight_skips_the_check(cli, mail, tmp_path):
    """The escape hatch: the run goes ahead, and meets the problem where it lies (here: nowhere it sends)."""
    config = write_config(tmp_path, smtp=relay_setting(mail.relay.port), imap=imap_setting(mail))
    scenario = write_scenario(tmp_path, "email.yaml", EMAIL_JOURNEY)
    ran = run_cli(cli, tmp_path, config, scenario, env={"PF_IMAP_PASSWORD": "not-the-password"},
                  extra=("--no-preflight",))
    assert "Preflight" not in ran.stderr and failure_lines(ran.stderr) == []
    assert len(mail.desk.received) == 1   # sent: the wrong IMAP password does not stop sending


def test_validate_connect_checks_every_login_and_says_so(cli, mail, phone, tmp_path):
    config = write_config(tmp_path, smtp=relay_setting(mail.relay.port), imap=imap_setting(mail),
                          phone=twilio_setting(phone))
    env = {"PF_IMAP_PASSWORD": mail.password, "PF_TWILIO_TOKEN": phone.token}
    ok = cli("validate", "--connect", str(config), env=env, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines()[1:] == [
        f"Connected: IMAP 127.0.0.1:{mail.imap.port} (identities.shopper.email.imap)",
        f"Connected: SMTP 127.0.0.1:{mail.relay.port} (identities.shopper.email.smtp)",
        f"Connected: Twilio account {PROBER_ACCOUNT_SID} (identities.shopper.phone)"]
    # With scenarios, only what they use: an SMS journey needs the Twilio account, not the mailbox.
    sms = write_scenario(tmp_path, "sms.yaml", SMS_JOURNEY)
    bad = cli("validate", "--connect", "--config", str(config), str(sms),
              env={"PF_IMAP_PASSWORD": "nope", "PF_TWILIO_TOKEN": "nope"}, cwd=tmp_path)
    assert bad.returncode == 3, bad.stderr
    assert [line.split(": ")[1] for line in failure_lines(bad.stderr)] == ["identities.shopper.phone.auth_token"]
    assert phone.sim.net.messages == {} and mail.desk.received == []


@pytest.mark.parametrize("kind", ["run", "nightly"])
def test_help_documents_the_escape_hatch(cli, kind):
    assert "--no-preflight" in cli(kind, "--help").stdout


# --- TLS and what a relay wants first, through the API (as `run` calls it) ----------------------------------------
@pytest.fixture
def cert(tmp_path):
    """A self-signed certificate for 127.0.0.1, made with openssl."""
    import subprocess

    crt, key = tmp_path / "server.crt", tmp_path / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(crt)], check=True, capture_output=True)
    return crt, key


def tls_config(tmp_path, *, smtp: str, imap: str):
    from probes.config import load_config

    return load_config(write_config(tmp_path, smtp=smtp, imap=imap))


def check_all(config):
    from probes.preflight import everything, preflight

    passed = []
    failures = preflight(config, everything(config), passed=passed)
    return [f"{f.setting}: {f.message}" for f in failures], [p.setting for p in passed]


def test_tls_is_checked_as_configured_and_certificates_are_verified(tmp_path, cert, monkeypatch):
    from probes.sim.mailserver import ImapServer

    monkeypatch.setenv("PF_IMAP_PASSWORD", "pw")
    with ImapServer(tmp_path / "mail", {"shopper": "pw"}, tls=cert) as imap, \
            SmtpServer(lambda *m: None, tls=cert) as starttls:
        imap_tls = f'{{host: 127.0.0.1, port: {imap.port}, tls: starttls, username: shopper, ' \
                   f'password: "${{PF_IMAP_PASSWORD}}"'
        trusted = tls_config(tmp_path, smtp=f"{{host: 127.0.0.1, port: {starttls.port}, tls: starttls, "
                                            f"ca_file: {cert[0]}}}", imap=imap_tls + f", ca_file: {cert[0]}}}")
        assert check_all(trusted) == ([], ["identities.shopper.email.imap", "identities.shopper.email.smtp"])
        # Without the CA the self-signed certificates are refused, and the line says which setting.
        untrusted = tls_config(tmp_path, smtp=f"{{host: 127.0.0.1, port: {starttls.port}, tls: starttls}}",
                               imap=imap_tls + "}")
        failures, passed = check_all(untrusted)
        assert passed == [] and [f.split(": ")[0] for f in failures] == [
            "identities.shopper.email.imap.tls", "identities.shopper.email.smtp.tls"]
        assert all("CERTIFICATE_VERIFY_FAILED" in f for f in failures), failures
        # Plain text to a relay that wants STARTTLS: it says so at MAIL FROM, and no message is sent.
        plain = tls_config(tmp_path, smtp=f"{{host: 127.0.0.1, port: {starttls.port}, tls: none}}",
                           imap=imap_tls + f", ca_file: {cert[0]}}}")
        failures, _ = check_all(plain)
        assert failures == [f"identities.shopper.email.smtp.tls: the SMTP server 127.0.0.1:{starttls.port} wants "
                            "STARTTLS first: 530 Must issue a STARTTLS command first (set tls: starttls)"]
