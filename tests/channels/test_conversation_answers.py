"""What a chat or a call answered is judged like an email answer: must_mention on the company's replies
together, and a promised follow-up becomes an await (real Chromium and the demo chat; the Twilio simulator)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from probes.checks.promises import END_OF_DAY


@pytest.fixture
def chat_site():
    from probes.sim import DemoCompany
    from probes.sim.chat import ChatServer

    with ChatServer(bot_delay_s=0.4, agent_delay_s=1.0) as chat, DemoCompany(chat=chat) as site:
        yield site, chat


@pytest.fixture
def chat_config(chat_site, mail, reports):
    from probes.cli import demo_config

    config = demo_config(chat_site[0].base_url, reports, mail, chat=chat_site[1])
    config.targets["demo"].business_hours = {}  # always open: the chat is staffed whenever the test runs
    return config


def chat_with_sam(name: str, contact_words: str) -> str:
    """A chat handed over to Sam, who answers "…make sure you get a proper answer by email today"."""
    return f"""
    name: {name}
    persona: {{name: Jane Doe}}
    target: demo
    steps:
      - id: chat
        channel: chat
        url: "{{target.website}}/chat"
        widget: northwind
        ready_within: 30s
        turns:
          - {{say: "I want to talk to an agent", within: 20s}}
          - {{say: "Where is my order?{contact_words}", within: 20s}}
          - {{say: "Thanks, one more thing", within: 20s}}
        must_mention: [colleague, refund]
"""


def test_a_chat_is_judged_on_what_was_asked_and_its_promise_is_awaited_when_an_email_can_be_tied_to_it(
        run_journeys, chat_config):
    ran = run_journeys(chat_with_sam("Gave an address", " Email me at {reply_to}, reference {token}."),
                       chat_with_sam("Gave no address", ""), cfg=chat_config, concurrency=2)
    by_name = {j["id"]: j["name"] for j in ran.rows["journeys"]}
    steps = {by_name[s["journey_id"]]: s for s in ran.steps}
    assert all(s["status"] in ("passed", "failed") for s in steps.values()), steps
    # Sam's replies together mention "colleagues" (another form of "colleague"), never a refund.
    for name, step in steps.items():
        (f,) = [f for f in ran.rows["findings"] if f["step_id"] == step["id"] and f["check_id"].startswith("answer")]
        assert f["check_id"] == "answer.incomplete" and "1 of the 2" in f["title"], (name, f)
        assert "Missed: “refund”" in f["detail"]
        assert step["observations"]["must_mention"] == ["colleague", "refund"]   # later answers are judged too
    # "…a proper answer by email today": awaited as a promise, by email, due by the end of the company's day.
    gave = steps["Gave an address"]
    (promise,) = [a for a in ran.rows["awaits"] if a["step_id"] == gave["id"]]
    assert promise["kind"] == "promise" and promise["channel"] == "email" and promise["status"] == "pending"
    assert promise["deadline_text"] in ("promised “before the end of the day”", "promised “today”")
    tz = ZoneInfo(chat_config.targets["demo"].timezone)
    local_now = dt.datetime.now(tz)
    latest = dt.datetime.combine(local_now.date(), dt.time(23, 59, 59), tzinfo=tz)
    assert promise["due_at"] <= latest.astimezone(dt.timezone.utc) + dt.timedelta(seconds=1)
    if local_now.time() < dt.time(16, 0):
        assert promise["due_at"] == dt.datetime.combine(local_now.date(), END_OF_DAY, tzinfo=tz)
    # Without the address or the token, an email could not be tied to the chat: no await that could only break.
    assert not [a for a in ran.rows["awaits"] if a["step_id"] == steps["Gave no address"]["id"]]


def test_a_call_is_judged_on_what_the_person_said_not_on_the_menu(run_journeys, phone_config):
    ran = run_journeys("""
    name: Billing call
    persona: {name: Jane Doe}
    target: demo
    steps:
      - id: call
        channel: phone
        menu:
          - expect: "for billing press 1"
            press: "1"
          - expect: "to speak to someone in our billing team press 2"
            press: "2"
        human_within: 30s
        must_mention: [billing, press]
    """, cfg=phone_config)
    (step,) = ran.steps
    assert step["observations"]["reachable"] is True, ran.rows["findings"]
    # Anna says "Northwind billing"; only the menu says "press", and the menu is no answer.
    (f,) = [f for f in ran.rows["findings"] if f["check_id"].startswith("answer")]
    assert f["check_id"] == "answer.incomplete" and "Covered: “billing”" in f["detail"] and "Missed: “press”" in f["detail"]
