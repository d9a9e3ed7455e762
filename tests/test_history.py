"""What changed between runs: new, resolved, persisting and unchecked problems (probes.history).

Ledgers of many nights are built through the ledger API, as the nightly runs would have written them.
"""
import datetime as dt

import pytest

from probes.history import (FIRST_LOOKBACK_RUNS, changes_for_run, confirm_after_for, journey_confirm_after,
                            regressions)
from probes.ledger import Ledger
from probes.results import Finding

NIGHT0 = dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.timezone.utc)


@pytest.fixture()
def ledger(ledger_url):
    # Every test twice: on SQLite and on PostgreSQL (conftest.ledger_url).
    led = Ledger(ledger_url)
    yield led
    led.close()


def night(ledger, n: int, steps: dict[str, tuple[str, list[str]]], *, kind="nightly", journey="Contact form",
          target="acme") -> str:
    """One run on night ``n``: steps maps step key -> (status, [check ids found there])."""
    run_id = ledger.start_run(kind, evidence_root=".", run_id=f"{kind}-{n:03d}")
    ledger.update_row("runs", run_id, started_at=NIGHT0 + dt.timedelta(days=n))
    jid = ledger.start_journey(run_id, name=journey, file="j.yaml", target=target, target_name="Acme Ltd",
                               persona={}, tags=[])
    failed = False
    for pos, (key, (status, checks)) in enumerate(steps.items()):
        sid = ledger.start_step(jid, pos, key, "web_form")
        for check in checks:
            ledger.add_finding(run_id, jid, sid, Finding(check=check, severity="major", title=f"{check} on {n}"))
        ledger.finish_step(sid, status)
        failed |= status == "failed"
    ledger.finish_journey(jid, "failed" if failed else "passed")
    ledger.finish_run(run_id, "failed" if failed else "passed")
    return run_id


def keys(problems):
    return sorted(p.check_id for p in problems)


def test_new_persisting_and_resolved_with_since(ledger):
    night(ledger, 1, {"send": ("failed", ["web_form.http_error"])})
    night(ledger, 2, {"send": ("failed", ["web_form.http_error", "web_form.slow"])})
    last = night(ledger, 3, {"send": ("failed", ["web_form.slow"])})
    changes = changes_for_run(ledger, last)
    assert keys(changes.persisting) == ["web_form.slow"]
    assert keys(changes.resolved) == ["web_form.http_error"]
    assert changes.new == []
    slow = changes.persisting[0]
    assert (slow.since, slow.since_run_id, slow.streak) == (NIGHT0 + dt.timedelta(days=2), "nightly-002", 2)
    assert slow.title == "web_form.slow on 3"  # worded as tonight, identified by where it happened
    assert slow.key == "acme/Contact form/send/web_form.slow"
    second = changes_for_run(ledger, "nightly-002")
    assert keys(second.new) == ["web_form.slow"] and keys(second.persisting) == ["web_form.http_error"]


def test_a_step_the_prober_could_not_judge_resolves_nothing(ledger):
    night(ledger, 1, {"send": ("failed", ["web_form.http_error"])})
    errored = night(ledger, 2, {"send": ("error", [])})
    changes = changes_for_run(ledger, errored)
    assert changes.resolved == [] and keys(changes.unchecked) == ["web_form.http_error"]
    # ...and the night after, the problem is still the same streak, since night 1.
    again = changes_for_run(ledger, night(ledger, 3, {"send": ("failed", ["web_form.http_error"])}))
    assert keys(again.new) == [] and keys(again.persisting) == ["web_form.http_error"]
    problem = again.persisting[0]
    assert (problem.since_run_id, problem.streak) == ("nightly-001", 2)


def test_nightly_runs_compare_with_nights_only(ledger):
    night(ledger, 1, {"send": ("failed", ["web_form.http_error"])})
    night(ledger, 2, {"send": ("passed", [])}, kind="run")  # an ad-hoc run in between, after a fix attempt
    last = night(ledger, 3, {"send": ("failed", ["web_form.http_error"])})
    assert keys(changes_for_run(ledger, last).persisting) == ["web_form.http_error"]
    adhoc = changes_for_run(ledger, "run-002")
    assert keys(adhoc.resolved) == ["web_form.http_error"]


def test_resolved_stays_resolved_across_a_night_the_prober_could_not_judge(ledger):
    night(ledger, 1, {"send": ("failed", ["web_form.http_error"])})
    night(ledger, 2, {"send": ("passed", [])})
    night(ledger, 3, {"send": ("error", [])})
    changes = changes_for_run(ledger, night(ledger, 4, {"send": ("passed", [])}))
    assert changes.resolved == [] and changes.unchecked == [] and changes.new == []
    back = changes_for_run(ledger, night(ledger, 5, {"send": ("failed", ["web_form.http_error"])}))
    assert keys(back.new) == ["web_form.http_error"] and back.new[0].since_run_id == "nightly-005"


def test_confirmed_only_after_it_repeats(ledger):
    first = night(ledger, 1, {"send": ("failed", ["web_form.http_error"])})
    assert [p.confirmed for p in changes_for_run(ledger, first, confirm_after=2).new] == [False]
    second = night(ledger, 2, {"send": ("failed", ["web_form.http_error"])})
    assert [p.confirmed for p in changes_for_run(ledger, second, confirm_after=2).persisting] == [True]


def test_journeys_are_told_apart_by_target_and_name(ledger):
    night(ledger, 1, {"send": ("failed", ["web_form.http_error"])}, target="acme")
    other = night(ledger, 2, {"send": ("failed", ["web_form.http_error"])}, target="globex")
    changes = changes_for_run(ledger, other)
    assert keys(changes.new) == ["web_form.http_error"] and changes.first_runs == ["Contact form"]
    assert changes.new[0].streak == 1


