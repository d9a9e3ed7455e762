"""Tuning: a target or a scenario switches a check off or changes its severity, with a reason.

Tuning is applied in one place (run_checks, from CheckContext.tuning) and read back from the ledger
(journeys.tuning) by the runner and by harvest alike.
"""
import datetime as dt
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from probes.checks import CHECKS, CheckContext, run_checks
from probes.config import HARVEST_CHECKS, CheckTuning, load_config
from probes.answers.inbound import HarvestResult
from probes.answers.judge import check_context
from probes.answers.pipeline import Pipeline
from probes.channels.email_inbox import to_inbound
from probes.channels.sms_inbox import TextBox
from probes.ledger import Ledger, new_token, upgrade
from probes.scenario import effective_tuning, load_journey
from probes.yamlsource import InputError

ROOT = Path(__file__).resolve().parent.parent
DEAR = "Dear [name],\nthank you for your message. We will call you back tomorrow.\nPriya"

CONFIG = """
    targets:
      shop:
        name: Example Shop
        allowlist: [http://127.0.0.1:8780/, "+442071234567"]
        checks:
          tone: {off: true, reason: Our shop writes cheerfully to everyone on purpose}
          language: {severity: minor, reason: Our staff answer in English}
"""

SCENARIO = """
    name: Tuned journey
    persona: {name: Jane Doe, situation: bereavement}
    target: shop
    checks:
      tone: {severity: info, reason: Seen once; re-rated until the new templates ship}
      placeholder: {off: true, reason: "The shop's form confirmation is known to say Dear [name]"}
    steps:
      - channel: web_form
        url: http://127.0.0.1:8780/contact
        fields: [{label: Name, value: Jane}]
        expect: {text: Thanks}
"""


STEP = SCENARIO.split("    steps:\n")[1]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.fixture
def cfg(tmp_path):
    return load_config(write(tmp_path, "probes.yaml", CONFIG))


def tuned(**checks) -> dict:
    """Tuning as stored in journeys.tuning."""
    return {cid: {"off": False, "severity": None, "reason": "because", "from": "scenario", **t}
            for cid, t in checks.items()}


# --- loading -------------------------------------------------------------------------------------
def test_the_journey_overrides_the_target_for_the_same_check(cfg, tmp_path):
    loaded = load_journey(write(tmp_path, "j.yaml", SCENARIO), cfg)
    assert effective_tuning(loaded.journey, cfg) == {
        "tone": {"off": False, "severity": "info",
                 "reason": "Seen once; re-rated until the new templates ship", "from": "scenario"},
        "language": {"off": False, "severity": "minor", "reason": "Our staff answer in English", "from": "target"},
        "placeholder": {"off": True, "severity": None,
                        "reason": "The shop's form confirmation is known to say Dear [name]", "from": "scenario"},
    }


def test_no_tuning_anywhere_is_an_empty_mapping(tmp_path):
    cfg = load_config(write(tmp_path, "probes.yaml", CONFIG.split("        checks:")[0]))
    untuned = "\n".join(line for line in SCENARIO.splitlines() if not line.startswith(("    checks:", "      ")))
    loaded = load_journey(write(tmp_path, "j.yaml", untuned.replace("    steps:", "    steps:\n" + STEP)), cfg)
    assert effective_tuning(loaded.journey, cfg) == {}


def test_an_unknown_check_id_names_file_line_and_the_known_ids(cfg, tmp_path):
    path = write(tmp_path, "j.yaml", SCENARIO.replace("      tone: {severity", "      tonne: {severity"))
    with pytest.raises(InputError) as err:
        load_journey(path, cfg)
    (problem,) = err.value.problems
    assert str(problem) == (f"{path}:5: checks.tonne: unknown check 'tonne' (did you mean 'tone'?); "
                            f"known checks: {', '.join(sorted([*CHECKS, *HARVEST_CHECKS]))}")


def test_an_unknown_check_id_on_a_target_is_an_error_too(tmp_path):
    path = write(tmp_path, "probes.yaml", CONFIG.replace("language: {", "langauge: {"))
    with pytest.raises(InputError) as err:
        load_config(path)
    (problem,) = err.value.problems
    assert str(problem).startswith(f"{path}:7: targets.shop.checks.langauge: unknown check 'langauge' "
                                   "(did you mean 'language'?); known checks: ")
    assert all(cid in str(problem) for cid in CHECKS)


