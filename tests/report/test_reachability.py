"""'Could customers get through?': a channel counts as reached only when the company's side got the contact;
the prober's own errors are "could not tell", neither reached nor unreached. Real runs, real Chromium."""
from __future__ import annotations

from browser_faults import FaultSite
from probes.report import build_results, write_report


def form(name: str, url: str, fields: list[tuple[str, str]], button: str, expect: str = "received") -> str:
    lines = "\n".join(f"          - label: {label}\n            value: \"{value}\"" for label, value in fields)
    return f"""
    name: {name}
    persona: {{name: Sam Taylor, email: sam@example.com}}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{url}"
        fields:
{lines}
        submit: {{text: {button}}}
        expect: {{text: {expect}, within: 30s}}
"""


def test_only_contacts_the_company_got_count_as_reached_and_prober_errors_could_not_tell(
        run_journeys, config, company, reports):
    late = """<!doctype html><html><body><form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name style="display:none">
        <button>Send message</button></form></body></html>"""
    config.settings.browser.action_timeout_s = 10  # the late field never shows; the others have time, even here
    with FaultSite(pages={"/late": late}) as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        ran = run_journeys(
            # (The two that wait the time limit for a field first, side by side; the quick two in the third slot.)
            # Not reached: the form has no such field (a major finding, not a critical one).
            form("No fax field", "{target.website}/contact", [("Fax number", "123")], "Send message"),
            # Could not tell: the field never became usable within the prober's time limit.
            form("Too slow to judge", f"{site.base_url}/late", [("Your name", "Sam")], "Send message"),
            # Reached: the company confirmed it.
            form("Healthy", "{target.website}/contact", [("Your name", "Sam"), ("Email address", "s@example.com"),
                                                         ("Your message", "ref {token}")], "Send message",
                 "We have received your message"),
            # Not reached: the browser refused to send the form (a required field the label hides).
            form("Refused", "{target.website}/complaints", [("Your name", "Sam"), ("Email address", "s@example.com"),
                                                            ("Describe your complaint", "late")], "Submit complaint"),
            concurrency=3)
    statuses = {j["name"]: j["status"] for j in ran.rows["journeys"]}
    assert statuses == {"Healthy": "passed", "No fax field": "failed", "Refused": "failed",
                        "Too slow to judge": "not_started"}
    results = build_results(ran.ledger, ran.result.run_id)
    assert results["summary"]["reachability"] == [
        {"channel": "web_form", "reached": 1, "total": 3, "could_not_tell": 1, "rate": 0.3333}]
    got_through = {j["name"]: j["steps"][0]["reachable"] for j in results["journeys"]}
    assert got_through == {"Healthy": True, "No fax field": False, "Refused": False, "Too slow to judge": None}
    assert results["summary"]["journeys"]["not_started"] == 1
    html = write_report(results, reports).read_text(encoding="utf-8")
    assert "1 of 3 reached · 1 could not tell" in html
    assert "Prober errors (not the company" in html and "Too slow to judge" in html