def test_info_findings_are_no_problems(ledger):
    run_id = ledger.start_run("nightly", evidence_root=".", run_id="n1")
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="acme", target_name="Acme", persona={},
                               tags=[])
    sid = ledger.start_step(jid, 0, "send", "email")
    ledger.add_finding(run_id, jid, sid, Finding(check="email.note", severity="info", title="fyi"))
    ledger.finish_step(sid, "passed")
    assert changes_for_run(ledger, run_id).new == []
    with pytest.raises(LookupError):
        changes_for_run(ledger, "nope")


def timed_night(ledger, n: int, confirmation_s: float, *, status="passed", kind="nightly") -> str:
    """A night whose form step measured its time to confirmation (a prober error's measurement too)."""
    run_id = ledger.start_run(kind, evidence_root=".", run_id=f"{kind}-{n:03d}")
    ledger.update_row("runs", run_id, started_at=NIGHT0 + dt.timedelta(days=n))
    jid = ledger.start_journey(run_id, name="Contact form", file="j.yaml", target="acme", target_name="Acme Ltd",
                               persona={}, tags=[])
    sid = ledger.start_step(jid, 0, "send", "web_form")
    ledger.finish_step(sid, status, measurements={"submit_to_confirmation_s": confirmation_s, "note": "x"})
    ledger.finish_journey(jid, status)
    ledger.finish_run(run_id, status)
    return run_id


def test_a_time_above_its_own_recent_p90_is_a_regression(ledger):
    for n in range(14):
        timed_night(ledger, n, 1.0 + (n % 5) * 0.1)
    (flag,) = regressions(ledger, timed_night(ledger, 14, 3.0))
    assert (flag.key, flag.value_s, flag.p90_s, flag.earlier) == (
        "acme/Contact form/send/submit_to_confirmation_s", 3.0, 1.4, 14)
    assert regressions(ledger, timed_night(ledger, 15, 1.3)) == []   # within its usual range


def test_regressions_count_only_measured_values_never_a_prober_errors(ledger):
    for n in range(4):
        timed_night(ledger, n, 1.0)
    timed_night(ledger, 4, 60.0, status="error")       # the prober's browser hung: not the company's time
    # Four measured values are too few to know what is usual: nothing is flagged yet.
    assert regressions(ledger, timed_night(ledger, 5, 1.5)) == []
    # Tonight's prober error is never flagged, however long it took.
    assert regressions(ledger, timed_night(ledger, 6, 90.0, status="error")) == []
    # The erred nights' 60 s and 90 s did not enter the distribution: 5 s stands out against 1-1.5 s.
    for n in range(7, 9):
        timed_night(ledger, n, 1.0)
    (flag,) = regressions(ledger, timed_night(ledger, 9, 5.0))
    assert (flag.value_s, flag.p90_s, flag.earlier) == (5.0, 1.5, 7)


def test_confirm_after_is_what_the_run_recorded_for_each_journey(ledger):
    def run(n):
        run_id = night(ledger, n, {"send": ("failed", ["web_form.http_error"])})
        options = {"journeys": [], "confirm_after": [["acme", "Contact form", 2]]}
        ledger.update_row("runs", run_id, options=options)
        return run_id

    first = run(1)
    assert confirm_after_for(ledger, first) == {("acme", "Contact form"): 2}
    assert journey_confirm_after(ledger, first, "acme", "Contact form") == 2
    assert journey_confirm_after(ledger, first, "acme", "Other") == 1
    assert [p.confirmed for p in changes_for_run(ledger, first).new] == [False]
    assert [p.confirmed for p in changes_for_run(ledger, run(2)).persisting] == [True]
    # A number given by the caller is used for every journey.
    assert [p.confirmed for p in changes_for_run(ledger, first, confirm_after=1).new] == [True]


def test_a_streak_longer_than_the_first_read_is_followed_back_to_its_start(ledger):
    nights = FIRST_LOOKBACK_RUNS + 9
    night(ledger, 0, {"send": ("passed", [])})
    for n in range(1, nights):
        night(ledger, n, {"send": ("failed", ["web_form.http_error"])} if n != 5 else {"send": ("error", [])})
    (problem,) = changes_for_run(ledger, f"nightly-{nights - 1:03d}").persisting
    assert (problem.since_run_id, problem.streak) == ("nightly-001", nights - 2)   # night 5 did not judge it


def test_confirm_after_comes_from_the_scenario_else_the_target_else_settings(tmp_path):
    import textwrap

    from probes.cli import _confirm_after
    from probes.config import load_config
    from probes.scenario import load_journey

    (tmp_path / "probes.yaml").write_text(textwrap.dedent("""
        settings: {confirm_after: 3}
        targets:
          shop: {name: Shop, allowlist: ["http://127.0.0.1:8780/"], confirm_after: 2}
          other: {name: Other, allowlist: ["http://127.0.0.1:8781/"]}
    """))
    config = load_config(tmp_path / "probes.yaml")
    loaded = []
    for name, target, own in (("Own", "shop", "confirm_after: 4\n"), ("Target's", "shop", ""),
                              ("Default", "other", "")):
        path = tmp_path / f"{name}.yaml"
        port = 8780 if target == "shop" else 8781
        path.write_text(f"name: {name}\npersona: {{name: Jane}}\ntarget: {target}\n{own}steps:\n"
                        f"  - channel: web_form\n    url: http://127.0.0.1:{port}/contact\n"
                        "    fields: [{label: Name, value: Jane}]\n    expect: {text: Thanks}\n")
        loaded.append(load_journey(path, config))
    assert _confirm_after(config, loaded) == [["shop", "Own", 4], ["shop", "Target's", 2], ["other", "Default", 3]]
