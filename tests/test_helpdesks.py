"""Automatic or from a person, as real helpdesks send it: each fixture in tests/data/helpdesks/ (headers taken
from the product's source or documentation, cited in its X-Fixture-Source) delivered into a real Dovecot
mailbox and harvested; plus the per-target ``replies:`` rules of probes.yaml."""
import email
import email.policy
from email.utils import format_datetime
from pathlib import Path

import pytest

from probes.harvest import harvest
from probes.results import utcnow

HELPDESKS = Path(__file__).parent / "data" / "helpdesks"
FIXTURES = sorted(HELPDESKS.glob("*.eml"))

SILENT = """
    name: {name}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: demo
    steps:
      - id: question
        channel: email
        to: returns@northwind.example
        subject: Where is my refund?
        body: "Hello, where is my refund? Jane"
        expect: {{ack_within: 1h, human_within: 1 business day}}
"""
PRODUCTS = sorted({p.name.split("-")[0] for p in FIXTURES})


def load(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def fixture(path: Path, field: str) -> str:
    """A fixture's own X-Fixture-<field> line (test metadata, never delivered)."""
    prefix = f"X-Fixture-{field}: "
    return next(line[len(prefix):] for line in path.read_text().splitlines() if line.startswith(prefix))


def addressed(raw: bytes, contact: dict) -> bytes:
    """The mail as the helpdesk would send it to this contact: to its reply address, threaded, dated now."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for name in ("To", "Date", "X-Fixture-Source", "X-Fixture-Expect", "X-Fixture-Why"):
        del msg[name]
    msg["To"] = contact["reply_address"]
    msg["Date"] = format_datetime(utcnow())
    msg["In-Reply-To"] = contact["message_id"]
    return msg.as_bytes()


@pytest.fixture
def asked(run_journeys, mail_config):
    """Email contacts to a mailbox that never answers, one per name; the test delivers the helpdesk's mail."""
    mail_config.targets["demo"].auto_reply_within_s = 0   # the fixtures' timing is no evidence here

    def ask(*names):
        ran = run_journeys(*[SILENT.format(name=n) for n in names or ("Silent",)], cfg=mail_config)
        rows = ran.ledger.run_rows(ran.result.run_id)
        journeys = {j["id"]: j["name"] for j in rows["journeys"]}
        contacts = {journeys[c["journey_id"]]: c for c in rows["contacts"]}
        return (ran, contacts) if names else (ran, contacts["Silent"])
    return ask


def answer(ran):
    (r,) = [r for r in ran.ledger.run_rows(ran.result.run_id)["responses"] if r["kind"] != "own_copy"]
    return r


def test_every_product_has_an_agents_answer_and_an_automatic_mail_each_citing_its_source():
    assert set(PRODUCTS) >= {"rt", "znuny", "zammad", "osticket", "zendesk", "freshdesk", "helpscout", "jira",
                             "microsoft365", "gmail"}
    for product in PRODUCTS:
        expects = {fixture(p, "Expect") for p in FIXTURES if p.name.startswith(product + "-")}
        assert expects == {"auto", "human"}, product
    for p in FIXTURES:
        assert fixture(p, "Source") and fixture(p, "Why"), p.name


@pytest.mark.parametrize("product", PRODUCTS)
def test_a_helpdesks_mail_is_judged_as_the_product_means_it(asked, mail, mail_config, reports, product):
    """The product's agent's answer and its automatic mail(s), each to its own contact, harvested together."""
    mine = [p for p in FIXTURES if p.name.startswith(product + "-")]
    ran, contacts = asked(*[p.stem for p in mine])
    for p in mine:
        mail.imap.deliver("shopper", addressed(p.read_bytes(), contacts[p.stem]))
    harvest(ran.ledger, mail_config, reports)
    rows = ran.ledger.run_rows(ran.result.run_id)
    for p in mine:
        contact = contacts[p.stem]
        (r,) = [r for r in rows["responses"] if r["contact_id"] == contact["id"] and r["kind"] != "own_copy"]
        want = fixture(p, "Expect")
        assert r["kind"] == want, f"{p.name}: {r['kind_reason']}"
        assert fixture(p, "Why") in r["kind_reason"], f"{p.name}: {r['kind_reason']}"   # why, in words
        awaits = {a["kind"]: a["status"] for a in rows["awaits"]
                  if a["contact_id"] == contact["id"] and a["kind"] in ("ack", "human")}
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
    from probes.answers.rules import ReplyRules

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
    from probes.answers.rules import ReplyRules

    mail_config.targets["demo"].replies = ReplyRules.model_validate({"person_when": [{"text": "warehouse"}]})
    ran, contact = asked()
    msg = load(HELPDESKS / "zendesk-agent-answer.eml")
    del msg["Auto-Submitted"]
    msg["Auto-Submitted"] = "auto-replied"
    mail.imap.deliver("shopper", addressed(msg.as_bytes(), contact))
    harvest(ran.ledger, mail_config, reports)
    r = answer(ran)
    assert (r["kind"], r["kind_reason"]) == ("human", "probes.yaml replies: person_when text: 'warehouse'")
