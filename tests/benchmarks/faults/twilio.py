"""Fault cases for the fault matrix: Twilio's own trouble and replayed webhooks.

Each case starts the demo's telephone world (the Twilio simulator and the
company's TwiML app) on loopback, cues one fault on the simulator, runs
``probes run`` as a user does (a subprocess, with a probes.yaml and a
scenario written into the case's folder, ``--json`` for the results) and
judges the outcome:

- misattributed: a finding blamed the company (``phone.refused``,
  ``sms.refused`` …) for Twilio's trouble, or a verdict is wrong;
- crashed: a traceback, an unexpected exit code, or no report or JSON;
- lost: the company was called or texted twice (or never, when it should have been).

Usage: python tests/benchmarks/faults/twilio.py     (one line per case)

Note: this file is named after its area; run as a script it takes its own folder off ``sys.path``
first, so that ``import twilio`` still finds the SDK.
"""
from __future__ import annotations

import json
import os
import pathlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# This file is called twilio.py: never let its folder shadow the twilio SDK.
sys.path[:] = [p for p in sys.path if pathlib.Path(p or ".").resolve() != HERE]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CALL = """\
name: Call the sales line
persona: {name: Jane Doe}
target: demo
steps:
  - id: call
    channel: phone
    mode: scripted
    to: "{target.sales_phone}"
    menu: []
"""

TEXT = """\
name: Text the company
persona: {name: Jane Doe}
target: demo
steps:
  - id: text
    channel: sms
    body: "Hi, where is my order 1234?"
"""

