"""A real run keeps the stage a step names (`stage:`), and the journey map draws it as its column.

Apart from test_map.py: a run needs its own event loop, which the sync Chromium of that module's tests holds.
"""
from __future__ import annotations

import re


STAGED = """
    name: Staged
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: ask
        channel: web_form
        stage: Ask about the delivery
        url: "{target.website}/contact"
        fields:
          - label: Your name
            value: "{persona.name}"
          - label: Email address
            value: "{persona.email}"
          - label: Your message
            value: "When does my washing machine come? {token}"
        expect: {text: We have received your message}
"""


def test_a_scenario_names_its_stages_and_the_map_draws_them(run_journeys, tmp_path):
    ran = run_journeys(STAGED)   # one real run: the runner keeps the stage a step names
    assert [s["observations"].get("stage") for s in ran.steps] == ["Ask about the delivery"]
    from probes.report.build import build_results
    from probes.report.journey_map import render_map

    html = render_map(build_results(ran.ledger, ran.result.run_id))
    assert re.findall(r'class="stage-head" data-stage="([^"]+)"', html) == ["Ask about the delivery"]
