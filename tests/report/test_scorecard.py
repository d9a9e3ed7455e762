"""The scorecard across companies (probes/report/scorecard.py, `probes scorecard`), from ledgers written through
the ledger API as runs would have written them.

Three companies in one run: Good Co (quick, personal answers that cover the question, a promise kept; one
answer still awaited), Slow Co (slow answers that miss the question, one a form letter, a promise broken; one
contact stopped by the prober's own error) and Few Co (one contact only). What the prober could not judge
never counts against a company, and a company with too few judged contacts is not ranked.
"""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from probes.ledger import Ledger
from probes.report.scorecard import CSV_COLUMNS, runs_for, scorecard_data, write_csv, write_scorecard
from probes.results import Finding

from .conftest import open_report

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)


def contact(ledger, run_id, jid, pos, *, channel="email", status="passed", human_after_s=None, ack_after_s=None,
            findings=(), promise=None, pending=False, started=T0):
    """One dispatch step of a journey, its contact, the awaits on it and the answers it got."""
    sid = ledger.start_step(jid, pos, f"step{pos}", channel)
    if status == "error":   # the prober's own trouble: nothing reached the company, nothing to judge
        ledger.finish_step(sid, "error", error="the prober's browser crashed")
        return
    sent = started + dt.timedelta(minutes=pos)
    cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel=channel, destination="x",
                              token=f"{run_id}-{jid}-{pos}", idempotency_key=f"{run_id}-{jid}-{pos}")
    ledger.mark_contact(cid, "sent", sent_at=sent)
    answered = {}
    for uid, (kind, after) in enumerate((("auto", ack_after_s), ("human", human_after_s))):
        if after is not None:
            at = sent + dt.timedelta(seconds=after)
            answered[kind] = ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1,
                                                 uid=cid * 10 + uid, contact_id=cid, matched_by="token",
                                                 kind=kind, observed_at=at, arrived_at=at, body_text="Thanks")
    for kind in ("ack", "human"):
        aid = ledger.add_await(run_id=run_id, journey_id=jid, step_id=sid, contact_id=cid, channel="email",
                               kind=kind, deadline_text="1 day", due_at=sent + dt.timedelta(days=1))
        if not pending:
            got = answered.get("human") or answered.get("auto")
            ledger.settle_await(aid, "met" if got else "no_response", response_id=got)
    if promise is not None:
        aid = ledger.add_await(run_id=run_id, journey_id=jid, step_id=sid, contact_id=cid, channel="email",
                               kind="promise", deadline_text='promised "within 2 hours"',
                               due_at=sent + dt.timedelta(hours=2))
        if promise != "pending":
            ledger.settle_await(aid, promise)
    for check, severity in findings:
        ledger.add_finding(run_id, jid, sid, Finding(check, severity, check), contact_id=cid)
    ledger.finish_step(sid, status, observations={"reachable": True})


def journey(ledger, run_id, target, name, steps, *, started=T0):
    jid = ledger.start_journey(run_id, name=f"{name} ({target})", file=f"{name}.yaml", target=target,
                               target_name=f"{target.title()} Co", persona={"name": "Jane"}, tags=[])
    for pos, kwargs in enumerate(steps):
        contact(ledger, run_id, jid, pos, started=started, **kwargs)
    ledger.finish_journey(jid, "passed")