@pytest.mark.parametrize("entry, message", [
    ("{off: true}", "checks.placeholder.reason: required field is missing"),
    ("{off: true, reason: '  '}", "checks.placeholder.reason: say why the check is tuned; the report shows the reason"),
    ("{reason: Just because}", "checks.placeholder: say what changes: off: true, or a severity "
                               "(critical, major, minor, info)"),
    ("{severity: harmless, reason: x}", "checks.placeholder.severity: Input should be 'critical', 'major', "
                                        "'minor' or 'info'"),
    ("{of: true, reason: x}", "checks.placeholder.of: unknown key 'of' (did you mean 'off'?); "
                              "allowed keys: off, reason, severity"),
])
def test_each_tuning_entry_needs_a_reason_and_one_change(cfg, tmp_path, entry, message):
    text = SCENARIO.replace("""{off: true, reason: "The shop's form confirmation is known to say Dear [name]"}""", entry)
    path = write(tmp_path, "j.yaml", text)
    with pytest.raises(InputError) as err:
        load_journey(path, cfg)
    assert [str(p) for p in err.value.problems] == [f"{path}:6: {message}"]


def test_off_is_the_key_off_not_a_yaml_boolean():
    # PyYAML reads a bare `off` key as false; both spellings mean the same tuning.
    assert CheckTuning.model_validate({False: True, "reason": "x"}).off is True
    assert CheckTuning.model_validate({"off": True, "reason": "x"}).off is True


# --- applying ------------------------------------------------------------------------------------
def test_a_switched_off_check_records_nothing_while_the_same_text_untuned_does():
    plain = run_checks(DEAR, CheckContext(persona={"name": "Jane Doe"}))
    assert [f.check for f in plain] == ["placeholder"]
    off = run_checks(DEAR, CheckContext(persona={"name": "Jane Doe"}, tuning=tuned(placeholder={"off": True})))
    assert off == []


def test_switching_one_check_off_leaves_the_others_running():
    ctx = CheckContext(persona={"name": "Jane Doe"}, tuning=tuned(tone={"off": True}))
    assert [f.check for f in run_checks(DEAR, ctx)] == ["placeholder"]


def test_a_changed_severity_is_recorded_with_what_it_was_and_why():
    plain, = run_checks(DEAR, CheckContext(persona={"name": "Jane Doe"}))
    ctx = CheckContext(persona={"name": "Jane Doe"},
                       tuning=tuned(placeholder={"severity": "minor", "reason": "Known; fix ships in May",
                                                 "from": "target"}))
    (f,) = run_checks(DEAR, ctx)
    assert plain.severity == "major" and f.severity == "minor"
    assert (f.check, f.title, f.snippet) == (plain.check, plain.title, plain.snippet)
    assert f.detail == (f"{plain.detail} (Severity changed from major to minor by the target's tuning: "
                        "Known; fix ships in May)")


# --- ledger --------------------------------------------------------------------------------------
def test_the_ledger_keeps_the_journeys_tuning(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.sqlite3'}")
    run_id = ledger.start_run("run", tmp_path)
    tuning = tuned(tone={"off": True}, language={"severity": "minor", "from": "target"})
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="shop", target_name="Shop",
                               persona={"name": "Jane"}, tags=[], tuning=tuning)
    plain = ledger.start_journey(run_id, name="K", file="k.yaml", target="shop", target_name="Shop",
                                 persona={"name": "Kim"}, tags=[])
    ledger.close()
    again = Ledger(f"sqlite:///{tmp_path / 'l.sqlite3'}")
    assert again.get_journey(jid)["tuning"] == tuning
    assert again.get_journey(plain)["tuning"] is None


