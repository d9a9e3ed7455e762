"""Canned replies: a person's answer that is a near-copy of answers to other questions, over a real ledger."""
import datetime as dt
from types import SimpleNamespace

import pytest

from probes.checks import canned
from probes.config import load_config
from probes.answers.inbound import HarvestResult
from probes.answers.judge import canned_check
from probes.answers.pipeline import Pipeline
from probes.channels.sms_inbox import TextBox
from probes.ledger import Ledger, new_token

FORM = ("Dear {name},\nthank you for contacting Example Shop. We have received your enquiry and one of our "
        "advisers will look into it carefully. Your reference is {ref}. We aim to reply to all messages as "
        "soon as we can.\nKind regards,\nPriya\nCustomer Care")
SPECIFIC = ("Hello {name},\nyes, the blue kettle can be returned within 30 days even without the box; just "
            "bring the receipt to any of our shops and we will refund it to your card the same day.\nPriya")


class World:
    """A ledger with journeys, contacts and answers, as runs and harvests leave them."""

    def __init__(self, tmp_path):
        self.ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
        self.tmp_path = tmp_path
        self.uid = 0
        self.when = dt.datetime(2025, 3, 1, 9, tzinfo=dt.timezone.utc)

    def run(self) -> str:
        return self.ledger.start_run("nightly", self.tmp_path)

    def contact(self, run_id, file, name, step_key="ask", target="shop", persona="Jane Doe") -> dict:
        jid = self.ledger.start_journey(run_id, name=name, file=file, target=target, target_name="Shop",
                                        persona={"name": persona}, tags=[])
        sid = self.ledger.start_step(jid, 0, step_key, "email")
        token = new_token()
        cid = self.ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="email",
                                       destination="help@shop.example", token=token,
                                       idempotency_key=f"{run_id}/{file}/{step_key}/{token}")
        self.ledger.mark_contact(cid, "sent", self.when)
        return self.ledger.get_contact(cid)

    def answer(self, contact, body, kind="human") -> int:
        self.uid += 1
        self.when += dt.timedelta(hours=1)
        return self.ledger.add_response(channel="email", mailbox="m/INBOX", uidvalidity=1, uid=self.uid,
                                        contact_id=contact["id"], kind=kind, body_text=body,
                                        observed_at=self.when, arrived_at=self.when)

    def ask(self, run_id, file, name, body, **kw) -> tuple[dict, int]:
        c = self.contact(run_id, file, name, **kw)
        return c, self.answer(c, body.format(name=kw.get("persona", "Jane Doe").split()[0], ref=c["token"]))


@pytest.fixture
def world(tmp_path):
    return World(tmp_path)


def test_the_same_form_letter_to_different_questions_across_runs_is_a_finding(world):
    first, second = world.run(), world.run()
    world.ask(first, "returns.yaml", "Returns", FORM, persona="Ann Lee")
    world.ask(first, "delivery.yaml", "Late delivery", FORM, persona="Bob Marsh")
    world.ask(second, "warranty.yaml", "Warranty", FORM, persona="Cem Aksoy")
    me, rid = world.ask(second, "allergy.yaml", "Allergy question", FORM, persona="Dora Vidal")
    (f,) = canned_check(world.ledger, me, world.ledger.responses_where(id=rid)[0]["body_text"], response_id=rid)
    assert (f.check, f.severity, f.title) == ("canned", "minor", "The same reply was sent to 3 other questions")
    assert "seen 4 times" in f.detail and "(2 runs)" in f.detail
    for name in ("“Returns”", "“Late delivery”", "“Warranty”"):
        assert name in f.detail
    assert f.snippet.startswith("thank you for contacting Example Shop.")


def test_the_snippet_is_the_replys_first_line_of_substance(world):
    run = world.run()
    world.ask(run, "returns.yaml", "Returns", FORM)
    me, rid = world.ask(run, "delivery.yaml", "Late delivery", FORM)
    body = world.ledger.responses_where(id=rid)[0]["body_text"]
    (f,) = canned_check(world.ledger, me, body, response_id=rid)
    assert f.snippet == body.splitlines()[1][:300] and f.snippet in body


def test_a_near_copy_with_a_few_words_changed_counts(world):
    run = world.run()
    world.ask(run, "returns.yaml", "Returns", FORM)
    tweaked = FORM.replace("carefully", "very carefully")
    me, rid = world.ask(run, "delivery.yaml", "Late delivery", tweaked)
    body = world.ledger.responses_where(id=rid)[0]["body_text"]
    assert [f.title for f in canned_check(world.ledger, me, body, response_id=rid)] == \
        ["The same reply was sent to 1 other question"]


def test_the_same_answer_to_the_same_question_asked_again_is_fine(world):
    # Tonight's answer about returns may well match last night's answer about returns.
    world.ask(world.run(), "returns.yaml", "Returns", SPECIFIC)
    me, rid = world.ask(world.run(), "returns.yaml", "Returns", SPECIFIC, persona="Ann Lee")
    assert canned_check(world.ledger, me, SPECIFIC.format(name="Ann"), response_id=rid) == []


