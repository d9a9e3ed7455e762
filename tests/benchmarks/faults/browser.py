"""Browser faults for the fault matrix: Chromium killed by its PID mid-run, slow pages, and a true positive.

Each case starts the demo company (and, where needed, a fault site) on loopback, runs journeys through the
Runner with a real Chromium, writes the report, tears everything down and says whether the prober blamed the
company for its own trouble (misattributed), broke (crashed) or sent something twice / lost it (lost).

Usage: python tests/benchmarks/faults/browser.py   (one line per case)
"""
from __future__ import annotations

import asyncio
import sys
import textwrap
import traceback
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[3]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

HEALTHY = """
name: Enquiry {n}
persona: {{name: Jane Doe, email: jane@example.com}}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{{target.website}}/contact"
    fields:
      - {{label: Your name, value: "{{persona.name}}"}}
      - {{placeholder: you@example.com, value: "{{persona.email}}"}}
      - {{label: Your message, value: "Where is my refund? ref {{token}}"}}
    submit: {{text: Send message}}
    expect: {{text: We have received your message, within: 60s}}
"""
FORM_AT = """
name: Form at {path}
persona: {{name: Sam Taylor}}
target: demo
steps:
  - id: form
    channel: web_form
    url: {url}
    retries: 0
    fields:
      - {{label: {label}, value: "ref {{token}}"}}
    submit: {{text: Send message}}
    expect: {{text: received, within: 30s}}
"""
LATE_FIELD = """<!doctype html><html><body><form method=post action=/send>
<label for=n>Your name</label><input id=n name=name style="display:none"><button>Send message</button></form>
<script>setTimeout(() => { document.getElementById('n').style.display = ''; }, 20000)</script></body></html>"""
HANGING = """<!doctype html><html><body><img src="/hang"><form method=post action=/send>
<label for=n>Your name</label><input id=n name=name><button>Send message</button></form></body></html>"""


def _run(tmp: Path, texts: list[str], *, run_id: str, concurrency: int = 1, sites=(), tune=None, resume=False):
    """Run scenario texts against a fresh demo company; returns (company inbox tokens, [(result, rows, results)])."""
    from probes.cli import demo_config
    from probes.ledger import Ledger
    from probes.report import build_results, write_report
    from probes.runner import Runner
    from probes.scenario import load_journey
    from probes.sim import DemoCompany

    runs = []
    with DemoCompany() as company:
        reports = tmp / "reports"
        config = demo_config(company.base_url, reports)
        for site in sites:
            config.targets["demo"].allowlist.append(site.base_url + "/")
        if tune:
            tune(config)
        paths = []
        for i, text in enumerate(texts):
            paths.append(tmp / f"j{i}.yaml")
            paths[-1].write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        journeys = [load_journey(p, config) for p in paths]
        for _ in range(2 if resume else 1):
            ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
            result = asyncio.run(Runner(config, ledger, reports, concurrency=concurrency).run(journeys, run_id=run_id))
            results = build_results(ledger, run_id)
            if not write_report(results, reports).exists():
                raise RuntimeError("no report written")
            runs.append((result, ledger.run_rows(run_id), results))
            ledger.close()
        tokens = [m["fields"].get("message", "").rsplit(" ", 1)[-1] for m in company.inbox_snapshot()]
    return tokens, runs


def _case(body: Callable[[Path], dict]) -> Callable[[Path], dict]:
    def run(tmp: Path) -> dict:
        try:
            return body(tmp)
        except Exception as exc:  # noqa: BLE001 - the matrix counts it as a crash
            return {"misattributed": False, "crashed": True, "lost": False,
                    "detail": f"{type(exc).__name__}: {exc} | {traceback.format_exc().splitlines()[-2].strip()}"}
    return run


def _sent_twice_or_lied(tokens: list[str], rows: dict) -> bool:
    """A token the company got twice, or a contact recorded 'not_sent' that the company has."""
    if len(tokens) != len(set(tokens)):
        return True
    return any(c["status"] == "not_sent" and c["token"] in tokens for c in rows["contacts"])


@_case
def chromium_killed_before_send(tmp: Path) -> dict:
    from browser_faults import FaultSite

    with FaultSite(kill_on="get") as site:
        texts = [FORM_AT.format(path="/form", url=f"{site.base_url}/form", label="Your name")]
        texts += [HEALTHY.format(n=n) for n in range(3)]
        tokens, [(first, rows1, res1), (second, rows2, res2)] = _run(
            tmp, texts, run_id="kill-get", concurrency=2, sites=[site], resume=True)
        killed, posts = bool(site.killed), len(site.posts)
    status1 = [j["status"] for j in rows1["journeys"]]
    status2 = [j["status"] for j in rows2["journeys"]]
    later_passed = status1[2:] == ["passed", "passed"]
    misattributed = bool(res1["findings"] or res2["findings"]) or status1[0] != "not_started" or not later_passed
    crashed = not killed or first.exit_code != 3
    lost = _sent_twice_or_lied(tokens, rows2) or posts != 1 or status2[0] != "passed"
    return {"misattributed": misattributed, "crashed": crashed, "lost": lost,
            "detail": f"killed={killed} first run {status1}, resumed {status2}, trap posts={posts}"}