def write_run(ledger, run_id, started=T0):
    ledger.start_run("nightly", evidence_root=".", run_id=run_id)
    ledger.update_row("runs", run_id, started_at=started)
    journey(ledger, run_id, "good", "Question", started=started, steps=[
        dict(ack_after_s=1.0, human_after_s=60.0, findings=[("answer.complete", "info")], promise="met"),
        dict(ack_after_s=1.0, human_after_s=120.0, findings=[("answer.complete", "info")]),
        dict(pending=True),    # its answer is still awaited: unknown, not "unanswered"
    ])
    journey(ledger, run_id, "slow", "Question", started=started, steps=[
        dict(channel="web_form", ack_after_s=600.0, human_after_s=3600.0,
             findings=[("answer.incomplete", "major")], promise="no_response"),
        dict(channel="web_form", ack_after_s=600.0, human_after_s=7200.0,
             findings=[("answer.incomplete", "major"), ("canned", "minor")]),
        dict(status="error"),  # the prober's error: unknown reach, never against Slow Co
    ])
    journey(ledger, run_id, "few", "Question", started=started, steps=[dict(human_after_s=30.0)])
    ledger.finish_run(run_id, "failed")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    led = Ledger(f"sqlite:///{tmp_path_factory.mktemp('scorecard') / 'ledger.sqlite3'}")
    write_run(led, "nightly-1")
    yield led
    led.close()


def by_target(data):
    return {c["target"]: c for c in data["companies"]}


def test_figures_rank_and_unknowns(ledger):
    data = scorecard_data(ledger, ["nightly-1"])
    assert [c["target"] for c in data["companies"]] == ["good", "slow", "few"]
    good, slow, few = (by_target(data)[t] for t in ("good", "slow", "few"))

    # Good Co: the answer still awaited is unknown, not counted as unanswered.
    assert (good["awaited"], good["answered"], good["answer_unknown"], good["response_rate"]) == (3, 2, 1, 1.0)
    assert (good["person_replied"], good["person_rate"], good["ack_rate"]) == (2, 1.0, 1.0)
    assert (good["person_median_s"], good["person_p90_s"], good["person_times"]) == (60.0, 120.0, 2)
    assert (good["addressed_rate"], good["personal_rate"], good["promises_rate"]) == (1.0, 1.0, 1.0)
    assert (good["score"], good["rank"], good["ranked"]) == (1.0, 1, "yes")

    # Slow Co: the prober's error leaves its reach 2 of 2 (1 unknown); it loses on what was judged.
    assert (slow["contacts_tried"], slow["reached"], slow["reach_unknown"], slow["reach_rate"]) == (2, 2, 1, 1.0)
    assert (slow["addressed"], slow["not_addressed"], slow["addressed_rate"]) == (0, 2, 0.0)
    assert (slow["canned"], slow["personal_rate"]) == (1, 0.5)
    assert (slow["promises_kept"], slow["promises_broken"], slow["promises_rate"]) == (0, 1, 0.0)
    assert slow["person_median_s"] == 3600.0
    # Mean of reached 1, a person replied 1, addressed 0, personal 0.5, promises 0.
    assert (slow["score"], slow["rank"]) == (0.5, 2)
    (web_form,) = [ch for ch in slow["channels"] if ch["channel"] == "web_form"]
    assert (web_form["reached"], web_form["person_replied"], web_form["canned"]) == (2, 2, 1)

    # Few Co: a perfect score from one contact is not a rank.
    assert (few["contacts_tried"], few["score"]) == (1, 1.0)
    assert (few["rank"], few["ranked"]) == (None, "too few judged contacts")
    assert any("too few judged contacts" in s for s in data["method"])

    # With the bar at one contact, Few Co ties Good Co on score and ranks by its shorter time to a person.
    relaxed = by_target(scorecard_data(ledger, ["nightly-1"], min_contacts=1))
    assert (relaxed["few"]["rank"], relaxed["good"]["rank"], relaxed["slow"]["rank"]) == (1, 2, 3)


