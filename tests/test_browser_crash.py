"""Chromium killed by its PID in the middle of a run: later journeys still run, what never reached the company
runs on resume (`--run-id`), and a form the company already got is never sent again."""
from __future__ import annotations

import asyncio

import pytest

from browser_faults import FaultSite
from conftest import write_scenario
from probes.ledger import Ledger
from probes.runner import Runner
from probes.scenario import load_journey

HEALTHY = """
    name: Enquiry {n}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: demo
    steps:
      - id: enquiry
        channel: web_form
        url: "{{target.website}}/contact"
        fields:
          - label: Your name
            value: "{{persona.name}}"
          - placeholder: you@example.com
            value: "{{persona.email}}"
          - label: Your message
            value: "Where is my refund? ref {{token}}"
        submit: {{text: Send message}}
        expect: {{text: We have received your message, within: 60s}}
"""
TRAP = """
    name: The form where Chromium dies
    persona: {{name: Sam Taylor}}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: {url}/form
        fields:
          - label: Your name
            value: "{{persona.name}}"
          - label: Your message
            value: "ref {{token}}"
        submit: {{text: Send message}}
        expect: {{text: message received, within: 60s}}
"""


@pytest.fixture
def run_ids(config, reports, tmp_path):
    """Run scenario files as one run, again under the same run id to resume it."""

    def run(paths, run_id: str, concurrency: int):
        journeys = [load_journey(p, config) for p in paths]
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        result = asyncio.run(Runner(config, ledger, reports, concurrency=concurrency).run(journeys, run_id=run_id))
        return result, ledger.run_rows(run_id)

    return run


def by_file(rows) -> dict[str, dict]:
    """Journey rows by scenario file name, each with its contacts and steps."""
    out = {}
    for j in rows["journeys"]:
        out[j["file"].rsplit("/", 1)[-1]] = {
            **j, "contacts": [c for c in rows["contacts"] if c["journey_id"] == j["id"]],
            "steps": [s for s in rows["steps"] if s["journey_id"] == j["id"]]}
    return out


def tokens_received(company) -> list[str]:
    # The demo company is shared by the session's tests: other forms' messages have other fields.
    return [m["fields"]["message"].rsplit(" ", 1)[-1] for m in company.inbox_snapshot()
            if "message" in m.get("fields", {})]


def test_chromium_killed_before_the_form_is_sent_later_journeys_pass_and_resume_runs_the_rest(
        run_ids, config, company, tmp_path):
    with FaultSite(kill_on="get") as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        paths = [write_scenario(tmp_path, "a-trap.yaml", TRAP.format(url=site.base_url))]
        paths += [write_scenario(tmp_path, f"b{n}.yaml", HEALTHY.format(n=n)) for n in range(3)]
        before = len(company.inbox_snapshot())

        result, rows = run_ids(paths, "crash-get", concurrency=2)
        assert site.killed, "the test did not find Chromium to kill"
        journeys = by_file(rows)
        trap = journeys["a-trap.yaml"]
        # Killed while it opened the page: a prober error, nothing reached the company, clearly not started.
        assert trap["status"] == "not_started"
        assert [c["status"] for c in trap["contacts"]] == ["not_sent"]
        (step,) = trap["steps"]
        assert step["status"] == "error" and "Chromium went away" in step["error"]
        assert "before the form was sent" in step["error"]
        assert site.posts == [] and rows["findings"] == []
        # The journey beside it may have been hit too; the ones after it ran in a new Chromium and passed.
        assert journeys["b1.yaml"]["status"] == journeys["b2.yaml"]["status"] == "passed"
        assert journeys["b0.yaml"]["status"] in ("passed", "not_started", "error")
        assert result.exit_code == 3
        for j in journeys.values():
            for c in j["contacts"]:
                # 'not_sent' is a promise: the company must not have it.
                assert c["status"] != "not_sent" or c["token"] not in tokens_received(company)
        sent_first = tokens_received(company)[before:]

        result, rows = run_ids(paths, "crash-get", concurrency=2)
        journeys = by_file(rows)
        assert journeys["a-trap.yaml"]["status"] == "passed"
        assert len(site.posts) == 1
        # Nothing the company already has was sent again; what had not started was sent once.
        received = tokens_received(company)[before:]
        assert len(received) == len(set(received)) and set(sent_first) <= set(received)
        for j in journeys.values():
            assert j["status"] in ("passed", "error"), j
            if j["status"] == "error":  # hit while sending: may have reached the company, so never resent
                (c,) = j["contacts"]
                # Send was pressed as Chromium died: the form may or may not have gone (seen both ways
                # on a busy machine); what matters is that it was not sent again.
                assert c["status"] == "planned" and received.count(c["token"]) <= 1
        assert len(rows["journeys"]) == 4


def test_chromium_killed_after_the_form_was_sent_is_never_sent_again(run_ids, config, company, tmp_path):
    with FaultSite(kill_on="post") as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        paths = [write_scenario(tmp_path, "b0.yaml", HEALTHY.format(n=0)),
                 write_scenario(tmp_path, "b1-trap.yaml", TRAP.format(url=site.base_url)),
                 write_scenario(tmp_path, "b2.yaml", HEALTHY.format(n=2))]

        result, rows = run_ids(paths, "crash-post", concurrency=1)
        assert site.killed and len(site.posts) == 1
        journeys = by_file(rows)
        trap = journeys["b1-trap.yaml"]
        (step,) = trap["steps"]
        assert step["status"] == "error" and "after the form was sent" in step["error"]
        # The company got it: the contact stays 'planned' (may have reached it) and the journey is an error.
        assert [c["status"] for c in trap["contacts"]] == ["planned"] and trap["status"] == "error"
        assert journeys["b0.yaml"]["status"] == journeys["b2.yaml"]["status"] == "passed"
        assert rows["findings"] == [] and result.exit_code == 3

        result, rows = run_ids(paths, "crash-post", concurrency=1)
        assert len(site.posts) == 1  # never sent twice
        trap = by_file(rows)["b1-trap.yaml"]
        assert "may have reached the company" in trap["steps"][0]["error"]
        assert [c["status"] for c in trap["contacts"]] == ["planned"]