def test_a_different_step_of_the_same_scenario_is_a_different_question(world):
    run = world.run()
    world.ask(run, "returns.yaml", "Returns", FORM, step_key="ask")
    me, rid = world.ask(run, "returns.yaml", "Returns", FORM, step_key="follow_up")
    (f,) = canned_check(world.ledger, me, FORM, response_id=rid)
    assert "(step ask)" in f.detail


def test_different_answers_are_not_canned(world):
    run = world.run()
    world.ask(run, "returns.yaml", "Returns", SPECIFIC)
    me, rid = world.ask(run, "delivery.yaml", "Late delivery", FORM)
    assert canned_check(world.ledger, me, FORM, response_id=rid) == []


def test_automatic_answers_other_targets_and_short_replies_are_not_compared(world):
    run = world.run()
    world.ask(run, "a.yaml", "Auto elsewhere", FORM)  # same target but automatic:
    world.ledger.update_row("responses", 1, kind="auto")
    world.ask(run, "b.yaml", "Other company", FORM, target="other")
    me, rid = world.ask(run, "c.yaml", "Mine", FORM)
    assert canned_check(world.ledger, me, FORM, response_id=rid) == []
    world.ask(run, "d.yaml", "Short", "Yes, that is fine.")
    me, rid = world.ask(run, "e.yaml", "Short too", "Yes, that is fine.")
    assert canned_check(world.ledger, me, "Yes, that is fine.", response_id=rid) == []


def test_quoted_customer_text_does_not_make_answers_alike(world):
    question = "\n\nOn Mon, 3 Mar 2025, Jane Doe wrote:\n" + "\n".join(
        f"> I bought a kettle in March and it leaks, and the handle is loose, number {i}" for i in range(20))
    run = world.run()
    world.ask(run, "returns.yaml", "Returns", "Please send us a photo of the damaged kettle." + question)
    body = "We can offer you a replacement model at no extra cost from next week." + question
    me, rid = world.ask(run, "delivery.yaml", "Late delivery", body)
    assert canned_check(world.ledger, me, body, response_id=rid) == []


def test_only_the_last_answers_are_compared(world, monkeypatch):
    monkeypatch.setattr(canned, "LOOKBACK", 2)
    run = world.run()
    world.ask(run, "old.yaml", "Old", FORM)
    world.ask(run, "x.yaml", "X", SPECIFIC)
    world.ask(run, "y.yaml", "Y", SPECIFIC)
    me, rid = world.ask(run, "new.yaml", "New", FORM)
    assert canned_check(world.ledger, me, FORM, response_id=rid) == []


def test_harvest_records_it_on_the_answer_step_and_tuning_applies(world, tmp_path):
    config = tmp_path / "probes.yaml"
    config.write_text("targets:\n  shop:\n    name: Example Shop\n    allowlist: [\"+442071234567\"]\n")
    cfg = load_config(config)
    world.ask(world.run(), "returns.yaml", "Returns", FORM)

    def harvest_one(file, tuning=None):
        run = world.run()  # one run each: the same text twice in a run is classified automatic
        c = world.contact(run, file, file, persona="Jane Doe")
        if tuning:
            world.ledger.update_row("journeys", c["journey_id"], tuning=tuning)
        sent = c["sent_at"]
        text = SimpleNamespace(sid="SM" + f"{world.uid + 1:030x}", from_="+442071234567", to="+15005550006",
                               direction="inbound", body=FORM.format(name="Jane", ref=c["token"]),
                               date_sent=sent + dt.timedelta(hours=2), date_created=sent)
        world.uid += 1
        with world.ledger.transaction():
            Pipeline(world.ledger, cfg, tmp_path / "reports").take(
                TextBox(SimpleNamespace(number="+15005550006")).inbound(text), HarvestResult())
        assert world.ledger.responses_where(contact_id=c["id"])[0]["kind"] == "human"
        return [f for f in world.ledger.run_rows(run)["findings"] if f["contact_id"] == c["id"]], c

    found, c = harvest_one("delivery.yaml")
    assert [(f["check_id"], f["severity"], f["step_id"]) for f in found] == [("canned", "minor", c["step_id"])]
    off = {"canned": {"off": True, "severity": None, "reason": "we know", "from": "target"}}
    assert harvest_one("warranty.yaml", off)[0] == []


def test_canned_and_link_can_be_tuned_in_probes_yaml(tmp_path):
    config = tmp_path / "probes.yaml"
    config.write_text("targets:\n  shop:\n    name: Shop\n    allowlist: [\"+442071234567\"]\n    checks:\n"
                      "      canned: {off: true, reason: Our desk answers from templates on purpose}\n"
                      "      link: {severity: minor, reason: The old help site retires in May}\n")
    checks = load_config(config).targets["shop"].checks
    assert checks["canned"].off and checks["link"].severity == "minor"
