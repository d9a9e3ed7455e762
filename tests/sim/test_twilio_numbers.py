"""The Twilio simulator's numbers file and its command, as a user writes and runs them.

A good file loads (tokens from ${VARS}, TwiML files next to it) and runs calls; every
mistake is reported with file, line and field; ``probes sim twilio`` serves the file,
prints the accounts' SIDs and never their tokens.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from probes.sim.twilio import TwilioSim, load_numbers
from probes.sim.twilio.appserver import AppServer
from probes.twilio_http import twilio_client
from probes.yamlsource import InputError

ROOT = Path(__file__).resolve().parents[2]
PROBER_SID = "AC" + "0" * 28 + "a001"
COMPANY_SID = "AC" + "0" * 28 + "a002"

GOOD = f"""
accounts:
  prober:  {{sid: {PROBER_SID}, auth_token: "${{TEST_PROBER_TOKEN}}"}}
  company: {{sid: {COMPANY_SID}, auth_token: company-secret}}
numbers:
  "+15005550006": {{account: prober}}
  "+18005550109": {{account: company, voice: {{twiml: ivr.xml}}}}
  "+18005550190": {{person: {{name: Anna, answer_after: 1s, greeting: "Hello, this is Anna.", hangup_after: 1m}}}}
  "+18005550111": {{busy: true}}
  "+18005550122": {{no_answer: true}}
"""
IVR_XML = "<Response><Say>Thank you for calling Northwind.</Say></Response>"


def write(folder: Path, text: str, ivr: bool = True) -> Path:
    path = folder / "numbers.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    if ivr:
        (folder / "ivr.xml").write_text(IVR_XML, encoding="utf-8")
    return path


def problems(path: Path, environ: dict | None = None) -> list[str]:
    with pytest.raises(InputError) as err:
        load_numbers(path, environ=environ if environ is not None else {"TEST_PROBER_TOKEN": "t"})
    return [str(p) for p in err.value.problems]


def test_a_good_file_loads_and_its_twiml_file_answers_calls(tmp_path):
    path = write(tmp_path, GOOD)
    numbers = load_numbers(path, environ={"TEST_PROBER_TOKEN": "prober-secret"})
    assert numbers.accounts["prober"].auth_token == "prober-secret"
    assert "prober-secret" not in repr(numbers)
    assert numbers.numbers["+18005550109"].voice.twiml == IVR_XML
    assert numbers.number("whatsapp:+18005550190").person.answer_after == 1.0
    with AppServer("prober-secret", {"/heard": "<Response><Hangup/></Response>"}) as app, \
            TwilioSim(numbers, time_scale=0.1) as sim:
        client = twilio_client(PROBER_SID, "prober-secret", sim.base_url)
        client.calls.create(to="+18005550109", from_="+15005550006",
                            twiml=f'<Response><Gather input="speech" action="{app.url("/heard")}"/></Response>')
        assert app.wait_for("/heard")[0].params["SpeechResult"] == "Thank you for calling Northwind."


@pytest.mark.parametrize("text, expected", [
    (GOOD.replace('"+18005550111"', "+18005550111"),
     'numbers.yaml:8: numbers.18005550111: 18005550111: write phone numbers as quoted strings like "+18005550111"'),
    (GOOD.replace("{busy: true}", "{account: sales}"),
     "numbers.yaml:8: numbers.+18005550111.account: unknown account 'sales'; accounts: prober, company"),
    (GOOD.replace("{busy: true}", "{busy: true, account: company}"),
     "numbers.yaml:8: numbers.+18005550111: a number is exactly one of: account (owned), person, busy: true, "
     "no_answer: true; this one has account, busy"),
    (GOOD.replace(f"sid: {COMPANY_SID}", "sid: AC123"),
     "numbers.yaml:3: accounts.company.sid: 'AC123' is not an account SID (AC followed by 32 hex digits)"),
    (GOOD.replace("{no_answer: true}", "{no_answer: true, voice: {url: 'http://x/'}}"),
     "numbers.yaml:9: numbers.+18005550122: voice and sms applications need the number to be owned by an account"),
    (GOOD.replace("ivr.xml", "missing.xml"),
     "numbers.yaml:6: numbers.+18005550109.voice.twiml: cannot read TwiML file"),
    (GOOD.replace("hangup_after", "hang_up_after"),
     "numbers.yaml:7: numbers.+18005550190.person.hang_up_after: unknown key 'hang_up_after' "
     "(did you mean 'hangup_after'?)"),
    (GOOD.replace('"+18005550122"', '"0800 555 0122"'),
     "numbers.yaml:9: numbers.0800 555 0122: '0800 555 0122' is not a phone number in E.164 form"),
])
def test_every_mistake_is_reported_with_file_line_and_field(tmp_path, text, expected):
    found = [p.replace(str(tmp_path) + os.sep, "") for p in problems(write(tmp_path, text))]
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_token_from_an_unset_variable_is_reported(tmp_path):
    found = problems(write(tmp_path, GOOD), environ={})
    assert [p.replace(str(tmp_path) + os.sep, "") for p in found] == [
        "numbers.yaml:2: accounts.prober.auth_token: environment variable TEST_PROBER_TOKEN is not set"]


def test_cli_serves_the_file_and_prints_sids_but_never_tokens(tmp_path):
    path = write(tmp_path, GOOD)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEST_PROBER_TOKEN": "prober-secret"}
    from conftest import ctrl_c_works

    proc = subprocess.Popen([sys.executable, "-m", "probes", "sim", "twilio", "--numbers", str(path), "--port", "0",
                             "--time-scale", "0.1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ctrl_c_works)
    try:
        first = proc.stdout.readline()
        assert first.startswith("Twilio simulator: http://127.0.0.1:"), first + proc.stderr.read()
        base_url = first.split(": ", 1)[1].strip()
        lines = [proc.stdout.readline() for _ in range(7)]
        client = twilio_client(PROBER_SID, "prober-secret", base_url)
        assert [n.phone_number for n in client.incoming_phone_numbers.list()] == ["+15005550006"]
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    text = first + "".join(lines) + out + err
    assert PROBER_SID in text and COMPANY_SID in text
    assert "prober-secret" not in text and "company-secret" not in text
    assert "Stopped." in out and proc.returncode == 0


def test_cli_reports_a_bad_numbers_file(tmp_path):
    path = write(tmp_path, GOOD.replace("{busy: true}", "{account: sales}"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEST_PROBER_TOKEN": "t"}
    result = subprocess.run([sys.executable, "-m", "probes", "sim", "twilio", "--numbers", str(path)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown account 'sales'" in result.stderr