@_case
def chromium_killed_after_send(tmp: Path) -> dict:
    from browser_faults import FaultSite

    with FaultSite(kill_on="post") as site:
        texts = [HEALTHY.format(n=0), FORM_AT.format(path="/form", url=f"{site.base_url}/form", label="Your name"),
                 HEALTHY.format(n=2)]
        tokens, [(first, rows1, res1), (second, rows2, _)] = _run(
            tmp, texts, run_id="kill-post", concurrency=1, sites=[site], resume=True)
        killed, posts = bool(site.killed), len(site.posts)
    status1 = [j["status"] for j in rows1["journeys"]]
    trap_contact = [c for c in rows2["contacts"] if c["journey_id"] == rows2["journeys"][1]["id"]]
    misattributed = bool(res1["findings"]) or status1 != ["passed", "error", "passed"]
    crashed = not killed or first.exit_code != 3
    lost = posts != 1 or _sent_twice_or_lied(tokens, rows2) or [c["status"] for c in trap_contact] != ["planned"]
    return {"misattributed": misattributed, "crashed": crashed, "lost": lost,
            "detail": f"killed={killed} first run {status1}, trap posts after resume={posts}"}


def _prober_error_case(tmp: Path, page: str, html: str, tune, words: str) -> dict:
    from browser_faults import FaultSite

    with FaultSite(pages={page: html}) as site:
        tokens, [(result, rows, results)] = _run(
            tmp, [FORM_AT.format(path=page, url=f"{site.base_url}{page}", label="Your name")], run_id="slow",
            sites=[site], tune=tune)
        posts = len(site.posts)
    errors = [e["message"] for e in results["errors"]]
    misattributed = bool(results["findings"]) or not any(words in e for e in errors)
    crashed = result.exit_code != 3
    lost = posts != 0 or [c["status"] for c in rows["contacts"]] != ["not_sent"]
    return {"misattributed": misattributed, "crashed": crashed, "lost": lost,
            "detail": f"exit {result.exit_code}, findings={[f['check'] for f in results['findings']]}, "
                      f"errors={[e[:90] for e in errors]}"}


@_case
def slow_appearing_field(tmp: Path) -> dict:
    def tune(config):
        config.settings.browser.action_timeout_s = 1.0  # a busy machine, in miniature
    return _prober_error_case(tmp, "/late", LATE_FIELD, tune, "could not tell")


@_case
def page_never_finishes_loading(tmp: Path) -> dict:
    def tune(config):
        config.settings.browser.load_timeout_s = 3.0
    return _prober_error_case(tmp, "/hanging", HANGING, tune, "did not finish loading")


@_case
def missing_field_true_positive(tmp: Path) -> dict:
    def tune(config):
        config.settings.browser.action_timeout_s = 1.0  # even a tiny limit must not hide a real finding
    tokens, [(result, rows, results)] = _run(
        tmp, [FORM_AT.format(path="/contact", url="'{target.website}/contact'", label="Fax number")],
        run_id="missing", tune=tune)
    checks = [f["check"] for f in results["findings"]]
    misattributed = checks != ["web_form.field_missing"] or bool(results["errors"])
    return {"misattributed": misattributed, "crashed": result.exit_code != 1, "lost": bool(tokens),
            "detail": f"exit {result.exit_code}, findings={checks}"}


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    """The browser's fault cases, for tests/benchmarks/fault_matrix.py."""
    return [
        ("browser: Chromium killed (by PID) before the form is sent, concurrency 2, then resumed",
         chromium_killed_before_send),
        ("browser: Chromium killed (by PID) after the company got the form, then resumed",
         chromium_killed_after_send),
        ("web_form: a field that shows only after the action time limit", slow_appearing_field),
        ("web_form: a page that never finishes loading", page_never_finishes_loading),
        ("web_form: a field truly missing from a loaded page (true positive)", missing_field_true_positive),
    ]


if __name__ == "__main__":
    import tempfile

    for name, case in cases():
        with tempfile.TemporaryDirectory() as tmp:
            out = case(Path(tmp))
        flags = " ".join(k for k in ("misattributed", "crashed", "lost") if out[k]) or "ok"
        print(f"{flags:<12} {name}: {out['detail']}", flush=True)