def test_csv_has_the_documented_columns_a_row_per_company_and_channel(ledger, tmp_path):
    path = write_csv(scorecard_data(ledger, ["nightly-1"]), tmp_path / "out" / "scorecard.csv")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == [name for name, _ in CSV_COLUMNS]
        rows = {(r["target"], r["channel"]): r for r in reader}
    assert set(rows) == {("good", "all"), ("good", "email"), ("slow", "all"), ("slow", "email"),
                         ("slow", "web_form"), ("few", "all"), ("few", "email")}
    assert (rows["good", "all"]["rank"], rows["good", "all"]["score"], rows["good", "all"]["company"]) == (
        "1", "1.0", "Good Co")
    assert rows["slow", "web_form"]["person_median_s"] == "3600.0"
    assert rows["slow", "email"]["reach_unknown"] == "1" and rows["slow", "email"]["reach_rate"] == ""
    assert (rows["few", "all"]["rank"], rows["few", "all"]["ranked"]) == ("", "too few judged contacts")
    assert rows["good", "email"]["answer_unknown"] == "1" and rows["good", "email"]["response_rate"] == "1.0"


def test_page_in_chromium_shows_the_rank_the_unknowns_and_the_method(ledger, tmp_path, chromium):
    page_path = write_scorecard(scorecard_data(ledger, ["nightly-1"]), tmp_path / "scorecard.html")
    page, requests, url = open_report(chromium, page_path)
    assert all(r.startswith("file:") for r in requests)   # self-contained
    rows = page.locator("table.ranking tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("th").inner_text() for i in range(3)] == ["Good Co", "Slow Co", "Few Co"]
    assert rows.nth(0).locator("td").first.inner_text() == "1"
    assert rows.nth(2).locator("td").first.inner_text() == "not ranked: too few judged contacts"
    slow = rows.nth(1)
    assert slow.locator('[data-col="reached"]').inner_text().split("\n") == [
        "2 of 2 (100%)", "+1 unknown (prober could not tell)"]
    assert slow.locator('[data-col="addressed"]').inner_text() == "0 of 2 (0%)"
    assert slow.locator('[data-col="personal"]').inner_text() == "1 of 2 (50%)"
    assert slow.locator('[data-col="time_to_person"]').inner_text().startswith("1 h")
    good = rows.nth(0)
    assert "+1 unknown (still waiting)" in good.locator('[data-col="answered"]').inner_text()
    method = page.locator("section.method").inner_text()
    assert "never counts against the company" in method and "too few judged contacts" in method
    # Each company's channels, with its total row.
    slow_channels = page.locator('section.company[data-target="slow"] tbody tr')
    assert [slow_channels.nth(i).locator("th").inner_text() for i in range(slow_channels.count())] == [
        "Email", "Web form", "All channels"]


def test_period_from_the_command_line(ledger, tmp_path, cli):
    """`probes scorecard --days N` over two nights: counts add up; a run outside the period is left out."""
    url = str(ledger.engine.url)
    write_run(ledger, "nightly-2", started=T0 + dt.timedelta(days=1))
    write_run(ledger, "nightly-old", started=T0 - dt.timedelta(days=40))
    assert [r["id"] for r in runs_for(ledger, days=3)] == ["nightly-1", "nightly-2"]
    assert [r["id"] for r in runs_for(ledger)] == ["nightly-2"]
    out, table = tmp_path / "period.html", tmp_path / "period.csv"
    done = cli("scorecard", "--ledger", url, "--days", "3", "--out", str(out), "--csv", str(table),
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"Scorecard: {out}" in done.stdout and f"CSV: {table}" in done.stdout
    # Two nights: Few Co now has two judged contacts and is ranked; it ties Good Co on score, and its
    # person answers sooner.
    assert "1. Few Co: score 1.00" in done.stdout and "2. Good Co: score 1.00" in done.stdout
    with table.open(encoding="utf-8", newline="") as f:
        rows = {(r["target"], r["channel"]): r for r in csv.DictReader(f)}
    assert rows["good", "all"]["awaited"] == "6" and rows["few", "all"]["ranked"] == "yes"
    bad = cli("scorecard", "--ledger", url, "--since", "last week", cwd=tmp_path)
    assert bad.returncode == 2 and "is not a date" in bad.stderr
    none = cli("scorecard", "--ledger", url, "--run", "no-such-run", cwd=tmp_path)
    assert none.returncode == 2 and "no such run" in none.stderr