TEXT_AWAITED = TEXT + "    expect: {ack_within: 60s, human_within: 60s}\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(folder: pathlib.Path, phone, *, retry_for_s: float, webhook_port: int | None = None) -> pathlib.Path:
    """A probes.yaml for the demo's numbers, the prober's Twilio number as the shopper's phone."""
    import yaml

    from probes.sim import phoneline

    identity = phone.identity(interactive=webhook_port is not None, webhook_port=webhook_port or 0)
    identity["retry_for_s"] = retry_for_s
    numbers = {"phone": phoneline.MAIN_LINE, "sales_phone": phoneline.SALES_LINE, "sms": phoneline.SMS_NUMBER}
    doc = {
        "settings": {"reports_dir": str(folder / "reports")},
        "targets": {"demo": {"name": "Northwind Appliances (demo company)", "timezone": "Europe/London",
                             "endpoints": numbers, "allowlist": list(numbers.values()),
                             "auto_reply_within_s": 2.0}},
        "identities": {"shopper": {"phone": identity}},
    }
    path = folder / "probes.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def _run(folder: pathlib.Path, config: pathlib.Path, scenario: str, *extra: str) -> tuple[int, str, dict | None]:
    """``probes run`` in a subprocess: (exit code, its output, the JSON results, or None when it wrote no JSON
    or no HTML report)."""
    path = folder / "journey.yaml"
    path.write_text(scenario, encoding="utf-8")
    out = folder / "results.json"
    proc = subprocess.run([sys.executable, "-m", "probes", "run", str(path), "--config", str(config),
                           "--report", str(folder / "reports"), "--json", str(out), *extra],
                          check=False, capture_output=True, text=True, timeout=240, cwd=folder,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    written = out.exists() and any((folder / "reports").rglob("index.html"))
    doc = json.loads(out.read_text(encoding="utf-8")) if written else None
    return proc.returncode, proc.stdout + proc.stderr, doc


def _checks(doc: dict | None) -> list[str]:
    return [f["check"] for f in (doc or {}).get("findings", [])]


def _calls(phone, to: str) -> int:
    from probes.sim.phonenet import PROBER_NUMBER

    return sum(1 for c in phone.sim.net.calls.values()
               if c.from_ == PROBER_NUMBER and c.to == to and c.direction == "outbound-api")


def _texts(phone) -> int:
    return sum(1 for e in phone.line.log if e["kind"] == "sms_in")


def _verdict(code: int, output: str, doc: dict | None, expected_code: int, misattributed: bool, lost: bool,
             detail: str) -> dict:
    crashed = code != expected_code or not (doc or {}).get("run") or "Traceback" in output
    return {"misattributed": misattributed, "crashed": crashed, "lost": lost,
            "detail": f"exit {code}; {detail}"}


def _phone_world():
    from probes.sim.phonenet import DemoPhone

    return DemoPhone(time_scale=0.25, speech_rate_wps=10, hold_s=1.5, sms_human_delay_s=2.5)


# --- the cases -------------------------------------------------------------------------------------

def calls_500_once(folder: pathlib.Path) -> dict:
    """POST Calls.json answers 500 once: placed on the second try, once; the busy line is the verdict."""
    from probes.sim import phoneline

    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Calls.json", 500)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), CALL)
        placed = _calls(phone, phoneline.SALES_LINE)
    checks = _checks(doc)
    return _verdict(code, output, doc, 1, misattributed=checks != ["phone.busy"], lost=placed != 1,
                    detail=f"findings {checks}, calls placed {placed}")


def calls_500_after_create(folder: pathlib.Path) -> dict:
    """Twilio places the call, then answers 500: the call is found, not placed again."""
    from probes.sim import phoneline

    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Calls.json", 500, after=True)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), CALL)
        placed = _calls(phone, phoneline.SALES_LINE)
    checks = _checks(doc)
    return _verdict(code, output, doc, 1, misattributed=checks != ["phone.busy"], lost=placed != 1,
                    detail=f"findings {checks}, calls placed {placed}")


def calls_429(folder: pathlib.Path) -> dict:
    """POST Calls.json answers 429 with Retry-After: 2 twice: waited out, placed once."""
    from probes.sim import phoneline

    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Calls.json", 429, count=2, retry_after_s=2)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), CALL)
        placed = _calls(phone, phoneline.SALES_LINE)
    checks = _checks(doc)
    return _verdict(code, output, doc, 1, misattributed=checks != ["phone.busy"], lost=placed != 1,
                    detail=f"findings {checks}, calls placed {placed}")


def calls_503_persistent(folder: pathlib.Path) -> dict:
    """POST Calls.json answers 503 all along: a prober error (exit 3), no finding, no call."""
    from probes.sim import phoneline

    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Calls.json", 503, count=10_000)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=4), CALL)
        placed = _calls(phone, phoneline.SALES_LINE)
    checks = _checks(doc)
    return _verdict(code, output, doc, 3, misattributed=bool(checks), lost=placed != 0,
                    detail=f"findings {checks}, calls placed {placed}, errors {len((doc or {}).get('errors', []))}")


def messages_503(folder: pathlib.Path) -> dict:
    """POST Messages.json answers 503 twice: sent on the third try, once, and answered."""
    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Messages.json", 503, count=2)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), TEXT)
        sent = _texts(phone)
    checks = _checks(doc)
    return _verdict(code, output, doc, 0, misattributed=bool(checks), lost=sent != 1,
                    detail=f"findings {checks}, texts received {sent}")


def messages_503_after_create(folder: pathlib.Path) -> dict:
    """Twilio queues the text, then answers 503: the text is found by its token, not sent again."""
    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Messages.json", 503, after=True)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), TEXT)
        sent = _texts(phone)
    checks = _checks(doc)
    return _verdict(code, output, doc, 0, misattributed=bool(checks), lost=sent != 1,
                    detail=f"findings {checks}, texts received {sent}")


def messages_429(folder: pathlib.Path) -> dict:
    """POST Messages.json answers 429 with Retry-After: 1: waited out, sent once."""
    with _phone_world() as phone:
        phone.sim.faults.add("POST", "Messages.json", 429, retry_after_s=1)
        code, output, doc = _run(folder, _config(folder, phone, retry_for_s=30), TEXT)
        sent = _texts(phone)
    checks = _checks(doc)
    return _verdict(code, output, doc, 0, misattributed=bool(checks), lost=sent != 1,
                    detail=f"findings {checks}, texts received {sent}")


def webhook_replay(folder: pathlib.Path) -> dict:
    """A signed messaging webhook sent twice while `run --wait` listens: accepted once, the copy refused
    (403) and counted in the JSON; no finding, the answers still recorded."""
    import requests
    from twilio.request_validator import RequestValidator

    from probes.sim.phonenet import PROBER_NUMBER, DemoPhone

    port = _free_port()
    inbox = f"http://127.0.0.1:{port}/twilio/inbox/sms"
    with DemoPhone(time_scale=0.25, speech_rate_wps=10, sms_human_delay_s=2.5, prober_sms_url=inbox) as phone:
        config = _config(folder, phone, retry_for_s=30, webhook_port=port)
        params = {"MessageSid": "SM" + "7" * 32, "From": "+15550001111", "To": PROBER_NUMBER, "Body": "hello"}
        headers = {"X-Twilio-Signature": RequestValidator(phone.token).compute_signature(inbox, params)}
        answers: list[int] = []
        over = threading.Event()

        def replay():
            while not over.is_set() and len(answers) < 2:
                try:
                    answers.append(requests.post(inbox, data=params, headers=headers, timeout=10).status_code)
                except requests.ConnectionError:
                    time.sleep(0.05)   # not listening yet

        thread = threading.Thread(target=replay, daemon=True)
        thread.start()
        try:
            code, output, doc = _run(folder, config, TEXT_AWAITED, "--wait", "60s")
        finally:
            over.set()
            thread.join(30)
    refused = ((doc or {}).get("summary") or {}).get("webhooks_refused")
    answered = sum(len(s.get("responses", [])) for j in (doc or {}).get("journeys", []) for s in j["steps"])
    misattributed = bool(_checks(doc)) or answers != [200, 403] or refused != {"forged": 0, "replayed": 1}
    return _verdict(code, output, doc, 0, misattributed=misattributed, lost=answered < 2,
                    detail=f"webhook answers {answers}, refused {refused}, answers recorded {answered}")


def cases() -> list[tuple[str, Callable[[pathlib.Path], dict]]]:
    """The Twilio fault cases, for tests/benchmarks/fault_matrix.py."""
    return [
        ("twilio: calls 500 once", calls_500_once),
        ("twilio: calls 500 after the call was placed", calls_500_after_create),
        ("twilio: calls 429 with Retry-After", calls_429),
        ("twilio: calls 503 all along", calls_503_persistent),
        ("twilio: messages 503", messages_503),
        ("twilio: messages 503 after the text was queued", messages_503_after_create),
        ("twilio: messages 429 with Retry-After", messages_429),
        ("twilio: webhook replay", webhook_replay),
    ]


if __name__ == "__main__":
    import tempfile

    for name, case in cases():
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            try:
                result = case(pathlib.Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that blows up is a crash, reported as one
                result = {"misattributed": False, "crashed": True, "lost": False,
                          "detail": f"{type(exc).__name__}: {exc}"}
        flags = " ".join(k for k in ("misattributed", "crashed", "lost") if result[k]) or "ok"
        print(f"{name}: {flags} ({time.monotonic() - started:.0f} s) {result['detail']}", flush=True)
