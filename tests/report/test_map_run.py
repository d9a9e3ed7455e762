"""A real run keeps the stage a step names (`stage:`, on a contact step and on an `await` step), and the journey
map draws them as its columns, the answers' wait in the await step's own stage.

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
            value: "{reply_to}"
          - label: Your message
            value: "When does my washing machine come? {token}"
        expect: {text: We have received your message}
      - id: answer
        await: ask
        stage: Wait for the e-mail
        ack_within: 30s
        human_within: 30s
"""


def test_a_scenario_names_its_stages_and_the_map_draws_them(run_journeys, company, mail, mail_config, monkeypatch):
    monkeypatch.setattr(company, "on_message", mail.forward_form)   # the website hands its messages to the desk
    # One real run, waiting for the mail desk's answers (an automatic one, then a person's, within seconds).
    ran = run_journeys(STAGED, cfg=mail_config, wait_s=60)
    assert [s["observations"].get("stage") for s in ran.steps] == ["Ask about the delivery", "Wait for the e-mail"]
    from probes.report.build import build_results
    from probes.report.journey_map import render_map

    html = render_map(build_results(ran.ledger, ran.result.run_id))
    # The wait the await step names stands where "Waiting" would: after the acknowledgement, before the answer.
    assert re.findall(r'class="stage-head" data-stage="([^"]+)"', html) == [
        "Ask about the delivery", "Acknowledged", "Wait for the e-mail", "Answered", "Promise kept"]
    # The silence before each answer is drawn in the await step's stage, on the email lane.
    waits = html.split('data-lane="email" data-stage="Wait for the e-mail">', 1)[1].split('class="cell-items"', 1)[0]
    assert re.search(r"of silence</span>", waits) and "more until a person answered" in waits