def test_a_ledger_from_before_tuning_upgrades_and_keeps_its_journeys(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = sa.create_engine(url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text("insert into runs (id, kind, status, started_at) values "
                             "('20250101T000000Z-aaaa', 'nightly', 'passed', '2025-01-01 00:00:00')"))
        conn.execute(sa.text("insert into journeys (run_id, name, target, status, started_at) values "
                             "('20250101T000000Z-aaaa', 'Old journey', 'demo', 'passed', '2025-01-01 00:00:00')"))
    engine.dispose()
    ledger = Ledger(url)
    (journey,) = ledger.run_rows("20250101T000000Z-aaaa")["journeys"]
    assert journey["name"] == "Old journey" and journey["tuning"] is None
    with ledger.engine.connect() as conn:
        assert conn.execute(sa.text("select version_num from alembic_version")).scalar() == _head()


def _head() -> str:
    """The newest migration (opening a ledger upgrades it to this)."""
    from alembic.script import ScriptDirectory

    from probes.ledger import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


# --- harvest: answers that come later are judged with the same tuning ----------------------------
@pytest.fixture
def contacted(tmp_path):
    """A ledger with one sent contact whose journey tuned 'placeholder' (as the runner writes it)."""
    def make(tuning):
        ledger = Ledger(f"sqlite:///{tmp_path / 'l.sqlite3'}")
        run_id = ledger.start_run("run", tmp_path / "reports")
        jid = ledger.start_journey(run_id, name="J", file=f"{new_token()}.yaml", target="shop",
                                   target_name="Shop", persona={"name": "Jane Doe"}, tags=[], tuning=tuning)
        sid = ledger.start_step(jid, 0, "ask", "sms")
        token = new_token()
        cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="sms",
                                  destination="+442071234567", token=token, idempotency_key=f"{run_id}/{token}")
        ledger.mark_contact(cid, "sent", dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
        return ledger, ledger.get_contact(cid)
    return make


def _findings(ledger, contact):
    return ledger.run_rows(contact["run_id"])["findings"]


@pytest.mark.parametrize("tuning, want", [
    (None, [("placeholder", "major")]),
    (tuned(placeholder={"off": True}), []),
    (tuned(placeholder={"severity": "info", "reason": "Known template bug"}), [("placeholder", "info")]),
])
def test_harvested_texts_are_checked_with_the_journeys_tuning(contacted, cfg, tmp_path, tuning, want):
    ledger, contact = contacted(tuning)
    now = dt.datetime.now(dt.timezone.utc)
    text = SimpleNamespace(sid="SM" + "a1" * 15, from_="+442071234567", to="+15005550006", direction="inbound",
                           body=DEAR.replace("tomorrow.", f"tomorrow. Ref {contact['token']}"),
                           date_sent=now, date_created=now)
    with ledger.transaction():
        Pipeline(ledger, cfg, tmp_path / "reports").take(
            TextBox(SimpleNamespace(number="+15005550006")).inbound(text), HarvestResult())
    found = _findings(ledger, contact)
    assert [(f["check_id"], f["severity"]) for f in found] == want
    if tuning and want:
        assert found[0]["detail"].endswith("(Severity changed from major to info by the scenario's tuning: "
                                           "Known template bug)")


def test_harvested_email_is_checked_with_the_journeys_tuning(contacted, cfg, tmp_path):
    from email.message import EmailMessage

    ledger, contact = contacted(tuned(placeholder={"off": True}))
    msg = EmailMessage()
    msg["From"], msg["To"] = "Priya <priya@shop.example>", "shopper@mystery.example"
    msg["Subject"], msg["Message-ID"] = f"Re: your question [{contact['token']}]", "<r1@shop.example>"
    msg.set_content(DEAR)
    result = HarvestResult()
    now = dt.datetime.now(dt.timezone.utc)
    item = to_inbound(msg.as_bytes(), source="mail/INBOX", uidvalidity=1, uid=1, internal=now, observed=now,
                      subaddress=False, own_address="shopper@mystery.example")
    with ledger.transaction():
        Pipeline(ledger, cfg, tmp_path / "reports").take(item, result)
    assert result.matched == 1
    assert _findings(ledger, contact) == []
    assert check_context(ledger, contact, {"name": "Jane Doe"}, "email").tuning == tuned(placeholder={"off": True})


# --- a real run: the runner writes the tuning and applies it to what the company shows ----------
CALLBACK = (ROOT / "scenarios" / "callback-placeholder.yaml").read_text(encoding="utf-8")


def test_a_run_applies_and_records_target_and_scenario_tuning(run_journeys, config):
    config.targets["demo"].checks = {"placeholder": CheckTuning(off=True, reason="Known: the call-back page")}
    kept_off = CALLBACK.replace("Margaret Okafor", "Ann Lee")
    rerated = CALLBACK.replace("name: Call-back", "name: Re-rated call-back").replace(
        "target: demo\n", "target: demo\nchecks:\n  placeholder: {severity: minor, reason: Fix ships in May}\n")
    ran = run_journeys(kept_off, rerated)
    off_j, minor_j = ran.rows["journeys"]
    assert off_j["tuning"] == {"placeholder": {"off": True, "severity": None,
                                               "reason": "Known: the call-back page", "from": "target"}}
    assert minor_j["tuning"] == {"placeholder": {"off": False, "severity": "minor",
                                                 "reason": "Fix ships in May", "from": "scenario"}}
    by_journey = {j["id"]: [f for f in ran.findings("placeholder") if f["journey_id"] == j["id"]]
                  for j in (off_j, minor_j)}
    assert by_journey[off_j["id"]] == []
    assert by_journey[minor_j["id"]] and all(
        f["severity"] == "minor" and f["detail"].endswith("by the scenario's tuning: Fix ships in May)")
        for f in by_journey[minor_j["id"]])
    # A minor finding does not fail the step: the re-rated journey passes like the switched-off one.
    assert [s["status"] for s in ran.steps] == ["passed", "passed"]
