"""Automatic or from a person, as real helpdesks send it: each fixture in tests/data/helpdesks/ (headers taken
from the product's source or documentation, cited in its X-Fixture-Source) delivered into a real Dovecot
mailbox and harvested; plus the per-target ``replies:`` rules of probes.yaml."""
import email
import email.policy
from email.utils import format_datetime
from pathlib import Path

import pytest

from probes.answers.rules import ReplyRules
from probes.harvest import harvest
from probes.results import utcnow

HELPDESKS = Path(__file__).parent / "data" / "helpdesks"
FIXTURES = sorted(HELPDESKS.glob("*.eml"))

SILENT = """
    name: Silent
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: returns@northwind.example
        subject: Where is my refund?
        body: "Hello, where is my refund? Jane"
        expect: {ack_within: 1h, human_within: 1 business day}
"""


def load(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def addressed(raw: bytes, contact: dict) -> bytes:
    """The mail as the helpdesk would send it to this contact: to its reply address, threaded, dated now."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    del msg["To"], msg["Date"]
    msg["To"] = contact["reply_address"]
    msg["Date"] = format_datetime(utcnow())
    msg["In-Reply-To"] = contact["message_id"]
    return msg.as_bytes()


@pytest.fixture
def asked(run_journeys, mail_config):
    """One email contact to a mailbox that never answers; the test delivers the helpdesk's mail itself."""
    mail_config.targets["demo"].auto_reply_within_s = 0   # the fixtures' timing is no evidence here

    def ask():
        ran = run_journeys(SILENT, cfg=mail_config)
        return ran, ran.rows["contacts"][0]
    return ask


def answer(ran):
    (r,) = [r for r in ran.ledger.run_rows(ran.result.run_id)["responses"] if r["kind"] != "own_copy"]
    return r


def test_every_product_has_an_agents_answer_and_an_automatic_mail_each_citing_its_source():
    products = {p.name.split("-")[0] for p in FIXTURES}
    assert products >= {"rt", "znuny", "zammad", "osticket", "zendesk", "freshdesk", "helpscout", "jira",
                        "microsoft365", "gmail"}
    for product in products:
        expects = {load(p)["X-Fixture-Expect"] for p in FIXTURES if p.name.startswith(product + "-")}
        assert expects == {"auto", "human"}, product
    for p in FIXTURES:
        assert load(p)["X-Fixture-Source"], p.name


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_helpdesk_mail_is_judged_as_its_product_means_it(asked, mail, mail_config, reports, path):
    ran, contact = asked()
    mail.imap.deliver("shopper", addressed(path.read_bytes(), contact))
    harvest(ran.ledger, mail_config, reports)
    r = answer(ran)
    want = load(path)["X-Fixture-Expect"]
    assert r["kind"] == want, f"{path.name}: {r['kind_reason']}"
    assert r["kind_reason"]   # the report says why, in words
    awaits = {a["kind"]: a["status"] for a in ran.ledger.run_rows(ran.result.run_id)["awaits"]
              if a["kind"] in ("ack", "human")}
    # An agent's answer is the answer from a person; an automatic mail only acknowledges.
    assert awaits == ({"ack": "met", "human": "met"} if want == "human" else {"ack": "met", "human": "pending"})


def test_rt_marks_every_message_bulk_so_bulk_alone_is_a_person(asked, mail, mail_config, reports):
    ran, contact = asked()
    mail.imap.deliver("shopper", addressed((HELPDESKS / "rt-agent-answer.eml").read_bytes(), contact))
    harvest(ran.ledger, mail_config, reports)
    r = answer(ran)
    assert r["kind"] == "human" and "Precedence: bulk" in r["kind_reason"]
    assert "not enough" in r["kind_reason"]


def test_a_targets_replies_rules_decide_before_the_general_rules(asked, mail, mail_config, reports):
    # This company's RT sends agents' answers and acknowledgements alike; its own header tells them apart.
    mail_config.targets["demo"].replies = ReplyRules.model_validate(
        {"automatic_when": [{"header": "X-RT-Originator", "matches": r"^rt@"}],
         "person_when": [{"text": r"kind regards,\s+priya"}]})
    ran, contact = asked()
    ack = load(HELPDESKS / "rt-autoreply.eml")
    ack["X-RT-Originator"] = "rt@northwind.example"
    del ack["Auto-Submitted"]   # an installation that dropped RFC 3834: the rule still tells
    mail.imap.deliver("shopper", addressed(ack.as_bytes(), contact))
    harvest(ran.ledger, mail_config, reports)
    r = answer(ran)
    assert (r["kind"], r["kind_reason"]) == ("auto", "probes.yaml replies: automatic_when header: "
                                                     "X-RT-Originator matches '^rt@'")


def test_a_person_when_rule_wins_over_strong_headers(asked, mail, mail_config, reports):
    mail_config.targets["demo"].replies = ReplyRules.model_validate({"person_when": [{"text": "warehouse"}]})
    ran, contact = asked()
    msg = load(HELPDESKS / "zendesk-agent-answer.eml")
    del msg["Auto-Submitted"]
    msg["Auto-Submitted"] = "auto-replied"
    mail.imap.deliver("shopper", addressed(msg.as_bytes(), contact))
    harvest(ran.ledger, mail_config, reports)
    r = answer(ran)
    assert (r["kind"], r["kind_reason"]) == ("human", "probes.yaml replies: person_when text: 'warehouse'")
